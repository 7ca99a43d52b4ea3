"""One dispatch style: every command of both command lines names its handler."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import Any

import pytest

from fieldapp.cli import device, hq


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = (), handler: Any = None
              ) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(command words, its handler) for every leaf; a group's handler serves its actions."""
    handler = parser.get_default("handler") or handler
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, handler
    for action in subs:
        for name, child in action.choices.items():
            yield from _commands(child, (*path, name), handler if path else None)  # not the window


@pytest.mark.parametrize("module", [device, hq], ids=["fieldapp", "fieldapp-hq"])
def test_every_command_has_a_handler_function(module) -> None:  # type: ignore[no-untyped-def]
    leaves = list(_commands(module.build_parser()))
    assert len(leaves) > 10
    for path, handler in leaves:
        assert path and callable(handler) and handler.__name__.startswith("cmd_"), path


def test_hq_runs_a_command_through_its_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []
    monkeypatch.setattr(hq, "cmd_stats", lambda args: seen.append(args.json) or 7)
    assert hq.run(["stats", "--json"]) == 7  # build_parser reads the module's cmd_stats
    assert seen == [True]
