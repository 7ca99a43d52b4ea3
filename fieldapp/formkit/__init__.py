"""Form definitions as data: load and validate YAML forms, evaluate expressions, fill them in.

Qt-free. The public surface:

- ``load_all(forms_dir)`` / ``load_form(path)`` → ``FormDef`` (``loader``)
- ``FormState(form, choices=ChoiceSource, context=...)`` — one form being filled in (``engine``)
- ``choose_form(forms, record, context)`` — e.g. the child statement form for a minor
- ``ChoiceSource().with_list(name, rows)`` — reference lists from the store (``model``)
- ``convert(xlsx_path)`` — XLSForm → our YAML (``xlsform``)
"""

from __future__ import annotations

from fieldapp.formkit.engine import FormState, Problem, choose_form, form_applies
from fieldapp.formkit.errors import (
    DefinitionError,
    ExpressionError,
    FieldValueError,
    FormIncomplete,
)
from fieldapp.formkit.loader import load_all, load_form, load_form_text
from fieldapp.formkit.model import Choice, ChoiceList, ChoiceSource, FormDef, LocalText

__all__ = [
    "Choice",
    "ChoiceList",
    "ChoiceSource",
    "DefinitionError",
    "ExpressionError",
    "FieldValueError",
    "FormDef",
    "FormIncomplete",
    "FormState",
    "LocalText",
    "Problem",
    "choose_form",
    "form_applies",
    "load_all",
    "load_form",
    "load_form_text",
]
