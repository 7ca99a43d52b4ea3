"""The error tree every layer raises; messages are meant for a border-post officer to act on.

An error carries a message *template* (English, a constant string with ``{named}`` fields)
and its parameters. ``str(exc)`` is the English sentence (the CLI prints it; logs name the
error's type only); the window translates the template (context "Errors") and fills the
parameters in the user's language (`fieldapp/ui/tasks.py::user_message`). Every template is
a string literal at the call that makes the error (or the class's default ``template``), so
`python -m fieldapp.ui.i18n_build` finds them all by reading the source, and a test checks
each has its Khmer.

Parameters that are words of the vocabulary are passed as such: a `StrEnum` member, a
`Code` (a code of a vocabulary kind or a reference list), a `Field` (a form field's name);
a `Phrase` (an English phrase translated like a template); numbers as numbers; another
error as itself. Plain text (a file name, a user name) is shown as it is.

Messages never contain victims' names or statement text: they may be shown, logged or
printed by the CLI.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from enum import Enum

#: The `.ts` context the templates are listed under (fieldapp/ui/i18n_build.py).
CONTEXT = "Errors"


@dataclass(frozen=True)
class Code:
    """A stored code as a message parameter: `kind` is a vocabulary kind ("role", "status"…),
    a reference list ("posts", "nationalities"…), a form choice list, or "entity" (a kind of
    record, fieldapp/domain/entities.py); shown as its word."""

    kind: str
    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class Field:
    """A form or record field's name as a message parameter; the window shows its label."""

    name: str

    def __str__(self) -> str:
        return self.name


class Phrase:
    """An English phrase as a message parameter ("the enrolment answer"): a template of its
    own, with its own parameters, translated like an error's (the builder collects
    ``Phrase("...")`` literals too)."""

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params: dict[str, object] = params

    def __str__(self) -> str:
        return fill(self.template, {k: english(v) for k, v in self.params.items()})

    def __repr__(self) -> str:
        return f"Phrase({self.template!r})"


def english(value: object) -> str:
    """A parameter as the English sentence (and the CLI) shows it: codes as they are."""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(english(v) for v in value)
    return str(value)


def fields_of(template: str) -> list[str]:
    """The names a template's ``{fields}`` use, in order."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


class _Given(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"  # a translation naming a field nobody gave: shown, not raised


def fill(template: str, params: dict[str, str]) -> str:
    """The template with each ``{name}`` replaced (``{{`` and ``}}`` are braces, as in
    `str.format`); a name without a value stays as it is written."""
    return string.Formatter().vformat(template, (), _Given(params))


class FieldAppError(Exception):
    """Base of every error the app expects and explains; anything else is a bug."""

    #: The English template said when the raise gives none.
    template = "this action was refused"

    def __init__(self, template: str | None = None, /, **params: object) -> None:
        self.template = template if template is not None else type(self).template
        self.params: dict[str, object] = params
        super().__init__(fill(self.template, {k: english(v) for k, v in params.items()}))


class WrongPassphrase(FieldAppError):
    template = "wrong passphrase"


class UnlockThrottled(FieldAppError):
    def __init__(self, wait_seconds: float) -> None:
        self.wait_seconds = wait_seconds
        super().__init__("too many failed attempts: wait {seconds} s before trying again",
                         seconds=round(wait_seconds))


class StoreLocked(FieldAppError):
    """The store is locked (idle lock, or never unlocked)."""


class StoreAlreadyOpen(FieldAppError):
    """Another process has this data directory open."""


class StoreCorrupt(FieldAppError):
    """The database or keystore failed an integrity check."""


class NewerRelease(FieldAppError):
    """The store or HQ database was written by a newer release than this one."""

    template = ("this {what} was written by a newer release of fieldapp (schema {revision}): "
                "install that release or a later one; nothing was changed")

    def __init__(self, what: Phrase, revision: str) -> None:
        self.revision = revision
        super().__init__(None, what=what, revision=revision)


class StorageFull(FieldAppError):
    """The disk is full, or the data folder cannot be written.

    Never an integrity alarm: the store is intact (SQLite rolls the failed write back) and
    every save confirmed before is kept, so the answer is to free space, not to restore.
    """

    #: Said for a full disk and for a folder that cannot be written (read-only, no quota left).
    template = "the disk is full — nothing was lost; free space and try again"

    def __init__(self, template: str | None = None, /, *, read_only: bool = False,
                 **params: object) -> None:
        self.read_only = read_only
        super().__init__(template, **params)


DISK_FULL_MESSAGE = StorageFull.template


class StoreNotFound(FieldAppError):
    """No store has been initialised in this data directory."""


class StoreExists(FieldAppError):
    """A store already exists where a new one was to be created."""


class NotFound(FieldAppError):
    """A record, user or reference item does not exist."""


class PermissionDenied(FieldAppError):
    """The signed-in user's role does not allow this action."""


class CaseHandedOver(PermissionDenied):
    """The case was transferred to another post: this device keeps it read-only (h13)."""


class InvalidInput(FieldAppError):
    """Input failed validation; the message names the field."""


class InvalidTransition(FieldAppError):
    """A state machine refused a transition (e.g. completing a declined referral)."""


class StatementFinal(FieldAppError):
    """A final statement cannot be changed; record an amendment instead."""


class FormInvalid(FieldAppError):
    """A form definition failed to load or validate."""


class SyncRejected(FieldAppError):
    """HQ or a bundle refused a sync payload; the message says why."""


class IntegrityError(FieldAppError):
    """A hash chain or checksum did not verify."""
