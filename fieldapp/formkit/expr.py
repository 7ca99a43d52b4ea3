"""The XLSForm expression subset: tokenizer, recursive-descent parser and bounded evaluator.

Expressions come from form files and from XLSForms imported from outside, so they are
treated as untrusted: nothing here calls ``eval``, looks up attributes or reaches Python
builtins. Only the node types below exist and only the functions in ``FUNCTIONS`` can be
called. Work is bounded up front (source length, nesting depth, node count) and while
evaluating (string length, number magnitude, regex cost), and every refusal is an
``ExpressionError`` with a message that says which limit was hit.

Values while evaluating: ``None`` (empty), ``bool``, ``int``, ``float``, ``str``,
``datetime.date``, ``datetime.datetime``, ``tuple[str, ...]`` (a select_multiple answer)
and ``NodeSet`` (the values of one field across repeat instances). Empty behaves like
ODK's empty string: it equals ``''``, every ordering comparison with it is false, and
arithmetic with it gives empty.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.formkit.errors import ExpressionError

# Limits. Generous for real forms (the longest shipped expression is ~120 characters), small
# enough that a hostile form is refused in microseconds.
MAX_SOURCE = 2_000
MAX_DEPTH = 48
MAX_NODES = 400
MAX_STRING = 65_536
MAX_NUMBER = 1e15
MAX_NUMBER_LITERAL_DIGITS = 16
REGEX_MAX_PATTERN = 256
REGEX_MAX_INPUT = 1_000
# Upper bound on backtracking steps, estimated as input length times the product of each
# quantifier's possible repeat counts. Nested quantifiers, quantified alternations and
# backreferences are refused outright, which removes exponential blow-up; this bound then
# keeps polynomial blow-up (``a*a*a*a*b``) small.
REGEX_MAX_COST = 2_000_000

Value = Any


class NodeSet(tuple):
    """The values of one field across repeat instances (what ``${x}`` means outside the repeat)."""

    __slots__ = ()


# ---------------------------------------------------------------------------------- AST


@dataclass(frozen=True, slots=True)
class Literal:
    value: Value


@dataclass(frozen=True, slots=True)
class Ref:
    name: str


@dataclass(frozen=True, slots=True)
class Current:
    """``.``: the value being checked by a constraint."""


@dataclass(frozen=True, slots=True)
class Column:
    """A bare name: a column of the choice being filtered (only inside ``choice_filter``)."""

    name: str


@dataclass(frozen=True, slots=True)
class Unary:
    op: str
    operand: Node


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...]


Node = Literal | Ref | Current | Column | Unary | Binary | Call


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed expression plus what it refers to (used to build the dependency graph)."""

    source: str
    root: Node
    refs: frozenset[str]
    columns: frozenset[str]
    uses_current: bool

    def evaluate(self, env: Env) -> Value:
        return _eval(self.root, env)

    def test(self, env: Env) -> bool:
        """Evaluate and convert to a boolean, the way ``relevant`` and ``constraint`` need."""
        return to_bool(_eval(self.root, env))


@dataclass(slots=True)
class Env:
    """What an expression can see: field values by name, the current value, choice columns."""

    lookup: Callable[[str], Value]
    current: Value = None
    column: Callable[[str], Value] | None = None
    clock: Callable[[], dt.datetime] = dt.datetime.now


