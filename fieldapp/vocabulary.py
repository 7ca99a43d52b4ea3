"""One vocabulary: the word for every stored code, keyed by its enum member, in English or Khmer.

The window (`ui/i18n.py`), the forms (`formkit/loader.py`: a choice list declared
``vocabulary: Sex``), the reports screen, the PDF and HQ's report all ask here, so a code
has one word per language everywhere. The English is written once, below; the Khmer is
written once, in `resources/i18n/fill_km.py`, from which `python -m fieldapp.ui.i18n_build`
generates `resources/i18n/fieldapp_km.ts` (the translators' file). At run time the Khmer is
read from that `.ts` — by Qt's translator in the window, by `khmer()` here everywhere else
(HQ never loads Qt). Reference lists (countries, languages, provinces, posts, providers)
keep their own two-language files in `resources/reference/`.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import yaml

from fieldapp.domain import enums as E
from fieldapp.domain.errors import Code, Field, FieldAppError, Phrase, fill
from fieldapp.resources import resource_path

LANGUAGES = ("en", "km")
#: The `.ts` context the vocabulary's words are listed under (see ui/i18n_build.py).
CONTEXT = "Vocabulary"
_KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
_LATIN_DIGITS = {v: k for k, v in _KHMER_DIGITS.items()}


# -- codes that figures and views show but no record stores -------------------------------
class Missing(StrEnum):
    """A figure's row for a value that was not recorded."""

    UNKNOWN = "unknown"


class SuspectStage(StrEnum):
    """The suspects figure: how far the cases against suspects got."""

    IDENTIFIED = "identified"
    ARRESTED = "arrested"
    SENT_TO_COURT = "sent_to_court"
    CONVICTED = "convicted"


class VictimOutcome(StrEnum):
    VICTIMS_REHABILITATED = "victims_rehabilitated"
    VICTIMS_RETURNED_HOME = "victims_returned_home"


class ReferralShown(StrEnum):
    """A referral's state as the board shows it: a stored status, or past its due date."""

    OVERDUE = "overdue"


class AuditAction(StrEnum):
    """What an audit event or a referral event says was done (stored as text)."""

    CREATE = "create"
    UPDATE = "update"
    VIEW = "view"
    FINALISE = "finalise"
    AMEND = "amend"
    LOGIN = "login"
    INIT = "init"
    USER_ADD = "user_add"
    PASSPHRASE_RESET = "passphrase_reset"
    ESCROW_SET = "escrow_set"
    ENROL = "enrol"
    EXPORT = "export"
    BUNDLE_EXPORT = "bundle_export"
    ATTACH = "attach"
    CHECK = "check"
    REBUILD_FIGURES = "rebuild_figures"
    CLOSE = "close"
    RETURN = "return"
    CONSENT = "consent"
    CONSENT_OVERRIDE = "consent_override"
    WAIVE_SOCIAL_WORKER = "waive_social_worker"
    REPEAT_CHILD_STATEMENT = "repeat_child_statement"
    STATEMENTS_SEALED = "statements_sealed"
    SUBMIT_DRAFT = "submit_draft"
    DISCARD = "discard"
    QUICK_LIST = "quick_list"
    SCREEN = "screen"
    REFER_MANY = "refer_many"
    REFER_ONWARD = "refer_onward"
    SUSPECT_CASE = "suspect_case"
    SUSPECT_EVENT = "suspect_event"
    SUSPECT_IDENTIFIER = "suspect_identifier"
    MATCH_SCAN = "match_scan"
    MATCH_LINK = "match_link"
    MATCH_SEPARATE = "match_separate"
    MATCH_PENDING = "match_pending"
    PLAN_FOLLOW_UP = "plan_follow_up"
    COMPLETE_FOLLOW_UP = "complete_follow_up"
    FAMILY_MEMBER = "family_member"
    TRANSFER = "transfer"
    TRACING = "tracing"
    # a referral's events (ReferralStatus values)
    CREATED = "created"
    SENT = "sent"
    ACCEPTED = "accepted"
    IN_SERVICE = "in_service"
    COMPLETE = "complete"
    COMPLETED = "completed"
    DECLINED = "declined"
    CANCELLED = "cancelled"


