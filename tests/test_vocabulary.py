"""The one vocabulary: every code shown as a word has one word per language, from one source."""

from __future__ import annotations

import enum
import inspect
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

import pytest

from fieldapp import vocabulary
from fieldapp.domain import enums
from fieldapp.formkit.loader import load_all
from fieldapp.reports import labels as report_labels
from fieldapp.reports.labels import Labeller
from fieldapp.resources import forms_dir, resource_path

KHMER = re.compile(r"[\u1780-\u17ff]")
#: Enums never shown as one word, each for a reason.
NOT_SHOWN = {
    enums.ConsentKind: "each consent is its own question, worded by the victim form",
}


def _domain_enums() -> list[type[enum.StrEnum]]:
    return [e for _, e in inspect.getmembers(enums, inspect.isclass)
            if issubclass(e, enum.StrEnum) and e.__module__ == enums.__name__]


def test_the_enums_never_shown_as_one_word_are_domain_enums() -> None:
    assert set(NOT_SHOWN) <= set(_domain_enums())


@pytest.mark.parametrize("kind", [e for e in _domain_enums() if e not in NOT_SHOWN],
                         ids=lambda e: e.__name__)
def test_every_enum_member_has_one_word_per_language(kind: type[enum.StrEnum]) -> None:
    assert kind in vocabulary.ENGLISH, f"{kind.__name__}: no words in fieldapp/vocabulary.py"
    for member in kind:
        english = vocabulary.label(member, "en")
        khmer = vocabulary.label(member, "km")
        assert english and not KHMER.search(english), member
        assert KHMER.search(khmer), f"{member!r}: no Khmer for {english!r} in the .ts"


def test_the_vocabulary_lists_exactly_each_enums_members() -> None:
    for kind, words in vocabulary.ENGLISH.items():
        assert set(words) == {m.value for m in kind}, kind.__name__


def test_every_reference_list_code_has_english_and_khmer() -> None:
    lists = vocabulary.reference_lists()
    assert set(lists) == set(vocabulary.REFERENCE_LISTS)
    for name, codes in lists.items():
        assert codes, name
        for code, (en, km) in codes.items():
            assert en and not KHMER.search(en), (name, code)
            assert KHMER.search(km), (name, code)
    assert vocabulary.reference_label("nationalities", "VNM", "km") == "វៀតណាម"
    assert vocabulary.reference_label("languages", "vi", "en") == "Vietnamese"  # old 2-letter code


def _ts_translations() -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for message in ET.parse(resource_path("i18n", "fieldapp_km.ts")).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        found[message.findtext("source") or ""].add((translation.text or "").strip())
    return found


def test_each_english_text_has_one_khmer_in_the_ts() -> None:
    """The 8 labels the case list and the reports translated differently are one now."""
    differing = {source: km for source, km in _ts_translations().items() if len(km) > 1}
    assert differing == {}


def test_every_word_the_reports_show_is_in_the_ts() -> None:
    ts = _ts_translations()
    missing = [p for p in [*report_labels.phrases(), *vocabulary.phrases()] if p not in ts]
    assert missing == []


def test_the_forms_enum_lists_are_the_vocabulary() -> None:
    """A form offering an enum's codes uses the vocabulary's words, never its own copy."""
    enum_values = {frozenset(m.value for m in e): e for e in vocabulary.ENGLISH}
    for form in load_all(forms_dir()).values():
        for name, lst in form.choices.items():
            kind = enum_values.get(frozenset(c.value for c in lst.choices))
            if kind is None or lst.reference:
                continue
            for choice in lst.choices:
                member = kind(choice.value)
                assert choice.label.en == vocabulary.label(member, "en"), (form.form_id, name)
                assert choice.label.km == vocabulary.label(member, "km"), (form.form_id, name)
    urgency = next(f for f in load_all(forms_dir()).values() if "urgencies" in f.choices)
    high = next(c for c in urgency.choices["urgencies"].choices if c.value == "high")
    assert (high.label.en, high.label.km) == ("Urgent", "បន្ទាន់")  # the board says the same


def test_the_reports_labeller_needs_no_qt() -> None:
    """HQ's report words come from the same vocabulary without loading Qt."""
    code = ("from fieldapp.reports.labels import Labeller; import sys\n"
            "lab = Labeller('km')\n"
            "print(lab.code('type', 'online_scam'), lab.code('nationality', 'KHM'), lab.digits(2025))\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')]\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["មជ្ឈមណ្ឌលបោកប្រាស់តាមអនឡាញ", "កម្ពុជា", "២០២៥"]


def test_the_labeller_words_codes_in_each_language() -> None:
    en, km = Labeller("en"), Labeller("km")
    assert en.code("service", "repatriation") == "Repatriation"
    assert km.code("service", "repatriation") == vocabulary.label(enums.Service.REPATRIATION, "km")
    assert km.code("nationality", "unknown") == vocabulary.label(vocabulary.Missing.UNKNOWN, "km")
    assert km.code("age", "18-24") == "១៨-២៤"
    assert en.code("nationality", "THA") == "Thailand"
    assert km.header("count") == "ចំនួន"


def test_one_digit_converter() -> None:
    assert vocabulary.digits("2025-03-01", "km") == "២០២៥-០៣-០១"
    assert vocabulary.digits(12, "en") == "12"
    from pathlib import Path

    package = Path(vocabulary.__file__).parent
    # Latin to Khmer digits (crypto/passphrase.py maps the other way, to normalise typing).
    to_khmer = '"0123456789", "០១២៣៤៥៦៧៨៩"'
    converters = [p.relative_to(package).as_posix() for p in package.rglob("*.py")
                  if to_khmer in p.read_text("utf-8")]
    assert converters == ["vocabulary.py"]


def test_every_audit_action_written_has_a_word() -> None:
    """Each `audit.append(session, "action", …)` in the code names a vocabulary AuditAction."""
    import ast
    from pathlib import Path

    package = Path(vocabulary.__file__).parent
    written = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "append" and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "audit" and len(node.args) > 1
                    and isinstance(node.args[1], ast.Constant)):
                written.add(node.args[1].value)
    assert len(written) > 20
    known = {m.value for m in vocabulary.AuditAction}
    assert written - known == set()
    # the referral events and match decisions written from variables
    from fieldapp.domain.enums import ReferralStatus
    from fieldapp.services.matching import DECISIONS

    assert {s.value for s in ReferralStatus} <= known
    assert {f"match_{d}" for d in DECISIONS} <= known


def test_the_phrasebook_fills_plain_and_plural_messages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("fill_km", resource_path("i18n", "fill_km.py"))
    assert spec is not None and spec.loader is not None
    fill_km = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fill_km)
    ts = tmp_path / "t.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="km_KH">'
        "<context><name>X</name>"
        '<message><source>Female</source><translation type="unfinished"></translation></message>'
        '<message numerus="yes"><source>Urgent</source><translation type="unfinished">'
        "<numerusform></numerusform></translation></message>"
        '<message><source>No Khmer for this</source><translation type="unfinished"></translation>'
        "</message></context></TS>", "utf-8")
    assert fill_km.fill(ts) == ["No Khmer for this"]
    filled = {m.findtext("source"): m.find("translation") for m in ET.parse(ts).iter("message")}
    assert filled["Female"].text == "ស្រី" and filled["Female"].get("type") is None
    assert filled["Urgent"].findtext("numerusform") == "បន្ទាន់"
