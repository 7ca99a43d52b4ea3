"""Case view: victims, final statements locked with their hash, audited reading, actions open forms."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from uihelpers import NARRATIVE, unlock_as, wait_idle

from fieldapp.store.models import AuditEvent
from fieldapp.ui import forms


def _open(qtbot: Any, store: Any, make_controller: Any, rescue: str = "rescue") -> Any:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    main.go("cases")
    main.open_case(ids[rescue])
    qtbot.waitUntil(lambda: main.case_view.loaded is not None)
    return c, main.case_view, ids


def test_case_shows_its_records(qtbot: Any, store: Any, make_controller: Any) -> None:
    _c, view, _ids = _open(qtbot, store, make_controller)
    assert view.victims.rowCount() == 1
    assert view.victims.item(0, 0).text() == "សុខ ស្រីពៅ"
    assert view.victims.item(0, 4).text() == "yes"  # minor
    assert view.suspects.item(0, 0).text() == "Broker Vannak"
    status = view.statements.item(0, 2)
    assert status.text() == "Final" and not status.icon().isNull()
    assert len(view.statements.item(0, 4).text()) == 64  # the seal
    assert view.referrals.rowCount() == 1
    view.referrals.selectRow(0)
    assert view.timeline.count() == 2  # created, sent
    assert view.audit.rowCount() >= 4
    assert view.tabs.tabText(1) == "Statements (1)"
    # The case view never holds a narrative until one is deliberately read.
    assert all(st.narrative == "" for st in view.loaded.case.statements)


def test_reading_a_statement_is_audited(qtbot: Any, store: Any, make_controller: Any) -> None:
    c, view, ids = _open(qtbot, store, make_controller)
    view.statements.selectRow(0)
    assert view.read_button.isEnabled()
    view.read_button.click()
    wait_idle(qtbot, c)
    dialog = view.dialogs[-1]
    assert dialog.text.toPlainText() == NARRATIVE
    assert ids["statement"] and "seal" in dialog.info.text()
    with c.ws.tx() as s:
        views = s.scalars(select(AuditEvent).where(AuditEvent.action == "view",
                                                   AuditEvent.entity_id == ids["statement"])).all()
    assert len(views) == 1
    c.lock()
    assert view.dialogs == [] and not dialog.isVisible()


def test_closing_a_statement_drops_its_narrative(qtbot: Any, store: Any, make_controller: Any) -> None:
    c, view, _ids = _open(qtbot, store, make_controller)
    view.statements.selectRow(0)
    view.read_button.click()
    wait_idle(qtbot, c)
    dialog = view.dialogs[-1]
    assert dialog.text.toPlainText() == NARRATIVE and dialog._st is not None
    dialog.close_button.click()
    # Gone with the view: the widget's text, the statement, and the case view's reference.
    assert dialog.text.toPlainText() == "" and dialog.info.text() == "" and dialog._st is None
    assert view.dialogs == []


def test_actions_open_the_forms(qtbot: Any, store: Any, make_controller: Any) -> None:
    _c, view, ids = _open(qtbot, store, make_controller)
    view.add_victim_button.click()
    assert forms.last_opened is not None and forms.last_opened.form_id == "victim"
    assert forms.last_opened.context == {"rescue_id": ids["rescue"]}
    forms.last_opened.close()
    view.add_statement_button.click()  # one victim, a minor: the child-sensitive form
    assert forms.last_opened.form_id == "statement_child"
    assert forms.last_opened.context["victim_id"] == ids["victim"]
    forms.last_opened.close()
    view.refer_button.click()
    assert forms.last_opened.form_id == "referral"
    forms.last_opened.close()
    view.add_suspect_button.click()
    assert forms.last_opened.form_id == "suspect"
    forms.last_opened.close()
    view.edit_button.click()
    assert forms.last_opened.form_id == "rescue"
    forms.last_opened.close()


def test_unknown_case_shows_a_clear_message(qtbot: Any, store: Any, make_controller: Any) -> None:
    root, _ = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    main.open_case("0000-not-a-case")
    wait_idle(qtbot, c)
    assert main.case_view.banner.isVisibleTo(main.case_view)
    assert main.case_view.banner.text() == "no such case on this device"


def test_attachment_opens_into_memory(qtbot: Any, store: Any, make_controller: Any,
                                      tmp_path: Any) -> None:
    from PySide6.QtGui import QColor, QImage

    from fieldapp.services import attachments

    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    png = tmp_path / "passport.png"
    image.save(str(png))
    c.runner.run_db("add", lambda: attachments.add_attachment(
        c.ws, "victim", ids["victim"], png, "passport.png", mime="image/png"))
    wait_idle(qtbot, c)
    main = c.shell.main
    main.open_case(ids["rescue"])
    qtbot.waitUntil(lambda: main.case_view.loaded is not None)
    view = main.case_view
    assert view.attachments.rowCount() == 1
    view.attachments.selectRow(0)
    view.open_attachment_button.click()
    wait_idle(qtbot, c)
    dialog = view.dialogs[-1]
    assert dialog.view.pixmap() is not None and not dialog.view.pixmap().isNull()
    dialog.close()



def test_extra_answers_are_shown(qtbot: Any, store: Any, make_controller: Any) -> None:
    """Answers an imported form collected without a column of their own: own tab, one row each."""
    from fieldapp.services import answers

    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    with c.ws.tx() as s:
        answers.keep(s, "victim", ids["victim"], {"occupation": "fisher",
                                                  "languages_spoken": ["km", "th"]}, {})
    main = c.shell.main
    main.go("cases")
    main.open_case(ids["rescue"])
    qtbot.waitUntil(lambda: main.case_view.loaded is not None)
    view = main.case_view
    rows = {(view.answers.item(r, 1).text(), view.answers.item(r, 2).text())
            for r in range(view.answers.rowCount())}
    assert rows == {("occupation", "fisher"), ("languages_spoken", "km, th")}
    assert view.answers.item(0, 0).text().startswith("Victim")
    assert view.tabs.tabText(view.tabs.indexOf(view.answers)) == "Other answers (2)"