#: English for every member, per enum. A new code gets its word here and its Khmer in
#: resources/i18n/fill_km.py (tests/test_vocabulary.py fails until both exist).
ENGLISH: dict[type[StrEnum], dict[str, str]] = {
    E.Role: {"officer": "Officer", "centre_staff": "Transit-centre staff",
             "supervisor": "Supervisor", "national": "National desk"},
    E.ExploitationType: {"labour": "Labour exploitation",
                         "sexual_exploitation": "Sexual exploitation",
                         "forced_marriage": "Forced marriage",
                         "online_scam": "Online-scam compound",
                         "begging": "Forced begging", "other": "Other"},
    E.Sex: {"female": "Female", "male": "Male", "other": "Other", "unknown": "Unknown"},
    E.SuspectRole: {"recruiter": "Recruiter", "broker": "Broker", "transporter": "Transporter",
                    "employer": "Employer", "other": "Other"},
    E.SuspectStatus: {"at_large": "At large", "arrested": "Arrested",
                      "sent_to_court": "Sent to court", "convicted": "Convicted"},
    E.Service: {"shelter": "Shelter", "medical": "Medical care",
                "psychosocial": "Psychosocial support", "legal_aid": "Legal aid",
                "family_tracing": "Family tracing", "repatriation": "Repatriation",
                "reintegration": "Reintegration", "education": "Education",
                "vocational": "Vocational training"},
    # One word for the form and the board: "Urgent", never "High".
    E.Urgency: {"low": "Low", "normal": "Normal", "high": "Urgent"},
    E.ReferralStatus: {"created": "Created", "sent": "New", "accepted": "Accepted",
                       "in_service": "In service", "completed": "Completed",
                       "declined": "Declined", "cancelled": "Cancelled"},
    ReferralShown: {"overdue": "Overdue"},
    E.StatementStatus: {"draft": "Draft", "final": "Final"},
    E.IntakeKind: {"rescue": "Rescue", "handover": "Cross-border handover"},
    E.IntakeStage: {"quick": "Quick list", "complete": "Complete profile"},
    E.ScreeningOutcome: {"pending": "Not screened yet", "presumed_victim": "Presumed victim",
                         "identified_victim": "Identified victim",
                         "not_a_victim": "Not a victim", "witness": "Witness"},
    E.DecidingBody: {"police": "Police", "social_affairs": "Social affairs",
                     "prosecutor": "Prosecutor", "court": "Court", "ngo": "NGO",
                     "foreign_authority": "Foreign authority", "other": "Other"},
    E.ConsentStatus: {"not_asked": "Not asked yet", "given": "Given", "refused": "Refused",
                      "partial": "Partly given"},
    E.ConsentAnswer: {"given": "Given", "refused": "Refused"},
    E.ProviderKind: {"government": "Government", "centre": "Transit centre", "ngo": "NGO",
                     "international": "International organisation", "embassy": "Embassy"},
    E.ClosureReason: {"returned_and_followed_up": "Returned home and followed up",
                      "transferred": "Transferred", "not_trafficking": "Not trafficking",
                      "person_declined_services": "The person declined services",
                      "lost_contact": "Contact lost", "deceased": "Deceased", "other": "Other"},
    AuditAction: {
        "create": "created", "update": "changed", "view": "read", "finalise": "finalised",
        "amend": "amended", "login": "signed in", "init": "device set up",
        "user_add": "user added", "passphrase_reset": "passphrase reset",
        "escrow_set": "recovery key set", "enrol": "enrolled with HQ", "export": "exported",
        "bundle_export": "sync file written", "attach": "file attached", "check": "checked",
        "rebuild_figures": "report figures rebuilt",
        "close": "case closed", "return": "return recorded", "consent": "consent recorded",
        "consent_override": "consent overridden",
        "waive_social_worker": "social worker waived",
        "repeat_child_statement": "repeat child interview recorded",
        "statements_sealed": "statements sealed", "submit_draft": "draft saved as record",
        "discard": "draft discarded", "quick_list": "people quick-listed",
        "screen": "screened", "refer_many": "referred together",
        "refer_onward": "referred onward", "suspect_case": "suspect case recorded",
        "suspect_event": "suspect's progress recorded",
        "plan_follow_up": "follow-up planned", "complete_follow_up": "follow-up done",
        "family_member": "family member recorded", "transfer": "case transferred",
        "tracing": "tracing outcome recorded",
        "suspect_identifier": "suspect identifier recorded", "match_scan": "matches searched",
        "match_link": "linked as one person", "match_separate": "kept apart",
        "match_pending": "match reopened", "created": "created", "sent": "sent",
        "accepted": "accepted", "in_service": "service recorded", "complete": "completed",
        "completed": "completed", "declined": "declined", "cancelled": "cancelled"},
    Missing: {"unknown": "Unknown"},
    SuspectStage: {"identified": "Identified", "arrested": "Arrested",
                   "sent_to_court": "Sent to court", "convicted": "Convicted"},
    VictimOutcome: {"victims_rehabilitated": "Victims rehabilitated",
                    "victims_returned_home": "Victims returned home"},
    E.Relationship: {"mother": "Mother", "father": "Father", "grandparent": "Grandparent",
                     "sibling": "Brother or sister", "aunt_uncle": "Aunt or uncle",
                     "spouse": "Husband or wife", "other_relative": "Other relative",
                     "legal_guardian": "Legal guardian", "other": "Other"},
    E.FollowUpAction: {"home_visit": "Home visit", "phone_call": "Phone call",
                       "school_check": "School check", "health_check": "Health check",
                       "court_support": "Court support", "case_review": "Case review",
                       "other": "Other"},
    E.TracingOutcome: {"in_progress": "Still searching",
                       "traced_safe": "Family traced - safe to return",
                       "traced_unsafe": "Family traced - not safe",
                       "not_found": "Family not found",
                       "person_declined": "The person declined tracing"},
}

