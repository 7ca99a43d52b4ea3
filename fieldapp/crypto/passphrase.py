"""How guessable a passphrase is: zxcvbn for Latin script, our own estimate for Khmer runs.

zxcvbn (MIT, Dropbox's estimator) knows common passwords, English words, names, keyboard
walks, repeats, sequences, dates and the user's own words, but it counts every Khmer
code point as a random character: "ពាក្យសម្ងាត់" ("password") would score as strong. So a
passphrase is cut into Khmer and other runs. Other runs go to zxcvbn; a Khmer run is
counted in written clusters (a consonant with its subscripts, vowels and signs is one
unit, as it is typed and read), with common Khmer words, the user's own words, repeats
and Khmer-digit sequences counted as cheaply as zxcvbn counts their Latin equivalents.
The guesses of the runs multiply (their log10s add).

The policy refuses below 10^8 guesses (zxcvbn's score 3: at Argon2id's ~0.3 s a guess,
about a year of one core's work per user) and below 8 characters.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.domain.errors import InvalidInput, Phrase

MIN_LENGTH = 8
MIN_GUESSES_LOG10 = 8.0
#: zxcvbn's cost grows with length; beyond this the rest only adds strength.
_ZXCVBN_MAX = 100
#: log10 guesses per Khmer cluster of free text (~30 plausible clusters at each step).
_KHMER_CLUSTER_LOG10 = 1.5
#: log10 guesses of one common Khmer word (zxcvbn ranks common English words ~100-1000).
_KHMER_WORD_LOG10 = 2.5

_KHMER = r"\u1780-\u17FF\u19E0-\u19FF"
_KHMER_RUN = re.compile(rf"[{_KHMER}\u200b\u200c\u200d]+")
#: A written cluster: a base, then subscripts (coeng + consonant), vowel signs and marks.
_CLUSTER = re.compile(
    r"(?:[\u1780-\u17B3\u17E0-\u17E9\u17D4-\u17DC\u19E0-\u19FF]|.)"
    r"(?:\u17D2[\u1780-\u17A2]|[\u17B4-\u17D1\u17D3\u17DD\u200c\u200d])*",
    re.S,
)
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_KHMER_DIGIT_RUN = re.compile(r"[\u17E0-\u17E9]+")
#: Generic words of reference names ("… border post"): the place name is what is guessable.
_GENERIC = ("ប៉ុស្តិ៍ព្រំដែន", "មណ្ឌល", "border", "post", "centre", "center", "transit")

#: Words and phrases a Khmer speaker would try first (password, Cambodia, love, hello,
#: police, place names, "I love you" …); spelling variants included.
KHMER_COMMON = (
    "ពាក្យសម្ងាត់", "ពាក្យសំងាត់", "លេខសម្ងាត់", "កម្ពុជា", "ស្រឡាញ់", "ស្រលាញ់", "ខ្ញុំស្រឡាញ់អ្នក",
    "ខ្ញុំស្រលាញ់អ្នក", "សួស្តី", "សួស្ដី", "ប៉ូលីស", "អង្គរវត្ត", "ភ្នំពេញ", "ប៉ោយប៉ែត", "បាត់ដំបង",
    "សៀមរាប", "ខ្មែរ", "ប្រទេសកម្ពុជា", "អរគុណ", "ជ័យយោ", "ម្ដាយ", "ម្តាយ", "ឪពុក", "កូន",
    "ខ្ញុំ", "អ្នក", "ស្នេហា", "បងស្រលាញ់អូន", "អូនស្រលាញ់បង", "ព្រះអាទិត្យ", "ចាប៉ី", "មាស",
)

#: Why a passphrase was refused (the window's strength meter has its own words, ui/strength.py).
REASONS: dict[str, Phrase] = {
    "short": Phrase("too short: use at least {n} characters", n=MIN_LENGTH),
    "common": Phrase("too common, easily guessed: use several unrelated words"),
    "repeated": Phrase("repeated characters are easily guessed: use several unrelated words"),
    "sequence": Phrase("sequences and keyboard patterns are easily guessed: use several "
                       "unrelated words"),
    "personal": Phrase("do not use your user name or the post's name"),
    "weak": Phrase("too easy to guess: add more words (four unrelated words are good)"),
}


class PassphraseTooWeak(InvalidInput):
    """A passphrase the policy refuses; `reason` keys REASONS."""

    def __init__(self, reason: str) -> None:
        super().__init__("passphrase {reason}", reason=REASONS[reason])
        self.reason = reason


@dataclass(frozen=True)
class Estimate:
    """log10 of the guesses an attacker needs, a 0-4 score, and the main weakness if any."""

    guesses_log10: float
    score: int
    length: int
    reason: str | None

    @property
    def acceptable(self) -> bool:
        return self.reason is None


def zxcvbn(password: str, user_inputs: Sequence[str] | None = None) -> dict[str, Any]:
    """zxcvbn, imported on first use: loading its word lists takes ~0.1 s (not at start-up)."""
    from zxcvbn import zxcvbn as estimate_

    return dict(estimate_(password, user_inputs=list(user_inputs or [])))


def clusters(text: str) -> list[str]:
    """Written units: a Khmer consonant with its subscripts and vowels counts once."""
    return _CLUSTER.findall(unicodedata.normalize("NFC", text))


def _khmer_run(run: str, words: Sequence[str]) -> tuple[float, str | None]:
    digits = run.translate(_KHMER_DIGITS)
    if digits.isdigit():  # Khmer digits: the same sequences as Arabic ones
        result = zxcvbn(digits[:_ZXCVBN_MAX])
        return float(result["guesses_log10"]), _zxcvbn_reason(result)
    rest, log10, reason = run, 0.0, None
    for word in sorted({*words, *KHMER_COMMON}, key=len, reverse=True):
        if word and word in rest:
            hits = rest.count(word)
            rest = rest.replace(word, " ")
            # A word repeated costs an attacker little more than the word once.
            log10 += (0.5 if word in words else _KHMER_WORD_LOG10) + 0.3 * (hits - 1)
            reason = reason or ("personal" if word in words else "common")
    for digits in _KHMER_DIGIT_RUN.findall(rest):  # years, dates, counting: as zxcvbn does
        log10 += float(zxcvbn(digits.translate(_KHMER_DIGITS)[:_ZXCVBN_MAX])["guesses_log10"])
    rest = _KHMER_DIGIT_RUN.sub(" ", rest)
    units = [c for c in clusters(rest) if not c.isspace()]
    if units:
        distinct = len(set(units))
        if distinct <= 2 and len(units) > 2:
            log10 += math.log10(len(units)) + 1.5
            reason = reason or "repeated"
        else:
            log10 += _KHMER_CLUSTER_LOG10 * min(len(units), 2 * distinct)
    return log10, reason


def _zxcvbn_reason(result: dict[str, object]) -> str | None:
    patterns = [m for m in result["sequence"]]  # type: ignore[attr-defined]
    for m in patterns:
        if m.get("dictionary_name") == "user_inputs":
            return "personal"
    kinds = {m.get("pattern") for m in patterns}
    if "repeat" in kinds:
        return "repeated"
    if kinds & {"sequence", "spatial"}:
        return "sequence"
    if any(m.get("dictionary_name") == "passwords" for m in patterns):
        return "common"
    return None


def _words(user_inputs: Sequence[str]) -> list[str]:
    """The user's own words: each input whole, and each word of it but the generic ones."""
    out: list[str] = []
    for raw in user_inputs:
        text = unicodedata.normalize("NFC", raw or "").strip()
        if not text:
            continue
        out.append(text)
        for generic in _GENERIC:
            text = text.replace(generic, " ")
        out += [w for w in re.split(r"[\s()'\-_,./]+", text) if len(clusters(w)) >= 2]
    return list(dict.fromkeys(out))


