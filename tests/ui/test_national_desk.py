"""The national desk in the window: a store enrolled --role national shows and searches every
post's cases (pulled from a real HQ on loopback)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from uihelpers import unlock_as, wait_idle

from fieldapp.domain.enums import Role
from fieldapp.services import sync
from tests.conftest import PASSPHRASE
from tests.support.syncenv import fast_options, hq_running, minor_case, new_device


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
    if os.environ.get("FIELDAPP_SHOTS"):
        main.resize(1366, 768)
        main.grab().save(os.environ["FIELDAPP_SHOTS"])
