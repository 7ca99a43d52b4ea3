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
import time
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
    reach(d, dlg, ed)
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


def reach(d: XDriver, dlg: Any, w: Any) -> None:
    """Bring `w` into view as an officer would: Tab when it is a few questions ahead (the form
    follows the focus), else the jump bar to its section; the wheel only for what is left."""
    target = w  # an editor: Tab reaching any of its widgets (a radio group's one stop) will do
    if d.in_view(target) or d.tab_to(target, 5):
        return

    def jump() -> Any:
        """The jump-bar link of `target`'s section, if the focus is in another section."""
        focus = QApplication.focusWidget()
        for button, _item, box in dlg.jumps:
            if box.isAncestorOf(target):
                return None if focus is not None and box.isAncestorOf(focus) else button
        return None

    button = d.gui(jump)
    if button is not None:
        d.click(button, "jump to the section")
        if d.in_view(target):
            return
    d.tab_to(target, 12)  # else the wheel (d.click scrolls to what is still out of view)


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
        reach(d, dlg, box.add_button)
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


def open_case(d: XDriver, c: AppController, victims: int) -> Any:
    go(d, c, "cases")
    cl = c.shell.main.case_list
    d.wait_for("the rescue in the case list", lambda: cl.model.rowCount() == 1)
    text = d.gui(lambda: cl.count_label.text())
    khmer(text, "showing 1 of 1")
    d.click_row(cl.table, 0, double=True)
    view = c.shell.main.case_view
    d.wait_for("the case with its people", lambda: view.isVisible()
               and view.victims.rowCount() == victims, timeout=30)
    return view


def tab(d: XDriver, view: Any, n: int) -> None:
    from PySide6.QtWidgets import QTabBar

    bar = view.tabs if isinstance(view.tabs, QTabBar) else d.gui(view.tabs.tabBar)
    d.click(bar, "tab", d.gui(lambda: bar.tabRect(n).center()))
    d.wait_for(f"tab {n}", lambda: view.tabs.currentIndex() == n)


def answer_if_empty(d: XDriver, dlg: Any, name: str, value: Any) -> None:
    if d.gui(lambda: dlg.controller.state.get(name, ())) in (None, "", [], ()):
        answer(d, dlg, name, value)


NATIONALITY = ("KHM", "KHM", "VNM", "KHM", "KHM", "VNM", "KHM")


def complete_profiles(d: XDriver, c: AppController) -> Any:
    view = open_case(d, c, len(PEOPLE))
    names = d.gui(lambda: victim_names(view))
    for name, _sex, age in PEOPLE:
        print("PROFILE", name, file=sys.stderr, flush=True)
        row = names.index(name) if name in names else -1
        if row < 0:
            raise DriveError(f"{name} is not in the victims table: {names}")
        d.click_row(view.victims, row)
        d.click(view.edit_victim_button, "Complete the profile")
        dlg = wait_form(d, "victim")
        nationality = NATIONALITY[[p[0] for p in PEOPLE].index(name)]
        answer(d, dlg, "nationality", nationality)
        answer(d, dlg, "languages", ["vie"] if nationality == "VNM" else ["khm"])
        answer(d, dlg, "documents", ["none"])
        answer(d, dlg, "consent_given", "given")
        answer(d, dlg, "share_government", "given")  # referrals need the consent to share
        answer(d, dlg, "share_ngo", "given")
        if int(age) < 18:
            answer(d, dlg, "child_assent", "given")
            answer(d, dlg, "social_worker_authorisation", "given")
        save_form(d, dlg)
        d.wait_for("the profile saved", lambda: view.victims.rowCount() == len(PEOPLE))
    d.settle(0.4)
    rows = d.gui(lambda: [[view.victims.item(r, k).text() if view.victims.item(r, k) else ""
                           for k in range(view.victims.columnCount())]
                          for r in range(view.victims.rowCount())])
    khm = d.gui(lambda: i18n.choice_label("nationalities", "KHM"))
    vnm = d.gui(lambda: i18n.choice_label("nationalities", "VNM"))
    khmer(khm, "Cambodia")
    for row in rows:
        if khm not in row and vnm not in row:
            raise DriveError(f"a completed person shows no nationality in words: {row}")
    complete = d.gui(lambda: QCoreApplication.translate("CaseView", "complete"))
    if any(row[-1] != complete for row in rows):
        raise DriveError(f"profiles not shown complete: {[row[-1] for row in rows]}")
    if len(rows) != len(PEOPLE):
        raise DriveError(f"{len(rows)} victims after completing 7 profiles")
    step(d, "profiles")
    return view


def victim_names(view: Any) -> list[str]:
    t = view.victims

    def cell(r: int, k: int) -> str:
        item = t.item(r, k)
        return item.text() if item is not None else ""

    return [cell(r, 0) if cell(r, 0) not in ("", "-") else cell(r, 1) for r in range(t.rowCount())]


