"""The passphrase meter: the policy's own estimate (services.auth), explained in the user's language."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from fieldapp.services.auth import REASONS, estimate_passphrase
from fieldapp.ui import i18n


@dataclass(frozen=True)
class Strength:
    score: int  # 0 too short .. 4 strong
    bits: float
    label: str
    #: Whether the policy accepts it (the same check `auth.check_passphrase` makes).
    ok: bool = False


def _reason(reason: str) -> str:
    """The policy's own reason (what a refusal says too), as the meter's sentence."""
    said = i18n.in_words(REASONS.get(reason, REASONS["weak"]))
    return said[:1].upper() + said[1:]


def strength(passphrase: str, *, username: str = "", post: str = "") -> Strength:
    """Score and explain `passphrase` with the estimate the policy refuses or accepts by."""
    est = estimate_passphrase(passphrase, username=username, post=post)
    bits = est.guesses_log10 * 3.3219  # log2(10)
    if est.reason is not None:
        return Strength(est.score, bits, _reason(est.reason), False)
    if est.score >= 4:
        return Strength(4, bits, QCoreApplication.translate("Strength", "Strong"), True)
    return Strength(3, bits, QCoreApplication.translate("Strength", "Good"), True)
