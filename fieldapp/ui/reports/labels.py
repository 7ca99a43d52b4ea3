"""Labels for report codes and titles, in the window's language or one asked for (the PDF)."""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication

from fieldapp.reports.definitions import DEFINITIONS, YOY_TITLES
from fieldapp.services.auth import read_reference
from fieldapp.ui import i18n
from fieldapp.ui.reports.strings_km import STRINGS_KM

CONTEXT = "Reports"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context`; translated when shown, by Labeller.text()."""
    return text


#: English labels of stored codes, per kind (marked for lupdate in the "Reports" context).
CODES: dict[str, dict[str, str]] = {
    "type": {"labour": QT_TRANSLATE_NOOP("Reports", "Labour exploitation"),
             "sexual_exploitation": QT_TRANSLATE_NOOP("Reports", "Sexual exploitation"),
             "forced_marriage": QT_TRANSLATE_NOOP("Reports", "Forced marriage"),
             "online_scam": QT_TRANSLATE_NOOP("Reports", "Online-scam compound"),
             "begging": QT_TRANSLATE_NOOP("Reports", "Forced begging"),
             "other": QT_TRANSLATE_NOOP("Reports", "Other"),
             "unknown": QT_TRANSLATE_NOOP("Reports", "Unknown")},
    "sex": {"female": QT_TRANSLATE_NOOP("Reports", "Female"),
            "male": QT_TRANSLATE_NOOP("Reports", "Male"),
            "other": QT_TRANSLATE_NOOP("Reports", "Other"),
            "unknown": QT_TRANSLATE_NOOP("Reports", "Unknown")},
    "service": {"shelter": QT_TRANSLATE_NOOP("Reports", "Shelter"),
                "medical": QT_TRANSLATE_NOOP("Reports", "Medical care"),
                "psychosocial": QT_TRANSLATE_NOOP("Reports", "Psychosocial support"),
                "legal_aid": QT_TRANSLATE_NOOP("Reports", "Legal aid"),
                "family_tracing": QT_TRANSLATE_NOOP("Reports", "Family tracing"),
                "repatriation": QT_TRANSLATE_NOOP("Reports", "Repatriation"),
                "reintegration": QT_TRANSLATE_NOOP("Reports", "Reintegration"),
                "education": QT_TRANSLATE_NOOP("Reports", "Education"),
                "vocational": QT_TRANSLATE_NOOP("Reports", "Vocational training")},
    "status": {"created": QT_TRANSLATE_NOOP("Reports", "Created"),
               "sent": QT_TRANSLATE_NOOP("Reports", "New"),
               "accepted": QT_TRANSLATE_NOOP("Reports", "Accepted"),
               "in_service": QT_TRANSLATE_NOOP("Reports", "In service"),
               "completed": QT_TRANSLATE_NOOP("Reports", "Completed"),
               "declined": QT_TRANSLATE_NOOP("Reports", "Declined"),
               "cancelled": QT_TRANSLATE_NOOP("Reports", "Cancelled")},
    "stage": {"identified": QT_TRANSLATE_NOOP("Reports", "Identified"),
              "arrested": QT_TRANSLATE_NOOP("Reports", "Arrested"),
              "sent_to_court": QT_TRANSLATE_NOOP("Reports", "Sent to court"),
              "convicted": QT_TRANSLATE_NOOP("Reports", "Convicted")},
    "outcome": {"victims_rehabilitated": QT_TRANSLATE_NOOP("Reports", "Victims rehabilitated"),
                "victims_returned_home": QT_TRANSLATE_NOOP("Reports", "Victims returned home")},
    "age": {"unknown": QT_TRANSLATE_NOOP("Reports", "Unknown")},
    "nationality": {"unknown": QT_TRANSLATE_NOOP("Reports", "Unknown")},
    "header": {"age": QT_TRANSLATE_NOOP("Reports", "Age group"),
               "sex": QT_TRANSLATE_NOOP("Reports", "Sex"),
               "nationality": QT_TRANSLATE_NOOP("Reports", "Nationality"),
               "month": QT_TRANSLATE_NOOP("Reports", "Month"),
               "year": QT_TRANSLATE_NOOP("Reports", "Year"),
               "service": QT_TRANSLATE_NOOP("Reports", "Service"),
               "status": QT_TRANSLATE_NOOP("Reports", "Status"),
               "count": QT_TRANSLATE_NOOP("Reports", "Count"),
               "stage": QT_TRANSLATE_NOOP("Reports", "Stage"),
               "outcome": QT_TRANSLATE_NOOP("Reports", "Outcome"),
               "type": QT_TRANSLATE_NOOP("Reports", "Exploitation type"),
               "province": QT_TRANSLATE_NOOP("Reports", "Province"),
               "post": QT_TRANSLATE_NOOP("Reports", "Post")},
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

_TITLES = [QT_TRANSLATE_NOOP("Reports", t) for t, _ in DEFINITIONS.values()]
_YOY = [QT_TRANSLATE_NOOP("Reports", t) for t in YOY_TITLES.values()]


@functools.cache
def _reference() -> dict[str, dict[str, tuple[str, str]]]:
    ref = read_reference()
    return {"province": {p["code"]: (p["en"], p["km"]) for p in ref.get("provinces", [])},
            "post": {p["code"]: (p["en"], p["km"]) for p in ref.get("posts", [])}}


class Labeller:
    """`lang=None` follows the window (Qt's translator, then STRINGS_KM); 'en'/'km' are fixed."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang

    @property
    def khmer(self) -> bool:
        return (self.lang or i18n.current_language()) == "km"

    def text(self, english: str) -> str:
        if self.lang == "en":
            return english
        if self.lang is None:
            translated = QCoreApplication.translate(CONTEXT, english)
            # An unfinished entry in the .qm comes back empty: fall back, never show "".
            if translated and (translated != english or not self.khmer):
                return translated
        return STRINGS_KM.get(english, english) if self.khmer else english

    def code(self, kind: str, code: str) -> str:
        if kind in ("province", "post"):
            en, km = _reference()[kind].get(code, (code, code))
            return km if self.khmer and km else en
        if kind in ("month", "year", "count"):
            return self.digits(code)
        english = CODES.get(kind, {}).get(code)
        return self.text(english) if english else self.digits(code)

    def header(self, kind: str) -> str:
        return self.text(CODES["header"].get(kind, kind))

    def title(self, key: str) -> str:
        return self.text(DEFINITIONS[key][0])

    def digits(self, value: object) -> str:
        text = str(value)
        if self.khmer:
            return text.translate(str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"))
        return text
