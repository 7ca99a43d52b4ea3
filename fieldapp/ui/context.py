"""What every view is given: the task runner, the open workspace, reference choices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from fieldapp.domain.enums import Role
from fieldapp.services.caselist import Choices
from fieldapp.services.workspace import Workspace
from fieldapp.ui.tasks import TaskRunner


def desk_reason() -> str:
    """Why the national desk does not offer an action that records or changes a case."""
    return QCoreApplication.translate(
        "NationalDesk", "This is the national desk: it reads and searches every post's cases. "
        "Rescues, people, statements and referrals are recorded at the posts; HQ refuses them "
        "from the desk.")


@dataclass
class ViewContext:
    runner: TaskRunner
    ws: Workspace
    choices: Choices
    #: Extra hooks the window wires in later (sync source, export…).
    hooks: dict[str, Any] = field(default_factory=dict)
    #: This device is the national desk (enrolled with HQ's national role): it reads and
    #: searches every post's cases but records none (HQ would refuse them).
    national_desk: bool = False

    @property
    def role(self) -> Role:
        return self.ws.actor.role

    def province_name(self, code: str) -> str:
        from fieldapp.ui.i18n import ref_name

        for c in self.choices.provinces:
            if c.code == code:
                return ref_name(c.en, c.km)
        return code

    def post_name(self, code: str) -> str:
        from fieldapp.ui.i18n import ref_name

        for c in self.choices.posts:
            if c.code == code:
                return ref_name(c.en, c.km)
        return code

    def provider_name(self, code: str) -> str:
        from fieldapp.ui.i18n import ref_name

        for c in self.choices.providers:
            if c.code == code:
                return ref_name(c.en, c.km)
        return code


def follow_changes(view: object, ctx: ViewContext | None, slot: Callable[[Any, object], None]) -> None:
    """Connect `slot(changes, origin)` to the runner's broadcast of what each write changed.

    Called from a view's ``set_context``: connects once per runner (unlocking again gives
    the same runner), so a view never refreshes twice for one change.
    """
    runner = ctx.runner if ctx is not None else None
    old = getattr(view, "_followed_runner", None)
    if old is runner:
        return
    if old is not None:
        old.operation_did_execute.disconnect(slot)
    if runner is not None:
        runner.operation_did_execute.connect(slot)
    view._followed_runner = runner  # type: ignore[attr-defined]
