from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.domain import ids
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied
from fieldapp.services import auth, intake
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Rescue
from tests.conftest import PASSPHRASE, add_user
from tests.support.cases import case_code, set_case_code


def test_case_numbers_are_per_post_and_year(ws: Workspace) -> None:
    def make(day: dt.date, post: str = "POIPET") -> str:
        return intake.create_rescue(ws, operation_date=day, province_code="KH-1", post_code=post,
                                    exploitation_type="online_scam").case_number

    set_case_code(ws, "A")
    assert make(dt.date(2025, 12, 31)) == "POIPET-2025-A-0001"
    assert make(dt.date(2026, 1, 1)) == "POIPET-2026-A-0001"
    assert make(dt.date(2026, 2, 1)) == "POIPET-2026-A-0002"
    # Another post's case: that post's own laptops use bare letters, never "POIPET.A".
    assert make(dt.date(2026, 2, 1), "BAVET") == "BAVET-2026-POIPET.A-0001"


def test_an_unenrolled_device_numbers_its_own_random_series(ws: Workspace) -> None:
    assert case_code(ws) is None
    number = intake.create_rescue(ws, operation_date=dt.date(2026, 5, 1), province_code="KH-1",
                                  exploitation_type="labour").case_number
    code = case_code(ws)
    assert code and len(code) == 2 and ids.is_case_code(code)  # HQ hands out single letters
    assert number == f"POIPET-2026-{code}-0001"
    parsed = ids.parse_case_number(number)
    assert parsed == ids.CaseNumber("POIPET", 2026, code, 1) and str(parsed) == number
    again = intake.create_rescue(ws, operation_date=dt.date(2026, 5, 2), province_code="KH-1",
                                 exploitation_type="labour").case_number
    assert again == f"POIPET-2026-{code}-0002" and case_code(ws) == code  # kept for good


def test_minor_flag_is_derived_at_the_date_of_the_rescue(ws: Workspace, rescue: Rescue) -> None:
    born = dt.date(2008, 3, 15)  # 17 on 2026-03-14, 18 the next day
    assert intake.add_victim(ws, rescue.id, name_latin="A", sex="female", date_of_birth=born).is_minor
    older = intake.add_victim(ws, rescue.id, name_latin="B", sex="male", estimated_age=19)
    assert not older.is_minor
    assert intake.update_victim(ws, older.id, estimated_age=16).is_minor


@pytest.mark.parametrize("values,message", [
    ({"sex": "female"}, "name"),
    ({"name_latin": "X", "sex": "f"}, "sex: must be one of"),
    ({"name_latin": "X", "sex": "male", "date_of_birth": "31/12/2010"}, "date_of_birth"),
    ({"name_latin": "X", "sex": "male", "favourite_colour": "red"}, "unknown field"),
])
def test_bad_input_is_named_without_echoing_values(ws: Workspace, rescue: Rescue, values, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput, match=message) as err:
        intake.add_victim(ws, rescue.id, **values)
    assert "31/12/2010" not in str(err.value)


def test_officers_see_and_record_only_their_posts_cases(ws: Workspace, store_dir) -> None:  # type: ignore[no-untyped-def]
    other = intake.create_rescue(ws, operation_date=dt.date(2026, 1, 2), province_code="KH-20",
                                 post_code="BAVET", exploitation_type="labour")
    add_user(ws, "vichet", Role.OFFICER)
    ws.close()
    with auth.unlock(store_dir, "vichet", PASSPHRASE) as officer:
        with pytest.raises(PermissionDenied):
            intake.get_case(officer, other.id)
        with pytest.raises(PermissionDenied):
            intake.create_rescue(officer, operation_date=dt.date(2026, 1, 2), province_code="KH-20",
                                 post_code="BAVET", exploitation_type="labour")
        mine = intake.create_rescue(officer, operation_date=dt.date(2026, 1, 2), province_code="KH-1",
                                    exploitation_type="labour")
        suspect = intake.add_suspect(officer, mine.id, alias="Boss Heng", role="broker")
        case = intake.get_case(officer, mine.id)
        assert [s.id for s in case.suspects] == [suspect.id] and case.suspects[0].status == "at_large"


def test_numbers_made_before_series_stay_valid_beside_new_ones(ws: Workspace,
                                                              tmp_path: Path) -> None:
    from sqlalchemy import update

    from fieldapp.services import caselist, exports
    from fieldapp.services.caselist import CaseFilter

    old = intake.create_rescue(ws, operation_date=dt.date(2026, 1, 5), province_code="KH-1",
                               exploitation_type="labour")
    with ws.tx() as s:  # as a store made before series existed holds it
        s.execute(update(Rescue).where(Rescue.id == old.id)
                  .values(case_number="POIPET-2026-0001"))
    set_case_code(ws, "C")
    new = intake.create_rescue(ws, operation_date=dt.date(2026, 1, 6), province_code="KH-1",
                               exploitation_type="labour").case_number
    assert new == "POIPET-2026-C-0002"
    for number in ("POIPET-2026-0001", new):
        rows = caselist.case_page(ws, CaseFilter(text=number.lower())).rows
        assert [r.case_number for r in rows] == [number]
    assert {r.case_number for r in caselist.case_page(ws, CaseFilter(text="POIPET-2026")).rows} \
        == {"POIPET-2026-0001", new}
    out = exports.export(ws, "json", tmp_path / "all.json")
    text = out.read_text("utf-8")
    assert "POIPET-2026-0001" in text and new in text
