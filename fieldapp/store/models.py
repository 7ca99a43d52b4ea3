"""The records, as SQLAlchemy 2 typed models. Synced records carry per-field HLC stamps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    inspect,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from fieldapp.domain.entities import ENTITIES
from fieldapp.domain.hlc import min_stamp
from fieldapp.domain.ids import uuid7
from fieldapp.store.compact import (
    CodedText,
    CompactDetail,
    CompactId,
    CompactStamp,
    CompactStamps,
    DeviceId,
    HexDigest,
    LaterTime,
    MicroDateTime,
    MicroTime,
    SealedJson,
    SealedLongText,
    SealedText,
    unchanged,
)

#: Columns of a synced record that never travel and are never merged: local bookkeeping.
LOCAL_ONLY = frozenset({"updated_at", "out_seq"})


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


#: Table options of a record table keyed by its id alone (issue 16): the id b-tree is the
#: table, so no second copy of every id (rescue keeps its rowid: the case list pages by it).
WITHOUT_ROWID = {"sqlite_with_rowid": False}


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


class Synced:
    """Mixin for records that sync: uuid7 id, who/where made it, and per-field HLC stamps.

    `SYNC_ENTITY` names the record on the wire; `SYNC_EXCLUDE` lists columns that never
    leave the device. Every change to the other columns is stamped and written to the
    outbox by `store.changes` in the same transaction.
    """

    SYNC_ENTITY: ClassVar[str]
    SYNC_EXCLUDE: ClassVar[frozenset[str]] = frozenset({"id", "hlc"})

    id: Mapped[str] = mapped_column(CompactId(36), primary_key=True, default=uuid7)
    created_by: Mapped[str] = mapped_column(String(64), default="")

    def __init__(self, **values: Any) -> None:
        # The id exists from construction, so services never flush just to learn it.
        if "id" not in values:  # (not setdefault: a pulled record brings its id)
            values["id"] = uuid7()
        super().__init__(**values)
    #: Stored as nothing when it is the store's own device (`store.compact.DeviceId`).
    device_id: Mapped[str] = mapped_column(DeviceId(36), default="")
    created_at: Mapped[dt.datetime] = mapped_column(MicroDateTime, default=utcnow)
    #: Stored as nothing until the record changes after its creation (`LaterTime`).
    updated_at: Mapped[dt.datetime] = mapped_column(LaterTime, default=unchanged,
                                                    onupdate=utcnow)
    #: Per-field stamps, compact: {"*": stamp of creation, field: stamp of a later edit}.
    hlc: Mapped[dict[str, Any]] = mapped_column(CompactStamps, default=dict)
    #: Answers a form collected that have no column of their own (an imported XLSForm's
    #: ``occupation``), by question name; ``"@htcds"`` maps question names to HTCDS fields.
    #: One synced, HLC-stamped field like any other (see ``fieldapp.services.answers``).
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")
    #: The seq of the last outbox row that carried this record (None: never sent from here).
    #: Once HQ acknowledged that row it is dropped; should HQ ask again (restored from a
    #: backup), the record is sent under this seq (`sync.outbox.rows_after`).
    out_seq: Mapped[int | None] = mapped_column(Integer)

    def stamp_of(self, field: str) -> str:
        return str(self.hlc.get(field) or self.hlc.get("*", ""))


def synced_columns(model: type[Synced]) -> list[str]:
    """The columns of `model` that sync (each with its own stamp)."""
    return [a.key for a in inspect(model).column_attrs
            if a.key not in model.SYNC_EXCLUDE and a.key not in LOCAL_ONLY]


def stored_stamps(stamps: Mapping[str, str]) -> dict[str, str]:
    """A record's stamps as `Synced.hlc` keeps them, from the stamp of each of its synced
    fields: the smallest as "*" (mostly the only one: an edit stamps its fields alike), and
    each field stamped otherwise."""
    if not stamps:
        return {}
    star = min_stamp(stamps.values())
    return {"*": star, **{k: v for k, v in stamps.items() if v != star}}


# -- reference data ----------------------------------------------------------------------
class Province(Base):
    __tablename__ = "province"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(80))
    name_km: Mapped[str] = mapped_column(String(80))


class Post(Base):
    __tablename__ = "post"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(120))
    name_km: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"))


class ServiceProvider(Base):
    __tablename__ = "service_provider"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_en: Mapped[str] = mapped_column(String(160))
    name_km: Mapped[str] = mapped_column(String(160))
    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"))
    services: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Transit centres are providers whose staff use the app (centre_staff role).
    is_centre: Mapped[bool] = mapped_column(Boolean, default=False)
    #: government | centre | ngo | international | embassy: which sharing consent a referral needs.
    kind: Mapped[str] = mapped_column(String(16), default="ngo")
    #: An embassy's country (ISO 3166-1 alpha-3); blank for every other provider.
    country: Mapped[str] = mapped_column(String(8), default="")


# -- people and devices ------------------------------------------------------------------
#: `Device.sealing` once every statement field of `store.sealing.SEALED_FIELDS` is sealed, and
#: compressed where that is shorter (1: narrative and child protocol only; 2: every field,
#: uncompressed).
SEALING_VERSION = 3


class Device(Base):
    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    post_code: Mapped[str] = mapped_column(ForeignKey("post.code"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    #: Sync state (the sync issue fills these): keys live here, inside the encrypted store.
    hq_url: Mapped[str | None] = mapped_column(String(400))
    signing_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    hpke_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    hq_keys: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    last_hlc: Mapped[str] = mapped_column(CompactStamp(64), default="")
    #: The id HQ gave this device at enrolment (envelopes carry it; None until enrolled).
    hq_device_id: Mapped[str | None] = mapped_column(String(64))
    #: Audit events up to this seq are at HQ or on their way in the outbox: HQ acknowledged
    #: them in a push's audit part (`sync.outbox.audit_part`), or a bundle copied them into
    #: the outbox (`sync.outbox.queue_audit`).
    audit_pushed_seq: Mapped[int] = mapped_column(Integer, default=0)
    #: Outbox rows up to this seq were compacted once HQ acknowledged them: a row that was
    #: its record's `out_seq` left no trace; audit events rest in `OutboxSentAudit`, the
    #: others in `OutboxSent`.
    compacted_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_success_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    #: One line, never record contents.
    last_error: Mapped[str | None] = mapped_column(String(300))
    last_skew_ms: Mapped[int | None] = mapped_column(Integer)
    clock_warning: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    #: This device's case-number series at its post (`domain.ids`): one letter from HQ at
    #: enrolment, or two random letters chosen at the first case of an unenrolled device.
    case_code: Mapped[str | None] = mapped_column(String(8))
    #: Which statement fields this store has sealed, and how (`SEALING_VERSION`); a store
    #: made before is resealed at the next entitled unlock (`store.sealing.seal_existing`).
    sealing: Mapped[int] = mapped_column(Integer, default=SEALING_VERSION, server_default="1")


class User(Base):
    __tablename__ = "user"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(20))
    post_code: Mapped[str] = mapped_column(ForeignKey("post.code"))
    centre_code: Mapped[str | None] = mapped_column(ForeignKey("service_provider.code"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


# -- case records ------------------------------------------------------------------------
class Rescue(Synced, Base):
    __tablename__ = "rescue"
    SYNC_ENTITY = "rescue"
    case_number: Mapped[str] = mapped_column(String(32), unique=True)
    operation_date: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"))
    post_code: Mapped[str] = mapped_column(ForeignKey("post.code"))
    unit: Mapped[str] = mapped_column(String(120), default="")
    exploitation_type: Mapped[str] = mapped_column(String(32))
    notes: Mapped[str] = mapped_column(Text, default="")
    #: h13. "rescue" (an operation) or "handover" (people handed over across a border).
    intake_kind: Mapped[str] = mapped_column(String(16), default="rescue")
    referring_agency: Mapped[str] = mapped_column(String(200), default="")
    referring_country: Mapped[str] = mapped_column(String(8), default="")
    foreign_case_number: Mapped[str] = mapped_column(String(64), default="")
    handover_date: Mapped[dt.date | None] = mapped_column(Date)
    crossing_point: Mapped[str] = mapped_column(String(32), default="")
    documents_received: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: ISO 3166-1 alpha-3 codes; any country other than Cambodia makes the case cross-border.
    countries_recruitment: Mapped[list[str]] = mapped_column(JSON, default=list)
    countries_transit: Mapped[list[str]] = mapped_column(JSON, default=list)
    countries_exploitation: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: A case closed with its reason (casework.close_case); None while open.
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    closure_reason: Mapped[str] = mapped_column(String(32), default="")

    victims: Mapped[list[Victim]] = relationship(back_populates="rescue", lazy="raise")
    suspects: Mapped[list[Suspect]] = relationship(back_populates="rescue", lazy="raise")

    __table_args__ = (
        Index("ix_rescue_post_date", "post_code", "operation_date"),
        Index("ix_rescue_province", "province_code"),
        Index("ix_rescue_type", "exploitation_type"),
        Index("ix_rescue_date", "operation_date"),
    )


class Victim(Synced, Base):
    __tablename__ = "victim"
    SYNC_ENTITY = "victim"
    #: None on a transit centre's device: it receives a referred victim's essentials only.
    rescue_id: Mapped[str | None] = mapped_column(CompactId(36), ForeignKey("rescue.id"), index=True)
    name_km: Mapped[str] = mapped_column(String(200), default="")
    name_latin: Mapped[str] = mapped_column(String(200), default="")
    sex: Mapped[str] = mapped_column(String(16))
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date)
    estimated_age: Mapped[int | None] = mapped_column(Integer)
    #: Not indexed: true of most victims, so the index did not narrow a search (issue 16).
    is_minor: Mapped[bool] = mapped_column(Boolean, default=False)
    nationality: Mapped[str] = mapped_column(String(8), default="")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    documents: Mapped[list[str]] = mapped_column(JSON, default=list)
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    vulnerabilities: Mapped[list[str]] = mapped_column(JSON, default=list)
    consent_given: Mapped[bool] = mapped_column(Boolean, default=False)
    #: h13. "quick" while only the quick list's facts are known; the full form completes
    #: the same record ("complete"), it never adds a second victim.
    intake_stage: Mapped[str] = mapped_column(String(16), default="complete")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The quick list's consent word (not_asked | given | refused | partial).
    consent_status: Mapped[str] = mapped_column(String(16), default="not_asked")
    #: {ConsentKind: "given" | "refused"}, each consent separately; absent = not asked.
    consents: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: "Age disputed - treat as a child": the person counts as a minor until shown otherwise.
    age_disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Screening and identification: only presumed/identified victims are counted as victims.
    #: Not indexed: no query selects by it (the figures count it from their counters).
    screening: Mapped[str] = mapped_column(String(24), default="presumed_victim")
    screened_by: Mapped[str] = mapped_column(String(24), default="")
    screened_on: Mapped[dt.date | None] = mapped_column(Date)
    #: Home address coded to Cambodia's gazetteer (store.gazetteer), any level may be blank;
    #: the detail (house, street) is free text.
    home_province: Mapped[str] = mapped_column(String(8), default="")
    home_district: Mapped[str] = mapped_column(String(8), default="")
    home_commune: Mapped[str] = mapped_column(String(8), default="")
    home_village: Mapped[str] = mapped_column(String(8), default="")
    home_address_detail: Mapped[str] = mapped_column(String(200), default="")
    #: The social worker assigned to the person (a child's case must have one).
    social_worker: Mapped[str] = mapped_column(String(120), default="")

    rescue: Mapped[Rescue] = relationship(back_populates="victims", lazy="raise")

    __table_args__ = (WITHOUT_ROWID,)


class Statement(Synced, Base):
    __tablename__ = "statement"
    SYNC_ENTITY = "statement"
    victim_id: Mapped[str] = mapped_column(CompactId(36), ForeignKey("victim.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    interview_date: Mapped[dt.datetime] = mapped_column(MicroDateTime)
    interviewer: Mapped[str] = mapped_column(SealedText(120), default="")
    interpreter: Mapped[str] = mapped_column(SealedText(120), default="")
    language: Mapped[str] = mapped_column(String(16), default="")
    place: Mapped[str] = mapped_column(SealedText(200), default="")
    child_protocol: Mapped[dict[str, Any]] = mapped_column(SealedJson, default=dict)
    narrative: Mapped[str] = mapped_column(SealedLongText, default="")
    #: A correction of a final statement is a new statement that amends it.
    amends_id: Mapped[str | None] = mapped_column(CompactId(36), ForeignKey("statement.id"))
    final_hash: Mapped[str | None] = mapped_column(HexDigest(64))
    finalised_at: Mapped[dt.datetime | None] = mapped_column(MicroDateTime)
    finalised_by: Mapped[str | None] = mapped_column(String(64))

    #: A rowid table, unlike the other record tables (migration 0016): a statement row is
    #: large (its sealed narrative), and SQLite keeps no more than about 1,000 bytes of a
    #: WITHOUT ROWID row on its page: a longer one took a 4 KB overflow page of its own,
    #: 4.7 KB a statement of 1 to 4 KB where a rowid table takes 1.4 to 4.1.
    __table_args__ = (
        # Few statements amend another: only those are indexed.
        Index("ix_statement_amends_id", "amends_id", sqlite_where=text("amends_id IS NOT NULL")),
    )


class Suspect(Synced, Base):
    __tablename__ = "suspect"
    SYNC_ENTITY = "suspect"
    rescue_id: Mapped[str] = mapped_column(CompactId(36), ForeignKey("rescue.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    alias: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    nationality: Mapped[str] = mapped_column(String(8), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="at_large")
    identified_by: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: HTCDS `per_RoleInProcess` values (multi-select), beside our coarse `role`.
    htcds_roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: A police officer, soldier, border or local official taking part.
    complicit_official: Mapped[bool] = mapped_column(Boolean, default=False)

    rescue: Mapped[Rescue] = relationship(back_populates="suspects", lazy="raise")

    __table_args__ = (WITHOUT_ROWID,)


class SuspectCase(Synced, Base):
    """A suspect linked to a further case (the first is `Suspect.rescue_id`)."""

    __tablename__ = "suspect_case"
    SYNC_ENTITY = "suspect_case"
    suspect_id: Mapped[str] = mapped_column(CompactId(36), ForeignKey("suspect.id"), index=True)
    rescue_id: Mapped[str] = mapped_column(CompactId(36), ForeignKey("rescue.id"), index=True)


class SuspectEvent(Synced, Base):
    """A dated change of a suspect's status (identified, arrested, sent to court, convicted):
    append-only, so "sent to court in year Y" counts by the event's date."""

    __tablename__ = "suspect_event"
    SYNC_ENTITY = "suspect_event"
    suspect_id: Mapped[str] = mapped_column(CompactId(36), ForeignKey("suspect.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    on: Mapped[dt.date] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")


class SuspectIdentifier(Synced, Base):
    """Something a suspect is known by: a phone number, social-media handle, plate, alias."""

    __tablename__ = "suspect_identifier"
    SYNC_ENTITY = "suspect_identifier"
    suspect_id: Mapped[str] = mapped_column(CompactId(36), ForeignKey("suspect.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(200))
    #: The value as matched and searched: digits of a phone, a plate without spaces, folded.
    normalised: Mapped[str] = mapped_column(String(200), index=True)


class PersonLink(Synced, Base):
    """A possible match between two victims (or two suspects) and what a supervisor decided.

    Both records stay as they were: a link only says they are one person. The id is derived
    from the pair, so HQ and a device that find the same pair hold one record, not two.
    """

    __tablename__ = "person_link"
    SYNC_ENTITY = "person_link"
    entity: Mapped[str] = mapped_column(String(16))
    a_id: Mapped[str] = mapped_column(CompactId(36), index=True)
    b_id: Mapped[str] = mapped_column(CompactId(36), index=True)
    #: pending | link | separate
    decision: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    weight: Mapped[float] = mapped_column(Float, default=0.0)
    #: Field -> comparison level (never a value).
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(MicroDateTime)


class FamilyMember(Synced, Base):
    """A victim's parent, relative or guardian: who to trace, who may authorise for a child."""

    __tablename__ = "family_member"
    SYNC_ENTITY = "family_member"
    victim_id: Mapped[str] = mapped_column(CompactId(36), ForeignKey("victim.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    relationship: Mapped[str] = mapped_column(String(24))
    is_guardian: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")
    #: Gazetteer codes as on the victim (blank: lives at the victim's home address).
    home_province: Mapped[str] = mapped_column(String(8), default="")
    home_district: Mapped[str] = mapped_column(String(8), default="")
    home_commune: Mapped[str] = mapped_column(String(8), default="")
    home_village: Mapped[str] = mapped_column(String(8), default="")
    home_address_detail: Mapped[str] = mapped_column(String(200), default="")


class FollowUp(Synced, Base):
    """One step of a person's case plan: what is to be done by when, and when it was done.

    Overdue while ``done_on`` is empty after ``due_on``. Made at the post for its case, or by
    centre staff for a person referred to them (``referral_id`` names that referral)."""

    __tablename__ = "follow_up"
    SYNC_ENTITY = "follow_up"
    victim_id: Mapped[str] = mapped_column(CompactId(36), ForeignKey("victim.id"), index=True)
    referral_id: Mapped[str | None] = mapped_column(CompactId(36), index=True)
    action: Mapped[str] = mapped_column(String(24))
    due_on: Mapped[dt.date] = mapped_column(Date, index=True)
    assigned_to: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    done_by: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(Text, default="")


class CaseTransfer(Synced, Base):
    """A case handed from one post to another (h13). The receiving post gets the whole case
    through HQ; the sending device keeps its copy as read-only history (store.changes)."""

    __tablename__ = "case_transfer"
    SYNC_ENTITY = "case_transfer"
    rescue_id: Mapped[str] = mapped_column(CompactId(36), ForeignKey("rescue.id"), index=True)
    from_post: Mapped[str] = mapped_column(String(16))
    to_post: Mapped[str] = mapped_column(String(16))
    on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")


class Referral(Synced, Base):
    __tablename__ = "referral"
    SYNC_ENTITY = "referral"
    SYNC_EXCLUDE = frozenset({"id", "hlc", "status", "conflicted"})
    victim_id: Mapped[str] = mapped_column(CompactId(36), ForeignKey("victim.id"), index=True)
    service: Mapped[str] = mapped_column(String(32))
    provider_code: Mapped[str] = mapped_column(ForeignKey("service_provider.code"))
    urgency: Mapped[str] = mapped_column(String(16), default="normal")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    #: Derived from the events (a cache for queries), never synced itself.
    status: Mapped[str] = mapped_column(String(16), default="created")
    conflicted: Mapped[bool] = mapped_column(Boolean, default=False)
    #: h13. A referral made although the person's sharing consent is missing or refused:
    #: only a supervisor may, and only with a reason (audited as "consent_override").
    consent_override_reason: Mapped[str] = mapped_column(Text, default="")
    consent_override_by: Mapped[str] = mapped_column(String(64), default="")
    #: A return's outcome: "returned_home", or "alternative_care" when the family was judged
    #: unsafe (then not counted as returned home); blank for other services.
    outcome: Mapped[str] = mapped_column(String(24), default="")
    #: The structured return: {return_date, province, family_safe, safety_notes,
    #: alternative_care_plan, approved_by}; never free text about the family's names.
    return_details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    __table_args__ = (WITHOUT_ROWID,)


class ReferralEvent(Synced, Base):
    __tablename__ = "referral_event"
    SYNC_ENTITY = "referral_event"
    referral_id: Mapped[str] = mapped_column(CompactId(36), ForeignKey("referral.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    services_given: Mapped[list[str]] = mapped_column(JSON, default=list)
    at: Mapped[dt.datetime] = mapped_column(MicroDateTime, default=utcnow)

    __table_args__ = (WITHOUT_ROWID,)


class Attachment(Synced, Base):
    __tablename__ = "attachment"
    SYNC_ENTITY = "attachment"
    SYNC_EXCLUDE = frozenset({"id", "hlc", "file_key"})
    #: Text, not compact: it names the attachment's file and `sync_upload`'s rows.
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    owner_entity: Mapped[str] = mapped_column(String(32))
    owner_id: Mapped[str] = mapped_column(CompactId(36), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    #: Each file has its own AES-256-GCM key, kept only here, inside the encrypted store.
    file_key: Mapped[bytes] = mapped_column(LargeBinary)


# -- bookkeeping -------------------------------------------------------------------------
#: Record kinds as the audit trail and the sent outbox store them (`CodedText`: the index,
#: one byte): the registry's entities in its order, which is therefore a stored format
#: (append only; `tests/store/test_audit.py` holds it). Other kinds are stored as words.
RECORD_NAMES = ("", *(e.name for e in ENTITIES))
#: The audit trail's commonest actions, stored likewise (any other is stored as its word).
AUDIT_ACTIONS = ("create", "update", "created", "sent", "accepted", "in_service", "completed",
                 "declined", "cancelled", "finalise", "amend", "view", "login", "screen",
                 "consent", "close", "transfer", "attach", "export", "init", "enrol",
                 "check", "submit_draft", "discard", "plan_follow_up",
                 "complete_follow_up", "return", "tracing", "refer_onward", "refer_many",
                 "consent_override", "match_confirmed", "match_rejected", "user_add",
                 "passphrase_reset", "escrow_set", "statements_sealed", "bundle_export")
#: An audit event's `device_id` when it is the store's own device (the usual case): nothing
#: stored (an empty blob), not 16 bytes; `store.audit` reads it back as the device's id.
OWN_DEVICE = b""
#: A sent outbox row's post when it is the device's own (a device's post never changes).
OWN_POST = b""


class AuditEvent(Base):
    """Who did what to which record; each row's hash covers the previous row's hash.

    Lean at rest (issue 16): no id (`store.audit.DERIVED_ID`: made from the chain when read;
    an event stored before keeps its 16 bytes), record ids as 16 bytes, a detail's id of a
    record named shortly before as one byte, the time as an integer, no copy of the
    previous hash (it is the previous row's), action and record kind as small integers
    (`CodedText`), the store's own device id as `OWN_DEVICE`, and the hash itself stored only
    at checkpoints (the last event of each commit, and at least every
    `store.audit.CHECKPOINT_EVERY` events; empty text elsewhere): `store.audit` recomputes
    the others from the events, and a changed event fails at the next checkpoint. Read
    through `store.audit`, every value is what it was: text ids, datetimes, hex hashes.
    """

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(CompactId(36), default=uuid7)
    at: Mapped[dt.datetime] = mapped_column(MicroTime, default=utcnow)
    username: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(CompactId(36))
    action: Mapped[str] = mapped_column(CodedText(32, AUDIT_ACTIONS))
    entity: Mapped[str] = mapped_column(CodedText(32, RECORD_NAMES), default="")
    entity_id: Mapped[str] = mapped_column(CompactId(36), default="")
    #: Never names or narrative: ids, field names, counts.
    detail: Mapped[dict[str, Any]] = mapped_column(CompactDetail, default=dict)
    hash: Mapped[str] = mapped_column(HexDigest(64))


class Outbox(Base):
    """A change waiting to be pushed: written in the same transaction as the change."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(16), default="upsert")
    #: {field: value}; every field in one row was changed together and shares `hlc`.
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(CompactStamp(64))
    post_code: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class OutboxSent(Base):
    """An outbox row HQ acknowledged that its record's `Synced.out_seq` does not name: a
    change superseded by a later one of the same record, or an audit event a bundle carried
    (issue 16). Kept lean: which record it carried, not the change. Should HQ's
    acknowledgement go down (restored from a backup) HQ needs every seq again: the change is
    rebuilt from the record as it stands now (`sync.outbox.row_change`)."""

    __tablename__ = "outbox_sent"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(CodedText(32, RECORD_NAMES))
    entity_id: Mapped[str] = mapped_column(CompactId(36))
    #: The record's post; `OWN_POST` when it is the device's own (`sync.outbox.sent_post`).
    post_code: Mapped[str] = mapped_column(String(16))
    #: An audit event's stamp (HQ refuses an audit event sent again with another stamp);
    #: blank for records, whose rebuilt change carries each field's own stamp.
    hlc: Mapped[str] = mapped_column(CompactStamp(64), default="")


class OutboxSentAudit(Base):
    """Audit events HQ acknowledged as changes of their own (a bundle carried them, or a
    release before issue 16 pushed them so), as runs: the outbox seqs `seq` to
    `seq + count - 1` carried the audit events `audit_seq` to `audit_seq + count - 1`.
    Should HQ need them again (restored from a backup), `sync.outbox.rows_after` makes each
    from the audit trail, stamped with `hlc`, the smallest stamp of the run: an HQ that still
    holds an event keeps it as it is (its own stamp is not older), one that does not stores
    it. One row for a push's or a bundle's events, not one row each (migration 0016)."""

    __tablename__ = "outbox_sent_audit"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    count: Mapped[int] = mapped_column(Integer)
    audit_seq: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(CompactStamp(64))


class CaseCounter(Base):
    """Last case number issued per post and year: `<POST>-<YYYY>-<NNNN>`."""

    __tablename__ = "case_counter"
    post_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Draft(Base):
    """A half-filled form, saved within a second of each change (inside the encrypted store)."""

    __tablename__ = "draft"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    username: Mapped[str] = mapped_column(String(64), index=True)
    form_id: Mapped[str] = mapped_column(String(64))
    context: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    __table_args__ = (UniqueConstraint("username", "form_id", "id"),)


SYNCED_MODELS: dict[str, type[Synced]] = {
    m.SYNC_ENTITY: m for m in (Rescue, Victim, Statement, Suspect, Referral, ReferralEvent, Attachment,
                               SuspectCase, SuspectEvent, SuspectIdentifier, PersonLink,
                               FamilyMember, FollowUp, CaseTransfer)
}