ADULT = "Nguyen Thi Lan"
CHILD = "សុខ ស្រីពៅ"
ADULT_WORDS = "គេសន្យាថានឹងមានការងារនៅភោជនីយដ្ឋាន"
CHILD_WORDS = "ខ្ញុំមកជាមួយបងប្រុសរបស់ខ្ញុំ"
AMENDED = "Correction: she arrived on the 3rd, not the 2nd."


def select_person(d: XDriver, view: Any, name: str) -> None:
    tab(d, view, 0)
    names = d.gui(lambda: victim_names(view))
    d.click_row(view.victims, names.index(name))


def statements_step(d: XDriver, c: AppController, view: Any) -> None:
    select_person(d, view, ADULT)
    tab(d, view, 1)
    d.click(view.add_statement_button, "Record a statement")
    dlg = wait_form(d, "statement")
    if ADULT not in d.gui(dlg.heading.text):
        raise DriveError(f"the statement form does not name {ADULT}: {d.gui(dlg.heading.text)!r}")
    d.click(d.gui(lambda: editor(dlg, "interview_date").now_button), "Now")
    answer_if_empty(d, dlg, "interviewer", "Dara")
    answer(d, dlg, "language", "vie")
    answer(d, dlg, "interpreter", "Ms Hoa")
    answer_if_empty(d, dlg, "place", KM_PLACE)
    answer(d, dlg, "narrative", ADULT_WORDS)
    save_form(d, dlg)
    d.wait_for("the statement in the list", lambda: view.statements.rowCount() == 1)

    select_person(d, view, CHILD)
    tab(d, view, 1)
    d.click(view.add_statement_button, "Record a statement")
    dlg = wait_form(d, "statement_child")  # the child form opens by itself for a minor
    d.click(d.gui(lambda: editor(dlg, "interview_date").now_button), "Now")
    answer_if_empty(d, dlg, "interviewer", "Dara")
    answer(d, dlg, "language", "khm")
    answer_if_empty(d, dlg, "place", KM_PLACE)
    for q in ("guardian_present", "guardian_consent", "social_worker_present",
              "child_friendly_room", "trained_interviewer"):
        answer(d, dlg, q, "yes")
    answer(d, dlg, "narrative", CHILD_WORDS)
    save_form(d, dlg)
    d.wait_for("both statements in the list", lambda: view.statements.rowCount() == 2)
    step(d, "statements")

    # Finalise the adult's statement, then amend it.
    rows = d.gui(lambda: [view.statements.item(r, 0).text() for r in range(2)])
    row = next((r for r, t in enumerate(rows) if ADULT in t), None)
    if row is None:
        raise DriveError(f"the statements table does not name {ADULT}: {rows}")
    d.click_row(view.statements, row)
    d.click(view.finalise_button, "Make final")
    from PySide6.QtWidgets import QMessageBox

    d.wait_for("the question to make it final", lambda: _visible(QMessageBox) is not None)
    box = d.gui(lambda: _visible(QMessageBox))
    d.click(d.gui(lambda: box.button(QMessageBox.StandardButton.Yes)), "Yes")
    final = d.gui(lambda: i18n.statement_status_label("final"))
    khmer(final, "final")
    d.wait_for("the statement shown final", lambda: any(
        final in (view.statements.item(r, k).text() if view.statements.item(r, k) else "")
        for r in range(view.statements.rowCount()) for k in range(view.statements.columnCount())))
    rows = d.gui(lambda: [view.statements.item(r, 0).text() for r in range(view.statements.rowCount())])
    d.click_row(view.statements, next(r for r, t in enumerate(rows) if ADULT in t))
    d.click(view.amend_button, "Amend")
    dlg = wait_form(d, "statement")
    d.click(d.gui(lambda: editor(dlg, "interview_date").now_button), "Now")
    answer_if_empty(d, dlg, "interviewer", "Dara")
    answer_if_empty(d, dlg, "language", "vie")
    answer_if_empty(d, dlg, "interpreter", "Ms Hoa")
    answer_if_empty(d, dlg, "place", KM_PLACE)
    answer(d, dlg, "narrative", AMENDED)
    save_form(d, dlg)
    d.wait_for("the amendment in the list", lambda: view.statements.rowCount() == 3)
    step(d, "finalise_amend")


MID_WORDS = "ខ្ញុំធ្វើការពីព្រឹកដល់យប់"


def statement_then_crash(d: XDriver, c: AppController, view: Any) -> None:
    """Start a third statement, type into it, and tell the caller to SIGKILL us."""
    select_person(d, view, "Chan Dara")
    tab(d, view, 1)
    d.click(view.add_statement_button, "Record a statement")
    dlg = wait_form(d, "statement")
    answer(d, dlg, "language", "khm")
    answer(d, dlg, "narrative", MID_WORDS)
    time.sleep(1.5)  # the draft is kept within a second of typing
    step(d, "mid_statement")
    print("MID", flush=True)
    time.sleep(120)


