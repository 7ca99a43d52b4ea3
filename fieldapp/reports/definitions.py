"""What every figure means, written once: the device, HQ, the PDF and docs/REPORTS.md use these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from fieldapp.domain.enums import ExploitationType, ReferralStatus, Service, Sex, SuspectStatus

#: Counts from 1 to THRESHOLD-1 are shown as "<THRESHOLD" wherever figures leave a device or HQ.
DEFAULT_THRESHOLD = 5

#: Age groups, as (key, lowest age, highest age or None); age is at the operation date.
AGE_GROUPS: tuple[tuple[str, int, int | None], ...] = (
    ("0-13", 0, 13),
    ("14-17", 14, 17),
    ("18-24", 18, 24),
    ("25-34", 25, 34),
    ("35+", 35, None),
)
AGE_UNKNOWN = "unknown"
AGE_KEYS: tuple[str, ...] = (*(key for key, _, _ in AGE_GROUPS), AGE_UNKNOWN)

SEXES: tuple[str, ...] = tuple(s.value for s in Sex)
TYPES: tuple[str, ...] = tuple(t.value for t in ExploitationType)
SERVICES: tuple[str, ...] = tuple(s.value for s in Service)
STATUSES: tuple[str, ...] = tuple(s.value for s in ReferralStatus)

#: A victim is "rehabilitated" once a referral for one of these services is completed.
REHABILITATION_SERVICES = frozenset({
    Service.SHELTER.value, Service.MEDICAL.value, Service.PSYCHOSOCIAL.value,
    Service.EDUCATION.value, Service.VOCATIONAL.value,
})
#: A victim has "returned home" once a referral for one of these services is completed.
RETURN_SERVICES = frozenset({Service.REPATRIATION.value, Service.REINTEGRATION.value})

#: Suspect stages are cumulative: a convicted suspect was also arrested and sent to court.
SUSPECT_STAGES: tuple[tuple[str, frozenset[str]], ...] = (
    ("identified", frozenset(s.value for s in SuspectStatus)),
    ("arrested", frozenset({"arrested", "sent_to_court", "convicted"})),
    ("sent_to_court", frozenset({"sent_to_court", "convicted"})),
    ("convicted", frozenset({"convicted"})),
)


def age_group(age: int | None) -> str:
    if age is None or age < 0:
        return AGE_UNKNOWN
    for key, low, high in AGE_GROUPS:
        if age >= low and (high is None or age <= high):
            return key
    return AGE_UNKNOWN


def age_on(born: dt.date, day: dt.date) -> int:
    """Completed years on `day` (the same rule as intake's minor check)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(frozen=True)
class ReportFilter:
    """Which cases a report covers: operation date in [start, end], and optional narrowing.

    Every figure counts records that belong to the selected cases (rescues) — victims of
    those rescues, their suspects, their victims' referrals — so one filter means the same
    thing for every figure.
    """

    start: dt.date
    end: dt.date
    province: str | None = None
    post: str | None = None
    exploitation_type: str | None = None
    #: The ministry's reading: a victim returned home is not also counted as rehabilitated
    #: (rehabilitated + returned home = victims with an outcome). Off: each line on its own.
    exclusive_outcomes: bool = False

    @classmethod
    def year(cls, year: int, **narrow: Any) -> ReportFilter:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), **narrow)

    def previous_year(self) -> ReportFilter:
        """The same window one year earlier (29 February becomes 28 February)."""
        return replace(self, start=_year_back(self.start), end=_year_back(self.end))

    def matches(self, day: dt.date, province: str, post: str, kind: str) -> bool:
        return (self.start <= day <= self.end
                and (self.province is None or province == self.province)
                and (self.post is None or post == self.post)
                and (self.exploitation_type is None or kind == self.exploitation_type))


