"""A simple Reports screen: counts over the cases this user may see, and the export entry point."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.domain.enums import Role
from fieldapp.services import caselist
from fieldapp.services.caselist import Summary
from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import Banner, fill_table, make_table


class SummaryView(QWidget):
    """Counts over the cases this user may see (until the full Reports screen is wired in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: ViewContext | None = None
        self.summary: Summary | None = None
        self.banner = Banner()
        self.totals = QLabel()
        self.by_type = make_table()
        self.by_province = make_table()
        self.by_status = make_table()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.activate)
        row = QHBoxLayout()
        row.addWidget(self.totals, 1)
        row.addWidget(self.refresh_button)
        row.addWidget(self.export_button)
        tables = QHBoxLayout()
        for t in (self.by_type, self.by_province, self.by_status):
            tables.addWidget(t)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(row)
        layout.addLayout(tables, 1)
        self.retranslate()

    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx
        self.export_button.setVisible(ctx is not None and ctx.role is Role.SUPERVISOR)

    def activate(self) -> None:
        if self.ctx is None:
            return
        ctx = self.ctx
        ctx.runner.run_db("summary", lambda: caselist.summary(ctx.ws), self._loaded,
                          lambda exc: self.banner.error(user_message(exc)))

    def clear(self) -> None:
        self.summary = None
        self.banner.clear_message()
        self._render()

    def export(self) -> None:
        """Exports are deliberate, role-gated and audited: wired in when the export service lands."""
        hook = self.ctx.hooks.get("export") if self.ctx else None
        if hook is None:
            self.banner.error(self.tr("Export is not available in this version yet."))
            return
        hook(self)

    def _loaded(self, summary: Summary) -> None:
        self.summary = summary
        self._render()

    def _render(self) -> None:
        s = self.summary
        if s is None:
            self.totals.clear()
            for t in (self.by_type, self.by_province, self.by_status):
                t.clear()
                t.setRowCount(0)
            return
        self.totals.setText(self.tr("{rescues} rescues, {victims} victims, of whom {minors} minors")
                            .format(rescues=i18n.digits(s.rescues), victims=i18n.digits(s.victims),
                                    minors=i18n.digits(s.minors)))
        province = self.ctx.province_name if self.ctx else (lambda c: c)
        fill_table(self.by_type, [self.tr("Type"), self.tr("Rescues")],
                   [[i18n.exploitation_label(k), i18n.digits(v)] for k, v in
                    sorted(s.by_type.items(), key=lambda kv: -kv[1])])
        fill_table(self.by_province, [self.tr("Province"), self.tr("Rescues")],
                   [[province(k), i18n.digits(v)] for k, v in sorted(s.by_province.items(),
                                                                     key=lambda kv: -kv[1])])
        fill_table(self.by_status, [self.tr("Referral status"), self.tr("Referrals")],
                   [[i18n.referral_status_label(k), i18n.digits(v)] for k, v in
                    sorted(s.referrals_by_status.items(), key=lambda kv: -kv[1])])

    def retranslate(self) -> None:
        self.export_button.setText(self.tr("Export…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