def estimate(passphrase: str, user_inputs: Sequence[str] = ()) -> Estimate:
    """How many guesses `passphrase` takes, and its main weakness if the policy refuses it."""
    text = unicodedata.normalize("NFC", passphrase)
    inputs = _words(user_inputs)
    latin_inputs = [w for w in inputs if not _KHMER_RUN.search(w)]
    khmer_inputs = [w for w in inputs if _KHMER_RUN.search(w)]
    length = len([c for c in clusters(text)])
    log10, reasons = 0.0, []
    pos = 0
    parts: list[tuple[bool, str]] = []
    for m in _KHMER_RUN.finditer(text):
        if m.start() > pos:
            parts.append((False, text[pos:m.start()]))
        parts.append((True, m.group()))
        pos = m.end()
    if pos < len(text):
        parts.append((False, text[pos:]))
    for is_khmer, part in parts:
        if is_khmer:
            part_log10, why = _khmer_run(part, khmer_inputs)
        elif part.strip():
            result = zxcvbn(part[:_ZXCVBN_MAX], user_inputs=latin_inputs)
            part_log10, why = float(result["guesses_log10"]), _zxcvbn_reason(result)
            part_log10 += max(0, len(part) - _ZXCVBN_MAX) * 0.5
        else:
            continue
        log10 += part_log10
        if why:
            reasons.append(why)
    score = 0 if log10 < 3 else 1 if log10 < 6 else 2 if log10 < MIN_GUESSES_LOG10 else 3 if log10 < 10 else 4
    reason: str | None = None
    if len(text) < MIN_LENGTH:
        reason = "short"
    elif log10 < MIN_GUESSES_LOG10:
        reason = reasons[0] if reasons else "weak"
    return Estimate(log10, score if reason is None else min(score, 2), length, reason)


def require_strong(passphrase: str, user_inputs: Sequence[str] = ()) -> None:
    """Raise PassphraseTooWeak if the policy refuses `passphrase`."""
    result = estimate(passphrase, user_inputs)
    if result.reason is not None:
        raise PassphraseTooWeak(result.reason)
