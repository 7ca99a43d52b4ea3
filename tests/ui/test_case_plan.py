"""Overdue follow-ups on the home screen, the case view's Family and plan tab, the centre's
tracing button; screenshots in both languages (temp dir unless FIELDAPP_SHOTS_DIR is set)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from uihelpers import PASSPHRASES, unlock_as, wait_idle

from fieldapp.services import auth, caseplan, consent, intake, referrals
from fieldapp.ui import i18n

HOME = {"home_province": "01", "home_district": "0102", "home_commune": "010201",
        "home_village": "01020101"}


def _seed(root: Path, ids: dict[str, str]) -> str:
    ws = auth.unlock(root, "sup", PASSPHRASES["sup"])
    try:
        intake.update_victim(ws, ids["victim"], **HOME, social_worker="Chan Dara (DoSVY)",
                             guardian={"name": "Sok Phalla", "relationship": "mother",
                                       "same_address": "yes"})
        consent.record_consents(ws, ids["victim"], {
            "recording": "given", "share_government": "given", "child_assent": "given",
            "guardian_authorisation": "given"})
        caseplan.plan_follow_up(ws, ids["victim"], action="home_visit", due_on="2025-04-01",
                                assigned_to="Chan Dara")
        caseplan.plan_follow_up(ws, ids["victim"], action="school_check",
                                due_on=dt.date.today() + dt.timedelta(days=30))
        return referrals.create_referral(ws, ids["victim"], service="family_tracing",
                                         provider_code="PTC").id
    finally:
        ws.close()


def test_an_overdue_follow_up_on_the_home_screen_opens_its_case(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any,
        tmp_path: Path) -> None:
    root, ids = store
    _seed(root, ids)
    shots = Path(os.environ.get("FIELDAPP_SHOTS_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    c = make_controller(root)
    unlock_as(qtbot, c, "off")
    main = c.shell.main
    home = main.home
    qtbot.waitUntil(lambda: home.loaded is not None, timeout=5000)
    assert len(home.loaded.follow_ups) == 1
    assert home.tiles["follow_ups"].text().startswith("1 follow-ups overdue")
    assert home.status.text().startswith("● Needs attention")
    line = home.follow_ups.item(0).text()
    assert line.startswith(f"{ids['case_number']} · សុខ ស្រីពៅ / Sok Sreypov: Home visit")
    assert "overdue by" in line
    main.resize(1280, 760)
    QApplication.processEvents()
    assert main.grab().save(str(shots / "home-overdue-follow-ups-en.png"))

    home.follow_ups.itemActivated.emit(home.follow_ups.item(0))
    wait_idle(qtbot, c)
    view = main.case_view
    assert main.screen == "cases" and main.cases.currentWidget() is view
    assert view.rescue_id == ids["rescue"]
    tab = view.plan_tab
    qtbot.waitUntil(lambda: tab.work is not None, timeout=5000)
    view.tabs.setCurrentWidget(tab)
    people = tab.people
    assert people.item(0, 1).text().startswith("Ou Thum, Banteay Neang")
    assert people.item(0, 2).text() == "Chan Dara (DoSVY)"
    assert people.item(0, 3).text() == "Sok Phalla, Mother (guardian)"
    statuses = [tab.steps.item(r, 4).text() for r in range(tab.steps.rowCount())]
    assert statuses[0].startswith("OVERDUE by") and statuses[1] == "due"
    assert tab.closure.text() == "Open case."
    assert main.grab().save(str(shots / "case-family-plan-en.png"))
    i18n.set_language("km")
    QApplication.processEvents()
    qtbot.waitUntil(lambda: people.item(0, 1) is not None
                    and people.item(0, 1).text().startswith("អូរធំ"), timeout=5000)
    assert main.grab().save(str(shots / "case-family-plan-km.png"))
    main.go("home")
    qtbot.waitUntil(lambda: home.loaded is not None, timeout=5000)
    wait_idle(qtbot, c)
    assert main.grab().save(str(shots / "home-overdue-follow-ups-km.png"))
    i18n.set_language("en")

    # Marking it done takes it off the home screen.
    main.open_case(ids["rescue"])
    wait_idle(qtbot, c)
    qtbot.waitUntil(lambda: tab.work is not None, timeout=5000)
    tab.steps.selectRow(0)
    tab.complete(tab.work.steps[0].id, "Family well")
    wait_idle(qtbot, c)
    qtbot.waitUntil(lambda: tab.work is not None and tab.work.steps[0].done_on is not None,
                    timeout=5000)
    main.go("home")
    qtbot.waitUntil(lambda: home.loaded is not None and not home.loaded.follow_ups, timeout=5000)
    assert home.follow_ups_heading.text() == "No follow-up is overdue."


def test_the_centre_records_the_tracing_outcome_from_its_board(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any) -> None:
    root, ids = store
    tracing = _seed(root, ids)
    c = make_controller(root)
    unlock_as(qtbot, c, "ptc")
    main = c.shell.main
    main.go("referrals")
    board = main.referrals
    qtbot.waitUntil(lambda: any(card.referral.id == tracing for card in board.cards),
                    timeout=5000)
    board.select(tracing)
    assert board.tracing_button.isEnabled() and board.tracing_button.isVisible()
    shelter = ids["referral5"]
    board.select(shelter)
    assert not board.tracing_button.isEnabled()  # not a tracing referral


def test_a_transferred_case_stays_as_read_only_history(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any,
        tmp_path: Path) -> None:
    root, ids = store
    shots = Path(os.environ.get("FIELDAPP_SHOTS_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    c = make_controller(root)
    unlock_as(qtbot, c, "off")
    main = c.shell.main
    main.go("cases")
    main.open_case(ids["rescue"])
    wait_idle(qtbot, c)
    tab = main.case_view.plan_tab
    qtbot.waitUntil(lambda: tab.work is not None, timeout=5000)
    assert tab.transfer_button.isEnabled()
    tab.transfer("BAVET", "the family lives in Svay Rieng")
    wait_idle(qtbot, c)
    qtbot.waitUntil(lambda: tab.work is not None and tab.work.handed_to == "BAVET", timeout=5000)
    assert "Transferred from Poipet" in tab.closure.text()
    assert "cannot be changed on this device" in tab.closure.text()
    assert not tab.transfer_button.isEnabled() and not tab.follow_up_button.isEnabled()
    main.case_view.tabs.setCurrentWidget(tab)
    QApplication.processEvents()
    assert main.grab().save(str(shots / "case-transferred-en.png"))
    # A change tried anyway is refused in words.
    tab.close_case("transferred")
    wait_idle(qtbot, c)
    qtbot.waitUntil(lambda: "kept here as history" in tab.banner.text(), timeout=5000)
