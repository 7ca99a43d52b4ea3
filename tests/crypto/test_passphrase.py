"""The passphrase policy: a strength estimate, Khmer counted properly, explained in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp import vocabulary
from fieldapp.crypto import passphrase as policy
from fieldapp.crypto.passphrase import PassphraseTooWeak, clusters, estimate
from fieldapp.domain.enums import Role
from fieldapp.services import auth
from fieldapp.services.workspace import Workspace
from tests.conftest import FAST_KDF

WEAK = {
    "12345678": "common", "aaaaaaaa": "repeated", "password": "common",
    "zxcvbnm,./": "sequence", "1qaz2wsx3edc": None, "qwertyuiop": None,
    "ពាក្យសម្ងាត់": "common", "ពាក្យសម្ងាត់១២៣": "common", "កកកកកកកកកក": "repeated",
    "១២៣៤៥៦៧៨": "common", "ខ្មែរខ្មែរខ្មែរ": "common",
}
STRONG_KHMER = ("ខ្ញុំចូលចិត្តផឹកតែក្តៅនៅពេលព្រឹក", "ដំរីពណ៌ស្វាយដើរលើភ្នំ", "ឆ្មាខៀវដេកក្រោមតុឈើ ៧")


@pytest.mark.parametrize("weak", sorted(WEAK))
def test_the_weak_passphrases_are_refused(weak: str) -> None:
    result = estimate(weak)
    assert not result.acceptable
    if WEAK[weak] is not None:
        assert result.reason == WEAK[weak]
    with pytest.raises(PassphraseTooWeak):
        auth.check_passphrase(weak)


@pytest.mark.parametrize("strong", STRONG_KHMER)
def test_strong_khmer_passphrases_are_accepted(strong: str) -> None:
    assert estimate(strong).acceptable
    auth.check_passphrase(strong, username="sokha", post="POIPET")


def test_khmer_is_counted_in_written_clusters_not_code_points() -> None:
    # "password": 12 code points, 5 clusters (ពា ក្យ ស ម្ងា ត់); zxcvbn alone calls it strong.
    assert len("ពាក្យសម្ងាត់") == 12 and clusters("ពាក្យសម្ងាត់") == ["ពា", "ក្យ", "ស", "ម្ងា", "ត់"]
    assert estimate("ពាក្យសម្ងាត់").length == 5
    assert estimate("ពាក្យសម្ងាត់ ពាក្យសម្ងាត់").guesses_log10 < 8


def test_the_user_name_and_the_post_name_count_as_guessable() -> None:
    assert estimate("sokha2026!").acceptable
    with pytest.raises(PassphraseTooWeak) as err:
        auth.check_passphrase("sokha2026!", username="sokha")
    assert err.value.reason == "personal"
    with pytest.raises(PassphraseTooWeak):
        auth.check_passphrase("poipet2026!", post="POIPET")
    with pytest.raises(PassphraseTooWeak):  # the post's Khmer name, from the reference data
        auth.check_passphrase("ប៉ោយប៉ែតប៉ោយប៉ែត២០២៦", post="POIPET")


def test_the_refusal_explains_itself_in_english_and_khmer() -> None:
    with pytest.raises(PassphraseTooWeak) as err:
        auth.check_passphrase("password")
    assert "too common" in str(err.value) and "unrelated words" in str(err.value)
    km = vocabulary.error_text(err.value, "km")
    assert km.startswith("ឃ្លាសម្ងាត់") and "ងាយទាយ" in km
    for reason in policy.REASONS.values():
        assert vocabulary.khmer(reason.template), reason


@pytest.mark.parametrize(("weak", "en", "km"), [
    ("12345678", "too common", "ប្រើញឹកញាប់ពេក ងាយទាយ"),
    ("aaaaaaaa", "repeated characters", "តួអក្សរដដែលៗ ងាយទាយ"),
    ("password", "too common", "ប្រើញឹកញាប់ពេក ងាយទាយ"),
])
def test_each_weak_passphrase_of_the_issue_is_refused_in_both_languages(weak: str, en: str, km: str) -> None:
    with pytest.raises(PassphraseTooWeak) as err:
        auth.check_passphrase(weak, username="sokha", post="POIPET")
    assert str(err.value).startswith("passphrase ") and en in str(err.value)
    said = vocabulary.error_text(err.value, "km")
    assert said.startswith("ឃ្លាសម្ងាត់") and km in said


def test_the_policy_guards_every_way_to_set_a_passphrase(tmp_path: Path, ws: Workspace) -> None:
    with pytest.raises(PassphraseTooWeak):
        auth.initialise(tmp_path / "other", post_code="PAILIN", username="sok",
                        passphrase="12345678", kdf=FAST_KDF)
    assert not (tmp_path / "other" / "keystore.json").exists()
    with pytest.raises(PassphraseTooWeak):
        auth.add_user(ws, "vichet", "aaaaaaaa", Role.OFFICER, kdf=FAST_KDF)
    auth.add_user(ws, "vichet", "river lantern copper spoon", Role.OFFICER, kdf=FAST_KDF)
    with pytest.raises(PassphraseTooWeak):
        auth.reset_passphrase(ws, "vichet", "vichet123", kdf=FAST_KDF)
    with pytest.raises(PassphraseTooWeak):
        auth.change_passphrase(ws.store.data_dir.root, "vichet", "river lantern copper spoon",
                               "qwertyuiop", FAST_KDF)


def test_the_cli_prints_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from fieldapp.cli import device as cli

    monkeypatch.setattr("sys.stdin", io.StringIO("password\n"))
    code = cli.main(["init", "--data-dir", str(tmp_path / "d"), "--post", "POIPET", "--user", "sok",
                     "--passphrase-stdin"])
    err = capsys.readouterr().err
    assert code == 2 and "too common" in err and "ងាយទាយ" in err and "Traceback" not in err


def test_argon2id_cost_is_kept() -> None:
    from fieldapp.crypto.keystore import DEFAULT_KDF

    assert (DEFAULT_KDF.iterations, DEFAULT_KDF.lanes, DEFAULT_KDF.memory_kib) == (3, 4, 64 * 1024)
