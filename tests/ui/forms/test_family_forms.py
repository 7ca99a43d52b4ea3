"""The home-address cascade, the guardian questions, the family, follow-up and tracing forms
in the window; screenshots in both languages.

Screenshots go to a temp dir unless FIELDAPP_SHOTS_DIR is set (`make screenshots`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from formhelpers import editor, fill, open_dialog
from PySide6.QtWidgets import QApplication

from fieldapp.services import caseplan, casework, consent, family, intake, referrals
from fieldapp.services.workspace import Workspace
from fieldapp.ui import i18n
from fieldapp.ui.tasks import TaskRunner


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FIELDAPP_SHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _offered(d: Any, name: str) -> list[str]:
    combo = editor(d, name).combo
    return [combo.itemData(i) for i in range(1, combo.count())]


@pytest.mark.parametrize("lang", ["en", "km"])
def test_a_child_s_home_village_and_guardian_in_the_victim_form(
        qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any, lang: str,
        shots: Path) -> None:
    i18n.set_language(lang)
    d = open_dialog(qtbot, ws, runner, "victim", {"rescue_id": rescue.id})
    fill(d, "name_latin", "Sok Sreyneang")
    fill(d, "sex", "female")
    fill(d, "estimated_age", 15)
    fill(d, "nationality", "KHM")
    fill(d, "languages", ["khm"])
    fill(d, "documents", ["none"])
    fill(d, "consent_given", "given")
    assert d.controller is not None
    rows = d.controller.rows
    assert not rows[("home_district", ())].isVisibleTo(d)  # nothing below a blank province
    assert len(_offered(d, "home_province")) == 25
    fill(d, "home_province", "01")
    assert _offered(d, "home_district") == ["0102", "0103", "0104", "0105", "0106", "0107",
                                            "0108", "0109", "0110"]
    fill(d, "home_district", "0102")
    fill(d, "home_commune", "010201")
    villages = _offered(d, "home_village")
    assert villages and all(v.startswith("010201") for v in villages)  # only that commune's
    fill(d, "home_village", "01020101")
    if lang == "km":
        assert editor(d, "home_village").combo.currentText() == "អូរធំ"
    fill(d, "social_worker", "Chan Dara")
    assert rows[("guardian_name", ())].isVisibleTo(d)  # a child: the guardian is asked for
    fill(d, "guardian_name", "Sok Phalla")
    fill(d, "guardian_relationship", "mother")
    fill(d, "guardian_same_address", "yes")
    d.resize(820, 1500)
    QApplication.processEvents()
    section = d.controller.sections[("home_family", ())]
    assert section.grab().save(str(shots / f"form-victim-home-family-{lang}.png"))
    d.submit_button.click()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    [v] = [v for v in intake.get_case(ws, rescue.id).victims if v.name_latin == "Sok Sreyneang"]
    assert (v.home_village, v.social_worker) == ("01020101", "Chan Dara")
    [guardian] = family.family_of(ws, v.id)
    assert guardian.is_guardian and guardian.address_en.startswith("Ou Thum")


def test_family_member_follow_up_and_tracing_forms(qtbot: Any, ws: Workspace, runner: TaskRunner,
                                                   rescue: Any, shots: Path) -> None:
    v = intake.add_victim(ws, rescue.id, name_latin="Sok Sreyneang", sex="female",
                          estimated_age=15, nationality="KHM", languages=["khm"])
    consent.record_consents(ws, v.id, {"recording": "given", "share_government": "given",
                                       "child_assent": "given", "guardian_authorisation": "given"})
    d = open_dialog(qtbot, ws, runner, "family_member", {"rescue_id": rescue.id,
                                                         "victim_id": v.id})
    fill(d, "victim_id", v.id)
    fill(d, "name", "Sok Vuthy")
    fill(d, "relationship", "aunt_uncle")
    fill(d, "home_province", "24")
    fill(d, "home_district", "2401")
    d.submit_button.click()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    [uncle] = family.family_of(ws, v.id)
    assert uncle.relationship == "aunt_uncle" and uncle.address_en.endswith("Pailin")

    d = open_dialog(qtbot, ws, runner, "follow_up", {"rescue_id": rescue.id, "victim_id": v.id})
    fill(d, "victim_id", v.id)
    fill(d, "action", "home_visit")
    fill(d, "due_on", "2026-06-15")
    fill(d, "assigned_to", "Chan Dara")
    assert d.grab().save(str(shots / "form-follow-up-en.png"))
    d.submit_button.click()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    [step] = caseplan.case_plan(ws, v.id)
    assert (step.action, str(step.due_on), step.assigned_to) == ("home_visit", "2026-06-15",
                                                                 "Chan Dara")

    ref = referrals.create_referral(ws, v.id, service="family_tracing", provider_code="PTC")
    d = open_dialog(qtbot, ws, runner, "tracing", {"referral_id": ref.id})
    assert d.controller is not None and d.controller.state.get("traced_on") is not None
    fill(d, "outcome", "traced_safe")
    fill(d, "traced_by", "Chan Dara")
    d.submit_button.click()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert casework.tracing_of(ws, v.id)["outcome"] == "traced_safe"  # type: ignore[index]


def test_a_follow_up_planned_from_a_referral_is_for_that_referral_s_person(
        qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any) -> None:
    v = intake.add_victim(ws, rescue.id, name_latin="Chan Srey", sex="female", estimated_age=24,
                          nationality="KHM", languages=["khm"])
    consent.record_consents(ws, v.id, {"recording": "given", "share_government": "given"})
    ref = referrals.create_referral(ws, v.id, service="reintegration", provider_code="PTC")
    d = open_dialog(qtbot, ws, runner, "follow_up", {"referral_id": ref.id})
    assert d.controller is not None
    assert not d.controller.rows[("victim_id", ())].isVisibleTo(d)  # the referral says who
    fill(d, "action", "phone_call")
    fill(d, "due_on", "2026-07-01")
    d.submit_button.click()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    [step] = caseplan.case_plan(ws, v.id)
    assert step.action == "phone_call"
