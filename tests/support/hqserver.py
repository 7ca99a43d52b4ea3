"""A real HQ server on loopback for tests, databases to run it on, and a minimal device.

Reusable by the device sync-client tests: ``running_server(settings)`` starts uvicorn in
a thread; ``TestDevice`` enrols, seals pushes and opens pull answers exactly as a device
must (it is the protocol's executable reference, not a mock).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from fieldapp.crypto.envelope import EnvelopeHeader, EnvelopeKind, open_envelope, seal
from fieldapp.domain.hlc import HlcClock
from fieldapp.domain.ids import uuid7
from fieldapp.hq import atrest
from fieldapp.hq.app import create_app
from fieldapp.hq.keys import init_keys
from fieldapp.hq.service import Hq
from fieldapp.hq.settings import HqSettings
from fieldapp.sync import trust
from fieldapp.sync.protocol import (
    EnrolAnswer,
    PullAnswer,
    PullRequest,
    PushAnswer,
    PushPayload,
    b64,
    dump,
    public_bytes,
    unb64,
)

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh schema in the `test` database; yields a SQLAlchemy URL whose search_path is it."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    try:
        conn = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        raise RuntimeError(
            f"PostgreSQL is not reachable at 127.0.0.1:5432 ({exc}); start it: {PG_START}"
        ) from exc
    with conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
        try:
            yield f"{PG_URL}?options=-csearch_path%3D{name}"
        finally:
            conn.execute(f'DROP SCHEMA "{name}" CASCADE')


@contextlib.contextmanager
def database_url(kind: str, data_dir: Path) -> Iterator[str | None]:
    if kind == "sqlite":
        yield None
    else:
        with postgres_schema() as url:
            yield url


@dataclass
class RunningHq:
    base_url: str
    hq: Hq
    settings: HqSettings

    def client(self, **kw: Any) -> httpx.Client:
        return httpx.Client(base_url=self.base_url, timeout=30, **kw)


@contextlib.contextmanager
def running_server(settings: HqSettings) -> Iterator[RunningHq]:
    """Start the HQ app under uvicorn in a thread on a free loopback port."""
    hq = Hq(settings)
    app = create_app(settings, hq=hq)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("HQ test server did not start")
        time.sleep(0.005)
    try:
        yield RunningHq(f"http://127.0.0.1:{port}", hq, settings)
    finally:
        server.should_exit = True
        thread.join(10)
        hq.close()


def data_key_file(data_dir: Path) -> Path:
    """Where `make_settings` keeps a test HQ's data key (beside, never inside, its folder)."""
    return data_dir.parent / f"{data_dir.name}-keymedia" / "hq-data.key"


