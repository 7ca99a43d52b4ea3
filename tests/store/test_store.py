"""The Store object: nested transactions join, per thread."""

from __future__ import annotations

import threading

from fieldapp.services.workspace import Workspace


def test_nested_sessions_join_only_within_one_thread(ws: Workspace) -> None:
    seen = {}
    with ws.tx() as outer:
        with ws.tx() as inner:
            assert inner is outer

        def other() -> None:
            with ws.store.session("sup") as s:
                seen["other"] = s

        t = threading.Thread(target=other)
        t.start()
        t.join(10)
    assert seen["other"] is not outer
