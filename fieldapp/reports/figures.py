"""The report figures, computed in one streamed pass over a RecordSource (no Qt, no SQL)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from fieldapp.domain.enums import COUNTED_AS_VICTIM, ReferralStatus
from fieldapp.domain.errors import InvalidInput
from fieldapp.domain.hlc import Hlc
from fieldapp.domain.referrals import TERMINAL, derive_status
from fieldapp.reports.definitions import (
    AGE_KEYS,
    REHABILITATION_SERVICES,
    RETURN_SERVICES,
    SERVICES,
    SEXES,
    STATUSES,
    SUSPECT_STAGES,
    TYPES,
    YOY_KEYS,
    ReportFilter,
    age_group,
    age_on,
    months_between,
)
from fieldapp.reports.source import RecordSource, Row

COUNT = "count"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Table:
    """Counts by row (and column, for 2-D tables; 1-D tables have the one column COUNT).

    `additive` is False where rows overlap (cumulative suspect stages): no totals then.
    `margin_of` names a 2-D table ("key", "rows"|"cols") whose totals this table repeats,
    so small-cell suppression can hide exactly what that table hides.
    """

    key: str
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    cells: Mapping[tuple[str, str], int]
    additive: bool = True
    margin_of: tuple[str, str] | None = None

    @property
    def is_2d(self) -> bool:
        return self.cols != (COUNT,)

    def value(self, row: str, col: str = COUNT) -> int:
        return self.cells.get((row, col), 0)

    def row_total(self, row: str) -> int:
        return sum(self.value(row, c) for c in self.cols)

    def col_total(self, col: str) -> int:
        return sum(self.value(r, col) for r in self.rows)

    @property
    def total(self) -> int:
        return sum(self.row_total(r) for r in self.rows)

    def as_dict(self) -> dict[str, int] | dict[str, dict[str, int]]:
        if self.is_2d:
            return {r: {c: self.value(r, c) for c in self.cols} for r in self.rows}
        return {r: self.value(r) for r in self.rows}


@dataclass(frozen=True)
class Change:
    """A count this period against the same period a year earlier."""

    previous: int
    current: int

    @property
    def diff(self) -> int:
        return self.current - self.previous

    @property
    def percent(self) -> float | None:
        """Change as a percentage of last period, one decimal; None when last period was 0."""
        if self.previous == 0:
            return None
        return round(100.0 * self.diff / self.previous, 1)


@dataclass
class Figures:
    filter: ReportFilter
    as_of: dt.date
    tables: dict[str, Table] = field(default_factory=dict)
    #: Median calendar days from referral to completion; None without completed referrals.
    median_days: float | None = None
    completed_referrals: int = 0
    #: Completions dated before their referral by a wrong clock (counted in as 0 days or
    #: more, see `completion_days`): a high number says some laptop's clock needs setting.
    suspicious_durations: int = 0
    yoy: dict[str, Change] = field(default_factory=dict)

    def table(self, key: str) -> Table:
        return self.tables[key]


def _one_d(key: str, counts: Mapping[str, int], order: Iterable[str] | None = None,
           additive: bool = True, margin_of: tuple[str, str] | None = None) -> Table:
    rows = tuple(order) if order is not None else _observed(counts)
    return Table(key, rows, (COUNT,), {(r, COUNT): n for r, n in counts.items() if n},
                 additive, margin_of)


def _two_d(key: str, counts: Mapping[tuple[str, str], int], rows: Iterable[str],
           cols: Iterable[str]) -> Table:
    return Table(key, tuple(rows), tuple(cols), {k: n for k, n in counts.items() if n})


def _observed(counts: Mapping[str, int]) -> tuple[str, ...]:
    """Keys seen, sorted, with 'unknown' last."""
    keys = sorted(k for k, n in counts.items() if n and k != UNKNOWN)
    if counts.get(UNKNOWN):
        keys.append(UNKNOWN)
    return tuple(keys)


def completion_days(created: dt.date, completed_at: dt.datetime, stamp: str) -> tuple[int, bool]:
    """Days from a referral to its completion, never negative; True if the clocks disagreed.

    `completed_at` is the completing laptop's wall clock. When it says the completion came
    before the referral, that clock (or the referring one) was wrong: the completion's HLC
    stamp, which comes after every stamp that laptop had seen (the referral's included),
    gives the best floor for when it happened; whatever is still negative counts as 0.
    Such completions are counted (`Figures.suspicious_durations`).
    """
    end = completed_at.date()
    if end >= created:
        return (end - created).days, False
    try:
        floor = dt.datetime.fromtimestamp(Hlc.parse(stamp).wall_ms / 1000, dt.UTC).date()
    except (InvalidInput, ValueError, OverflowError, OSError):
        floor = end
    return max((floor - created).days, 0), True


SENT_TO_COURT = dict(SUSPECT_STAGES)["sent_to_court"]


def stamp_day(stamp: str) -> dt.date | None:
    """The UTC day of a clock stamp; None when there is none (then the case's date is used)."""
    if not stamp:
        return None
    try:
        wall = Hlc.parse(stamp).wall_ms
    except InvalidInput:
        return None
    return dt.datetime.fromtimestamp(wall / 1000, dt.UTC).date()


def _sent_to_court(source: RecordSource, suspects: list[Row],
                   any_date: dict[str, dt.date]) -> dict[str, dt.date]:
    """Person -> the day they were sent to court, for suspects in a case `any_date` holds.

    The day is that of the person's first sent-to-court (or conviction) event, however many
    cases they are in and however many suspect records a confirmed link joins. A suspect
    with no such event but that status (recorded before status events) is dated by the
    stamp of the status change, else by the case's date.
    """
    in_cases: dict[str, set[str]] = defaultdict(set)
    for s in suspects:
        in_cases[s["id"]].add(s["rescue_id"])
    for c in source.rows("suspect_case"):
        in_cases[c["suspect_id"]].add(c["rescue_id"])
    sent: dict[str, dt.date] = {}
    for e in source.rows("suspect_event"):
        if e["kind"] in SENT_TO_COURT and e["on"] is not None:
            sid = e["suspect_id"]
            sent[sid] = min(sent.get(sid, e["on"]), e["on"])
    persons: dict[str, str] = getattr(source, "persons", lambda _kind: {})("suspect")
    out: dict[str, dt.date] = {}
    for s in suspects:
        sid = s["id"]
        dates = [any_date[r] for r in sorted(in_cases[sid]) if r in any_date]
        if not dates:
            continue  # none of the suspect's cases is among the ones the filter selects
        day = sent.get(sid)
        if day is None and s["status"] in SENT_TO_COURT:
            day = stamp_day(s.get("status_stamp") or "") or any_date.get(s["rescue_id"],
                                                                          dates[0])
        if day is not None:
            person = str(persons.get(sid, sid))
            out[person] = min(out.get(person, day), day)
    return out


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


@dataclass
class Tally:
    """What the figures are made of, before the tables: the full pass (`compute`) and the
    counters (`fieldapp.reports.counters`) both fill one, and `assemble` makes the tables."""

    cur: Counter[str] = field(default_factory=Counter)
    prev: Counter[str] = field(default_factory=Counter)
    by_type: Counter[str] = field(default_factory=Counter)
    by_province: Counter[str] = field(default_factory=Counter)
    by_post: Counter[str] = field(default_factory=Counter)
    by_month: Counter[str] = field(default_factory=Counter)
    by_year: Counter[str] = field(default_factory=Counter)
    by_sex_age: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_nat: Counter[str] = field(default_factory=Counter)
    by_month_type: Counter[tuple[str, str]] = field(default_factory=Counter)
    stages: Counter[str] = field(default_factory=Counter)
    by_service_status: Counter[tuple[str, str]] = field(default_factory=Counter)
    overdue: Counter[str] = field(default_factory=Counter)
    durations: list[int] = field(default_factory=list)
    wrong_clocks: int = 0


OUTCOMES = ("victims_rehabilitated", "victims_returned_home")


def court_counts(source: RecordSource, suspects: list[Row], flt: ReportFilter,
                 prev: ReportFilter) -> tuple[int, int]:
    """Persons sent to court in `flt`'s period and in `prev`'s (see `_sent_to_court`).

    "Sent to court" counts by the date the suspect was sent (the stamp of the status),
    whatever year the case is from: so every case matching the narrowing. `suspects` may
    be only those sent to court (status or event): no other suspect has such a date.
    """
    # Only the suspects' cases are looked up: a source that can read records by id
    # (`rows_of`, HQ's narrow rows) reads just those, others read them all.
    rows_of = getattr(source, "rows_of", None)
    rescues = (rows_of("rescue", {s["rescue_id"] for s in suspects}
                       | {c["rescue_id"] for c in source.rows("suspect_case")})
               if rows_of is not None else source.rows("rescue"))
    any_date = {r["id"]: r["operation_date"] for r in rescues
                if r["operation_date"] is not None
                and flt.matches(flt.start, r["province_code"], r["post_code"],
                                r["exploitation_type"] or UNKNOWN)}
    cur = before = 0
    for sent in _sent_to_court(source, suspects, any_date).values():
        cur += flt.start <= sent <= flt.end
        before += prev.start <= sent <= prev.end
    return cur, before


def compute(source: RecordSource, flt: ReportFilter, as_of: dt.date | None = None) -> Figures:
    """All figures for the cases `flt` selects, plus the year-earlier counts for `yoy`.

    `as_of` is the day overdue is judged against (default: today).
    """
    as_of = as_of or dt.date.today()
    prev = flt.previous_year()
    since, until = min(prev.start, flt.start), flt.end
    cur_counts: Counter[str] = Counter()
    prev_counts: Counter[str] = Counter()

    # -- rescues: keep (in current, in previous, month, type) of the selected ones --------
    cases: dict[str, tuple[bool, bool, dt.date, str]] = {}
    by_type: Counter[str] = Counter()
    by_province: Counter[str] = Counter()
    by_post: Counter[str] = Counter()
    by_month: Counter[str] = Counter()
    by_year: Counter[str] = Counter()
    for r in source.rows("rescue", since, until):
        day = r["operation_date"]
        if day is None:
            continue
        kind = r["exploitation_type"] or UNKNOWN
        in_cur = flt.matches(day, r["province_code"], r["post_code"], kind)
        in_prev = prev.matches(day, r["province_code"], r["post_code"], kind)
        if not (in_cur or in_prev):
            continue
        cases[r["id"]] = (in_cur, in_prev, day, kind)
        cross = bool(r.get("cross_border"))
        if in_prev:
            prev_counts["cases"] += 1
            prev_counts["cross_border_cases"] += cross
        if in_cur:
            cur_counts["cases"] += 1
            cur_counts["cross_border_cases"] += cross
            by_type[kind] += 1
            by_province[r["province_code"] or UNKNOWN] += 1
            by_post[r["post_code"] or UNKNOWN] += 1
            by_month[_month(day)] += 1
            by_year[str(day.year)] += 1

    # -- victims ----------------------------------------------------------------------
    victims: dict[str, tuple[bool, bool]] = {}
    by_sex_age: Counter[tuple[str, str]] = Counter()
    by_nat: Counter[str] = Counter()
    by_month_type: Counter[tuple[str, str]] = Counter()
    # A person recorded twice (a link confirmed by a supervisor) counts once per period.
    persons: dict[str, str] = getattr(source, "persons", dict)()
    seen: tuple[set[str], set[str]] = (set(), set())
    # A linked person's records are taken in the order of their cases' dates (then ids), so
    # the record whose age, sex and nationality count is the same whatever order a store
    # yields rows in: the earliest case's.
    linked: list[tuple[dt.date, str, Row]] = []

    def one_victim(v: Row, case: tuple[bool, bool, dt.date, str]) -> None:
        in_cur, in_prev, day, kind = case
        person = str(persons.get(v["id"], v["id"]))
        in_cur, in_prev = in_cur and person not in seen[0], in_prev and person not in seen[1]
        for flag, counts, met in ((in_cur, cur_counts, seen[0]), (in_prev, prev_counts, seen[1])):
            if flag:
                met.add(person)
                counts["victims"] += 1
                counts["child_victims"] += bool(v["is_minor"])
        if not in_cur:
            return
        by_sex_age[victim_cell(v, day)] += 1
        by_nat[v["nationality"] or UNKNOWN] += 1
        by_month_type[(_month(day), kind)] += 1

    for v in source.rows("victim", since, until):
        case = cases.get(v["rescue_id"])
        if case is None:
            continue
        if not counted_as_victim(v):
            continue  # pending screening, not a victim, or a witness: not a victim figure
        victims[v["id"]] = case[:2]
        if v["id"] in persons:
            linked.append((case[2], v["id"], v))
        else:
            one_victim(v, case)
    for _day, _vid, v in sorted(linked, key=lambda item: item[:2]):
        one_victim(v, cases[v["rescue_id"]])

    # -- suspects ---------------------------------------------------------------------
    suspects = list(source.rows("suspect", since, until))
    cur_counts["suspects_sent_to_court"], prev_counts["suspects_sent_to_court"] = court_counts(
        source, suspects, flt, prev)
    stages: Counter[str] = Counter()
    for s in suspects:
        case = cases.get(s["rescue_id"])
        if case is None:
            continue
        for stage, statuses in SUSPECT_STAGES:
            if s["status"] in statuses:
                if case[0]:
                    stages[stage] += 1
                if case[1] and stage == "arrested":
                    prev_counts["suspects_arrested"] += 1
    cur_counts["suspects_arrested"] = stages["arrested"]

    # -- referrals and their events ---------------------------------------------------
    refs: dict[str, tuple[bool, bool, str, Row]] = {}
    for f in source.rows("referral", since, until):
        flags = victims.get(f["victim_id"])
        if flags is not None:
            refs[f["id"]] = (*flags, f["victim_id"], f)
    events: dict[str, list[Event]] = defaultdict(list)
    for e in source.rows("referral_event", since, until):
        entry = event_entry(e) if e["referral_id"] in refs else None
        if entry is not None:
            events[e["referral_id"]].append(entry)

    by_service_status: Counter[tuple[str, str]] = Counter()
    overdue: Counter[str] = Counter()
    durations: list[int] = []
    wrong_clocks = 0
    outcomes: dict[str, tuple[set[str], set[str]]] = {key: (set(), set()) for key in OUTCOMES}
    for ref_id, (in_cur, in_prev, victim_id, f) in refs.items():
        done = settle(f, events.get(ref_id, []))
        if done.outcome is not None:
            cur_set, prev_set = outcomes[done.outcome]
            if in_cur:
                cur_set.add(persons.get(victim_id, victim_id))
            if in_prev:
                prev_set.add(persons.get(victim_id, victim_id))
        if not in_cur:
            continue
        by_service_status[(f["service"], done.status.value)] += 1
        if done.open_due is not None and done.open_due < as_of:
            overdue[f["service"]] += 1
        if done.days is not None:
            durations.append(done.days[0])
            wrong_clocks += done.days[1]
    if flt.exclusive_outcomes:  # the ministry's reading: returned home, or else rehabilitated
        for i in (0, 1):
            outcomes["victims_rehabilitated"][i].difference_update(
                outcomes["victims_returned_home"][i])
    for key, (cur_set, prev_set) in outcomes.items():
        cur_counts[key] = len(cur_set)
        prev_counts[key] = len(prev_set)

    return assemble(flt, as_of, Tally(
        cur_counts, prev_counts, by_type, by_province, by_post, by_month, by_year, by_sex_age,
        by_nat, by_month_type, stages, by_service_status, overdue, durations, wrong_clocks))


#: A referral event as the figures read it: (stamp of its kind, kind, time if a completion).
Event = tuple[str, ReferralStatus, dt.datetime | None]


def event_entry(e: Row) -> Event | None:
    """An event row as an Event; None for a newer device's kind (ignored, as derive_status)."""
    try:
        return e["kind_stamp"], ReferralStatus(e["kind"]), e["at"]
    except ValueError:
        return None


@dataclass(frozen=True)
class Settled:
    """What one referral counts for in the figures."""

    status: ReferralStatus
    #: "victims_rehabilitated", "victims_returned_home" or None (see OUTCOMES).
    outcome: str | None
    #: Its due date while it is open (overdue once before the report date).
    open_due: dt.date | None
    #: (days to completion, clocks disagreed) for a completion with its time known.
    days: tuple[int, bool] | None


def settle(f: Row, evs: list[Event]) -> Settled:
    """A referral row (COLUMNS["referral"]) with its events: its status and what it counts for.

    The status is the one a device stores, else folded from the events (HQ).
    """
    status: ReferralStatus | None = None
    if f.get("status"):
        try:
            status = ReferralStatus(f["status"])
        except ValueError:
            pass  # a newer device's status: folded from the events below
    if status is None:
        status, _conflicted = derive_status((stamp, kind_) for stamp, kind_, _ in evs)
        status = status or ReferralStatus.CREATED
    service, outcome, days = f["service"], None, None
    if status is ReferralStatus.COMPLETED:
        outcome = ("victims_rehabilitated" if service in REHABILITATION_SERVICES
                   else "victims_returned_home" if service in RETURN_SERVICES else None)
        if f.get("outcome") == "alternative_care":
            outcome = None  # family judged unsafe: alternative care, not "returned home"
        created = f["created_at"].date() if f["created_at"] else None
        done = sorted((stamp, at) for stamp, k, at in evs if k is ReferralStatus.COMPLETED)
        if done and done[0][1] is not None and created is not None:
            days = completion_days(created, done[0][1], done[0][0])
    due = f["due_date"]
    return Settled(status, outcome, due if due is not None and status not in TERMINAL else None,
                   days)


def counted_as_victim(v: Row) -> bool:
    """Presumed and identified victims count; pending screening, not a victim, witnesses not."""
    return (v.get("screening") or "presumed_victim") in COUNTED_AS_VICTIM


def victim_cell(v: Row, day: dt.date) -> tuple[str, str]:
    """A victim's (age group, sex): age on the case's date from the birth date, else estimated."""
    born = v["date_of_birth"]
    age = age_on(born, day) if born is not None else v["estimated_age"]
    return age_group(age), v["sex"] or UNKNOWN


def assemble(flt: ReportFilter, as_of: dt.date, t: Tally) -> Figures:
    """The figures' tables from a tally (outcome counts already in `t.cur` / `t.prev`)."""
    cur_counts, prev_counts, by_type, by_sex_age = t.cur, t.prev, t.by_type, t.by_sex_age
    by_month_type, by_service_status, stages = t.by_month_type, t.by_service_status, t.stages
    durations = t.durations
    months = months_between(flt.start, flt.end)
    years = tuple(str(y) for y in range(flt.start.year, flt.end.year + 1))
    types = TYPES + ((UNKNOWN,) if by_type.get(UNKNOWN) else ())
    sex_age = _two_d("victims_by_sex_age", by_sex_age, AGE_KEYS, SEXES)
    month_type = _two_d("victims_by_month_type", by_month_type, months, types)
    service_status = _two_d("referrals_by_service_status", by_service_status, SERVICES, STATUSES)
    tables = [
        _one_d("cases_by_type", by_type, types),
        _one_d("cases_by_province", t.by_province),
        _one_d("cases_by_post", t.by_post),
        _one_d("cases_by_month", t.by_month, months),
        _one_d("cases_by_year", t.by_year, years),
        _one_d("victims_by_sex", {s: sex_age.col_total(s) for s in SEXES}, SEXES,
               margin_of=("victims_by_sex_age", "cols")),
        _one_d("victims_by_age_group", {a: sex_age.row_total(a) for a in AGE_KEYS}, AGE_KEYS,
               margin_of=("victims_by_sex_age", "rows")),
        _one_d("victims_by_nationality", t.by_nat),
        _one_d("victims_by_type", {t: month_type.col_total(t) for t in types}, types,
               margin_of=("victims_by_month_type", "cols")),
        month_type,
        sex_age,
        _one_d("suspects", stages, tuple(s for s, _ in SUSPECT_STAGES), additive=False),
        _one_d("victim_outcomes", {k: cur_counts[k] for k in OUTCOMES}, OUTCOMES,
               additive=False),
        service_status,
        _one_d("referrals_overdue", t.overdue, SERVICES),
    ]
    return Figures(
        filter=flt,
        as_of=as_of,
        tables={t.key: t for t in tables},
        median_days=float(statistics.median(durations)) if durations else None,
        completed_referrals=len(durations),
        suspicious_durations=t.wrong_clocks,
        yoy={k: Change(prev_counts[k], cur_counts[k]) for k in YOY_KEYS},
    )