def unlock(d: XDriver, c: AppController, username: str, passphrase: str) -> None:
    view = c.shell.unlock
    d.wait_for("the unlock screen", lambda: view.isVisible() and view.user.count() > 0)
    if d.gui(view.user.currentText) != username:
        d.pick(view.user, username, "user") if d.gui(lambda: view.user.findData(username)) >= 0 else \
            d.fill(d.gui(view.user.lineEdit), username, "user")
    d.fill(view.passphrase, passphrase, "passphrase")
    d.key("Return")
    d.wait_for("the work area", lambda: c.ws is not None, timeout=60)
    d.settle(0.5)


def draft_offered(d: XDriver, c: AppController) -> Any:
    """After the SIGKILL: unlock, the unfinished statement is offered; resume and save it."""
    from fieldapp.ui.forms.offer import DraftsDialog

    unlock(d, c, *SUPERVISOR)
    d.wait_for("the offer of unfinished forms", lambda: _visible(DraftsDialog) is not None)
    offer = d.gui(lambda: _visible(DraftsDialog))
    if d.gui(offer.list.count) != 1:
        raise DriveError(f"{d.gui(offer.list.count)} drafts offered, expected the one statement")
    khmer(d.gui(offer.resume_button.text), "Resume")
    d.click(offer.resume_button, "Resume")
    dlg = wait_form(d, "statement")
    if d.gui(lambda: dlg.controller.state.get("narrative", ())) != MID_WORDS:
        raise DriveError("the resumed statement lost what was typed before the crash")
    d.click(d.gui(lambda: editor(dlg, "interview_date").now_button), "Now")
    answer_if_empty(d, dlg, "interviewer", "Dara")
    answer_if_empty(d, dlg, "place", KM_PLACE)
    save_form(d, dlg)
    step(d, "draft_resumed")
    return open_case(d, c, len(PEOPLE))


REFERRED = ("សុខ ស្រីពៅ", "ចាន់ សុភា", "Nguyen Thi Lan")


def three_referrals(d: XDriver, c: AppController, view: Any) -> None:
    for n, name in enumerate(REFERRED):
        select_person(d, view, name)
        d.click(view.refer_button, "Refer")
        dlg = wait_form(d, "referral")
        answer(d, dlg, "service", "shelter")
        answer(d, dlg, "provider_code", "PTC")
        answer(d, dlg, "urgency", "normal")
        save_form(d, dlg)
        d.wait_for(f"referral {n + 1} in the case", lambda n=n: view.referrals.rowCount() == n + 1)
    tab(d, view, 3)
    label = d.gui(lambda: view.tabs.tabText(3))
    khmer(label, "Referrals (3)")
    if "៣" not in label:
        raise DriveError(f"the referrals tab says {label!r}")
    step(d, "referrals")


def search(d: XDriver, c: AppController) -> None:
    d.click(d.gui(lambda: c.shell.main.case_view.back_button), "Back to the list")
    cl = c.shell.main.case_list
    d.fill(cl.search, "ស្រីពៅ", "search")
    d.wait_for("the search result", lambda: not cl.model.loading and cl.model.rowCount() == 1, timeout=20)
    d.fill(cl.search, "nobody-like-this", "search")
    d.wait_for("no result", lambda: not cl.model.loading and cl.model.rowCount() == 0, timeout=20)
    step(d, "search")


def sync_now(d: XDriver, c: AppController) -> str:
    go(d, c, "sync")
    panel = c.shell.main.sync
    d.click(panel.sync_button, "Sync now")
    d.wait_for("the sync to finish", lambda: not panel.running, timeout=90)
    text = d.gui(panel.banner.text)
    khmer(text, "Sync finished")
    if d.gui(lambda: panel.banner.property("kind")) == "error":
        raise DriveError(f"sync failed: {text}")
    return str(text)


CENTRE_SUPERVISOR = ("bopha", "ផ្កាឈូក រីកនៅមាត់បឹង ៨")
CENTRE_STAFF = ("malis", "ពពក ស ហោះលើភ្នំ ៦")


