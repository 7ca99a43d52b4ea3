"""Enrolment (first run and Admin) against a real HQ, supervisor exports, the Reports screen."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWizard
from uihelpers import PASSPHRASES, unlock_as, wait_idle

from fieldapp.domain.enums import Role
from fieldapp.services import sync
from fieldapp.ui.first_run import FirstRunValues
from fieldapp.ui.reports.view import ReportsView
from fieldapp.ui.sync_status import HqSync
from tests.support.hqserver import free_port
from tests.support.syncenv import code_for, fast_options, hq_running

PHRASE = "a long first passphrase"


def _hooks() -> dict[str, Any]:
    return {"sync": HqSync(options=fast_options()), "sync_first_delay": 3600.0}


def _finish(c: Any, url: str, code: str) -> None:
    wizard = c.shell.wizard
    wizard.hq_page.url.setText(url)
    wizard.hq_page.code.setText(code)
    c.create_store(FirstRunValues("en", "POIPET", "dara", "", PHRASE, url, code))


def test_first_run_enrolment_failures_keep_the_wizard(qtbot: Any, tmp_path: Path,
                                                      make_controller: Any) -> None:
    root = tmp_path / "new"
    with hq_running("sqlite", tmp_path) as hq:
        c = make_controller(root, hooks=_hooks())
        wizard = c.shell.wizard
        banner = wizard.hq_page.banner
        # Nothing listens on this port: a clear message, the store kept, the wizard usable.
        _finish(c, f"http://127.0.0.1:{free_port()}", "ABCD-EFGH-JKMN-PQRS-TVWX")
        qtbot.waitUntil(lambda: banner.isVisibleTo(wizard.hq_page), timeout=20_000)
        assert "enrolment with HQ failed: HQ could not be reached" in banner.text()
        assert c.ws is None and c.shell.stack.currentWidget() is wizard
        assert wizard.created and wizard.hq_page.isComplete()
        assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
        assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Finish"
        # A wrong code: HQ answers and refuses it.
        banner.clear_message()
        _finish(c, hq.base_url, "WRNG-CDEF-GHJK-MNPQ-RSTV")  # well formed, unknown
        qtbot.waitUntil(lambda: banner.isVisibleTo(wizard.hq_page), timeout=20_000)
        assert "HQ refused the code" in banner.text() and c.ws is None
        # The right code: enrolled, and the work area opens on the same store.
        _finish(c, hq.base_url, code_for(hq, "POIPET", Role.SUPERVISOR))
        qtbot.waitUntil(lambda: c.ws is not None, timeout=20_000)
        wait_idle(qtbot, c)
        status = sync.status(c.ws)
        assert status.enrolled and status.hq_url == hq.base_url
        assert c.background.active


def test_admin_enrols_a_laptop_set_up_offline(qtbot: Any, tmp_path: Path, store: Any,
                                              make_controller: Any) -> None:
    root, _ids = store
    with hq_running("sqlite", tmp_path) as hq:
        c = make_controller(root, hooks=_hooks())
        unlock_as(qtbot, c, "sup")
        main = c.shell.main
        main.go("admin")
        wait_idle(qtbot, c)
        admin = main.admin
        assert admin.enrol_box.isVisibleTo(admin)
        admin.enrol_button.click()
        assert admin.banner.text() == "Enter HQ's address and the enrolment code HQ gave you."
        admin.hq_url.setText(hq.base_url)
        admin.hq_code.setText("NTAC-DEFG-HJKM-NPQR-STVW")
        admin.enrol_button.click()
        wait_idle(qtbot, c)
        assert admin.banner.text().startswith("Enrolment failed: HQ refused the code")
        admin.hq_code.setText(code_for(hq, "POIPET", Role.SUPERVISOR))
        admin.enrol_button.click()
        wait_idle(qtbot, c)
        assert admin.banner.text().startswith("This laptop is enrolled with HQ")
        assert not admin.enrol_box.isVisibleTo(admin)
        assert sync.status(c.ws).enrolled and c.background.active
        qtbot.waitUntil(lambda: main.sync.status is not None and main.sync.status.enrolled)


def test_supervisor_exports_with_a_warning(qtbot: Any, tmp_path: Path, store: Any,
                                           make_controller: Any, monkeypatch: Any) -> None:
    root, _ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    admin = c.shell.main.admin
    c.shell.main.go("admin")
    wait_idle(qtbot, c)
    formats = [admin.export_format.itemData(i) for i in range(admin.export_format.count())]
    assert formats == ["csv", "json", "htcds"]
    warned: list[bool] = []
    monkeypatch.setattr(admin, "confirm_unencrypted", lambda: warned.append(True) or False)
    admin.export_button.click()
    assert warned and not c.runner.busy  # cancelled at the warning: nothing written
    out = tmp_path / "records.json"
    monkeypatch.setattr(admin, "confirm_unencrypted", lambda: True)
    monkeypatch.setattr(admin, "choose_export_path", lambda fmt: out)
    admin.export_format.setCurrentIndex(formats.index("json"))
    admin.export_button.click()
    wait_idle(qtbot, c)
    assert "NOT encrypted" in admin.banner.text() and "records.json" in admin.banner.text()
    assert json.loads(out.read_text("utf-8"))
    folder = tmp_path / "tables"
    monkeypatch.setattr(admin, "choose_export_path", lambda fmt: folder)
    admin.export_format.setCurrentIndex(formats.index("csv"))
    admin.export_button.click()
    wait_idle(qtbot, c)
    assert (folder / "rescue.csv").exists()


def test_officers_and_centre_staff_have_no_export(qtbot: Any, store: Any,
                                                  make_controller: Any) -> None:
    root, _ids = store
    for user in ("off", "ptc"):
        c = make_controller(root)
        unlock_as(qtbot, c, user, PASSPHRASES[user])
        assert "admin" not in c.shell.main.nav_keys()
        reports = c.shell.main.reports
        assert not reports.figures_button.isVisibleTo(reports)
        c.lock()


def test_reports_entry_shows_the_reports_screen(qtbot: Any, store: Any,
                                                make_controller: Any) -> None:
    root, _ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    main.go("reports")
    assert isinstance(main.stack.currentWidget(), ReportsView)
    qtbot.waitUntil(lambda: main.reports.figures is not None, timeout=20_000)
    assert main.reports.runner is c.runner
    c.lock()
    assert main.reports.figures is None
