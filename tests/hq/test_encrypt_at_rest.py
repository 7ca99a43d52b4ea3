"""Upgrade: an HQ that release 0.1.0 made (names and narratives in the clear) is sealed in place
by `fieldapp-hq encrypt-at-rest`, on SQLite and PostgreSQL, killed mid-way and rerun."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Table, insert, select

from fieldapp.cli.hq import main
from fieldapp.hq import atrest
from fieldapp.hq.db import make_engine, migrate
from fieldapp.hq.keys import RECOVERY_PRIVATE_FILE
from fieldapp.hq.models import ChangeLog, Device, EnrolmentCode, Record
from tests.support.hqserver import postgres_schema

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "stores" / "0.1.0" / "hq"
TABLES = (Device, EnrolmentCode, Record, ChangeLog)


def _texts(db: Path) -> list[str]:
    """Names, narratives and suspects the fixture holds in the clear (long enough not to
    turn up by chance inside base64)."""
    out: set[str] = set()
    with sqlite3.connect(db) as conn:
        for entity, raw in conn.execute("SELECT entity, fields FROM records"):
            fields = json.loads(raw)
            for name in atrest.PROTECTED.get(entity, ()):
                value = fields.get(name, [None])[0]
                if isinstance(value, str) and (len(value) >= 10 or not value.isascii()):
                    out.add(value[:40])
    return sorted(out)


def _needles(texts: list[str]) -> list[bytes]:
    out = []
    for text in texts:
        out += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be"),
                json.dumps(text).strip('"').encode("ascii")]
    return out


def _hits(blobs: dict[str, bytes], needles: list[bytes]) -> list[str]:
    return [f"{name}: {n[:24]!r}" for name, data in blobs.items() for n in needles if n in data]


def _folder(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _pg_dump(url: str) -> bytes:
    schema = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)["options"][0].split("=")[1]
    return subprocess.run(["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-n", schema, "test"],
                          capture_output=True, check=True, timeout=120).stdout


@pytest.fixture(params=["sqlite", "postgresql"])
def old_hq(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, str | None]]:
    """(data folder, database URL or None) holding 0.1.0's HQ data exactly as it wrote it."""
    data_dir = tmp_path / "hq"
    shutil.copytree(FIXTURE, data_dir)
    if request.param == "sqlite":
        yield data_dir, None
        return
    # PostgreSQL: 0.1.0's rows, as they were, in a PostgreSQL HQ database.
    source = make_engine(f"sqlite:///{data_dir / 'hq.sqlite3'}")
    migrate(source)
    with postgres_schema() as url:
        target = make_engine(url)
        migrate(target)
        with source.connect() as src, target.begin() as dst:
            for model in TABLES:
                table: Table = model.__table__  # type: ignore[assignment]
                rows = [dict(r) for r in src.execute(select(table)).mappings()]
                if rows:
                    dst.execute(insert(table), rows)
        target.dispose()
        source.dispose()
        (data_dir / "hq.sqlite3").unlink()
        yield data_dir, url


def _cli(data_dir: Path, url: str | None, *args: str) -> list[str]:
    return [*args, "--data-dir", str(data_dir), *(["--database-url", url] if url else [])]


