"""One case: the rescue, victims, statements (final ones sealed), suspects, referrals, audit."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from fieldapp.domain.enums import StatementStatus
from fieldapp.services import caselist, intake, statements
from fieldapp.services.caselist import CaseExtras
from fieldapp.services.intake import CaseFile
from fieldapp.store.models import Statement
from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext
from fieldapp.ui.forms import open_form
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import Banner, fill_table, lock_icon, make_table, selected_key


@dataclass
class LoadedCase:
    case: CaseFile
    extras: CaseExtras


def load_case(ctx: ViewContext, rescue_id: str) -> LoadedCase:
    """The database job behind the case view (runs on the database worker)."""
    with ctx.ws.tx():
        return LoadedCase(intake.get_case(ctx.ws, rescue_id), caselist.case_extras(ctx.ws, rescue_id))


class StatementDialog(QDialog):
    """A statement with its narrative; opening it was written to the audit log."""

    def __init__(self, parent: QWidget | None, st: Statement, victim_label: str) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.text = QPlainTextEdit(st.narrative)
        self.text.setReadOnly(True)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self._st, self._victim = st, victim_label
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self.resize(620, 480)
        self.retranslate()

    def retranslate(self) -> None:
        st = self._st
        self.setWindowTitle(self.tr("Statement"))
        seal = (self.tr("Final (sealed) — seal {hash}").format(hash=st.final_hash or "")
                if st.status == StatementStatus.FINAL else self.tr("Draft (not final yet)"))
        self.info.setText(self.tr("Victim: {victim}\nInterview: {date}, language {lang}\n{seal}")
                          .format(victim=self._victim, date=i18n.fmt_date(st.interview_date),
                                  lang=st.language or "-", seal=seal))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AttachmentDialog(QDialog):
    """An attachment decrypted into memory: images shown, other files described (no temp file)."""

    def __init__(self, parent: QWidget | None, filename: str, mime: str, data: bytes) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(filename)
        self.view = QLabel()
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image = QImage.fromData(data) if mime.startswith("image/") else QImage()
        if not image.isNull():
            self.view.setPixmap(QPixmap.fromImage(image).scaled(
                900, 700, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        elif mime.startswith("text/"):
            self.view.setText(data[:20000].decode("utf-8", "replace"))
            self.view.setWordWrap(True)
        else:
            self.view.setText(self.tr("{name}: {size} bytes ({mime}). This file type cannot be "
                                      "shown here.").format(name=filename, size=len(data), mime=mime))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.close_button)


class CaseView(QWidget):
    """Layout and actions of one open case; data is loaded through the task runner."""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: ViewContext | None = None
        self.rescue_id: str | None = None
        self.loaded: LoadedCase | None = None
        self.dialogs: list[QDialog] = []

        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back.emit)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_rescue)
        self.banner = Banner()
        self.details = QFormLayout()
        self.detail_labels = [QLabel() for _ in range(6)]
        self.detail_values = [QLabel() for _ in range(6)]
        for label, value in zip(self.detail_labels, self.detail_values, strict=True):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(label, value)

        self.tabs = QTabWidget()
        self.victims = make_table()
        self.statements = make_table()
        self.suspects = make_table()
        self.referrals = make_table()
        self.timeline = QListWidget()
        self.attachments = make_table()
        self.audit = make_table()
        self.statements.itemSelectionChanged.connect(self._statement_selected)
        self.referrals.itemSelectionChanged.connect(self._show_timeline)
        self.statements.doubleClicked.connect(lambda _i: self.read_statement())

        self.add_victim_button = QPushButton()
        self.add_victim_button.clicked.connect(self.add_victim)
        self.add_statement_button = QPushButton()
        self.add_statement_button.clicked.connect(self.record_statement)
        self.read_button = QPushButton()
        self.read_button.clicked.connect(self.read_statement)
        self.read_button.setEnabled(False)
        self.add_suspect_button = QPushButton()
        self.add_suspect_button.clicked.connect(self.add_suspect)
        self.refer_button = QPushButton()
        self.refer_button.clicked.connect(self.refer_victim)
        self.quick_list_button = QPushButton()  # h13: the raid's quick list and bulk referral
        self.quick_list_button.clicked.connect(self.open_quick_list)
        self.attachment_note = QLabel()
        self.attachment_note.setWordWrap(True)
        self.open_attachment_button = QPushButton()
        self.open_attachment_button.clicked.connect(self.open_attachment)
        self.attachments.doubleClicked.connect(lambda _i: self.open_attachment())

        self.tabs.addTab(self._with_buttons(self.victims, self.add_victim_button, self.refer_button,
                                            self.quick_list_button), "")
        self.tabs.addTab(self._with_buttons(self.statements, self.add_statement_button,
                                            self.read_button), "")
        self.tabs.addTab(self._with_buttons(self.suspects, self.add_suspect_button), "")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.referrals)
        split.addWidget(self.timeline)
        self.tabs.addTab(split, "")
        attach = QWidget()
        al = QVBoxLayout(attach)
        arow = QHBoxLayout()
        arow.addWidget(self.attachment_note, 1)
        arow.addWidget(self.open_attachment_button)
        al.addLayout(arow)
        al.addWidget(self.attachments, 1)
        self.tabs.addTab(attach, "")
        self.tabs.addTab(self.audit, "")

        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.banner)
        layout.addLayout(self.details)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    @staticmethod
    def _with_buttons(table: QTableWidget, *buttons: QPushButton) -> QWidget:
        box = QWidget()
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(table, 1)
        return box

    # -- life cycle -------------------------------------------------------------------
    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx

    def show_case(self, rescue_id: str) -> None:
        """Open a case: clear what was shown, then load it off the UI thread."""
        self.clear()
        self.rescue_id = rescue_id
        if self.ctx is None:
            return
        ctx = self.ctx
        ctx.runner.run_db("load_case", lambda: load_case(ctx, rescue_id), self._loaded,
                          lambda exc: self.banner.error(user_message(exc)))

    def reload(self) -> None:
        if self.rescue_id:
            self.show_case(self.rescue_id)

    def clear(self) -> None:
        """Forget everything shown (the idle lock, or another case opening)."""
        for dialog in self.dialogs:
            if isValid(dialog):  # dialogs delete themselves when closed
                dialog.close()
        self.dialogs.clear()
        self.loaded = None
        self.title.clear()
        for value in self.detail_values:
            value.clear()
        for table in (self.victims, self.statements, self.suspects, self.referrals,
                      self.attachments, self.audit):
            table.clear()
            table.setRowCount(0)
        self.timeline.clear()
        self.banner.clear_message()
        self.read_button.setEnabled(False)

    def _loaded(self, loaded: LoadedCase) -> None:
        if self.rescue_id != loaded.case.rescue.id:
            return
        self.loaded = loaded
        self._render()

    # -- rendering --------------------------------------------------------------------
    def _victim_label(self, victim_id: str) -> str:
        if self.loaded is None:
            return ""
        for v in self.loaded.case.victims:
            if v.id == victim_id:
                return " / ".join(x for x in (v.name_km, v.name_latin) if x)
        return ""

    def _render(self) -> None:
        if self.loaded is None or self.ctx is None:
            return
        ctx, case, extras = self.ctx, self.loaded.case, self.loaded.extras
        r = case.rescue
        self.title.setText(self.tr("Case {number}").format(number=r.case_number))
        values = [i18n.fmt_date(r.operation_date), r.place or "-", ctx.province_name(r.province_code),
                  ctx.post_name(r.post_code), i18n.exploitation_label(r.exploitation_type), r.unit or "-"]
        for label, value in zip(self.detail_values, values, strict=True):
            label.setText(value)

        def age(v: object) -> str:
            born = getattr(v, "date_of_birth", None)
            if born is not None:
                return i18n.digits(intake.age_on(born, r.operation_date))
            est = getattr(v, "estimated_age", None)
            return self.tr("about {age}").format(age=i18n.digits(est)) if est is not None else "-"

        fill_table(self.victims, [self.tr("Name (Khmer)"), self.tr("Name (Latin)"), self.tr("Sex"),
                                  self.tr("Age"), self.tr("Minor"), self.tr("Nationality")],
                   [[v.name_km, v.name_latin, i18n.sex_label(v.sex), age(v),
                     self.tr("yes") if v.is_minor else self.tr("no"), v.nationality]
                    for v in case.victims], [v.id for v in case.victims])
        fill_table(self.statements, [self.tr("Victim"), self.tr("Interview"), self.tr("Status"),
                                     self.tr("Language"), self.tr("Seal (SHA-256)")],
                   [[self._victim_label(s.victim_id), i18n.fmt_date(s.interview_date),
                     i18n.statement_status_label(s.status)
                     + (" " + self.tr("(amendment)") if s.amends_id else ""),
                     s.language, s.final_hash or ""] for s in case.statements],
                   [s.id for s in case.statements])
        for row, s in enumerate(case.statements):
            if s.status == StatementStatus.FINAL:
                item = self.statements.item(row, 2)
                item.setIcon(lock_icon())
                item.setToolTip(self.tr("Final: sealed, it cannot change. A correction is recorded "
                                        "as an amendment."))
        fill_table(self.suspects, [self.tr("Name"), self.tr("Alias"), self.tr("Role"),
                                   self.tr("Nationality"), self.tr("Status")],
                   [[s.name, s.alias, i18n.suspect_role_label(s.role), s.nationality,
                     i18n.suspect_status_label(s.status)] for s in case.suspects],
                   [s.id for s in case.suspects])
        fill_table(self.referrals, [self.tr("Victim"), self.tr("Service"), self.tr("Provider"),
                                    self.tr("Due"), self.tr("Status")],
                   [[self._victim_label(x.victim_id), i18n.service_label(x.service),
                     ctx.provider_name(x.provider_code), i18n.fmt_date(x.due_date),
                     i18n.referral_status_label(x.status)
                     + (" ⚠ " + self.tr("conflict") if x.conflicted else "")]
                    for x in case.referrals], [x.id for x in case.referrals])
        fill_table(self.attachments, [self.tr("File"), self.tr("Type"), self.tr("Size"),
                                      self.tr("Belongs to")],
                   [[a.filename, a.mime, self.tr("{kb} KB").format(kb=i18n.digits(max(1, a.size // 1024))),
                     i18n.entity_label(a.owner_entity)] for a in extras.attachments],
                   [a.id for a in extras.attachments])
        fill_table(self.audit, [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Record")],
                   [[i18n.fmt_date(a.at), a.username, i18n.audit_action_label(a.action),
                     i18n.entity_label(a.entity)] for a in extras.audit])
        self.tabs.setTabText(0, self.tr("Victims ({n})").format(n=i18n.digits(len(case.victims))))
        self.tabs.setTabText(1, self.tr("Statements ({n})").format(n=i18n.digits(len(case.statements))))
        self.tabs.setTabText(2, self.tr("Suspects ({n})").format(n=i18n.digits(len(case.suspects))))
        self.tabs.setTabText(3, self.tr("Referrals ({n})").format(n=i18n.digits(len(case.referrals))))
        self.tabs.setTabText(4, self.tr("Attachments ({n})").format(
            n=i18n.digits(len(extras.attachments))))
        self._show_timeline()

    def _show_timeline(self) -> None:
        self.timeline.clear()
        key = selected_key(self.referrals)
        if self.loaded is None or key is None:
            return
        for ev in self.loaded.case.events:
            if ev.referral_id != key:
                continue
            line = f"{i18n.fmt_date(ev.at)}  {i18n.audit_action_label(ev.kind)}  ({ev.created_by})"
            if ev.services_given:
                line += "  " + ", ".join(i18n.service_label(s) for s in ev.services_given)
            if ev.reason:
                line += "  — " + ev.reason
            self.timeline.addItem(line)

    def _statement_selected(self) -> None:
        self.read_button.setEnabled(selected_key(self.statements) is not None)

    # -- user actions -----------------------------------------------------------------
    def _selected_victim(self) -> str | None:
        key = selected_key(self.victims)
        if key is None and self.loaded is not None and len(self.loaded.case.victims) == 1:
            key = self.loaded.case.victims[0].id
        return key

    def edit_rescue(self) -> None:
        self._form("rescue", {"rescue_id": self.rescue_id})

    def add_victim(self) -> None:
        self._form("victim", {"rescue_id": self.rescue_id})

    def add_suspect(self) -> None:
        self._form("suspect", {"rescue_id": self.rescue_id})

    def record_statement(self) -> None:
        victim = self._selected_victim()
        if victim is None:
            self.banner.error(self.tr("Select the victim in the Victims tab first."))
            return
        minor = any(v.is_minor for v in self.loaded.case.victims if v.id == victim) if self.loaded else False
        self._form("statement_child" if minor else "statement",
                   {"rescue_id": self.rescue_id, "victim_id": victim})

    def refer_victim(self) -> None:
        victim = self._selected_victim()
        if victim is None:
            self.banner.error(self.tr("Select the victim in the Victims tab first."))
            return
        self._form("referral", {"rescue_id": self.rescue_id, "victim_id": victim})

    def open_quick_list(self) -> None:
        if self.ctx is None or self.rescue_id is None:
            return
        from fieldapp.ui.mass_intake import MassIntakeDialog

        dialog = MassIntakeDialog(self, self.ctx, self.rescue_id)
        dialog.finished.connect(lambda _r: self.reload())
        self.dialogs.append(dialog)
        dialog.open()

    def _form(self, form_id: str, context: dict[str, object]) -> None:
        self.dialogs.append(open_form(self, form_id, context))

    def read_statement(self) -> None:
        """Open the selected statement's text; the service writes this reading to the audit log."""
        key = selected_key(self.statements)
        if key is None or self.ctx is None:
            return
        ctx = self.ctx
        ctx.runner.run_db("view_statement", lambda: statements.view_statement(ctx.ws, key),
                          self._show_statement, lambda exc: self.banner.error(user_message(exc)))

    def open_attachment(self) -> None:
        """Decrypt the selected attachment into memory (audited) and show it; never a temp file."""
        key = selected_key(self.attachments)
        if key is None or self.ctx is None:
            return
        ctx = self.ctx
        from fieldapp.services import attachments

        meta = next((a for a in self.loaded.extras.attachments if a.id == key), None) if self.loaded else None
        ctx.runner.run_db("read_attachment", lambda: attachments.read_attachment(ctx.ws, key),
                          lambda data: self._show_attachment(meta.filename if meta else "",
                                                             meta.mime if meta else "", data),
                          lambda exc: self.banner.error(user_message(exc)))

    def _show_attachment(self, filename: str, mime: str, data: bytes) -> None:
        dialog = AttachmentDialog(self, filename, mime, data)
        self.dialogs.append(dialog)
        dialog.open()

    def _show_statement(self, st: Statement) -> None:
        dialog = StatementDialog(self, st, self._victim_label(st.victim_id))
        self.dialogs.append(dialog)
        dialog.open()

    # -- text -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Cases"))
        self.edit_button.setText(self.tr("Edit rescue…"))
        for label, text in zip(self.detail_labels, (self.tr("Date"), self.tr("Place"),
                                                    self.tr("Province"), self.tr("Post"),
                                                    self.tr("Type"), self.tr("Unit")), strict=True):
            label.setText(text)
        self.add_victim_button.setText(self.tr("Add victim…"))
        self.refer_button.setText(self.tr("Refer to a service…"))
        self.quick_list_button.setText(self.tr("Quick list of people found…"))
        self.add_statement_button.setText(self.tr("Record statement…"))
        self.read_button.setText(self.tr("Read statement"))
        self.add_suspect_button.setText(self.tr("Add suspect…"))
        self.attachment_note.setText(self.tr("Attachments stay encrypted; opening one decrypts it "
                                             "into memory only."))
        self.open_attachment_button.setText(self.tr("Open"))
        for i, text in enumerate((self.tr("Victims"), self.tr("Statements"), self.tr("Suspects"),
                                  self.tr("Referrals"), self.tr("Attachments"),
                                  self.tr("Audit trail"))):
            self.tabs.setTabText(i, text)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
