"""Report counters: what each case counts for, summed per month and cell, kept in the database.

Every figure except "sent to court" counts records under a case (rescue): the case itself,
its counted victims, their referrals, its suspects. So a case's contribution is a small
multiset of facts `(fig, a, b)` computed from the case's rows alone (`case_facts`, with
the full pass's own rules: `counted_as_victim`, `victim_cell`, `settle`). Two tables hold
them, device and HQ alike (same names and columns, see the store's and HQ's models):

- `figure_case`: one row per case, its cell (operation date, month, province, post,
  exploitation type) and its facts;
- `figure_count`: per month, province, post, type and fact, the sum over the cases.

The code computes with text; what it writes, asks for and reads goes through the database's
codec (`CaseStore.codec`, `fieldapp.reports.countcodes`): HQ keeps text, the device codes
words, months, days, ids and facts small.

`refresh(conn, rescue_ids, cases)` recomputes the named cases from their rows and moves the
difference into `figure_count`, in the caller's transaction: the device calls it for every
case a transaction touched (saves, pulls, transfers, deletes; `fieldapp.store.figmarks`
notes them), HQ for every case an ingested batch touched (`fieldapp.hq.figures`). A count
is therefore always the sum of its cases' current facts; `rebuild` makes both tables again
from the records (migrations, the repair commands), and the tests compare both with the
full pass on random stores.

A report (`figures`) reads the whole months of its period from `figure_count` and the
days of a month it covers only in part from `figure_case`; a person recorded twice (a
confirmed link) is counted once by recomputing only the linked records' cases; "sent to
court" (a person's first sent day, across cases) is the "x" facts summed over the period's
days, corrected by the full pass's own code for the few suspects in a further case or
linked to another record (`_court`).

Facts: ("c", cross-border 0/1, "") a case; ("v", "age|sex|minor", nationality) a counted
victim; ("o", rehabilitated+returned 0/1 each, "") a counted victim with an outcome; ("s",
status, "") a suspect; ("r", service, status) a referral of a counted victim; ("d",
service, due month) and ("e", service, due day) one still open (a report reads the due
months before its as-of month, and the days of that month only); ("t", days to
completion, clocks disagreed 0/1) one completed; ("x", "", day sent to court) a suspect
sent to court (its first dated event, else its status's stamp or the case's date).

`figure_count`'s key starts with the fact's kind and the month, and a report asks SQL for
each table's sums (GROUP BY the few columns that table shows, `_PROJECTIONS`). Cells are
small (a case has about five count rows, few cases share a month, province, post and
type), so summing months costs about as much as the cases they hold. The device therefore
also keeps `figure_roll`: per year, each table's sums already projected, over every case
and over the cases of each province, post and type (`_rolled`; kept by `_add` with the
counts, in the same transaction). A report reads its whole years from it when it narrows
by one of those columns at most, so a year costs a few hundred rows whatever the number
of cases; the months around them come from the counts, the days of a month from the
cases. HQ keeps no yearly sums (`HqCases.rollup`): its pushes refresh counts concurrently
and would all lock the same yearly rows until they commit.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from fieldapp.reports.countcodes import Codec
from fieldapp.reports.definitions import SUSPECT_STAGES, ReportFilter, months_between
from fieldapp.reports.figures import (
    OUTCOMES,
    SENT_TO_COURT,
    UNKNOWN,
    Event,
    Figures,
    Tally,
    assemble,
    counted_as_victim,
    court_counts,
    event_entry,
    settle,
    stamp_day,
    victim_cell,
)
from fieldapp.reports.source import RecordSource, Row
from fieldapp.store.compact import id_text

Fact = tuple[str, str, str]
#: (month, province, post, exploitation type): where a case's facts are counted.
Cell = tuple[str, str, str, str]
_CHUNK = 500
_ARRESTED = dict(SUSPECT_STAGES)["arrested"]


@dataclass(frozen=True)
class CaseRows:
    """One case's rows as a RecordSource gives them (COLUMNS): the rescue, its victims,
    their referrals and those referrals' events, its suspects and their dated events."""

    rescue: Row
    victims: list[Row] = field(default_factory=list)
    referrals: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    suspects: list[Row] = field(default_factory=list)
    suspect_events: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class CaseFacts:
    day: dt.date
    province: str
    post: str
    kind: str
    facts: Counter[Fact]
    #: Counted victim id -> its victim fact and its outcome fact (None without an outcome).
    victims: dict[str, tuple[Fact, Fact | None]]
    #: Suspect id -> its "sent to court" fact, for suspects sent to court.
    suspects: dict[str, Fact] = field(default_factory=dict)

    @property
    def cell(self) -> Cell:
        return _month(self.day), self.province, self.post, self.kind


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _outcome_fact(outcomes: Iterable[str]) -> Fact | None:
    found = set(outcomes)
    if not found:
        return None
    return "o", "".join("1" if key in found else "0" for key in OUTCOMES), ""


