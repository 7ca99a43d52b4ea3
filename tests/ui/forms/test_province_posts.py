"""Issue 12: forms that ask for a province then a post offer only that province's posts."""

from __future__ import annotations

from typing import Any

import pytest
from formhelpers import editor, fill, open_dialog

from fieldapp.services.workspace import Workspace
from fieldapp.ui.tasks import TaskRunner


def offered(dialog: Any, name: str) -> set[str]:
    combo = editor(dialog, name).combo
    return {combo.itemData(i) for i in range(combo.count())} - {None, ""}


@pytest.mark.parametrize("form_id", ["rescue", "handover"])
def test_post_list_follows_the_chosen_province(qtbot: Any, ws: Workspace, runner: TaskRunner,
                                               form_id: str) -> None:
    d = open_dialog(qtbot, ws, runner, form_id)
    c = d.controller
    assert c is not None
    # Pre-filled from this laptop's post (Poipet, Banteay Meanchey).
    assert (c.state.get("province_code"), c.state.get("post_code")) == ("KH-1", "POIPET")
    assert offered(d, "post_code") == {"POIPET", "PTC"}
    fill(d, "province_code", "KH-24")  # Pailin
    assert offered(d, "post_code") == {"PAILIN", "PMTC"}
    # Poipet is not in Pailin: the answer is cleared, as the list shows.
    assert c.state.get("post_code") is None
    assert editor(d, "post_code").combo.currentIndex() == 0
    fill(d, "post_code", "PAILIN")
    assert c.state.get("post_code") == "PAILIN"
    fill(d, "province_code", "KH-9")  # Koh Kong
    assert offered(d, "post_code") == {"KOHKONG"}
