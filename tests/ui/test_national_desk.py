"""The national desk in the window: a store enrolled --role national shows and searches every
post's cases (pulled from a real HQ on loopback)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from uihelpers import unlock_as, wait_idle

from fieldapp import vocabulary
from fieldapp.domain.enums import Role
from fieldapp.services import sync
from fieldapp.ui.context import desk_reason
from tests.conftest import PASSPHRASE
from tests.support.syncenv import code_for, fast_options, hq_running, minor_case, new_device


def test_the_desk_lists_and_searches_every_posts_cases(qtbot: Any, make_controller: Any,
                                                       tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        for post in ("POIPET", "PAILIN"):
            ws = new_device(tmp_path / post, hq, post)
            minor_case(ws)  # Sok Dara, at each post
            sync.sync_round(ws, options=fast_options())
            ws.close()
        desk = new_device(tmp_path / "desk", hq, "HQ", role=Role.NATIONAL)
        sync.sync_round(desk, options=fast_options())
        desk.close()
    c = make_controller(tmp_path / "desk")
    unlock_as(qtbot, c, "sup", PASSPHRASE)
    main = c.shell.main
    main.go("cases")
    wait_idle(qtbot, c)
    view = main.case_list
    view.search.setText("sok dara")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    posts = {view.model.rows[r].post_code for r in range(2)}
    assert posts == {"POIPET", "PAILIN"}
    # It says it is the national desk, and offers nothing HQ would refuse from it (issue 14).
    reason = desk_reason()
    assert main.post_label.text() == "National desk (every post's cases)"
    assert not view.new_button.isEnabled() and view.new_button.toolTip() == reason
    main.open_case(view.model.rows[0].id)
    wait_idle(qtbot, c)
    case = main.case_view
    qtbot.waitUntil(lambda: case.loaded is not None, timeout=5000)
    assert case.desk_note.isVisibleTo(case) and case.desk_note.text() == reason
    assert all(b.isHidden() for b in case.write_buttons())  # the plan tab's too
    assert case.back_button.isVisibleTo(case)
    main.go("home")
    wait_idle(qtbot, c)
    home = main.home
    assert home.heading.text() == "Today at the national desk"
    assert home.desk_note.isVisibleTo(home) and home.desk_note.text() == reason
    assert not home.tiles["to_complete"].isVisibleTo(home)  # the desk completes no profile
    if os.environ.get("FIELDAPP_SHOTS"):
        main.resize(1366, 768)
        main.grab().save(os.environ["FIELDAPP_SHOTS"].replace(".png", "-home.png"))
    # In Khmer too: the status bar, the home screen and the reason.
    c.set_language("km")
    wait_idle(qtbot, c)
    km = vocabulary.khmer
    assert main.post_label.text() == km("National desk (every post's cases)")
    assert home.heading.text() == km("Today at the national desk")
    assert desk_reason() == km(reason) and home.desk_note.text() == km(reason)
    assert view.new_button.toolTip() == km(reason)
    main.go("cases")
    main.open_case(view.model.rows[0].id)
    wait_idle(qtbot, c)
    assert case.desk_note.text() == km(reason) and case.isVisible()
    if os.environ.get("FIELDAPP_SHOTS"):
        main.resize(1366, 768)
        main.grab().save(os.environ["FIELDAPP_SHOTS"])
    c.set_language("en")


def test_enrolled_as_the_desk_during_a_session_the_window_follows_at_once(
        qtbot: Any, make_controller: Any, tmp_path: Path) -> None:
    """Admin enrols this laptop with a national code while unlocked: the window becomes the
    national desk's at once (status bar, home screen, no New rescue), with no lock/unlock."""
    with hq_running("sqlite", tmp_path) as hq:
        new_device(tmp_path / "desk", None, "HQ").close()
        c = make_controller(tmp_path / "desk")
        unlock_as(qtbot, c, "sup", PASSPHRASE)
        main = c.shell.main
        wait_idle(qtbot, c)
        assert main.post_label.text() != "National desk (every post's cases)"
        assert main.case_list.new_button.isEnabled()
        main.go("admin")
        wait_idle(qtbot, c)
        admin = main.admin
        admin.hq_url.setText(hq.base_url)
        admin.hq_code.setText(code_for(hq, "HQ", Role.NATIONAL))
        admin.enrol_button.click()
        qtbot.waitUntil(lambda: main.post_label.text() == "National desk (every post's cases)",
                        timeout=15_000)
        wait_idle(qtbot, c)
    reason = desk_reason()
    assert c.ws is not None and main.ctx is not None and main.ctx.national_desk
    assert main.screen == "admin"  # the officer stays where they were
    assert not main.case_list.new_button.isEnabled() and main.case_list.new_button.toolTip() == reason
    main.go("home")
    wait_idle(qtbot, c)
    assert main.home.heading.text() == "Today at the national desk"
    assert main.home.desk_note.isVisibleTo(main.home)