def case_facts(rows: CaseRows) -> CaseFacts | None:
    """What one case counts for; None for a case without an operation date (never counted)."""
    rescue = rows.rescue
    day = rescue["operation_date"]
    if day is None:
        return None
    facts: Counter[Fact] = Counter()
    facts[("c", "1" if rescue.get("cross_border") else "0", "")] += 1
    counted: dict[str, Fact] = {}
    for v in rows.victims:
        if counted_as_victim(v):
            age, sex = victim_cell(v, day)
            fact = ("v", f"{age}|{sex}|{int(bool(v['is_minor']))}", v["nationality"] or UNKNOWN)
            facts[fact] += 1
            counted[v["id"]] = fact
    events: dict[str, list[Event]] = defaultdict(list)
    for e in rows.events:
        entry = event_entry(e)
        if entry is not None:
            events[e["referral_id"]].append(entry)
    outcomes: dict[str, set[str]] = defaultdict(set)
    for f in rows.referrals:
        if f["victim_id"] not in counted:
            continue
        done = settle(f, events.get(f["id"], []))
        if done.outcome is not None:
            outcomes[f["victim_id"]].add(done.outcome)
        facts[("r", f["service"], done.status.value)] += 1
        if done.open_due is not None:  # by due month, and by due day for the as-of month
            facts[("d", f["service"], _month(done.open_due))] += 1
            facts[("e", f["service"], done.open_due.isoformat())] += 1
        if done.days is not None:
            facts[("t", str(done.days[0]), "1" if done.days[1] else "0")] += 1
    victims: dict[str, tuple[Fact, Fact | None]] = {}
    for vid, fact in counted.items():
        outcome = _outcome_fact(outcomes.get(vid, ()))
        if outcome is not None:
            facts[outcome] += 1
        victims[vid] = (fact, outcome)
    for s in rows.suspects:
        facts[("s", s["status"] or "", "")] += 1
    suspects = _sent_facts(rows, day)
    facts.update(suspects.values())
    return CaseFacts(day, rescue["province_code"] or "", rescue["post_code"] or "",
                     rescue["exploitation_type"] or UNKNOWN, facts, victims, suspects)


def _sent_facts(rows: CaseRows, day: dt.date) -> dict[str, Fact]:
    """("x", "", day sent) of the case's suspects sent to court, as `figures._sent_to_court`
    dates a suspect in this case alone: its first dated sent-to-court (or conviction) event,
    else, with that status, the day of the status's stamp or the case's date."""
    sent: dict[str, dt.date] = {}
    for e in rows.suspect_events:
        if e["kind"] in SENT_TO_COURT and e["on"] is not None:
            sid = e["suspect_id"]
            sent[sid] = min(sent.get(sid, e["on"]), e["on"])
    out: dict[str, Fact] = {}
    for s in rows.suspects:
        when = sent.get(s["id"])
        if when is None and s["status"] in SENT_TO_COURT:
            when = stamp_day(s.get("status_stamp") or "") or day
        if when is not None:
            out[s["id"]] = ("x", "", when.isoformat())
    return out


@runtime_checkable
class CountedSource(Protocol):
    """A record source that can also give the figures from its report counters."""

    def figures(self, flt: ReportFilter, as_of: dt.date | None = None) -> Figures: ...


class RowsOf(Protocol):
    def rows_of(self, entity: str, ids: Iterable[str], key: str = "id") -> Iterator[Row]:
        """Rows (COLUMNS) of the records whose `key` (id, rescue_id, victim_id, referral_id)
        is one of `ids`."""
        ...


def read_cases(source: RowsOf, rescue_ids: list[str]) -> dict[str, CaseRows]:
    """The rows of these cases (those that exist), read parents to children."""
    victims = _by(source.rows_of("victim", rescue_ids, "rescue_id"), "rescue_id")
    victim_case = {v["id"]: rid for rid, vs in victims.items() for v in vs}
    referrals = _by(source.rows_of("referral", victim_case, "victim_id"), "victim_id")
    referral_case = {f["id"]: victim_case[vid] for vid, fs in referrals.items() for f in fs}
    events = _by(source.rows_of("referral_event", referral_case, "referral_id"), "referral_id")
    suspects = _by(source.rows_of("suspect", rescue_ids, "rescue_id"), "rescue_id")
    suspect_case = {s["id"]: rid for rid, ss in suspects.items() for s in ss}
    suspect_events = _by(source.rows_of("suspect_event", suspect_case, "suspect_id"),
                         "suspect_id")
    case_suspect_events: dict[str, list[Row]] = defaultdict(list)
    for sid, es in suspect_events.items():
        case_suspect_events[suspect_case[sid]] += es
    case_referrals: dict[str, list[Row]] = defaultdict(list)
    case_events: dict[str, list[Row]] = defaultdict(list)
    for vid, fs in referrals.items():
        case_referrals[victim_case[vid]] += fs
    for fid, es in events.items():
        case_events[referral_case[fid]] += es
    return {r["id"]: CaseRows(r, victims.get(r["id"], []), case_referrals.get(r["id"], []),
                              case_events.get(r["id"], []), suspects.get(r["id"], []),
                              case_suspect_events.get(r["id"], []))
            for r in source.rows_of("rescue", rescue_ids)}