def _figures(data_dir: Path, url: str | None, key: Path | None, out: Path,
             capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    given = ["--data-key-file", str(key)] if key else []
    assert main(_cli(data_dir, url, "stats", "--json", *given)) == 0
    figures: dict[str, object] = {"stats": json.loads(capsys.readouterr().out)}
    for year in (2024, 2025, 2026):
        path = out / f"report-{year}-{'sealed' if key else 'clear'}.json"
        assert main(_cli(data_dir, url, "report", "--year", str(year), "--format", "json",
                         "--out", str(path), *given)) == 0
        figures[str(year)] = json.loads(path.read_text())
    capsys.readouterr()
    return figures


def test_an_old_hq_is_sealed_in_place_killed_midway_and_rerun(
        old_hq: tuple[Path, str | None], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir, url = old_hq
    texts = _texts(FIXTURE / "hq.sqlite3")
    assert len(texts) > 20 and any(not t.isascii() for t in texts)  # names in both scripts
    needles = _needles(texts)
    before = _folder(data_dir) | ({"pg_dump": _pg_dump(url)} if url else {})
    assert _hits(before, needles)  # 0.1.0 kept them in the clear
    figures = _figures(data_dir, url, None, tmp_path, capsys)
    assert figures["stats"]["victims"] == 13  # type: ignore[index]

    # serve refuses a clear HQ (once the recovery key is off the server).
    (data_dir / RECOVERY_PRIVATE_FILE).rename(tmp_path / RECOVERY_PRIVATE_FILE)
    assert main(_cli(data_dir, url, "serve")) == 2
    assert "stored in the clear" in capsys.readouterr().err

    media = tmp_path / "usb"
    media.mkdir(mode=0o700)
    key = media / "hq.key"
    args = _cli(data_dir, url, "encrypt-at-rest", "--data-key-file", str(key), "--batch", "4")
    # Killed (SIGKILL) inside its third transaction: two batches sealed, the third not.
    env = {**os.environ, "FIELDAPP_TEST_ENCRYPT_CRASH_AT_BATCH": "3"}
    proc = subprocess.run([sys.executable, "-m", "fieldapp.cli.hq", *args], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert atrest.sealed_version(data_dir) == 0  # the key is made; the rows are not all sealed
    engine = make_engine(url or f"sqlite:///{data_dir / 'hq.sqlite3'}")
    try:
        with engine.connect() as conn:
            stored = [r.fields for r in conn.execute(select(Record.__table__))]
        sealed = sum(any(isinstance(v[0], str) and v[0].startswith(atrest.PREFIX)
                         for v in f.values()) for f in stored)
        assert 0 < sealed <= 8 < len(stored)  # a mix: what was committed, and no more
        clear_left = atrest.count_clear(engine)
        assert clear_left > 0
    finally:
        engine.dispose()
    # The mix reads right meanwhile: the same figures, with the key.
    assert _figures(data_dir, url, key, tmp_path, capsys) == figures

    # Rerun: it finishes; a third run has nothing left to do.
    assert main(args) == 0
    assert "0 row(s) still in the clear" in capsys.readouterr().out
    assert main(args) == 0
    assert "sealed 0 records, 0 change_log, 0 parked_changes" in capsys.readouterr().out
    assert atrest.sealed_version(data_dir) == atrest.PROTECTED_VERSION

    after = _folder(data_dir) | ({"pg_dump": _pg_dump(url)} if url else {})
    assert not any(n in after for n in ("hq.key", "usb/hq.key"))  # the key is not in the folder
    assert _hits(after, needles) == []
    if url:
        assert b"hq-sealed:1:" in after["pg_dump"]
    assert _figures(data_dir, url, key, tmp_path, capsys) == figures
    # And without the key, nothing opens.
    assert main(_cli(data_dir, url, "stats")) == 2
    assert "--data-key-file" in capsys.readouterr().err


def test_encrypt_at_rest_says_what_it_needs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "hq"
    shutil.copytree(FIXTURE, data_dir)
    assert main(["encrypt-at-rest", "--data-dir", str(data_dir)]) == 2
    assert "--data-key-file" in capsys.readouterr().err
    assert main(["encrypt-at-rest", "--data-dir", str(data_dir), "--data-key-file",
                 str(data_dir / "k")]) == 2
    assert "separate media" in capsys.readouterr().err
    assert main(["encrypt-at-rest", "--data-dir", str(tmp_path / "none"), "--data-key-file",
                 str(tmp_path / "k")]) == 2
    assert "fieldapp-hq init" in capsys.readouterr().err
    assert not atrest.is_configured(data_dir)


def test_the_data_key_can_be_wrapped_under_an_operator_passphrase(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    data_dir = tmp_path / "hq"
    shutil.copytree(FIXTURE, data_dir)
    args = ["encrypt-at-rest", "--data-dir", str(data_dir), "--data-key-passphrase-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO("a long operator passphrase\n"))
    assert main(args) == 0
    assert "0 row(s) still in the clear" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    assert main(args) == 2
    assert "wrong data key passphrase" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("a long operator passphrase\n"))
    assert main(["stats", "--json", "--data-dir", str(data_dir), "--data-key-passphrase-stdin"]) == 0
    assert json.loads(capsys.readouterr().out)["victims"] == 13
    assert _hits(_folder(data_dir), _needles(_texts(FIXTURE / "hq.sqlite3"))) == []


def test_serve_asks_for_encrypt_at_rest_when_this_release_seals_more(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A data key made before the newest PROTECTED list: serve warns (the recovery key still
    in the folder stops it right after, so the test needs no server)."""
    data_dir, key = tmp_path / "hq", tmp_path / "usb" / "hq.key"
    key.parent.mkdir()
    assert main(["init", "--data-dir", str(data_dir), "--data-key-file", str(key)]) == 0
    assert atrest.sealed_version(data_dir) == atrest.PROTECTED_VERSION  # nothing stored yet
    config = json.loads((data_dir / atrest.CONFIG_FILE).read_text())
    del config["sealed"]  # as the release before versions were kept wrote it
    (data_dir / atrest.CONFIG_FILE).write_text(json.dumps(config))
    capsys.readouterr()
    assert main(["serve", "--data-dir", str(data_dir), "--data-key-file", str(key)]) == 2
    assert "run 'fieldapp-hq encrypt-at-rest'" in capsys.readouterr().err
    assert main(["encrypt-at-rest", "--data-dir", str(data_dir), "--data-key-file", str(key)]) == 0
    assert atrest.sealed_version(data_dir) == atrest.PROTECTED_VERSION
    capsys.readouterr()
    assert main(["serve", "--data-dir", str(data_dir), "--data-key-file", str(key)]) == 2
    assert "encrypt-at-rest" not in capsys.readouterr().err
