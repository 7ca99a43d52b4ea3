"""Fixtures for the window tests: Qt warnings fail, stores built once and copied, a controller."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parent))  # the tests import uihelpers from here
from uihelpers import BENIGN, FAST, build_store


@pytest.fixture(autouse=True)
def qt_warnings_fail(qapp: QApplication) -> Iterator[list[str]]:
    """Any QtWarningMsg/QtCriticalMsg during a test fails it (qutebrowser's rule)."""
    caught: list[str] = []

    def handler(kind: QtMsgType, _context: Any, message: str) -> None:
        serious = kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        if serious and not any(b in message for b in BENIGN):
            caught.append(message)

    previous = qInstallMessageHandler(handler)
    yield caught
    qInstallMessageHandler(previous)
    assert not caught, f"Qt warnings: {caught}"


@pytest.fixture(scope="session", autouse=True)
def fonts(qapp: QApplication) -> None:
    from fieldapp.ui import i18n

    i18n.apply_font(qapp)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    from fieldapp.ui import i18n

    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("template") / "data"
    ids = build_store(root)
    return root, ids


@pytest.fixture
def store(tmp_path: Path, store_template: tuple[Path, dict[str, str]]) -> tuple[Path, dict[str, str]]:
    """A fresh copy of the template store for this test."""
    template, ids = store_template
    root = tmp_path / "data"
    shutil.copytree(template, root, ignore=shutil.ignore_patterns("fieldapp.lock"))
    return root, dict(ids)


@pytest.fixture
def make_controller(qtbot: Any) -> Iterator[Callable[..., Any]]:
    from fieldapp.ui.shell import AppController

    made: list[AppController] = []

    def make(root: Path, **kw: Any) -> AppController:
        controller = AppController(root, kdf=kw.pop("kdf", FAST), **kw)
        qtbot.addWidget(controller.shell)
        controller.start()
        made.append(controller)
        return controller

    yield make
    for c in made:
        c.shutdown()
        c.runner.shutdown()