# ---------------------------------------------------------------------------- tokenizer

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<ref>\$\{(?P<refname>[^}]*)\})
  | (?P<number>\d+(?:\.\d*)?|\.\d+)
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_\-]*(?::[A-Za-z_][A-Za-z0-9_\-]*)?)
  | (?P<op>!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,|\.)
    """,
    re.VERBOSE,
)
_NAME_OK = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_WORD_OPS = {"and", "or", "div", "mod"}


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # ref number string name op end
    text: str
    pos: int


def _tokenize(source: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while pos < len(source):
        if source.startswith("**", pos) or source[pos] == "^":
            raise ExpressionError(
                "'{value}' at column {pos}: powers are not supported (no '**' or '^' operator)",
                value=source[pos : pos + 2].rstrip('0123456789 '), pos=pos + 1
            )
        m = _TOKEN.match(source, pos)
        if m is None:
            raise ExpressionError("unexpected character '{source}' at column {pos}",
                                  source=source[pos], pos=pos + 1)
        kind = m.lastgroup
        if kind == "refname":  # the inner group of ``ref`` is reported last
            kind = "ref"
        text = m.group()
        if kind == "ref":
            name = m.group("refname")
            if not _NAME_OK.match(name):
                raise ExpressionError("'{text}' at column {pos} is not a valid field name",
                                      text=text, pos=pos + 1)
            toks.append(_Tok("ref", name, pos))
        elif kind == "number":
            if len(text) > MAX_NUMBER_LITERAL_DIGITS:
                raise ExpressionError("number at column {pos} has too many digits", pos=pos + 1)
            toks.append(_Tok("number", text, pos))
        elif kind == "string":
            toks.append(_Tok("string", text[1:-1], pos))
        elif kind in ("name", "op"):
            toks.append(_Tok(kind, text, pos))
        pos = m.end()
    toks.append(_Tok("end", "", len(source)))
    return toks


# ------------------------------------------------------------------------------- parser


@dataclass(frozen=True, slots=True)
class _Fn:
    min_args: int
    max_args: int | None  # None: any number
    impl: Callable[..., Value]
    lazy: bool = False  # receives AST nodes and the env instead of values


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.toks = _tokenize(source)
        self.i = 0
        self.depth = 0
        self.nodes = 0
        self.refs: set[str] = set()
        self.columns: set[str] = set()
        self.uses_current = False

    # -- helpers
    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def at_op(self, *ops: str) -> bool:
        tok = self.peek()
        return (tok.kind == "op" and tok.text in ops) or (
            tok.kind == "name" and tok.text in ops and tok.text in _WORD_OPS
        )

    def expect(self, text: str) -> None:
        tok = self.take()
        if tok.kind != "op" or tok.text != text:
            raise self.error(tok, f"expected '{text}'")

    def error(self, tok: _Tok, message: str) -> ExpressionError:
        found = "end of expression" if tok.kind == "end" else repr(tok.text)
        return ExpressionError("{message} at column {pos} (found {found})",
                               message=message, pos=tok.pos + 1, found=found)

    def node(self, n: Node) -> Node:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ExpressionError("expression too complex (more than {max_nodes} parts)",
                                  max_nodes=MAX_NODES)
        return n

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError("expression nested too deeply (more than {max_depth} levels)",
                                  max_depth=MAX_DEPTH)

    # -- grammar (XPath precedence, loosest first)
    def parse(self) -> Node:
        root = self.or_expr()
        tok = self.peek()
        if tok.kind != "end":
            raise self.error(tok, "unexpected text")
        return root

    def _binary(self, ops: tuple[str, ...], operand: Callable[[], Node]) -> Node:
        left = operand()
        while self.at_op(*ops):
            op = self.take().text
            left = self.node(Binary(op, left, operand()))
        return left

    def or_expr(self) -> Node:
        return self._binary(("or",), self.and_expr)

    def and_expr(self) -> Node:
        return self._binary(("and",), self.eq_expr)

    def eq_expr(self) -> Node:
        return self._binary(("=", "!="), self.rel_expr)

    def rel_expr(self) -> Node:
        return self._binary(("<", "<=", ">", ">="), self.add_expr)

    def add_expr(self) -> Node:
        return self._binary(("+", "-"), self.mul_expr)

    def mul_expr(self) -> Node:
        return self._binary(("*", "div", "mod"), self.unary)

    def unary(self) -> Node:
        if self.at_op("-"):
            self.take()
            self.enter()
            try:
                return self.node(Unary("-", self.unary()))
            finally:
                self.depth -= 1
        return self.primary()

    def primary(self) -> Node:
        tok = self.take()
        if tok.kind == "number":
            return self.node(Literal(float(tok.text) if "." in tok.text else int(tok.text)))
        if tok.kind == "string":
            return self.node(Literal(tok.text))
        if tok.kind == "ref":
            self.refs.add(tok.text)
            return self.node(Ref(tok.text))
        if tok.kind == "op" and tok.text == ".":
            self.uses_current = True
            return self.node(Current())
        if tok.kind == "op" and tok.text == "(":
            self.enter()
            inner = self.or_expr()
            self.expect(")")
            self.depth -= 1
            return inner
        if tok.kind == "name" and tok.text not in _WORD_OPS:
            if self.peek().kind == "op" and self.peek().text == "(":
                return self.call(tok)
            if not _NAME_OK.match(tok.text):
                raise self.error(tok, "not a name that can be used here")
            self.columns.add(tok.text)
            return self.node(Column(tok.text))
        raise self.error(tok, "expected a value")

    def call(self, name_tok: _Tok) -> Node:
        fn = FUNCTIONS.get(name_tok.text)
        if fn is None:
            raise ExpressionError(
                "unknown function '{text}()' at column {pos}",
                text=name_tok.text, pos=name_tok.pos + 1
            )
        self.expect("(")
        self.enter()
        args: list[Node] = []
        if not self.at_op(")"):
            args.append(self.or_expr())
            while self.at_op(","):
                self.take()
                args.append(self.or_expr())
        self.expect(")")
        self.depth -= 1
        if len(args) < fn.min_args or (fn.max_args is not None and len(args) > fn.max_args):
            want = (
                str(fn.min_args)
                if fn.min_args == fn.max_args
                else f"{fn.min_args} or more"
                if fn.max_args is None
                else f"{fn.min_args} to {fn.max_args}"
            )
            raise ExpressionError(
                "{text}() takes {want} arguments, got {count} (column {pos})",
                text=name_tok.text, want=want, count=len(args), pos=name_tok.pos + 1
            )
        if name_tok.text == "regex" and isinstance(args[1], Literal):
            check_regex_pattern(str(args[1].value))
        return self.node(Call(name_tok.text, tuple(args)))


def parse(source: str) -> Expression:
    """Parse ``source``; raise ``ExpressionError`` saying what is wrong and where."""
    if not isinstance(source, str):
        raise ExpressionError("an expression must be text, not {name}", name=type(source).__name__)
    if len(source) > MAX_SOURCE:
        raise ExpressionError(
            "expression too long ({count} characters, at most {max_source})",
            count=len(source), max_source=MAX_SOURCE
        )
    if not source.strip():
        raise ExpressionError("expression is empty")
    p = _Parser(source)
    root = p.parse()
    return Expression(source, root, frozenset(p.refs), frozenset(p.columns), p.uses_current)


# --------------------------------------------------------------------------- conversions

_EPOCH = dt.date(1970, 1, 1)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def scalar(v: Value) -> Value:
    """A nodeset in a single-value position means its first value, as in XPath."""
    if isinstance(v, NodeSet):
        return v[0] if v else None
    return v


def is_empty(v: Value) -> bool:
    v = scalar(v)
    return v is None or v == "" or v == ()


def to_bool(v: Value) -> bool:
    if isinstance(v, NodeSet):
        return len(v) > 0
    if v is None:
        return False
    if isinstance(v, bool):
        return v
    if isinstance(v, int | float):
        return v != 0 and not math.isnan(v)
    if isinstance(v, str | tuple):
        return len(v) > 0
    return True  # dates


def to_date(v: Value) -> dt.date | None:
    v = scalar(v)
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            if _DATE_RE.match(v):
                return dt.date.fromisoformat(v)
            if _DATETIME_RE.match(v):
                return dt.datetime.fromisoformat(v).date()
        except ValueError:
            return None
    return None


def to_number(v: Value) -> int | float | None:
    """Number or ``None`` (XPath's NaN). Dates count days since 1970-01-01, as in ODK."""
    v = scalar(v)
    if v is None or isinstance(v, tuple):
        return None
    if isinstance(v, bool):
        return 1 if v else 0
    if isinstance(v, int | float):
        return None if isinstance(v, float) and math.isnan(v) else v
    if isinstance(v, dt.datetime):
        return (v.replace(tzinfo=None) - dt.datetime(1970, 1, 1)).total_seconds() / 86400
    if isinstance(v, dt.date):
        return (v - _EPOCH).days
    if isinstance(v, str):
        s = v.strip()
        if not s or len(s) > 40:
            return None
        if _DATE_RE.match(s):
            d = to_date(s)
            return None if d is None else (d - _EPOCH).days
        try:
            n = float(s) if any(c in s for c in ".eE") else int(s)
        except ValueError:
            return None
        return _bounded(n)
    return None


def to_str(v: Value) -> str:
    v = scalar(v)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    if isinstance(v, tuple):
        return " ".join(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _bounded(n: float | None) -> int | float | None:
    if n is None:
        return None
    if isinstance(n, float) and math.isnan(n):
        return None
    if abs(n) > MAX_NUMBER:
        raise ExpressionError("number too large (limit {max_number})",
                              max_number=format(MAX_NUMBER, 'g'))
    return n


def _bounded_str(s: str) -> str:
    if len(s) > MAX_STRING:
        raise ExpressionError("text result too long (limit {max_string} characters)",
                              max_string=MAX_STRING)
    return s


# ---------------------------------------------------------------------------- evaluator


def _eval(node: Node, env: Env) -> Value:
    match node:
        case Literal(value=value):
            return value
        case Ref(name=name):
            return env.lookup(name)
        case Current():
            return env.current
        case Column(name=name):
            if env.column is None:
                raise ExpressionError("'{name}' can only be used in a choice_filter", name=name)
            return env.column(name)
        case Unary(operand=operand):
            n = to_number(_eval(operand, env))
            return None if n is None else -n
        case Binary(op="and", left=left, right=right):
            return to_bool(_eval(left, env)) and to_bool(_eval(right, env))
        case Binary(op="or", left=left, right=right):
            return to_bool(_eval(left, env)) or to_bool(_eval(right, env))
        case Binary(op=op, left=left, right=right):
            a, b = _eval(left, env), _eval(right, env)
            if op in ("=", "!="):
                return _equal(a, b) == (op == "=")
            if op in ("<", "<=", ">", ">="):
                return _compare(op, a, b)
            return _arith(op, a, b)
        case Call(name=name, args=args):
            fn = FUNCTIONS[name]
            if fn.lazy:
                return fn.impl(env, *args)
            return fn.impl(*(_eval(a, env) for a in args))
    raise ExpressionError("cannot evaluate {name}", name=type(node).__name__)  # pragma: no cover


def _equal(a: Value, b: Value) -> bool:
    a, b = scalar(a), scalar(b)
    if isinstance(a, bool) or isinstance(b, bool):
        return to_bool(a) == to_bool(b)
    if is_empty(a) or is_empty(b):
        return is_empty(a) and is_empty(b)
    if isinstance(a, int | float) or isinstance(b, int | float):
        na, nb = to_number(a), to_number(b)
        return na is not None and na == nb
    if isinstance(a, dt.date) or isinstance(b, dt.date):
        return to_date(a) is not None and to_date(a) == to_date(b)
    return to_str(a) == to_str(b)


def _compare(op: str, a: Value, b: Value) -> bool:
    if is_empty(a) or is_empty(b):
        return False
    na, nb = to_number(a), to_number(b)
    if na is None or nb is None:
        return False
    if op == "<":
        return na < nb
    if op == "<=":
        return na <= nb
    if op == ">":
        return na > nb
    return na >= nb


def _arith(op: str, a: Value, b: Value) -> Value:
    na, nb = to_number(a), to_number(b)
    if na is None or nb is None:
        return None
    if op == "+":
        return _bounded(na + nb)
    if op == "-":
        return _bounded(na - nb)
    if op == "*":
        return _bounded(na * nb)
    if nb == 0:
        return None  # XPath gives Infinity/NaN; an empty answer is what a form can use
    if op == "div":
        q = na / nb
        return _bounded(int(q) if q.is_integer() and isinstance(na, int) else q)
    r = math.fmod(na, nb)  # XPath mod keeps the sign of the dividend, like fmod
    return _bounded(int(r) if isinstance(na, int) and isinstance(nb, int) else r)


# ---------------------------------------------------------------------------- functions


def _items(v: Value) -> tuple[Value, ...]:
    """Values of a nodeset or a select_multiple answer, for sum/count/count-selected."""
    if isinstance(v, NodeSet):
        return tuple(v)
    if isinstance(v, tuple):
        return v
    if isinstance(v, str):
        return tuple(v.split())
    return () if v is None else (v,)


def _fn_if(env: Env, cond: Node, a: Node, b: Node) -> Value:
    return _eval(a, env) if to_bool(_eval(cond, env)) else _eval(b, env)


def _fn_coalesce(env: Env, a: Node, b: Node) -> Value:
    va = _eval(a, env)
    return _eval(b, env) if is_empty(va) else va


def _fn_today(env: Env) -> dt.date:
    return env.clock().date()


def _fn_now(env: Env) -> dt.datetime:
    return env.clock()


def _fn_age(env: Env, node: Node) -> int | None:
    born = to_date(_eval(node, env))
    if born is None:
        return None
    today = env.clock().date()
    years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return years


def _fn_selected(v: Value, choice: Value) -> bool:
    return to_str(choice) in _items(scalar(v))


def _fn_count_selected(v: Value) -> int:
    return len(_items(scalar(v)))


def _fn_regex(s: Value, pattern: Value) -> bool:
    text, pat = to_str(s), to_str(pattern)
    compiled = check_regex_pattern(pat)
    if len(text) > REGEX_MAX_INPUT:
        raise ExpressionError("regex(): text longer than {regex_max_input} characters",
                              regex_max_input=REGEX_MAX_INPUT)
    cost = (len(text) + 1) * _regex_cost(compiled[1], len(text))
    if cost > REGEX_MAX_COST:
        raise ExpressionError("regex(): pattern too costly for this much text")
    return compiled[0].search(text) is not None


def _fn_concat(*args: Value) -> str:
    parts: list[str] = []
    total = 0
    for a in args:
        for item in a if isinstance(a, NodeSet) else (a,):
            s = to_str(item)
            total += len(s)
            if total > MAX_STRING:
                raise ExpressionError("text result too long (limit {max_string} characters)",
                                      max_string=MAX_STRING)
            parts.append(s)
    return "".join(parts)


def _fn_int(v: Value) -> int | None:
    n = to_number(v)
    return None if n is None else int(n)


def _fn_round(v: Value, places: Value = 0) -> int | float | None:
    n, p = to_number(v), to_number(places)
    if n is None or p is None:
        return None
    p = int(p)
    if not -15 <= p <= 15:
        raise ExpressionError("round(): places must be between -15 and 15")
    # ODK rounds half away from zero, not to even.
    factor = 10.0**p
    r = math.floor(abs(n) * factor + 0.5) / factor
    r = math.copysign(r, n)
    return int(r) if p <= 0 else r


def _fn_sum(v: Value) -> int | float:
    total: int | float = 0
    for item in _items(v):
        n = to_number(item)
        if n is not None:
            total = _bounded(total + n) or 0
    return total


def _fn_count(v: Value) -> int:
    return len(v) if isinstance(v, NodeSet) else (0 if is_empty(v) else 1)


def _fn_substr(s: Value, start: Value, length: Value = None) -> str:
    text = to_str(s)
    a = to_number(start)
    if a is None:
        return ""
    a = max(int(a), 0)
    if length is None:
        return text[a:]
    n = to_number(length)
    return "" if n is None else text[a : a + max(int(n), 0)]


def _fn_date(v: Value) -> dt.date | None:
    if isinstance(v, int | float) and not isinstance(v, bool):
        return _EPOCH + dt.timedelta(days=int(_bounded(v) or 0))
    return to_date(v)


FUNCTIONS: dict[str, _Fn] = {
    "true": _Fn(0, 0, lambda: True),
    "false": _Fn(0, 0, lambda: False),
    "not": _Fn(1, 1, lambda v: not to_bool(v)),
    "boolean": _Fn(1, 1, to_bool),
    "if": _Fn(3, 3, _fn_if, lazy=True),
    "coalesce": _Fn(2, 2, _fn_coalesce, lazy=True),
    "today": _Fn(0, 0, _fn_today, lazy=True),
    "now": _Fn(0, 0, _fn_now, lazy=True),
    "age": _Fn(1, 1, _fn_age, lazy=True),
    "date": _Fn(1, 1, _fn_date),
    "selected": _Fn(2, 2, _fn_selected),
    "count-selected": _Fn(1, 1, _fn_count_selected),
    "regex": _Fn(2, 2, _fn_regex),
    "string-length": _Fn(1, 1, lambda v: len(to_str(v))),
    "contains": _Fn(2, 2, lambda a, b: to_str(b) in to_str(a)),
    "starts-with": _Fn(2, 2, lambda a, b: to_str(a).startswith(to_str(b))),
    "substr": _Fn(2, 3, _fn_substr),
    "concat": _Fn(0, None, _fn_concat),
    "int": _Fn(1, 1, _fn_int),
    "number": _Fn(1, 1, to_number),
    "string": _Fn(1, 1, lambda v: _bounded_str(to_str(v))),
    "round": _Fn(1, 2, _fn_round),
    "sum": _Fn(1, 1, _fn_sum),
    "count": _Fn(1, 1, _fn_count),
}


# -------------------------------------------------------------------------- regex safety

_REGEX_CACHE: dict[str, tuple[re.Pattern[str], list[Any]]] = {}


def check_regex_pattern(pattern: str) -> tuple[re.Pattern[str], list[Any]]:
    """Compile a regex() pattern after refusing the constructs that can backtrack badly.

    Refused: patterns over ``REGEX_MAX_PATTERN`` characters, backreferences, lookaround,
    a quantifier applied to something that itself contains a quantifier (``(a+)+``) or an
    alternation (``(a|aa)*``). What is left can only backtrack polynomially, and
    ``_regex_cost`` bounds that against the actual input length.
    """
    cached = _REGEX_CACHE.get(pattern)
    if cached is not None:
        return cached
    if len(pattern) > REGEX_MAX_PATTERN:
        raise ExpressionError("regex(): pattern longer than {regex_max_pattern} characters",
                              regex_max_pattern=REGEX_MAX_PATTERN)
    import re._parser as sre_parse  # the stdlib's own regex parser; private but stable in 3.11+

    try:
        parsed = sre_parse.parse(pattern)
    except re.error as exc:
        raise ExpressionError("regex(): invalid pattern: {exc}", exc=exc) from None
    _check_regex_items(list(parsed), inside_repeat=False)
    compiled = (re.compile(pattern), list(parsed))
    if len(_REGEX_CACHE) < 256:
        _REGEX_CACHE[pattern] = compiled
    return compiled


_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _check_regex_items(items: Sequence[Any], inside_repeat: bool) -> None:
    for op, av in items:
        name = str(op)
        if name in ("GROUPREF", "GROUPREF_EXISTS"):
            raise ExpressionError("regex(): backreferences are not allowed")
        if name in ("ASSERT", "ASSERT_NOT"):
            raise ExpressionError("regex(): lookahead/lookbehind is not allowed")
        if name in _REPEATS:
            if inside_repeat:
                raise ExpressionError(
                    "regex(): nested quantifiers such as (a+)+ are not allowed (they can "
                    "take forever on some text)"
                )
            _check_regex_items(list(av[2]), inside_repeat=True)
        elif name == "SUBPATTERN":
            _check_regex_items(list(av[-1]), inside_repeat)
        elif name == "BRANCH":
            if inside_repeat:
                raise ExpressionError(
                    "regex(): alternation inside a repeated group such as (a|b)* is not "
                    "allowed; use a character class [ab]* instead"
                )
            for branch in av[1]:
                _check_regex_items(list(branch), inside_repeat)
        elif name == "ATOMIC_GROUP":
            _check_regex_items(list(av), inside_repeat)


def _regex_cost(items: Sequence[Any], n: int) -> int:
    """Product over quantifiers of how many repeat counts each could try on ``n`` chars."""
    cost = 1
    for op, av in items:
        name = str(op)
        if name in _REPEATS:
            lo, hi = av[0], av[1]
            cost *= min(hi, n) - min(lo, n) + 1
        elif name == "SUBPATTERN":
            cost *= _regex_cost(list(av[-1]), n)
        elif name == "BRANCH":
            cost *= sum(_regex_cost(list(b), n) for b in av[1])
        if cost > REGEX_MAX_COST:
            return cost
    return cost
