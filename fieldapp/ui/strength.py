"""The passphrase meter: the policy's own estimate (services.auth), explained in the user's language."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from fieldapp.services.auth import POLICY_MIN_LENGTH as MIN_LENGTH
from fieldapp.services.auth import estimate_passphrase


@dataclass(frozen=True)
class Strength:
    score: int  # 0 too short .. 4 strong
    bits: float
    label: str
    #: Whether the policy accepts it (the same check `auth.check_passphrase` makes).
    ok: bool = False


def _reason(reason: str) -> str:
    t = QCoreApplication
    texts = {
        "short": t.translate("Strength", "Too short: use at least {n} characters").format(n=MIN_LENGTH),
        "common": t.translate("Strength", "Too common, easily guessed: use several unrelated words"),
        "repeated": t.translate(
            "Strength", "Repeated characters are easily guessed: use several unrelated words"),
        "sequence": t.translate(
            "Strength", "Sequences and keyboard patterns are easily guessed: use several unrelated words"),
        "personal": t.translate("Strength", "Do not use your user name or the post's name"),
        "weak": t.translate(
            "Strength", "Too easy to guess: add more words (four unrelated words are good)"),
    }
    return texts.get(reason, texts["weak"])


def strength(passphrase: str, *, username: str = "", post: str = "") -> Strength:
    """Score and explain `passphrase` with the estimate the policy refuses or accepts by."""
    est = estimate_passphrase(passphrase, username=username, post=post)
    bits = est.guesses_log10 * 3.3219  # log2(10)
    if est.reason is not None:
        return Strength(est.score, bits, _reason(est.reason), False)
    if est.score >= 4:
        return Strength(4, bits, QCoreApplication.translate("Strength", "Strong"), True)
    return Strength(3, bits, QCoreApplication.translate("Strength", "Good"), True)
