"""Opening and submitting a form: its context and reference lists, and its answers as service calls.

The form never writes SQL. ``prepare()`` works out which form definition applies (the
child statement form for a minor), the context values its expressions read and the
store's reference lists; ``submit()`` turns ``FormState.to_record_values()`` into calls
to the intake, statement and referral services, in ONE transaction together with the
removal of the form's draft — so a failed submit leaves the draft and nothing else.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from fieldapp.domain.entities import FORM_RECORD_ENTITY, FORM_RECORDS
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import Field, InvalidInput, NotFound
from fieldapp.formkit import ChoiceSource, FormDef, choose_form, load_all
from fieldapp.formkit.model import ChoiceList, MetadataField, SelectOneField
from fieldapp.resources import forms_dir
from fieldapp.services import (
    access,
    answers,
    drafts,
    family,
    intake,
    mass_intake,
    referrals,
    statements,
)
from fieldapp.services.changes import Changes
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit, gazetteer, reference
from fieldapp.store.changes import find
from fieldapp.store.models import (
    Attachment,
    Post,
    Province,
    Referral,
    Rescue,
    ServiceProvider,
    Statement,
    Suspect,
    User,
    Victim,
)

KHMER = re.compile(r"[\u1780-\u17FF\u19E0-\u19FF]")
#: Record types that are edited when the context names an existing record.
EDIT_KEYS = {"rescue": "rescue_id", "victim": "victim_id", "suspect": "suspect_id",
             "statement": "statement_id"}
RETURN_SERVICES = ("reintegration", "repatriation")


@functools.cache
def shipped_forms() -> dict[str, FormDef]:
    """Every form in forms/, loaded and checked once per process."""
    return load_all(forms_dir())


@dataclass(frozen=True)
class Prepared:
    """What the renderer needs to open a form: no widget, no session."""

    form: FormDef
    choices: ChoiceSource
    context: dict[str, Any]
    #: Answers of the record being edited, by field name (empty for a new record).
    initial: dict[str, Any] = field(default_factory=dict)
    #: Whom the form is about, for its heading ("for Sok Dara"): names only in the window.
    subject: str = ""


@dataclass(frozen=True)
class Submitted:
    """What a submit created or changed (ids only)."""

    entity: str
    entity_id: str
    rescue_id: str | None = None
    victims: tuple[str, ...] = ()

    @property
    def changes(self) -> Changes:
        """What this submit changed, for the views that show it."""
        kinds = {self.entity} | ({"victim"} if self.victims else set())
        return Changes.of(kinds, [self.rescue_id], [self.entity_id, *self.victims])


# ------------------------------------------------------------------------------ opening
def prepare(ws: Workspace, form_id: str, context: Mapping[str, Any]) -> Prepared:
    """Load what form ``form_id`` needs for ``context`` (rescue_id, victim_id, referral_id…).

    For statements the form is chosen by the victim's age (``choose_form``): asking for
    ``statement`` for a child opens ``statement_child``.
    """
    forms = shipped_forms()
    if form_id not in forms:
        raise NotFound("no form called '{form_id}'", form_id=form_id)
    ctx = {k: v for k, v in context.items() if v is not None}
    subject = ""
    with ws.tx() as s:
        choices = _reference_lists(s)
        if "victim_id" in ctx:
            victim = intake.load_victim(ws, s, ctx["victim_id"])
            subject = " / ".join(x for x in (victim.name_km, victim.name_latin) if x)
            ctx.setdefault("rescue_id", victim.rescue_id)
            rescue = intake.load_rescue(ws, s, str(victim.rescue_id))
            ctx["victim_is_minor"] = bool(victim.is_minor)
            from fieldapp.services import safeguards

            ctx["prior_final_statements"] = safeguards.prior_final_statements(s, victim.id)
            age = (intake.age_on(victim.date_of_birth, rescue.operation_date)
                   if victim.date_of_birth else victim.estimated_age)
            if age is not None:
                ctx["victim_age"] = age
        if "referral_id" in ctx:
            referral = find(s, Referral, ctx["referral_id"])
            if referral is None:
                raise NotFound("no such referral on this device")
            ctx["referral_status"] = referral.status or ""
        if "rescue_id" in ctx:
            intake.load_rescue(ws, s, ctx["rescue_id"])
            people = s.scalars(select(Victim).where(Victim.rescue_id == ctx["rescue_id"])
                               .order_by(Victim.created_at))
            choices = choices.with_list("victims", [
                (v.id, v.name_latin or v.name_km, v.name_km or v.name_latin) for v in people])
        form = forms[form_id]
        if form.applies_when is not None or form.record == "statement":
            variants = {k: v for k, v in forms.items() if v.record == form.record}
            form = choose_form(variants.values(), form.record,
                               {"victim_is_minor": False, "victim_age": None, **ctx})
        initial = _initial(ws, s, form, ctx)
        if not initial:
            initial = _known_defaults(ws, s, form)
    if form.form_id in ("referral", "return_reintegration") and "victim_id" in ctx:
        initial.setdefault("victim_id", ctx["victim_id"])
    if any(isinstance(it, MetadataField) for it in form.walk()):
        # An imported form's deviceid/username questions are filled in by the app.
        ctx.setdefault("username", ws.actor.username)
        ctx.setdefault("deviceid", ws.store.device_id)
    return Prepared(form, choices, ctx, initial, subject)


def _known_defaults(ws: Workspace, s: Any, form: FormDef) -> dict[str, Any]:
    """What the device already knows for a NEW record: its post and province, the officer."""
    names = {item.name for item in form.walk() if getattr(item, "has_value", False)}
    out: dict[str, Any] = {}
    post = find(s, Post, ws.actor.post_code) if ws.actor.post_code else None
    if post is not None and "post_code" in names:
        out["post_code"] = post.code
        if "province_code" in names and post.province_code:
            out["province_code"] = post.province_code
    if "interviewer" in names:
        user = s.scalars(select(User).where(User.username == ws.actor.username)).first()
        out["interviewer"] = (user.display_name if user is not None and user.display_name
                              else ws.actor.username)
    return out


def _reference_lists(s: Any) -> ChoiceSource:
    provinces = [(p.code, p.name_en, p.name_km)
                 for p in s.scalars(select(Province).order_by(Province.name_en))]
    posts = [(p.code, p.name_en, p.name_km, {"province": p.province_code})
             for p in s.scalars(select(Post).order_by(Post.name_en))]
    providers = [(p.code, p.name_en, p.name_km, {"services": " ".join(p.services or [])})
                 for p in s.scalars(select(ServiceProvider).order_by(ServiceProvider.name_en))]
    return (ChoiceSource(_gazetteer_lists()).with_list("provinces", provinces)
            .with_list("posts", posts)
            .with_list("providers", providers)
            .with_list("nationalities", reference.countries())
            .with_list("languages", reference.languages()))


@functools.cache
def _gazetteer_lists() -> dict[str, ChoiceList]:
    """The home-address cascade's four lists (built once: 14,488 villages)."""
    return {f"gazetteer_{level}": ChoiceList.from_rows(f"gazetteer_{level}", gazetteer.rows(level))
            for level, _ in gazetteer.LEVELS}