def _by(rows: Iterable[Row], key: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        out[row[key]].append(row)
    return out


class CourtSource(RecordSource, RowsOf, Protocol):
    def persons(self, entity: str = "victim") -> dict[str, str]: ...


class CaseStore(Protocol):
    """Where a case's rows are read from: the device store or HQ's narrow rows."""

    @property
    def rollup(self) -> bool:
        """Whether this database keeps `figure_roll` (the yearly sums: the device does)."""
        ...

    @property
    def codec(self) -> Codec:
        """How this database writes the counters' keys and facts (`countcodes`)."""
        ...

    @property
    def source(self) -> CourtSource:
        """What "sent to court" reads of the suspects it recomputes (`_court`)."""
        ...

    def cases(self, rescue_ids: list[str]) -> dict[str, CaseRows]:
        """The rows of these cases (those that exist)."""
        ...

    def rescue_ids(self) -> Iterator[list[str]]:
        """Every case's id, in lists."""
        ...

    def rescues_of_victims(self, victim_ids: list[str]) -> set[str]:
        ...

    def persons(self, entity: str = "victim") -> dict[str, str]:
        ...

    def further_suspects(self) -> set[str]:
        """The suspects linked to a further case (`suspect_case`)."""
        ...


# -- keeping the counters ----------------------------------------------------------------
def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _in(sql: str) -> Any:
    return text(sql).bindparams(bindparam("ids", expanding=True))


_INSERT_CASE = text(
    "INSERT INTO figure_case (rescue_id, op_date, month, province, post, type, facts) "
    "VALUES (:rescue_id, :op_date, :month, :province, :post, :type, :facts)")
_KEYS = ("month", "province", "post", "type", "fig", "a", "b")


def _case_row(codec: Codec, rescue_id: str, cf: CaseFacts) -> dict[str, Any]:
    row = {"rescue_id": codec.case_id(rescue_id), "op_date": codec.day(cf.day),
           "facts": codec.pack(cf.facts)}
    for column, value in zip(_KEYS[:4], cf.cell, strict=True):
        row[column] = codec.put(column, "", value)
    return row


def _encoded(codec: Codec, columns: tuple[str, ...], key: tuple[str, ...]) -> tuple[Any, ...]:
    """A full key (`_KEYS`) as `codec` writes it."""
    fig = key[columns.index("fig")]
    return tuple(codec.put(c, fig, v) for c, v in zip(columns, key, strict=True))


def _decoded(codec: Codec, columns: tuple[str, ...], row: Any) -> tuple[str, ...]:
    """A stored full key back as text."""
    fig = row[columns.index("fig")]
    return tuple(codec.get(c, fig, v) for c, v in zip(columns, row, strict=True))


def _cell_text(codec: Codec, cell: Any) -> tuple[str, ...]:
    """A stored case's (month, province, post, type) back as text."""
    return tuple(codec.get(c, "", v) for c, v in zip(_KEYS[:4], cell, strict=True))


def _stored(conn: Connection, ids: list[Any]) -> Iterator[tuple[Any, ...]]:
    """(rescue id, cell, facts) of stored cases (ids and values as stored); on PostgreSQL
    the rows are locked, so two transactions refreshing one case take turns (each reads
    what the other committed)."""
    lock = " ORDER BY rescue_id FOR UPDATE" if conn.dialect.name == "postgresql" else ""
    if lock:  # a case not stored yet gets an empty row to lock
        conn.execute(text(
            "INSERT INTO figure_case (rescue_id, facts) VALUES (:rescue_id, '[]') "
            "ON CONFLICT (rescue_id) DO NOTHING"), [{"rescue_id": i} for i in ids])
    yield from conn.execute(_in(
        "SELECT rescue_id, month, province, post, type, facts FROM figure_case "
        "WHERE rescue_id IN :ids" + lock), {"ids": ids})


def refresh(conn: Connection, rescue_ids: Iterable[str], cases: CaseStore) -> None:
    """Recompute these cases' facts from their rows and move the difference into the counts."""
    ids = sorted({i for i in rescue_ids if i})
    codec = cases.codec
    delta: Counter[tuple[str, ...]] = Counter()
    for chunk in _chunks(ids):
        stored = [codec.case_id(i) for i in chunk]
        for _rid, *cell, facts in list(_stored(conn, stored)):
            for fact in codec.unpack(facts):
                delta[(*_cell_text(codec, cell), *fact[:3])] -= fact[3]
        conn.execute(_in("DELETE FROM figure_case WHERE rescue_id IN :ids"), {"ids": stored})
        _write_cases(conn, codec, cases.cases(chunk), delta)
    _add(conn, codec, delta, cases.rollup)


def _write_cases(conn: Connection, codec: Codec, rows: Mapping[str, CaseRows],
                 delta: Counter[tuple[str, ...]]) -> None:
    new = []
    for rescue_id, case in rows.items():
        cf = case_facts(case)
        if cf is None:
            continue
        for key, n in cf.facts.items():
            delta[cf.cell + key] += n
        new.append(_case_row(codec, rescue_id, cf))
    if new:
        conn.execute(_INSERT_CASE, new)


def _add(conn: Connection, codec: Codec, delta: Counter[tuple[str, ...]], rollup: bool) -> None:
    _upsert(conn, "figure_count", _KEYS, {_encoded(codec, _KEYS, k): n for k, n in delta.items()
                                          if n})
    if rollup:
        _upsert(conn, "figure_roll", _ROLL_KEYS, {_roll_key(codec, k): n
                                                  for k, n in _rolled(delta.items()).items()})


def _upsert(conn: Connection, table: str, keys: tuple[str, ...],
            delta: Mapping[tuple[Any, ...], int]) -> None:
    """Add each change to its row's `n` in `table` (keyed by `keys`); drop rows now zero.

    In key order: concurrent transactions (HQ) lock the rows in one order, no deadlock.
    Plain driver parameters: a save or pulled page writes thousands of these rows."""
    changed = sorted((key, n) for key, n in delta.items() if n)
    if not changed:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    columns = ", ".join(keys)
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({columns}, n) VALUES ({', '.join([mark] * (len(keys) + 1))}) "
        f"ON CONFLICT ({columns}) DO UPDATE SET n = {table}.n + excluded.n",
        [(*key, n) for key, n in changed])
    gone = [key for key, n in changed if n < 0]
    if gone:
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE "
                             f"{' AND '.join(f'{c} = {mark}' for c in keys)} AND n = 0", gone)


