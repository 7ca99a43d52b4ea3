"""Read-side queries for the desktop window: the paged case list, case extras, status counts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import exists, func, literal_column, select, tuple_
from sqlalchemy.sql.elements import ColumnElement

from fieldapp.domain.enums import ReferralStatus, Role
from fieldapp.domain.errors import InvalidInput
from fieldapp.services.intake import RECORDERS, get_case
from fieldapp.services.workspace import Workspace
from fieldapp.store import search
from fieldapp.store.models import (
    Attachment,
    AuditEvent,
    Device,
    Post,
    Province,
    Referral,
    Rescue,
    ServiceProvider,
    Victim,
)
from fieldapp.store.unsent import unsent_count

#: Columns the case list may sort on, each with the index columns that follow it. The
#: keyset `ORDER BY <these>, rowid` then walks an index (whose implicit tail is the rowid)
#: and reads only the rows it shows. "recorded" is the order cases were recorded in: with a
#: search it is driven by the FTS index itself, which is what keeps search fast at 100k.
SORTABLE: dict[str, tuple[Any, ...]] = {
    "operation_date": (Rescue.operation_date,),
    "case_number": (Rescue.case_number,),
    "province_code": (Rescue.province_code,),
    "post_code": (Rescue.post_code, Rescue.operation_date),  # ix_rescue_post_date
    "exploitation_type": (Rescue.exploitation_type,),
    "recorded": (),
}
PAGE_SIZE = 200
#: A search's count stops here ("5,000 or more"): counting every match of a common
#: name would cost more than the page itself.
COUNT_CAP = 5000
_ROWID: ColumnElement[Any] = literal_column("rescue.rowid")


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows; empty fields do not filter."""

    text: str = ""
    province_code: str | None = None
    post_code: str | None = None
    exploitation_type: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    referral_status: str | None = None
    minors_only: bool = False


