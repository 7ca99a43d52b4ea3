"""How the report counters' keys and facts are written: as text (HQ) or coded small (device).

`fieldapp.reports.counters` computes with text keys (month "2026-07", day "2026-07-15",
province, post, type, fact values) and hands every value it writes or asks for to a codec,
named by its column, and every value it reads back. `Plain` keeps them as they are (HQ's
tables, and a device's before revision 0014). `Coded` is the device's since 0014: words as
small integers through `figure_word`, months and days as integers (their order kept, so
ranges still compare in SQL), a case's id as its 16 bytes, its facts as a varint blob.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fieldapp.store.compact import id_bytes

Fact = tuple[str, str, str]
#: Value a lookup gives for a word never written: no row holds it.
_NOWHERE = -1
#: The fact kinds whose `b` is a month ("d") or a day ("e", "x").
_MONTH_B = ("d",)
_DAY_B = ("e", "x")


class Codec(Protocol):
    def put(self, column: str, fig: str, value: str) -> Any:
        """`value` of `column` (for a fact of kind `fig`) as it is written."""
        ...

    def ask(self, column: str, fig: str, value: str) -> Any:
        """`value` as a query compares it (a word never written matches nothing)."""
        ...

    def get(self, column: str, fig: str, stored: Any) -> str:
        """A stored value back as text."""
        ...

    def case_id(self, rescue_id: str) -> Any:
        ...

    def day(self, day: dt.date) -> Any:
        """A case's operation date as `figure_case.op_date` holds it."""
        ...

    def pack(self, facts: Mapping[Fact, int]) -> Any:
        ...

    def unpack(self, stored: Any) -> Iterator[tuple[str, str, str, int]]:
        ...


class Plain:
    """Every value as text; facts as `facts_text`."""

    def put(self, column: str, fig: str, value: str) -> Any:
        return value

    def ask(self, column: str, fig: str, value: str) -> Any:
        return value

    def get(self, column: str, fig: str, stored: Any) -> str:
        return stored  # type: ignore[no-any-return]

    def case_id(self, rescue_id: str) -> Any:
        return rescue_id

    def day(self, day: dt.date) -> Any:
        return day

    def pack(self, facts: Mapping[Fact, int]) -> Any:
        return facts_text(facts)

    def unpack(self, stored: Any) -> Iterator[tuple[str, str, str, int]]:
        return facts_of(stored)


def facts_text(facts: Mapping[Fact, int]) -> str:
    """A case's facts as text: one flat JSON list (kind, a, b, count, kind, ...) in key
    order, without the "d" facts (each is an "e" fact's due month)."""
    flat: list[Any] = []
    for (fig, a, b), n in sorted(facts.items()):
        if fig != "d":
            flat += [fig, a, b, n]
    return json.dumps(flat, separators=(",", ":"), ensure_ascii=False)


def facts_of(stored: str | None) -> Iterator[tuple[str, str, str, int]]:
    """The facts `facts_text` wrote, "d" facts included; also reads the nested lists
    written before (every fact, "d" too: HQ's older rows)."""
    items = json.loads(stored or "[]")
    if items and isinstance(items[0], list):
        for fig, a, b, n in items:
            yield fig, a, b, n
        return
    for i in range(0, len(items), 4):
        fig, a, b, n = items[i:i + 4]
        yield fig, a, b, n
        if fig == "e":
            yield "d", a, b[:7], n