def rebuild(conn: Connection, cases: CaseStore) -> int:
    """Both tables made again from every case (a migration, the repair command); returns
    the number of cases counted."""
    conn.execute(text("DELETE FROM figure_case"))
    conn.execute(text("DELETE FROM figure_count"))
    if cases.rollup:
        conn.execute(text("DELETE FROM figure_roll"))
    delta: Counter[tuple[str, ...]] = Counter()
    done = 0
    for ids in cases.rescue_ids():
        for chunk in _chunks(sorted(ids)):
            rows = cases.cases(chunk)
            _write_cases(conn, cases.codec, rows, delta)
            done += len(rows)
    _add(conn, cases.codec, delta, cases.rollup)
    return done


def _count_rows(conn: Connection, codec: Codec) -> Iterator[tuple[tuple[str, ...], int]]:
    for row in conn.execute(text(f"SELECT {', '.join(_KEYS)}, n FROM figure_count")):
        yield _decoded(codec, _KEYS, row[:7]), row[7]


def counts(conn: Connection, codec: Codec) -> Counter[tuple[str, ...]]:
    """Every stored count by its full key (`_KEYS`), as text."""
    return Counter(dict(_count_rows(conn, codec)))


def case_facts_stored(conn: Connection, codec: Codec) -> dict[str, tuple[Any, ...]]:
    """Every stored case's cell (operation date, month, province, post, type) and facts
    (summed by key), as text."""
    out: dict[str, tuple[Any, ...]] = {}
    for rid, day, *cell, facts in conn.execute(text(
            "SELECT rescue_id, op_date, month, province, post, type, facts FROM figure_case")):
        summed: Counter[Fact] = Counter()
        for fig, a, b, n in codec.unpack(facts):
            summed[(fig, a, b)] += n
        out[str(id_text(rid))] = (_day_text(day), *_cell_text(codec, cell), summed)
    return out


def _day_text(stored: Any) -> str:
    """`figure_case.op_date` as ISO text, however written (a day number since 0014)."""
    return dt.date.fromordinal(stored).isoformat() if isinstance(stored, int) else str(stored)


def roll_all(conn: Connection, codec: Codec) -> None:
    """`figure_roll` made again from `figure_count` (a migration)."""
    conn.execute(text("DELETE FROM figure_roll"))
    _upsert(conn, "figure_roll", _ROLL_KEYS, {
        _roll_key(codec, k): n for k, n in _rolled(_count_rows(conn, codec)).items()})