def _initial(ws: Workspace, s: Any, form: FormDef, ctx: Mapping[str, Any]) -> dict[str, Any]:
    """The stored answers of the record this form edits, if the context names one.

    Through the same checks as every other reading: role and post, and for statements and
    suspects the audited door (`services.access`).
    """
    key = EDIT_KEYS.get(form.record)
    if key == "statement_id" and key not in ctx and "amends_id" in ctx:
        key = "amends_id"  # an amendment starts from the final statement's answers
    if key is None or key not in ctx:
        return {}
    row: Rescue | Victim | Suspect | Statement
    if form.record == "statement":
        row = access.statement(ws, s, ctx[key], via="form")
    elif form.record == "suspect":
        row = access.suspect(ws, s, ctx[key], via="form")
    elif form.record == "victim":
        row = intake.load_victim(ws, s, ctx[key])
    else:
        row = intake.load_rescue(ws, s, ctx[key])
    out: dict[str, Any] = {}
    # Answers kept on records of their own (h13: the victim's guardian, services.family).
    related = {"guardian": family.guardian_answers(s, row)} if isinstance(row, Victim) else {}
    for item in form.walk():
        bind = getattr(item, "bind_name", "")
        if not bind or getattr(item, "is_computed", False) or not item.has_value:
            continue
        head, _, tail = bind.partition(".")
        if head in related:
            value = related[head].get(tail)
            if value not in (None, ""):
                out[item.name] = value
            continue
        if head == "attachments" or not hasattr(row, head):
            continue
        value = getattr(row, head)
        if tail:
            value = (value or {}).get(tail)
        if isinstance(value, bool) and (
                tail or (isinstance(item, SelectOneField) and item.list_name == "yes_no")):
            value = "yes" if value else "no"  # our yes/no question over a boolean column
        if value not in (None, "", [], {}):
            out[item.name] = value
    # Answers without a column of their own come back from the record's extra answers.
    # (An original kept beside a translated column value, prs_Gender's, wins: it is a choice.)
    out.update(answers.initial_from(form, getattr(row, "extra", None)))
    answers.as_choices(form, out)
    return out