class Coded:
    """The device's coding (revision 0014 on). Words are read once per transaction's use
    (a codec lives no longer than its transaction: a word written in one rolled back is
    gone) and new ones added to `figure_word` as they are first written."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.words: dict[str, int] = {w: i for w, i in conn.execute(text(
            "SELECT word, id FROM figure_word"))}
        self.texts = {i: w for w, i in self.words.items()}
        # Values repeat (a month, a service, a day): each coded and read back once.
        self._put: dict[tuple[str, str, str], Any] = {}
        self._got: dict[tuple[str, str, Any], str] = {}

    def _word(self, word: str) -> int:
        code = self.words.get(word)
        if code is None:  # added, or found if another codec in this transaction added it
            self.conn.execute(text("INSERT INTO figure_word (word) VALUES (:word) "
                                   "ON CONFLICT (word) DO NOTHING"), {"word": word})
            code = int(self.conn.execute(text("SELECT id FROM figure_word WHERE word = :word"),
                                         {"word": word}).scalar_one())
            self.words[word], self.texts[code] = code, word
        return code

    def put(self, column: str, fig: str, value: str) -> Any:
        key = (column, fig, value)
        code = self._put.get(key)
        if code is None:
            kind = _kind(column, fig)
            code = self._put[key] = self._word(value) if kind == "word" \
                else _number(kind, value)
        return code

    def ask(self, column: str, fig: str, value: str) -> Any:
        kind = _kind(column, fig)
        if kind == "word":
            return self.words.get(value, _NOWHERE)
        return _number(kind, value)

    def get(self, column: str, fig: str, stored: Any) -> str:
        key = (column, fig, stored)
        value = self._got.get(key)
        if value is None:
            value = self._got[key] = self._text(column, fig, stored)
        return value

    def _text(self, column: str, fig: str, stored: Any) -> str:
        kind = _kind(column, fig)
        if kind == "word":
            code = int(stored)
            if code not in self.texts:  # added by another codec since this one read them
                self.texts[code] = str(self.conn.execute(text(
                    "SELECT word FROM figure_word WHERE id = :id"), {"id": code}).scalar_one())
            return self.texts[code]
        if kind == "none":
            return ""
        if kind == "month":
            y, m = divmod(int(stored), 12)
            return f"{y:04d}-{m + 1:02d}"
        if kind == "day":
            return dt.date.fromordinal(int(stored)).isoformat()
        return str(stored)

    def case_id(self, rescue_id: str) -> Any:
        return id_bytes(rescue_id) or rescue_id

    def day(self, day: dt.date) -> Any:
        return day.toordinal()

    def pack(self, facts: Mapping[Fact, int]) -> Any:
        """Per fact but "d" (an "e" fact's due month), in key order: the kind's letter,
        `a`, `b` and the count, each a varint."""
        out = bytearray()
        for (fig, a, b), n in sorted(facts.items()):
            if fig != "d":
                for number in (ord(fig), self.put("a", fig, a), self.put("b", fig, b), n):
                    _varint(out, number)
        return bytes(out)

    def unpack(self, stored: Any) -> Iterator[tuple[str, str, str, int]]:
        numbers = _varints(stored)
        for code, a, b, n in zip(numbers, numbers, numbers, numbers, strict=True):
            fig = chr(code)
            day = self.get("b", fig, b)
            yield fig, self.get("a", fig, a), day, n
            if fig == "e":
                yield "d", self.get("a", fig, a), day[:7], n


def _kind(column: str, fig: str) -> str:
    """How a column's values are coded: "text" (the fact's kind, kept as its letter),
    "none" (0, read as ""), "month", "day", "year" (integers) or "word"."""
    if column == "fig":
        return "text"
    if column == "":  # no column: a projection's missing value, every case's `val`
        return "none"
    if column == "month" or (column == "b" and fig in _MONTH_B):
        return "month"
    if column == "b" and fig in _DAY_B:
        return "day"
    if column == "year":
        return "year"
    return "word"


def _number(kind: str, value: str) -> Any:
    if kind == "none":
        return 0
    if kind == "month":
        return int(value[:4]) * 12 + int(value[5:7]) - 1
    if kind == "day":
        return dt.date.fromisoformat(value).toordinal()
    if kind == "year":
        return int(value)
    return value


def _varint(out: bytearray, number: int) -> None:
    while number >= 0x80:
        out.append(number & 0x7F | 0x80)
        number >>= 7
    out.append(number)


def _varints(data: bytes) -> Iterator[int]:
    number = shift = 0
    for byte in data:
        number |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            yield number
            number = shift = 0

