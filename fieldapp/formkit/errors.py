"""Errors raised by the form engine: bad definitions, bad expressions, bad field values."""

from __future__ import annotations

from fieldapp.domain.errors import FormInvalid, InvalidInput


class DefinitionError(FormInvalid):
    """A form or choice file is wrong; the message names the file, line and field."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.field = field
        self.reason = message
        where = []
        if file:
            where.append(f"{file}:{line}" if line else file)
        if field:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class ExpressionError(FormInvalid):
    """An expression does not parse, uses something not allowed, or exceeded a work limit."""


class FieldValueError(InvalidInput):
    """A value typed into a field cannot be read as that field's type.

    ``messages`` holds the explanation per language code, so the engine can show it in
    the language the user chose.
    """

    def __init__(self, messages: dict[str, str]) -> None:
        self.messages = messages
        super().__init__(messages.get("en", next(iter(messages.values()))))


class FormIncomplete(InvalidInput):
    """Answers are missing or not accepted; ``problems`` lists them (names only, no values)."""

    def __init__(self, problems: list) -> None:  # list[engine.Problem]
        self.problems = problems
        names = ", ".join(dict.fromkeys(p.name for p in problems))
        super().__init__(f"{len(problems)} answer(s) need attention: {names}")
