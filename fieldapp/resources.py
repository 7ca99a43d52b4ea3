"""Where the shipped resources/ and forms/ folders are: beside the package, or in the bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def _root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks datas here
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return _root().joinpath("resources", *parts)


def forms_dir() -> Path:
    return _root() / "forms"
