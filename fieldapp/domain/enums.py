"""Closed vocabularies shared by records, forms, sync and reports (values are stored as text)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"
    CENTRE_STAFF = "centre_staff"
    SUPERVISOR = "supervisor"
    #: A device's role only (the national desk at HQ): it pulls every post's cases and
    #: referrals, never statement narratives; its users are supervisors.
    NATIONAL = "national"


#: The roles a person (a user of a device) can have.
USER_ROLES = (Role.OFFICER, Role.CENTRE_STAFF, Role.SUPERVISOR)


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


# -- h13: real operations ----------------------------------------------------------------
class IntakeKind(StrEnum):
    """How a case reached the post: its own rescue operation, or a cross-border handover."""

    RESCUE = "rescue"
    HANDOVER = "handover"


class IntakeStage(StrEnum):
    """A quick-listed person (name, sex, age… taken on the spot) until the full form is done."""

    QUICK = "quick"
    COMPLETE = "complete"


class ScreeningOutcome(StrEnum):
    """Screening and identification of one person found. Only presumed and identified
    victims count as victims in the figures; pending people are left out until screened."""

    PENDING = "pending"
    PRESUMED_VICTIM = "presumed_victim"
    IDENTIFIED_VICTIM = "identified_victim"
    NOT_A_VICTIM = "not_a_victim"
    WITNESS = "witness"


#: The outcomes counted as victims in every figure.
COUNTED_AS_VICTIM = frozenset({ScreeningOutcome.PRESUMED_VICTIM.value,
                               ScreeningOutcome.IDENTIFIED_VICTIM.value})


class DecidingBody(StrEnum):
    """Who decided a screening outcome."""

    POLICE = "police"
    SOCIAL_AFFAIRS = "social_affairs"
    PROSECUTOR = "prosecutor"
    COURT = "court"
    NGO = "ngo"
    FOREIGN_AUTHORITY = "foreign_authority"
    OTHER = "other"


class ConsentStatus(StrEnum):
    """The quick list's one-word consent status; the full consents are in `Victim.consents`."""

    NOT_ASKED = "not_asked"
    GIVEN = "given"
    REFUSED = "refused"
    PARTIAL = "partial"


class ConsentKind(StrEnum):
    """Each consent is given or refused separately (stored in `Victim.consents`)."""

    RECORDING = "recording"
    SHARE_GOVERNMENT = "share_government"
    SHARE_NGO = "share_ngo"
    SHARE_INTERNATIONAL = "share_international"
    EMBASSY_CONTACT = "embassy_contact"
    AUDIO = "audio"
    DOCUMENT_PHOTO = "document_photo"
    FOLLOW_UP_CONTACT = "follow_up_contact"
    #: A child's own assent; a child's consents also need the authorisation below.
    CHILD_ASSENT = "child_assent"
    GUARDIAN_AUTHORISATION = "guardian_authorisation"
    SOCIAL_WORKER_AUTHORISATION = "social_worker_authorisation"


class ConsentAnswer(StrEnum):
    GIVEN = "given"
    REFUSED = "refused"


class ProviderKind(StrEnum):
    """What kind of body a service provider is: sharing with it needs that kind's consent."""

    GOVERNMENT = "government"
    CENTRE = "centre"
    NGO = "ngo"
    INTERNATIONAL = "international"
    EMBASSY = "embassy"


#: The consent a referral to each kind of provider needs.
SHARING_CONSENT = {
    ProviderKind.GOVERNMENT.value: ConsentKind.SHARE_GOVERNMENT,
    ProviderKind.CENTRE.value: ConsentKind.SHARE_GOVERNMENT,
    ProviderKind.NGO.value: ConsentKind.SHARE_NGO,
    ProviderKind.INTERNATIONAL.value: ConsentKind.SHARE_INTERNATIONAL,
    ProviderKind.EMBASSY.value: ConsentKind.EMBASSY_CONTACT,
}


class ClosureReason(StrEnum):
    """Why a case was closed (HTCDS cas_ReasonForCaseClosure is free text: these words)."""

    RETURNED_AND_FOLLOWED_UP = "returned_and_followed_up"
    TRANSFERRED = "transferred"
    NOT_TRAFFICKING = "not_trafficking"
    PERSON_DECLINED_SERVICES = "person_declined_services"
    LOST_CONTACT = "lost_contact"
    DECEASED = "deceased"
    OTHER = "other"


class Relationship(StrEnum):
    """How a family member or guardian is related to the person (h13)."""

    MOTHER = "mother"
    FATHER = "father"
    GRANDPARENT = "grandparent"
    SIBLING = "sibling"
    AUNT_UNCLE = "aunt_uncle"
    SPOUSE = "spouse"
    OTHER_RELATIVE = "other_relative"
    LEGAL_GUARDIAN = "legal_guardian"
    OTHER = "other"


class TracingOutcome(StrEnum):
    """What family tracing found (recorded by centre staff on the tracing referral)."""

    IN_PROGRESS = "in_progress"
    TRACED_SAFE = "traced_safe"
    TRACED_UNSAFE = "traced_unsafe"
    NOT_FOUND = "not_found"
    PERSON_DECLINED = "person_declined"


#: Outcomes that end the tracing (the referral is completed with them).
TRACING_FINAL = frozenset({TracingOutcome.TRACED_SAFE, TracingOutcome.TRACED_UNSAFE,
                           TracingOutcome.NOT_FOUND, TracingOutcome.PERSON_DECLINED})


class FollowUpAction(StrEnum):
    """A step of a person's case plan, due on a date (overdue when not done by then)."""

    HOME_VISIT = "home_visit"
    PHONE_CALL = "phone_call"
    SCHOOL_CHECK = "school_check"
    HEALTH_CHECK = "health_check"
    COURT_SUPPORT = "court_support"
    CASE_REVIEW = "case_review"
    OTHER = "other"
