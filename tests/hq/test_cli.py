"""`fieldapp-hq` commands: exit codes, output shapes, one-line errors and no tracebacks."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.cli.hq import main
from fieldapp.crypto.envelope import EnvelopeKind
from fieldapp.hq.keys import RECOVERY_PRIVATE_FILE, load_recovery_private
from fieldapp.hq.service import Hq
from fieldapp.hq.settings import HqSettings
from tests.support.hqserver import TestDevice, running_server


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    d, media = tmp_path / "hq", tmp_path / "keymedia"  # the data key lives on separate media
    media.mkdir()
    assert run(capsys, "init", "--data-dir", str(d), "--data-key-file", str(media / "hq.key"))[0] == 0
    monkeypatch.setenv("FIELDAPP_HQ_DATA_KEY_FILE", str(media / "hq.key"))
    return d


def test_init_makes_private_key_files(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in os.listdir(data_dir):
        if name.endswith((".pem", ".pub", ".sqlite3")):
            assert stat.S_IMODE((data_dir / name).stat().st_mode) == 0o600, name
    code, _, err = run(capsys, "init", "--data-dir", str(data_dir))
    assert code == 2 and "already exist" in err and len(err.strip().splitlines()) == 1


def test_enrolment_code_devices_revoke_stats(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dd = ["--data-dir", str(data_dir)]
    code, out, _ = run(
        capsys, "enrolment-code", *dd, "--post", "POIPET", "--role", "officer", "--expires", "2d"
    )
    assert code == 0
    enrol_code = out.strip().splitlines()[-1]
    assert len(enrol_code) == 24  # five groups of four: secret, then HQ key check
    assert run(capsys, "enrolment-code", *dd, "--post", "POIPET", "--role", "centre_staff")[0] == 2
    assert run(capsys, "enrolment-code", *dd, "--post", "POIPET", "--role", "chief")[0] == 2
    assert run(capsys, "enrolment-code", *dd, "--post", "HQ", "--role", "national")[0] == 0
    assert run(capsys, "enrolment-code", *dd, "--post", "PO IPET", "--role", "officer")[0] == 2
    assert (
        run(capsys, "enrolment-code", *dd, "--post", "X", "--role", "officer", "--expires", "0d")[0]
        == 2
    )

    settings = HqSettings(data_dir=data_dir)
    with running_server(settings) as srv, srv.client() as c:
        device = TestDevice()
        device.enrol(c, enrol_code)
        device.push(
            c,
            [device.change("rescue", {"place": "x"}), device.change("victim", {"name_latin": "y"})],
        )
    code, out, _ = run(capsys, "devices", *dd)
    assert code == 0 and device.id in out and "active" in out
    code, out, _ = run(capsys, "devices", *dd, "--json")
    assert json.loads(out)[0]["acked_seq"] == 2
    code, out, _ = run(capsys, "stats", *dd, "--json")
    figures = json.loads(out)
    assert figures["rescues"] == 1 and figures["victims"] == 1 and figures["statements"] == 0
    assert {"rescues", "victims", "statements", "suspects", "referrals"} <= set(figures)
    assert run(capsys, "revoke", *dd, device.id)[0] == 0
    assert "REVOKED" in run(capsys, "devices", *dd)[1]
    code, _, err = run(capsys, "revoke", *dd, "no-such-device")
    assert code == 2 and "no device" in err


def test_reference_load(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dd = ["--data-dir", str(data_dir)]
    ref = tmp_path / "ref.yaml"
    ref.write_text(
        "posts:\n  - {code: POIPET, name_en: Poipet, name_km: ប៉ោយប៉ែត}\ncentres:\n  - {code: PTC}\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "reference", "load", *dd, str(ref))
    assert code == 0 and "1 posts" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text("posts: [ {code: ", encoding="utf-8")
    assert run(capsys, "reference", "load", *dd, str(bad))[0] == 2
    bad.write_text('{"posts": [{"name": "no code"}]}', encoding="utf-8")
    bad = bad.rename(tmp_path / "bad.json")
    code, _, err = run(capsys, "reference", "load", *dd, str(bad))
    assert code == 2 and "code" in err
    assert run(capsys, "reference", "load", *dd, str(tmp_path / "missing.json"))[0] == 2


def test_bundles_round_trip(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dd = ["--data-dir", str(data_dir)]
    code = (
        run(capsys, "enrolment-code", *dd, "--post", "KOHKONG", "--role", "officer")[1]
        .strip()
        .splitlines()[-1]
    )
    with running_server(HqSettings(data_dir=data_dir)) as srv, srv.client() as c:
        device = TestDevice()
        device.enrol(c, code)
    # Sneakernet: the device writes its outbox to a USB stick; HQ imports it.
    bundle = tmp_path / "usb.fae"
    bundle.write_bytes(
        device.seal_push([device.change("rescue", {"place": "Koh Kong"})], kind=EnvelopeKind.BUNDLE)
    )
    code_, out, _ = run(capsys, "import-bundle", *dd, str(bundle))
    assert code_ == 0 and "applied 1" in out
    code_, _, err = run(capsys, "import-bundle", *dd, str(bundle))
    assert code_ == 2 and "replay" in err
    garbage = tmp_path / "garbage.fae"
    garbage.write_bytes(b"\x00" * 100)
    assert run(capsys, "import-bundle", *dd, str(garbage))[0] == 2
    out_file = tmp_path / "return.fae"
    assert run(capsys, "export-bundle", *dd, "--device", device.id, "--out", str(out_file))[0] == 0
    header, answer = device.open_answer(out_file.read_bytes())
    assert header.kind is EnvelopeKind.RETURN_BUNDLE
    assert [r.fields["place"][0] for r in answer.records] == ["Koh Kong"]
    assert (
        run(capsys, "export-bundle", *dd, "--device", device.id, "--out", str(out_file))[0] == 2
    )  # exists
    assert (
        run(capsys, "export-bundle", *dd, "--device", "nobody", "--out", str(tmp_path / "x"))[0]
        == 2
    )


def test_recovery_key_export(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "recovery.pem"
    assert (
        run(
            capsys,
            "recovery-key",
            "export",
            "--data-dir",
            str(data_dir),
            "--out",
            str(out),
            "--remove",
        )[0]
        == 0
    )
    assert isinstance(load_recovery_private(out), X25519PrivateKey)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not (data_dir / RECOVERY_PRIVATE_FILE).exists()
    # The server still runs without it: only the public half is needed day to day.
    Hq(HqSettings(data_dir=data_dir)).close()
    code, _, err = run(
        capsys,
        "recovery-key",
        "export",
        "--data-dir",
        str(data_dir),
        "--out",
        str(tmp_path / "again"),
    )
    assert code == 2 and err.strip()


def test_rebuild_figures(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rebuild-figures", "--data-dir", str(data_dir))
    assert code == 0
    assert out.strip() == "report counters made again from 0 cases"


def test_user_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = ["--data-dir", str(tmp_path / "nothing")]
    for args in (
        ["stats", *empty],
        ["devices", *empty],
        ["bogus"],
        ["enrolment-code", *empty],
        ["stats", *empty, "--database-url", "postgresql+psycopg://nobody@127.0.0.1:1/x"],
        ["stats", *empty, "--database-url", "not-a-url"],
    ):
        code, _, err = run(capsys, *args)
        assert code == 2, args
        assert len(err.strip().splitlines()) == 1, (args, err)


def test_console_script_entry_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "fieldapp.cli.hq", "--help"],
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and "serve" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "-m", "fieldapp.cli.hq", "serve", "--data-dir", "/nonexistent/x"],
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
