"""Window preferences (language, idle-lock minutes, last user): a small JSON file, no case data."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from fieldapp.services.files import write_atomic

log = logging.getLogger("fieldapp.ui.settings")
FILENAME = "ui.json"
DEFAULT_IDLE_MINUTES = 10


@dataclass(frozen=True)
class UiSettings:
    language: str = "en"
    idle_minutes: int = DEFAULT_IDLE_MINUTES
    last_user: str = ""

    def with_(self, **changes: object) -> UiSettings:
        return replace(self, **changes)  # type: ignore[arg-type]


def load(root: Path) -> UiSettings:
    path = root / FILENAME
    try:
        data = json.loads(path.read_text("utf-8"))
        return UiSettings(language=str(data.get("language", "en")),
                          idle_minutes=max(1, int(data.get("idle_minutes", DEFAULT_IDLE_MINUTES))),
                          last_user=str(data.get("last_user", "")))
    except FileNotFoundError:
        return UiSettings()
    except (ValueError, TypeError, AttributeError):
        log.warning("ui settings unreadable; using defaults")
        return UiSettings()


def save(root: Path, settings: UiSettings) -> None:
    if not root.exists():
        return  # before the first run creates the data folder there is nothing to remember
    write_atomic(root / FILENAME, json.dumps(asdict(settings), indent=1).encode())
