"""Roles: what each role's window offers, and that centre staff never reach a statement narrative."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from uihelpers import FAST, NARRATIVE, PASSPHRASES, unlock_as, wait_idle

import fieldapp.services
from fieldapp.domain.enums import Role
from fieldapp.services import auth
from fieldapp.store.models import Base
from fieldapp.ui import admin
from fieldapp.ui.admin import NewUser

#: Functions not called: they destroy the data folder.
DESTRUCTIVE = {"fieldapp.services.auth.wipe"}


def test_navigation_by_role(qtbot: Any, store: Any, make_controller: Any) -> None:
    root, _ = store
    c = make_controller(root)
    expected = {"sup": ["home", "cases", "referrals", "matches", "sync", "reports", "admin"],
                "off": ["home", "cases", "referrals", "sync", "reports"],
                "ptc": ["home", "referrals", "sync"]}
    for user, screens in expected.items():
        unlock_as(qtbot, c, user)
        assert c.shell.main.nav_keys() == screens
        assert c.shell.main.screen == screens[0]
        assert c.shell.main.user_label.text().startswith(f"User: {user}")
        c.lock()


def test_officer_sees_only_its_post(qtbot: Any, store: Any, make_controller: Any) -> None:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "off")
    main = c.shell.main
    main.go("cases")
    wait_idle(qtbot, c)
    assert {r.post_code for r in main.case_list.model.rows} == {"POIPET"}
    assert not main.case_list.post.isVisibleTo(main.case_list)
    main.open_case(ids["bavet_rescue"])
    wait_idle(qtbot, c)
    assert main.case_view.banner.text() == "this case belongs to another post"
    main.go("referrals")
    wait_idle(qtbot, c)
    assert not main.referrals.accept_button.isVisibleTo(main.referrals)  # officers do not accept


def test_supervisor_manages_users(qtbot: Any, store: Any, make_controller: Any, monkeypatch: Any) -> None:
    root, _ = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    main.go("admin")
    wait_idle(qtbot, c)
    view = main.admin
    assert view.users.rowCount() == 3
    monkeypatch.setattr(admin, "ask_new_user", lambda parent, centres, **_kw: NewUser(
        "pmtc1", "", Role.CENTRE_STAFF, "PMTC", "pailin centre pass"))
    view.add_user_clicked()
    wait_idle(qtbot, c)
    assert view.banner.text() == "User pmtc1 added." and view.users.rowCount() == 4
    view.users.selectRow(0)
    monkeypatch.setattr(admin, "ask_new_passphrase", lambda parent, user: "a brand new phrase")
    view.reset_clicked()
    wait_idle(qtbot, c)
    assert view.banner.property("kind") == "info"
    c.lock()
    unlock_as(qtbot, c, "off", "a brand new phrase")
    c.lock()
    unlock_as(qtbot, c, "pmtc1", "pailin centre pass")
    assert c.ws.actor.centre_code == "PMTC"


def test_add_user_refusal_is_shown(qtbot: Any, store: Any, make_controller: Any) -> None:
    root, _ = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    c.shell.main.go("admin")
    c.shell.main.admin.add_user(NewUser("x2", "", Role.OFFICER, None, "short"))
    wait_idle(qtbot, c)
    assert "at least 8 characters" in c.shell.main.admin.banner.text()


# -- centre staff and statements, through every service function --------------------------
def _service_functions() -> Iterator[tuple[str, Any]]:
    for info in pkgutil.iter_modules(fieldapp.services.__path__):
        module = importlib.import_module(f"fieldapp.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or fn.__module__ != module.__name__:
                continue
            yield f"{module.__name__}.{name}", fn


def _contains_narrative(value: Any, depth: int = 0) -> bool:
    if depth > 6:
        return False
    if isinstance(value, str):
        return NARRATIVE in value or "ការណែនាំសម្ងាត់" in value
    if isinstance(value, dict):
        return any(_contains_narrative(k, depth + 1) or _contains_narrative(v, depth + 1)
                   for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(_contains_narrative(v, depth + 1) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_contains_narrative(getattr(value, f.name), depth + 1)
                   for f in dataclasses.fields(value))
    if isinstance(value, Base):
        return any(_contains_narrative(v, depth + 1) for k, v in vars(value).items()
                   if not k.startswith("_sa_"))
    return False


def _arguments(fn: Any, ws: Any, root: Path, ids: dict[str, str]) -> tuple[list[Any], dict[str, Any]]:
    values = {
        "ws": ws, "root": root, "rescue_id": ids["rescue"], "victim_id": ids["victim"],
        "statement_id": ids["statement"], "referral_id": ids["referral5"],
        "suspect_id": ids["rescue"], "username": "ptc", "passphrase": PASSPHRASES["ptc"],
        "old": PASSPHRASES["ptc"], "new": PASSPHRASES["ptc"], "reason": "reason",
        "services_given": ["shelter"], "role": Role.OFFICER, "key": b"\0" * 32, "rescues": 1,
        "query": "ស្រី",
    }
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for p in inspect.signature(fn).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.default is not p.empty and p.name not in values:
            continue
        value = values.get(p.name, "x")
        if p.kind is p.KEYWORD_ONLY:
            kwargs[p.name] = value
        else:
            args.append(value)
    return args, kwargs


def test_centre_staff_cannot_reach_a_narrative_through_any_service(
        store: Any, tmp_path: Path) -> None:
    root, ids = store
    ws = auth.unlock(root, "ptc", PASSPHRASES["ptc"])
    called = []
    try:
        assert ws.actor.role is Role.CENTRE_STAFF
        for name, fn in _service_functions():
            if name in DESTRUCTIVE:
                continue
            args, kwargs = _arguments(fn, ws, root, ids)
            try:
                result = fn(*args, **kwargs)
            except Exception:  # noqa: BLE001 - refusals of every kind are what we hope for
                called.append((name, "refused"))
                continue
            called.append((name, "returned"))
            assert not _contains_narrative(result), f"{name} gave centre staff a narrative"
            if hasattr(result, "close") and result is not ws and hasattr(result, "actor"):
                result.close()
    finally:
        ws.close()
    names = {n for n, _ in called}
    for must in ("fieldapp.services.statements.view_statement",
                 "fieldapp.services.statements.statements_of",
                 "fieldapp.services.intake.get_case",
                 "fieldapp.services.referrals.referral_queue",
                 "fieldapp.services.caselist.case_extras"):
        assert must in names
    assert ("fieldapp.services.referrals.referral_queue", "returned") in called
    assert ("fieldapp.services.statements.view_statement", "refused") in called


def test_the_narrative_check_would_notice(store: Any) -> None:
    """The walker above finds a narrative where a supervisor legitimately reads one."""
    from fieldapp.services import statements

    root, ids = store
    ws = auth.unlock(root, "sup", PASSPHRASES["sup"])
    try:
        assert _contains_narrative(statements.view_statement(ws, ids["statement"]))
        assert _contains_narrative([{"x": statements.view_statement(ws, ids["statement"])}])
    finally:
        ws.close()


@pytest.mark.parametrize("kdf", [FAST])
def test_fast_kdf_is_used_in_these_tests(kdf: Any) -> None:
    assert kdf.memory_kib == 8192
