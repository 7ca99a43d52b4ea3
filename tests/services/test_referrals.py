from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.enums import ReferralStatus, Role
from fieldapp.domain.errors import InvalidInput, InvalidTransition, PermissionDenied
from fieldapp.services import auth, intake, referrals
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Rescue
from tests.conftest import PASSPHRASE, add_user


@pytest.fixture
def referral(ws: Workspace, rescue: Rescue):  # type: ignore[no-untyped-def]
    victim = intake.add_victim(ws, rescue.id, name_km="សុខ ចាន់ធា", sex="female", estimated_age=15)
    return referrals.create_referral(ws, victim.id, service="shelter", provider_code="PTC",
                                     due_date=dt.date(2026, 3, 20))


def test_a_new_referral_is_sent_to_its_provider(referral) -> None:  # type: ignore[no-untyped-def]
    assert referral.status == ReferralStatus.SENT


def test_provider_must_offer_the_service(ws: Workspace, rescue: Rescue) -> None:
    victim = intake.add_victim(ws, rescue.id, name_latin="Chan Bora", sex="male", estimated_age=25)
    with pytest.raises(InvalidInput, match="does not offer"):
        referrals.create_referral(ws, victim.id, service="legal_aid", provider_code="PTC")


def test_centre_staff_work_their_centres_queue(ws: Workspace, referral, store_dir, rescue) -> None:  # type: ignore[no-untyped-def]
    victim = intake.add_victim(ws, rescue.id, name_latin="Other", sex="male", estimated_age=30)
    elsewhere = referrals.create_referral(ws, victim.id, service="shelter", provider_code="PMTC")
    add_user(ws, "dara", Role.CENTRE_STAFF, centre="PTC")
    ws.close()
    with auth.unlock(store_dir, "dara", PASSPHRASE) as centre:
        queue = referrals.referral_queue(centre, today=dt.date(2026, 3, 25))
        assert [c.referral.id for c in queue] == [referral.id]
        assert queue[0].overdue and queue[0].victim.age == 15 and queue[0].victim.is_minor
        with pytest.raises(PermissionDenied):
            referrals.accept_referral(centre, elsewhere.id)
        with pytest.raises(InvalidTransition):
            referrals.complete_referral(centre, referral.id)
        referrals.accept_referral(centre, referral.id)
        referrals.start_service(centre, referral.id, ["shelter", "medical"])
        done = referrals.complete_referral(centre, referral.id, ["shelter"])
        assert done.status == ReferralStatus.COMPLETED
        card = referrals.referral_queue(centre)[0]
        assert [e.kind for e in card.events] == ["created", "sent", "accepted", "in_service", "completed"]
        assert not card.overdue
        with pytest.raises(PermissionDenied):
            intake.create_rescue(centre, operation_date=dt.date(2026, 1, 1), province_code="KH-1",
                                 exploitation_type="labour")


def test_declining_needs_a_reason_and_is_final(ws: Workspace, referral) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput, match="reason"):
        referrals.decline_referral(ws, referral.id, "  ")
    referrals.decline_referral(ws, referral.id, "No bed free this week")
    with pytest.raises(InvalidTransition, match="declined"):
        referrals.accept_referral(ws, referral.id)