def _year_back(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def months_between(start: dt.date, end: dt.date) -> tuple[str, ...]:
    """'YYYY-MM' keys of every month the period touches."""
    keys = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        keys.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(keys)


#: Figure id -> (English title, definition). docs/REPORTS.md and the PDF print these;
#: tests check the docs list every id.
DEFINITIONS: dict[str, tuple[str, str]] = {
    "cases_by_type": (
        "Cases by exploitation type",
        ("Rescue operations (one case number each) whose operation date is in the period, "
         "by the exploitation type recorded on the rescue.")),
    "cases_by_province": (
        "Cases by province",
        "Rescue operations in the period by the province where the operation took place."),
    "cases_by_post": (
        "Cases by post",
        "Rescue operations in the period by the post that recorded them."),
    "cases_by_month": (
        "Cases by month",
        "Rescue operations by calendar month of the operation date."),
    "cases_by_year": (
        "Cases by year",
        "Rescue operations by calendar year of the operation date."),
    "victims_by_sex": (
        "Victims rescued by sex",
        ("Victims recorded under the selected rescues, by sex as recorded. Every victim "
         "figure counts presumed and identified victims only: people quick-listed and not yet "
         "screened, people screened as not a victim, and witnesses are left out.")),
    "victims_by_age_group": (
        "Victims rescued by age group",
        ("Age on the operation date: from the date of birth when known, else the estimated "
         "age; 'unknown' when neither was recorded. Groups 0-13, 14-17, 18-24, 25-34, 35+.")),
    "victims_by_nationality": (
        "Victims rescued by nationality",
        "ISO 3166-1 alpha-3 nationality as recorded; 'unknown' when blank."),
    "victims_by_type": (
        "Victims rescued by exploitation type",
        "Victims by the exploitation type of the rescue they were recorded under."),
    "victims_by_month_type": (
        "Victims per month by exploitation type",
        "Victims by month of their rescue's operation date and its exploitation type."),
    "victims_by_sex_age": (
        "Victims by age group and sex",
        "The age and sex tables crossed (the age pyramid)."),
    "suspects": (
        "Suspects",
        ("Suspects recorded under the selected rescues. The stages are cumulative: "
         "'arrested' counts suspects whose status is arrested, sent to court or convicted; "
         "'sent to court' counts sent to court or convicted; 'convicted' counts convicted. "
         "The headline 'suspects sent to court' instead counts persons sent to court on a day "
         "in the period, by the date of their first sent-to-court (or conviction) event, "
         "whatever year their case is from: a suspect in several cases, or two suspect "
         "records linked as one person, counts once. A suspect with no dated event is "
         "dated by the clock stamp of the status change.")),
    "victim_outcomes": (
        "Victims rehabilitated and returned home",
        ("Rehabilitated: victims with at least one completed referral for shelter, medical "
         "care, psychosocial support, education or vocational training. Returned home: "
         "victims with at least one completed referral for repatriation or reintegration. "
         "A victim counts once in each line however many referrals were completed. A return "
         "whose family was judged unsafe (alternative care) is not 'returned home'. When the "
         "report is set to the ministry's reading (exclusive outcomes), a victim returned home "
         "is not also counted as rehabilitated, so the two lines add up to the victims with an "
         "outcome.")),
    "referrals_by_service_status": (
        "Referrals by service and status",
        ("Referrals of the selected rescues' victims. The status is derived from the "
         "referral's events ordered by their clock stamps (the same rule on every device "
         "and at HQ), as of the moment the report is made.")),
    "referrals_overdue": (
        "Overdue referrals by service",
        ("Referrals whose due date is before the report date and that are not completed, "
         "declined or cancelled.")),
    "referral_median_days": (
        "Median days from referral to completion",
        ("Over completed referrals: calendar days from the day the referral was created to "
         "the day of the event that completed it. Not shown when fewer completed referrals "
         "than the small-cell threshold.")),
    "year_on_year": (
        "Year-on-year change",
        ("Each headline count for the period against the same period one year earlier: "
         "change = this period - last period; percentage = change / last period, one "
         "decimal (none when last period is 0). The headline counts are cases, victims, "
         "child victims, suspects arrested, suspects sent to court (by the day they were "
         "sent), victims rehabilitated, victims returned home and cross-border cases.")),
    "cross_border_cases": (
        "Cross-border cases",
        ("Cases in the period that are a handover from a foreign authority, or that name a "
         "referring country or a country of recruitment, transit or exploitation other than "
         "Cambodia.")),
}

#: Headline counts compared year on year, in display order.
YOY_KEYS: tuple[str, ...] = (
    "cases", "victims", "child_victims", "suspects_arrested", "suspects_sent_to_court",
    "victims_rehabilitated", "victims_returned_home", "cross_border_cases",
)
YOY_TITLES: dict[str, str] = {
    "cases": "Cases (rescue operations)",
    "victims": "Victims rescued",
    "child_victims": "Child victims (under 18)",
    "suspects_arrested": "Suspects arrested",
    "suspects_sent_to_court": "Suspects sent to court",
    "cross_border_cases": "Cross-border cases",
    "victims_rehabilitated": "Victims rehabilitated",
    "victims_returned_home": "Victims returned home",
}
