"""The window and its controller: first run, unlock, idle lock, and the open workspace."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QWidget
from shiboken6 import isValid

from fieldapp.crypto.keystore import DEFAULT_KDF, KdfParams
from fieldapp.domain.errors import FieldAppError, UnlockThrottled, WrongPassphrase
from fieldapp.services import auth, caselist
from fieldapp.services.workspace import Workspace
from fieldapp.store.reference import read_reference
from fieldapp.store.store import DataDir
from fieldapp.ui import i18n, settings
from fieldapp.ui.context import ViewContext
from fieldapp.ui.first_run import FirstRunValues, FirstRunWizard
from fieldapp.ui.main_window import MainView, Place
from fieldapp.ui.tasks import TaskRunner, user_message
from fieldapp.ui.unlock import UnlockFailed, UnlockView

log = logging.getLogger("fieldapp.ui.shell")
#: Input that counts as "someone is using the laptop".
ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                      QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.Shortcut})
#: HQ enrolment: (workspace, url, code) -> None, raises FieldAppError. Wired by the sync issue.
EnrolHook = Callable[[Workspace, str, str], None]


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
        self.resize(1200, 760)
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


def _open(ws: Workspace) -> Opened:
    try:
        return Opened(ws, caselist.reference_choices(ws))
    except BaseException:
        ws.close()
        raise


def unlock_job(root: Path, username: str, passphrase: str) -> Opened:
    """Key derivation and opening, on the database worker. Wrong passphrase -> UnlockFailed."""
    try:
        ws = auth.unlock(root, username, passphrase)
    except WrongPassphrase as exc:
        wait = auth.keystore_of(root).wait_seconds(username)
        raise UnlockFailed(str(exc), wait) from None
    return _open(ws)


class AppController(QObject):
    """The logic behind the shell: one method per user action."""

    def __init__(self, root: Path, runner: TaskRunner | None = None, kdf: KdfParams = DEFAULT_KDF,
                 enrol_hook: EnrolHook | None = None, hooks: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.root = root
        self.kdf = kdf
        self.runner = runner or TaskRunner()
        self.enrol_hook = enrol_hook
        self.hooks = dict(hooks or {})
        self.prefs = settings.load(root)
        self.ws: Workspace | None = None
        self.last_place: Place | None = None
        self.shell = Shell(kdf=kdf)
        self.idle = IdleWatcher(self.lock, self.prefs.idle_minutes, self)
        s = self.shell
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
        """First run's Finish: create the encrypted store (Argon2id: off the UI thread)."""
        wizard = self.shell.wizard
        wizard.set_busy(True)
        root, kdf, hook = self.root, self.kdf, self.enrol_hook

        def job() -> Opened:
            ws = auth.initialise(root, post_code=values.post_code, username=values.username,
                                 passphrase=values.passphrase, display_name=values.display_name,
                                 kdf=kdf)
            if values.hq_url and hook is not None:
                try:
                    hook(ws, values.hq_url, values.hq_code)
                except Exception as exc:  # noqa: BLE001 - enrolment is optional; never lose the store
                    log.info("enrolment during first run failed (%s); the store stays offline",
                             type(exc).__name__)
            return _open(ws)

        def done(opened: Opened) -> None:
            wizard.set_busy(False)
            self.prefs = self.prefs.with_(language=values.language, last_user=values.username)
            self._save_prefs()
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
        main = self.shell.main
        self.last_place = main.place()
        forms_hook("flush_open_forms")  # queue draft saves: they run before the close below
        self.runner.invalidate()
        for dialog in self.shell.findChildren(QDialog):
            if isValid(dialog) and dialog.isVisible():
                dialog.reject()  # statements, attachments, forms, admin dialogs: nothing stays
        forms_hook("use_context", None)
        main.clear()
        main.set_context(None)
        self.ws = None
        self.idle.stop()
        # The worker may still be inside a job using this workspace: close after it.
        self.runner.run_db("close", ws.close)
        log.info("locked")
        self.show_unlock()

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
        ctx = ViewContext(self.runner, opened.ws, opened.choices, hooks=self.hooks)
        main = self.shell.main
        main.set_context(ctx)
        forms_hook("use_context", ctx)
        self.shell.show_page(main)
        main.restore(self.last_place)
        self.idle.set_minutes(self.prefs.idle_minutes)
        self.idle.start()
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
        ws = self.ws
        if ws is not None:
            self.runner.invalidate()
            self.shell.main.clear()
            self.ws = None
            self.runner.run_db("close", ws.close)
        self.idle.stop()
        self.runner.wait_idle(10)
