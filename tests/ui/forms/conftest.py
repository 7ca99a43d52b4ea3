"""Fixtures for the form tests: a task runner of their own.

Qt warnings already fail every test under tests/ui (tests/ui/conftest.py installs the
message handler), so this folder does not install a second one.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fieldapp.ui.tasks import TaskRunner

sys.path.insert(0, str(Path(__file__).parent))  # the tests import formhelpers from here


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait_idle(10)
    r.shutdown()
