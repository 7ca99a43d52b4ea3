"""Languages and fonts: the Khmer translator, Noto Sans Khmer, and labels for stored codes."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldapp.resources import resource_path

log = logging.getLogger("fieldapp.ui.i18n")
LANGUAGES = ("en", "km")
_translator: QTranslator | None = None
_current = "en"
_fonts_loaded: list[str] = []


def tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


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
    if code != "en":
        translator = QTranslator(app)
        if translator.load(str(resource_path("i18n", f"fieldapp_{code}.qm"))):
            app.installTranslator(translator)
            _translator = translator
        else:
            log.warning("translation %s missing; showing English", code)
    _current = code
    QLocale.setDefault(QLocale(QLocale.Language.Khmer if code == "km" else QLocale.Language.English,
                               QLocale.Country.Cambodia))


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
        "labour": tr("Labour exploitation"),
        "sexual_exploitation": tr("Sexual exploitation"),
        "forced_marriage": tr("Forced marriage"),
        "online_scam": tr("Online-scam compound"),
        "begging": tr("Forced begging"),
        "other": tr("Other"),
    }
    return labels.get(code, code)


def role_label(code: str) -> str:
    labels = {"officer": tr("Officer"), "centre_staff": tr("Transit-centre staff"),
              "supervisor": tr("Supervisor")}
    return labels.get(code, code)


def sex_label(code: str) -> str:
    labels = {"female": tr("Female"), "male": tr("Male"), "other": tr("Other"),
              "unknown": tr("Unknown")}
    return labels.get(code, code)


def referral_status_label(code: str) -> str:
    labels = {
        "created": tr("Created"), "sent": tr("New"), "accepted": tr("Accepted"),
        "in_service": tr("In service"), "completed": tr("Completed"),
        "declined": tr("Declined"), "cancelled": tr("Cancelled"), "overdue": tr("Overdue"),
    }
    return labels.get(code, code)


def service_label(code: str) -> str:
    labels = {
        "shelter": tr("Shelter"), "medical": tr("Medical care"), "psychosocial": tr("Psychosocial support"),
        "legal_aid": tr("Legal aid"), "family_tracing": tr("Family tracing"),
        "repatriation": tr("Repatriation"), "reintegration": tr("Reintegration"),
        "education": tr("Education"), "vocational": tr("Vocational training"),
    }
    return labels.get(code, code)


def urgency_label(code: str) -> str:
    labels = {"low": tr("Low"), "normal": tr("Normal"), "high": tr("High")}
    return labels.get(code, code)


def suspect_role_label(code: str) -> str:
    labels = {"recruiter": tr("Recruiter"), "broker": tr("Broker"), "transporter": tr("Transporter"),
              "employer": tr("Employer"), "other": tr("Other")}
    return labels.get(code, code)


def suspect_status_label(code: str) -> str:
    labels = {"at_large": tr("At large"), "arrested": tr("Arrested"),
              "sent_to_court": tr("Sent to court"), "convicted": tr("Convicted")}
    return labels.get(code, code)


def statement_status_label(code: str) -> str:
    labels = {"draft": tr("Draft"), "final": tr("Final")}
    return labels.get(code, code)


def audit_action_label(code: str) -> str:
    labels = {
        "create": tr("created"), "update": tr("changed"), "view": tr("read"),
        "finalise": tr("finalised"), "amend": tr("amended"), "login": tr("signed in"),
        "sent": tr("sent"), "accepted": tr("accepted"), "in_service": tr("service recorded"),
        "completed": tr("completed"), "declined": tr("declined"), "cancelled": tr("cancelled"),
    }
    return labels.get(code, code)


def entity_label(code: str) -> str:
    labels = {"rescue": tr("Rescue"), "victim": tr("Victim"), "statement": tr("Statement"),
              "suspect": tr("Suspect"), "referral": tr("Referral"), "attachment": tr("Attachment")}
    return labels.get(code, code)
