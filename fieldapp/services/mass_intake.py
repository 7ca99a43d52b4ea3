"""Mass intake: a quick list of everyone found in a raid, each later completed (never duplicated).

A quick-listed person is a `Victim` row with `intake_stage = "quick"` and screening
`pending`: left out of every figure until screened. Completing the person fills in the
same row (`complete_person`, or the victim form in edit mode), so one person is always
one record.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from fieldapp.domain.enums import IntakeStage, ScreeningOutcome
from fieldapp.domain.errors import FieldAppError, InvalidInput
from fieldapp.services import consent, intake
from fieldapp.services.records import assign, coerce
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit, search
from fieldapp.store.models import Victim

KHMER = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]")
#: The quick list's columns, in the order the screen shows them.
QUICK_FIELDS: dict[str, type] = {
    "name": str, "sex": str, "approx_age": int, "nationality": str, "languages": list,
    "interpreter_needed": bool, "consent": str, "embassy_contact": str, "age_disputed": bool,
}


@dataclass(frozen=True)
class QuickPerson:
    """One line of the quick list as the screen shows it (no session, no record)."""

    id: str
    name: str
    sex: str
    approx_age: int | None
    nationality: str
    languages: list[str] = field(default_factory=list)
    interpreter_needed: bool = False
    consent: str = "not_asked"
    embassy_contact: str = "not_asked"
    age_disputed: bool = False
    is_minor: bool = False
    stage: str = IntakeStage.QUICK.value
    screening: str = ScreeningOutcome.PENDING.value


def _victim_values(row: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    unknown = set(row) - set(QUICK_FIELDS)
    if unknown:
        raise InvalidInput("unknown column(s): {unknown}", unknown=sorted(unknown))
    name = str(row.get("name") or "").strip()
    if not name:
        raise InvalidInput("name: give the name as told (or a description, e.g. 'man, red shirt')")
    names = {"name_km": name} if KHMER.search(name) else {"name_latin": name}
    values: dict[str, Any] = {
        **names, "sex": row.get("sex") or "unknown", "estimated_age": row.get("approx_age"),
        "nationality": row.get("nationality") or "", "languages": row.get("languages") or [],
        "interpreter_needed": coerce("interpreter_needed", bool, row.get("interpreter_needed")),
        "age_disputed": coerce("age_disputed", bool, row.get("age_disputed")),
    }
    answers = consent.from_quick_status(str(row.get("consent") or "not_asked"))
    embassy = row.get("embassy_contact")
    if embassy not in (None, "", "not_asked"):
        answers.update(consent.clean({"embassy_contact": embassy}))
    return values, answers


def quick_list(ws: Workspace, rescue_id: str, rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Add everyone on the quick list to the rescue in ONE transaction; return their ids.

    A bad row refuses the whole list with its row number (counted from 1), so nothing is
    half-saved and the officer fixes that row and saves again.
    """
    ws.require(*intake.RECORDERS)
    ids: list[str] = []
    with ws.tx() as s:
        rescue = intake.load_rescue(ws, s, rescue_id)
        for n, row in enumerate(rows, start=1):
            try:
                values, answers = _victim_values(row)
                victim = Victim(rescue_id=rescue.id, intake_stage=IntakeStage.QUICK.value,
                                screening=ScreeningOutcome.PENDING.value)
                assign(victim, intake.VICTIM_FIELDS, values, required=("sex",))
                intake.check_codes(victim)
            except FieldAppError as exc:
                raise InvalidInput("row {n}: {exc}", n=n, exc=exc) from None
            consent.apply(victim, answers)
            victim.is_minor = intake.derive_minor(victim, rescue.operation_date)
            s.add(victim)
            ids.append(victim.id)
        search.mark(s, rescue.id)
        audit.append(s, "quick_list", "rescue", rescue.id, {"people": len(ids)})
    return ids


def complete_person(ws: Workspace, victim_id: str, **values: Any) -> Victim:
    """Fill in the full victim form for a quick-listed person: the same record, completed."""
    victim = intake.update_victim(ws, victim_id, **values)
    if victim.intake_stage != IntakeStage.COMPLETE:
        with ws.tx() as s:
            row = intake.load_victim(ws, s, victim_id)
            row.intake_stage = IntakeStage.COMPLETE.value
            audit.append(s, "complete", "victim", row.id)
            victim = row
    return victim


def people_of_rescue(ws: Workspace, rescue_id: str, today: dt.date | None = None) -> list[QuickPerson]:
    """Everyone recorded under a rescue, as quick-list lines (quick-listed or completed)."""
    with ws.tx() as s:
        rescue = intake.load_rescue(ws, s, rescue_id)
        rows = s.scalars(select(Victim).where(Victim.rescue_id == rescue.id)
                         .order_by(Victim.created_at, Victim.id))
        return [
            QuickPerson(
                v.id, v.name_latin or v.name_km, v.sex,
                intake.age_on(v.date_of_birth, rescue.operation_date) if v.date_of_birth
                else v.estimated_age,
                v.nationality, list(v.languages or []), v.interpreter_needed,
                v.consent_status, (v.consents or {}).get("embassy_contact", "not_asked"),
                v.age_disputed, v.is_minor, v.intake_stage, v.screening,
            )
            for v in rows
        ]


def iso_lists() -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The ISO country and language lists the services validate against: (code, en, km)."""
    from fieldapp.store import reference

    return list(reference.countries()), list(reference.languages())