@dataclass(frozen=True)
class CaseSort:
    column: str = "operation_date"
    descending: bool = True


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list (no names: the list is shown on a shared screen)."""

    id: str
    case_number: str
    operation_date: dt.date
    province_code: str
    post_code: str
    exploitation_type: str
    victims: int
    minors: int


@dataclass(frozen=True)
class CasePage:
    rows: list[CaseRow]
    #: Pass back as `after` to read the next page; None when this was the last page.
    next_cursor: tuple[Any, ...] | None


#: Both schemes: `POIPET-2025-0001` and `POIPET-2026-A-0001` / `PAILIN-2026-POIPET.A-0001`.
_CASE_NUMBER = re.compile(r"[A-Za-z]{2,16}-\d{1,4}(?:-[A-Za-z0-9.]*)*")


def case_number_prefix(query: str) -> str | None:
    """The start of a case number (`POIPET-2025-01`), upper-cased, or None for other text."""
    q = query.strip()
    return q.upper() if _CASE_NUMBER.fullmatch(q) else None


def _conditions(ws: Workspace, flt: CaseFilter, with_text: bool = True) -> list[ColumnElement[bool]]:
    ws.require(*RECORDERS)
    conds: list[ColumnElement[bool]] = []
    if ws.actor.role is Role.OFFICER:
        conds.append(Rescue.post_code == ws.actor.post_code)
    prefix = case_number_prefix(flt.text)
    if with_text and prefix:
        # A case number is looked up on its unique index: its trigrams ("POI", "-20" …) are
        # in every case of the post, which makes the full-text index slow for it.
        conds += [Rescue.case_number >= prefix, Rescue.case_number < prefix + "\U0010ffff"]
    elif with_text and flt.text.strip():
        conds.append(Rescue.id.in_(search.matching_rescue_ids(flt.text)))
    if flt.province_code:
        conds.append(Rescue.province_code == flt.province_code)
    if flt.post_code:
        conds.append(Rescue.post_code == flt.post_code)
    if flt.exploitation_type:
        conds.append(Rescue.exploitation_type == flt.exploitation_type)
    if flt.date_from:
        conds.append(Rescue.operation_date >= flt.date_from)
    if flt.date_to:
        conds.append(Rescue.operation_date <= flt.date_to)
    if flt.minors_only:
        conds.append(exists().where(Victim.rescue_id == Rescue.id, Victim.is_minor.is_(True)))
    if flt.referral_status:
        status = ReferralStatus(flt.referral_status).value
        conds.append(exists().where(Victim.rescue_id == Rescue.id, Referral.victim_id == Victim.id,
                                    Referral.status == status))
    return conds


def case_page(ws: Workspace, flt: CaseFilter = CaseFilter(), sort: CaseSort = CaseSort(),
              after: tuple[Any, ...] | None = None, limit: int = PAGE_SIZE) -> CasePage:
    """One page of the cases this user may see, read by keyset (fast on any page)."""
    if sort.column not in SORTABLE:
        raise InvalidInput("sort: one of {sortable}", sortable=SORTABLE)
    victims = (select(func.count()).where(Victim.rescue_id == Rescue.id)
               .correlate(Rescue).scalar_subquery())
    minors = (select(func.count()).where(Victim.rescue_id == Rescue.id, Victim.is_minor.is_(True))
              .correlate(Rescue).scalar_subquery())
    shown = (Rescue.id, Rescue.case_number, Rescue.operation_date, Rescue.province_code,
             Rescue.post_code, Rescue.exploitation_type, victims, minors)
    if sort.column == "recorded" and flt.text.strip() and not case_number_prefix(flt.text):
        q = _recorded_search(ws, flt, shown, after, limit, sort.descending)
    else:
        column = sort.column
        if column == "recorded" and flt.text.strip():
            column = "case_number"  # a case-number search: newest numbers first, off its index
        keys = (*SORTABLE[column], _ROWID) if column != "recorded" else (_ROWID,)
        conds = _conditions(ws, flt)
        if after is not None:
            key, cursor = tuple_(*keys), tuple_(*after)
            conds.append(key < cursor if sort.descending else key > cursor)
        order = [k.desc() if sort.descending else k.asc() for k in keys]
        q = select(*shown, *keys).where(*conds).order_by(*order).limit(limit)
    with ws.tx() as s:
        raw = s.execute(q).all()
    rows = [CaseRow(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6]), int(r[7])) for r in raw]
    last = raw[-1] if raw else None
    cursor_out = (tuple(_sort_value(v) for v in last[8:]) if last is not None and len(raw) == limit
                  else None)
    return CasePage(rows, cursor_out)


def _recorded_search(ws: Workspace, flt: CaseFilter, shown: tuple[Any, ...],
                     after: tuple[Any, ...] | None, limit: int, descending: bool) -> Any:
    """Matches in the order they were recorded, read from the FTS index a page at a time.

    FTS5 hands back its matches in rowid order and stops at LIMIT, so a common name
    ("Sok", "សុខ") costs a page, not every match; the other filters join on each match.
    """
    found = search.match(flt.text)
    conds = [*_conditions(ws, flt, with_text=False), found.condition]
    key = found.key
    if after is not None:
        conds.append(key < after[0] if descending else key > after[0])
    joined = found.source.join(Rescue, Rescue.id == search.SEARCH_DOC.c.rescue_id)
    return (select(*shown, key).select_from(joined)
            .where(*conds).order_by(key.desc() if descending else key.asc()).limit(limit))


def _sort_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def count_cases(ws: Workspace, flt: CaseFilter = CaseFilter(), cap: int | None = None) -> int:
    """How many cases match; with `cap`, counting stops past it (returns cap + 1)."""
    conds = _conditions(ws, flt)
    with ws.tx() as s:
        if cap is None:
            return int(s.scalar(select(func.count()).select_from(Rescue).where(*conds)) or 0)
        inner = select(Rescue.id).where(*conds).limit(cap + 1).subquery()
        return int(s.scalar(select(func.count()).select_from(inner)) or 0)


# -- status bar and sync -----------------------------------------------------------------
def pending_changes(ws: Workspace) -> int:
    """Changes recorded here that HQ has not acknowledged yet (`store.unsent`, one definition)."""
    with ws.tx() as s:
        return unsent_count(s)


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    post_code: str
    hq_url: str | None
    acked_seq: int


def device_info(ws: Workspace) -> DeviceInfo:
    with ws.tx() as s:
        device = s.scalars(select(Device)).first()
        if device is None:
            return DeviceInfo("", ws.actor.post_code, None, 0)
        return DeviceInfo(device.id, device.post_code, device.hq_url, device.acked_seq)


# -- reference data ----------------------------------------------------------------------
@dataclass(frozen=True)
class Choice:
    code: str
    en: str
    km: str
    #: For a post: its province's code (lists of posts follow the chosen province).
    province: str = ""


@dataclass(frozen=True)
class Choices:
    provinces: list[Choice]
    posts: list[Choice]
    providers: list[Choice]
    centres: list[Choice]


def reference_choices(ws: Workspace) -> Choices:
    """Provinces, posts and providers as stored on this device (HQ may have updated them)."""
    with ws.tx() as s:
        provinces = [Choice(p.code, p.name_en, p.name_km)
                     for p in s.scalars(select(Province).order_by(Province.name_en))]
        posts = [Choice(p.code, p.name_en, p.name_km, p.province_code or "")
                 for p in s.scalars(select(Post).order_by(Post.name_en))]
        prov = list(s.scalars(select(ServiceProvider).order_by(ServiceProvider.name_en)))
    return Choices(provinces, posts, [Choice(p.code, p.name_en, p.name_km) for p in prov],
                   [Choice(p.code, p.name_en, p.name_km) for p in prov if p.is_centre])


# -- case extras -------------------------------------------------------------------------
@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    username: str
    action: str
    entity: str
    entity_id: str


@dataclass(frozen=True)
class AttachmentRow:
    """An attachment's description; the file stays encrypted until opened into memory."""

    id: str
    owner_entity: str
    owner_id: str
    filename: str
    mime: str
    size: int


