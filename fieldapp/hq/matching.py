"""The match review queue at headquarters: possible matches across every post's victims.

HQ reads people through `Hq.report_records` (the same path the national figures take, so
whatever protects identifying fields at rest is applied there). A possible match, and a
decision on it, is an HQ-made `person_link` record in the change feed: the feed keeps every
version (who decided what, when), and the post of the first person pulls it like any record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.errors import InvalidInput, NotFound
from fieldapp.domain.hlc import HlcClock
from fieldapp.hq import db
from fieldapp.hq.models import ChangeLog, Record
from fieldapp.hq.service import Hq, now_utc
from fieldapp.linkage.match import find_matches
from fieldapp.linkage.people import count_people, link_id
from fieldapp.linkage.score import THRESHOLD, Person

DECISIONS = ("link", "separate")


def _v(fields: dict[str, Any], name: str) -> Any:
    entry = fields.get(name)
    return entry[0] if entry else None


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class HqPerson:
    person: Person
    rescue_id: str
    case_number: str
    post_code: str


def people(hq: Hq) -> dict[str, HqPerson]:
    """Every victim HQ holds, with the case and post it was recorded under."""
    rescues = {rid: f for _, rid, f in hq.report_records("rescue")}
    out: dict[str, HqPerson] = {}
    for _, vid, f in hq.report_records("victim"):
        rid = str(_v(f, "rescue_id") or "")
        r = rescues.get(rid, {})
        op_date = _date(_v(r, "operation_date"))
        age = _v(f, "estimated_age")
        phone = str(_v(f, "contact_phone") or "")
        out[vid] = HqPerson(
            Person(id=vid, name_km=str(_v(f, "name_km") or ""),
                   name_latin=str(_v(f, "name_latin") or ""), sex=str(_v(f, "sex") or ""),
                   date_of_birth=_date(_v(f, "date_of_birth")),
                   estimated_age=int(age) if isinstance(age, int | str) and str(age).isdigit() else None,
                   ref_year=op_date.year if op_date else None,
                   nationality=str(_v(f, "nationality") or ""), phones=(phone,) if phone else ()),
            rid, str(_v(r, "case_number") or ""), str(_v(r, "post_code") or ""))
    return out


def _links(hq: Hq) -> dict[str, dict[str, Any]]:
    return {eid: {k: v[0] for k, v in f.items()} for _, eid, f in hq.report_records("person_link")}


def _write(hq: Hq, s: Session, link_id_: str, post_code: str, values: dict[str, Any]) -> None:
    """An HQ-made change of one person_link record, into the feed like reference data
    (the caller holds the feed lock: `db.lock_feed`)."""
    clock = HlcClock("hq")
    existing = s.scalar(select(Record).where(Record.entity == "person_link",
                                             Record.entity_id == link_id_))
    if existing:
        for _, stamp in existing.fields.values():
            clock.observe(stamp)
    stamp = str(clock.now())
    fields = {k: [v, stamp] for k, v in values.items()}
    log = ChangeLog(entity="person_link", entity_id=link_id_, fields=fields, received_at=now_utc())
    s.add(log)
    s.flush()
    hq._merge_into(s, "person_link", link_id_, post_code, fields, log.server_seq)


def scan(hq: Hq, threshold: float = THRESHOLD) -> int:
    """Queue the possible matches among all posts' victims not yet queued or decided."""
    everyone = people(hq)
    known = {frozenset((str(f.get("a_id")), str(f.get("b_id")))) for f in _links(hq).values()}
    found = find_matches((p.person for p in everyone.values()), threshold, skip=known)
    with hq.sessions.begin() as s:
        db.lock_feed(s)
        for c in found:
            a, b = sorted((c.a, c.b))
            _write(hq, s, link_id("victim", a, b), everyone[a].post_code, {
                "entity": "victim", "a_id": a, "b_id": b, "decision": "pending",
                "weight": c.weight, "evidence": dict(c.levels), "decided_by": "",
                "decided_at": None, "created_by": "hq", "device_id": "hq"})
    return len(found)


def listing(hq: Hq, decided: bool = False, names: bool = False) -> list[dict[str, Any]]:
    """The queue, strongest first: both people side by side (names only if asked for)."""
    everyone = people(hq)
    rows = []
    for lid, f in _links(hq).items():
        if not decided and f.get("decision") != "pending":
            continue
        sides = []
        for key in ("a_id", "b_id"):
            p = everyone.get(str(f.get(key)))
            side: dict[str, Any] = {"id": f.get(key)}
            if p:
                side.update(case=p.case_number, post=p.post_code, sex=p.person.sex,
                            born=p.person.date_of_birth.isoformat() if p.person.date_of_birth else None,
                            age=p.person.estimated_age, nationality=p.person.nationality)
                if names:
                    side.update(name_km=p.person.name_km, name_latin=p.person.name_latin)
            sides.append(side)
        rows.append({"id": lid, "decision": f.get("decision"), "weight": f.get("weight"),
                     "evidence": f.get("evidence"), "decided_by": f.get("decided_by"),
                     "a": sides[0], "b": sides[1]})
    rows.sort(key=lambda r: (-float(r["weight"] or 0), str(r["id"])))  # type: ignore[arg-type]
    return rows


def decide(hq: Hq, match_id: str, decision: str, by: str) -> dict[str, Any]:
    if decision not in DECISIONS:
        raise InvalidInput("decision: link or separate")
    if not by.strip():
        raise InvalidInput("say who decides (--by NAME)")
    with hq.sessions.begin() as s:
        db.lock_feed(s)
        rec = s.scalar(select(Record).where(Record.entity == "person_link",
                                            Record.entity_id == match_id))
        if rec is None:
            raise NotFound("no such possible match at HQ (see `fieldapp-hq matches list`)")
        _write(hq, s, match_id, rec.post_code or "", {
            "decision": decision, "decided_by": by.strip()[:64],
            "decided_at": now_utc().replace(tzinfo=None).isoformat()})
    return {"id": match_id, "decision": decision}


def victims_counted_once(hq: Hq) -> int:
    links = [(str(f["a_id"]), str(f["b_id"])) for f in _links(hq).values()
             if f.get("decision") == "link" and f.get("entity") == "victim"]
    return count_people([vid for _, vid, _ in hq.report_records("victim")], links)


def run_command(hq: Hq, args: Any) -> str:
    """`fieldapp-hq matches scan|list|link|separate`: the text to print."""
    import json

    if args.m_command == "scan":
        return f"queued {scan(hq)} possible match(es); see `fieldapp-hq matches list`"
    if args.m_command == "list":
        rows = listing(hq, decided=args.all, names=args.names)
        if args.json:
            return json.dumps(rows, ensure_ascii=False, sort_keys=True)
        lines = [f"{len(rows)} possible match(es)"]
        for r in rows:
            lines.append(f"{r['id']}  {r['decision']:<8} weight {r['weight']:6.1f}  "
                         + ", ".join(f"{k}={v}" for k, v in sorted((r["evidence"] or {}).items())))
            for side in (r["a"], r["b"]):
                lines.append("    " + "  ".join(f"{k}={v}" for k, v in side.items() if v is not None))
        return "\n".join(lines)
    done = decide(hq, args.match_id, args.m_command, args.by)
    return f"{done['decision']}: {done['id']} (both records kept; devices get it at their next sync)"
