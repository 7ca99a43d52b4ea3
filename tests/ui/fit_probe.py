"""Run in its own process on a real X screen: open every page and dialog, report what does not fit.

``python tests/ui/fit_probe.py STORE_DIR FIRST_RUN_DIR LANG`` prints one JSON object:
the problems found (none when everything fits) and what was checked. A problem is a widget or button lying outside the
screen, a window larger than the screen, or a label or button whose text is cut off.
The caller (tests/ui/test_fit.py) starts Xvfb at the size under test.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QRadioButton,
    QScrollArea,
    QWidget,
)

sys.path.insert(0, str(Path(__file__).parent))
from uihelpers import FAST, PASSPHRASES  # noqa: E402

from fieldapp.ui import i18n  # noqa: E402
from fieldapp.ui.shell import AppController  # noqa: E402

problems: list[str] = []
checked: list[str] = []


def settle(app: QApplication, c: AppController, seconds: float = 0.25) -> None:
    deadline = time.monotonic() + 20
    while c.runner.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _clipped_by_scroll(w: QWidget) -> bool:
    """True if `w` lives inside a scroll area (then lying below the fold is fine)."""
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea):
            return True
        p = p.parentWidget()
    return False


def check(top: QWidget, where: str) -> None:
    """Every visible widget of `top` lies on the screen; no text is cut off."""
    checked.append(where)
    shots = os.environ.get("FIT_SHOTS")
    if shots:
        top.grab().save(str(Path(shots) / (where.replace(" ", "_") + ".png")))
    screen = QApplication.primaryScreen().availableGeometry()
    frame = top.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"{where}: window {frame.width()}x{frame.height()} at "
                        f"({frame.x()},{frame.y()}) does not fit the screen "
                        f"{screen.width()}x{screen.height()}")
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisible() or w.width() <= 0:
            continue
        name = f"{type(w).__name__} {w.objectName() or ''}".strip()
        text = w.text() if isinstance(w, (QLabel, QAbstractButton)) else ""
        if isinstance(w, (QAbstractButton, QLabel)) and not _clipped_by_scroll(w):
            rect = QRect(w.mapToGlobal(w.rect().topLeft()), w.size())
            if not screen.contains(rect):
                problems.append(f"{where}: {name} {text[:30]!r} lies outside the screen ({rect.x()},"
                                f"{rect.y()} {rect.width()}x{rect.height()})")
        if isinstance(w, QLabel) and text and not w.wordWrap() and w.pixmap().isNull():
            if w.width() + 2 < w.sizeHint().width():
                problems.append(f"{where}: label {text[:30]!r} cut off ({w.width()} < "
                                f"{w.sizeHint().width()} px)")
        if isinstance(w, QLabel) and text and w.wordWrap() and w.pixmap().isNull():
            # Wrapped text cut at the bottom (Khmer's stacked vowels and subscripts need taller
            # lines than Latin): the label must be as tall as its text at its width.
            need = w.heightForWidth(w.width())
            if need > w.height() + 2:
                problems.append(f"{where}: label {text[:30]!r} cut off at the bottom ({w.height()} < "
                                f"{need} px)")
        if isinstance(w, (QAbstractButton,)) and not isinstance(w, (QCheckBox, QRadioButton)) and text:
            if w.width() + 2 < w.sizeHint().width():
                problems.append(f"{where}: button {text[:30]!r} cut off ({w.width()} < "
                                f"{w.sizeHint().width()} px)")
        if isinstance(w, (QCheckBox, QRadioButton)) and text and w.width() + 2 < w.sizeHint().width():
            problems.append(f"{where}: option {text[:30]!r} cut off")


def show_max(app: QApplication, c: AppController) -> None:
    c.shell.showMaximized()
    settle(app, c, 0.4)


def dialogs_of(widget: QWidget) -> list[QDialog]:
    return [d for d in QApplication.topLevelWidgets() if isinstance(d, QDialog) and d.isVisible()]


def with_dialog(app: QApplication, c: AppController, where: str, opener: Callable[[], object]) -> None:
    before = set(map(id, dialogs_of(c.shell)))
    opener()
    settle(app, c, 0.5)
    for d in dialogs_of(c.shell):
        if id(d) not in before:
            check(d, where)
            d.reject()
            settle(app, c, 0.1)


def main() -> int:
    store, first, lang = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    app = QApplication(sys.argv[:1])
    i18n.apply_font(app)  # type: ignore[arg-type]

    # First run: every wizard page.
    w = AppController(first, kdf=FAST)
    w.set_language(lang)
    w.start()
    show_max(app, w)
    wiz = w.shell.wizard
    for n in range(4):
        check(w.shell, f"first run page {n + 1}")
        if n == 2:
            wiz.account_page.username.setText("sokha")
            wiz.account_page.passphrase.setText("ដំរី ហោះលើមេឃ 2025 x")
            wiz.account_page.repeat.setText("ដំរី ហោះលើមេឃ 2025 x")
            settle(app, w)
        wiz.next()
        settle(app, w)
    w.shutdown()
    w.shell.close()

    c = AppController(store, kdf=FAST)
    c.set_language(lang)
    c.start()
    show_max(app, c)
    check(c.shell, "unlock")
    unlock(app, c, "sup")
    main_view = c.shell.main
    for screen in ("home", "cases", "referrals", "sync", "reports", "admin"):
        main_view.go(screen)
        settle(app, c, 0.4)
        check(c.shell, f"page {screen}")
    main_view.go("cases")
    settle(app, c)
    main_view.case_list.open_case.emit(os.environ["FIT_RESCUE"])
    settle(app, c, 0.4)
    view = main_view.case_view
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        settle(app, c, 0.1)
        check(c.shell, f"case view tab {i}")
    view.tabs.setCurrentIndex(0)
    view.victims.selectRow(0)
    for name, opener in (("form rescue", view.edit_rescue), ("form victim", view.add_victim),
                         ("form suspect", view.add_suspect),
                         ("form statement", view.record_statement),
                         ("form referral", view.refer_victim)):
        with_dialog(app, c, name, opener)
    view.tabs.setCurrentIndex(1)
    view.statements.selectRow(0)
    with_dialog(app, c, "statement dialog", view.read_statement)
    admin = main_view.admin
    main_view.go("admin")
    settle(app, c)
    from fieldapp.ui import admin as admin_mod

    with_dialog(app, c, "add user dialog",
                lambda: admin_mod.UserDialog(admin, [("PTC", "PTC")]).open())
    with_dialog(app, c, "reset dialog", lambda: admin_mod.ResetDialog(admin, "off").open())
    c.shutdown()
    c.shell.close()
    print("checked: " + ", ".join(checked), file=sys.stderr)
    print(json.dumps({"problems": problems, "checked": checked}, ensure_ascii=False))
    sys.stdout.flush()
    os._exit(0)


def unlock(app: QApplication, c: AppController, user: str) -> None:
    view = c.shell.unlock
    settle(app, c)
    view.user.setCurrentText(user)
    view.passphrase.setText(PASSPHRASES[user])
    view.submit()
    settle(app, c, 0.5)
    if c.ws is None:
        raise SystemExit(f"could not unlock: {view.banner.text()}")


if __name__ == "__main__":
    sys.exit(main())
