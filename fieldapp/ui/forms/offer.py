"""At unlock: offer the user's unfinished forms (after a crash or power cut) to resume or discard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import drafts
from fieldapp.services.drafts import DraftInfo
from fieldapp.services.submit import shipped_forms
from fieldapp.ui import i18n
from fieldapp.ui.tasks import TaskRunner, user_message
from fieldapp.ui.widgets import fit_to_screen


class DraftsDialog(QDialog):
    """Lists the drafts (form, when, how many answers — never their content)."""

    def __init__(self, parent: QWidget | None, runner: TaskRunner, ws: drafts.Workspace,
                 items: list[DraftInfo], resume: Callable[[DraftInfo], object]) -> None:
        super().__init__(parent)
        self.setObjectName("drafts_offer")
        self.runner, self.ws, self.items, self._resume = runner, ws, list(items), resume
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.itemActivated.connect(lambda _i: self.resume())
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.resume_button = QPushButton()
        self.discard_button = QPushButton()
        self.later_button = QPushButton()
        self.resume_button.setDefault(True)
        self.resume_button.clicked.connect(self.resume)
        self.discard_button.clicked.connect(self.discard)
        self.later_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.discard_button)
        row.addStretch(1)
        row.addWidget(self.later_button)
        row.addWidget(self.resume_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        fit_to_screen(self, 560, 360)
        self.retranslate()

    def _fill(self) -> None:
        lang = i18n.current_language()
        forms = shipped_forms()
        self.list.clear()
        for d in self.items:
            form = forms.get(d.form_id)
            title = form.title.get(lang) if form else d.form_id
            text = self.tr("{form} — saved {time} — {n} answers").format(
                form=title, time=i18n.fmt_date(d.updated_at), n=i18n.digits(d.answered))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _current(self) -> DraftInfo | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def resume(self) -> None:
        d = self._current()
        if d is None:
            return
        self.items.remove(d)
        self._fill()
        self._resume(d)
        if not self.items:
            self.accept()

    def discard(self) -> None:
        d = self._current()
        if d is None:
            return
        ws = self.ws

        def done(_r: object) -> None:
            self.items.remove(d)
            self._fill()
            if not self.items:
                self.accept()

        def failed(exc: BaseException) -> None:
            self.error.setText(user_message(exc))
            self.error.show()

        self.runner.run_db("discard_draft", lambda: drafts.discard_draft(ws, d.id), done, failed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unfinished forms"))
        self.intro.setText(self.tr("These forms were not finished (the app was closed or the "
                                   "power went off). Everything typed was kept, encrypted. "
                                   "Resume one, or discard it."))
        self.resume_button.setText(self.tr("Resume"))
        self.discard_button.setText(self.tr("Discard"))
        self.later_button.setText(self.tr("Later"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
