"""Errors raised by the form engine: bad definitions, bad expressions, bad field values."""

from __future__ import annotations

from fieldapp.domain.errors import Field, FormInvalid, InvalidInput


class DefinitionError(FormInvalid):
    """A form or choice file is wrong; the message names the file, line and field."""

    def __init__(
        self,
        template: str,
        /,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
        **params: object,
    ) -> None:
        self.file = file
        self.line = line
        self.field = field
        super().__init__(template, **params)
        self.reason = str(self.args[0])
        where = []
        if file:
            where.append(f"{file}:{line}" if line else file)
        if field:
            where.append(f"field '{field}'")
        if where:  # for the form's author: the window shows the translated reason alone
            self.args = (f"{', '.join(where)}: {self.reason}",)


class ExpressionError(FormInvalid):
    """An expression does not parse, uses something not allowed, or exceeded a work limit."""


class FieldValueError(InvalidInput):
    """A value typed into a field cannot be read as that field's type.

    ``messages`` holds the explanation per language code (the Khmer from the one
    catalogue), so the engine can show it in the language the user chose.
    """

    @property
    def messages(self) -> dict[str, str]:
        from fieldapp import vocabulary

        return {lang: vocabulary.error_text(self, lang) for lang in vocabulary.LANGUAGES}


class FormIncomplete(InvalidInput):
    """Answers are missing or not accepted; ``problems`` lists them (names only, no values)."""

    def __init__(self, problems: list) -> None:  # list[engine.Problem]
        self.problems = problems
        names = [Field(name) for name in dict.fromkeys(p.name for p in problems)]
        super().__init__("{count} answer(s) need attention: {names}", count=len(problems),
                         names=names)
