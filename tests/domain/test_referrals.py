from __future__ import annotations

import pytest

from fieldapp.domain.enums import ReferralStatus as S
from fieldapp.domain.errors import InvalidTransition
from fieldapp.domain.referrals import check_transition, derive_status


def test_the_happy_path_is_allowed() -> None:
    status = None
    for step in (S.CREATED, S.SENT, S.ACCEPTED, S.IN_SERVICE, S.COMPLETED):
        check_transition(status, step)
        status = step


@pytest.mark.parametrize("current,event", [(S.SENT, S.COMPLETED), (S.DECLINED, S.ACCEPTED),
                                           (S.COMPLETED, S.CANCELLED), (None, S.ACCEPTED)])
def test_invalid_transitions_are_refused_with_a_clear_message(current, event) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidTransition, match="cannot become"):
        check_transition(current, event)


def test_status_from_events_in_any_order_and_conflicts_flagged() -> None:
    events = [("3", S.ACCEPTED), ("1", S.CREATED), ("2", S.SENT), ("4", S.COMPLETED)]
    assert derive_status(events) == (S.COMPLETED, False)
    assert derive_status(list(reversed(events))) == (S.COMPLETED, False)
    # Declined at the centre, completed by another device offline: kept, flagged.
    status, conflicted = derive_status(events + [("3.5", S.DECLINED)])
    assert conflicted and status in (S.DECLINED, S.COMPLETED)
