"""Khmer for the form window's own words until they are merged into resources/i18n/fieldapp_km.ts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from fieldapp.ui import i18n
from fieldapp.ui.forms.strings_km import STRINGS_KM

#: The classes whose self.tr() texts are in STRINGS_KM.
CONTEXTS = frozenset({
    "FormDialog", "FormController", "Editor", "TextEditor", "LongTextEditor", "NumberEditor",
    "DateEditor", "DateTimeEditor", "ComboEditor", "RadioEditor", "MultiEditor",
    "AcknowledgeEditor", "AttachmentEditor", "ValueView", "DraftsDialog", "Forms",
})


class FormsTranslator(QTranslator):
    """Answers only for the form classes; anything else falls through to the app's .qm."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None (a null QString) means "not mine": an empty string would be taken as the
        # translation, and PySide's tr() also asks for the base classes' contexts.
        if context not in CONTEXTS:
            return None
        text = STRINGS_KM.get(source)
        if text and n >= 0:
            text = text.replace("%n", i18n.digits(n))
        return text

    def isEmpty(self) -> bool:
        return False


_installed: FormsTranslator | None = None


def sync() -> None:
    """Install the Khmer phrasebook while the language is Khmer, remove it otherwise."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return
    want = i18n.current_language() == "km"
    if want and _installed is None:
        _installed = FormsTranslator(app)
        app.installTranslator(_installed)
    elif not want and _installed is not None:
        app.removeTranslator(_installed)
        _installed = None


i18n.follow_language(sync)
