"""Fill and submit every shipped form through its widgets (Khmer typed per character); check the records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from formhelpers import editor, fill, open_dialog, submit, type_text, wait_idle
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from fieldapp.services import drafts, intake, referrals, statements
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import (
    AuditEvent,
    Referral,
    ReferralEvent,
    Rescue,
    Statement,
    Suspect,
    Victim,
)
from fieldapp.ui import i18n
from fieldapp.ui.tasks import TaskRunner

KM_PLACE = "ផ្សារប៉ោយប៉ែត"
KM_NAME = "សុខ ស្រីពៅ"
KM_NARRATIVE = "ខ្ញុំត្រូវបានគេសន្យាថានឹងផ្តល់ការងារនៅប្រទេសថៃ"


def _victim(ws: Workspace, rescue: Any, age: int) -> Victim:
    return intake.add_victim(ws, rescue.id, name_km=KM_NAME, sex="female", estimated_age=age,
                             nationality="KHM")


def test_rescue_with_people_found(qtbot: Any, ws: Workspace, runner: TaskRunner) -> None:
    d = open_dialog(qtbot, ws, runner, "rescue")
    fill(d, "operation_date", "2026-03-10")
    fill(d, "place", KM_PLACE)
    fill(d, "province_code", "KH-1")
    fill(d, "post_code", "POIPET")
    fill(d, "unit", "Provincial AHT office")
    fill(d, "exploitation_type", "online_scam")
    fill(d, "notes", "Raid at dawn.\nTwo floors.")
    c = d.controller
    assert c is not None
    c.add_instance("people_found")
    fill(d, "name", KM_NAME, (0,))
    fill(d, "sex", "female", (0,))
    fill(d, "approx_age", "១៤", (0,))  # Khmer digits read as 14
    assert c.rows[("child_found_note", (0,))].isVisibleTo(d)
    c.add_instance("people_found")
    fill(d, "name", "Chan Dara", (1,))
    fill(d, "sex", "male", (1,))
    fill(d, "approx_age", "30", (1,))
    assert not c.rows[("child_found_note", (1,))].isVisibleTo(d)
    result = submit(qtbot, d, runner)
    with ws.tx() as s:
        rescue = s.get(Rescue, result.entity_id)
        assert rescue is not None
        assert (rescue.place, rescue.province_code, rescue.exploitation_type) == (
            KM_PLACE, "KH-1", "online_scam")
        assert rescue.notes == "Raid at dawn.\nTwo floors."
        people = {v.id: v for v in s.scalars(select(Victim).where(Victim.rescue_id == rescue.id))}
        assert set(people) == set(result.victims)
        by_name = {v.name_km or v.name_latin: v for v in people.values()}
        assert by_name[KM_NAME].estimated_age == 14 and by_name[KM_NAME].is_minor
        assert by_name["Chan Dara"].sex == "male" and not by_name["Chan Dara"].is_minor


def test_victim_form(qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any) -> None:
    d = open_dialog(qtbot, ws, runner, "victim", {"rescue_id": rescue.id})
    c = d.controller
    assert c is not None
    fill(d, "name_km", KM_NAME)
    fill(d, "name_latin", "Sok Sreypov")
    fill(d, "sex", "female")
    fill(d, "estimated_age", "15")
    assert c.rows[("minor_note", ())].isVisibleTo(d)
    fill(d, "nationality", "KHM")
    fill(d, "languages", ["khm", "tha"])
    fill(d, "documents", ["none"])
    assert not c.rows[("document_photo", ())].isVisibleTo(d)
    fill(d, "contact_phone", "012 345 678")
    fill(d, "vulnerabilities", ["poverty", "debt"])
    fill(d, "consent_given", "given")
    fill(d, "child_assent", "given")  # a child: her own assent too
    result = submit(qtbot, d, runner)
    with ws.tx() as s:
        v = s.get(Victim, result.entity_id)
        assert v is not None and v.rescue_id == rescue.id
        assert (v.name_km, v.name_latin, v.estimated_age, v.is_minor) == (
            KM_NAME, "Sok Sreypov", 15, True)
        assert v.languages == ["khm", "tha"] and v.documents == ["none"]
        assert v.vulnerabilities == ["poverty", "debt"] and v.consent_given


def test_adult_statement(qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any) -> None:
    victim = _victim(ws, rescue, 30)
    d = open_dialog(qtbot, ws, runner, "statement", {"victim_id": victim.id})
    assert d.form_id == "statement"
    c = d.controller
    assert c is not None
    fill(d, "interview_date", "2026-03-14 10:30")
    fill(d, "interviewer", "Officer Vannak")
    fill(d, "language", "khm")
    assert not c.rows[("interpreter", ())].isVisibleTo(d)
    fill(d, "language", "tha")
    assert c.rows[("interpreter", ())].isVisibleTo(d)
    fill(d, "interpreter", "Ms Malee, IOM")
    fill(d, "place", "Poipet police station")
    fill(d, "narrative", KM_NARRATIVE)
    result = submit(qtbot, d, runner)
    with ws.tx() as s:
        st = s.get(Statement, result.entity_id)
        assert st is not None and st.victim_id == victim.id and st.status == "draft"
        assert st.narrative == KM_NARRATIVE and st.language == "tha"
        assert st.interpreter == "Ms Malee, IOM"
        assert st.interview_date == dt.datetime(2026, 3, 14, 10, 30)


def test_child_statement_is_chosen_for_a_minor(qtbot: Any, ws: Workspace, runner: TaskRunner,
                                               rescue: Any) -> None:
    victim = _victim(ws, rescue, 10)
    # Asked for the adult form: choose_form gives the child-sensitive one.
    d = open_dialog(qtbot, ws, runner, "statement", {"victim_id": victim.id})
    assert d.form_id == "statement_child"
    c = d.controller
    assert c is not None
    fill(d, "interview_date", "2026-03-14 09:00")
    fill(d, "interviewer", "Officer Sophea")
    fill(d, "language", "khm")
    fill(d, "place", KM_PLACE)
    fill(d, "guardian_present", "no")
    assert not c.rows[("guardian_consent", ())].isVisibleTo(d)
    fill(d, "social_worker_present", "no")
    # Without a consenting guardian a social worker must be there: said next to the field.
    assert "social worker must be present" in c.rows[("social_worker_present", ())].error.text()
    fill(d, "social_worker_present", "yes")
    assert not c.rows[("social_worker_present", ())].error.isVisibleTo(d)
    fill(d, "child_friendly_room", "yes")
    fill(d, "trained_interviewer", "yes")
    fill(d, "breaks_taken", "2")  # required: the child is under 12
    fill(d, "narrative", KM_NARRATIVE)
    result = submit(qtbot, d, runner)
    with ws.tx() as s:
        st = s.get(Statement, result.entity_id)
        assert st is not None and st.narrative == KM_NARRATIVE
        assert st.child_protocol == {
            "guardian_present": False, "guardian_consent": None, "social_worker_present": True,
            "no_social_worker_reason": None, "child_friendly_room": True, "trained_interviewer": True, "breaks_taken": 2,
            "interpreter_present": None}
    statements.finalise_statement(ws, result.entity_id)  # the protocol is complete


def test_suspect_form(qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any) -> None:
    victim = _victim(ws, rescue, 30)
    d = open_dialog(qtbot, ws, runner, "suspect", {"rescue_id": rescue.id})
    fill(d, "alias", "បង ធំ")
    fill(d, "role", "broker")
    fill(d, "nationality", "THA")
    fill(d, "description", "Black pickup, phone 099 111 222")
    fill(d, "status", "arrested")
    fill(d, "identified_by", [victim.id])
    result = submit(qtbot, d, runner)
    with ws.tx() as s:
        sus = s.get(Suspect, result.entity_id)
        assert sus is not None
        assert (sus.alias, sus.role, sus.status, sus.nationality) == ("បង ធំ", "broker",
                                                                      "arrested", "THA")
        assert sus.identified_by == [victim.id]


def test_referral_offers_only_providers_of_the_service(qtbot: Any, ws: Workspace,
                                                       runner: TaskRunner, rescue: Any) -> None:
    victim = _victim(ws, rescue, 30)
    d = open_dialog(qtbot, ws, runner, "referral", {"victim_id": victim.id})
    c = d.controller
    assert c is not None
    assert c.state.get("victim_id") == victim.id  # preselected from the case
    fill(d, "service", "legal_aid")
    combo = editor(d, "provider_code").combo
    offered = {combo.itemData(i) for i in range(1, combo.count())}
    assert offered == {"CWCC", "LSCW"}
    fill(d, "provider_code", "LSCW")
    fill(d, "urgency", "high")
    fill(d, "due_date", (dt.date.today() + dt.timedelta(days=3)).isoformat())
    fill(d, "notes", "ត្រូវការមេធាវី")
    result = submit(qtbot, d, runner)
    with ws.tx() as s:
        ref = s.get(Referral, result.entity_id)
        assert ref is not None and (ref.service, ref.provider_code, ref.urgency) == (
            "legal_aid", "LSCW", "high")
        assert ref.status == "sent" and ref.notes == "ត្រូវការមេធាវី"


def test_referral_update_declines_with_reason(qtbot: Any, ws: Workspace, runner: TaskRunner,
                                              rescue: Any) -> None:
    victim = _victim(ws, rescue, 30)
    ref = referrals.create_referral(ws, victim.id, service="shelter", provider_code="PTC")
    d = open_dialog(qtbot, ws, runner, "referral_update", {"referral_id": ref.id})
    c = d.controller
    assert c is not None
    # Only what the state machine allows from 'sent'.
    assert [o.value for o in c.state.options("action")] == ["accept", "decline"]
    fill(d, "action", "decline")
    fill(d, "reason", "គ្មានកន្លែងស្នាក់នៅ")
    submit(qtbot, d, runner)
    with ws.tx() as s:
        assert s.get(Referral, ref.id).status == "declined"  # type: ignore[union-attr]
        ev = s.scalars(select(ReferralEvent).where(ReferralEvent.referral_id == ref.id,
                                                   ReferralEvent.kind == "declined")).one()
        assert ev.reason == "គ្មានកន្លែងស្នាក់នៅ"


def test_referral_update_completes(qtbot: Any, ws: Workspace, runner: TaskRunner,
                                   rescue: Any) -> None:
    victim = _victim(ws, rescue, 30)
    ref = referrals.create_referral(ws, victim.id, service="shelter", provider_code="PTC")
    referrals.accept_referral(ws, ref.id)
    d = open_dialog(qtbot, ws, runner, "referral_update", {"referral_id": ref.id})
    fill(d, "action", "complete")
    fill(d, "services_given", ["shelter", "medical"])
    fill(d, "notes", "Stayed 10 days")
    submit(qtbot, d, runner)
    with ws.tx() as s:
        assert s.get(Referral, ref.id).status == "completed"  # type: ignore[union-attr]
        ev = s.scalars(select(ReferralEvent).where(ReferralEvent.kind == "completed")).one()
        assert ev.services_given == ["shelter", "medical"] and ev.reason == "Stayed 10 days"


def test_return_and_reintegration(qtbot: Any, ws: Workspace, runner: TaskRunner,
                                  rescue: Any) -> None:
    victim = _victim(ws, rescue, 30)
    ref = referrals.create_referral(ws, victim.id, service="reintegration", provider_code="PTC")
    d = open_dialog(qtbot, ws, runner, "return_reintegration", {"victim_id": victim.id})
    fill(d, "return_date", "2026-03-20")
    fill(d, "destination_province", "KH-2")
    fill(d, "family_safety", "safe")
    fill(d, "follow_up_plan", "សួរសុខទុក្ខរៀងរាល់ខែ")
    fill(d, "services_given", ["reintegration", "family_tracing"])
    submit(qtbot, d, runner)
    with ws.tx() as s:
        assert s.get(Referral, ref.id).status == "completed"  # type: ignore[union-attr]
        ev = s.scalars(select(ReferralEvent).where(ReferralEvent.kind == "completed")).one()
        assert "2026-03-20" in ev.reason and "KH-2" in ev.reason
        assert "សួរសុខទុក្ខរៀងរាល់ខែ" in ev.reason
        assert ev.services_given == ["family_tracing", "reintegration"]  # in list order


def test_required_and_constraints_shown_next_to_fields_in_current_language(
        qtbot: Any, ws: Workspace, runner: TaskRunner) -> None:
    d = open_dialog(qtbot, ws, runner, "rescue")
    c = d.controller
    assert c is not None
    fill(d, "operation_date", (dt.date.today() + dt.timedelta(days=5)).isoformat())
    row = c.rows[("operation_date", ())]
    assert row.error.isVisibleTo(d) and "future" in row.error.text()
    assert not c.rows[("place", ())].error.isVisibleTo(d)  # not left yet: no message yet
    d.submit_button.click()
    assert c.rows[("place", ())].error.text() == "This field is required."
    assert "need attention" in d.banner.text()
    d.language_button.click()
    assert i18n.current_language() == "km"
    assert c.rows[("place", ())].error.text() == "ត្រូវតែបំពេញចំណុចនេះ។"
    assert "ថ្ងៃអនាគត" in row.error.text()
    assert c.rows[("place", ())].label.text().startswith("ទីកន្លែង")
    assert d.submit_button.text() == "រក្សាទុកកំណត់ត្រា"
    # What was typed survives the switch.
    assert editor(d, "operation_date").line.text() == (
        dt.date.today() + dt.timedelta(days=5)).isoformat()
    d.language_button.click()
    assert c.rows[("place", ())].error.text() == "This field is required."


def test_unreadable_input_is_kept_as_typed(qtbot: Any, ws: Workspace, runner: TaskRunner,
                                           rescue: Any) -> None:
    d = open_dialog(qtbot, ws, runner, "victim", {"rescue_id": rescue.id})
    c = d.controller
    assert c is not None
    fill(d, "estimated_age", "12x")
    assert c.rows[("estimated_age", ())].error.text() == "Enter a whole number."
    assert c.state.raw_text("estimated_age") == "12x"


def test_keyboard_only_enter_advances_and_tab_order_follows_the_form(
        qtbot: Any, ws: Workspace, runner: TaskRunner) -> None:
    d = open_dialog(qtbot, ws, runner, "rescue")
    c = d.controller
    assert c is not None
    date = editor(d, "operation_date").line
    assert d.focusWidget() is date  # the first question has the focus on opening
    type_text(date, "2026-03-01")
    QTest.keyClick(date, Qt.Key.Key_Return)
    place = editor(d, "place").line
    assert d.focusWidget() is place
    type_text(place, KM_PLACE)
    QTest.keyClick(place, Qt.Key.Key_Tab)
    assert d.focusWidget() is editor(d, "province_code").combo
    assert c.state.get("place") == KM_PLACE
    chain = c.focus_chain()
    assert chain[-1] is c.repeats[("people_found", ())].add_button
    # Space on the add button adds an entry and moves to its first question.
    c.repeats[("people_found", ())].add_button.setFocus()
    QTest.keyClick(c.repeats[("people_found", ())].add_button, Qt.Key.Key_Space)
    assert c.state.repeat_count("people_found") == 1
    assert d.focusWidget() is editor(d, "name", (0,)).line


def test_remove_repeat_entry(qtbot: Any, ws: Workspace, runner: TaskRunner) -> None:
    d = open_dialog(qtbot, ws, runner, "rescue")
    c = d.controller
    assert c is not None
    for i, name in enumerate(("A", "B", "C")):
        c.add_instance("people_found")
        fill(d, "name", name, (i,))
    c.frames[("people_found", ())][1].remove_button.click()
    assert c.state.repeat_count("people_found") == 2
    assert [editor(d, "name", (i,)).line.text() for i in range(2)] == ["A", "C"]
    assert c.frames[("people_found", ())][1].heading.text() == "People found: entry 2"


def test_attachment_is_stored_encrypted_and_moves_to_the_statement(
        qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any, tmp_path: Path) -> None:
    from fieldapp.services import attachments

    victim = _victim(ws, rescue, 30)
    audio = tmp_path / "interview.m4a"
    audio.write_bytes(b"\x00AUDIO-SECRET" * 100)
    d = open_dialog(qtbot, ws, runner, "statement", {"victim_id": victim.id})
    c = d.controller
    assert c is not None
    ed = editor(d, "recording")
    ed.attach_path(audio)
    wait_idle(qtbot, runner)
    att_id = c.state.get("recording")
    assert att_id and "interview.m4a" in ed.status.text()
    stored = attachments.file_path(ws, att_id).read_bytes()
    assert b"AUDIO-SECRET" not in stored
    fill(d, "interview_date", "2026-03-14 10:30")
    fill(d, "interviewer", "Officer")
    fill(d, "language", "khm")
    fill(d, "place", "Poipet")
    fill(d, "narrative", KM_NARRATIVE)
    result = submit(qtbot, d, runner)
    owned = attachments.attachments_of(ws, result.entity_id)
    assert [a.id for a in owned] == [att_id] and owned[0].owner_entity == "statement"
    assert attachments.read_attachment(ws, att_id) == audio.read_bytes()


def test_draft_saved_within_a_second_and_removed_on_submit(
        qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any) -> None:
    d = open_dialog(qtbot, ws, runner, "suspect", {"rescue_id": rescue.id})
    c = d.controller
    assert c is not None
    type_text(editor(d, "name").line, "Broker ប៊ុនថន")  # no leaving the field: the timer saves
    qtbot.waitUntil(lambda: bool(_drafts(ws, runner)), timeout=1000)
    (saved,) = _drafts(ws, runner)
    assert saved.values["answers"]["name"] == "Broker ប៊ុនថន"
    assert saved.context == {"rescue_id": rescue.id}
    fill(d, "role", "recruiter")
    submit(qtbot, d, runner)
    assert _drafts(ws, runner) == []
    with ws.tx() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "submit_draft")).one()


def _drafts(ws: Workspace, runner: TaskRunner) -> list[drafts.DraftInfo]:
    return runner._db.submit(drafts.list_drafts, ws).result(5)


def test_close_keeps_the_draft_and_reopening_resumes_it(
        qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any) -> None:
    victim = _victim(ws, rescue, 30)
    d = open_dialog(qtbot, ws, runner, "statement", {"victim_id": victim.id})
    fill(d, "interviewer", "Officer Dara")
    type_text(editor(d, "narrative").text, KM_NARRATIVE)
    d.close_button.click()  # saves at once, no waiting for the timer
    (saved,) = _drafts(ws, runner)
    again = open_dialog(qtbot, ws, runner, "statement", {"victim_id": victim.id})
    assert again.controller is not None and again.controller.draft_id == saved.id
    assert editor(again, "narrative").text.toPlainText() == KM_NARRATIVE
    assert editor(again, "interviewer").line.text() == "Officer Dara"
    assert "restored" in again.banner.text()


def test_discard_is_explicit(qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any) -> None:
    d = open_dialog(qtbot, ws, runner, "suspect", {"rescue_id": rescue.id})
    fill(d, "name", "X")
    wait_idle(qtbot, runner)
    assert len(_drafts(ws, runner)) == 1
    d.discard_button.click()
    assert d.confirm.isVisibleTo(d)
    d.confirm_yes.click()
    wait_idle(qtbot, runner)
    assert _drafts(ws, runner) == []
    with ws.tx() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "discard")).one()


def test_edit_rescue_shows_the_stored_answers(qtbot: Any, ws: Workspace, runner: TaskRunner,
                                              rescue: Any) -> None:
    d = open_dialog(qtbot, ws, runner, "rescue", {"rescue_id": rescue.id})
    assert editor(d, "place").line.text() == "Poipet market"
    fill(d, "unit", "Banteay Meanchey AHT")
    submit(qtbot, d, runner)
    with ws.tx() as s:
        r = s.get(Rescue, rescue.id)
        assert r is not None and r.unit == "Banteay Meanchey AHT" and r.place == "Poipet market"


def test_jump_bar_brings_a_section_to_the_top_with_its_first_question_focused(
        qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any) -> None:
    """A long form (the victim's four sections) has one link per section: one click instead of
    many turns of the wheel; the section's label follows the language; short forms have none."""
    d = open_dialog(qtbot, ws, runner, "victim", {"rescue_id": rescue.id})
    c = d.controller
    assert c is not None
    assert [b.text() for b, _i, _box in d.jumps] == [
        "↓ Identity", "↓ Home and family", "↓ Situation", "↓ Consent"]
    qtbot.waitUntil(lambda: d.content.height() > d.scroll.viewport().height())
    button, _item, box = d.jumps[3]
    assert not box.visibleRegion().boundingRect().height()  # below the fold at first
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.visibleRegion().boundingRect().height() > 50)
    first = c.first_focus_in(box)
    assert first is not None and first.hasFocus()
    assert box.mapTo(d.content, QPoint(0, 0)).y() - d.scroll.verticalScrollBar().value() < 60
    d.toggle_language()
    assert d.jumps[3][0].text() == "↓ ការយល់ព្រម"
    i18n.set_language("en")
    short = open_dialog(qtbot, ws, runner, "suspect", {"rescue_id": rescue.id})
    assert not short.jumps and short.jump_bar.isHidden()


def test_a_long_list_of_options_flows_in_columns_all_shown_none_cut(
        qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any) -> None:
    """Fifty languages take a dozen lines, not fifty; every option is whole and on show (the
    list never scrolls inside the form), in English and in Khmer."""
    for lang in ("en", "km"):
        i18n.set_language(lang)
        d = open_dialog(qtbot, ws, runner, "victim", {"rescue_id": rescue.id})
        ed = editor(d, "languages")
        qtbot.waitUntil(lambda ed=ed: ed.list.viewport().width() > 300)
        qtbot.wait(50)
        view, items = ed.list, [ed.list.item(i) for i in range(ed.list.count())]
        rects = [view.visualItemRect(item) for item in items]
        columns = len({r.left() for r in rects})
        assert columns >= 3 and len(items) > 20
        assert all(0 <= r.top() and r.bottom() <= view.viewport().height() for r in rects)
        metrics = view.fontMetrics()
        assert all(r.width() > metrics.horizontalAdvance(item.text()) + 16
                   for r, item in zip(rects, items, strict=True))
        d.close()
    i18n.set_language("en")
