"""Exports that leave the device unencrypted: records as CSV or JSON, the HTCDS 2.0 sheet, reports.

Supervisor only, and every export is written to the audit log (format and row counts;
never the path or any name). Statement narratives never leave through an export: a
statement is read through statements.view_statement(), which audits each reading.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.crypto.atomic import private_file
from fieldapp.domain.entities import EXPORTED
from fieldapp.domain.enums import ReferralStatus, Role
from fieldapp.domain.errors import InvalidInput
from fieldapp.domain.referrals import derive_status
from fieldapp.reports import htcds
from fieldapp.reports.definitions import DEFAULT_THRESHOLD, ReportFilter
from fieldapp.reports.render import PdfWriter, no_pdf_writer, write_figures
from fieldapp.reports.suppress import publish
from fieldapp.services import answers, family
from fieldapp.services.figures import figures_for
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit, gazetteer
from fieldapp.store.models import (
    SYNCED_MODELS,
    FollowUp,
    Referral,
    ReferralEvent,
    Rescue,
    ServiceProvider,
    Victim,
)

FORMATS = ("csv", "json", "htcds")
REPORT_FORMATS = ("csv", "json", "pdf")

#: Shown (translated) by the CLI and the window before any export is written.
EXPORT_WARNING = (
    "The exported file is NOT encrypted. Anyone who gets the file or the USB stick can read "
    "every name in it. Keep it only as long as needed, on an encrypted drive, and delete it "
    "after handing it over."
)

#: Record types exported, with the columns left out (never exported): the entity registry's.
RECORDS: tuple[tuple[str, type[Any], frozenset[str]], ...] = tuple(
    (name, SYNCED_MODELS[name], omit) for name, omit in EXPORTED)
_BATCH = 2000


def export(ws: Workspace, fmt: str, out: Path, *, redact: bool = False) -> Path:
    """Write every record (csv, json) or the HTCDS 2.0 flat sheet (htcds) to `out`.

    csv: `out` is a folder, one `<record type>.csv` each. json and htcds: `out` is a file.
    `redact` leaves out names, birth dates and phone numbers. Returns `out`.
    """
    ws.require(Role.SUPERVISOR)
    if fmt not in FORMATS:
        raise InvalidInput("format: must be one of {formats}", formats=FORMATS)
    out = Path(out)
    with ws.tx() as s:
        if fmt == "csv":
            rows = _records_csv(s, out, redact)
        elif fmt == "json":
            rows = _records_json(s, out, redact, ws.actor.post_code)
        else:
            rows = {"victim": _htcds(s, out, redact)}
        audit.append(s, "export", "", "", {"format": fmt, "rows": rows, "redacted": redact})
    return out


def export_report(ws: Workspace, flt: ReportFilter, fmt: str, out: Path, *,
                  threshold: int = DEFAULT_THRESHOLD, as_of: dt.date | None = None,
                  lang: str = "en", pdf_writer: PdfWriter = no_pdf_writer) -> Path:
    """Write the report figures for `flt`, small cells suppressed, as csv, json or pdf
    (a PDF by `pdf_writer`, which the caller chooses: it needs Qt)."""
    ws.require(Role.SUPERVISOR)
    if fmt not in REPORT_FORMATS:
        raise InvalidInput("format: must be one of {report_formats}", report_formats=REPORT_FORMATS)
    published = publish(figures_for(ws, flt, as_of), threshold)
    if fmt == "pdf":
        pdf_writer(published, Path(out), lang)
    else:
        write_figures(published, fmt, Path(out))
    record_report_export(ws, fmt, published.figures.filter, threshold)
    return Path(out)


def record_report_export(ws: Workspace, fmt: str, flt: ReportFilter, threshold: int) -> None:
    """Audit a report that left the device (the window calls this after writing a PDF)."""
    ws.require(Role.SUPERVISOR)
    with ws.tx() as s:
        audit.append(s, "export", "report", "", {
            "format": fmt, "start": flt.start.isoformat(), "end": flt.end.isoformat(),
            "province": flt.province or "", "post": flt.post or "",
            "type": flt.exploitation_type or "", "threshold": threshold})


# -- writing -----------------------------------------------------------------------------
@contextlib.contextmanager
def new_file(path: Path) -> Iterator[IO[str]]:
    """Write `path` through a private temp file (owner-only) renamed into place when done."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with private_file(path, text=True) as f:
        yield f


REDACTED = {"victim": ("name_km", "name_latin", "date_of_birth", "contact_phone",
                       "home_address_detail"),
            "suspect": ("name", "alias"),
            "family_member": ("name", "phone", "home_address_detail")}


def _columns(model: type[Any], skip: frozenset[str]) -> list[str]:
    return [c.key for c in model.__mapper__.column_attrs if c.key not in skip]


def _stream(s: Session, model: type[Any], cols: list[str]) -> Iterator[dict[str, Any]]:
    query = select(*[getattr(model, c) for c in cols]).order_by(model.created_at, model.id)
    for values in s.execute(query.execution_options(yield_per=_BATCH)):
        yield dict(zip(cols, values, strict=True))


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(_plain(value))


def _redact(entity: str, row: dict[str, Any], redact: bool) -> dict[str, Any]:
    if redact:
        for key in REDACTED.get(entity, ()):
            row[key] = None
        if row.get("extra"):
            # An imported form's extra answers may name or locate a person: left out.
            row["extra"] = {}
    return row


