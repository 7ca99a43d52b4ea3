"""The form window: heading, language toggle, the scrolling questions, Save / Close / Discard."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from fieldapp.formkit import FormState
from fieldapp.services import submit
from fieldapp.services.drafts import DraftInfo, list_drafts
from fieldapp.services.submit import Submitted
from fieldapp.services.workspace import Workspace
from fieldapp.ui import i18n
from fieldapp.ui.forms.controller import FormController
from fieldapp.ui.tasks import TaskRunner, user_message
from fieldapp.ui.widgets import fit_to_screen

log = logging.getLogger("fieldapp.ui.forms")
BANNER_ERROR = "background: #fdecea; color: #8a1c1c; border: 1px solid #e6a5a5; padding: 6px;"
BANNER_INFO = "background: #e8f1fb; color: #17406d; border: 1px solid #a9c6e8; padding: 6px;"


class Opened:
    """What the opening job returns: the prepared form and, if one exists, its draft."""

    def __init__(self, prepared: submit.Prepared, draft: DraftInfo | None) -> None:
        self.prepared = prepared
        self.draft = draft


def open_job(ws: Workspace, form_id: str, context: Mapping[str, Any],
             draft: DraftInfo | None) -> Opened:
    """Runs on the database worker: prepare the form and find this user's draft for it."""
    if draft is not None:
        return Opened(submit.prepare(ws, draft.form_id, draft.context), draft)
    prepared = submit.prepare(ws, form_id, context)
    same = {k: v for k, v in prepared.context.items()
            if k in ("rescue_id", "victim_id", "referral_id", "suspect_id", "statement_id")}
    for d in list_drafts(ws):  # newest first: resume rather than start a second draft
        if d.form_id == prepared.form.form_id and {
                k: v for k, v in d.context.items() if k in same} == same:
            return Opened(prepared, d)
    return Opened(prepared, None)


