"""The first-run wizard: language, post, first supervisor and passphrase, optional HQ enrolment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fieldapp.services.auth import MIN_PASSPHRASE_LENGTH
from fieldapp.ui import i18n
from fieldapp.ui.strength import strength
from fieldapp.ui.widgets import Banner, BusyBar


@dataclass(frozen=True)
class FirstRunValues:
    language: str
    post_code: str
    username: str
    display_name: str
    passphrase: str
    hq_url: str
    hq_code: str


class LanguagePage(QWizardPage):
    language_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.english = QRadioButton("English")
        self.khmer = QRadioButton("ភាសាខ្មែរ (Khmer)")
        self.english.setChecked(True)
        self.english.toggled.connect(lambda on: self._chosen(on, "en"))
        self.khmer.toggled.connect(lambda on: self._chosen(on, "km"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.english)
        layout.addWidget(self.khmer)
        layout.addStretch(1)

    def _chosen(self, on: bool, language: str) -> None:
        if on:
            self.language_requested.emit(language)

    def language(self) -> str:
        return "km" if self.khmer.isChecked() else "en"

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to fieldapp"))
        self.setSubTitle(self.tr("This laptop has no case store yet. Choose the language to "
                                 "work in; you can change it at any time."))


class PostPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.posts: list[dict[str, Any]] = []
        self.post = QComboBox()
        self.post.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        self.label = QLabel()
        form = QFormLayout(self)
        form.addRow(self.label, self.post)

    def set_posts(self, posts: list[dict[str, Any]]) -> None:
        current = self.post.currentData()
        self.posts = posts
        self.post.blockSignals(True)
        self.post.clear()
        for p in posts:
            self.post.addItem(i18n.ref_name(p["en"], p["km"]), p["code"])
        if current:
            self.post.setCurrentIndex(max(0, self.post.findData(current)))
        self.post.blockSignals(False)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.post.currentData())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Post"))
        self.setSubTitle(self.tr("Which border post or transit centre is this laptop for? Case "
                                 "numbers start with its code."))
        self.label.setText(self.tr("Post or centre"))
        self.set_posts(self.posts)


class AccountPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(10)
        self.meter_label = QLabel()
        self.match_label = QLabel()
        self.match_label.setStyleSheet("color: #8a1c14")
        for label in (self.meter_label, self.match_label):  # messages move no field below
            label.setMinimumHeight(label.fontMetrics().lineSpacing() + 2)
        for edit in (self.username, self.passphrase, self.repeat):
            edit.textChanged.connect(lambda _t: self._changed())
        self.labels = [QLabel() for _ in range(4)]
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.labels[0], self.username)
        form.addRow(self.labels[1], self.display_name)
        form.addRow(self.labels[2], self.passphrase)
        form.addRow("", self.meter)
        form.addRow("", self.meter_label)
        form.addRow(self.labels[3], self.repeat)
        form.addRow("", self.match_label)
        form.addRow(self.note)

    def _strength(self):  # type: ignore[no-untyped-def]
        wizard = self.wizard()
        post = ""
        if isinstance(wizard, FirstRunWizard):
            post = str(wizard.post_page.post.currentData() or "")
        return strength(self.passphrase.text(), username=self.username.text().strip(), post=post)

    def _changed(self) -> None:
        s = self._strength()
        self.meter.setValue(s.score)
        self.meter_label.setText(s.label if self.passphrase.text() else "")
        mismatch = bool(self.repeat.text()) and self.repeat.text() != self.passphrase.text()
        self.match_label.setText(self.tr("The two passphrases differ.") if mismatch else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return (bool(self.username.text().strip())
                and len(self.passphrase.text()) >= MIN_PASSPHRASE_LENGTH
                and self._strength().ok
                and self.passphrase.text() == self.repeat.text())

    def retranslate(self) -> None:
        self.setTitle(self.tr("First supervisor"))
        self.setSubTitle(self.tr("This person manages the users of this laptop."))
        for label, text in zip(self.labels, (self.tr("User name"), self.tr("Full name (optional)"),
                                             self.tr("Passphrase"), self.tr("Repeat passphrase")),
                               strict=True):
            label.setText(text)
        self.note.setText(self.tr("A passphrase of several words is easiest to remember; Khmer "
                                  "words are allowed. Nobody can read this laptop's cases without "
                                  "it, so keep it safe."))
        self._changed()


class HqPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://hq.example.gov.kh")
        self.code = QLineEdit()
        self.labels = [QLabel(), QLabel()]
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.banner = Banner()
        self.busy = BusyBar()
        for edit in (self.url, self.code):
            edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        form = QFormLayout(self)
        form.addRow(self.note)
        form.addRow(self.labels[0], self.url)
        form.addRow(self.labels[1], self.code)
        form.addRow(self.banner)
        form.addRow(self.busy)

    def isComplete(self) -> bool:
        # Either both (enrol) or neither (skip: the app is complete offline).
        return bool(self.url.text().strip()) == bool(self.code.text().strip())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Headquarters (optional)"))
        self.setSubTitle(self.tr("Leave both empty to skip: everything works offline, and you can "
                                 "enrol later."))
        self.note.setText(self.tr("If HQ gave you an enrolment code, enter HQ's address and the "
                                  "code to send this post's cases to HQ when a connection is "
                                  "available."))
        self.labels[0].setText(self.tr("HQ address"))
        self.labels[1].setText(self.tr("Enrolment code"))


class FirstRunWizard(QWizard):
    """Embedded in the shell; `completed(FirstRunValues)` when Finish is pressed."""

    completed = Signal(object)
    language_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.language_page = LanguagePage()
        self.post_page = PostPage()
        self.account_page = AccountPage()
        self.hq_page = HqPage()
        #: The store exists already (its enrolment failed): only the HQ page may change.
        self.created = False
        for page in (self.language_page, self.post_page, self.account_page, self.hq_page):
            self.addPage(page)
        self.language_page.language_requested.connect(self.language_requested.emit)
        self.retranslate()

    def accept(self) -> None:
        """Finish: hand the values to the controller, which creates the store off the UI thread."""
        self.completed.emit(self.values())

    def values(self) -> FirstRunValues:
        a = self.account_page
        return FirstRunValues(
            language=self.language_page.language(),
            post_code=str(self.post_page.post.currentData() or ""),
            username=a.username.text().strip(), display_name=a.display_name.text().strip(),
            passphrase=a.passphrase.text(), hq_url=self.hq_page.url.text().strip(),
            hq_code=self.hq_page.code.text().strip())

    def set_busy(self, busy: bool) -> None:
        self.hq_page.busy.set_busy(busy)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(not busy)
        self.button(QWizard.WizardButton.BackButton).setEnabled(not busy and not self.created)

    def store_created(self) -> None:
        """The store was made but enrolment failed: Finish retries it (or skips, if cleared)."""
        self.created = True
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.retranslate()

    def reset(self) -> None:
        """Back to the first page with nothing filled in (after a revoked device was wiped)."""
        self.created = False
        a = self.account_page
        for edit in (a.username, a.display_name, a.passphrase, a.repeat, self.hq_page.url,
                     self.hq_page.code):
            edit.clear()
        self.hq_page.banner.clear_message()
        self.retranslate()
        self.restart()

    def show_error(self, message: str) -> None:
        self.hq_page.banner.error(message)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up fieldapp"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton,
                           self.tr("Finish") if self.created else self.tr("Create the store"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        for page in (self.language_page, self.post_page, self.account_page, self.hq_page):
            page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
