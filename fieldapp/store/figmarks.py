"""Which cases a transaction changed, for the report counters (`fieldapp.reports.counters`).

Every change to a record the figures read (a rescue, victim, suspect, a suspect's dated
event, referral or referral event) marks its case; at commit the marked cases are written to `figure_dirty` in the
same transaction. The counters' refresh (installed by the services, `Store.on_commit`)
then recomputes those cases and empties the table before the commit; a report drains
whatever is left first. So no write path can leave a count stale: an ORM change is seen
here (`before_flush`, with the case it left when it moved), and a path that writes plain
rows (the pull's bulk inserts) calls `mark`.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import Any

from sqlalchemy import bindparam, inspect, text
from sqlalchemy.orm import Session

from fieldapp.store.compact import CompactId
from fieldapp.store.models import Referral, ReferralEvent, Rescue, Suspect, SuspectEvent, Victim

_KEY = "figure_marks"
_CHUNK = 500


def mark(session: Session, *, rescues: Iterable[str] = (), victims: Iterable[str] = (),
         referrals: Iterable[str] = (), suspects: Iterable[str] = ()) -> None:
    """Note cases changed in this transaction: by their id, or a victim's, referral's or
    suspect's."""
    marks: dict[str, set[str]] = session.info.setdefault(
        _KEY, {"rescue": set(), "victim": set(), "referral": set(), "suspect": set()})
    marks["rescue"].update(i for i in rescues if i)
    marks["victim"].update(i for i in victims if i)
    marks["referral"].update(i for i in referrals if i)
    marks["suspect"].update(i for i in suspects if i)


def _values(obj: Any, name: str) -> list[str]:
    """The attribute's value now and, when it changed in this flush, before."""
    history = inspect(obj).attrs[name].history
    return [v for v in chain([getattr(obj, name)], history.deleted or ()) if v]


def before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Rescue):
            mark(session, rescues=[obj.id])
        elif isinstance(obj, Victim | Suspect):
            mark(session, rescues=_values(obj, "rescue_id"))
        elif isinstance(obj, Referral):
            mark(session, victims=_values(obj, "victim_id"))
        elif isinstance(obj, ReferralEvent):
            mark(session, referrals=_values(obj, "referral_id"))
        elif isinstance(obj, SuspectEvent):
            mark(session, suspects=_values(obj, "suspect_id"))


def _in(sql: str) -> Any:
    # Ids are stored compact (`store.compact.CompactId`): bound and read as the models do.
    return text(sql).bindparams(bindparam("ids", expanding=True, type_=CompactId())).columns(
        rescue_id=CompactId())


def before_commit(session: Session) -> None:
    """Write the cases marked in this transaction to `figure_dirty`."""
    session.flush()  # the commit's own flush comes after this hook: its changes mark now
    marks = session.info.pop(_KEY, None)
    if not marks or not any(marks.values()):
        return
    conn = session.connection()
    rescues = set(marks["rescue"])
    for sql, key in (("SELECT rescue_id FROM victim WHERE id IN :ids", "victim"),
                     ("SELECT v.rescue_id FROM referral r JOIN victim v ON v.id = r.victim_id "
                      "WHERE r.id IN :ids", "referral"),
                     ("SELECT rescue_id FROM suspect WHERE id IN :ids", "suspect")):
        ids = sorted(marks[key])
        for i in range(0, len(ids), _CHUNK):
            rescues.update(r for (r,) in conn.execute(_in(sql), {"ids": ids[i:i + _CHUNK]}) if r)
    if rescues:
        conn.execute(text("INSERT OR IGNORE INTO figure_dirty (rescue_id) VALUES (:r)"),
                     [{"r": r} for r in sorted(rescues)])