# ---------------------------------------------------------------------------- submitting
def submit(ws: Workspace, form_id: str, context: Mapping[str, Any], values: Mapping[str, Any],
           draft_id: str | None = None) -> Submitted:
    """Record the answers of form ``form_id`` (``FormState.to_record_values()``).

    One transaction: the records, the claimed attachments and the draft's removal all
    happen, or none does.
    """
    form = shipped_forms()[form_id]
    handler = _HANDLERS[form.record]
    values = dict(values)
    files = {k: v for k, v in (values.pop("attachments", None) or {}).items() if v}
    # Answers spelled the standard's way become the column's values; answers with no
    # column are kept with the record (answers.keep below): nothing answered is lost.
    htcds_names, extra = answers.translate(form, values)
    unbound, unbound_names = answers.unbound(form, values, _columns_of(form.record))
    extra.update(unbound)
    htcds_names.update(unbound_names)
    with ws.tx() as s:
        result = handler(ws, dict(context), values)
        # Step for unbound answers (kept apart from the handlers): nothing answered is lost.
        if extra and result.entity == _EXTRA_ENTITY.get(form.record):
            answers.keep(s, result.entity, result.entity_id, extra, htcds_names)
        for att_id in files.values():
            claim_attachment(ws, att_id, result.entity, result.entity_id)
        if draft_id:
            drafts.finish_draft(ws, draft_id, result.entity, result.entity_id)
    return result


#: The record an answer without a column of its own is kept on, per form record type.
_EXTRA_ENTITY = FORM_RECORD_ENTITY


def _columns_of(record: str) -> set[str]:
    """What each handler takes from the answers itself (the rest are extra answers)."""
    if record == "rescue":
        return {*intake.RESCUE_FIELDS, "people_found"}
    if record == "victim":
        return set(intake.VICTIM_FIELDS)
    if record == "statement":
        return set(statements.STATEMENT_FIELDS)
    if record == "suspect":
        return set(intake.SUSPECT_FIELDS)
    if record == "referral":
        return {*referrals.REFERRAL_FIELDS, "victim_id"}
    if record == "referral_event":
        return {"action", "notes", "reason", "services_given"}
    if record in _CASEWORK_COLUMNS:
        return set(_CASEWORK_COLUMNS[record])
    return {"victim_id", "return_date", "destination_province", "family_safety",
            "alternative_care_plan", "follow_up_plan", "services_given"}


def claim_attachment(ws: Workspace, attachment_id: str, entity: str, entity_id: str) -> None:
    """Move an attachment stored for a draft onto the record the form created."""
    with ws.tx() as s:
        att = find(s, Attachment, attachment_id)
        if att is None:
            raise NotFound("an attached file is missing from this device; attach it again")
        att.owner_entity = entity
        att.owner_id = entity_id
        audit.append(s, "attach", entity, entity_id, {"attachment": att.id, "from_form": True})


