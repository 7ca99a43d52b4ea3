"""HQ database tables (SQLAlchemy 2 declarative); the schema itself is made by migrations."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# SQLite only autoincrements an INTEGER PRIMARY KEY; PostgreSQL wants 64 bits.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    pass


class Device(Base):
    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    post_code: Mapped[str] = mapped_column(String(32), index=True)
    role: Mapped[str] = mapped_column(String(20))
    centre_code: Mapped[str | None] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(100), default="")
    ed25519_public: Mapped[bytes] = mapped_column(LargeBinary(32))
    x25519_public: Mapped[bytes] = mapped_column(LargeBinary(32))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_skew_ms: Mapped[int | None] = mapped_column(BigInteger)
    acked_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    #: The device's audit trail (a push's audit part, `hq.ingest`): every event 1..this seq
    #: is held, the last one's hash, and the first event whose hash did not verify.
    audit_acked_seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    audit_tip: Mapped[str | None] = mapped_column(String(64))
    audit_broken_seq: Mapped[int | None] = mapped_column(BigInteger)
    #: The case-number series HQ handed this device at enrolment (unique per post).
    case_code: Mapped[str | None] = mapped_column(String(8))


class EnrolmentCode(Base):
    __tablename__ = "enrolment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    post_code: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(20))
    centre_code: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    used_by: Mapped[str | None] = mapped_column(String(64))


class Record(Base):
    """The merged state of one record: per field the winning [value, hlc]."""

    __tablename__ = "records"
    __table_args__ = (
        UniqueConstraint("entity", "entity_id", name="uq_records_entity"),
        # A post's feed in order: each pull page is one range read (`hq.feed`).
        Index("ix_records_post_feed", "post_code", "server_seq"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    post_code: Mapped[str | None] = mapped_column(String(32), index=True)
    centre_code: Mapped[str | None] = mapped_column(String(32), index=True)
    parent_id: Mapped[str | None] = mapped_column(String(64), index=True)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    server_seq: Mapped[int] = mapped_column(BigInteger, index=True)


class ChangeLog(Base):
    """Every change applied, once; origin NULL for HQ-made entries (reference data, re-sends)."""

    __tablename__ = "change_log"
    __table_args__ = (UniqueConstraint("origin_device", "origin_seq", name="uq_change_origin"),)

    server_seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    origin_device: Mapped[str | None] = mapped_column(String(64))
    origin_seq: Mapped[int | None] = mapped_column(BigInteger)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReferralConflict(Base):
    __tablename__ = "referral_conflicts"

    referral_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str | None] = mapped_column(String(20))
    outcomes: Mapped[list[str]] = mapped_column(JSON)
    detected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class SeenEnvelope(Base):
    __tablename__ = "seen_envelopes"

    envelope_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class Attachment(Base):
    """A resumable upload of one encrypted attachment file (stored as received)."""

    __tablename__ = "attachments"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AttachmentChunk(Base):
    __tablename__ = "attachment_chunks"

    attachment_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))


class ParkedChange(Base):
    """A pushed change HQ refused (`fieldapp.hq.validate`): kept with its reason, acknowledged.

    ``state`` is parked, released (applied after a fix) or discarded. The row stays in
    every state, so the device's acknowledgement watermark never moves back.
    """

    __tablename__ = "parked_changes"
    __table_args__ = (UniqueConstraint("device_id", "seq", name="uq_parked_origin"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(64), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(String(300))
    #: The parent record a ``missing_parent`` change waits for (retried when it arrives).
    waiting_for: Mapped[str | None] = mapped_column(String(64), index=True)
    #: The change as received (through `hq.service.stored_change`, one place to seal it).
    change: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(16), index=True)
    parked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SharedRecord(Base):
    """A further post that sees a record (`fieldapp.hq.desk`): a person_link reaches the
    posts of both people it joins, not only the post it was filed under."""

    __tablename__ = "shared_records"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    post_code: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)


class ReportRow(Base):
    """What the national figures read of one record, in narrow columns (`fieldapp.hq.figures`).

    Kept in the same transaction as the record. Nothing here identifies a person: no
    names, no birth date (a victim's age at the case's date instead), no narratives.
    `rescue_id`/`op_date` are the case a record belongs to, so a report reads one date range.
    """

    __tablename__ = "report_rows"
    __table_args__ = (Index("ix_report_rows_entity_op_date", "entity", "op_date"),
                      Index("ix_report_rows_entity_k4", "entity", "k4"))

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rescue_id: Mapped[str | None] = mapped_column(String(64), index=True)
    op_date: Mapped[date | None] = mapped_column(Date)
    k1: Mapped[str | None] = mapped_column(String)
    k2: Mapped[str | None] = mapped_column(String)
    k3: Mapped[str | None] = mapped_column(String)
    k4: Mapped[str | None] = mapped_column(String)
    flag: Mapped[bool | None] = mapped_column(Boolean)
    num: Mapped[int | None] = mapped_column(Integer)
    day: Mapped[date | None] = mapped_column(Date)
    at: Mapped[str | None] = mapped_column(String(40))


class ReportRowsState(Base):
    """One row (id 1) once `report_rows` holds every record (see `fieldapp.hq.figures`)."""

    __tablename__ = "report_rows_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complete: Mapped[bool] = mapped_column(Boolean)


class FigureCase(Base):
    """What one case counts for in the figures (`fieldapp.reports.counters`), kept with
    every batch that touches the case; the device keeps the same table."""

    __tablename__ = "figure_case"

    rescue_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    op_date: Mapped[date | None] = mapped_column(Date, index=True)
    month: Mapped[str | None] = mapped_column(String(7))
    province: Mapped[str | None] = mapped_column(String)
    post: Mapped[str | None] = mapped_column(String)
    type: Mapped[str | None] = mapped_column(String)
    facts: Mapped[str] = mapped_column(Text)


class FigureCount(Base):
    """The cases' facts summed per fact kind, month, province, post, type and fact
    (`reports.counters`)."""

    __tablename__ = "figure_count"
    __table_args__ = (Index("ix_figure_count_fig_b", "fig", "b"),)

    fig: Mapped[str] = mapped_column(String, primary_key=True)
    month: Mapped[str] = mapped_column(String, primary_key=True)
    province: Mapped[str] = mapped_column(String, primary_key=True)
    post: Mapped[str] = mapped_column(String, primary_key=True)
    type: Mapped[str] = mapped_column(String, primary_key=True)
    a: Mapped[str] = mapped_column(String, primary_key=True)
    b: Mapped[str] = mapped_column(String, primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
