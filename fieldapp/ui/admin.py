"""Admin (supervisors): users, passphrase resets, sync conflicts, HQ enrolment, exports, idle lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.enums import USER_ROLES, Role
from fieldapp.services import auth, caselist, exports
from fieldapp.services import sync as sync_service
from fieldapp.services.auth import DEFAULT_KDF, KdfParams
from fieldapp.services.changes import AUDITED, DEVICE, Changes
from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext
from fieldapp.ui.localdigits import SpinBox
from fieldapp.ui.strength import strength
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import Banner, BusyBar, fill_table, make_table, ok_cancel, selected_key

#: Export formats offered, in order (csv writes a folder of files; the others one file).
EXPORT_FORMATS = ("csv", "json", "htcds")


@dataclass(frozen=True)
class NewUser:
    username: str
    display_name: str
    role: Role
    centre_code: str | None
    passphrase: str


class UserDialog(QDialog):
    """Add a user: name, role, centre (for centre staff), passphrase twice."""

    def __init__(self, parent: QWidget | None, centres: list[tuple[str, str]], post: str = "",
                 centre: str | None = None) -> None:
        super().__init__(parent)
        self._post = post or _post_of(parent)
        self.setWindowTitle(self.tr("Add user"))
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for r in USER_ROLES:
            self.role.addItem(i18n.role_label(r.value), r.value)
        self.centre = QComboBox()
        for code, name in centres:
            self.centre.addItem(name, code)
        if centre is not None:
            # A transit centre's laptop: new users are most likely its own staff.
            self.role.setCurrentIndex(max(0, self.role.findData(Role.CENTRE_STAFF.value)))
            self.centre.setCurrentIndex(max(0, self.centre.findData(centre)))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel()
        self.passphrase.textChanged.connect(lambda t: self.hint.setText(self._strength().label))
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name (optional)"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Transit centre"), self.centre)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat passphrase"), self.repeat)
        form.addRow("", self.hint)
        row, self.ok, self.cancel = ok_cancel(self, self.tr("Add user"), self.tr("Cancel"),
                                              self._check)
        self.error = QLabel()
        self.error.setStyleSheet("color: #8a1c14")
        self.error.setWordWrap(True)
        reserve_line(self.error, self.hint)  # a message appearing moves no button
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(row)

    def _strength(self):  # type: ignore[no-untyped-def]
        return strength(self.passphrase.text(), username=self.username.text().strip(),
                        post=self._post)

    def _check(self) -> None:
        if self.passphrase.text() != self.repeat.text():
            self.error.setText(self.tr("The two passphrases differ."))
            return
        verdict = self._strength()
        if not verdict.ok:
            self.error.setText(verdict.label)
            return
        self.accept()

    def value(self) -> NewUser:
        role = Role(self.role.currentData())
        return NewUser(self.username.text().strip(), self.display_name.text().strip(), role,
                       self.centre.currentData() if role is Role.CENTRE_STAFF else None,
                       self.passphrase.text())


def reserve_line(*labels: QLabel) -> None:
    """Keep one line's height for labels that show a message only now and then."""
    for label in labels:
        label.setMinimumHeight(label.fontMetrics().lineSpacing() + 2)


def _post_of(parent: QWidget | None) -> str:
    """The signed-in user's post, for the strength meter (the post's name is guessable)."""
    ctx = getattr(parent, "ctx", None)
    ws = getattr(ctx, "ws", None)
    return str(ws.actor.post_code) if ws is not None and ws.is_open else ""