def _pick(values: Mapping[str, Any], spec: Mapping[str, type]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k in spec}


def _need(context: Mapping[str, Any], values: Mapping[str, Any], key: str) -> str:
    value = values.get(key) or context.get(key)
    if not value:
        raise InvalidInput("{key}: open this form from a case", key=Field(key))
    return str(value)


def _rescue(ws: Workspace, ctx: dict[str, Any], values: dict[str, Any]) -> Submitted:
    people = values.pop("people_found", None) or []
    fields = _pick(values, intake.RESCUE_FIELDS)
    if ctx.get("rescue_id"):
        rescue = intake.update_rescue(ws, ctx["rescue_id"], **fields)
    else:
        rescue = intake.create_rescue(ws, **fields)
    # The quick list: each person found becomes ONE quick-listed, pending record that the
    # victim form later completes (mass_intake), never a second victim.
    rows = []
    for n, person in enumerate(people, start=1):
        row = {k: v for k, v in person.items() if k in mass_intake.QUICK_FIELDS}
        row["name"] = (person.get("name") or "").strip() or f"Unnamed person {n}"
        rows.append(row)
    victims = mass_intake.quick_list(ws, rescue.id, rows) if rows else []
    return Submitted("rescue", rescue.id, rescue.id, tuple(victims))


def _victim(ws: Workspace, ctx: dict[str, Any], values: dict[str, Any]) -> Submitted:
    fields = _pick(values, intake.VICTIM_FIELDS)
    if ctx.get("victim_id"):
        victim = intake.update_victim(ws, ctx["victim_id"], **fields)
    else:
        victim = intake.add_victim(ws, _need(ctx, {}, "rescue_id"), **fields)
    return Submitted("victim", victim.id, victim.rescue_id, (victim.id,))


def _statement(ws: Workspace, ctx: dict[str, Any], values: dict[str, Any]) -> Submitted:
    fields = _pick(values, statements.STATEMENT_FIELDS)
    protocol = fields.get("child_protocol")
    if isinstance(protocol, dict) and protocol.get("no_social_worker_reason"):
        if ws.actor.role is Role.SUPERVISOR:  # a supervisor's own answer is the approval
            protocol["social_worker_waived_by"] = ws.actor.username
    if isinstance(protocol, dict):
        # yes/no answers are stored as booleans; an answer that did not apply stays None.
        fields["child_protocol"] = {k: {"yes": True, "no": False}.get(v, v) if isinstance(v, str)
                                    else v for k, v in protocol.items()}
    if ctx.get("statement_id"):
        st = statements.update_statement(ws, ctx["statement_id"], **fields)
    elif ctx.get("amends_id"):
        st = statements.amend_statement(ws, ctx["amends_id"], **fields)
    else:
        st = statements.record_statement(ws, _need(ctx, {}, "victim_id"), **fields)
    return Submitted("statement", st.id, ctx.get("rescue_id"), (st.victim_id,))


def _suspect(ws: Workspace, ctx: dict[str, Any], values: dict[str, Any]) -> Submitted:
    fields = _pick(values, intake.SUSPECT_FIELDS)
    if ctx.get("suspect_id"):
        suspect = intake.update_suspect(ws, ctx["suspect_id"], **fields)
    else:
        suspect = intake.add_suspect(ws, _need(ctx, {}, "rescue_id"), **fields)
    return Submitted("suspect", suspect.id, suspect.rescue_id)


def _referral(ws: Workspace, ctx: dict[str, Any], values: dict[str, Any]) -> Submitted:
    victim_id = _need(ctx, values, "victim_id")
    ref = referrals.create_referral(ws, victim_id, **_pick(values, referrals.REFERRAL_FIELDS))
    return Submitted("referral", ref.id, ctx.get("rescue_id"), (victim_id,))


