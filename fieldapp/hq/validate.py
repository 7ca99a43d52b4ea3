"""The rules HQ checks on every change inside a valid envelope, before it touches a record.

One function, `check_change`, in this order:

1. **Schema** (`fieldapp.sync.schema`, derived from the store models): known record type,
   known fields, types, lengths, vocabularies.
2. **Clock**: no stamp more than `stamp_tolerance_ms` (10 minutes, see
   `fieldapp.domain.hlc.MAX_FUTURE_MS`) ahead of HQ's clock. A stamp further ahead would
   beat every honest edit made until that time.
3. **Entitlement**: officers write their own post's records; a supervisor's device may
   write other posts' records (paper forms) but never moves a record between posts; a
   transit centre only adds events to referrals addressed to it.
4. **Links**: a parent named by a link field (a victim's rescue, a statement's victim, a
   referral's victim, an event's referral, an attachment's owner) exists at HQ and
   belongs to the same post: a centre can never be sent another post's victim. A missing
   parent parks the change as ``missing_parent``; it is retried when the parent arrives.
5. **Immutable records**: an audit event never changes once held (trails only grow); a
   final statement never changes, and a change that finalises one must carry the whole
   snapshot stamped at one time that is not before the statement was first written
   (which is what a forged ``status=final`` stamped in 1970 is not).

A failing change raises `Refused`; the caller parks it with the reason and acknowledges it,
so no single change can stall a device. Reasons name fields and rules, never values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from fieldapp.domain.enums import Role
from fieldapp.domain.hlc import stamp_key
from fieldapp.sync.merge import FINAL, merge_record
from fieldapp.sync.schema import check_fields, field_specs, links

#: Reason codes (the `code` of a parked change).
INVALID = "invalid"
FUTURE_STAMP = "future_stamp"
NOT_ENTITLED = "not_entitled"
MISSING_PARENT = "missing_parent"
WRONG_POST = "wrong_post"
FINAL_STATEMENT = "final_statement"
AUDIT_TRAIL = "audit_trail"
CODES = (INVALID, FUTURE_STAMP, NOT_ENTITLED, MISSING_PARENT, WRONG_POST, FINAL_STATEMENT,
         AUDIT_TRAIL)


class Refused(Exception):
    """A change no device may make; `reason` is one line naming the field and the rule."""

    def __init__(self, code: str, reason: str, *, waiting_for: str | None = None) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason[:300]
        self.waiting_for = waiting_for


@dataclass(frozen=True)
class Held:
    """What HQ holds of one record (the slice of `hq.models.Record` the rules need)."""

    entity: str
    entity_id: str
    post_code: str | None
    centre_code: str | None
    parent_id: str | None
    fields: Mapping[str, Any]


@dataclass(frozen=True)
class Writer:
    """The device a change comes from."""

    post_code: str
    role: str
    centre_code: str | None


Lookup = Callable[[str, str], Held | None]
_stamp_of = itemgetter(1)


def check_change(
    *,
    writer: Writer,
    entity: str,
    entity_id: str,
    post_code: str,
    fields: Mapping[str, list[Any]],
    lookup: Lookup,
    horizon_ms: int,
) -> str:
    """Check one change; return the post the record belongs to, or raise `Refused`."""
    reason = check_fields(entity, fields)
    if reason:
        raise Refused(INVALID, reason)
    # Each distinct stamp once (a change's fields mostly share one); the first field
    # carrying a stamp too far ahead is named.
    late = {s for s in set(map(_stamp_of, fields.values())) if stamp_key(str(s))[0] > horizon_ms}
    for name, entry in fields.items() if late else ():
        if entry[1] in late:
            raise Refused(
                FUTURE_STAMP,
                f"{entity}.{name}: clock stamp is ahead of HQ's clock by more than the "
                "tolerance; correct the device's date and time",
            )
    existing = lookup(entity, entity_id)
    post = _entitled_post(writer, entity, post_code, fields, existing, lookup)
    _check_links(entity, post, fields, lookup)
    if entity == "suspect":
        _check_identified_by(writer, post, fields, lookup)
    if existing is not None:
        _check_immutable(entity, existing, fields)
    elif entity == "statement":
        _check_finalisation(fields, None)
    return post


#: What a centre may write on a referral addressed to it: the return it records (h13).
CENTRE_REFERRAL_FIELDS = frozenset({"outcome", "return_details"})


def _value(fields: Mapping[str, Any], name: str) -> Any:
    entry = fields.get(name)
    return entry[0] if entry else None


def _entitled_post(
    writer: Writer,
    entity: str,
    post_code: str,
    fields: Mapping[str, list[Any]],
    existing: Held | None,
    lookup: Lookup,
) -> str:
    if writer.role == Role.CENTRE_STAFF:
        if entity == "audit_event":
            return writer.post_code
        if entity == "referral" and existing is not None and set(fields) <= CENTRE_REFERRAL_FIELDS:
            # h13: the structured return a centre records (outcome and safety assessment).
            if existing.centre_code != writer.centre_code:
                raise Refused(NOT_ENTITLED, "the referral is not addressed to this centre")
            return existing.post_code or writer.post_code
        if entity not in ("referral_event", "follow_up"):
            raise Refused(NOT_ENTITLED, "a transit-centre device may only add referral events")
        ref_id = _value(fields, "referral_id")
        if ref_id is None and existing is not None:
            ref_id = (existing.parent_id if entity == "referral_event"
                      else _value(existing.fields, "referral_id"))
        referral = lookup("referral", str(ref_id)) if ref_id is not None else None
        if referral is None or referral.centre_code != writer.centre_code:
            raise Refused(NOT_ENTITLED, "the referral is not addressed to this centre")
        if entity == "follow_up":
            # h13: a centre plans follow-ups only for a person referred to it.
            victim_id = _value(fields, "victim_id") or (existing.parent_id if existing else None)
            if victim_id != referral.parent_id:
                raise Refused(NOT_ENTITLED, "a follow-up is for the referral's own person")
        elif existing is not None and existing.parent_id != referral.entity_id:
            raise Refused(NOT_ENTITLED, "an event cannot move to another referral")
        # Events belong to the referral's post, so the post's devices see them too.
        return referral.post_code or writer.post_code
    if entity == "person_link" and existing is not None:
        return _link_post(writer, existing, lookup)
    if writer.role == Role.NATIONAL and entity not in ("person_link", "audit_event"):
        raise Refused(NOT_ENTITLED, "the national desk decides possible matches only; cases "
                                    "are recorded and changed at the posts")
    # Officers write their own post's records. A supervisor's device may also record cases
    # for other posts (paper forms from a post without a laptop); each record names its
    # post, and a record never moves from one post to another.
    post = post_code if writer.role == Role.SUPERVISOR else writer.post_code
    if post_code != post:
        raise Refused(
            NOT_ENTITLED,
            f"this device belongs to post {writer.post_code}, not {post_code[:32]}; "
            "a supervisor's device records other posts' cases",
        )
    if existing is not None and existing.post_code != post:
        raise Refused(NOT_ENTITLED, "the record belongs to another post")
    return post


def _link_post(writer: Writer, existing: Held, lookup: Lookup) -> str:
    """A decision on a possible match: from the national desk or a device of either
    person's post (HQ shares the link with both, `hq.desk`); the link keeps its post."""
    kind = str(_value(existing.fields, "entity") or "victim")
    posts = {existing.post_code}
    for side in ("a_id", "b_id"):
        person = lookup(kind, str(_value(existing.fields, side)))
        if person is not None:
            posts.add(person.post_code)
    if writer.role != Role.NATIONAL and writer.post_code not in posts:
        raise Refused(NOT_ENTITLED, "this possible match joins people of other posts")
    return existing.post_code or writer.post_code