class ResetDialog(QDialog):
    def __init__(self, parent: QWidget | None, username: str, post: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset passphrase"))
        self._username, self._post = username, post or _post_of(parent)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel()
        self.passphrase.textChanged.connect(lambda _t: self.hint.setText(self._strength().label))
        form = QFormLayout()
        form.addRow(self.tr("User"), QLabel(username))
        form.addRow(self.tr("New passphrase"), self.passphrase)
        form.addRow("", self.hint)
        row, self.ok, self.cancel = ok_cancel(self, self.tr("Set passphrase"), self.tr("Cancel"),
                                              self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)


    def _strength(self):  # type: ignore[no-untyped-def]
        return strength(self.passphrase.text(), username=self._username, post=self._post)

    def _check(self) -> None:
        verdict = self._strength()
        if not verdict.ok:
            self.hint.setText(verdict.label)
            return
        self.accept()


def ask_new_user(parent: QWidget, centres: list[tuple[str, str]], post: str = "",
                 centre: str | None = None) -> NewUser | None:
    dialog = UserDialog(parent, centres, post, centre)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_new_passphrase(parent: QWidget, username: str, post: str = "") -> str | None:
    dialog = ResetDialog(parent, username, post)
    return dialog.passphrase.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AdminView(QWidget):
    """Layout of the Admin screen; one method per supervisor action."""

    idle_minutes_changed = Signal(int)
    enrolled = Signal()

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
        self.idle = SpinBox()
        self.idle.setRange(1, 120)
        self.idle.setValue(10)
        self.idle.valueChanged.connect(self.idle_minutes_changed.emit)
        # HQ enrolment, for a laptop set up offline (hidden once enrolled).
        self.enrol_box = QGroupBox()
        self.enrol_note = QLabel()
        self.enrol_note.setWordWrap(True)
        self.hq_url = QLineEdit()
        self.hq_url.setPlaceholderText("https://hq.example.gov.kh")
        self.hq_code = QLineEdit()
        self.enrol_button = QPushButton()
        self.enrol_button.clicked.connect(self.enrol_clicked)
        self.enrol_labels = [QLabel(), QLabel()]
        self.enrol_busy = BusyBar()
        enrol_form = QFormLayout(self.enrol_box)
        enrol_form.addRow(self.enrol_note)
        enrol_form.addRow(self.enrol_labels[0], self.hq_url)
        enrol_form.addRow(self.enrol_labels[1], self.hq_code)
        enrol_form.addRow("", self.enrol_button)
        enrol_form.addRow(self.enrol_busy)
        self.enrol_box.hide()
        # Exports of every record (not encrypted: the user is warned first).
        self.export_box = QGroupBox()
        self.export_format = QComboBox()
        for fmt in EXPORT_FORMATS:
            self.export_format.addItem("", fmt)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_clicked)
        export_row = QHBoxLayout(self.export_box)
        export_row.addWidget(self.export_format)
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
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
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.export_box)
        layout.addLayout(idle_row)
        self.retranslate()

    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx

    def activate(self) -> None:
        if self.ctx is None:
            return
        ctx = self.ctx

        def load() -> tuple[list[tuple[str, str, str, str, str]], list[caselist.ConflictRow], bool]:
            users = [(u.username, u.display_name, u.role, u.post_code, u.centre_code or "")
                     for u in auth.list_users(ctx.ws)]
            return (users, caselist.conflicted_referrals(ctx.ws),
                    sync_service.status(ctx.ws).enrolled)

        ctx.runner.run_db("admin_load", load, self._loaded,
                          lambda exc: self.banner.error(user_message(exc)))

    def clear(self) -> None:
        self.banner.clear_message()
        for t in (self.users, self.conflicts):
            t.clear()
            t.setRowCount(0)
        self.hq_url.clear()
        self.hq_code.clear()
        self.enrol_box.hide()
        self.enrol_busy.set_busy(False)

    def _loaded(self, data: tuple[list[tuple[str, str, str, str, str]], list[caselist.ConflictRow],
                                  bool]) -> None:
        users, conflicts, enrolled = data
        self.enrol_box.setVisible(not enrolled)
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
            self.activate()

        ctx.runner.run_op(name, fn, Changes.of(["user"]), done,
                          lambda exc: self.banner.error(user_message(exc)), origin=self)

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

    def enrol(self, hq_url: str, code: str) -> None:
        """Enrol this laptop with HQ (network, on the database worker: it writes the keys)."""
        ctx = self.ctx
        if ctx is None:
            return
        hook = ctx.hooks.get("enrol") or sync_service.enrol
        self.enrol_button.setEnabled(False)
        self.enrol_busy.set_busy(True)

        def finish() -> None:
            self.enrol_button.setEnabled(True)
            self.enrol_busy.set_busy(False)

        def done(_r: object) -> None:
            finish()
            self.hq_code.clear()
            self.banner.info(self.tr("This laptop is enrolled with HQ: changes are now sent when "
                                     "a connection is available."))
            self.enrolled.emit()
            self.activate()

        def failed(exc: BaseException) -> None:
            finish()
            self.banner.error(self.tr("Enrolment failed: {reason}").format(reason=enrol_error(exc)))

        # Broadcast: the window follows what the device now is (the national desk…) at once.
        ctx.runner.run_op("enrol", lambda: hook(ctx.ws, hq_url, code), DEVICE, done, failed)

    def enrol_clicked(self) -> None:
        url, code = self.hq_url.text().strip(), self.hq_code.text().strip()
        if not url or not code:
            self.banner.error(self.tr("Enter HQ's address and the enrolment code HQ gave you."))
            return
        self.enrol(url, code)

    def export_to(self, fmt: str, path: Path) -> None:
        """Write every record in `fmt` to `path` (audited by the service), off the UI thread."""
        ctx = self.ctx
        if ctx is None:
            return
        self.export_button.setEnabled(False)

        def done(out: Path) -> None:
            self.export_button.setEnabled(True)
            self.banner.info(self.tr("Exported to {name}. The file is NOT encrypted: keep it on an "
                                     "encrypted drive and delete it after handing it over.").format(
                name=out.name))

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.banner.error(user_message(exc))

        ctx.runner.run_op("export", lambda: exports.export(ctx.ws, fmt, path), AUDITED, done, failed)

    def export_clicked(self) -> None:
        fmt = str(self.export_format.currentData())
        if not self.confirm_unencrypted():
            return
        path = self.choose_export_path(fmt)
        if path is not None:
            self.export_to(fmt, path)

    def confirm_unencrypted(self) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("The file will NOT be encrypted"),
            self.tr("The exported file is NOT encrypted. Anyone who gets the file or the USB "
                    "stick can read every name in it. Keep it only as long as needed, on an "
                    "encrypted drive, and delete it after handing it over."),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Ok

    def choose_export_path(self, fmt: str) -> Path | None:
        if fmt == "csv":
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to a new folder"),
                                                  "fieldapp-export")
        else:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to a file"),
                                                  f"fieldapp-export-{fmt}.json"
                                                  if fmt == "json" else "fieldapp-htcds.csv")
        return Path(name) if name else None

    def add_user_clicked(self) -> None:
        if self.ctx is None:
            return
        centres = [(c.code, i18n.ref_name(c.en, c.km)) for c in self.ctx.choices.centres]
        actor = self.ctx.ws.actor
        here = actor.centre_code or actor.post_code
        new = ask_new_user(self, centres, centre=here if here in {c for c, _ in centres} else None)
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
        self.enrol_box.setTitle(self.tr("Enrol with HQ"))
        self.enrol_note.setText(self.tr("This laptop was set up offline. With HQ's address and an "
                                        "enrolment code from HQ, its changes are sent to HQ when a "
                                        "connection is available."))
        self.enrol_labels[0].setText(self.tr("HQ address"))
        self.enrol_labels[1].setText(self.tr("Enrolment code"))
        self.enrol_button.setText(self.tr("Enrol"))
        self.export_box.setTitle(self.tr("Export all records (not encrypted)"))
        names = {"csv": self.tr("CSV (a folder of tables)"), "json": self.tr("JSON (one file)"),
                 "htcds": self.tr("HTCDS 2.0 sheet (CSV)")}
        for i in range(self.export_format.count()):
            self.export_format.setItemText(i, names[self.export_format.itemData(i)])
        self.export_button.setText(self.tr("Export…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.ctx is not None and self.users.rowCount():
                self.activate()
        super().changeEvent(event)


def enrol_error(exc: BaseException) -> str:
    """Why enrolment failed, in words an officer can act on."""
    from fieldapp.services.sync import HqRefused, HqUnreachable, WrongPostEnrolled

    if isinstance(exc, HqRefused) and exc.error == "wrong_post":
        return QCoreApplication.translate(
            "AdminView", "HQ refused the code: it was made for another post or centre than this "
            "laptop is set up for. Ask HQ for a code for this laptop's post or centre; nothing "
            "was registered at HQ.")
    if isinstance(exc, WrongPostEnrolled):
        return QCoreApplication.translate(
            "AdminView", "HQ made this code for {code_post}, but this laptop is set up for "
            "{post}. Nothing was kept here; ask HQ to revoke device {device} and to issue a "
            "code for {post}.").format(code_post=exc.code_post, post=exc.device_post,
                                       device=exc.device_id)
    if isinstance(exc, HqUnreachable):
        return QCoreApplication.translate(
            "AdminView", "HQ could not be reached. Check the address and the connection, then "
            "try again.")
    if isinstance(exc, HqRefused):
        return QCoreApplication.translate(
            "AdminView", "HQ refused the code ({reason}). Check it, or ask HQ for a new "
            "one.").format(reason=i18n.hq_reason(exc) or "-")
    return user_message(exc)
