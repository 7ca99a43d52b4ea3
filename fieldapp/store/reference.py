"""Reference data (provinces, posts, transit centres, providers): shipped in resources/, loaded at init."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from fieldapp.resources import resource_path
from fieldapp.store.models import Post, Province, ServiceProvider


def reference_file() -> Path:
    return resource_path("reference", "reference.yaml")


def read_reference(path: Path | None = None) -> dict[str, Any]:
    return dict(yaml.safe_load((path or reference_file()).read_text("utf-8")))


def load_reference(session: Session, data: dict[str, Any] | None = None) -> None:
    """Insert or update every reference row (idempotent; HQ updates use the same path)."""
    data = data or read_reference()
    for p in data.get("provinces", []):
        session.merge(Province(code=p["code"], name_en=p["en"], name_km=p["km"]))
    session.flush()
    for p in data.get("posts", []):
        session.merge(Post(code=p["code"], name_en=p["en"], name_km=p["km"], kind=p["kind"],
                           province_code=p["province"]))
    for p in data.get("providers", []):
        session.merge(ServiceProvider(code=p["code"], name_en=p["en"], name_km=p["km"],
                                      province_code=p["province"], services=list(p["services"]),
                                      is_centre=bool(p.get("centre", False))))
