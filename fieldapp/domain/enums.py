"""Closed vocabularies shared by records, forms, sync and reports (values are stored as text)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"
    CENTRE_STAFF = "centre_staff"
    SUPERVISOR = "supervisor"


class ExploitationType(StrEnum):
    LABOUR = "labour"
    SEXUAL = "sexual_exploitation"
    FORCED_MARRIAGE = "forced_marriage"
    ONLINE_SCAM = "online_scam"
    BEGGING = "begging"
    OTHER = "other"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class SuspectRole(StrEnum):
    RECRUITER = "recruiter"
    BROKER = "broker"
    TRANSPORTER = "transporter"
    EMPLOYER = "employer"
    OTHER = "other"


class SuspectStatus(StrEnum):
    AT_LARGE = "at_large"
    ARRESTED = "arrested"
    SENT_TO_COURT = "sent_to_court"
    CONVICTED = "convicted"


class Service(StrEnum):
    SHELTER = "shelter"
    MEDICAL = "medical"
    PSYCHOSOCIAL = "psychosocial"
    LEGAL_AID = "legal_aid"
    FAMILY_TRACING = "family_tracing"
    REPATRIATION = "repatriation"
    REINTEGRATION = "reintegration"
    EDUCATION = "education"
    VOCATIONAL = "vocational"


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


class ReferralStatus(StrEnum):
    CREATED = "created"
    SENT = "sent"
    ACCEPTED = "accepted"
    IN_SERVICE = "in_service"
    COMPLETED = "completed"
    DECLINED = "declined"
    CANCELLED = "cancelled"


class StatementStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class PostKind(StrEnum):
    BORDER_POST = "border_post"
    TRANSIT_CENTRE = "transit_centre"
    HQ = "hq"
