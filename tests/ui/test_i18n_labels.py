"""Every code the window shows as a word has a Khmer label (no raw English codes leak)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from fieldapp.domain.enums import ExploitationType, ReferralStatus, Service, Sex
from fieldapp.ui import i18n


@pytest.fixture
def khmer(qapp: Any) -> Iterator[None]:
    i18n.set_language("km")
    yield
    i18n.set_language("en")


def test_every_code_has_a_khmer_word(khmer: None) -> None:
    labelled = [
        (i18n.audit_action_label, ReferralStatus),  # the referral timeline's event kinds
        (i18n.referral_status_label, ReferralStatus),
        (i18n.service_label, Service),
        (i18n.exploitation_label, ExploitationType),
        (i18n.sex_label, Sex),
    ]
    shown = {(label.__name__, code.value): label(code.value)
             for label, codes in labelled for code in codes}
    untranslated = {code: label for code, label in shown.items() if label.isascii()}
    assert untranslated == {}
