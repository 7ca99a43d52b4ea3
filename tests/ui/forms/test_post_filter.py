"""The post list of a form offers only the posts of the chosen province."""

from __future__ import annotations

from typing import Any

from formhelpers import editor, fill, open_dialog
from sqlalchemy import select

from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Post
from fieldapp.ui.tasks import TaskRunner


def _offered(dialog: Any) -> set[str]:
    combo = editor(dialog, "post_code").combo
    return {combo.itemData(i) for i in range(1, combo.count())}


def test_rescue_posts_follow_the_province(qtbot: Any, ws: Workspace, runner: TaskRunner) -> None:
    with ws.tx() as s:
        posts = {p.code: p.province_code for p in s.scalars(select(Post))}
    provinces = sorted(set(posts.values()))
    assert len(provinces) > 1, "the reference data has posts in one province only"
    d = open_dialog(qtbot, ws, runner, "rescue")
    for province in provinces[:3]:
        fill(d, "province_code", province)
        assert _offered(d) == {code for code, p in posts.items() if p == province}, province