def check(conn: Connection, cases: CaseStore) -> list[str]:
    """What differs between the stored counts and a recomputation (empty when they agree)."""
    codec = cases.codec
    stored = counts(conn, codec)
    fresh: Counter[tuple[str, ...]] = Counter()
    for ids in cases.rescue_ids():
        for chunk in _chunks(sorted(ids)):
            for case in cases.cases(chunk).values():
                cf = case_facts(case)
                if cf is not None:
                    for key, n in cf.facts.items():
                        fresh[cf.cell + key] += n
    stored -= Counter()  # zero rows are no difference
    out = [f"{'|'.join(key)}: stored {stored[key]}, counted {fresh[key]}"
           for key in sorted(set(stored) | set(fresh)) if stored[key] != fresh[key]]
    if cases.rollup:
        rolled = Counter({_roll_text(codec, r[:6]): r[6] for r in conn.execute(text(
            f"SELECT {', '.join(_ROLL_KEYS)}, n FROM figure_roll"))})
        rolled -= Counter()
        sums = _rolled(fresh.items())
        out += [f"roll {'|'.join(map(str, key))}: stored {rolled[key]}, counted {sums[key]}"
                for key in sorted(set(rolled) | set(sums)) if rolled[key] != sums[key]]
    return out


# -- reading a report ----------------------------------------------------------------------
#: What a report reads of each kind of fact: the columns one of its tables (or counts) shows,
#: summed by SQL over the rest. A projected key is (index here, value, value).
_PROJECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("c", ("month", "a")),  # cases, cross-border cases, by month and year
    ("c", ("type",)),
    ("c", ("province",)),
    ("c", ("post",)),
    ("v", ("a",)),  # victims, child victims, by sex and age group
    ("v", ("b",)),  # by nationality
    ("v", ("month", "type")),
    ("o", ("a",)),
    ("s", ("a",)),
    ("r", ("a", "b")),
    ("d", ("a", "b")),  # open referrals by service and due month
    ("e", ("a", "b")),  # ... and by due day, for the as-of month's days before it only
    ("t", ("a", "b")),
)
#: The projections a year-earlier period needs (its counts only, no tables).
_PREVIOUS = (0, 4, 7, 8)
#: Open referrals by due day: read for the as-of month's days only.
_DUE_DAYS = 11
_OF_FIG: dict[str, tuple[int, ...]] = {
    fig: tuple(p for p, (f, _dims) in enumerate(_PROJECTIONS) if f == fig)
    for fig, _dims in _PROJECTIONS}
_FULL = ("month", "province", "post", "type", "fig", "a", "b")
Projected = Counter[tuple[int, str, str]]


@dataclass(frozen=True)
class _Due:
    """The as-of day's keys: open referrals due before `month` are overdue, and those due
    in that month from `first` to before `day`."""

    month: str
    first: str
    day: str

    @classmethod
    def of(cls, as_of: dt.date) -> _Due:
        return cls(_month(as_of), as_of.replace(day=1).isoformat(), as_of.isoformat())


def _projections(key: tuple[str, ...]) -> Iterator[tuple[int, str, str]]:
    """The projected keys (index, value, value) of a full key (month, province, post, type,
    fig, a, b): one per projection of its kind of fact."""
    full = dict(zip(_FULL, key, strict=True))
    for p in _OF_FIG.get(full["fig"], ()):
        values = [full[d] for d in _PROJECTIONS[p][1]] + ["", ""]
        yield p, values[0], values[1]


def _project(cells: Counter[tuple[str, ...]], wanted: Iterable[int], due: _Due) -> Projected:
    """Full keys (month, province, post, type, fig, a, b) summed into the projections."""
    out: Projected = Counter()
    chosen = set(wanted)
    for key, n in cells.items():
        if not n:
            continue
        for p, x, y in _projections(key):
            if p in chosen and (p != _DUE_DAYS or due.first <= y < due.day):
                out[(p, x, y)] += n
    return out


# -- the yearly sums (device) ---------------------------------------------------------------
#: `figure_roll` holds, per year of the cases' dates, each projection's sums over every case
#: (dim 0) and over the cases of one province (1), post (2) or exploitation type (3): the
#: value `val` of that column. A report reads the whole years of its period from it when it
#: narrows by at most one of those columns, so it sums a few rows per value shown instead
#: of every case's count rows. Open referrals by due day (read for the as-of month's days
#: only) are not rolled up. Kept by `_add` with the counts, in the same transaction.
_DIMS = ("", "province", "post", "type")
_ROLL_KEYS = ("dim", "val", "p", "x", "y", "year")


