"""One case: the rescue, victims, statements (final ones sealed), suspects, referrals, audit."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from fieldapp.domain.enums import StatementStatus
from fieldapp.services import caselist, intake, referrals, statements
from fieldapp.services.answers import answers_of
from fieldapp.services.caselist import CaseExtras
from fieldapp.services.changes import AUDITED, Changes
from fieldapp.services.intake import CaseFile
from fieldapp.services.statements import Statement
from fieldapp.ui import i18n
from fieldapp.ui.case_plan import CasePlanTab
from fieldapp.ui.context import ViewContext, desk_reason, follow_changes
from fieldapp.ui.forms import open_form
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import (
    Banner,
    fill_table,
    fit_to_screen,
    lock_icon,
    make_table,
    reselect,
    selected_key,
)


@dataclass
class LoadedCase:
    case: CaseFile
    extras: CaseExtras


def load_case(ctx: ViewContext, rescue_id: str) -> LoadedCase:
    """The database job behind the case view (runs on the database worker)."""
    with ctx.ws.tx():
        return LoadedCase(intake.get_case(ctx.ws, rescue_id), caselist.case_extras(ctx.ws, rescue_id))


OPEN_REFERRAL = ("created", "sent", "accepted", "in_service")


def victim_complete(v: object) -> bool:
    """A quick-listed person still lacks the profile: nationality and languages at least."""
    return bool(getattr(v, "nationality", "")) and bool(getattr(v, "languages", None))


def seal_words(st: Statement) -> str:
    """The seal in a table cell: words first, then a short fingerprint to compare by eye."""
    if st.status != StatementStatus.FINAL or not st.final_hash:
        return QCoreApplication.translate("CaseView", "not sealed (draft)")
    return QCoreApplication.translate("CaseView", "sealed, cannot change ({fingerprint})").format(
        fingerprint=fingerprint(st.final_hash))


def fingerprint(digest: str) -> str:
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4)).upper()


def seal_sentence(st: Statement) -> str:
    """The seal explained: when, by whom, what it guarantees, the fingerprint."""
    if st.status != StatementStatus.FINAL or not st.final_hash:
        return QCoreApplication.translate(
            "CaseView", "Draft: not final yet. It can still be edited; make it final when it is "
                        "complete.")
    return QCoreApplication.translate(
        "CaseView", "Final: sealed on {date} by {who}. It cannot change; any correction is "
                    "recorded as an amendment. Seal fingerprint: {fingerprint}").format(
        date=i18n.fmt_date(st.finalised_at), who=st.finalised_by or "-",
        fingerprint=fingerprint(st.final_hash))


class StatementDialog(QDialog):
    """A statement with its narrative; opening it was written to the audit log.

    Closing it drops the narrative with it: the text widget is emptied and the statement
    let go, so nothing keeps the words alive (best effort: Python and Qt do not zero freed
    memory; tests/crypto/test_memory_after_lock.py measures what is left).
    """

    def __init__(self, parent: QWidget | None, st: Statement, victim_label: str) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.text = QPlainTextEdit(st.narrative)
        self.text.setReadOnly(True)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self._st: Statement | None = st
        self._victim = victim_label
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        fit_to_screen(self, 620, 480)
        self.retranslate()

    def done(self, result: int) -> None:
        self.forget()
        super().done(result)

    def forget(self) -> None:
        """Empty the widgets and let the statement go (on close, and on lock)."""
        # Text of the same length first: Qt's freed buffer of that size is likely reused
        # for it, overwriting the words before the document lets go of it.
        self.text.setPlainText(" " * self.text.document().characterCount())
        self.text.document().clear()
        self.info.clear()
        self._st = None
        self._victim = ""

    def retranslate(self) -> None:
        st = self._st
        self.setWindowTitle(self.tr("Statement"))
        self.close_button.setText(self.tr("Close"))
        if st is None:
            return
        self.info.setText(self.tr("Victim: {victim}\nInterview: {date}, language {lang}\n{seal}")
                          .format(victim=self._victim, date=i18n.fmt_date(st.interview_date),
                                  lang=i18n.choice_label("languages", st.language),
                                  seal=seal_sentence(st)))

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

    def done(self, result: int) -> None:
        self.view.clear()  # the decrypted picture or text goes with the dialog
        super().done(result)


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
        self.answers = make_table()  # h15: extra answers (questions with no column)
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
        # Finishing work: the quick-listed person becomes the full profile (same record).
        self.edit_victim_button = QPushButton()
        self.edit_victim_button.clicked.connect(self.edit_victim)
        self.return_button = QPushButton()
        self.return_button.clicked.connect(self.record_return)
        self.edit_statement_button = QPushButton()
        self.edit_statement_button.clicked.connect(self.edit_statement)
        self.finalise_button = QPushButton()
        self.finalise_button.clicked.connect(self.finalise_clicked)
        self.amend_button = QPushButton()
        self.amend_button.clicked.connect(self.amend_statement)
        self.edit_suspect_button = QPushButton()
        self.edit_suspect_button.clicked.connect(self.edit_suspect)
        self.cancel_referral_button = QPushButton()
        self.cancel_referral_button.clicked.connect(self.cancel_clicked)
        self.victims.doubleClicked.connect(lambda _i: self.edit_victim())
        self.suspects.doubleClicked.connect(lambda _i: self.edit_suspect())
        for table in (self.victims, self.suspects, self.referrals):
            table.itemSelectionChanged.connect(self._update_buttons)
        self.refer_button = QPushButton()
        self.refer_button.clicked.connect(self.refer_victim)
        self.quick_list_button = QPushButton()  # h13: the raid's quick list and bulk referral
        self.quick_list_button.clicked.connect(self.open_quick_list)
        self.attachment_note = QLabel()
        self.attachment_note.setWordWrap(True)
        self.open_attachment_button = QPushButton()
        self.open_attachment_button.clicked.connect(self.open_attachment)
        self.attachments.doubleClicked.connect(lambda _i: self.open_attachment())

        self.tabs.addTab(self._with_buttons(self.victims, self.add_victim_button,
                                            self.edit_victim_button, self.refer_button,
                                            self.return_button, self.quick_list_button), "")
        self.tabs.addTab(self._with_buttons(self.statements, self.add_statement_button,
                                            self.read_button, self.edit_statement_button,
                                            self.finalise_button, self.amend_button), "")
        self.tabs.addTab(self._with_buttons(self.suspects, self.add_suspect_button,
                                            self.edit_suspect_button), "")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.referrals)
        split.addWidget(self.timeline)
        self.tabs.addTab(self._with_buttons(split, self.cancel_referral_button), "")
        attach = QWidget()
        al = QVBoxLayout(attach)
        arow = QHBoxLayout()
        arow.addWidget(self.attachment_note, 1)
        arow.addWidget(self.open_attachment_button)
        al.addLayout(arow)
        al.addWidget(self.attachments, 1)
        self.tabs.addTab(attach, "")
        self.tabs.addTab(self.audit, "")
        self.tabs.addTab(self.answers, "")
        # h13: home, family, tracing, the case plan's follow-ups and the closure
        self.plan_tab = CasePlanTab(self._form)
        self.tabs.addTab(self.plan_tab, "")

        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.banner)
        self.desk_note = QLabel()  # on the national desk: why nothing here records or changes
        self.desk_note.setObjectName("desk_note")
        self.desk_note.setWordWrap(True)
        self.desk_note.setVisible(False)
        layout.addWidget(self.desk_note)
        layout.addLayout(self.details)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    @staticmethod
    def _with_buttons(table: QWidget, *buttons: QPushButton) -> QWidget:
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
        follow_changes(self, ctx, self.on_changes)
        self.plan_tab.set_context(ctx)
        desk = ctx is not None and ctx.national_desk
        for button in self.write_buttons():
            button.setVisible(not desk)
        self.desk_note.setVisible(desk)

    def write_buttons(self) -> tuple[QPushButton, ...]:
        """What records or changes the case: not offered on the national desk."""
        return (self.edit_button, self.add_victim_button, self.add_statement_button,
                self.add_suspect_button, self.edit_victim_button, self.return_button,
                self.edit_statement_button, self.finalise_button, self.amend_button,
                self.edit_suspect_button, self.cancel_referral_button, self.refer_button,
                self.quick_list_button, *self.plan_tab.write_buttons())

    def on_changes(self, changes: Changes, _origin: object) -> None:
        """A write changed this case: load it again, keeping the tab, selections and dialogs."""
        if self.ctx is not None and self.rescue_id and changes.touches_case(self.rescue_id):
            self.refresh()

    def refresh(self) -> None:
        if self.ctx is None or not self.rescue_id:
            return
        ctx, rescue_id = self.ctx, self.rescue_id
        # Reading a case is audited: one more change still to send (status bar, Sync panel).
        ctx.runner.run_op("load_case", lambda: load_case(ctx, rescue_id), AUDITED, self._loaded,
                          lambda exc: self.banner.error(user_message(exc)), origin=self)

    def show_case(self, rescue_id: str) -> None:
        """Open a case: clear what was shown, then load it off the UI thread."""
        self.clear()
        self.rescue_id = rescue_id
        self.plan_tab.show_case(rescue_id)
        if self.ctx is None:
            return
        ctx = self.ctx
        # Reading a case is audited: one more change still to send (status bar, Sync panel).
        ctx.runner.run_op("load_case", lambda: load_case(ctx, rescue_id), AUDITED, self._loaded,
                          lambda exc: self.banner.error(user_message(exc)), origin=self)

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
                      self.attachments, self.audit, self.answers):
            table.clear()
            table.setRowCount(0)
        self.timeline.clear()
        self.plan_tab.clear()
        self.banner.clear_message()
        self.read_button.setEnabled(False)
        self._update_buttons()

    def _loaded(self, loaded: LoadedCase) -> None:
        if self.rescue_id != loaded.case.rescue.id:
            return
        self.loaded = loaded
        tables = (self.victims, self.statements, self.suspects, self.referrals, self.attachments)
        keep = [selected_key(t) for t in tables]
        self._render()
        for table, key in zip(tables, keep, strict=True):
            if key is not None:
                reselect(table, key)

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
                                  self.tr("Age"), self.tr("Minor"), self.tr("Nationality"),
                                  self.tr("Languages"), self.tr("Profile")],
                   [[v.name_km, v.name_latin, i18n.sex_label(v.sex), age(v),
                     self.tr("yes") if v.is_minor else self.tr("no"),
                     i18n.choice_label("nationalities", v.nationality),
                     i18n.choice_labels("languages", v.languages),
                     self.tr("complete") if victim_complete(v) else self.tr("to complete")]
                    for v in case.victims], [v.id for v in case.victims])
        fill_table(self.statements, [self.tr("Victim"), self.tr("Interview"), self.tr("Status"),
                                     self.tr("Language"), self.tr("Seal (SHA-256)"),
                                     self.tr("Sealed?")],
                   [[self._victim_label(s.victim_id), i18n.fmt_date(s.interview_date),
                     i18n.statement_status_label(s.status)
                     + (" " + self.tr("(amendment)") if s.amends_id else ""),
                     i18n.choice_label("languages", s.language), s.final_hash or "", seal_words(s)]
                    for s in case.statements],
                   [s.id for s in case.statements])
        # The full digest is for comparing by machine; people read the words beside it.
        if self.statements.columnCount() > 4:
            self.statements.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
            self.statements.setColumnWidth(4, self.statements.fontMetrics().horizontalAdvance("0" * 18))
        for row, s in enumerate(case.statements):
            digest_item = self.statements.item(row, 4)
            if s.final_hash and digest_item is not None:
                digest_item.setToolTip(s.final_hash)
            if s.status == StatementStatus.FINAL:
                item = self.statements.item(row, 2)
                if item is None:
                    continue
                item.setIcon(lock_icon())
                item.setToolTip(self.tr("Final: sealed, it cannot change. A correction is recorded "
                                        "as an amendment."))
        fill_table(self.suspects, [self.tr("Name"), self.tr("Alias"), self.tr("Role"),
                                   self.tr("Nationality"), self.tr("Status")],
                   [[s.name, s.alias, i18n.suspect_role_label(s.role),
                     i18n.choice_label("nationalities", s.nationality),
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
        self._render_answers()
        self._show_timeline()

    def _render_answers(self) -> None:
        """Answers an (imported) form collected that have no column: one row per answer."""
        assert self.loaded is not None
        case = self.loaded.case
        owners: list[tuple[str, str, object]] = [("rescue", "", case.rescue)]
        owners += [("victim", self._victim_label(v.id), v) for v in case.victims]
        owners += [("statement", self._victim_label(s.victim_id), s) for s in case.statements]
        owners += [("suspect", s.name or s.alias, s) for s in case.suspects]
        owners += [("referral", self._victim_label(x.victim_id), x) for x in case.referrals]
        rows = []
        for entity, who, obj in owners:
            for name, value in answers_of(getattr(obj, "extra", None)).items():
                shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
                record = i18n.entity_label(entity) + (f" · {who}" if who else "")
                rows.append([record, name, shown])
        fill_table(self.answers, [self.tr("Record"), self.tr("Question"), self.tr("Answer")],
                   rows)
        self.tabs.setTabText(self.tabs.indexOf(self.answers), self.tr("Other answers ({n})")
                             .format(n=i18n.digits(len(rows))))

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
        self._update_buttons()

    def _selected_statement(self) -> Statement | None:
        key = selected_key(self.statements)
        if key is None or self.loaded is None:
            return None
        return next((s for s in self.loaded.case.statements if s.id == key), None)

    def _update_buttons(self) -> None:
        st = self._selected_statement()
        final = st is not None and st.status == StatementStatus.FINAL
        self.edit_statement_button.setEnabled(st is not None and not final)
        self.finalise_button.setEnabled(st is not None and not final)
        self.amend_button.setEnabled(final)
        self.edit_victim_button.setEnabled(self._selected_victim() is not None)
        self.return_button.setEnabled(self._selected_victim() is not None)
        self.edit_suspect_button.setEnabled(selected_key(self.suspects) is not None)
        ref = selected_key(self.referrals)
        open_ref = self.loaded is not None and any(
            r.id == ref and r.status in OPEN_REFERRAL for r in self.loaded.case.referrals)
        self.cancel_referral_button.setEnabled(open_ref)

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

    def edit_victim(self) -> None:
        """Complete or correct a person: the victim form opened ON that victim (no new record)."""
        victim = self._selected_victim()
        if victim is None:
            self.banner.error(self.tr("Select the victim in the Victims tab first."))
            return
        self._form("victim", {"rescue_id": self.rescue_id, "victim_id": victim})

    def edit_suspect(self) -> None:
        key = selected_key(self.suspects)
        if key is None:
            self.banner.error(self.tr("Select the suspect first."))
            return
        self._form("suspect", {"rescue_id": self.rescue_id, "suspect_id": key})

    def record_return(self) -> None:
        victim = self._selected_victim()
        if victim is None:
            self.banner.error(self.tr("Select the victim in the Victims tab first."))
            return
        self._form("return_reintegration", {"rescue_id": self.rescue_id, "victim_id": victim})

    def edit_statement(self) -> None:
        st = self._selected_statement()
        if st is None:
            return
        self._form("statement", {"rescue_id": self.rescue_id, "victim_id": st.victim_id,
                                 "statement_id": st.id})

    def amend_statement(self) -> None:
        """A final statement is never changed: the correction is a new amendment linked to it."""
        st = self._selected_statement()
        if st is None:
            return
        self._form("statement", {"rescue_id": self.rescue_id, "victim_id": st.victim_id,
                                 "amends_id": st.id})

    def finalise_clicked(self) -> None:
        st = self._selected_statement()
        if st is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Make the statement final"),
            self.tr("A final statement is sealed and can never change; a correction is then "
                    "recorded as an amendment. Make it final now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.finalise(st.id)

    def finalise(self, statement_id: str) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        ctx.runner.run_op(
            "finalise_statement", lambda: statements.finalise_statement(ctx.ws, statement_id),
            Changes.of(["statement"], [self.rescue_id], [statement_id]),
            lambda _st: self.banner.info(self.tr("The statement is final and sealed.")),
            lambda exc: self.banner.error(user_message(exc)), origin=self)

    def cancel_clicked(self) -> None:
        key = selected_key(self.referrals)
        if key is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Cancel referral"),
                                          self.tr("Why is this referral cancelled?"))
        if ok:
            if not reason.strip():
                self.banner.error(self.tr("Give a reason to cancel the referral."))
                return
            self.cancel_referral(key, reason.strip())

    def cancel_referral(self, referral_id: str, reason: str) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        ctx.runner.run_op(
            "cancel_referral", lambda: referrals.cancel_referral(ctx.ws, referral_id, reason),
            Changes.of(["referral"], [self.rescue_id], [referral_id]),
            lambda _r: self.banner.info(self.tr("The referral was cancelled.")),
            lambda exc: self.banner.error(user_message(exc)), origin=self)

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
        ctx.runner.run_op("view_statement", lambda: statements.view_statement(ctx.ws, key), AUDITED,
                          self._show_statement, lambda exc: self.banner.error(user_message(exc)),
                          origin=self)

    def open_attachment(self) -> None:
        """Decrypt the selected attachment into memory (audited) and show it; never a temp file."""
        key = selected_key(self.attachments)
        if key is None or self.ctx is None:
            return
        ctx = self.ctx
        from fieldapp.services import attachments

        meta = next((a for a in self.loaded.extras.attachments if a.id == key), None) if self.loaded else None
        ctx.runner.run_op("read_attachment", lambda: attachments.read_attachment(ctx.ws, key),
                          AUDITED, lambda data: self._show_attachment(meta.filename if meta else "",
                                                             meta.mime if meta else "", data),
                          lambda exc: self.banner.error(user_message(exc)))

    def _show_attachment(self, filename: str, mime: str, data: bytes) -> None:
        self._open_dialog(AttachmentDialog(self, filename, mime, data))

    def _show_statement(self, st: Statement) -> None:
        self._open_dialog(StatementDialog(self, st, self._victim_label(st.victim_id)))

    def _open_dialog(self, dialog: QDialog) -> None:
        """Show a dialog holding case content; once closed nothing here refers to it."""
        self.dialogs.append(dialog)
        dialog.finished.connect(partial(self._dialog_closed, dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog, _result: int) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

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
        self.edit_victim_button.setText(self.tr("Complete / edit person…"))
        self.return_button.setText(self.tr("Record return…"))
        self.edit_statement_button.setText(self.tr("Edit draft…"))
        self.finalise_button.setText(self.tr("Make final…"))
        self.amend_button.setText(self.tr("Amend…"))
        self.edit_suspect_button.setText(self.tr("Edit suspect…"))
        self.cancel_referral_button.setText(self.tr("Cancel referral…"))
        self.attachment_note.setText(self.tr("Attachments stay encrypted; opening one decrypts it "
                                             "into memory only."))
        self.open_attachment_button.setText(self.tr("Open"))
        self.desk_note.setText(desk_reason())
        for i, text in enumerate((self.tr("Victims"), self.tr("Statements"), self.tr("Suspects"),
                                  self.tr("Referrals"), self.tr("Attachments"),
                                  self.tr("Audit trail"), self.tr("Other answers"),
                                  self.tr("Family and plan"))):
            self.tabs.setTabText(i, text)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
