"""Case-number helpers for tests: give a store a known series so numbers are predictable."""

from __future__ import annotations

from sqlalchemy import select

from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Device


def set_case_code(ws: Workspace, code: str) -> None:
    """As if HQ had handed this device the series `code` at enrolment."""
    with ws.tx() as s:
        s.scalars(select(Device)).one().case_code = code


def case_code(ws: Workspace) -> str | None:
    with ws.tx() as s:
        return s.scalars(select(Device)).one().case_code