def _referral_event(ws: Workspace, ctx: dict[str, Any], values: dict[str, Any]) -> Submitted:
    ref_id = _need(ctx, {}, "referral_id")
    action = values.get("action")
    notes = (values.get("notes") or "").strip()
    given = list(values.get("services_given") or [])
    if action == "accept":
        ref = referrals.accept_referral(ws, ref_id)
    elif action == "decline":
        reason = (values.get("reason") or "").strip()
        ref = referrals.decline_referral(ws, ref_id, f"{reason}\n{notes}" if notes else reason)
    elif action == "start_service":
        ref = referrals.start_service(ws, ref_id, given)
    elif action == "complete":
        ref = referrals.complete_referral(ws, ref_id, given, notes)
    else:
        raise InvalidInput("action: choose what happened to the referral")
    return Submitted("referral", ref.id, ctx.get("rescue_id"), (ref.victim_id,))


def _return(ws: Workspace, ctx: dict[str, Any], values: dict[str, Any]) -> Submitted:
    """A return completes the victim's open reintegration (or repatriation) referral, with the
    family's safety assessment as data (casework.record_return)."""
    from fieldapp.services import casework

    victim_id = _need(ctx, values, "victim_id")
    ref = casework.open_return_referral(ws, victim_id)
    casework.record_return(
        ws, ref.id, return_date=values.get("return_date") or "",
        province_code=str(values.get("destination_province") or ""),
        family_safety=str(values.get("family_safety") or ""),
        alternative_care_plan=str(values.get("alternative_care_plan") or ""),
        follow_up_plan=str(values.get("follow_up_plan") or ""),
        services_given=list(values.get("services_given") or []))
    return Submitted("referral", ref.id, ctx.get("rescue_id"), (victim_id,))


def _family_member(ws: Workspace, ctx: dict[str, Any], values: dict[str, Any]) -> Submitted:
    victim_id = _need(ctx, values, "victim_id")
    fields = _pick(values, family.MEMBER_FIELDS)
    member = family.save_member(ws, victim_id, ctx.get("member_id"), **fields)
    return Submitted("family_member", member.id, ctx.get("rescue_id"), (victim_id,))


def _follow_up(ws: Workspace, ctx: dict[str, Any], values: dict[str, Any]) -> Submitted:
    """A step of the case plan: for the chosen person, or (at a centre) the referral's."""
    from fieldapp.services import caseplan

    referral_id = ctx.get("referral_id")
    if referral_id and not values.get("victim_id"):
        with ws.tx() as s:
            values["victim_id"] = referrals._load_for_centre(ws, s, referral_id).victim_id
    victim_id = _need(ctx, values, "victim_id")
    step = caseplan.plan_follow_up(
        ws, victim_id, action=str(values.get("action") or ""), due_on=values.get("due_on") or "",
        assigned_to=str(values.get("assigned_to") or ""), note=str(values.get("note") or ""),
        referral_id=referral_id)
    return Submitted("follow_up", step.id, ctx.get("rescue_id"), (victim_id,))


def _tracing(ws: Workspace, ctx: dict[str, Any], values: dict[str, Any]) -> Submitted:
    from fieldapp.services import casework

    ref = casework.record_tracing(
        ws, _need(ctx, {}, "referral_id"), str(values.get("outcome") or ""),
        on=values.get("traced_on"), by=str(values.get("traced_by") or ""),
        note=str(values.get("note") or ""))
    return Submitted("referral", ref.id, ctx.get("rescue_id"), (ref.victim_id,))


#: What the case-work forms' handlers take from the answers (h13).
_CASEWORK_COLUMNS = {
    "family_member": ("victim_id", *family.MEMBER_FIELDS),
    "follow_up": ("victim_id", "action", "due_on", "assigned_to", "note"),
    "tracing": ("outcome", "traced_on", "traced_by", "note"),
}

_HANDLER_OF = {
    "rescue": _rescue,
    "victim": _victim,
    "statement": _statement,
    "suspect": _suspect,
    "referral": _referral,
    "referral_event": _referral_event,
    "return_reintegration": _return,
    "family_member": _family_member,
    "follow_up": _follow_up,
    "tracing": _tracing,
}
#: One handler per form record the entity registry names (a KeyError here on import means a
#: registry form record has no handler yet).
_HANDLERS = {record: _HANDLER_OF[record] for record in sorted(FORM_RECORDS)}
