from __future__ import annotations

import uuid

from fieldapp.domain.ids import uuid7


def test_uuid7_is_version_7_and_time_ordered() -> None:
    ids = [uuid7() for _ in range(2000)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


# -- case numbers ------------------------------------------------------------------------


def test_case_numbers_of_both_schemes_parse_and_print_back() -> None:
    from fieldapp.domain.ids import CaseNumber, parse_case_number

    for text, parsed in [
        ("POIPET-2025-0001", CaseNumber("POIPET", 2025, "", 1)),  # made before series existed
        ("POIPET-2026-A-0001", CaseNumber("POIPET", 2026, "A", 1)),
        ("POIPET-2026-QX-0123", CaseNumber("POIPET", 2026, "QX", 123)),
        ("PAILIN-2026-POIPET.A-0012", CaseNumber("PAILIN", 2026, "POIPET.A", 12)),
    ]:
        assert parse_case_number(text) == parsed and str(parsed) == text
    assert parse_case_number("poipet-2026-a-0001") == CaseNumber("POIPET", 2026, "A", 1)
    for bad in ("", "POIPET", "POIPET-26-0001", "Sok Dara", "POIPET-2026-ABC-0001"):
        assert parse_case_number(bad) is None, bad


def test_hq_hands_out_single_letters_first_and_never_a_misreadable_one() -> None:
    from fieldapp.domain.ids import (
        CASE_LETTERS,
        is_case_code,
        next_free_case_code,
        random_case_code,
    )

    assert "I" not in CASE_LETTERS and "O" not in CASE_LETTERS
    assert next_free_case_code(set()) == "A"
    assert next_free_case_code({"A", "B"}) == "C"
    assert len(next_free_case_code(set(CASE_LETTERS))) == 2
    codes = {random_case_code() for _ in range(200)}
    assert all(len(c) == 2 and is_case_code(c) for c in codes) and len(codes) > 100
