"""The home screen ("Today"): counts of what waits, one click to each, status in words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from uihelpers import PASSPHRASES, unlock_as, wait_idle

from fieldapp.services import auth, intake
from fieldapp.ui import forms
from tests.ui.forms.formhelpers import fill


def test_today_counts_and_one_click_to_each(qtbot: Any, store: tuple[Path, dict[str, str]],
                                           make_controller: Any) -> None:
    root, ids = store
    ws = auth.unlock(root, "sup", PASSPHRASES["sup"])
    intake.add_victim(ws, ids["rescue"], name_latin="Unnamed person 1", sex="male", estimated_age=20)
    ws.close()
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    assert main.screen == "home" and main.nav_keys()[0] == "home"
    home = main.home
    qtbot.waitUntil(lambda: home.loaded is not None, timeout=5000)
    today = home.loaded.today
    assert today.to_complete == 13  # the template store records no languages; plus the new one
    assert today.new_referrals == 4 and today.overdue_referrals == 0
    assert home.tiles["to_complete"].text().startswith("13 people still to complete")
    assert home.tiles["new"].text().startswith("4 new referrals")
    assert "changes not yet sent" in home.tiles["unsent"].text()
    assert home.status.text().startswith("● Work waiting")  # words, not only a colour

    home.tiles["to_complete"].click()
    assert main.screen == "cases"
    main.go("home")
    home.tiles["new"].click()
    assert main.screen == "referrals"
    main.go("home")
    home.tiles["unsent"].click()
    assert main.screen == "sync"


def test_today_for_centre_staff_has_no_people_to_complete(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any) -> None:
    root, _ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "ptc")
    home = c.shell.main.home
    qtbot.waitUntil(lambda: home.loaded is not None, timeout=5000)
    assert not home.tiles["to_complete"].isVisibleTo(home)
    assert home.loaded.today.new_referrals == 4


def test_the_drafts_tile_offers_the_unfinished_forms(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any) -> None:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    main.go("cases")
    wait_idle(qtbot, c)
    main.open_case(ids["rescue"])
    wait_idle(qtbot, c)
    main.case_view.add_suspect()
    dialog = forms.last_opened
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    fill(dialog, "name", "Broker Pich")
    dialog.flush()
    wait_idle(qtbot, c)
    dialog.close()  # "Close (keep draft)"
    wait_idle(qtbot, c)
    main.go("home")
    qtbot.waitUntil(lambda: main.home.loaded is not None and main.home.loaded.today.drafts == 1,
                    timeout=5000)
    forms.last_offer = None
    main.home.tiles["drafts"].click()
    qtbot.waitUntil(lambda: forms.last_offer is not None, timeout=5000)
    assert forms.last_offer.list.count() == 1
