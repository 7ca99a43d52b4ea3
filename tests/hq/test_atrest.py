"""HQ at rest: a copy of the data folder and database taken while serving holds no names or narratives."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import httpx
import pytest

from fieldapp.cli.hq import main
from fieldapp.hq import atrest
from fieldapp.hq.keys import RECOVERY_PRIVATE_FILE
from fieldapp.hq.service import Hq
from fieldapp.hq.settings import HqSettings
from tests.support.hqserver import RunningHq

NAMES = ("Srey Leak Bopha", "ស្រីលក្ខណ៍", "Broker Chhay Heng")
PHRASES = ("kept in a locked room above the karaoke bar", "ត្រូវបានគេបញ្ឆោត")
#: A suspect's phone (as typed and normalised) and a village an imported form asked for.
DETAILS = ("012 987 6543", "0129876543", "Phum Kbal Spean Leak")


def needles() -> list[bytes]:
    out = []
    for text in (*NAMES, *PHRASES, *DETAILS):
        out += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be"),
                json.dumps(text).strip('"').encode("ascii")]  # JSON's \\u escapes
    return out


def scan(blobs: dict[str, bytes]) -> list[str]:
    return [f"{name}: {n[:24]!r}" for name, data in blobs.items() for n in needles() if n in data]


def push_case(client: httpx.Client, enrolled) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    rescue = d.change("rescue", {"place": "Poipet", "post_code": "POIPET",
                                 "notes": PHRASES[0]})
    victim = d.change("victim", {"name_latin": NAMES[0], "name_km": NAMES[1], "sex": "female",
                                 "rescue_id": rescue["entity_id"], "date_of_birth": "2012-05-01",
                                 "extra": {"home_village": DETAILS[2]}})
    statement = d.change("statement", {"victim_id": victim["entity_id"], "narrative":
                                       f"{PHRASES[0]}. {PHRASES[1]}.", "status": "draft"})
    suspect = d.change("suspect", {"rescue_id": rescue["entity_id"], "name": NAMES[2],
                                   "role": "broker"})
    phone = d.change("suspect_identifier", {"suspect_id": suspect["entity_id"], "kind": "phone",
                                            "value": DETAILS[0], "normalised": DETAILS[1]})
    answer = d.push(client, [rescue, victim, statement, suspect, phone])
    assert answer.applied == 5, answer.refused


def test_a_copy_taken_while_serving_holds_no_names_or_narratives(
    hq_server: RunningHq, client: httpx.Client, enrolled, db_kind: str, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    push_case(client, enrolled)
    settings = hq_server.settings
    copy = tmp_path / "copy"
    shutil.copytree(settings.data_dir, copy)  # the server is still running
    blobs = {str(p.relative_to(copy)): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    if db_kind == "postgresql":
        url = urllib.parse.urlparse(settings.database_url or "")
        schema = urllib.parse.parse_qs(url.query)["options"][0].split("=")[1]
        dump = subprocess.run(["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-n", schema, "test"],
                              capture_output=True, check=True, timeout=120).stdout
        assert b"CREATE TABLE" in dump and b"hq-sealed:1:" in dump
        blobs["pg_dump"] = dump
    else:
        assert any(name.endswith(".sqlite3") for name in blobs)
    assert not any("hq-data.key" in name for name in blobs)  # the key is not in the folder
    assert scan(blobs) == []
    # What HQ works with is the clear data, decrypted in memory: reports and pulls still work.
    victims = list(hq_server.hq.report_records("victim"))
    assert [f["name_latin"][0] for _, _, f in victims] == [NAMES[0]]
    assert hq_server.hq.stats()["victims"] == 1
    d2 = enrolled()
    pulled, _ = d2.pull_all(client)
    texts = json.dumps([r.fields for r in pulled], ensure_ascii=False, default=str)
    assert NAMES[0] in texts and PHRASES[0] in texts


def test_without_the_data_key_hq_does_not_start(hq_server: RunningHq, client: httpx.Client,
                                                enrolled) -> None:  # type: ignore[no-untyped-def]
    push_case(client, enrolled)
    bare = HqSettings(data_dir=hq_server.settings.data_dir, database_url=hq_server.settings.database_url)
    with pytest.raises(atrest.DataKeyError, match="data is encrypted"):
        Hq(bare)
    with pytest.raises(atrest.DataKeyError, match="does not belong"):
        atrest.unlock(bare.data_dir, key_file=_other_key(hq_server))


def _other_key(hq: RunningHq) -> Path:
    other = hq.settings.data_dir.parent / "other"
    other.mkdir()
    (other / "k").write_text("00" * 32)
    return other / "k"


def test_init_and_serve_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    d, media = tmp_path / "hq", tmp_path / "usb"
    media.mkdir()
    assert main(["init", "--data-dir", str(d)]) == 2
    assert "--data-key-file" in capsys.readouterr().err
    assert main(["init", "--data-dir", str(d), "--data-key-file", str(d / "k")]) == 2
    capsys.readouterr()
    assert main(["init", "--data-dir", str(d), "--data-key-file", str(media / "hq.key")]) == 0
    out = capsys.readouterr().out
    assert "separate media" in out and "offline media" in out
    # serve: the recovery key is still in the data folder -> a plain refusal, no traceback.
    assert main(["serve", "--data-dir", str(d), "--data-key-file", str(media / "hq.key")]) == 2
    err = capsys.readouterr().err
    assert "recovery private key is still in" in err and "Traceback" not in err
    assert (d / RECOVERY_PRIVATE_FILE).exists()
    # Other commands need the key too, and say how to give it.
    assert main(["stats", "--data-dir", str(d)]) == 2
    assert "--data-key-file" in capsys.readouterr().err
    monkeypatch.setenv(atrest.ENV_KEY_FILE, str(media / "hq.key"))
    assert main(["stats", "--data-dir", str(d), "--json"]) == 0
    capsys.readouterr()
    # A passphrase-wrapped data key works the same way.
    d2 = tmp_path / "hq2"
    monkeypatch.delenv(atrest.ENV_KEY_FILE)
    monkeypatch.setattr("sys.stdin", io.StringIO("a long operator passphrase\n"))
    assert main(["init", "--data-dir", str(d2), "--data-key-passphrase-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("a long operator passphrase\n"))
    assert main(["stats", "--data-dir", str(d2), "--data-key-passphrase-stdin", "--json"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    assert main(["stats", "--data-dir", str(d2), "--data-key-passphrase-stdin"]) == 2
    assert "wrong data key passphrase" in capsys.readouterr().err


def test_a_parked_change_is_sealed_too_and_still_applies_when_its_parent_arrives(
    hq_server: RunningHq, client: httpx.Client, enrolled, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    d = enrolled()
    rescue = d.change("rescue", {"place": "Poipet", "post_code": "POIPET"})
    victim = d.change("victim", {"name_latin": NAMES[0], "sex": "female",
                                 "rescue_id": rescue["entity_id"]})
    statement = d.change("statement", {"victim_id": victim["entity_id"], "narrative": PHRASES[1],
                                       "status": "draft"})
    answer = d.push(client, [rescue, statement])  # its victim has not arrived: parked
    assert answer.applied == 1 and len(answer.refused) == 1
    stored = hq_server.hq.engine.connect()
    try:
        raw = stored.exec_driver_sql("SELECT change FROM parked_changes").scalar_one()
    finally:
        stored.close()
    text = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False)
    assert "hq-sealed:1:" in text and PHRASES[1] not in text
    copy = tmp_path / "copy"
    shutil.copytree(hq_server.settings.data_dir, copy)
    assert scan({str(p): p.read_bytes() for p in copy.rglob("*") if p.is_file()}) == []
    assert [p.entity for p in hq_server.hq.parked()] == ["statement"]  # opened to list it
    assert d.push(client, [victim]).applied >= 1  # the parent arrives: the parked one applies
    narratives = [f["narrative"][0] for _, _, f in hq_server.hq.report_records("statement")]
    assert narratives == [PHRASES[1]]


def test_encrypt_at_rest_may_run_while_serving(hq_server: RunningHq, client: httpx.Client, enrolled,  # type: ignore[no-untyped-def]
                                               db_kind: str) -> None:
    """Clear rows (as an older release stored them) sealed in small batches while devices
    keep pushing edits of the same records: every edit kept, every row sealed."""
    import threading

    from sqlalchemy import select, update

    from fieldapp.hq.models import ChangeLog, Record

    d = enrolled()
    rescue = d.change("rescue", {"place": "Poipet", "post_code": "POIPET"})
    victims = [d.change("victim", {"name_latin": f"{NAMES[0]} {i}", "sex": "female",
                                   "rescue_id": rescue["entity_id"]}) for i in range(40)]
    assert d.push(client, [rescue, *victims]).applied == 41
    hq, key = hq_server.hq, hq_server.hq.data_key
    assert key is not None
    with hq.engine.begin() as conn:  # back to the clear, as a release before at-rest wrote it
        for model in (Record, ChangeLog):
            table = model.__table__
            pk = next(iter(table.primary_key.columns))
            for row in conn.execute(select(table)).mappings().all():
                clear = atrest.open_fields(key, row["entity"], row["entity_id"], row["fields"])
                conn.execute(update(table).where(pk == row[pk.name]).values(fields=clear))
    assert atrest.count_clear(hq.engine) > 0
    failed: list[BaseException] = []

    def seal() -> None:
        try:
            atrest.encrypt_existing(hq.engine, key, batch=3)
        except BaseException as exc:  # reported below
            failed.append(exc)

    worker = threading.Thread(target=seal)
    worker.start()
    edits = []
    for round_ in range(3):
        for v in victims[round_::3]:
            edits.append(d.change("victim", {"name_latin": f"{NAMES[0]} edit {round_}"},
                                  entity_id=v["entity_id"]))
        assert d.push(client, edits[-len(victims[round_::3]):]).applied == len(victims[round_::3])
    worker.join(120)
    assert not worker.is_alive() and failed == []
    atrest.encrypt_existing(hq.engine, key)  # what a run that started earlier may have missed
    assert atrest.count_clear(hq.engine) == 0
    names = {rid: f["name_latin"][0] for _, rid, f in hq.report_records("victim")}
    expected = {e["entity_id"]: e["fields"]["name_latin"][0] for e in edits}
    assert {rid: names[rid] for rid in expected} == expected
