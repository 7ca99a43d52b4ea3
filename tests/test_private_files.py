"""Every writer of case data or keys (below the UI) goes through crypto/atomic and makes 0600 files.

A loose umask (022) is set on purpose: the files must be private because of how they are
created, not because the process happened to run with umask 077.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.crypto import atomic
from fieldapp.hq import atrest, db, keys
from fieldapp.services import attachments, sync
from fieldapp.services.workspace import Workspace
from fieldapp.store import fileperm
from tests.support.syncenv import hq_running, minor_case, new_device


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths the one private-file writer was asked to write."""
    seen: list[Path] = []
    real = atomic._private_file

    def spy(path: Path, **kw: Any) -> Any:
        seen.append(Path(path))
        return real(path, **kw)

    monkeypatch.setattr(atomic, "_private_file", spy)
    return seen


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_attachment_files_are_private(ws: Workspace, rescue: Any, loose_umask: None,
                                      writes: list[Path]) -> None:
    att = attachments.add_attachment(ws, "rescue", rescue.id, b"%PDF- a passport", "p.pdf")
    stored = attachments.file_path(ws, att.id)
    assert stored in writes and _mode(stored) == 0o600
    assert attachments.read_attachment(ws, att.id) == b"%PDF- a passport"


def test_hq_key_files_data_key_and_database_are_private(tmp_path: Path, loose_umask: None,
                                                        writes: list[Path]) -> None:
    data_dir, media = tmp_path / "hq", tmp_path / "media"
    data_dir.mkdir()
    media.mkdir()
    atrest.create(data_dir, key_file=media / "hq.key")
    keys.init_keys(data_dir)
    engine = db.make_engine(db.default_url(data_dir))
    engine.dispose()
    made = [media / "hq.key", data_dir / db.SQLITE_FILE, data_dir / keys.SIGNING_FILE,
            data_dir / keys.HPKE_FILE, data_dir / keys.RECOVERY_PRIVATE_FILE]
    for path in made:
        assert path in writes, path.name
        assert _mode(path) == 0o600, path.name
    keys.rotate_hpke(data_dir)
    assert _mode(data_dir / keys.HPKE_FILE) == 0o600
    assert not list(data_dir.glob(".*.part")) and not list(media.glob(".*.part"))


def test_a_new_device_database_file_is_private(tmp_path: Path, loose_umask: None,
                                               writes: list[Path]) -> None:
    db_file = tmp_path / "fieldapp.db"
    fileperm.create_private(db_file)
    fileperm.create_private(db_file)  # an existing one is left as it is
    assert writes == [db_file, db_file] and _mode(db_file) == 0o600 and db_file.stat().st_size == 0


def test_bundle_files_are_private_and_never_overwrite(tmp_path: Path, loose_umask: None,
                                                      writes: list[Path]) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        try:
            minor_case(ws)
            out = tmp_path / "usb" / "out.bundle"
            out.parent.mkdir()
            paths, count = sync.export_bundle(ws, out)
            assert count > 0 and paths
            for path in paths:
                assert path in writes and _mode(path) == 0o600
            assert not list(out.parent.glob(".*.part"))
        finally:
            ws.close()


def test_hq_return_files_are_private_and_never_overwrite(tmp_path: Path, loose_umask: None,
                                                         writes: list[Path]) -> None:
    from fieldapp.cli import hq as hq_cli

    out = tmp_path / "return.fae"
    hq_cli._write_new(out, b"sealed return")
    assert writes == [out] and _mode(out) == 0o600
    with pytest.raises(hq_cli.UsageError, match="already exists"):
        hq_cli._write_new(out, b"other")
    assert out.read_bytes() == b"sealed return"
    with pytest.raises(hq_cli.UsageError, match="cannot write"):
        hq_cli._write_new(tmp_path / "no-such-folder" / "r.fae", b"x")


def test_every_file_hq_writes_while_it_works_is_private(tmp_path: Path, loose_umask: None) -> None:
    """A running HQ (SQLite with its -wal/-shm), its TLS files, a device's pushes with an
    attachment, the year's report in every format and a return file: all 0600, made so
    under umask 022 (no entry point set a stricter one)."""
    from fieldapp.cli import hq as hq_cli
    from fieldapp.hq.tls import make_self_signed
    from fieldapp.reports.hq_report import make_report
    from fieldapp.reports.render import no_pdf_writer
    from tests.support.syncenv import fast_options

    out = tmp_path / "out"
    out.mkdir(mode=0o700)
    with hq_running("sqlite", tmp_path) as hq:
        make_self_signed(hq.settings.data_dir)
        ws = new_device(tmp_path / "d", hq, "POIPET")
        try:
            case = minor_case(ws)
            attachments.add_attachment(ws, "rescue", case["rescue"], b"%PDF- a passport", "p.pdf")
            sync.sync_round(ws, options=fast_options())
            assert sync.status(ws).pending == 0
            device_id = hq.hq.devices()[0].id
        finally:
            ws.close()
        year = min(int(f["operation_date"][0][:4]) for _, _, f in hq.hq.report_records("rescue"))
        for fmt in ("csv", "json", "pdf"):
            make_report(hq.hq.report_records, year, None, fmt, out / f"report.{fmt}",
                        pdf_writer=hq_cli._pdf_writer() if fmt == "pdf" else no_pdf_writer)
        hq_cli._write_new(out / "return.fae", hq.hq.export_bundle(device_id))
        data_dir = hq.settings.data_dir
        written = {str(p.relative_to(tmp_path)): _mode(p)
                   for folder in (data_dir, out, data_dir.parent / f"{data_dir.name}-keymedia")
                   for p in folder.rglob("*") if p.is_file()}
        assert {"hq/hq.sqlite3", "hq/hq.sqlite3-wal", "hq/hq-datakey.json", "hq/hq-tls.key",
                "out/report.pdf", "out/report.csv", "out/report.json", "out/return.fae",
                "hq-keymedia/hq-data.key"} <= set(written)
        assert {name: oct(m) for name, m in written.items() if m != 0o600} == {}