#: Short names for the enums, for code that holds a code as text (a table column, a figure
#: axis, a form's ``vocabulary:`` list).
KINDS: dict[str, type[StrEnum]] = {
    "role": E.Role, "type": E.ExploitationType, "sex": E.Sex, "suspect_role": E.SuspectRole,
    "suspect_status": E.SuspectStatus, "service": E.Service, "urgency": E.Urgency,
    "status": E.ReferralStatus, "statement_status": E.StatementStatus,
    "intake_kind": E.IntakeKind, "intake_stage": E.IntakeStage,
    "screening": E.ScreeningOutcome, "deciding_body": E.DecidingBody,
    "consent_status": E.ConsentStatus, "consent_answer": E.ConsentAnswer,
    "provider_kind": E.ProviderKind, "closure_reason": E.ClosureReason,
    "stage": SuspectStage, "outcome": VictimOutcome, "audit_action": AuditAction,
    "relationship": E.Relationship, "follow_up_action": E.FollowUpAction,
    "tracing_outcome": E.TracingOutcome,
}


def english(member: StrEnum) -> str:
    return ENGLISH[type(member)][member.value]


def phrases() -> list[str]:
    """Every English word of the vocabulary, once each (what the `.ts` must translate)."""
    return sorted({text for words in ENGLISH.values() for text in words.values()})


@functools.cache
def _catalogue() -> dict[str, str]:
    """English source -> finished Khmer translation, from the one `.ts` (no Qt needed).

    The vocabulary's own context wins over the same English elsewhere in the file.
    """
    found: dict[str, str] = {}
    ours: dict[str, str] = {}
    path = resource_path("i18n", "fieldapp_km.ts")
    for context in ET.parse(path).getroot().iter("context"):
        target = ours if context.findtext("name") == CONTEXT else found
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") is not None:
                continue
            text = (translation.text or "").strip()
            if text:
                target.setdefault(source, text)
    return {**found, **ours}


def khmer(english_text: str) -> str | None:
    """The `.ts`'s Khmer for an English text, or None when it has none."""
    return _catalogue().get(english_text)


def text(english_text: str, lang: str) -> str:
    """An English text in `lang` (English when the `.ts` has no Khmer for it)."""
    if lang == "km":
        return khmer(english_text) or english_text
    return english_text