def _check_links(
    entity: str, post: str, fields: Mapping[str, list[Any]], lookup: Lookup
) -> None:
    pairs = [(name, parent, _value(fields, name)) for name, parent in links(entity).items()]
    if entity == "attachment":
        owner_entity = _value(fields, "owner_entity")
        if isinstance(owner_entity, str) and field_specs(owner_entity):
            pairs.append(("owner_id", owner_entity, _value(fields, "owner_id")))
    for name, parent_entity, parent_id in pairs:
        if parent_id is None:
            continue
        parent = lookup(parent_entity, str(parent_id))
        if parent is None:
            raise Refused(
                MISSING_PARENT,
                f"{entity}.{name}: the {parent_entity} it belongs to is not at HQ (yet)",
                waiting_for=str(parent_id)[:64],
            )
        if parent.post_code != post:
            raise Refused(
                WRONG_POST,
                f"{entity}.{name}: the {parent_entity} belongs to another post than this "
                f"{entity}",
            )


def _check_identified_by(writer: Writer, post: str, fields: Mapping[str, list[Any]],
                         lookup: Lookup) -> None:
    """Who identified a suspect: victims HQ holds, of the suspect's post, or of any post from
    a supervisor's device (which may link a suspect to other posts' cases). The device checks
    they are victims of the suspect's own cases; HQ sees no further cases per suspect."""
    named = _value(fields, "identified_by")
    if not named:
        return
    if not isinstance(named, list):
        raise Refused(INVALID, "suspect.identified_by: a list of victim ids")
    for victim_id in named:
        victim = lookup("victim", str(victim_id))
        if victim is None:
            raise Refused(MISSING_PARENT, "suspect.identified_by: a victim it names is not at HQ "
                                          "(yet)", waiting_for=str(victim_id)[:64])
        if victim.post_code != post and writer.role != Role.SUPERVISOR:
            raise Refused(WRONG_POST, "suspect.identified_by: names a victim of another post")


def _check_immutable(entity: str, existing: Held, fields: Mapping[str, list[Any]]) -> None:
    if entity == "audit_event":
        merged, _ = merge_record(entity, existing.fields, fields)
        if merged != {k: [v[0], str(v[1])] for k, v in existing.fields.items()}:
            raise Refused(AUDIT_TRAIL, "an audit event never changes once recorded")
        return
    if entity != "statement":
        return
    _check_finalisation(fields, existing)
    if _value(existing.fields, "status") != FINAL:
        return
    if _value(fields, "status") == FINAL:
        return  # an earlier finalisation made elsewhere (checked above): the merge keeps it
    held = {k: [v[0], str(v[1])] for k, v in existing.fields.items()}
    if any(held.get(k) != [v[0], str(v[1])] for k, v in fields.items()):
        # The merge would ignore it; refusing tells the device its edit did not count.
        raise Refused(FINAL_STATEMENT, "a final statement never changes; record an amendment")


def _check_finalisation(fields: Mapping[str, list[Any]], existing: Held | None) -> None:
    """A change that finalises a statement is its whole snapshot, stamped at one time that
    is not before the statement was first written."""
    status = fields.get("status")
    if status is None or status[0] != FINAL:
        return
    stamp = str(status[1])
    missing = set(field_specs("statement")) - set(fields)
    if missing or any(str(entry[1]) != stamp for entry in fields.values()):
        raise Refused(
            FINAL_STATEMENT,
            "a statement is finalised with its whole content stamped at one time",
        )
    if existing is not None and existing.fields:
        first = min(stamp_key(str(e[1])) for e in existing.fields.values())
        if stamp_key(stamp) < first:
            raise Refused(
                FINAL_STATEMENT,
                "a statement cannot be finalised before it was written (clock stamp too early)",
            )
