"""Reference data (provinces, posts, transit centres, providers): shipped in resources/, loaded at init."""

from __future__ import annotations

import functools
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
        centre = bool(p.get("centre", False))
        session.merge(ServiceProvider(code=p["code"], name_en=p["en"], name_km=p["km"],
                                      province_code=p["province"], services=list(p["services"]),
                                      is_centre=centre,
                                      kind=p.get("kind") or ("centre" if centre else "ngo"),
                                      country=p.get("country") or ""))


# -- ISO lists: nationalities and languages ------------------------------------------------
# Shipped as data (resources/reference/countries.yaml, languages.yaml, generated from CLDR
# by make_lists.py). The forms offer exactly these and the services accept exactly these.
@functools.cache
def _codes_file(name: str) -> tuple[tuple[str, str, str], ...]:
    data = yaml.safe_load(resource_path("reference", f"{name}.yaml").read_text("utf-8"))
    return tuple((str(r["code"]), str(r["en"]), str(r["km"])) for r in data[name])


def countries() -> tuple[tuple[str, str, str], ...]:
    """(ISO 3166-1 alpha-3, English, Khmer) for every country, the frequent ones first;
    then XXA (stateless) and XXX (not known), as ICAO writes them."""
    return _codes_file("countries")


def languages() -> tuple[tuple[str, str, str], ...]:
    """(ISO 639-3, English, Khmer) of the languages met, Cambodia's indigenous ones included."""
    return _codes_file("languages")


@functools.cache
def nationality_codes() -> frozenset[str]:
    return frozenset(c for c, _, _ in countries())


@functools.cache
def language_codes() -> frozenset[str]:
    return frozenset(c for c, _, _ in languages())


def bad_nationality(value: str) -> bool:
    """True when `value` is neither blank nor a code the forms offer."""
    return bool(value) and value not in nationality_codes()


def bad_languages(values: list[str]) -> list[str]:
    return [v for v in values if v not in language_codes()]