class FormDialog(QDialog):
    """One form being filled in. Emits ``submitted(result)`` when the record is saved."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None, ws: Workspace, runner: TaskRunner,
                 form_id: str, context: Mapping[str, Any], draft: DraftInfo | None = None,
                 on_language: Any = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.form_id = form_id
        self.context = dict(context)
        self.controller: FormController | None = None
        self.restored_from: DraftInfo | None = None
        self._on_language = on_language or i18n.set_language
        self._confirm_close = False
        self.setObjectName(f"form_{form_id}")
        self.setSizeGripEnabled(True)

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.language_button = QPushButton()
        self.language_button.setAutoDefault(False)
        self.language_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.language_button.clicked.connect(self.toggle_language)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.language_button, 0, Qt.AlignmentFlag.AlignTop)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        #: One link per section of a long form (its groups): a click brings the section to
        #: the top, its first question focused, instead of many turns of the wheel.
        self.jump_bar = QWidget()
        self.jump_row = QHBoxLayout(self.jump_bar)
        self.jump_row.setContentsMargins(0, 0, 0, 0)
        self.jump_row.setSpacing(4)
        self.jump_row.addStretch(1)
        self.jump_bar.hide()
        self.jumps: list[tuple[QToolButton, Any, QWidget]] = []
        self.status = QLabel()
        self.status.setObjectName("draft_status")
        self.status.setStyleSheet("color: #555555;")

        self.content = QWidget()
        self.content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(4, 4, 12, 4)
        self.body.setSpacing(4)
        # Shadows QWidget.scroll(dx, dy), which this dialog never calls.
        self.scroll: QScrollArea = QScrollArea()  # type: ignore[assignment]
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.content)

        self.confirm = QFrame()
        self.confirm.setStyleSheet(BANNER_ERROR)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_yes = QPushButton()
        self.confirm_no = QPushButton()
        for b in (self.confirm_yes, self.confirm_no):
            b.setAutoDefault(False)
        self.confirm_yes.clicked.connect(self._discard_confirmed)
        self.confirm_no.clicked.connect(lambda: self.confirm.hide())
        confirm_row = QHBoxLayout(self.confirm)
        confirm_row.addWidget(self.confirm_text, 1)
        confirm_row.addWidget(self.confirm_yes)
        confirm_row.addWidget(self.confirm_no)
        self.confirm.hide()

        self.submit_button = QPushButton()
        self.close_button = QPushButton()
        self.discard_button = QPushButton()
        for b in (self.submit_button, self.close_button, self.discard_button):
            b.setAutoDefault(False)
            b.setEnabled(False)
        self.close_button.setEnabled(True)
        self.submit_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)
        self.discard_button.clicked.connect(self._ask_discard)
        self.undo_button = QPushButton()
        self.undo_button.setAutoDefault(False)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._undo_remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.jump_bar)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.confirm)
        layout.addLayout(buttons)
        fit_to_screen(self, 760, 820)

        submit_key = QShortcut(QKeySequence("Ctrl+Return"), self)
        submit_key.activated.connect(self.submit)
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        self.retranslate()

        ws_, form_id_, ctx_ = ws, form_id, dict(context)
        self.runner.run_db("open_form", lambda: open_job(ws_, form_id_, ctx_, draft),
                           self._opened, self._open_failed)

    # ----------------------------------------------------------------------- opening
    @property
    def ready(self) -> bool:
        return self.controller is not None

    def _opened(self, opened: Opened) -> None:
        prepared, draft = opened.prepared, opened.draft
        self.form_id = prepared.form.form_id
        self.setObjectName(f"form_{self.form_id}")
        if draft is not None:
            state = FormState.from_draft(prepared.form, draft.values, choices=prepared.choices,
                                         context=prepared.context)
            self.restored_from = draft
        else:
            state = FormState(prepared.form, choices=prepared.choices, context=prepared.context)
            state.load_answers(prepared.initial)
        c = FormController(self.ws, self.runner, prepared, state,
                           draft.id if draft is not None else None, self)
        self.controller = c
        c.problem.connect(self.show_error)
        c.saved.connect(self._saved)
        c.submitted.connect(self._submitted)
        c.busy_changed.connect(lambda busy: self.submit_button.setEnabled(not busy))
        c.chain_changed.connect(self._chain_changed)
        c.removal_changed.connect(self._removal_changed)
        c.lang = i18n.current_language()
        c.build(self.body)
        self.body.addStretch(1)
        c.relabel(c.lang)
        c.update_tab_order()
        self._build_jumps(c)
        for b in (self.submit_button, self.discard_button):
            b.setEnabled(True)
        self.retranslate()
        if draft is not None:
            self.show_info(self.tr("Your unsaved draft from {time} was restored.").format(
                time=i18n.fmt_date(draft.updated_at)))
        chain = c.focus_chain()
        if chain:
            chain[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_jumps(self, c: FormController) -> None:
        sections = c.top_sections()
        if len(sections) < 2:
            return  # a short form: nothing to jump to
        for item, box in sections:
            button = QToolButton()
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab stays on the questions
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _c=False, b=box: self.jump_to(b))
            self.jump_row.insertWidget(self.jump_row.count() - 1, button)
            self.jumps.append((button, item, box))
        self.jump_bar.show()
        self._label_jumps(c.lang)

    def _label_jumps(self, lang: str) -> None:
        for button, item, _box in self.jumps:
            button.setText("↓ " + item.label.get(lang))

    def jump_to(self, box: QWidget) -> None:
        """Bring a section to the top of the form and focus its first question."""
        c = self.controller
        if c is None or not box.isVisibleTo(self.content):
            return
        first = c.first_focus_in(box)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.scroll.verticalScrollBar().setValue(box.mapTo(self.content, QPoint(0, 0)).y())

    def _open_failed(self, exc: BaseException) -> None:
        self.show_error(user_message(exc))

    # ---------------------------------------------------------------------- messages
    def show_error(self, text: str) -> None:
        self.banner.setStyleSheet(BANNER_ERROR)
        self.banner.setText(text)
        self.banner.show()

    def show_info(self, text: str) -> None:
        self.banner.setStyleSheet(BANNER_INFO)
        self.banner.setText(text)
        self.banner.show()

    def _saved(self) -> None:
        self.status.setText(self.tr("Draft saved (encrypted) at {time}").format(
            time=dt.datetime.now().strftime("%H:%M:%S")))

    # ----------------------------------------------------------------------- actions
    def toggle_language(self) -> None:
        self._on_language("en" if i18n.current_language() == "km" else "km")

    def submit(self) -> None:
        c = self.controller
        if c is None:
            return
        if not c.submit():
            if c.submitting:
                return
            count = len(c.state.validate(c.lang))
            self.show_error(self.tr("%1 answer(s) need attention before this can be saved.")
                            .replace("%1", i18n.digits(count)))
            target = c.first_problem_widget()
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                self.scroll.ensureWidgetVisible(target)
            return
        self.show_info(self.tr("Saving…"))

    def _submitted(self, result: Submitted) -> None:
        self.submitted.emit(result)
        self.accept()

    def _removal_changed(self, entry: int) -> None:
        self.undo_button.setVisible(entry > 0)
        if entry:
            self.undo_button.setText(self.tr("Undo: put entry {n} back").format(n=i18n.digits(entry)))

    def _undo_remove(self) -> None:
        if self.controller is not None:
            self.controller.undo_remove()

    def _ask_discard(self) -> None:
        self.confirm.show()
        self.confirm_no.setFocus()

    def _discard_confirmed(self) -> None:
        c = self.controller
        if c is None:
            self.reject()
            return
        c.discard(lambda: QDialog.reject(self))

    def flush(self) -> None:
        """Save the draft now and wait for the write (the window is closing or locking)."""
        if self.controller is not None and not self.controller.closed:
            self.controller.flush()

    def reject(self) -> None:
        """Close, keeping the draft (Escape, Close, the window's close button)."""
        self.flush()
        if self.controller is not None:
            self.controller.closed = True
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)

    # ---------------------------------------------------------------------- keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.submit()
                return
            focus = QApplication.focusWidget()
            if isinstance(focus, QAbstractButton) and not isinstance(focus, QCheckBox | QRadioButton):
                focus.click()
                return
            if not isinstance(focus, QPlainTextEdit):
                self.focusNextChild()
                return
        super().keyPressEvent(event)

    def _chain_changed(self, chain: list[QWidget]) -> None:
        tail = [self.close_button, self.submit_button, self.discard_button, self.language_button]
        full = [*chain, *tail]
        for a, b in zip(full, full[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.content.isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new, 20, 40)
            # Again once the layout has settled: a new entry's questions are placed only
            # after this focus change, and the form must follow the focus to them.
            QTimer.singleShot(0, self, lambda w=new: self._follow(w))
        elif new is None or not self.isAncestorOf(new):
            # Focus left the form (another window, a lock): save what is typed.
            if self.controller is not None and self.isVisible():
                self.controller.save_draft()

    def _follow(self, w: QWidget) -> None:
        if isValid(w) and w.hasFocus() and self.content.isAncestorOf(w):
            self.scroll.ensureWidgetVisible(w, 20, 40)

    # ------------------------------------------------------------------------- text
    def retranslate(self) -> None:
        lang = i18n.current_language()
        c = self.controller
        title = c.form.title.get(lang) if c is not None else self.tr("Opening the form…")
        subject = c.prepared.subject if c is not None else ""
        # The person's name in the heading only (the window title can reach other programs).
        self.heading.setText(self.tr("{form} — for {person}").format(form=title, person=subject)
                             if subject else title)
        self.setWindowTitle(title)
        # The other language's name in its own script: never translated.
        self.language_button.setText("English" if lang == "km" else "ភាសាខ្មែរ")
        self.language_button.setToolTip(self.tr("Show this form in the other language; "
                                                "nothing typed is lost."))
        self.submit_button.setText(self.tr("Save record"))
        self.submit_button.setToolTip("Ctrl+Enter")  # a key's name, as printed on the key
        self.close_button.setText(self.tr("Close (keep draft)"))
        self.discard_button.setText(self.tr("Discard draft…"))
        self.confirm_text.setText(self.tr("Throw away everything typed in this form? "
                                          "This cannot be undone."))
        self.confirm_yes.setText(self.tr("Discard"))
        self.confirm_no.setText(self.tr("Keep it"))
        if c is not None:
            c.relabel(lang)
            self._label_jumps(lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            if self.controller is not None:
                self.controller.save_draft()
        super().changeEvent(event)
