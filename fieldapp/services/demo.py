"""Synthetic but realistic cases for training and benchmarks (`fieldapp demo`). No real person."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from fieldapp.domain.enums import (
    ExploitationType,
    ReferralStatus,
    Role,
    Service,
    SuspectRole,
    SuspectStatus,
)
from fieldapp.services import intake, referrals, statements
from fieldapp.services.workspace import Workspace
from fieldapp.store.reference import read_reference

KHMER_FAMILY = [("សុខ", "Sok"), ("ចាន់", "Chan"), ("ហេង", "Heng"), ("លី", "Ly"), ("គឹម", "Kim"),
                ("ស៊ុន", "Sun"), ("ពៅ", "Pov"), ("ម៉ៅ", "Mao"), ("អ៊ុក", "Ouk"), ("ឈឹម", "Chhim"),
                ("ញឹម", "Nhim"), ("ប៊ុន", "Bun"), ("សេង", "Seng"), ("ធី", "Thy"), ("វ៉ាន់", "Vann")]
KHMER_GIVEN_F = [("ស្រីពៅ", "Sreypov"), ("ចាន់ធា", "Chantha"), ("សុភា", "Sophea"),
                 ("រតនា", "Rattana"), ("ស្រីនិច", "Sreynich"), ("ស្រីលីន", "Sreylin"),
                 ("កញ្ញា", "Kanha"), ("ធីតា", "Thida"), ("សម្ភស្ស", "Samphors"), ("ចន្ទ្រា", "Chantrea")]
KHMER_GIVEN_M = [("ដារ៉ា", "Dara"), ("វិចិត្រ", "Vichet"), ("សុខា", "Sokha"), ("ពិសិដ្ឋ", "Piseth"),
                 ("បូរ៉ា", "Bora"), ("សុផល", "Sophal"), ("វុទ្ធី", "Vuthy"), ("រិទ្ធី", "Rithy"),
                 ("សំណាង", "Samnang"), ("វាសនា", "Veasna")]
FOREIGN = {
    "THA": ["Somchai Srisuk", "Nattaya Boonmee", "Anong Chaiyaporn", "Kittisak Wongsa"],
    "VNM": ["Nguyen Thi Lan", "Tran Van Minh", "Le Thi Hoa", "Pham Van Duc"],
    "CHN": ["Wang Wei", "Li Na", "Zhang Min", "Liu Yang"],
    "MMR": ["Aung Kyaw", "Hnin Wai", "Zaw Min Oo"],
    "IDN": ["Siti Rahma", "Budi Santoso", "Dewi Lestari"],
    "LAO": ["Khamla Vongsa", "Noy Phommachanh"],
}
#: ISO 639-3 language of each nationality above (the codes the forms offer).
LANGUAGE_OF = {"KHM": "khm", "THA": "tha", "VNM": "vie", "CHN": "zho", "MMR": "mya", "IDN": "ind",
               "LAO": "lao"}
NATIONALITY_WEIGHTS = [("KHM", 70), ("THA", 6), ("VNM", 8), ("CHN", 6), ("MMR", 4), ("IDN", 3), ("LAO", 3)]
TYPE_WEIGHTS = [(ExploitationType.LABOUR, 35), (ExploitationType.ONLINE_SCAM, 25),
                (ExploitationType.SEXUAL, 18), (ExploitationType.FORCED_MARRIAGE, 10),
                (ExploitationType.BEGGING, 7), (ExploitationType.OTHER, 5)]
PLACES = ["Poipet market area", "Casino compound, Phsar Prum", "Checkpoint on NR48", "Boat landing, Koh Kong",
          "Bavet special economic zone", "Bus station", "Guesthouse near the crossing", "Construction site"]
NARRATIVE = ("The person was recruited by a broker with the promise of {job} in {country}, "
             "crossed the border at night, and was made to work {hours} hours a day without pay. "
             "Documents were taken on arrival. The person escaped / was found during the operation.")
JOBS = ["factory work", "restaurant work", "a call-centre job", "domestic work", "farm work"]
COUNTRIES = ["Thailand", "Malaysia", "China", "a compound across the border"]


def _weighted(rng: random.Random, pairs: list[tuple[object, int]]) -> object:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _person(rng: random.Random, female: bool) -> tuple[str, str, str]:
    nationality = str(_weighted(rng, NATIONALITY_WEIGHTS))  # type: ignore[arg-type]
    if nationality == "KHM":
        fam_km, fam_lat = rng.choice(KHMER_FAMILY)
        giv_km, giv_lat = rng.choice(KHMER_GIVEN_F if female else KHMER_GIVEN_M)
        return f"{fam_km} {giv_km}", f"{fam_lat} {giv_lat}", nationality
    return "", rng.choice(FOREIGN[nationality]), nationality


def generate(ws: Workspace, rescues: int, seed: int = 1,
             progress: Callable[[int], None] | None = None, batch: int = 250) -> int:
    """Create `rescues` synthetic cases through the real services; return how many."""
    rng = random.Random(seed)
    reference = read_reference()
    provinces = {p["code"]: p for p in reference["posts"]}
    border_posts = [p["code"] for p in reference["posts"] if p["kind"] == "border_post"]
    supervisor = ws.actor.role is Role.SUPERVISOR
    start = dt.date(2024, 1, 1)
    span = (dt.date(2026, 11, 15) - start).days
    done = 0
    while done < rescues:
        with ws.tx():  # one transaction per batch: the services join it
            for _ in range(min(batch, rescues - done)):
                _one_case(ws, rng, start + dt.timedelta(days=rng.randrange(span)),
                          rng.choice(border_posts) if supervisor and rng.random() < 0.4
                          else ws.actor.post_code, provinces, supervisor)
                done += 1
        if progress:
            progress(done)
    return done


def _one_case(ws: Workspace, rng: random.Random, day: dt.date, post: str,
              posts: dict[str, dict[str, str]], supervisor: bool) -> None:
    kind = _weighted(rng, TYPE_WEIGHTS)  # type: ignore[arg-type]
    rescue = intake.create_rescue(
        ws, operation_date=day, post_code=post, province_code=posts[post]["province"],
        exploitation_type=kind, place=rng.choice(PLACES), unit="Anti-human trafficking police",
    )
    victims = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 5])):
        female = rng.random() < (0.8 if kind in (ExploitationType.SEXUAL, ExploitationType.FORCED_MARRIAGE) else 0.45)
        name_km, name_latin, nationality = _person(rng, female)
        age = rng.choice([rng.randint(9, 17), rng.randint(18, 45), rng.randint(18, 30)])
        victim = intake.add_victim(
            ws, rescue.id, name_km=name_km, name_latin=name_latin,
            sex="female" if female else "male", estimated_age=age, nationality=nationality,
            languages=sorted({"khm", LANGUAGE_OF[nationality]}),
            consent_given=rng.random() < 0.9,
        )
        victims.append(victim)
        if rng.random() < 0.7:
            st = statements.record_statement(
                ws, victim.id, interviewer="Officer", language="km", place=posts[post]["en"],
                interview_date=dt.datetime.combine(day, dt.time(10, 0)),
                narrative=NARRATIVE.format(job=rng.choice(JOBS), country=rng.choice(COUNTRIES),
                                           hours=rng.choice([12, 14, 16])),
                child_protocol={k: True for k in statements.CHILD_PROTOCOL} if victim.is_minor else {},
            )
            if rng.random() < 0.8:
                statements.finalise_statement(ws, st.id)
        _referrals(ws, rng, victim, day, supervisor)
    for _ in range(rng.choice([0, 1, 1, 2])):
        female = rng.random() < 0.3
        _, latin, nationality = _person(rng, female)
        intake.add_suspect(
            ws, rescue.id, name=latin, role=rng.choice(list(SuspectRole)),
            nationality=nationality, status=rng.choice(list(SuspectStatus)),
            identified_by=[victims[0].id],
        )


def _referrals(ws: Workspace, rng: random.Random, victim: object, day: dt.date, supervisor: bool) -> None:
    for service, provider in rng.sample([(Service.SHELTER, "PTC"), (Service.MEDICAL, "HOSP-BMC"),
                                         (Service.PSYCHOSOCIAL, "TPO"), (Service.REPATRIATION, "IOM-KH"),
                                         (Service.REINTEGRATION, "PMTC"), (Service.LEGAL_AID, "LSCW")],
                                        k=rng.choice([0, 1, 1, 2])):
        ref = referrals.create_referral(ws, victim.id, service=service, provider_code=provider,  # type: ignore[attr-defined]
                                        due_date=day + dt.timedelta(days=rng.choice([3, 7, 14, 30])))
        if not supervisor:
            continue
        outcome = rng.choice([ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_SERVICE,
                              ReferralStatus.COMPLETED, ReferralStatus.COMPLETED, ReferralStatus.DECLINED,
                              ReferralStatus.CANCELLED])
        if outcome is ReferralStatus.DECLINED:
            referrals.decline_referral(ws, ref.id, "No place available")
        elif outcome is ReferralStatus.CANCELLED:
            referrals.cancel_referral(ws, ref.id, "Victim returned home with family")
        elif outcome is not ReferralStatus.SENT:
            referrals.accept_referral(ws, ref.id)
            if outcome in (ReferralStatus.IN_SERVICE, ReferralStatus.COMPLETED):
                referrals.start_service(ws, ref.id, [service])
            if outcome is ReferralStatus.COMPLETED:
                referrals.complete_referral(ws, ref.id, [service])
