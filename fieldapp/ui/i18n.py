"""Languages and fonts: the Khmer translator, Noto Sans Khmer, and labels for stored codes."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldapp import vocabulary
from fieldapp.domain.entities import BY_NAME
from fieldapp.domain.errors import CONTEXT, Code, Field, FieldAppError, Phrase
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


def ref_name(en: str, km: str) -> str:
    """A reference item (province, post, provider) in the current language."""
    return km if _current == "km" and km else en


def fmt_date(value: dt.date | dt.datetime | None) -> str:
    """A date (and time) as the user's language writes its digits."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return digits(value.strftime("%Y-%m-%d %H:%M"))
    return digits(value.isoformat())


def digits(value: object) -> str:
    """A count as the user's language writes it (Khmer digits in Khmer)."""
    return vocabulary.digits(value, _current)


# -- stored codes -> words: the one vocabulary (fieldapp/vocabulary.py), in the window's
# language. The codes stay English in the database.
def code_label(kind: str, code: str | None) -> str:
    """The word for a code of one of the vocabulary's kinds ("sex", "urgency", …)."""
    return vocabulary.label_of(kind, code, _current) if code else ""


def exploitation_label(code: str) -> str:
    return code_label("type", code)


def role_label(code: str) -> str:
    return code_label("role", code)


def sex_label(code: str) -> str:
    return code_label("sex", code)


def referral_status_label(code: str) -> str:
    if code == vocabulary.ReferralShown.OVERDUE:
        return vocabulary.label(vocabulary.ReferralShown.OVERDUE, _current)
    return code_label("status", code)


def service_label(code: str) -> str:
    return code_label("service", code)


def urgency_label(code: str) -> str:
    return code_label("urgency", code)


def suspect_role_label(code: str) -> str:
    return code_label("suspect_role", code)


def suspect_status_label(code: str) -> str:
    return code_label("suspect_status", code)


def statement_status_label(code: str) -> str:
    return code_label("statement_status", code)


def audit_action_label(code: str) -> str:
    return code_label("audit_action", code)


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
    if list_name in vocabulary.REFERENCE_LISTS:
        return vocabulary.reference_label(list_name, code, _current)
    from fieldapp.services.submit import shipped_forms

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


def in_words(item: FieldAppError | Phrase) -> str:
    """An error's (or a phrase's) template in the window's language, its parameters in
    words; `ui/tasks.user_message` is what views call for an error, the passphrase meter
    says the policy's reasons (phrases) with it."""
    return vocabulary.error_text(item, _current, lambda t: QCoreApplication.translate(CONTEXT, t),
                                 word_for)


def word_for(item: Code | Field) -> str:
    """A form choice-list code, or a field's name, as the window says it (an error's
    parameter): the forms' own labels; a name no form knows as it is."""
    if isinstance(item, Code):
        if item.kind == "entity":
            return entity_label(item.code)
        return choice_label(item.kind, item.code)
    from fieldapp.services.submit import shipped_forms

    for form in shipped_forms().values():
        found = form.items.get(item.name)
        label = getattr(found, "label", None)
        if label is not None:
            return label.get(current_language())
    return item.name


def said(english: str) -> str | None:
    """A text that arrived in English (HQ's reason, a stored sync error) in the window's
    language; None when Khmer has no words for it, so no English shows in a Khmer window."""
    return english if _current == "en" else vocabulary.khmer(english)


def hq_reason(exc: FieldAppError) -> str | None:
    """HQ's own reason for a refusal (English, from the network: the ``reason`` parameter of
    "HQ refused: {reason}"), as `said` gives it."""
    given = exc.params.get("reason")
    return said(str(given) if given is not None else str(exc).removeprefix("HQ refused: "))
