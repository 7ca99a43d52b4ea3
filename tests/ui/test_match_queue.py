"""The match review screen as a supervisor: find possible matches, compare, link, separate."""

from __future__ import annotations

import datetime as dt
from typing import Any

from uihelpers import unlock_as, wait_idle

from fieldapp.services import intake, matching


def test_supervisor_reviews_the_four_spellings(qtbot: Any, store: Any, make_controller: Any) -> None:
    root, _ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    wait_idle(qtbot, c)
    ws = c.ws
    rid = intake.create_rescue(ws, operation_date=dt.date(2026, 5, 1), province_code="KH-1",
                               exploitation_type="labour").id
    for values in ({"name_latin": "Chea Sreymom", "estimated_age": 19},
                   {"name_latin": "Chea Srey Mom", "estimated_age": 18},
                   {"name_km": "ជា ស្រីមុំ", "date_of_birth": dt.date(2007, 3, 14)},
                   {"name_km": "ជា ស្រីមំ"}):
        intake.add_victim(ws, rid, sex="female", nationality="KHM", **values)
    c.shell.main.go("matches")
    view = c.shell.main.matches
    assert c.shell.main.screen == "matches"
    wait_idle(qtbot, c)
    view.scan_button.click()
    wait_idle(qtbot, c)
    wait_idle(qtbot, c)
    assert "new possible matches" in view.banner.text()
    assert len(view.items) >= 6 and view.table.rowCount() == len(view.items)
    first = view.items[0]
    view.select(first.id)
    assert view.link_button.isEnabled()
    # Side by side: the two records' facts in two columns.
    assert view.compare.item(0, 0).text() and view.compare.item(0, 1).text()
    assert {view.compare.item(2, 0).text(), view.compare.item(3, 0).text()} != {"-"}
    view.resize(1200, 600)
    view.grab().save("/tmp/h14-match-queue.png")
    view.link_button.click()
    wait_idle(qtbot, c)
    wait_idle(qtbot, c)
    assert view.banner.text().startswith("Linked")
    assert first.id not in {m.id for m in view.items}
    view.select(view.items[0].id)
    view.separate_button.click()
    wait_idle(qtbot, c)
    wait_idle(qtbot, c)
    assert view.banner.text().startswith("Kept apart")
    decided = {m.decision for m in matching.queue(ws, decided=True) if m.decision != "pending"}
    assert decided == {"link", "separate"}
