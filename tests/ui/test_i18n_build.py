"""The errors' templates: every one raised in fieldapp is a literal the builder finds, and
every one a window user can meet has Khmer in the catalogue (issue 12)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_khmer_words import ALLOWED_WORDS, LATIN_DIGIT, LATIN_WORD

from fieldapp import vocabulary
from fieldapp.domain.errors import CONTEXT, InvalidInput, Phrase, fields_of
from fieldapp.ui import i18n_build
from fieldapp.ui.i18n_build import ADMIN_ONLY, error_sites, error_templates

FIELD = re.compile(r"\{[a-z_0-9]+\}")
TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "fieldapp_km.ts"


def test_every_error_in_fieldapp_is_made_from_a_literal_template() -> None:
    sites = error_sites()
    assert len(sites) > 300  # the walk found the raise sites (a broken walk finds none)
    assert [f"{s.where}: {s.problem}" for s in sites if s.problem] == []


def test_every_template_a_window_user_can_meet_has_khmer_in_the_catalogue() -> None:
    templates = error_templates()
    assert "wrong passphrase" in templates and "this case belongs to another post" in templates
    missing = [t for t in templates if not vocabulary.khmer(t)]
    assert missing == []
    for template in templates:  # the Khmer fills the same fields, and says the rest in Khmer
        khmer = vocabulary.khmer(template) or ""
        assert sorted(fields_of(khmer)) == sorted(fields_of(template))
        words = set(LATIN_WORD.findall(FIELD.sub("", khmer))) - ALLOWED_WORDS
        assert not words and not LATIN_DIGIT.search(FIELD.sub("", khmer)), (template, words)
    listed = {m.findtext("source") for c in ET.parse(TS).getroot().iter("context")
              if c.findtext("name") == CONTEXT for m in c.iter("message")}
    assert set(templates) <= listed


def test_admin_only_templates_are_kept_out_of_the_window_catalogue() -> None:
    admin = {s.template for s in error_sites() if s.template and s.where.startswith(ADMIN_ONLY)}
    assert "HQ keys already exist in {data_dir}" in admin
    assert "HQ keys already exist in {data_dir}" not in error_templates()


def _sites_of(source: str, tmp_path: Path) -> list[i18n_build.ErrorSite]:
    package = tmp_path / "fieldapp"
    (package / "domain").mkdir(parents=True)
    (package / "domain" / "errors.py").write_text(
        "class FieldAppError(Exception):\n    template = 'refused'\n"
        "class InvalidInput(FieldAppError):\n    pass\n"
        "class StoreLocked(FieldAppError):\n    template = 'locked'\n", "utf-8")
    (package / "mod.py").write_text(source, "utf-8")
    return [s for s in error_sites(package) if s.where.startswith("fieldapp/mod.py")]


@pytest.mark.parametrize(("source", "problem"), [
    ("raise InvalidInput(f'{x}: required')", "the template is not a string literal"),
    ("raise InvalidInput('a ' + b)", "the template is not a string literal"),
    ("message = 'x'\nraise InvalidInput(message)", "the template is not a string literal"),
    ("raise InvalidInput('{field}: required')", "no value for ['field']"),
    ("raise InvalidInput()", "no template (and no default)"),
    ("def err(template, **p):\n    return InvalidInput(template, **p)\nraise err(f'{a}')",
     "the template is not a string literal"),
])
def test_a_new_error_without_a_literal_template_is_found(source: str, problem: str,
                                                         tmp_path: Path) -> None:
    assert [s.problem for s in _sites_of(source, tmp_path) if s.problem] == [problem]


def test_templates_given_through_a_forwarder_or_a_phrase_are_collected(tmp_path: Path) -> None:
    source = ("def err(template, node=None, **p):\n    return InvalidInput(template, **p)\n"
              "raise err('{n} rows', n=2)\nraise InvalidInput('x {what}', what=Phrase('y'))\n"
              "raise StoreLocked()\n")
    sites = _sites_of(source, tmp_path)
    assert [s.problem for s in sites if s.problem] == []
    assert {s.template for s in sites} >= {"{n} rows", "x {what}", "y"}


def test_the_english_sentence_is_unchanged_and_parameters_become_words() -> None:
    from fieldapp.domain.enums import Role
    from fieldapp.domain.errors import Code, Field

    exc = InvalidInput("{name}: required for {role} at {post} ({n} of {items})", name=Field("sex"),
                       role=Role.OFFICER, post=Code("posts", "POIPET"), n=3, items=["a", "b"])
    assert str(exc) == "sex: required for officer at POIPET (3 of a, b)"
    said = vocabulary.error_text(exc, "km", lambda t: t, lambda item: f"<{item}>")
    assert said.startswith("<sex>: required for មន្ត្រីនគរបាល at ") and "(៣ of a, b)" in said
    nested = InvalidInput("row {n}: {exc}", n=2, exc=InvalidInput("wrong passphrase"))
    assert str(nested) == "row 2: wrong passphrase"
    assert vocabulary.error_text(nested, "km") == "ជួរទី ២៖ ឃ្លាសម្ងាត់មិនត្រឹមត្រូវ។"
    assert str(Phrase("HQ's answer to {path}", path="/pull")) == "HQ's answer to /pull"