def centre_setup(d: XDriver, c: AppController, hq_url: str, code: str) -> None:
    """The transit centre's laptop: first run for PTC with the code the README shows, its
    supervisor adds a staff member (the dialog starts on centre staff of this centre)."""
    from fieldapp.ui.admin import UserDialog

    global SUPERVISOR
    SUPERVISOR = CENTRE_SUPERVISOR
    wiz = c.shell.wizard
    d.wait_for("the first-run wizard", lambda: wiz.isVisible())
    d.click(wiz.language_page.khmer, "ភាសាខ្មែរ")
    nxt = d.gui(lambda: wiz.button(QWizard.WizardButton.NextButton))
    d.click(nxt, "Next")
    d.wait_for("posts", lambda: wiz.post_page.post.count() > 0)
    d.pick(wiz.post_page.post, "PTC", "centre")
    d.click(nxt, "Next")
    a = wiz.account_page
    d.fill(a.username, CENTRE_SUPERVISOR[0], "user name")
    d.fill(a.passphrase, CENTRE_SUPERVISOR[1], "passphrase")
    d.fill(a.repeat, CENTRE_SUPERVISOR[1], "repeat")
    d.click(nxt, "Next")
    d.fill(wiz.hq_page.url, hq_url, "HQ address")
    d.fill(wiz.hq_page.code, code, "enrolment code")
    d.click(d.gui(lambda: wiz.button(QWizard.WizardButton.FinishButton)), "Create the store")
    d.wait_for("the work area (enrolled)", lambda: c.ws is not None, timeout=60)
    d.settle(0.5)
    go(d, c, "admin")
    admin = c.shell.main.admin
    d.click(admin.add_button, "Add user")
    d.wait_for("the Add user dialog", lambda: _visible(UserDialog) is not None)
    dlg = d.gui(lambda: _visible(UserDialog))
    if d.gui(lambda: (dlg.role.currentData(), dlg.centre.currentData())) != ("centre_staff", "PTC"):
        raise DriveError("Add user on the centre laptop did not start on centre staff of PTC")
    d.fill(dlg.username, CENTRE_STAFF[0], "user name")
    d.fill(dlg.passphrase, CENTRE_STAFF[1], "passphrase")
    d.fill(dlg.repeat, CENTRE_STAFF[1], "repeat")
    d.key("Return")
    d.wait_for("the staff member added", lambda: admin.users.rowCount() == 2, timeout=30)
    d.click(c.shell.main.lock_button, "Lock")
    unlock(d, c, *CENTRE_STAFF)
    step(d, "centre_setup")


def centre_work(d: XDriver, c: AppController) -> None:
    """Pull the three referrals, accept the child's, record the shelter given."""
    sync_now(d, c)
    go(d, c, "referrals")
    board = c.shell.main.referrals
    d.wait_for("three new referrals", lambda: board.table.rowCount() == 3, timeout=30)
    khmer(d.gui(lambda: board.tabs.tabText(0)), "New (3)")
    names = d.gui(lambda: [board.table.item(r, 0).text() for r in range(3)])
    row = next((r for r, n in enumerate(names) if REFERRED[0] in n), None)
    if row is None:
        raise DriveError(f"{REFERRED[0]} is not on the board: {names}")
    d.click_row(board.table, row)
    d.click(board.accept_button, "Accept")
    d.wait_for("two left in New", lambda: board.table.rowCount() == 2, timeout=30)
    tab(d, board, 1)  # Accepted
    d.wait_for("the accepted referral", lambda: board.table.rowCount() == 1)
    d.click_row(board.table, 0)
    d.click(board.service_button, "Record services")
    dlg = wait_form(d, "referral_update")
    answer(d, dlg, "action", "start_service")
    answer(d, dlg, "services_given", ["shelter"])
    save_form(d, dlg)
    d.wait_for("nothing left in Accepted", lambda: board.table.rowCount() == 0, timeout=30)
    sync_now(d, c)
    step(d, "centre_services")


def poipet_sees(d: XDriver, c: AppController) -> None:
    unlock(d, c, *SUPERVISOR)
    from fieldapp.ui.forms.offer import DraftsDialog

    d.settle(0.5)
    if d.gui(lambda: _visible(DraftsDialog)) is not None:
        raise DriveError("a draft is offered again after it was saved")
    sync_now(d, c)
    go(d, c, "referrals")
    board = c.shell.main.referrals
    in_service = d.gui(lambda: i18n.referral_status_label("in_service"))
    khmer(in_service, "In service")

    def seen() -> bool:
        t = board.table
        return any(t.item(r, 8) is not None and t.item(r, 8).text() == in_service
                   for r in range(t.rowCount()))

    tab(d, board, 2)  # In service
    d.wait_for("the referral shown in service", seen, timeout=30)
    step(d, "poipet_sees")


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
                view = complete_profiles(d, c)
                statements_step(d, c, view)
                statement_then_crash(d, c, view)
            elif phase == "poipet2":
                view = draft_offered(d, c)
                three_referrals(d, c, view)
                search(d, c)
                sync_now(d, c)
                step(d, "sync")
            elif phase == "centre":
                centre_setup(d, c, args["hq"], args["code"])
                centre_work(d, c)
            elif phase == "poipet3":
                poipet_sees(d, c)
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
