"""Tests for fieldapp/formkit/expr.py: parsing, ODK-like semantics, and refusing hostile input."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from fieldapp.domain.errors import FormInvalid
from fieldapp.formkit.expr import MAX_STRING, Env, ExpressionError, NodeSet, parse

NOW = dt.datetime(2025, 3, 1, 10, 30)


def ev(source: str, current: object = None, **values: object) -> object:
    env = Env(lookup=values.get, current=current, clock=lambda: NOW)
    return parse(source).evaluate(env)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 + 2 * 3", 7),
        ("(1 + 2) * 3", 9),
        ("7 div 2", 3.5),
        ("8 div 2", 4),
        ("-7 mod 3", -1),
        ("10 - 2 - 3", 5),
        ("-(2 + 3)", -5),
        ("1 < 2 and 2 <= 2 and 3 > 2 and 3 >= 3", True),
        ("1 = 1 or 1 div 0", True),
        ("'a' = 'a' and 'a' != 'b'", True),
        ("not(1 = 2)", True),
        ("true() and not(false())", True),
        ("if(1 > 2, 'yes', 'no')", "no"),
        ("concat('a', 1, 'b', 2.5)", "a1b2.5"),
        ("string-length('ជនរងគ្រោះ')", len("ជនរងគ្រោះ")),
        ("int(3.9)", 3),
        ("int(-3.9)", -3),
        ("number('12')", 12),
        ("string(12)", "12"),
        ("round(2.5)", 3),
        ("round(-2.5)", -3),
        ("round(3.14159, 2)", 3.14),
        ("regex('012 345 678', '^[0-9 ]+$')", True),
        ("regex('abc', '^[0-9]+$')", False),
        ("contains('Poipet', 'pet')", True),
        ("substr('Poipet', 0, 3)", "Poi"),
        ("today()", NOW.date()),
        ("now()", NOW),
        ("date('2025-01-02') < today()", True),
        ("today() - date('2025-02-27')", 2),
    ],
)
def test_literals_and_functions(source: str, expected: object) -> None:
    assert ev(source) == expected


def test_field_references_and_current_value() -> None:
    assert ev("${a} + ${b}", a=2, b=3) == 5
    assert ev(". >= 0 and . <= 120", current=30) is True
    assert ev(". >= 0 and . <= 120", current=130) is False


def test_empty_values_behave_like_odk() -> None:
    # Empty equals the empty string, compares false with everything, and makes arithmetic empty.
    assert ev("${x} = ''") is True
    assert ev("${x} != ''") is False
    assert ev("${x} < 5") is False
    assert ev("${x} > 5") is False
    assert ev("${x} = 0") is False
    assert ev("${x} + 1") is None
    assert ev("coalesce(${x}, 'fallback')") == "fallback"
    assert ev("coalesce(${y}, 'fallback')", y="set") == "set"
    assert ev("string-length(${x})") == 0
    assert ev("1 div 0") is None


def test_select_multiple_functions() -> None:
    assert ev("count-selected(${d})", d=("passport", "id_card")) == 2
    assert ev("selected(${d}, 'none')", d=("none",)) is True
    assert ev("selected(${d}, 'none')", d=("passport",)) is False
    assert ev("selected(${d}, 'none')") is False
    assert ev("count-selected(${d})") == 0
    # Choice-filter columns hold space-separated values, like ODK's stored answers.
    assert ev("selected('shelter medical', 'medical')") is True


def test_age_counts_whole_years() -> None:
    assert ev("age(${dob})", dob=dt.date(2007, 3, 1)) == 18
    assert ev("age(${dob})", dob=dt.date(2007, 3, 2)) == 17
    assert ev("age(${dob})", dob="2010-06-15") == 14
    assert ev("age(${dob})") is None


def test_repeat_aware_aggregates() -> None:
    ages = NodeSet((12, 30, None, 16))
    assert ev("sum(${age})", age=ages) == 58
    assert ev("count(${age})", age=ages) == 4
    assert ev("count(${people})", people=NodeSet((True, True))) == 2
    # A nodeset in a single-value position means its first value, as in XPath.
    assert ev("${age} + 1", age=ages) == 13


def test_refs_and_columns_are_reported() -> None:
    e = parse("${a} > 1 and selected(services, ${b}) or . = 2")
    assert e.refs == {"a", "b"}
    assert e.columns == {"services"}
    assert e.uses_current


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("", "empty"),
        ("1 +", "expected a value"),
        ("(1", "expected ')'"),
        ("foo(1)", "unknown function"),
        ("not(1, 2)", "takes 1 arguments"),
        ("${a b}", "not a valid field name"),
        ("1 # 2", "unexpected character"),
        ("/data/x = 1", "unexpected character"),
        ("1 2", "unexpected text"),
    ],
)
def test_syntax_errors_say_what_and_where(source: str, fragment: str) -> None:
    with pytest.raises(ExpressionError, match=re.escape(fragment)):
        parse(source)


# Hostile input: each must be refused quickly with ExpressionError (a FormInvalid).
HOSTILE = {
    "python import": "__import__('os')",
    "attribute access": "${a}.__class__",
    "python power": "9**9**9",
    "caret power": "2^999999",
    "deep parentheses": "(" * 10_000 + "1" + ")" * 10_000,
    "deep parentheses under length cap": "(" * 60 + "1" + ")" * 60,
    "deep unary minus": "-" * 200 + "1",
    "deep function nesting": "not(" * 60 + "1" + ")" * 60,
    "megabyte string": "'" + "x" * 1_000_000 + "'",
    "too many nodes": " + ".join(["1"] * 500),
    "huge number literal": "1" * 400,
    "nested quantifier regex": "regex(${a}, '(a+)+$')",
    "alternation under quantifier regex": "regex(${a}, '^(a|aa)*$')",
    "backreference regex": "regex(${a}, '(a)\\1')",
    "lookahead regex": "regex(${a}, '(?=a)a')",
    "long regex pattern": "regex(${a}, '" + "a" * 300 + "')",
    "dunder name as column": "__class__",
}


@pytest.mark.parametrize("source", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_expressions_are_refused(source: str) -> None:
    with pytest.raises(ExpressionError) as info:
        e = parse(source)
        # Bare names parse as choice columns but resolve to nothing outside a choice_filter.
        e.evaluate(Env(lookup=lambda n: None))
    assert isinstance(info.value, FormInvalid)
    assert str(info.value)


def test_evaluation_limits_hold_at_runtime() -> None:
    big = "x" * (MAX_STRING // 2 + 1)
    with pytest.raises(ExpressionError, match="too long"):
        ev("concat(${s}, ${s})", s=big)
    with pytest.raises(ExpressionError, match="too large"):
        ev("${n} * ${n} * ${n}", n=10**6)
    # Catastrophic backtracking: a pattern built at runtime from a field is checked too.
    with pytest.raises(ExpressionError, match="nested quantifiers"):
        ev("regex(${s}, ${p})", s="a" * 40 + "!", p="^(a+)+$")
    # Polynomial backtracking (a*a*a*a*...) on long text is refused by the cost bound.
    with pytest.raises(ExpressionError, match="too costly"):
        ev("regex(${s}, ${p})", s="a" * 900 + "!", p="a*a*a*a*a*b")
    with pytest.raises(ExpressionError, match="longer than"):
        ev("regex(${s}, '^a')", s="a" * 2_000)


def test_no_python_reachable_through_values() -> None:
    # A value that is a Python object exposes nothing: only our conversions are applied.
    assert ev("string-length(${o})", o=object()) > 0
    with pytest.raises(ExpressionError):
        parse("${o}.__globals__")
