"""Admin (supervisors): users on this device, passphrase resets, sync conflicts, idle-lock time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.crypto.keystore import DEFAULT_KDF, KdfParams
from fieldapp.domain.enums import Role
from fieldapp.services import auth, caselist
from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext
from fieldapp.ui.strength import strength
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import Banner, fill_table, make_table, selected_key


@dataclass(frozen=True)
class NewUser:
    username: str
    display_name: str
    role: Role
    centre_code: str | None
    passphrase: str


class UserDialog(QDialog):
    """Add a user: name, role, centre (for centre staff), passphrase twice."""

    def __init__(self, parent: QWidget | None, centres: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add user"))
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for r in Role:
            self.role.addItem(i18n.role_label(r.value), r.value)
        self.centre = QComboBox()
        for code, name in centres:
            self.centre.addItem(name, code)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel()
        self.passphrase.textChanged.connect(lambda t: self.hint.setText(strength(t).label))
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name (optional)"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Transit centre"), self.centre)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat passphrase"), self.repeat)
        form.addRow("", self.hint)
        self.ok = QPushButton(self.tr("Add user"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.ok.clicked.connect(self._check)
        self.cancel.clicked.connect(self.reject)
        self.error = QLabel()
        self.error.setStyleSheet("color: #8a1c14")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel)
        row.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(row)

    def _check(self) -> None:
        if self.passphrase.text() != self.repeat.text():
            self.error.setText(self.tr("The two passphrases differ."))
            return
        self.accept()

    def value(self) -> NewUser:
        role = Role(self.role.currentData())
        return NewUser(self.username.text().strip(), self.display_name.text().strip(), role,
                       self.centre.currentData() if role is Role.CENTRE_STAFF else None,
                       self.passphrase.text())


class ResetDialog(QDialog):
    def __init__(self, parent: QWidget | None, username: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset passphrase"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel()
        self.passphrase.textChanged.connect(lambda t: self.hint.setText(strength(t).label))
        form = QFormLayout()
        form.addRow(self.tr("User"), QLabel(username))
        form.addRow(self.tr("New passphrase"), self.passphrase)
        form.addRow("", self.hint)
        self.ok = QPushButton(self.tr("Set passphrase"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.ok.clicked.connect(self.accept)
        self.cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel)
        row.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)


def ask_new_user(parent: QWidget, centres: list[tuple[str, str]]) -> NewUser | None:
    dialog = UserDialog(parent, centres)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_new_passphrase(parent: QWidget, username: str) -> str | None:
    dialog = ResetDialog(parent, username)
    return dialog.passphrase.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AdminView(QWidget):
    """Layout of the Admin screen; one method per supervisor action."""

    idle_minutes_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, kdf: KdfParams = DEFAULT_KDF) -> None:
        super().__init__(parent)
        self.ctx: ViewContext | None = None
        self.kdf = kdf
        self.banner = Banner()
        self.users_label = QLabel()
        self.users = make_table()
        self.add_button = QPushButton()
        self.reset_button = QPushButton()
        self.add_button.clicked.connect(self.add_user_clicked)
        self.reset_button.clicked.connect(self.reset_clicked)
        self.conflicts_label = QLabel()
        self.conflicts = make_table()
        self.idle_label = QLabel()
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setValue(10)
        self.idle.valueChanged.connect(self.idle_minutes_changed.emit)
        row = QHBoxLayout()
        row.addWidget(self.users_label, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.reset_button)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_label)
        idle_row.addWidget(self.idle)
        idle_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(row)
        layout.addWidget(self.users, 2)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.conflicts, 1)
        layout.addLayout(idle_row)
        self.retranslate()

    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx

    def activate(self) -> None:
        if self.ctx is None:
            return
        ctx = self.ctx

        def load() -> tuple[list[tuple[str, str, str, str, str]], list[caselist.ConflictRow]]:
            users = [(u.username, u.display_name, u.role, u.post_code, u.centre_code or "")
                     for u in auth.list_users(ctx.ws)]
            return users, caselist.conflicted_referrals(ctx.ws)

        ctx.runner.run_db("admin_load", load, self._loaded,
                          lambda exc: self.banner.error(user_message(exc)))

    def clear(self) -> None:
        self.banner.clear_message()
        for t in (self.users, self.conflicts):
            t.clear()
            t.setRowCount(0)

    def _loaded(self, data: tuple[list[tuple[str, str, str, str, str]], list[caselist.ConflictRow]]) -> None:
        users, conflicts = data
        ctx = self.ctx
        fill_table(self.users, [self.tr("User name"), self.tr("Full name"), self.tr("Role"),
                                self.tr("Post"), self.tr("Centre")],
                   [[u, d, i18n.role_label(r), ctx.post_name(p) if ctx else p,
                     ctx.provider_name(c) if ctx and c else c] for u, d, r, p, c in users],
                   [u for u, *_ in users])
        fill_table(self.conflicts, [self.tr("Referral"), self.tr("Service"), self.tr("Provider"),
                                    self.tr("Status")],
                   [[c.referral_id[:8], i18n.service_label(c.service),
                     ctx.provider_name(c.provider_code) if ctx else c.provider_code,
                     i18n.referral_status_label(c.status)] for c in conflicts])
        self.conflicts_label.setText(self.tr("Sync conflicts to review ({n})").format(
            n=i18n.digits(len(conflicts))))

    # -- user actions -----------------------------------------------------------------
    def _run(self, name: str, fn: Callable[[], object], message: str) -> None:
        ctx = self.ctx
        if ctx is None:
            return

        def done(_r: object) -> None:
            self.banner.info(message)
            ctx.changed()
            self.activate()

        ctx.runner.run_db(name, fn, done, lambda exc: self.banner.error(user_message(exc)))

    def add_user(self, new: NewUser) -> None:
        ctx, kdf = self.ctx, self.kdf
        assert ctx is not None
        self._run("add_user", lambda: auth.add_user(ctx.ws, new.username, new.passphrase, new.role,
                                                    display_name=new.display_name,
                                                    centre_code=new.centre_code, kdf=kdf),
                  self.tr("User {name} added.").format(name=new.username))

    def reset_passphrase(self, username: str, passphrase: str) -> None:
        ctx, kdf = self.ctx, self.kdf
        assert ctx is not None
        self._run("reset_passphrase", lambda: auth.reset_passphrase(ctx.ws, username, passphrase, kdf),
                  self.tr("New passphrase set for {name}.").format(name=username))

    def add_user_clicked(self) -> None:
        if self.ctx is None:
            return
        centres = [(c.code, i18n.ref_name(c.en, c.km)) for c in self.ctx.choices.centres]
        new = ask_new_user(self, centres)
        if new is not None:
            self.add_user(new)

    def reset_clicked(self) -> None:
        username = selected_key(self.users)
        if username is None:
            self.banner.error(self.tr("Select a user first."))
            return
        passphrase = ask_new_passphrase(self, username)
        if passphrase:
            self.reset_passphrase(username, passphrase)

    def retranslate(self) -> None:
        self.users_label.setText(self.tr("People who can unlock this laptop"))
        self.add_button.setText(self.tr("Add user…"))
        self.reset_button.setText(self.tr("Reset passphrase…"))
        self.conflicts_label.setText(self.tr("Sync conflicts to review"))
        self.idle_label.setText(self.tr("Lock after this many minutes without use:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.ctx is not None and self.users.rowCount():
                self.activate()
        super().changeEvent(event)
