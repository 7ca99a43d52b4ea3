"""Record identifiers: UUIDv7 (made on the device without coordination) and human case numbers."""

from __future__ import annotations

import os
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass

_lock = threading.Lock()
_last_ms = 0
_last_rand = 0


def uuid7() -> str:
    """Return a new UUIDv7 (RFC 9562) as a string; monotonic within this process."""
    global _last_ms, _last_rand
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            # Same or earlier millisecond: keep order by incrementing the random part.
            ms = _last_ms
            rand = (_last_rand + 1) & ((1 << 74) - 1)
        else:
            rand = int.from_bytes(os.urandom(10), "big") >> 6
        _last_ms, _last_rand = ms, rand
    rand_a = rand >> 62
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


# -- human case numbers ------------------------------------------------------------------
# `<POST>-<YYYY>-<DEVICE>-<NNNN>`, e.g. POIPET-2026-A-0001: short enough to read out on the
# phone and write on paper, and unique across a post's laptops without any network because
# each laptop numbers its own series. DEVICE is one letter handed out by HQ at enrolment
# (unique per post), or two random letters on a device that never enrolled (HQ never hands
# out two letters while single ones are free, so the two kinds cannot meet). A case a
# device records for ANOTHER post carries its home post too (`PAILIN-2026-POIPET.A-0001`):
# that post's own devices use bare letters, so they can never issue the same number.
# Numbers made before this scheme (`POIPET-2026-0001`) stay valid as they are.

#: Letters that cannot be misread as digits (no I, no O) on paper or over a bad line.
CASE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"

_CASE_NUMBER_RE = re.compile(
    r"^(?P<post>[A-Z0-9_]+(?:-[A-Z][A-Z0-9_]*)*?)-(?P<year>\d{4})-"
    r"(?:(?P<device>(?:[A-Z0-9_]+\.)?[A-Z]{1,2})-)?(?P<n>\d{1,9})$"
)


@dataclass(frozen=True)
class CaseNumber:
    post: str
    year: int
    #: The issuing device's series ("A", "QX", "POIPET.A"); "" for a number of the old scheme.
    device: str
    n: int

    def __str__(self) -> str:
        series = f"{self.device}-" if self.device else ""
        return f"{self.post}-{self.year:04d}-{series}{self.n:04d}"


def is_case_code(code: str) -> bool:
    """One or two letters of CASE_LETTERS: a device's own series at its post."""
    return 1 <= len(code) <= 2 and all(ch in CASE_LETTERS for ch in code)


def random_case_code() -> str:
    """Two random letters: an unenrolled device's series (HQ hands out single letters)."""
    return "".join(secrets.choice(CASE_LETTERS) for _ in range(2))


def next_free_case_code(used: set[str]) -> str:
    """The first single letter not in `used`, then two letters (HQ's choice at enrolment)."""
    for a in CASE_LETTERS:
        if a not in used:
            return a
    for a in CASE_LETTERS:
        for b in CASE_LETTERS:
            if a + b not in used:
                return a + b
    raise ValueError("no case-number series left for this post")


def case_series(device_code: str, device_post: str, case_post: str) -> str:
    """The series a device uses for a case of `case_post` (its home post is `device_post`)."""
    return device_code if case_post == device_post else f"{device_post}.{device_code}"


def format_case_number(post: str, year: int, series: str, n: int) -> str:
    return str(CaseNumber(post, year, series, n))


def parse_case_number(text: str) -> CaseNumber | None:
    """A case number of either scheme, or None if `text` is not one."""
    match = _CASE_NUMBER_RE.match(text.strip().upper())
    if match is None:
        return None
    return CaseNumber(match["post"], int(match["year"]), match["device"] or "", int(match["n"]))
