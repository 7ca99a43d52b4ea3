"""First run: language, post, first supervisor with a Khmer passphrase, HQ skipped or enrolled."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from fieldapp.domain.enums import Role
from fieldapp.services import auth
from fieldapp.ui import i18n


def _type(widget: Any, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def test_first_run_creates_the_store_and_opens_it(qtbot: Any, tmp_path: Any, make_controller: Any) -> None:
    root = tmp_path / "new"
    calls: list[tuple[str, str]] = []
    c = make_controller(root, enrol_hook=lambda ws, url, code: calls.append((url, code)))
    wizard = c.shell.wizard
    assert c.shell.stack.currentWidget() is wizard
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    wizard.language_page.khmer.click()  # switching language relabels the wizard at once
    assert i18n.current_language() == "km"
    assert next_button.text() != "Next >"
    wizard.language_page.english.click()
    assert next_button.text() == "Next >"
    next_button.click()

    page = wizard.post_page
    qtbot.waitUntil(lambda: page.post.count() > 0)
    codes = [page.post.itemData(i) for i in range(page.post.count())]
    assert "POIPET" in codes and "PTC" in codes and "HQ" not in codes
    page.post.setCurrentIndex(codes.index("KOHKONG"))
    next_button.click()

    account = wizard.account_page
    assert not account.isComplete()
    QTest.keyClicks(account.username, "dara")
    _type(account.passphrase, "ខ្លី")  # too short
    assert account.meter.value() == 0 and not account.isComplete()
    account.passphrase.clear()
    phrase = "ដំរីស ហោះលើមេឃ ២០២៥"
    _type(account.passphrase, phrase)
    assert account.meter.value() >= 3, account.meter_label.text()
    _type(account.repeat, phrase[:-1])
    assert not account.isComplete() and account.match_label.text()
    _type(account.repeat, phrase[-1])
    assert account.isComplete() and not account.match_label.text()
    next_button.click()

    hq = wizard.hq_page
    hq.url.setText("https://hq.example")
    assert not hq.isComplete()  # an address needs its code
    hq.code.setText("ABCD-1234")
    assert hq.isComplete()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: c.ws is not None, timeout=10_000)
    assert c.shell.stack.currentWidget() is c.shell.main
    assert c.ws.actor.role is Role.SUPERVISOR and c.ws.actor.post_code == "KOHKONG"
    assert calls == [("https://hq.example", "ABCD-1234")]
    assert c.shell.main.nav_keys() == ["home", "cases", "referrals", "matches", "sync", "reports", "admin"]
    assert auth.usernames(root) == ["dara"]


def test_first_run_failure_is_shown_and_nothing_is_left(qtbot: Any, tmp_path: Any,
                                                        make_controller: Any) -> None:
    root = tmp_path / "new"
    c = make_controller(root)
    wizard = c.shell.wizard
    from fieldapp.ui.first_run import FirstRunValues

    wizard.completed.emit(FirstRunValues("en", "NOWHERE", "dara", "", "long enough pass", "", ""))
    qtbot.waitUntil(lambda: wizard.hq_page.banner.isVisibleTo(wizard.hq_page), timeout=10_000)
    assert "unknown post" in wizard.hq_page.banner.text()
    assert c.ws is None
    assert not (root / "keystore.json").exists()