def _rolled(counts: Iterable[tuple[tuple[str, ...], int]]) -> Counter[tuple[Any, ...]]:
    """Full keys' counts summed into `figure_roll`'s keys (dim, val, p, x, y, year)."""
    out: Counter[tuple[Any, ...]] = Counter()
    for key, n in counts:
        if not n:
            continue
        year = key[0][:4]
        for p, x, y in _projections(key):
            if p == _DUE_DAYS:
                continue
            out[(0, "", p, x, y, year)] += n
            for dim in (1, 2, 3):
                out[(dim, key[dim], p, x, y, year)] += n
    return out


def _roll_columns(p: int) -> tuple[str, str, str]:
    """The fact kind of projection `p` and the columns its values `x` and `y` are of."""
    fig, dims = _PROJECTIONS[p]
    x, y = [*dims, "", ""][:2]
    return fig, x, y


def _roll_key(codec: Codec, key: tuple[Any, ...]) -> tuple[Any, ...]:
    """A `figure_roll` key (dim, val, p, x, y, year) as `codec` writes it."""
    dim, val, p, x, y, year = key
    fig, x_of, y_of = _roll_columns(p)
    return (dim, codec.put(_DIMS[dim], "", val), p, codec.put(x_of, fig, x),
            codec.put(y_of, fig, y), codec.put("year", "", year))


def _roll_text(codec: Codec, row: Any) -> tuple[Any, ...]:
    """A stored `figure_roll` key back as text (`dim` and `p` integers)."""
    dim, val, p, x, y, year = row
    return (int(dim), codec.get(_DIMS[int(dim)], "", val), *_projected(codec, p, x, y),
            codec.get("year", "", year))


def _projected(codec: Codec, p: Any, x: Any, y: Any) -> tuple[int, str, str]:
    """A stored projected key (`p` and the values of its columns) back as text."""
    fig, x_of, y_of = _roll_columns(int(p))
    return int(p), codec.get(x_of, fig, x), codec.get(y_of, fig, y)


def _rolled_sums(conn: Connection, codec: Codec, wanted: Iterable[int], first: str, last: str,
                 dim: int, val: str) -> Projected:
    """The projections' sums over years `first` to `last` from `figure_roll`."""
    chosen = set(wanted)
    out: Projected = Counter()
    for p, x, y, n in conn.execute(text(
            "SELECT p, x, y, SUM(n) FROM figure_roll WHERE dim = :dim AND val = :val "
            "AND year >= :first AND year <= :last GROUP BY p, x, y"),
            {"dim": dim, "val": codec.ask(_DIMS[dim], "", val),
             "first": codec.ask("year", "", first), "last": codec.ask("year", "", last)}):
        if int(p) in chosen:
            out[_projected(codec, p, x, y)] += int(n)
    return out


def _narrowing(flt: ReportFilter) -> dict[str, str]:
    """The columns a report narrows by, and their values."""
    return {column: value for column, value in (
        ("province", flt.province), ("post", flt.post), ("type", flt.exploitation_type))
        if value is not None}