def label(member: StrEnum, lang: str) -> str:
    """The word for one code, in `lang` ("en" or "km")."""
    return text(english(member), lang)


def label_of(kind: str | type[StrEnum], code: str | None, lang: str) -> str:
    """The word for a code held as text; an unknown code is shown as it is, none as "-"."""
    if not code:
        return "-"
    enum = KINDS[kind] if isinstance(kind, str) else kind
    try:
        return label(enum(code), lang)
    except ValueError:
        return code


def digits(value: object, lang: str) -> str:
    """A number (or a date, or any text with digits) as `lang` writes it: Khmer digits in Khmer."""
    shown = str(value)
    return shown.translate(_KHMER_DIGITS) if lang == "km" else shown


def latin_digits(text: str) -> str:
    """Text with any Khmer digits written as Latin ones (what was typed, for parsing)."""
    return text.translate(_LATIN_DIGITS)


# -- reference lists ----------------------------------------------------------------------
#: Older records and demo data use two-letter language codes (ISO 639-1).
_LANGUAGE_ALIASES = {"km": "khm", "th": "tha", "vi": "vie", "lo": "lao", "zh": "zho",
                     "my": "mya", "id": "ind", "ms": "msa", "en": "eng"}
REFERENCE_LISTS = ("nationalities", "languages", "provinces", "posts", "providers")


@functools.cache
def reference_lists() -> dict[str, dict[str, tuple[str, str]]]:
    """List name -> code -> (English, Khmer), from resources/reference/."""
    def pairs(items: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
        return {str(i["code"]): (str(i["en"]), str(i.get("km") or "")) for i in items}

    ref = yaml.safe_load(resource_path("reference", "reference.yaml").read_text("utf-8"))
    countries = yaml.safe_load(resource_path("reference", "countries.yaml").read_text("utf-8"))
    languages = yaml.safe_load(resource_path("reference", "languages.yaml").read_text("utf-8"))
    return {"nationalities": pairs(countries["countries"]),
            "languages": pairs(languages["languages"]),
            "provinces": pairs(ref.get("provinces", [])), "posts": pairs(ref.get("posts", [])),
            "providers": pairs(ref.get("providers", []))}


def reference_label(list_name: str, code: str | None, lang: str) -> str:
    """A reference-list code (nationality, language, province…) as a word; unknown as is."""
    if not code:
        return "-"
    if list_name == "languages":
        code = _LANGUAGE_ALIASES.get(code, code)
    found = reference_lists()[list_name].get(code)
    if found is None:
        return code
    en, km = found
    return km if lang == "km" and km else en


# -- errors -------------------------------------------------------------------------------
#: Which words a code or a field name is said with, when the vocabulary's kinds and reference
#: lists do not know it (the window passes the forms' choice lists and field labels).
Words = Callable[[Code | Field], str]


def error_text(exc: FieldAppError | Phrase, lang: str,
               translate: Callable[[str], str] | None = None, words: Words | None = None) -> str:
    """An error's message in `lang`: its template translated (by `translate`, else from the
    `.ts`), each parameter in words — a code or an enum member as its word, a number in
    `lang`'s digits, a phrase or a nested error translated the same way."""
    def tr(template: str) -> str:
        return translate(template) if translate is not None else text(template, lang)

    def word(value: object) -> str:
        if isinstance(value, (FieldAppError, Phrase)):
            return error_text(value, lang, translate, words)
        if isinstance(value, StrEnum) and type(value) in ENGLISH:
            return label(value, lang)
        if isinstance(value, Code) and value.kind in KINDS:
            return label_of(value.kind, value.code, lang)
        if isinstance(value, Code) and value.kind in REFERENCE_LISTS:
            return reference_label(value.kind, value.code, lang)
        if isinstance(value, (Code, Field)):
            return words(value) if words is not None else str(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return digits(value, lang)
        if isinstance(value, (list, tuple, set, frozenset)):
            return ", ".join(word(v) for v in value)
        return str(value)

    return fill(tr(exc.template), {k: word(v) for k, v in exc.params.items()})
