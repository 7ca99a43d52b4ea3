"""Screening and identification of each person found: the figures count only victims."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from fieldapp.domain.enums import DecidingBody, ScreeningOutcome
from fieldapp.domain.errors import InvalidInput
from fieldapp.services.intake import RECORDERS, load_victim
from fieldapp.services.records import coerce
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.models import Victim


def screen(ws: Workspace, victim_id: str, outcome: str, decided_by: str,
           on: dt.date | str) -> Victim:
    """Record the screening outcome of one person, with the deciding body and date."""
    return screen_many(ws, [victim_id], outcome, decided_by, on)[0]


def screen_many(ws: Workspace, victim_ids: Iterable[str], outcome: str, decided_by: str,
                on: dt.date | str) -> list[Victim]:
    """The same outcome for several people, in one transaction (all or none)."""
    ws.require(*RECORDERS)
    result = ScreeningOutcome(coerce("outcome", ScreeningOutcome, outcome))
    body = coerce("decided_by", DecidingBody, decided_by)
    day = coerce("screened_on", dt.date, on)
    if result is not ScreeningOutcome.PENDING and (not body or day is None):
        raise InvalidInput("decided_by and screened_on: say who decided, and when")
    if day is not None and day > dt.date.today():
        raise InvalidInput("screened_on: the date cannot be in the future")
    out = []
    with ws.tx() as s:
        for vid in victim_ids:
            victim = load_victim(ws, s, vid)
            victim.screening = result.value
            victim.screened_by = body or ""
            victim.screened_on = day
            audit.append(s, "screen", "victim", victim.id, {"outcome": result.value})
            out.append(victim)
    return out
