"""Matching people across posts and scripts (fieldapp.linkage): the issue's four spellings,
hard non-matches, and the labelled set's precision and recall."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks.bench_matching import labelled
from fieldapp.linkage.keys import skeleton, tokens
from fieldapp.linkage.match import candidate_pairs, find_matches
from fieldapp.linkage.romanise import fold, to_latin
from fieldapp.linkage.score import THRESHOLD, Person, compare, prepare

FOUR = [
    Person("p1", name_latin="Sok Sreymom", sex="female", estimated_age=19, ref_year=2026,
           nationality="KH"),
    Person("p2", name_latin="Sok Srey Mom", sex="female", estimated_age=18, ref_year=2025,
           nationality="KH", phones=("012 345 678",)),
    Person("p3", name_km="សុខ ស្រីមុំ", sex="female", date_of_birth=dt.date(2007, 3, 14),
           nationality="KH"),
    Person("p4", name_km="សុខ ស្រីមំ", sex="female", nationality="KH", phones=("+85512345678",)),
]


def test_the_four_spellings_are_one_person() -> None:
    found = find_matches(FOUR)
    pairs = {frozenset((c.a, c.b)) for c in found}
    assert len(pairs) == 6, [(c.a, c.b, c.levels, c.weight) for c in found]


@pytest.mark.parametrize(("a", "b"), [
    # Twins: same family name, birth date, phone; another given name.
    (Person("t1", name_latin="Sok Sreymom", sex="female", date_of_birth=dt.date(2008, 5, 1),
            phones=("012345678",), nationality="KH"),
     Person("t2", name_km="សុខ ស្រីពៅ", sex="female", date_of_birth=dt.date(2008, 5, 1),
            phones=("012345678",), nationality="KH")),
    # Siblings.
    (Person("s1", name_latin="Chan Dara", sex="male", estimated_age=17, ref_year=2026,
            phones=("097111222",), nationality="KH"),
     Person("s2", name_latin="Chan Sokha", sex="male", estimated_age=14, ref_year=2026,
            phones=("097111222",), nationality="KH")),
    # Same name, a generation apart.
    (Person("g1", name_latin="Nguyễn Thị Hoa", sex="female", estimated_age=45, ref_year=2026),
     Person("g2", name_latin="Nguyen Thi Hoa", sex="female", estimated_age=19, ref_year=2026)),
    # Chantha and Chanthu are two given names (same consonants, other vowels).
    (Person("l1", name_latin="Ly Chantha", sex="female", estimated_age=30, ref_year=2026),
     Person("l2", name_latin="Ly Chanthu", sex="female", estimated_age=34, ref_year=2026)),
])
def test_hard_non_matches_stay_apart(a: Person, b: Person) -> None:
    c = compare(prepare(a), prepare(b))
    assert c.weight < THRESHOLD, c


def test_romanisation_and_keys() -> None:
    assert fold("Nguyễn Đặng") == "nguyen dang"
    assert to_latin("សុខ ស្រីមុំ") == to_latin("សុខ ស្រីមំ") == "sokh sreimom"
    assert [skeleton(t) for t in tokens("Sok Srey Mom")] == ["SK", "SR", "MM"]
    assert skeleton("vanna") == skeleton(tokens("វណ្ណា")[0])
    assert to_latin("王小明") == "wang xiao ming"
    assert skeleton(to_latin("ศิริพร")) == skeleton("siriporn")


def test_word_order_and_diacritics() -> None:
    a = prepare(Person("a", name_latin="Nguyễn Văn Hùng", sex="male", estimated_age=30, ref_year=2026))
    b = prepare(Person("b", name_latin="HUNG NGUYEN VAN", sex="male", estimated_age=31, ref_year=2026))
    assert compare(a, b).levels["name"] == "exact"


def test_evidence_holds_no_names() -> None:
    c = compare(prepare(FOUR[0]), prepare(FOUR[2]))
    assert "Sok" not in repr(c.levels) and "sok" not in repr(c.levels)


def test_labelled_set_precision_and_recall() -> None:
    result = labelled()
    assert result["pairs"] >= 500
    assert result["precision"] >= 0.95 and result["recall"] >= 0.95, result


def test_the_queue_bar_rises_one_bit_per_doubling_beyond_a_region() -> None:
    from fieldapp.linkage.match import TF_MIN_PEOPLE, queue_threshold

    assert queue_threshold(5) == queue_threshold(TF_MIN_PEOPLE) == THRESHOLD
    assert queue_threshold(TF_MIN_PEOPLE * 2) == pytest.approx(THRESHOLD + 1)
    assert queue_threshold(TF_MIN_PEOPLE * 64) == pytest.approx(THRESHOLD + 6)


def test_where_everyone_is_of_an_age_a_shared_birth_year_weighs_less() -> None:
    from fieldapp.linkage.match import sampled_u
    from fieldapp.linkage.score import WEIGHTS, population_weights

    born = [dt.date(2004 + i % 2, 1 + i % 12, 1 + i % 28) for i in range(400)]
    people = [prepare(Person(str(i), name_latin=f"{chr(65 + i % 26)}{i} Person", sex="female",
                             date_of_birth=born[i], nationality="KH")) for i in range(400)]
    u = sampled_u(people, pairs=4000)
    assert u["birth"]["year"] > 0.5  # every other pair is born within a year
    weights = population_weights(u)
    assert weights["birth"]["year"] < WEIGHTS["birth"]["year"]
    assert weights["name"]["exact"] == WEIGHTS["name"]["exact"]  # distinct names: u as set


def test_an_unknown_sex_neither_agrees_nor_disagrees() -> None:
    """"unknown" is a device's code for a sex not recorded: it is no evidence either way."""
    girl = Person("k1", name_latin="Sok Sreymom", sex="female", estimated_age=19, ref_year=2026,
                  nationality="KH", phones=("012 345 678",))
    unsure = Person("k2", name_latin="Sok Sreymom", sex="unknown", estimated_age=19,
                    ref_year=2026, nationality="KH", phones=("012 345 678",))
    also_unsure = Person("k3", name_latin="Chan Dara", sex="unknown")
    boy = Person("k4", name_latin="Sok Sreymom", sex="male", estimated_age=19, ref_year=2026,
                 nationality="KH", phones=("012 345 678",))
    assert "sex" not in compare(prepare(girl), prepare(unsure)).levels
    assert "sex" not in compare(prepare(unsure), prepare(also_unsure)).levels
    assert compare(prepare(girl), prepare(boy)).levels["sex"] == "disagree"
    assert compare(prepare(girl), prepare(unsure)).weight > compare(prepare(girl), prepare(boy)).weight


def test_a_person_of_unknown_sex_meets_both_sexes_in_the_rare_word_blocks() -> None:
    """Blocked only by a rare given name and a birth year (no phone, another family name
    recorded), a record without sex still meets the one that has it."""
    a = prepare(Person("b1", name_latin="Sok Rathanakvong", sex="female",
                       date_of_birth=dt.date(2004, 2, 2)))
    b = prepare(Person("b2", name_latin="Chea Rathanakvong", sex="unknown",
                       date_of_birth=dt.date(2004, 2, 2)))
    assert list(candidate_pairs([a, b])) == [(0, 1)]
