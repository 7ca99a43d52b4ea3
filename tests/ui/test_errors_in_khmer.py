"""Issue 12: a refusal in a Khmer window is said in Khmer — the error's template translated,
its parameters (a role, a number) in Khmer words and digits, no English left in."""

from __future__ import annotations

from typing import Any

import pytest
from test_khmer_words import ALLOWED_WORDS, LATIN_DIGIT, LATIN_WORD, offenders
from uihelpers import unlock_as, wait_idle

from fieldapp import vocabulary
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied
from fieldapp.ui import admin
from fieldapp.ui.admin import NewUser
from fieldapp.ui.tasks import user_message


def _khmer_only(text: str) -> None:
    assert text and LATIN_WORD.findall(text) == [] and not LATIN_DIGIT.search(text), text


@pytest.fixture
def khmer_window(qtbot: Any, store: Any, make_controller: Any) -> Any:
    """Open the store's window as `user` (the supervisor by default) and switch it to Khmer."""
    made: list[Any] = []

    def open_as(user: str = "sup") -> Any:
        c = make_controller(store[0])
        unlock_as(qtbot, c, user)
        c.set_language("km")
        c.shell.main.go("admin")
        made.append(c)
        return c

    yield open_as
    for c in made:
        c.set_language("en")


@pytest.fixture
def khmer_admin(khmer_window: Any) -> Any:
    return khmer_window()


def test_a_weak_passphrase_refused_at_reset_is_said_in_khmer(qtbot: Any, khmer_admin: Any,
                                                            monkeypatch: Any) -> None:
    c = khmer_admin
    view = c.shell.main.admin
    wait_idle(qtbot, c)
    view.users.selectRow(0)
    monkeypatch.setattr(admin, "ask_new_passphrase", lambda parent, user: "password")
    view.reset_button.click()
    wait_idle(qtbot, c)
    shown = view.banner.text()
    assert view.banner.property("kind") == "error"
    assert shown.startswith("ឃ្លាសម្ងាត់") and "ងាយទាយ" in shown
    _khmer_only(shown)
    assert offenders(view.banner, "admin banner", ALLOWED_WORDS) == []


def test_a_too_short_passphrase_says_the_number_in_khmer_digits(qtbot: Any,
                                                               khmer_admin: Any) -> None:
    c = khmer_admin
    view = c.shell.main.admin
    view.add_user(NewUser("x2", "", Role.OFFICER, None, "short"))
    wait_idle(qtbot, c)
    shown = view.banner.text()
    assert "៨" in shown  # "at least 8 characters", in Khmer digits
    _khmer_only(shown)
    c.set_language("en")  # the same refusal in English is the English sentence, unchanged
    view.add_user(NewUser("x2", "", Role.OFFICER, None, "short"))
    wait_idle(qtbot, c)
    assert "at least 8 characters" in view.banner.text()


def test_a_refused_permission_names_the_role_in_khmer(qtbot: Any, khmer_window: Any) -> None:
    c = khmer_window("off")
    view = c.shell.main.admin  # hidden from officers; the service refuses all the same
    view.add_user(NewUser("x3", "", Role.OFFICER, None, "a long enough phrase here"))
    wait_idle(qtbot, c)
    shown = view.banner.text()
    assert vocabulary.label(Role.OFFICER, "km") in shown and "officer" not in shown
    _khmer_only(shown)


def test_user_message_says_codes_as_words_and_translates_nested_errors(qtbot: Any) -> None:
    from fieldapp.ui import i18n

    exc = InvalidInput("row {n}: {exc}", n=12,
                       exc=PermissionDenied("your role ({role}) cannot do this; ask a supervisor",
                                            role=Role.CENTRE_STAFF))
    # The English sentence (CLI, tests) keeps the code; the English window says the word.
    assert str(exc) == "row 12: your role (centre_staff) cannot do this; ask a supervisor"
    assert user_message(exc) == ("row 12: your role (Transit-centre staff) cannot do this; ask a "
                                 "supervisor")
    i18n.set_language("km")
    try:
        shown = user_message(exc)
    finally:
        i18n.set_language("en")
    assert shown.startswith("ជួរទី ១២៖ ") and vocabulary.label(Role.CENTRE_STAFF, "km") in shown
    _khmer_only(shown)
