"""Record counts for `fieldapp stats --json`; HQ's `fieldapp-hq stats --json` has the same shape."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select

from fieldapp.domain.entities import DEVICE_STAT_KEYS, ENTITIES
from fieldapp.domain.enums import Role
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import SYNCED_MODELS, Victim
from fieldapp.store.unsent import unsent_count

#: The keys both sides print, in this order (the entity registry's device statistics).
STAT_KEYS = DEVICE_STAT_KEYS


def _scoped(post: str | None) -> dict[str, Select[Any]]:
    """One count query per key; with `post`, only records of that post's rescues (a record is
    in scope when its parent is, following each entity's parent link from the registry)."""
    queries: dict[str, Select[Any]] = {}
    in_scope: dict[str, Select[Any]] = {}
    for e in ENTITIES:
        if not (e.stats_key and e.device_stats):
            continue
        model: Any = SYNCED_MODELS[e.name]
        count = select(func.count(model.id))
        if post is not None:
            if e.links:
                field, parent = e.links[0]
                where = getattr(model, field).in_(in_scope[parent])
            else:
                where = model.post_code == post
            count = count.where(where)
            in_scope[e.name] = select(model.id).where(where)
        queries[e.stats_key] = count
    minors = select(func.count(Victim.id)).where(Victim.is_minor)
    if post is not None:
        minors = minors.where(Victim.id.in_(in_scope["victim"]))
    queries["minors"] = minors
    return queries


def counts(ws: Workspace) -> dict[str, int]:
    """Supervisors count everything on the device; officers only their own post's cases."""
    ws.require(Role.SUPERVISOR, Role.OFFICER)
    post = ws.actor.post_code if ws.actor.role is Role.OFFICER else None
    with ws.tx() as s:
        queries = _scoped(post)
        result = {key: int(s.scalar(queries[key]) or 0) for key in STAT_KEYS}
        result["minors"] = int(s.scalar(queries["minors"]) or 0)
        result["unsent_changes"] = unsent_count(s)
    return result
