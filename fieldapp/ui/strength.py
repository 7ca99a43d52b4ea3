"""A rough passphrase-strength estimate for the meter (any script: Khmer passphrases count fully)."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from fieldapp.crypto.keystore import MIN_PASSPHRASE_LENGTH


@dataclass(frozen=True)
class Strength:
    score: int  # 0 too short .. 4 strong
    bits: float
    label: str


def _pool(ch: str) -> int:
    if ch.islower() and ch.isascii():
        return 26
    if ch.isupper() and ch.isascii():
        return 26
    if ch.isdigit() and ch.isascii():
        return 10
    if "\u1780" <= ch <= "\u17ff" or "\u19e0" <= ch <= "\u19ff":
        return 80  # Khmer letters, vowels and signs
    if ch.isascii():
        return 33
    return 100


def strength(passphrase: str) -> Strength:
    """Bits ~ length x log2(alphabet), halved when mostly repeated characters."""
    text = unicodedata.normalize("NFC", passphrase)
    if len(text) < MIN_PASSPHRASE_LENGTH:
        return Strength(0, 0.0, QCoreApplication.translate("Strength", "Too short: use at least {n} characters").format(
            n=MIN_PASSPHRASE_LENGTH))
    classes: dict[str, int] = {}
    for ch in text:
        pool = _pool(ch)
        classes[f"{pool}{ch.isupper()}"] = pool
    bits = len(text) * math.log2(max(2, sum(classes.values())))
    if len(set(text)) < len(text) / 2:
        bits /= 2
    if bits < 45:
        return Strength(1, bits, QCoreApplication.translate("Strength", "Weak: add more words"))
    if bits < 65:
        return Strength(2, bits, QCoreApplication.translate("Strength", "Fair"))
    if bits < 90:
        return Strength(3, bits, QCoreApplication.translate("Strength", "Good"))
    return Strength(4, bits, QCoreApplication.translate("Strength", "Strong"))
