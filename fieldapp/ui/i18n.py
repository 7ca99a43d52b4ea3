"""Languages and fonts: the Khmer translator, Noto Sans Khmer, and labels for stored codes."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldapp.domain.entities import BY_NAME
from fieldapp.resources import resource_path

log = logging.getLogger("fieldapp.ui.i18n")
LANGUAGES = ("en", "km")
_translator: QTranslator | None = None
_current = "en"
_fonts_loaded: list[str] = []


def load_fonts() -> list[str]:
    """Register the shipped Noto Sans Khmer; return the family names Qt found."""
    if _fonts_loaded:
        return _fonts_loaded
    for name in ("NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf"):
        path = resource_path("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font %s could not be loaded", name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in _fonts_loaded:
                _fonts_loaded.append(family)
    return _fonts_loaded


def apply_font(app: QApplication) -> None:
    """Khmer in the shipped Noto Sans Khmer; Latin (which it lacks) in the next family listed.

    The Khmer face comes first: Qt then never tries a Latin face for Khmer runs (which would
    render boxes or warn "OpenType support missing").
    """
    families = load_fonts()
    font = QFont(app.font())
    font.setFamilies([*families, "Noto Sans", "DejaVu Sans"])
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)


def current_language() -> str:
    return _current


def set_language(code: str) -> None:
    """Install the translator for `code`; every open widget gets a LanguageChange event."""
    global _translator, _current
    if code not in LANGUAGES:
        code = "en"
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    _current = code
    _sync_companions()
    if code != "en":
        translator = QTranslator(app)
        if translator.load(str(resource_path("i18n", f"fieldapp_{code}.qm"))):
            # Installed last, so it is asked first: another translator answering "" for
            # texts it does not know cannot blank the window's labels.
            app.installTranslator(translator)
            _translator = translator
        else:
            log.warning("translation %s missing; showing English", code)
    # Qt posts LanguageChange to every window; deliver it now so relabelling is immediate.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    QLocale.setDefault(QLocale(QLocale.Language.Khmer if code == "km" else QLocale.Language.English,
                               QLocale.Country.Cambodia))


#: Called after every language change, before the window relabels (the form window's own
#: phrasebook registers here, so this module imports nothing of the forms: no import circle).
_companions: list[Callable[[], None]] = []


def follow_language(callback: Callable[[], None]) -> None:
    """Have `callback` run on every language change (once per callback)."""
    if callback not in _companions:
        _companions.append(callback)


def _sync_companions() -> None:
    for callback in list(_companions):
        callback()


def ref_name(en: str, km: str) -> str:
    """A reference item (province, post, provider) in the current language."""
    return km if _current == "km" and km else en


def fmt_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def digits(value: int) -> str:
    """A count as the user's language writes it (Khmer digits in Khmer)."""
    text = str(value)
    if _current == "km":
        return text.translate(str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"))
    return text


# -- stored codes -> labels (the codes stay English in the database) -------------------
def exploitation_label(code: str) -> str:
    labels = {
        "labour": QCoreApplication.translate("Labels", "Labour exploitation"),
        "sexual_exploitation": QCoreApplication.translate("Labels", "Sexual exploitation"),
        "forced_marriage": QCoreApplication.translate("Labels", "Forced marriage"),
        "online_scam": QCoreApplication.translate("Labels", "Online-scam compound"),
        "begging": QCoreApplication.translate("Labels", "Forced begging"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }
    return labels.get(code, code)


def role_label(code: str) -> str:
    labels = {"officer": QCoreApplication.translate("Labels", "Officer"), "centre_staff": QCoreApplication.translate("Labels", "Transit-centre staff"),
              "supervisor": QCoreApplication.translate("Labels", "Supervisor")}
    return labels.get(code, code)


def sex_label(code: str) -> str:
    labels = {"female": QCoreApplication.translate("Labels", "Female"), "male": QCoreApplication.translate("Labels", "Male"), "other": QCoreApplication.translate("Labels", "Other"),
              "unknown": QCoreApplication.translate("Labels", "Unknown")}
    return labels.get(code, code)


def referral_status_label(code: str) -> str:
    labels = {
        "created": QCoreApplication.translate("Labels", "Created"), "sent": QCoreApplication.translate("Labels", "New"), "accepted": QCoreApplication.translate("Labels", "Accepted"),
        "in_service": QCoreApplication.translate("Labels", "In service"), "completed": QCoreApplication.translate("Labels", "Completed"),
        "declined": QCoreApplication.translate("Labels", "Declined"), "cancelled": QCoreApplication.translate("Labels", "Cancelled"), "overdue": QCoreApplication.translate("Labels", "Overdue"),
    }
    return labels.get(code, code)


def service_label(code: str) -> str:
    labels = {
        "shelter": QCoreApplication.translate("Labels", "Shelter"), "medical": QCoreApplication.translate("Labels", "Medical care"), "psychosocial": QCoreApplication.translate("Labels", "Psychosocial support"),
        "legal_aid": QCoreApplication.translate("Labels", "Legal aid"), "family_tracing": QCoreApplication.translate("Labels", "Family tracing"),
        "repatriation": QCoreApplication.translate("Labels", "Repatriation"), "reintegration": QCoreApplication.translate("Labels", "Reintegration"),
        "education": QCoreApplication.translate("Labels", "Education"), "vocational": QCoreApplication.translate("Labels", "Vocational training"),
    }
    return labels.get(code, code)


def urgency_label(code: str) -> str:
    labels = {"low": QCoreApplication.translate("Labels", "Low"), "normal": QCoreApplication.translate("Labels", "Normal"), "high": QCoreApplication.translate("Labels", "High")}
    return labels.get(code, code)


def suspect_role_label(code: str) -> str:
    labels = {"recruiter": QCoreApplication.translate("Labels", "Recruiter"), "broker": QCoreApplication.translate("Labels", "Broker"), "transporter": QCoreApplication.translate("Labels", "Transporter"),
              "employer": QCoreApplication.translate("Labels", "Employer"), "other": QCoreApplication.translate("Labels", "Other")}
    return labels.get(code, code)


def suspect_status_label(code: str) -> str:
    labels = {"at_large": QCoreApplication.translate("Labels", "At large"), "arrested": QCoreApplication.translate("Labels", "Arrested"),
              "sent_to_court": QCoreApplication.translate("Labels", "Sent to court"), "convicted": QCoreApplication.translate("Labels", "Convicted")}
    return labels.get(code, code)


def statement_status_label(code: str) -> str:
    labels = {"draft": QCoreApplication.translate("Labels", "Draft"), "final": QCoreApplication.translate("Labels", "Final")}
    return labels.get(code, code)


def audit_action_label(code: str) -> str:
    labels = {
        "create": QCoreApplication.translate("Labels", "created"),
        "created": QCoreApplication.translate("Labels", "created"),  # a referral event's kind
        "update": QCoreApplication.translate("Labels", "changed"), "view": QCoreApplication.translate("Labels", "read"),
        "finalise": QCoreApplication.translate("Labels", "finalised"), "amend": QCoreApplication.translate("Labels", "amended"), "login": QCoreApplication.translate("Labels", "signed in"),
        "sent": QCoreApplication.translate("Labels", "sent"), "accepted": QCoreApplication.translate("Labels", "accepted"), "in_service": QCoreApplication.translate("Labels", "service recorded"),
        "completed": QCoreApplication.translate("Labels", "completed"), "declined": QCoreApplication.translate("Labels", "declined"), "cancelled": QCoreApplication.translate("Labels", "cancelled"),
    }
    return labels.get(code, code)


def entity_label(code: str) -> str:
    """The word for a kind of record: the entity registry's label, translated (context "Labels")."""
    known = BY_NAME.get(code)
    label = known.label if known is not None else None
    return QCoreApplication.translate("Labels", label) if label else code


def choice_label(list_name: str, code: str | None) -> str:
    """The word for a code of one of the forms' choice lists (nationalities, languages…).

    One source with the forms: what a form offers is what every table shows; an unknown
    code is shown as it is, an empty one as "-".
    """
    if not code:
        return "-"
    from fieldapp.services.submit import shipped_forms

    # Older records and demo data use two-letter language codes (ISO 639-1).
    code = {"km": "khm", "th": "tha", "vi": "vie", "lo": "lao", "zh": "zho", "my": "mya",
            "id": "ind", "ms": "msa", "en": "eng"}.get(code, code) if list_name == "languages" else code

    for form in shipped_forms().values():
        lst = form.choices.get(list_name)
        if lst is None:
            continue
        for choice in lst.choices:
            if choice.value == code:
                return choice.label.get(current_language())
    return code


def choice_labels(list_name: str, codes: list[str] | tuple[str, ...] | None) -> str:
    return ", ".join(choice_label(list_name, c) for c in codes or ()) or "-"