def cli_env(args: Sequence[str]) -> dict[str, str]:
    """The environment for running `fieldapp-hq ARGS` on a test HQ: its data key file too."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if "--data-dir" in args:
        env[atrest.ENV_KEY_FILE] = str(data_key_file(Path(args[list(args).index("--data-dir") + 1])))
    return env


def make_settings(data_dir: Path, url: str | None, **overrides: Any) -> HqSettings:
    """HQ as `fieldapp-hq init` makes it: keys, and a data key in a file on "separate media"."""
    key_file = data_key_file(data_dir)
    if not (data_dir / "hq-signing.pem").exists():
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atrest.create(data_dir, key_file=key_file)
        init_keys(data_dir)
    overrides.setdefault("data_key", atrest.unlock(data_dir, key_file=key_file)
                         if atrest.is_configured(data_dir) else None)
    return HqSettings(data_dir=data_dir, database_url=url, **overrides)


@dataclass
class TestDevice:
    """A device's sync side, minimal: keys, outbox seq, HLC clock, seal/open."""

    __test__ = False  # not a pytest class

    ed25519: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate)
    x25519: X25519PrivateKey = field(default_factory=X25519PrivateKey.generate)
    enrolment: EnrolAnswer | None = None
    next_seq: int = 1
    clock: HlcClock = field(default_factory=lambda: HlcClock("unenrolled"))

    @property
    def id(self) -> str:
        assert self.enrolment is not None, "enrol first"
        return self.enrolment.device_id

    @property
    def post(self) -> str:
        assert self.enrolment is not None
        return self.enrolment.post_code

    @property
    def hq_x25519(self) -> X25519PublicKey:
        assert self.enrolment is not None
        return X25519PublicKey.from_public_bytes(unb64(self.enrolment.hq_x25519_public))

    @property
    def hq_ed25519(self) -> Ed25519PublicKey:
        assert self.enrolment is not None
        return Ed25519PublicKey.from_public_bytes(unb64(self.enrolment.hq_ed25519_public))

    def enrol_body(self, code: str) -> dict[str, str]:
        return {
            "code": code,
            "ed25519_public": b64(public_bytes(self.ed25519.public_key())),
            "x25519_public": b64(public_bytes(self.x25519.public_key())),
            "label": "test laptop",
        }

    def enrol(self, client: httpx.Client, code: str) -> EnrolAnswer:
        body = json.dumps(self.enrol_body(code)).encode()
        r = client.post("/v1/enrol", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 200, r.text
        self.enrolment = EnrolAnswer.model_validate(r.json())
        # As a device must: the code's check part names HQ's key, which signed the answer.
        trust.check_fingerprint(code, unb64(self.enrolment.hq_ed25519_public))
        self.check_answer(r, body)
        self.clock = HlcClock(self.id[-12:])
        return self.enrolment

    def check_answer(self, r: httpx.Response, request_body: bytes) -> None:
        assert trust.verify_answer(
            self.hq_ed25519, r.status_code, trust.binding(request_body),
            r.headers.get(trust.H_HQ_HPKE, ""), r.content,
            r.headers.get(trust.H_ANSWER_SIGNATURE),
        ), "HQ's answer is not signed for this request"

    def change(
        self,
        entity: str,
        fields: dict[str, Any],
        *,
        entity_id: str | None = None,
        post_code: str | None = None,
    ) -> dict[str, Any]:
        """An outbox row with the next seq; every field stamped with a fresh HLC."""
        seq = self.next_seq
        self.next_seq += 1
        return {
            "seq": seq,
            "entity": entity,
            "entity_id": entity_id or uuid7(),
            "op": "upsert",
            "post_code": post_code or self.post,
            "fields": {k: [v, str(self.clock.now())] for k, v in fields.items()},
        }

    def seal_push(
        self,
        changes: list[dict[str, Any]],
        *,
        kind: EnvelopeKind = EnvelopeKind.PUSH,
        timestamp_ms: int | None = None,
        signer: Ed25519PrivateKey | None = None,
        device_id: str | None = None,
        protocol: int | None = None,
        audit: dict[str, Any] | None = None,
    ) -> bytes:
        """`protocol` 1: the payload a device of the release before audit parts sent;
        `audit`: a push's audit part (`sync.protocol.AuditPart`)."""
        seqs = [c["seq"] for c in changes] or [0]
        header = EnvelopeHeader(
            kind=kind,
            device_id=device_id or self.id,
            seq_from=min(seqs),
            seq_to=max(seqs),
            **({"timestamp_ms": timestamp_ms} if timestamp_ms is not None else {}),
        )
        payload = dump(PushPayload.model_validate({"changes": changes, "audit": audit}))
        if protocol is not None:
            payload = json.dumps({"protocol": protocol, "changes": changes}).encode()
        return seal(
            payload,
            recipient_x25519_public=self.hq_x25519,
            sender_ed25519_private=signer or self.ed25519,
            header=header,
        )

    def push(self, client: httpx.Client, changes: list[dict[str, Any]]) -> PushAnswer:
        blob = self.seal_push(changes)
        r = client.post(
            "/v1/push",
            content=blob,
            headers={"content-type": "application/octet-stream"},
        )
        assert r.status_code == 200, r.text
        self.check_answer(r, blob)
        return PushAnswer.model_validate(r.json())

    def seal_pull(self, cursor: int = 0, limit: int = 500) -> bytes:
        header = EnvelopeHeader(
            kind=EnvelopeKind.PULL_REQUEST, device_id=self.id, seq_from=cursor, seq_to=cursor
        )
        return seal(
            dump(PullRequest(cursor=cursor, limit=limit)),
            recipient_x25519_public=self.hq_x25519,
            sender_ed25519_private=self.ed25519,
            header=header,
        )

    def open_answer(self, blob: bytes) -> tuple[EnvelopeHeader, PullAnswer]:
        header, payload = open_envelope(
            blob,
            recipient_x25519_private=self.x25519,
            sender_public_lookup=lambda h: self.hq_ed25519,
        )
        return header, PullAnswer.model_validate_json(payload)

    def pull(self, client: httpx.Client, cursor: int = 0, limit: int = 500) -> PullAnswer:
        blob = self.seal_pull(cursor, limit)
        r = client.post(
            "/v1/pull",
            content=blob,
            headers={"content-type": "application/octet-stream"},
        )
        assert r.status_code == 200, r.text
        self.check_answer(r, blob)
        header, answer = self.open_answer(r.content)
        assert header.kind is EnvelopeKind.PULL_ANSWER and header.device_id == self.id
        return answer

    def pull_all(
        self, client: httpx.Client, cursor: int = 0, limit: int = 500
    ) -> tuple[list[Any], int]:
        records: list[Any] = []
        while True:
            answer = self.pull(client, cursor, limit)
            records.extend(answer.records)
            cursor = answer.next_cursor
            if not answer.has_more:
                return records, cursor