def _records_csv(s: Session, folder: Path, redact: bool) -> dict[str, int]:
    if folder.exists() and not folder.is_dir():
        raise InvalidInput("out: for csv give a folder (one file per record type is written)")
    counts: dict[str, int] = {}
    for entity, model, skip in RECORDS:
        cols = _columns(model, skip)
        n = 0
        with new_file(folder / f"{entity}.csv") as f:
            w = csv.writer(f)
            w.writerow(cols)
            for row in _stream(s, model, cols):
                row = _redact(entity, row, redact)
                w.writerow([_cell(row[c]) for c in cols])
                n += 1
        counts[entity] = n
    return counts


def _records_json(s: Session, path: Path, redact: bool, post: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    with new_file(path) as f:
        head = {"format": "fieldapp-records", "version": 1, "post": post,
                "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "warning": EXPORT_WARNING}
        f.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "records": {')
        for i, (entity, model, skip) in enumerate(RECORDS):
            cols = _columns(model, skip)
            f.write(("," if i else "") + f"\n{json.dumps(entity)}: [")
            n = 0
            for row in _stream(s, model, cols):
                row = _redact(entity, row, redact)
                f.write(("," if n else "") + "\n" + json.dumps(
                    {k: _plain(v) for k, v in row.items()}, ensure_ascii=False))
                n += 1
            f.write("]")
            counts[entity] = n
        f.write("\n}}\n")
    return counts


def _plans_and_tracing(s: Session) -> tuple[dict[str, list[Any]], dict[str, dict[str, str]]]:
    """Per victim: the case plan's steps, and the latest family-tracing outcome (h13)."""
    plans: dict[str, list[Any]] = defaultdict(list)
    for row in s.execute(select(FollowUp.victim_id, FollowUp.action, FollowUp.due_on,
                                FollowUp.assigned_to, FollowUp.done_on)):
        plans[row[0]].append(tuple(row[1:]))
    tracings: dict[str, dict[str, str]] = {}
    for victim_id, extra in s.execute(
            select(Referral.victim_id, ReferralEvent.extra)
            .join(ReferralEvent, ReferralEvent.referral_id == Referral.id)):
        found = (extra or {}).get("tracing")
        if found and found.get("on", "") >= tracings.get(victim_id, {}).get("on", ""):
            tracings[victim_id] = dict(found)
    return plans, tracings


def _htcds(s: Session, path: Path, redact: bool) -> int:
    providers = dict(s.execute(select(ServiceProvider.code, ServiceProvider.name_en)).all())
    events: dict[str, list[tuple[str, ReferralStatus]]] = defaultdict(list)
    for ref_id, hlc, kind in s.execute(select(ReferralEvent.referral_id, ReferralEvent.hlc,
                                              ReferralEvent.kind)):
        stamps = hlc or {}
        try:
            events[ref_id].append((str(stamps.get("kind") or stamps.get("*") or ""),
                                   ReferralStatus(kind)))
        except ValueError:
            continue
    refs: dict[str, list[htcds.ReferralInfo]] = defaultdict(list)
    for ref_id, victim_id, service, provider, created in s.execute(
            select(Referral.id, Referral.victim_id, Referral.service, Referral.provider_code,
                   Referral.created_at)):
        status, _ = derive_status(events.get(ref_id, []))
        refs[victim_id].append(htcds.ReferralInfo(
            service, provider, providers.get(provider, provider),
            (status or ReferralStatus.CREATED).value, created))
    rescue_cols = ["id", "created_by", "exploitation_type", "intake_kind", "referring_agency",
                   "referring_country", "foreign_case_number", "handover_date", "crossing_point",
                   "documents_received", "countries_recruitment", "countries_exploitation",
                   "closure_reason", "extra"]
    rescues = {r["id"]: r for r in _stream(s, Rescue, rescue_cols)}
    victim_cols = ["id", "rescue_id", "name_latin", "name_km", "consent_given", "date_of_birth",
                   "sex", "nationality", "contact_phone", "created_at", "consents", "screening",
                   "screened_by", "languages", *family.ADDRESS_FIELDS, "home_address_detail"]
    plans, tracings = _plans_and_tracing(s)
    # Extra answers with an HTCDS name (imported forms) fill their own columns.
    named: set[str] = set()
    for r in rescues.values():
        named.update(answers.htcds_of(r["extra"]))
    for (extra,) in s.execute(select(Victim.extra).execution_options(yield_per=_BATCH)):
        named.update(answers.htcds_of(extra))
    columns = htcds.columns_with(named)
    n = 0
    with new_file(path) as f:
        w = csv.DictWriter(f, fieldnames=list(columns), restval="")
        w.writeheader()
        for v in _stream(s, Victim, [*victim_cols, "extra"]):
            rescue = rescues[v["rescue_id"]]
            v["home_names"] = {f[5:]: gazetteer.name(v[f]) for f in family.ADDRESS_FIELDS if v[f]}
            v["follow_ups"] = plans.get(v["id"], [])
            v["tracing"] = tracings.get(v["id"])
            row = htcds.victim_row(rescue, v, refs.get(v["id"], []), redact=redact)
            given = {**answers.htcds_of(rescue["extra"]), **answers.htcds_of(v["extra"])}
            w.writerow(htcds.with_answers(row, given, redact=redact) if given else row)
            n += 1
    return n
