"""Trust anchored at enrolment: a man in the middle can neither swap HQ's keys nor forge,
replay or move HQ's answers, and a forged answer never leads to a wipe."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import func, select

from fieldapp.domain.errors import InvalidInput, SyncRejected
from fieldapp.services import intake, sync
from fieldapp.services.sync import WipeRefused
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Device, Outbox
from fieldapp.sync import trust
from fieldapp.sync.client import DeviceRevoked
from fieldapp.sync.trust import UntrustedAnswer
from tests.conftest import PASSPHRASE
from tests.support.hqserver import cli_env, data_key_file
from tests.support.mitm import Answer, running_mitm
from tests.support.syncenv import code_for, fast_options, hq_running, new_device

BIN = Path(sys.executable).parent


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = cli_env(args) if args[0] == "fieldapp-hq" else {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([str(BIN / args[0]), *args[1:]], input=stdin, capture_output=True,
                          check=False, text=True, timeout=60, env=env)


def init_hq(data_dir: Path) -> subprocess.CompletedProcess[str]:
    """`fieldapp-hq init` as an operator runs it: the data key on separate media, and the
    recovery key moved off the server (serve refuses to start beside it)."""
    key = data_key_file(data_dir)
    key.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    made = run("fieldapp-hq", "init", "--data-dir", str(data_dir), "--data-key-file", str(key))
    if made.returncode == 0:
        moved = run("fieldapp-hq", "recovery-key", "export", "--data-dir", str(data_dir), "--out",
                    str(key.parent / "hq-recovery.pem"), "--remove")
        assert moved.returncode == 0, moved.stderr
    return made


def _b64(key: Any) -> str:
    return trust.b64_public(key)


def _rescue(ws: Workspace) -> None:
    intake.create_rescue(ws, operation_date=dt.date(2026, 4, 1), province_code="KH-1",
                         exploitation_type="begging")


def _device_state(ws: Workspace) -> tuple[int, bool, int]:
    with ws.tx() as s:
        device = s.scalars(select(Device)).one()
        outbox = int(s.scalar(select(func.count()).select_from(Outbox)) or 0)
        return device.acked_seq, device.revoked, outbox


# -- enrolment --------------------------------------------------------------------------


def _swap_keys(resign: bool, attacker: Ed25519PrivateKey | None = None):  # type: ignore[no-untyped-def]
    """A proxy that puts its own HPKE and recovery keys into the enrolment answer."""
    hpke, recovery = X25519PrivateKey.generate(), X25519PrivateKey.generate()

    def rewrite(path: str, request: bytes, answer: Answer) -> Answer:
        if path != "/v1/enrol" or answer.status != 200:
            return answer
        body = json.loads(answer.body)
        body["hq_x25519_public"] = _b64(hpke.public_key())
        body["hq_recovery_x25519_public"] = _b64(recovery.public_key())
        headers = dict(answer.headers) | {trust.H_HQ_HPKE: body["hq_x25519_public"]}
        if resign:
            # The strongest attacker: its own signing key, a correct binding, a fresh signature.
            assert attacker is not None
            body["hq_ed25519_public"] = _b64(attacker.public_key())
            raw = json.dumps(body).encode()
            headers[trust.H_ANSWER_SIGNATURE] = trust.sign_answer(
                attacker, 200, trust.binding(request), body["hq_x25519_public"], raw)
        else:
            raw = json.dumps(body).encode()
        return Answer(200, headers, raw)

    return rewrite


@pytest.mark.parametrize("variant", ["swap", "swap_and_resign", "strip_signature"])
def test_mitm_swapping_keys_at_enrolment_is_refused(tmp_path: Path, variant: str) -> None:
    attacker = Ed25519PrivateKey.generate()
    if variant == "strip_signature":
        def rewrite(path: str, request: bytes, answer: Answer) -> Answer:
            headers = {k: v for k, v in answer.headers.items() if k != trust.H_ANSWER_SIGNATURE}
            return Answer(answer.status, headers, answer.body)
    else:
        rewrite = _swap_keys(variant == "swap_and_resign", attacker)
    with hq_running("sqlite", tmp_path) as hq, running_mitm(hq.base_url, rewrite) as (url, _m):
        ws = new_device(tmp_path / "d", None)
        with pytest.raises(UntrustedAnswer, match="did not come from HQ"):
            sync.enrol(ws, url, code_for(hq, "POIPET"))
        status = sync.status(ws)
        assert not status.enrolled and status.device_id is None
        with ws.tx() as s:
            assert not s.scalars(select(Device)).one().hq_keys
        # Going direct with a fresh code works, and the keys kept are HQ's.
        answer = sync.enrol(ws, hq.base_url, code_for(hq, "POIPET"))
        assert answer.hq_x25519_public == _b64(hq.hq.keys.hpke_public)
        assert answer.hq_recovery_x25519_public == _b64(hq.hq.keys.recovery_public)
        ws.close()


def test_code_check_part_is_required_and_read_aloud_friendly(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        code = code_for(hq, "POIPET")
        groups = code.split("-")
        assert len(groups) == 5 and all(len(g) == 4 for g in groups)
        assert set(code.replace("-", "")) <= set(trust.CODE_ALPHABET)
        ws = new_device(tmp_path / "d", None)
        with pytest.raises(InvalidInput, match="no HQ check part"):
            sync.enrol(ws, hq.base_url, "-".join(groups[:3]))
        wrong = "-".join(groups[:3] + ["AAAA", "AAAA"])
        with pytest.raises(UntrustedAnswer):
            sync.enrol(ws, hq.base_url, wrong)
        assert not sync.status(ws).enrolled
        ws.close()


# -- state-changing answers -------------------------------------------------------------


def test_forged_acknowledgement_changes_nothing(tmp_path: Path) -> None:
    attacker = Ed25519PrivateKey.generate()
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq)
        sync.sync_round(ws, options=fast_options())
        _rescue(ws)
        before = _device_state(ws)
        assert before[0] < before[2]  # something is unacknowledged

        def altered(path: str, request: bytes, answer: Answer) -> Answer:
            if path != "/v1/push" or answer.status != 200:
                return answer
            body = json.loads(answer.body) | {"acked_seq": 10**9, "highest_seq": 10**9}
            return Answer(200, answer.headers, json.dumps(body).encode())

        def resigned(path: str, request: bytes, answer: Answer) -> Answer:
            forged = altered(path, request, answer)
            if forged is answer:
                return answer
            hpke = answer.headers[trust.H_HQ_HPKE]
            sig = trust.sign_answer(attacker, 200, trust.binding(request), hpke, forged.body)
            return Answer(200, answer.headers | {trust.H_ANSWER_SIGNATURE: sig}, forged.body)

        for rewrite in (altered, resigned):
            with running_mitm(hq.base_url, rewrite) as (url, _m):
                with pytest.raises(UntrustedAnswer, match="nothing was changed"):
                    sync.sync_round(ws, hq_url=url, options=fast_options())
            assert _device_state(ws)[:2] == before[:2]  # (the outbox only gains the audit)
            assert sync.status(ws).pending > 0

        # An old genuine answer replayed against a new request is refused too.
        with running_mitm(hq.base_url) as (url, mitm):
            sync.sync_round(ws, hq_url=url, options=fast_options())
        [old] = [a for p, a in mitm.seen if p == "/v1/push"][-1:]
        _rescue(ws)
        acked = _device_state(ws)[0]
        with running_mitm(hq.base_url, lambda p, r, a: old if p == "/v1/push" else a) as (url, _m):
            with pytest.raises(UntrustedAnswer):
                sync.sync_round(ws, hq_url=url, options=fast_options())
        assert _device_state(ws)[0] == acked
        # Straight to HQ, everything is acknowledged as before.
        sync.sync_round(ws, options=fast_options())
        assert sync.status(ws).pending == 0
        ws.close()


def test_forged_revocation_changes_nothing_and_wipe_is_refused(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "a", hq)
        other = new_device(tmp_path / "b", hq)
        sync.sync_round(ws, options=fast_options())
        _rescue(ws)

        def forged(path: str, request: bytes, answer: Answer) -> Answer:
            body = {"error": "revoked", "reason": "revoked by HQ", "action": "wipe"}
            return Answer(403, {"content-type": "application/json"}, json.dumps(body).encode())

        with running_mitm(hq.base_url, forged) as (url, _m):
            with pytest.raises(UntrustedAnswer, match="revocation notice"):
                sync.sync_round(ws, hq_url=url, options=fast_options())
        assert not sync.status(ws).revoked
        with pytest.raises(WipeRefused, match="not revoked"):
            sync.wipe_revoked(ws)

        # A genuine, signed revocation of another device, replayed to this one: refused.
        other_id = sync.status(other).device_id
        assert other_id
        hq.hq.revoke(other_id)
        with running_mitm(hq.base_url) as (url, mitm), pytest.raises(DeviceRevoked):
            sync.sync_round(other, hq_url=url, options=fast_options())
        genuine = next(a for _p, a in mitm.seen if a.status == 403)
        with running_mitm(hq.base_url, lambda p, r, a: genuine) as (url, _m):
            with pytest.raises(UntrustedAnswer):
                sync.sync_round(ws, hq_url=url, options=fast_options())
        assert not sync.status(ws).revoked
        assert ws.store.data_dir.exists()
        ws.close()
        out = run("fieldapp", "wipe", "--yes", "--passphrase-stdin", "--data-dir",
                  str(tmp_path / "a"), "--user", "sup", stdin=PASSPHRASE + "\n")
        assert out.returncode == 2 and "not revoked" in out.stderr
        assert (tmp_path / "a").exists()
        other.close()


def test_wipe_refused_with_unsent_changes_until_a_bundle_holds_them(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        root = tmp_path / "d"
        ws = new_device(root, hq)
        sync.sync_round(ws, options=fast_options())
        _rescue(ws)
        device_id = sync.status(ws).device_id
        assert device_id
        hq.hq.revoke(device_id)
        with pytest.raises(DeviceRevoked):
            sync.sync_round(ws, options=fast_options())
        assert sync.status(ws).revoked
        with pytest.raises(WipeRefused, match="bundle export"):
            sync.wipe_revoked(ws)
        ws.close()
        args = ("--passphrase-stdin", "--data-dir", str(root), "--user", "sup")
        out = run("fieldapp", "wipe", "--yes", *args, stdin=PASSPHRASE + "\n")
        assert out.returncode == 2 and "never reached HQ" in out.stderr
        assert "bundle export" in out.stderr and len(out.stderr.strip().splitlines()) == 1
        assert root.exists()
        out = run("fieldapp", "bundle", "export", "--out", str(tmp_path / "unsent.bundle"),
                  *args, stdin=PASSPHRASE + "\n")
        assert out.returncode == 0, out.stderr
        out = run("fieldapp", "wipe", "--yes", *args, stdin=PASSPHRASE + "\n")
        assert out.returncode == 0, out.stderr
        assert "sealed bundle" in out.stdout and not root.exists()


def test_wipe_after_every_change_was_acknowledged_says_so(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        root = tmp_path / "d"
        ws = new_device(root, hq)
        _rescue(ws)
        sync.sync_round(ws, options=fast_options())
        device_id = sync.status(ws).device_id
        assert device_id
        hq.hq.revoke(device_id)
        with pytest.raises(DeviceRevoked) as caught:
            sync.sync_round(ws, options=fast_options())
        assert sync.wipe_basis(ws) == "acknowledged"
        assert caught.value is not None
        ws.close()
        out = run("fieldapp", "wipe", "--yes", "--passphrase-stdin", "--data-dir", str(root),
                  "--user", "sup", stdin=PASSPHRASE + "\n")
        assert out.returncode == 0, out.stderr
        assert "acknowledged every change" in out.stdout and not root.exists()


# -- transport --------------------------------------------------------------------------


def test_plain_http_is_refused_except_to_loopback(tmp_path: Path) -> None:
    for url in ("http://hq.example.org", "http://10.0.0.5:8443", "http://[2001:db8::1]/"):
        with pytest.raises(InvalidInput, match="https://"):
            trust.check_hq_url(url)
    for url in ("http://127.0.0.1:8443", "http://127.9.9.9", "http://[::1]:80", "http://localhost",
                "https://hq.example.org/"):
        assert trust.check_hq_url(url) == url.rstrip("/")
    ws = new_device(tmp_path / "d", None)
    with pytest.raises(InvalidInput, match="only allowed to this computer"):
        sync.enrol(ws, "http://hq.example.org", "ABCD-EFGH-JKMN-PQRS-TVWX")
    assert not sync.status(ws).enrolled
    ws.close()
    out = run("fieldapp", "enrol", "--hq", "http://192.0.2.1", "--code", "ABCD-EFGH-JKMN-PQRS-TVWX",
              "--passphrase-stdin", "--data-dir", str(tmp_path / "d"), "--user", "sup",
              stdin=PASSPHRASE + "\n")
    assert out.returncode == 2 and "https://" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_an_unsigned_answer_never_reaches_the_store_even_on_pull(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq)
        sync.sync_round(ws, options=fast_options())
        with ws.tx() as s:
            cursor = s.scalars(select(Device)).one().pull_cursor

        def stripped(path: str, request: bytes, answer: Answer) -> Answer:
            if path != "/v1/pull":
                return answer
            headers = {k: v for k, v in answer.headers.items() if k != trust.H_ANSWER_SIGNATURE}
            return Answer(answer.status, headers, answer.body)

        hq.hq.load_reference({"posts": [{"code": "PAILIN", "name": "Pailin"}]})
        with running_mitm(hq.base_url, stripped) as (url, _m):
            with pytest.raises(SyncRejected):
                sync.sync_round(ws, hq_url=url, options=fast_options())
        with ws.tx() as s:
            assert s.scalars(select(Device)).one().pull_cursor == cursor
        ws.close()


def test_signature_header_is_base64_of_64_bytes(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq, hq.client() as c:
        r = c.get("/v1/health")
        assert len(base64.b64decode(r.headers[trust.H_ANSWER_SIGNATURE])) == 64
        assert trust.verify_answer(hq.hq.keys.signing_public, 200, trust.binding(b""),
                                   r.headers[trust.H_HQ_HPKE], r.content,
                                   r.headers[trust.H_ANSWER_SIGNATURE])


# -- HPKE key rotation ------------------------------------------------------------------


def test_hpke_key_rotation_end_to_end_with_the_old_key_destroyed(tmp_path: Path) -> None:
    import time

    from fieldapp.hq.keys import RETIRED_KEEP, load_keys, purge_retired, retired_files, rotate_hpke
    from tests.support.hqserver import make_settings, running_server

    data_dir = tmp_path / "hq"
    settings = make_settings(data_dir, None)
    root = tmp_path / "d"
    with running_server(settings) as hq:
        ws = new_device(root, hq)
        _rescue(ws)
        sync.sync_round(ws, options=fast_options())
        old_public = _b64(hq.hq.keys.hpke_public)
        # A second laptop goes offline for longer than HQ keeps retired keys.
        away = new_device(tmp_path / "away", hq, "PAILIN")  # (case numbers: h9ops)
        _rescue(away)
    # A post without a link writes its changes to USB twice (sealed to the old key).
    _rescue(ws)
    late_bundle = sync.export_bundle(ws, tmp_path / "late.bundle")[0][0]
    stale_bundle = sync.export_bundle(ws, tmp_path / "stale.bundle")[0][0]

    rotated_ms = time.time_ns() // 1_000_000  # the clock is given, so the period can pass
    new_public = _b64(rotate_hpke(data_dir, now_ms=rotated_ms))
    assert new_public != old_public and len(retired_files(data_dir)) == 1
    with running_server(settings) as hq:
        # The device still seals to the old key: HQ opens it with the retired one, and its
        # signed answer names the new key, which the device adopts.
        _rescue(ws)
        sync.sync_round(ws, hq_url=hq.base_url, options=fast_options())  # (a new port)
        assert sync.status(ws).pending == 0
        with ws.tx() as s:
            assert s.scalars(select(Device)).one().hq_keys["x25519"] == new_public
        # A late bundle sealed to the old key still opens.
        assert hq.hq.import_bundle(late_bundle.read_bytes()).acked_seq > 0

    # Within the stated period (RETIRED_KEEP, 30 days) the retired key is kept; once it is
    # over, the old private key is destroyed (overwritten, then removed).
    keep_ms = int(RETIRED_KEEP.total_seconds() * 1000)
    assert RETIRED_KEEP == dt.timedelta(days=30)
    assert purge_retired(data_dir, now_ms=rotated_ms + keep_ms - 1) == 0
    assert len(retired_files(data_dir)) == 1
    (_, retired_path), = retired_files(data_dir)
    assert purge_retired(data_dir, now_ms=rotated_ms + keep_ms) == 1
    assert not retired_path.exists()
    assert retired_files(data_dir) == [] and load_keys(data_dir).retired == ()
    with running_server(settings) as hq:
        assert hq.hq.keys.hpke_all == (hq.hq.keys.hpke,)
        # The device seals to the new key only: its next pushes are opened by it alone.
        _rescue(ws)
        sync.sync_round(ws, hq_url=hq.base_url, options=fast_options())  # (a new port)
        assert sync.status(ws).pending == 0
        # What was sealed to the destroyed key can no longer be opened by anyone.
        with pytest.raises(SyncRejected, match="could not be opened"):
            hq.hq.import_bundle(stale_bundle.read_bytes())
        # The laptop that was away seals to the destroyed key: HQ's signed refusal names the
        # new key, the device adopts it and sends again; nothing is lost.
        sync.sync_round(away, hq_url=hq.base_url, options=fast_options())
        assert sync.status(away).pending == 0
        with away.tx() as s:
            assert s.scalars(select(Device)).one().hq_keys["x25519"] == new_public
        rescues = hq.hq.stats()["rescues"]
    assert rescues == 5
    away.close()
    ws.close()


def test_hq_cli_keys_rotate_list_purge(tmp_path: Path) -> None:
    d = tmp_path / "hq"
    assert init_hq(d).returncode == 0
    out = run("fieldapp-hq", "keys", "rotate", "--data-dir", str(d))
    assert out.returncode == 0 and "restart" in out.stdout and "30 days" in out.stdout
    out = run("fieldapp-hq", "keys", "list", "--data-dir", str(d))
    lines = out.stdout.splitlines()
    assert out.returncode == 0 and len([ln for ln in lines if ln.startswith("retired ")]) == 1
    out = run("fieldapp-hq", "keys", "purge", "--data-dir", str(d))
    assert out.returncode == 0 and "destroyed 0" in out.stdout
    out = run("fieldapp-hq", "keys", "purge", "--keep", "soon", "--data-dir", str(d))
    assert out.returncode == 2 and "not a duration" in out.stderr


# -- TLS --------------------------------------------------------------------------------


def _serve(data_dir: Path, port: int, *extra: str) -> subprocess.Popen[bytes]:
    import time

    import httpx

    args = ["serve", "--data-dir", str(data_dir), "--port", str(port), *extra]
    proc = subprocess.Popen([str(BIN / "fieldapp-hq"), *args], env=cli_env(args),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"https://127.0.0.1:{port}/v1/health", verify=False,
                         timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError("fieldapp-hq serve did not start with TLS")
        time.sleep(0.1)


def test_hq_serves_tls_and_the_device_pins_its_self_signed_certificate(tmp_path: Path) -> None:
    import hashlib

    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    from fieldapp.hq.tls import make_self_signed
    from fieldapp.sync.client import CertificateNotTrusted
    from tests.support.hqserver import free_port

    data_dir = tmp_path / "hq"
    assert init_hq(data_dir).returncode == 0
    cert = x509.load_pem_x509_certificate((data_dir / "hq-tls.crt").read_bytes())
    pin = hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest()
    port = free_port()
    proc = _serve(data_dir, port)
    try:
        out = run("fieldapp-hq", "enrolment-code", "--data-dir", str(data_dir), "--post",
                  "POIPET", "--role", "supervisor")
        code = out.stdout.strip().splitlines()[-1]
        ws = new_device(tmp_path / "d", None)
        sync.enrol(ws, f"https://127.0.0.1:{port}", code)
        with ws.tx() as s:
            assert s.scalars(select(Device)).one().hq_keys["tls_sha256"] == pin
        _rescue(ws)
        sync.sync_round(ws, options=fast_options())
        assert sync.status(ws).pending == 0
    finally:
        proc.terminate()
        proc.wait(30)
    # Someone else's certificate on the same address (an interceptor): nothing is sent.
    other = tmp_path / "other"
    other.mkdir()
    make_self_signed(other)
    proc = _serve(data_dir, port, "--tls-cert", str(other / "hq-tls.crt"),
                  "--tls-key", str(other / "hq-tls.key"))
    try:
        _rescue(ws)
        acked = _device_state(ws)[0]
        with pytest.raises(CertificateNotTrusted, match="nothing was sent or changed"):
            sync.sync_round(ws, options=fast_options())
        assert _device_state(ws)[0] == acked
    finally:
        proc.terminate()
        proc.wait(30)
        ws.close()


def test_serve_refuses_a_missing_or_broken_certificate(tmp_path: Path) -> None:
    d = tmp_path / "hq"
    assert init_hq(d).returncode == 0
    (tmp_path / "bad.crt").write_text("not a certificate")
    out = run("fieldapp-hq", "serve", "--data-dir", str(d), "--tls-cert",
              str(tmp_path / "bad.crt"), "--tls-key", str(d / "hq-tls.key"))
    assert out.returncode == 2 and "cannot be used" in out.stderr and "Traceback" not in out.stderr
    out = run("fieldapp-hq", "serve", "--data-dir", str(tmp_path / "nothing-here"))
    assert out.returncode == 2 and "--no-tls" in out.stderr
