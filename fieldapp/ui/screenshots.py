"""`python -m fieldapp.ui.screenshots OUTDIR`: every main screen, in English and Khmer, as PNG files."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.domain.enums import Role
from fieldapp.services import auth, caselist, demo, intake
from fieldapp.services.auth import KdfParams
from fieldapp.services.caselist import CaseFilter
from fieldapp.ui import i18n
from fieldapp.ui.shell import AppController

#: Screenshots are of demo data on a throw-away store: a cheap KDF is fine here.
DEMO_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8192)
PASS = {"supervisor": "demo supervisor pass", "centre": "demo centre pass"}
#: A common border-post laptop screen (the window must fit it whole).
SIZE = (1366, 768)


def build(root: Path, rescues: int = 80) -> str:
    """A demo store; return the id of a case worth showing (a minor, statements, referrals)."""
    ws = auth.initialise(root, post_code="POIPET", username="supervisor",
                         passphrase=PASS["supervisor"], kdf=DEMO_KDF)
    try:
        auth.add_user(ws, "centre", PASS["centre"], Role.CENTRE_STAFF, centre_code="PTC", kdf=DEMO_KDF)
        auth.add_user(ws, "officer", "demo officer pass", Role.OFFICER, kdf=DEMO_KDF)
        demo.generate(ws, rescues=rescues, seed=7)
        best, score = "", -1
        for row in caselist.case_page(ws, CaseFilter(minors_only=True), limit=60).rows:
            case = intake.get_case(ws, row.id)
            finals = sum(1 for s in case.statements if s.final_hash)
            points = finals * 3 + len(case.referrals) * 2 + len(case.suspects) + len(case.victims)
            if finals and case.referrals and points > score:
                best, score = row.id, points
        return best or caselist.case_page(ws, limit=1).rows[0].id
    finally:
        ws.close()


def settle(app: QApplication, controller: AppController, seconds: float = 0.3) -> None:
    """Let the task runner finish and the widgets repaint."""
    deadline = time.monotonic() + 20
    while controller.runner.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def unlock(app: QApplication, c: AppController, user: str) -> None:
    view = c.shell.unlock
    settle(app, c)
    view.user.setCurrentText(user)
    view.passphrase.setText(PASS[user])
    view.submit()
    settle(app, c)
    if c.ws is None:
        raise SystemExit(f"screenshots: could not unlock as {user}: {view.banner.text()}")


def shoot(widget: QWidget, out: Path, name: str, lang: str) -> Path:
    path = out / f"{name}_{lang}.png"
    widget.grab().save(str(path))
    return path


def run(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    i18n.apply_font(app)  # type: ignore[arg-type]
    shots: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="fieldapp-shots-") as tmp:
        first_root = Path(tmp) / "first"
        root = Path(tmp) / "data"
        case_id = build(root)
        for lang in ("en", "km"):
            wizard_c = AppController(first_root, kdf=DEMO_KDF)
            wizard_c.set_language(lang)
            wizard_c.shell.resize(*SIZE)
            wizard_c.start()
            settle(app, wizard_c)
            wizard_c.shell.wizard.next()
            wizard_c.shell.wizard.next()
            wizard_c.shell.wizard.account_page.username.setText("sokha")
            wizard_c.shell.wizard.account_page.passphrase.setText("ដំរី ហោះលើមេឃ 2025")
            settle(app, wizard_c)
            shots.append(shoot(wizard_c.shell, out, "first_run", lang))
            wizard_c.shutdown()
            wizard_c.shell.close()

            c = AppController(root, kdf=DEMO_KDF)
            c.set_language(lang)
            c.shell.resize(*SIZE)
            c.start()
            settle(app, c)
            c.shell.unlock.user.setCurrentText("supervisor")
            shots.append(shoot(c.shell, out, "unlock", lang))

            unlock(app, c, "supervisor")
            main = c.shell.main
            settle(app, c)
            for dialog in app.topLevelWidgets():  # the demo store has no drafts; be sure
                if dialog is not c.shell and dialog.isVisible():
                    dialog.close()
            main.go("home")
            settle(app, c)
            shots.append(shoot(c.shell, out, "home", lang))
            main.go("cases")
            settle(app, c)
            shots.append(shoot(c.shell, out, "case_list", lang))
            main.case_list.search.setText("ស្រី" if lang == "km" else "sok")
            settle(app, c, 0.6)
            settle(app, c, 0.6)  # the count follows once the search has settled
            shots.append(shoot(c.shell, out, "case_search", lang))
            main.case_list.clear_filters()
            settle(app, c)

            main.open_case(case_id)
            settle(app, c)
            view = main.case_view
            view.tabs.setCurrentIndex(1)
            shots.append(shoot(c.shell, out, "case_view", lang))
            view.tabs.setCurrentIndex(3)
            view.referrals.selectRow(0)
            settle(app, c)
            shots.append(shoot(c.shell, out, "case_referrals", lang))
            view.tabs.setCurrentIndex(0)
            view.victims.selectRow(0)
            shots.append(_form_shot(app, c, view.add_victim, out, "form_victim", lang))
            shots.append(_form_shot(app, c, view.edit_rescue, out, "form_rescue", lang))

            main.go("sync")
            settle(app, c)
            shots.append(shoot(c.shell, out, "sync_panel", lang))
            main.go("reports")
            settle(app, c)
            shots.append(shoot(c.shell, out, "reports", lang))
            main.go("admin")
            settle(app, c)
            shots.append(shoot(c.shell, out, "admin", lang))

            c.lock()
            settle(app, c)
            unlock(app, c, "centre")
            main.go("referrals")  # the centre's user starts on Today
            board = main.referrals
            settle(app, c)
            from fieldapp.ui.referral_board import QUEUES, queue_of

            busiest = max(QUEUES[:4], key=lambda q: sum(1 for x in board.cards if queue_of(x) == q))
            board.tabs.setCurrentIndex(QUEUES.index(busiest))
            if board.table.rowCount():
                board.table.selectRow(0)
            settle(app, c)
            shots.append(shoot(c.shell, out, "referral_board", lang))
            c.shutdown()
            c.shell.close()
            settle(app, c, 0.1)
    return shots


def _form_shot(app: QApplication, c: AppController, action: Callable[[], None], out: Path,
               name: str, lang: str) -> Path:
    from fieldapp.ui import forms

    action()
    settle(app, c, 0.6)
    dialog = forms.last_opened
    if dialog is None:
        raise SystemExit("screenshots: the form did not open")
    dialog.resize(900, 720)
    settle(app, c)
    path = shoot(dialog, out, name, lang)
    dialog.close()
    settle(app, c, 0.1)
    return path


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    for path in run(out):
        print(path)
    sys.stdout.flush()
    # PySide6 can crash while the interpreter tears its wrappers down; the files are written.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
