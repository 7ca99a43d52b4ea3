"""Consent as data: each consent given or refused separately, and what a referral needs."""

from __future__ import annotations

from collections.abc import Mapping

from fieldapp.domain.enums import (
    SHARING_CONSENT,
    ConsentAnswer,
    ConsentKind,
    ConsentStatus,
)
from fieldapp.domain.errors import Code, Field, InvalidInput, Phrase
from fieldapp.services.intake import RECORDERS, load_victim
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.models import ServiceProvider, Victim

#: What the quick list's one-word status means, consent by consent. Embassy contact is
#: never implied: people who fled their own state must be asked about it on its own.
QUICK_MEANING: dict[str, tuple[ConsentKind, ...]] = {
    ConsentStatus.GIVEN: (ConsentKind.RECORDING, ConsentKind.SHARE_GOVERNMENT,
                          ConsentKind.SHARE_NGO, ConsentKind.SHARE_INTERNATIONAL),
    ConsentStatus.REFUSED: (ConsentKind.RECORDING, ConsentKind.SHARE_GOVERNMENT,
                            ConsentKind.SHARE_NGO, ConsentKind.SHARE_INTERNATIONAL,
                            ConsentKind.EMBASSY_CONTACT),
}
CHILD_AUTHORISERS = (ConsentKind.GUARDIAN_AUTHORISATION, ConsentKind.SOCIAL_WORKER_AUTHORISATION)


def clean(answers: Mapping[str, object]) -> dict[str, str]:
    """{kind: given|refused} checked against the vocabularies; blank answers are dropped."""
    out: dict[str, str] = {}
    for kind, answer in answers.items():
        if answer in (None, "", "not_asked"):
            continue
        if isinstance(answer, bool):
            answer = "given" if answer else "refused"
        elif answer in ("yes", "no"):
            answer = "given" if answer == "yes" else "refused"
        try:
            out[ConsentKind(kind).value] = ConsentAnswer(str(answer)).value
        except ValueError:
            raise InvalidInput("consents: '{kind}' must be given or refused",
                               kind=Field(kind)) from None
    return out


def summary(consents: Mapping[str, str]) -> str:
    """The one-word status shown in lists: given, refused, partial or not_asked."""
    answers = set(consents.values())
    if not answers:
        return ConsentStatus.NOT_ASKED.value
    if answers == {"given"}:
        return ConsentStatus.GIVEN.value
    if answers == {"refused"}:
        return ConsentStatus.REFUSED.value
    return ConsentStatus.PARTIAL.value


def from_quick_status(status: str) -> dict[str, str]:
    word = ConsentStatus(status or "not_asked")
    answer = "given" if word is ConsentStatus.GIVEN else "refused"
    return {k.value: answer for k in QUICK_MEANING.get(word, ())}


def apply(victim: Victim, answers: Mapping[str, object]) -> list[str]:
    """Merge `answers` into the victim's consents; return the kinds that changed."""
    new = clean(answers)
    merged = {**(victim.consents or {}), **new}
    changed = [k for k, v in new.items() if (victim.consents or {}).get(k) != v]
    victim.consents = merged
    victim.consent_status = summary(merged)
    victim.consent_given = merged.get(ConsentKind.RECORDING.value) == "given"
    return changed


def record_consents(ws: Workspace, victim_id: str, answers: Mapping[str, object]) -> Victim:
    """Record consents given or refused (a refusal is data too)."""
    ws.require(*RECORDERS)
    with ws.tx() as s:
        victim = load_victim(ws, s, victim_id)
        changed = apply(victim, answers)
        if changed:
            audit.append(s, "consent", "victim", victim.id, {"kinds": sorted(changed)})
    return victim


def sharing_problem(victim: Victim, provider: ServiceProvider) -> Phrase | None:
    """Why sharing this person's details with `provider` is not consented, or None.

    Consent is enforced for everyone whose consent is recorded as data (every quick-listed
    person, every consent answered). A record with no consent data at all (made before
    consents were data) is judged by its old single tick, `consent_given`, only when that
    tick is set: nothing else is known about it.
    """
    consents = victim.consents or {}
    # (Column defaults apply at INSERT: a victim made in this transaction may hold None.)
    status = victim.consent_status or ConsentStatus.NOT_ASKED
    if not consents and status == ConsentStatus.NOT_ASKED and victim.intake_stage != "quick":
        return None
    need = SHARING_CONSENT.get(provider.kind or "ngo", ConsentKind.SHARE_NGO)
    if consents.get(need.value) != "given":
        state = consents.get(need.value)
        return Phrase("consent to share with this kind of provider ({consent}) is {state}",
                      consent=Field(need.value),
                      state=Code("consent_answer", state) if state else Phrase("not asked"))
    if victim.is_minor:
        if consents.get(ConsentKind.CHILD_ASSENT.value) != "given":
            return Phrase("a child's own assent (child_assent) is not recorded as given")
        if not any(consents.get(k.value) == "given" for k in CHILD_AUTHORISERS):
            return Phrase("a child's consent needs a guardian's or social worker's authorisation")
    return None
