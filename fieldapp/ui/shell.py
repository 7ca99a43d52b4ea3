"""The window and its controller: first run, unlock, idle lock, and the open workspace."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)
from shiboken6 import isValid

from fieldapp.domain.errors import FieldAppError, UnlockThrottled, WrongPassphrase
from fieldapp.services import auth, caselist
from fieldapp.services import sync as sync_service
from fieldapp.services.auth import DEFAULT_KDF, DataDir, KdfParams, read_reference
from fieldapp.services.sync import DeviceRevoked, ProbeSchedule
from fieldapp.services.workspace import Workspace
from fieldapp.ui import i18n, settings
from fieldapp.ui.admin import enrol_error
from fieldapp.ui.background_sync import FIRST_DELAY, BackgroundSync
from fieldapp.ui.context import ViewContext
from fieldapp.ui.first_run import FirstRunValues, FirstRunWizard
from fieldapp.ui.main_window import MainView, Place
from fieldapp.ui.sync_status import HqSync
from fieldapp.ui.tasks import TaskRunner, user_message
from fieldapp.ui.unlock import UnlockFailed, UnlockView
from fieldapp.ui.widgets import fit_to_screen

log = logging.getLogger("fieldapp.ui.shell")
#: Input that counts as "someone is using the laptop".
ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                      QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.Shortcut})
#: HQ enrolment: (workspace, url, code) -> None, raises FieldAppError.
EnrolHook = Callable[[Workspace, str, str], None]
#: What `ask_revoked` answers to wipe without exporting the unsent changes.
WIPE_ONLY = Path()


def forms_hook(name: str, *args: Any) -> None:
    """Call fieldapp.ui.forms.<name> if the form renderer provides it (it is wired separately)."""
    from fieldapp.ui import forms

    fn = getattr(forms, name, None)
    if fn is not None:
        fn(*args)


class IdleWatcher(QObject):
    """Calls `on_idle` after `minutes` without keyboard, mouse or touch input."""

    def __init__(self, on_idle: Callable[[], None], minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False


class Shell(QMainWindow):
    """The one window: a stack of first-run wizard, unlock screen and the work area."""

    def __init__(self, kdf: KdfParams = DEFAULT_KDF) -> None:
        super().__init__()
        self.stack = QStackedWidget()
        self.wizard = FirstRunWizard()
        self.unlock = UnlockView()
        self.main = MainView(kdf=kdf)
        for w in (self.wizard, self.unlock, self.main):
            self.stack.addWidget(w)
        self.setCentralWidget(self.stack)
        fit_to_screen(self, 1200, 760, margin=0)
        self.lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
        self.lock_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.on_close: Callable[[], None] | None = None
        self.retranslate()

    def show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("fieldapp — rescue and referral records"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.on_close is not None:
            self.on_close()
        super().closeEvent(event)


@dataclass
class Opened:
    ws: Workspace
    choices: caselist.Choices
    #: Enrolled with HQ's national role: the window offers no record-writing actions.
    national_desk: bool = False


def _open(ws: Workspace) -> Opened:
    try:
        return Opened(ws, caselist.reference_choices(ws),
                      sync_service.is_national_desk(ws))
    except BaseException:
        ws.close()
        raise


def unlock_job(root: Path, username: str, passphrase: str) -> Opened:
    """Key derivation and opening, on the database worker. Wrong passphrase -> UnlockFailed."""
    try:
        ws = auth.unlock(root, username, passphrase)
    except WrongPassphrase as exc:
        wait = auth.keystore_of(root).wait_seconds(username)
        raise UnlockFailed(exc, wait) from None
    return _open(ws)


class AppController(QObject):
    """The logic behind the shell: one method per user action."""

    def __init__(self, root: Path, runner: TaskRunner | None = None, kdf: KdfParams = DEFAULT_KDF,
                 enrol_hook: EnrolHook | None = None, hooks: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.root = root
        self.kdf = kdf
        self.runner = runner or TaskRunner()
        self.hooks = dict(hooks or {})
        # The window's sync: HQ over fieldapp.services.sync unless a test gives its own.
        source = self.hooks.setdefault("sync", HqSync())
        self.enrol_hook = enrol_hook or getattr(source, "enrol", None) or sync_service.enrol
        self.hooks.setdefault("enrol", self.enrol_hook)
        #: A store made by first run whose enrolment failed: the wizard asks again.
        self._created: Opened | None = None
        self._revoking = False
        self.prefs = settings.load(root)
        self.ws: Workspace | None = None
        self.last_place: Place | None = None
        self.shell = Shell(kdf=kdf)
        self.idle = IdleWatcher(self.lock, self.prefs.idle_minutes, self)
        s = self.shell
        self.background = BackgroundSync(
            s.main.sync, self.hooks.get("sync_schedule", ProbeSchedule),
            self.hooks.get("sync_first_delay", FIRST_DELAY), self)
        s.main.sync.revoked.connect(self.device_revoked)
        s.main.admin.enrolled.connect(self.enrolled)
        s.on_close = self.shutdown
        s.lock_shortcut.activated.connect(self.lock)
        s.main.lock_requested.connect(self.lock)
        s.main.language_requested.connect(self.set_language)
        s.unlock.language_requested.connect(self.set_language)
        s.wizard.language_requested.connect(self.set_language)
        s.unlock.unlock_requested.connect(self.unlock)
        s.unlock.user_changed.connect(self.check_wait)
        s.wizard.completed.connect(self.create_store)
        s.main.admin.idle_minutes_changed.connect(self.set_idle_minutes)
        s.main.admin.idle.setValue(self.prefs.idle_minutes)
        i18n.set_language(self.prefs.language)
        self._sync_language_pickers()

    # -- start ------------------------------------------------------------------------
    def start(self) -> None:
        if DataDir(self.root).exists():
            self.show_unlock()
        else:
            self.show_first_run()
        self.shell.show()

    def show_first_run(self) -> None:
        self.shell.show_page(self.shell.wizard)
        self.runner.run_db("read_reference", read_reference,
                           lambda data: self.shell.wizard.post_page.set_posts(
                               [p for p in data.get("posts", []) if p.get("kind") != "hq"]),
                           lambda exc: self.shell.wizard.show_error(user_message(exc)))

    def show_unlock(self) -> None:
        view = self.shell.unlock
        view.clear()
        view.set_busy(False)
        self.shell.show_page(view)
        last = self.last_place.username if self.last_place else self.prefs.last_user
        self.runner.run_db("usernames", lambda: auth.usernames(self.root),
                           lambda names: view.set_users(names, last),
                           lambda exc: view.show_error(user_message(exc)))
        view.passphrase.setFocus()

    # -- user actions -----------------------------------------------------------------
    def create_store(self, values: FirstRunValues) -> None:
        """First run's Finish: create the encrypted store (Argon2id: off the UI thread), then
        enrol with HQ if an address and code were given. A failed enrolment keeps the store
        and the wizard: the user corrects the address or code, or clears both to skip."""
        wizard = self.shell.wizard
        wizard.set_busy(True)
        root, kdf, hook, made = self.root, self.kdf, self.enrol_hook, self._created

        def job() -> tuple[Opened, BaseException | None]:
            opened = made or _open(auth.initialise(
                root, post_code=values.post_code, username=values.username,
                passphrase=values.passphrase, display_name=values.display_name, kdf=kdf))
            if not values.hq_url:
                return opened, None
            try:
                hook(opened.ws, values.hq_url, values.hq_code)
            except Exception as exc:  # noqa: BLE001 - enrolment is optional; never lose the store
                log.info("enrolment during first run failed (%s)", type(exc).__name__)
                return opened, exc
            return opened, None

        def done(result: tuple[Opened, BaseException | None]) -> None:
            opened, error = result
            wizard.set_busy(False)
            if made is None:
                self.prefs = self.prefs.with_(language=values.language, last_user=values.username)
                self._save_prefs()
            if error is not None:
                self._created = opened
                wizard.store_created()
                wizard.show_error(self.tr(
                    "The encrypted store was created, but enrolment with HQ failed: {reason} "
                    "Correct the address or code and press Finish again, or clear both to enrol "
                    "later in Admin.").format(reason=enrol_error(error)))
                return
            self._created = None
            self._opened(opened)

        def failed(exc: BaseException) -> None:
            wizard.set_busy(False)
            wizard.show_error(user_message(exc))

        self.runner.run_db("initialise", job, done, failed)

    def unlock(self, username: str, passphrase: str) -> None:
        view = self.shell.unlock
        view.set_busy(True)
        root = self.root

        def failed(exc: BaseException) -> None:
            view.set_busy(False)
            view.passphrase.clear()
            if isinstance(exc, UnlockFailed):
                view.show_error(self.tr("Wrong user name or passphrase."))
                view.start_backoff(exc.wait_seconds)
            elif isinstance(exc, UnlockThrottled):
                view.show_error(self.tr("Too many wrong passphrases."))
                view.start_backoff(exc.wait_seconds)
            else:
                view.show_error(user_message(exc))

        def done(opened: Opened) -> None:
            view.set_busy(False)
            view.clear()
            self.prefs = self.prefs.with_(last_user=username)
            self._save_prefs()
            self._opened(opened)

        self.runner.run_db("unlock", lambda: unlock_job(root, username, passphrase), done, failed)

    def check_wait(self, username: str) -> None:
        """When a user is picked, show any back-off still running for them."""
        if not username or not DataDir(self.root).exists():
            return
        root, view = self.root, self.shell.unlock

        def wait() -> float:
            try:
                return auth.keystore_of(root).wait_seconds(username)
            except (FieldAppError, OSError):
                return 0.0  # the unlock itself will report a damaged keystore

        self.runner.run_db("wait_seconds", wait, lambda s: view.start_backoff(s) if s > 0 else None)

    def lock(self) -> None:
        """Lock now: clear every view, drop results in flight, dispose the engine, forget the key."""
        ws = self.ws
        if ws is None:
            return
        self.last_place = self.shell.main.place()
        self._leave_workspace(invalidate=True)
        # The worker may still be inside a job using this workspace: close after it.
        self.runner.run_db("close", ws.close)
        log.info("locked")
        self.show_unlock()

    def _leave_workspace(self, *, invalidate: bool) -> None:
        """Hide everything of the open workspace: forms saved, dialogs closed, views cleared."""
        main = self.shell.main
        self.background.stop()
        forms_hook("flush_open_forms")  # queue draft saves: they run before the close
        if invalidate:
            self.runner.invalidate()
        for dialog in self.shell.findChildren(QDialog):
            if isValid(dialog) and dialog.isVisible():
                dialog.reject()  # statements, attachments, forms, admin dialogs: nothing stays
        forms_hook("use_context", None)
        main.clear()
        main.set_context(None)
        self.ws = None
        self.idle.stop()

    def enrolled(self) -> None:
        """Admin enrolled this laptop: show it, and start syncing in the background."""
        ctx = self.shell.main.ctx
        if ctx is not None:
            self.shell.main.sync.refresh()
            self.background.start(ctx)

    def device_revoked(self, exc: DeviceRevoked) -> None:
        """HQ revoked this device: offer a sealed bundle of the unsent changes, then wipe."""
        ws = self.ws
        if ws is None or self._revoking:
            return
        self.background.stop()
        answer = self.ask_revoked(exc.unsent)
        if answer is None:
            return  # not now: the panel says revoked; the next round asks again
        self._revoking = True
        bundle = None if answer is WIPE_ONLY else answer
        self._leave_workspace(invalidate=False)

        def job() -> int:
            count = sync_service.export_bundle(ws, bundle)[1] if bundle is not None else 0
            sync_service.wipe_revoked(ws)
            return count

        def done(_count: int) -> None:
            self._revoking = False
            self.last_place = None
            log.info("revoked device wiped (bundle written: %s)", bundle is not None)
            self.shell.wizard.reset()
            self.show_first_run()

        def failed(err: BaseException) -> None:
            # Nothing was wiped (the export comes first): the store opens again as before.
            self._revoking = False
            if ws.is_open:
                self.runner.run_db("close", ws.close)
            self.show_unlock()
            self.shell.unlock.show_error(user_message(err))

        self.runner.run_db("revoked_wipe", job, done, failed)

    def ask_revoked(self, unsent: int) -> Path | None:
        """Ask what to do: a bundle path (export, then wipe), WIPE_ONLY, or None (not now)."""
        box = QMessageBox(self.shell)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("This device was revoked"))
        export = None
        wipe: QPushButton | None
        if unsent:
            box.setText(self.tr(
                "HQ has revoked this device. {n} changes never reached HQ. Save them to a sealed "
                "file (only HQ can open it) and hand it to HQ; then this laptop's store is "
                "wiped.").format(n=i18n.digits(unsent)))
            export = box.addButton(self.tr("Save the changes, then wipe…"),
                                   QMessageBox.ButtonRole.AcceptRole)
            # No "wipe without saving": wiping never loses changes HQ lacks (services.sync).
            wipe = None
        else:
            box.setText(self.tr("HQ has revoked this device and holds all of its changes. This "
                                "laptop's store will now be wiped."))
            wipe = box.addButton(self.tr("Wipe"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if wipe is not None and clicked is wipe:
            return WIPE_ONLY
        if export is not None and clicked is export:
            name, _ = QFileDialog.getSaveFileName(self.shell, self.tr("Save unsent changes"),
                                                  "unsent-changes.bundle")
            return Path(name) if name else None
        return None

    def set_language(self, code: str) -> None:
        i18n.set_language(code)
        self.prefs = self.prefs.with_(language=code)
        self._sync_language_pickers()
        self._save_prefs()

    def set_idle_minutes(self, minutes: int) -> None:
        self.prefs = self.prefs.with_(idle_minutes=minutes)
        self.idle.set_minutes(minutes)
        self._save_prefs()

    # -- helpers ----------------------------------------------------------------------
    def _opened(self, opened: Opened) -> None:
        self.ws = opened.ws
        ctx = ViewContext(self.runner, opened.ws, opened.choices, hooks=self.hooks,
                          national_desk=opened.national_desk)
        main = self.shell.main
        main.set_context(ctx)
        forms_hook("use_context", ctx)
        self.shell.show_page(main)
        main.restore(self.last_place)
        self.idle.set_minutes(self.prefs.idle_minutes)
        self.idle.start()
        self.background.start(ctx)
        # After a crash, a power cut or a lock with a form open: offer what was left unfinished.
        forms_hook("offer_drafts", self.shell, opened.ws, self.runner)
        log.info("unlocked as role %s", opened.ws.actor.role.value)

    def _sync_language_pickers(self) -> None:
        code = i18n.current_language()
        self.shell.unlock.set_language(code)
        self.shell.main.set_language(code)
        page = self.shell.wizard.language_page
        for radio in (page.english, page.khmer):
            radio.blockSignals(True)
        (page.khmer if code == "km" else page.english).setChecked(True)
        for radio in (page.english, page.khmer):
            radio.blockSignals(False)

    def _save_prefs(self) -> None:
        root, prefs = self.root, self.prefs
        self.runner.run_db("save_prefs", lambda: settings.save(root, prefs))

    def shutdown(self) -> None:
        self.background.stop()
        if self._created is not None:  # first run's store, enrolment still being retried
            self.runner.run_db("close", self._created.ws.close)
            self._created = None
        ws = self.ws
        if ws is not None:
            self.runner.invalidate()
            self.shell.main.clear()
            self.ws = None
            self.runner.run_db("close", ws.close)
        self.idle.stop()
        self.runner.wait_idle(10)
