from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.hlc import MAX_COUNTER, MAX_FUTURE_MS, Hlc, HlcClock, max_stamp, stamp_key


def test_stamps_increase_even_when_the_wall_clock_goes_back() -> None:
    times = iter([1000, 1000, 900, 900, 2000])
    clock = HlcClock("a", now_ms=lambda: next(times))
    stamps = [clock.now() for _ in range(5)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 5


def test_observing_a_future_stamp_moves_past_it() -> None:
    clock = HlcClock("a", now_ms=lambda: 1000)
    remote = Hlc(1000 + MAX_FUTURE_MS, 7, "b")  # ahead, but within the tolerance
    assert clock.observe(remote) > remote
    assert clock.now() > remote


def test_a_stamp_beyond_the_tolerance_is_not_adopted() -> None:
    """Issue 9 item 5: one far-future stamp must not drag this clock (and every later edit)."""
    clock = HlcClock("a", now_ms=lambda: 1_000_000)
    for far in (Hlc(1_000_000 + MAX_FUTURE_MS + 1, 0, "b"), Hlc.parse("9999999999999-99999-~"),
                Hlc.parse("10000000000000-00000-x")):
        seen = clock.observe(far)
        assert seen.wall_ms == 1_000_000 and clock.now().wall_ms == 1_000_000


def test_stamps_compare_as_numbers_not_text() -> None:
    old, wide = "9999999999999-00000-a", "10000000000000-00000-a"
    assert wide < old  # as text: the bug
    assert stamp_key(wide) > stamp_key(old)
    assert max_stamp([old, wide, "0001764000000000-00001-z"]) == wide
    assert stamp_key("") < stamp_key("0000000000000-00000-a")  # no stamp sorts first


def test_counter_carries_into_the_next_millisecond_and_keeps_text_order() -> None:
    clock = HlcClock("a", now_ms=lambda: 1000, last=Hlc(5000, MAX_COUNTER - 1, "a"))
    stamps = [clock.now() for _ in range(3)]
    assert [(s.wall_ms, s.counter) for s in stamps] == [(5000, MAX_COUNTER), (5001, 0), (5001, 1)]
    assert [str(s) for s in stamps] == sorted(str(s) for s in stamps)
    assert clock.observe(Hlc(5001, MAX_COUNTER, "b")) == Hlc(5002, 0, "a")


@given(st.integers(0, 10**13), st.integers(0, MAX_COUNTER - 1), st.text("abcdef0123456789-", max_size=36))
def test_text_form_sorts_like_the_tuple(wall: int, counter: int, node: str) -> None:
    a = Hlc(wall, counter, node)
    b = Hlc(wall, counter + 1, node)
    assert (str(a) < str(b)) == (a < b)
    assert Hlc.parse(str(a)) == a