def _where(codec: Codec, params: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """The narrowing as SQL conditions and their parameters, as `codec` writes them."""
    return ("".join(f" AND {column} = :{column}" for column in params),
            {column: codec.ask(column, "", value) for column, value in params.items()})


def _summed(conn: Connection, codec: Codec, wanted: Iterable[int], first: str, last: str,
            params: dict[str, str], due: _Due) -> Projected:
    """The projections' sums over the counts of months `first` to `last`, by SQL."""
    narrow, narrowed = _where(codec, params)
    parts = []
    for p in wanted:
        fig, dims = _PROJECTIONS[p]
        x, y = [*dims, "''", "''"][:2]
        window = " AND b >= :due_first AND b < :due_day" if fig == "e" else ""
        parts.append(f"SELECT {p} AS p, {x} AS x, {y} AS y, SUM(n) AS n FROM figure_count "
                     f"WHERE fig = '{fig}' AND month >= :first AND month <= :last{narrow}"
                     f"{window} GROUP BY {', '.join(dims)}")
    out: Projected = Counter()
    if not parts:
        return out
    for p, x, y, n in conn.execute(text(" UNION ALL ".join(parts)), {
            "first": codec.ask("month", "", first), "last": codec.ask("month", "", last),
            "due_first": codec.ask("b", "e", due.first), "due_day": codec.ask("b", "e", due.day),
            **narrowed}):
        out[_projected(codec, p, x, y)] += int(n)
    return out


def _runs(months: list[str]) -> list[tuple[str, str]]:
    """Consecutive months as (first, last) runs."""
    runs: list[tuple[str, str]] = []
    for month in months:
        if runs and month == _next_month(runs[-1][1]):
            runs[-1] = (runs[-1][0], month)
        else:
            runs.append((month, month))
    return runs


def _next_month(month: str) -> str:
    y, m = int(month[:4]), int(month[5:])
    return f"{y + m // 12:04d}-{m % 12 + 1:02d}"


def _period_cells(conn: Connection, cases: CaseStore, flt: ReportFilter,
                  wanted: tuple[int, ...], due: _Due) -> Projected:
    """Facts of the cases `flt` selects, projected: whole years summed from `figure_roll`
    (when kept and the report narrows by one column at most), other whole months by SQL
    from the counts, the days of a month the period covers in part from the cases' rows."""
    codec, params = cases.codec, _narrowing(flt)
    whole, parts = [], []
    for month in months_between(flt.start, flt.end):
        first = dt.date(int(month[:4]), int(month[5:]), 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        if flt.start <= first and last <= flt.end:
            whole.append(month)
        else:
            parts.append((max(first, flt.start), min(last, flt.end)))
    out: Projected = Counter()
    in_year = Counter(m[:4] for m in whole)
    years = sorted(y for y, n in in_year.items() if n == 12) \
        if cases.rollup and len(params) <= 1 else []
    if years:
        dim, val = next(((_DIMS.index(k), v) for k, v in params.items()), (0, ""))
        out += _rolled_sums(conn, codec, wanted, years[0], years[-1], dim, val)
        if _DUE_DAYS in wanted:  # not rolled up: the as-of month's due days, by SQL
            out += _summed(conn, codec, (_DUE_DAYS,), f"{years[0]}-01", f"{years[-1]}-12",
                           params, due)
    for first_month, last_month in _runs([m for m in whole if m[:4] not in years]):
        out += _summed(conn, codec, wanted, first_month, last_month, params, due)
    cells: Counter[tuple[str, ...]] = Counter()
    narrow, narrowed = _where(codec, params)
    for start, end in parts:
        for *cell, facts in conn.execute(text(
                "SELECT month, province, post, type, facts FROM figure_case "
                "WHERE op_date >= :start AND op_date <= :end" + narrow),
                {"start": codec.day(start), "end": codec.day(end), **narrowed}):
            where = _cell_text(codec, cell)
            for fig, a, b, n in codec.unpack(facts):
                cells[(*where, fig, a, b)] += n
    for key, n in _project(cells, wanted, due).items():
        out[key] += n
    return out


@dataclass(frozen=True)
class _Linked:
    person: str
    victim_id: str
    case: CaseFacts
    fact: Fact
    outcome: Fact | None


def _linked(cases: CaseStore) -> list[_Linked]:
    """The counted victims a confirmed link joins to another record, with their cases."""
    persons = cases.persons("victim")
    if not persons:
        return []
    out = []
    rescue_ids = sorted(cases.rescues_of_victims(sorted(persons)))
    for chunk in _chunks(rescue_ids):
        for case in cases.cases(chunk).values():
            cf = case_facts(case)
            if cf is None:
                continue
            for vid, (fact, outcome) in cf.victims.items():
                if vid in persons:
                    out.append(_Linked(str(persons[vid]), vid, cf, fact, outcome))
    return out


def _one_per_person(linked: list[_Linked], flt: ReportFilter) -> Counter[tuple[str, ...]]:
    """What makes a person recorded twice count once, as full keys to add to the counts: by
    their earliest case's record (then the lowest id), with an outcome if any of their
    records has it — as the full pass counts them."""
    cells: Counter[tuple[str, ...]] = Counter()
    by_person: dict[str, list[_Linked]] = defaultdict(list)
    for lv in linked:
        cf = lv.case
        if flt.matches(cf.day, cf.province, cf.post, cf.kind):
            cells[cf.cell + lv.fact] -= 1
            if lv.outcome is not None:
                cells[cf.cell + lv.outcome] -= 1
            by_person[lv.person].append(lv)
    for records in by_person.values():
        first = min(records, key=lambda lv: (lv.case.day, lv.victim_id))
        cells[first.case.cell + first.fact] += 1
        outcome = _outcome_fact(key for lv in records if lv.outcome is not None
                                for key, flag in zip(OUTCOMES, lv.outcome[1], strict=True)
                                if flag == "1")
        if outcome is not None:
            cells[first.case.cell + outcome] += 1
    return cells


def _fold(t: Tally, cells: Projected, current: bool, due: _Due, exclusive: bool) -> None:
    counts = t.cur if current else t.prev
    for (p, x, y), n in cells.items():
        if not n:
            continue
        if p == 0:
            counts["cases"] += n
            counts["cross_border_cases"] += n if y == "1" else 0
            if current:
                t.by_month[x] += n
                t.by_year[x[:4]] += n
        elif p == 4:
            age, rest = x.split("|", 1)
            sex, minor = rest.rsplit("|", 1)
            counts["victims"] += n
            counts["child_victims"] += n if minor == "1" else 0
            if current:
                t.by_sex_age[(age, sex)] += n
        elif p == 7:
            rehabilitated, returned = x[0] == "1", x[1] == "1"
            counts[OUTCOMES[1]] += n if returned else 0
            counts[OUTCOMES[0]] += n if rehabilitated and not (exclusive and returned) else 0
        elif p == 8:
            if current:
                for stage, statuses in SUSPECT_STAGES:
                    t.stages[stage] += n if x in statuses else 0
            elif x in _ARRESTED:
                counts["suspects_arrested"] += n
        elif not current:
            continue
        elif p in (1, 2, 3):
            table = (t.by_type, t.by_province, t.by_post)[p - 1]
            table[x if p == 1 else x or UNKNOWN] += n
        elif p == 5:
            t.by_nat[x] += n
        elif p == 6:
            t.by_month_type[(x, y)] += n
        elif p == 9:
            t.by_service_status[(x, y)] += n
        elif p == 10:
            t.overdue[x] += n if y < due.month else 0
        elif p == 11:
            t.overdue[x] += n
        elif p == 12:
            t.durations.extend([int(x)] * n)
            t.wrong_clocks += n if y == "1" else 0


def figures(conn: Connection, cases: CaseStore, flt: ReportFilter,
            as_of: dt.date | None = None) -> Figures:
    """The same Figures as `reports.figures.compute` over the same records, from the counts."""
    as_of = as_of or dt.date.today()
    due = _Due.of(as_of)
    prev = flt.previous_year()
    t = Tally()
    linked = _linked(cases)
    everything = tuple(range(len(_PROJECTIONS)))
    for period, current in ((flt, True), (prev, False)):
        wanted = everything if current else _PREVIOUS
        cells = _period_cells(conn, cases, period, wanted, due)
        for projected, n in _project(_one_per_person(linked, period), wanted, due).items():
            cells[projected] += n
        _fold(t, cells, current, due, flt.exclusive_outcomes)
    t.cur["suspects_arrested"] = t.stages["arrested"]
    t.cur["suspects_sent_to_court"], t.prev["suspects_sent_to_court"] = _court(
        conn, cases, flt, prev)
    for key in OUTCOMES:  # present, as the full pass sets them
        t.cur[key] += 0
        t.prev[key] += 0
    return assemble(flt, as_of, t)


# -- "sent to court" -----------------------------------------------------------------------
class _Only:
    """A court source that reads the further cases and dated events of these suspects only."""

    def __init__(self, source: CourtSource, suspect_ids: list[str]) -> None:
        self.source, self.ids = source, suspect_ids

    def rows(self, entity: str, since: dt.date | None = None,
             until: dt.date | None = None) -> Iterator[Row]:
        if entity in ("suspect_case", "suspect_event"):
            return self.source.rows_of(entity, self.ids, "suspect_id")
        return self.source.rows(entity, since, until)

    def rows_of(self, entity: str, ids: Iterable[str], key: str = "id") -> Iterator[Row]:
        return self.source.rows_of(entity, ids, key)

    def persons(self, entity: str = "victim") -> dict[str, str]:
        return self.source.persons(entity)


def _court(conn: Connection, cases: CaseStore, flt: ReportFilter,
           prev: ReportFilter) -> tuple[int, int]:
    """Persons sent to court in `flt`'s period and in `prev`'s, as `figures.court_counts`.

    A suspect in one case, recorded once, is its case's "x" fact, counted by SQL over the
    days of each period. The few others — linked to a further case, or one person with
    other suspect records (a confirmed link) — are taken out of those sums and counted by
    the full pass's own code over their records only.
    """
    codec = cases.codec
    narrow, narrowed = _where(codec, _narrowing(flt))
    periods = ((flt.start, flt.end), (prev.start, prev.end))
    counted = [int(conn.execute(text(
        "SELECT COALESCE(SUM(n), 0) FROM figure_count WHERE fig = 'x' "
        "AND b >= :first AND b <= :last" + narrow),
        {"first": codec.ask("b", "x", first.isoformat()),
         "last": codec.ask("b", "x", last.isoformat()), **narrowed}).scalar() or 0)
        for first, last in periods]
    others = sorted(set(cases.source.persons("suspect")) | cases.further_suspects())
    if not others:
        return counted[0], counted[1]
    wanted = set(others)
    suspects = list(cases.source.rows_of("suspect", others))
    for chunk in _chunks(sorted({s["rescue_id"] for s in suspects if s["rescue_id"]})):
        for case in cases.cases(chunk).values():
            cf = case_facts(case)
            if cf is None or not flt.matches(flt.start, cf.province, cf.post, cf.kind):
                continue
            for sid, (_x, _a, day) in cf.suspects.items():
                if sid in wanted:
                    for i, (first, last) in enumerate(periods):
                        counted[i] -= first.isoformat() <= day <= last.isoformat()
    cur, before = court_counts(_Only(cases.source, others), suspects, flt, prev)
    return counted[0] + cur, counted[1] + before
