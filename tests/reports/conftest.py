"""A hand-built store with known figures, made through the real services on a real SQLCipher store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.crypto.keystore import KdfParams
from fieldapp.services import auth, intake, referrals
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Referral, ReferralEvent

FAST = KdfParams(iterations=1, lanes=1, memory_kib=8192)
AS_OF = dt.date(2026, 6, 30)


@dataclass
class Known:
    ws: Workspace
    ids: dict[str, str]


def _dates(ws: Workspace, referral_id: str, created: dt.date, completed: dt.date | None) -> None:
    """Put a referral's creation and completion on known days (services stamp 'now')."""
    with ws.tx() as s:
        ref = s.get(Referral, referral_id)
        assert ref is not None
        ref.created_at = dt.datetime.combine(created, dt.time(9, 0))
        for ev in s.scalars(select(ReferralEvent).where(ReferralEvent.referral_id == referral_id)):
            ev.at = dt.datetime.combine(completed if completed and ev.kind == "completed" else created,
                                        dt.time(15, 0))


def build_known(root: Path) -> Known:
    """2026: four cases, seven victims; 2025: one case, two victims; 2024: one case (outside)."""
    ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase="correct horse",
                         kdf=FAST)
    ids: dict[str, str] = {}

    def rescue(key: str, day: dt.date, post: str, province: str, kind: str) -> str:
        ids[key] = intake.create_rescue(ws, operation_date=day, post_code=post,
                                        province_code=province, exploitation_type=kind).id
        return ids[key]

    def victim(key: str, rescue_key: str, sex: str, nationality: str, **age: object) -> str:
        ids[key] = intake.add_victim(ws, ids[rescue_key], name_latin=f"Person {key}", sex=sex,
                                     nationality=nationality, **age).id
        return ids[key]

    def suspect(key: str, rescue_key: str, status: str) -> None:
        ids[key] = intake.add_suspect(ws, ids[rescue_key], alias=f"Suspect {key}", role="broker",
                                      status=status).id

    rescue("R1", dt.date(2026, 1, 15), "POIPET", "KH-1", "labour")
    victim("V1", "R1", "female", "KHM", estimated_age=15)
    victim("V2", "R1", "male", "THA", date_of_birth=dt.date(2000, 6, 1))  # 25 on the day
    suspect("S1", "R1", "arrested")
    suspect("S2", "R1", "convicted")
    rescue("R2", dt.date(2026, 2, 10), "POIPET", "KH-1", "sexual_exploitation")
    victim("V3", "R2", "female", "KHM", estimated_age=12)
    victim("V4", "R2", "female", "VNM", estimated_age=19)
    suspect("S3", "R2", "at_large")
    rescue("R3", dt.date(2026, 2, 20), "BAVET", "KH-20", "online_scam")
    victim("V5", "R3", "male", "CHN", estimated_age=40)
    victim("V6", "R3", "male", "KHM")  # no age recorded
    suspect("S4", "R3", "sent_to_court")
    rescue("R4", dt.date(2026, 3, 5), "POIPET", "KH-1", "labour")
    victim("V7", "R4", "other", "KHM", estimated_age=30)
    rescue("R5", dt.date(2025, 5, 1), "POIPET", "KH-1", "labour")
    victim("V8", "R5", "female", "KHM", estimated_age=20)
    victim("V9", "R5", "male", "KHM", estimated_age=22)
    suspect("S5", "R5", "arrested")
    rescue("R6", dt.date(2024, 1, 1), "POIPET", "KH-1", "begging")
    victim("V10", "R6", "female", "KHM", estimated_age=8)

    def referral(key: str, victim_key: str, service: str, provider: str, outcome: str,
                 due: dt.date | None = None) -> str:
        ref = referrals.create_referral(ws, ids[victim_key], service=service,
                                        provider_code=provider, due_date=due)
        ids[key] = ref.id
        if outcome == "declined":
            referrals.decline_referral(ws, ref.id, "no place")
        elif outcome == "cancelled":
            referrals.cancel_referral(ws, ref.id, "went home with family")
        elif outcome in ("accepted", "completed"):
            referrals.accept_referral(ws, ref.id)
            if outcome == "completed":
                referrals.complete_referral(ws, ref.id, [service])
        return ref.id

    _dates(ws, referral("F1", "V1", "shelter", "PTC", "completed"),
           dt.date(2026, 1, 15), dt.date(2026, 1, 25))  # 10 days
    _dates(ws, referral("F2", "V1", "medical", "HOSP-BMC", "completed"),
           dt.date(2026, 1, 16), dt.date(2026, 1, 20))  # 4 days
    _dates(ws, referral("F3", "V3", "repatriation", "IOM-KH", "completed"),
           dt.date(2026, 2, 10), dt.date(2026, 3, 12))  # 30 days
    referral("F4", "V4", "psychosocial", "TPO", "declined")
    referral("F5", "V5", "legal_aid", "LSCW", "accepted", due=dt.date(2026, 3, 1))  # overdue
    referral("F6", "V6", "reintegration", "PMTC", "sent", due=dt.date(2026, 12, 31))
    referral("F7", "V8", "shelter", "PTC", "completed")
    referral("F8", "V2", "family_tracing", "DOSVY-BMC", "cancelled", due=dt.date(2026, 1, 1))
    return Known(ws, ids)


@pytest.fixture(scope="module")
def known(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Known]:
    k = build_known(tmp_path_factory.mktemp("known") / "d")
    yield k
    k.ws.close()