@dataclass
class CaseExtras:
    audit: list[AuditRow] = field(default_factory=list)
    attachments: list[AttachmentRow] = field(default_factory=list)


def _case_ids(ws: Workspace, rescue_id: str) -> list[str]:
    case = get_case(ws, rescue_id)  # checks the user may see this case
    ids = [case.rescue.id]
    ids += [v.id for v in case.victims] + [x.id for x in case.suspects]
    ids += [x.id for x in case.statements] + [x.id for x in case.referrals]
    return ids


def case_extras(ws: Workspace, rescue_id: str, audit_limit: int = 500) -> CaseExtras:
    """The audit trail and attachment list of one case (newest audit events first)."""
    with ws.tx() as s:
        ids = _case_ids(ws, rescue_id)
        audit = [AuditRow(a.at, a.username, a.action, a.entity, a.entity_id)
                 for a in s.scalars(select(AuditEvent).where(AuditEvent.entity_id.in_(ids))
                                    .order_by(AuditEvent.seq.desc()).limit(audit_limit))]
        attachments = [AttachmentRow(a.id, a.owner_entity, a.owner_id, a.filename, a.mime, a.size)
                       for a in s.scalars(select(Attachment).where(Attachment.owner_id.in_(ids))
                                          .order_by(Attachment.created_at))]
    return CaseExtras(audit, attachments)


# -- reports and supervision -------------------------------------------------------------
@dataclass(frozen=True)
class Summary:
    rescues: int
    victims: int
    minors: int
    by_type: dict[str, int]
    by_province: dict[str, int]
    referrals_by_status: dict[str, int]


def summary(ws: Workspace) -> Summary:
    """Counts for the Reports screen over the cases this user may see."""
    conds = _conditions(ws, CaseFilter())
    with ws.tx() as s:
        rescues = int(s.scalar(select(func.count()).select_from(Rescue).where(*conds)) or 0)
        vq = select(func.count(), func.count().filter(Victim.is_minor.is_(True))).join(
            Rescue, Rescue.id == Victim.rescue_id).where(*conds)
        victims, minors = s.execute(vq).one()
        by_type = dict(s.execute(select(Rescue.exploitation_type, func.count())
                                 .where(*conds).group_by(Rescue.exploitation_type)).all())
        by_province = dict(s.execute(select(Rescue.province_code, func.count())
                                     .where(*conds).group_by(Rescue.province_code)).all())
        by_status = dict(s.execute(
            select(Referral.status, func.count()).join(Victim, Victim.id == Referral.victim_id)
            .join(Rescue, Rescue.id == Victim.rescue_id).where(*conds)
            .group_by(Referral.status)).all())
    return Summary(rescues, int(victims or 0), int(minors or 0), by_type, by_province, by_status)


@dataclass(frozen=True)
class ConflictRow:
    referral_id: str
    service: str
    provider_code: str
    status: str


def conflicted_referrals(ws: Workspace) -> list[ConflictRow]:
    """Referrals whose merged events disagree (e.g. completed here, declined there)."""
    ws.require(Role.SUPERVISOR)
    with ws.tx() as s:
        return [ConflictRow(r.id, r.service, r.provider_code, r.status)
                for r in s.scalars(select(Referral).where(Referral.conflicted.is_(True))
                                   .order_by(Referral.created_at))]


__all__ = [
    "CaseFilter",
    "CasePage",
    "CaseRow",
    "CaseSort",
    "case_extras",
    "case_page",
    "conflicted_referrals",
    "count_cases",
    "device_info",
    "pending_changes",
    "reference_choices",
    "summary",
]


@dataclass(frozen=True)
class Today:
    """The day at a glance for the home screen: what is waiting, counted (no names)."""

    drafts: int
    new_referrals: int
    overdue_referrals: int
    #: People recorded from a rescue's quick list whose profile still lacks nationality or
    #: languages (0 for centre staff, who do not record people).
    to_complete: int


def today(ws: Workspace) -> Today:
    """Counts for the home screen of this user (their drafts; referrals and people they see)."""
    from fieldapp.services.drafts import list_drafts
    from fieldapp.services.referrals import referral_queue

    cards = referral_queue(ws)
    new = sum(1 for c in cards if not c.overdue and c.referral.status in
              (ReferralStatus.CREATED, ReferralStatus.SENT))
    overdue = sum(1 for c in cards if c.overdue)
    to_complete = 0
    if ws.actor.role is not Role.CENTRE_STAFF:
        with ws.tx() as s:
            q = select(func.count()).select_from(Victim).where(
                (Victim.nationality == "") | Victim.languages.is_(None)
                | (func.json_array_length(Victim.languages) == 0))
            if ws.actor.role is Role.OFFICER:
                q = q.join(Rescue, Rescue.id == Victim.rescue_id).where(
                    Rescue.post_code == ws.actor.post_code)
            to_complete = int(s.scalar(q) or 0)
    return Today(len(list_drafts(ws)), new, overdue, to_complete)
