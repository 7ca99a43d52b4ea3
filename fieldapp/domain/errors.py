"""The error tree every layer raises; messages are meant for a border-post officer to act on.

Messages never contain victims' names or statement text: they may be shown, logged or
printed by the CLI.
"""

from __future__ import annotations


class FieldAppError(Exception):
    """Base of every error the app expects and explains; anything else is a bug."""


class WrongPassphrase(FieldAppError):
    def __init__(self, message: str = "wrong passphrase") -> None:
        super().__init__(message)


class UnlockThrottled(FieldAppError):
    def __init__(self, wait_seconds: float) -> None:
        self.wait_seconds = wait_seconds
        super().__init__(f"too many failed attempts: wait {wait_seconds:.0f} s before trying again")


class StoreLocked(FieldAppError):
    """The store is locked (idle lock, or never unlocked)."""


class StoreAlreadyOpen(FieldAppError):
    """Another process has this data directory open."""


class StoreCorrupt(FieldAppError):
    """The database or keystore failed an integrity check."""


class NewerRelease(FieldAppError):
    """The store or HQ database was written by a newer release than this one."""

    def __init__(self, what: str, revision: str) -> None:
        self.revision = revision
        super().__init__(
            f"this {what} was written by a newer release of fieldapp (schema {revision}): "
            "install that release or a later one; nothing was changed")


#: Said for a full disk and for a folder that cannot be written (read-only, no quota left).
DISK_FULL_MESSAGE = "the disk is full — nothing was lost; free space and try again"


class StorageFull(FieldAppError):
    """The disk is full, or the data folder cannot be written.

    Never an integrity alarm: the store is intact (SQLite rolls the failed write back) and
    every save confirmed before is kept, so the answer is to free space, not to restore.
    """

    def __init__(self, message: str = DISK_FULL_MESSAGE, *, read_only: bool = False) -> None:
        self.read_only = read_only
        super().__init__(message)


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
