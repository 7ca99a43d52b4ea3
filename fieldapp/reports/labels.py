"""Words for a report's codes, headers and titles in one language: the same for the reports
screen, the PDF a device writes and HQ's report (no Qt: the Khmer comes from the vocabulary)."""

from __future__ import annotations

from fieldapp import vocabulary
from fieldapp.reports.definitions import DEFINITIONS, YOY_TITLES

#: Column and row headers, per kind of axis.
HEADERS: dict[str, str] = {
    "age": "Age group", "sex": "Sex", "nationality": "Nationality", "month": "Month",
    "year": "Year", "service": "Service", "status": "Status", "count": "Count",
    "stage": "Stage", "outcome": "Outcome", "type": "Exploitation type",
    "province": "Province", "post": "Post",
}

#: Figure key -> (kind of its rows, kind of its columns); columns "count" for 1-D tables.
AXES: dict[str, tuple[str, str]] = {
    "cases_by_type": ("type", "count"), "cases_by_province": ("province", "count"),
    "cases_by_post": ("post", "count"), "cases_by_month": ("month", "count"),
    "cases_by_year": ("year", "count"), "victims_by_sex": ("sex", "count"),
    "victims_by_age_group": ("age", "count"), "victims_by_nationality": ("nationality", "count"),
    "victims_by_type": ("type", "count"), "victims_by_month_type": ("month", "type"),
    "victims_by_sex_age": ("age", "sex"), "suspects": ("stage", "count"),
    "victim_outcomes": ("outcome", "count"),
    "referrals_by_service_status": ("service", "status"), "referrals_overdue": ("service", "count"),
}

#: The screen's and the PDF's own sentences (their Khmer is in resources/i18n/fill_km.py).
PHRASES: tuple[str, ...] = (
    "Reports", "From", "To", "Year", "Custom period", "Province", "Post", "Exploitation type",
    "All", "Show", "Export PDF…", "Export figures…", "Computing the figures…",
    "Figures for {start} to {end}, as of {as_of}.",
    "Numbers on this screen are exact. Exports and the PDF hide counts below {t}.",
    "The file will NOT be encrypted",
    "The exported file is NOT encrypted. Anyone who gets the file or the USB stick can read "
    "every name in it. Keep it only as long as needed, on an encrypted drive, and delete it "
    "after handing it over.",
    "Saved {path}", "Could not make the report", "Numbers", "Total", "Change", "Last year",
    "This period", "Same period last year", "Median days from referral to completion: {days}",
    "none completed", "Trafficking rescues and victims: report", "Period", "Made on",
    "Small numbers",
    "'<{t}' means between 1 and {m}; 'x' is hidden so that a small number cannot be worked "
    "out from the totals. Charts draw hidden numbers as zero.",
    "Headline figures", "Definitions", "Definitions are given in English.", "Page {n}",
    "Referral outcomes", "Cases (rescue operations)", "Victims rescued",
    "Child victims (under 18)", "Suspects arrested", "Victims rehabilitated",
    "Victims returned home", "Suspects sent to court", "Cross-border cases",
)


def phrases() -> list[str]:
    """Every English text a report shows (for the `.ts`): sentences, headers, titles."""
    texts = [t for pair in DEFINITIONS.values() for t in pair] + list(YOY_TITLES.values())
    return sorted({*PHRASES, *HEADERS.values(), *texts})


class Labeller:
    """Words in one language, "en" or "km" (the window's Labeller follows its language)."""

    def __init__(self, lang: str = "en") -> None:
        self._lang = lang

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def khmer(self) -> bool:
        return self.lang == "km"

    def text(self, english: str) -> str:
        return vocabulary.text(english, self.lang)

    def code(self, kind: str, code: str) -> str:
        if kind in ("province", "post", "nationality"):
            if code == vocabulary.Missing.UNKNOWN:
                return vocabulary.label(vocabulary.Missing.UNKNOWN, self.lang)
            return vocabulary.reference_label(
                {"nationality": "nationalities"}.get(kind, kind + "s"), code, self.lang)
        if kind in ("month", "year", "count"):
            return self.digits(code)
        if code == vocabulary.Missing.UNKNOWN and kind in ("type", "age"):
            return vocabulary.label(vocabulary.Missing.UNKNOWN, self.lang)
        if kind in vocabulary.KINDS:
            return vocabulary.label_of(kind, code, self.lang)
        return self.digits(code)  # age groups: "0-4", "18-24" …

    def header(self, kind: str) -> str:
        return self.text(HEADERS.get(kind, kind))

    def title(self, key: str) -> str:
        return self.text(DEFINITIONS[key][0])

    def definition(self, key: str) -> str:
        """What figure `key` counts, in this language (English where no Khmer is written yet)."""
        return self.text(DEFINITIONS[key][1])

    def definitions_in_english(self) -> bool:
        """True when some definition has no Khmer yet (the PDF then says so)."""
        return self.khmer and any(vocabulary.khmer(d) is None for _, d in DEFINITIONS.values())

    def digits(self, value: object) -> str:
        return vocabulary.digits(value, self.lang)
