"""One phase of the Poipet morning, walked in a real window with real X input (xdotool).

``python tests/ui/journey_probe.py PHASE DATA_DIR [KEY=VALUE ...]`` opens the app on
DATA_DIR (its own window on the X display in $DISPLAY, platform xcb) and performs PHASE
with mouse and keyboard only. It prints ``STEP <name> <json counts>`` as each step is seen
done on screen, ``MID`` where the caller may SIGKILL it, and finally ``RESULT <json>``.
tests/ui/test_journey.py starts Xvfb and HQ and chains the phases.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QRadioButton, QWizard

sys.path.insert(0, str(Path(__file__).parent))
from xdriver import DriveError, XDriver  # noqa: E402

from fieldapp.ui import i18n  # noqa: E402
from fieldapp.ui.shell import AppController  # noqa: E402

SUPERVISOR = ("sokha", "ដំរី ហោះលើមេឃ ២០២៥ ព្រៃលង់")
OFFICERS = (("dara", "កង្កែប លោតលើស្លឹកឈូក ៩"), ("vanna", "ត្រី ហែលក្នុងទឹកថ្លា ៧"))
#: The seven found in the raid: (name, sex, age). Two children.
PEOPLE = (("សុខ ស្រីពៅ", "female", "15"), ("Chan Dara", "male", "34"),
          ("Nguyen Thi Lan", "female", "22"), ("ចាន់ សុភា", "female", "16"),
          ("Keo Rith", "male", "41"), ("Tran Van Minh", "male", "29"),
          ("Lim Sreyneang", "female", "27"))
KM_PLACE = "ផ្សារប៉ោយប៉ែត"

out: dict[str, Any] = {"steps": {}}


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def step(d: XDriver, name: str) -> None:
    counts = d.counts.snapshot(d.started)
    out["steps"][name] = counts
    print("STEP", name, json.dumps(counts), flush=True)


def khmer(text: str, source: str) -> None:
    """What the user sees is the Khmer text, not the English one."""
    if text == source or not any("\u1780" <= ch <= "\u17ff" for ch in text):
        raise DriveError(f"{source!r} is shown in English: {text!r}")


# -- phases -----------------------------------------------------------------------------
def first_run(d: XDriver, c: AppController, hq_url: str, code: str) -> None:
    wiz = c.shell.wizard
    d.wait_for("the first-run wizard", lambda: wiz.isVisible())
    khmer_radio: QRadioButton = wiz.language_page.khmer
    d.click(khmer_radio, "ភាសាខ្មែរ")
    d.wait_for("Khmer", lambda: i18n.current_language() == "km")
    nxt = d.gui(lambda: wiz.button(QWizard.WizardButton.NextButton))
    khmer(d.gui(nxt.text), "Next >")
    d.click(nxt, "Next")
    d.wait_for("posts", lambda: wiz.post_page.post.count() > 0)
    d.pick(wiz.post_page.post, "POIPET", "post")
    d.click(nxt, "Next")
    a = wiz.account_page
    d.fill(a.username, SUPERVISOR[0], "user name")
    d.fill(a.display_name, "សុខា", "full name")
    d.fill(a.passphrase, SUPERVISOR[1], "passphrase")
    d.fill(a.repeat, SUPERVISOR[1], "repeat")
    d.click(nxt, "Next")
    d.fill(wiz.hq_page.url, hq_url, "HQ address")
    d.fill(wiz.hq_page.code, code, "enrolment code")
    finish = d.gui(lambda: wiz.button(QWizard.WizardButton.FinishButton))
    khmer(d.gui(finish.text), "Create the store")
    d.click(finish, "Create the store")
    d.wait_for("the work area", lambda: c.ws is not None, timeout=60)
    d.settle(0.5)
    main = c.shell.main
    khmer(d.gui(lambda: main.nav.item(0).text()), "Today")
    step(d, "first_run")


def go(d: XDriver, c: AppController, screen: str) -> None:
    nav = c.shell.main.nav

    def spot() -> Any:
        for i in range(nav.count()):
            if nav.item(i).data(0x0100) == screen:
                return nav.viewport().mapToGlobal(nav.visualItemRect(nav.item(i)).center())
        return None

    point = d.gui(spot)
    if point is None:
        raise DriveError(f"no {screen} in the side menu")
    d.click_at(point)
    d.wait_for(f"page {screen}", lambda: c.shell.main.screen == screen)
    d.settle(0.3)


def add_officers(d: XDriver, c: AppController) -> None:
    from fieldapp.ui.admin import UserDialog

    go(d, c, "admin")
    admin = c.shell.main.admin
    for username, passphrase in OFFICERS:
        before = d.gui(admin.users.rowCount)
        d.click(admin.add_button, "Add user")
        d.wait_for("the Add user dialog", lambda: _visible(UserDialog) is not None)
        dlg = d.gui(lambda: _visible(UserDialog))
        assert dlg is not None
        d.fill(dlg.username, username, "user name")
        d.pick(dlg.role, "officer", "role")
        d.fill(dlg.passphrase, passphrase, "passphrase")
        d.fill(dlg.repeat, passphrase, "repeat")
        d.key("Return")  # Enter adds (the default button), never cancels
        d.wait_for(f"{username} in the users table", lambda b=before: admin.users.rowCount() == b + 1,
                   timeout=30)
    names = d.gui(lambda: {admin.users.item(r, 0).text() for r in range(admin.users.rowCount())})
    if names != {SUPERVISOR[0], *(u for u, _ in OFFICERS)}:
        raise DriveError(f"users table shows {names}")
    step(d, "officers")


def _visible(kind: type) -> Any:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[-1] if found else None


def form_dialog() -> Any:
    from fieldapp.ui.forms.dialog import FormDialog

    return _visible(FormDialog)


def wait_form(d: XDriver, form_id: str) -> Any:
    d.wait_for(f"the {form_id} form", lambda: (f := form_dialog()) is not None and f.ready
               and f.form_id == form_id, timeout=30)
    d.settle(0.3)
    return d.gui(form_dialog)


def editor(dlg: Any, name: str, index: tuple[int, ...] = ()) -> Any:
    return dlg.controller.rows[(name, index)].editor


def answer(d: XDriver, dlg: Any, name: str, value: Any, index: tuple[int, ...] = ()) -> None:
    """Answer one question by mouse and keyboard, whatever its widget."""
    from fieldapp.ui.forms.editors import (
        ComboEditor,
        LongTextEditor,
        MultiEditor,
        RadioEditor,
        TextEditor,
    )

    ed = d.gui(lambda: editor(dlg, name, index))
    if isinstance(ed, TextEditor):
        d.fill(ed.line, str(value), name)
    elif isinstance(ed, LongTextEditor):
        d.fill(ed.text, str(value), name)
    elif isinstance(ed, RadioEditor):
        (button,) = d.gui(lambda: [b for b in ed.buttons if b.property("value") == value])
        d.click(button, f"{name}={value}")
        if not d.gui(button.isChecked):
            raise DriveError(f"{name}: {value} not chosen")
    elif isinstance(ed, ComboEditor):
        d.pick(ed.combo, value, name)
    elif isinstance(ed, MultiEditor):
        from fieldapp.ui.forms.editors import ValueRole

        def unticked() -> list[Any]:
            items = [ed.list.item(i) for i in range(ed.list.count())]
            return [ed.list.visualItemRect(item).center() for item in items
                    if item.data(ValueRole) in value and item.checkState() != Qt.CheckState.Checked]

        for spot in d.gui(unticked):
            d.click(ed.list, name, spot)
            d.key("space")
    else:
        raise DriveError(f"no way to answer {name} ({type(ed).__name__})")


def save_form(d: XDriver, dlg: Any) -> None:
    d.click(dlg.submit_button, "Save record")
    d.wait_for("the form to close after saving", lambda: not _alive(dlg) or not dlg.isVisible()
               or (dlg.banner.isVisible() and not c_busy(dlg)), timeout=30)
    if d.gui(lambda: _alive(dlg) and dlg.isVisible()):
        raise DriveError(f"the form was not saved: {d.gui(dlg.banner.text)!r}")
    d.settle(0.4)


def c_busy(dlg: Any) -> bool:
    return bool(dlg.controller is None or dlg.controller.submitting)


def _alive(w: Any) -> bool:
    from shiboken6 import isValid

    return bool(isValid(w))


def new_rescue(d: XDriver, c: AppController) -> None:
    go(d, c, "cases")
    cl = c.shell.main.case_list
    d.click(cl.new_button, "New rescue")
    dlg = wait_form(d, "rescue")
    # Province and post come from the device's post; date defaults to today.
    if d.gui(lambda: editor(dlg, "post_code").combo.currentData()) != "POIPET":
        raise DriveError("the rescue form did not start with this post")
    d.click(d.gui(lambda: editor(dlg, "operation_date").now_button), "Today")
    answer(d, dlg, "place", KM_PLACE)
    answer(d, dlg, "unit", "ការិយាល័យប្រឆាំងការជួញដូរមនុស្ស")
    answer(d, dlg, "exploitation_type", "online_scam")
    box = dlg.controller.repeats[("people_found", ())]
    for n, (name, sex, age) in enumerate(PEOPLE):
        d.click(box.add_button, "Add person")
        d.wait_for(f"entry {n + 1}", lambda n=n: ("name", (n,)) in dlg.controller.rows)
        d.settle(0.2)
        answer(d, dlg, "name", name, (n,))
        answer(d, dlg, "sex", sex, (n,))
        answer(d, dlg, "approx_age", age, (n,))
    children = d.gui(lambda: [n for n in range(len(PEOPLE))
                              if dlg.controller.rows[("child_found_note", (n,))].isVisibleTo(dlg)])
    if children != [0, 3]:
        raise DriveError(f"child notes shown for entries {children}")
    save_form(d, dlg)
    view = c.shell.main.case_view
    d.wait_for("the new case", lambda: view.isVisible() or cl.model.rowCount() == 1, timeout=30)
    step(d, "first_rescue")


def main() -> int:
    phase, root = sys.argv[1], Path(sys.argv[2])
    args = dict(a.split("=", 1) for a in sys.argv[3:])
    app = QApplication(sys.argv[:1])
    i18n.apply_font(app)  # type: ignore[arg-type]
    c = AppController(root)
    c.start()
    c.shell.showMaximized()
    d = XDriver(app, busy=lambda: c.runner.busy)

    def journey() -> None:
        try:
            d.settle(0.5)
            if phase == "poipet1":
                first_run(d, c, args["hq"], args["code"])
                add_officers(d, c)
                new_rescue(d, c)
            else:
                raise DriveError(f"unknown phase {phase}")
        except BaseException as exc:  # noqa: BLE001 - reported to the test, with screenshots
            out["error"] = f"{type(exc).__name__}: {exc}"
            shots = os.environ.get("JOURNEY_SHOTS")
            if shots:
                d.gui(lambda: [w.grab().save(str(Path(shots) / f"failed-{phase}-{n}.png"))
                               for n, w in enumerate(w for w in QApplication.topLevelWidgets()
                                                     if w.isVisible())])
        out["counts"] = d.counts.snapshot(d.started)
        print("RESULT", json.dumps(out, ensure_ascii=False), flush=True)
        os._exit(0)

    threading.Thread(target=journey, daemon=True).start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
