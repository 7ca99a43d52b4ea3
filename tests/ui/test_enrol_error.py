"""Enrolment refusals in the chosen language; the Add-user dialog on a centre laptop."""

from __future__ import annotations

from typing import Any

from fieldapp.sync.client import HqRefused, WrongPostEnrolled
from fieldapp.ui import i18n
from fieldapp.ui.admin import enrol_error

DEVICE = "01a23500-9e0f-7103-b296-1956cd944765"


def test_wrong_post_refusal_is_translated() -> None:
    i18n.set_language("km")
    text = enrol_error(HqRefused("HQ refused: this code is for post POIPET", error="wrong_post"))
    assert any("\u1780" <= ch <= "\u17ff" for ch in text)
    assert "HQ refused" not in text and "POIPET" not in text


def test_registered_elsewhere_names_the_whole_device_id() -> None:
    i18n.set_language("km")
    text = enrol_error(WrongPostEnrolled("PTC", "POIPET", DEVICE))
    assert DEVICE in text and "PTC" in text
    assert any("\u1780" <= ch <= "\u17ff" for ch in text) and "ask HQ" not in text


def test_add_user_on_a_centre_laptop_defaults_to_its_staff(qtbot: Any) -> None:
    from fieldapp.ui.admin import UserDialog

    centres = [("PTC", "Poipet Transit Centre"), ("KTC", "Other centre")]
    at_centre = UserDialog(None, centres, "PTC", centre="PTC")
    qtbot.addWidget(at_centre)
    assert (at_centre.role.currentData(), at_centre.centre.currentData()) == ("centre_staff", "PTC")
    at_post = UserDialog(None, centres, "POIPET")
    qtbot.addWidget(at_post)
    assert at_post.role.currentData() != "centre_staff"
