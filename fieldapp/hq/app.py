"""The HQ ASGI app: `create_app(settings)` builds the FastAPI app serving /v1 (see protocol).

Every refusal is ``{"error": code, "reason": one line}`` with a 4xx status; bodies are
bounded before they are read (413). Handlers never log request contents. Every answer is
signed by HQ and bound to the request it answers (``AnswerSigner``, see
``fieldapp.sync.trust``): devices change nothing on an answer that does not verify.

Attachments (tus-like, each request signed with ``sync.protocol.sign_request`` headers):

- ``POST  /v1/attachments/{id}`` JSON ``{"size", "sha256"}`` -> ``AttachmentState``
  (repeating it for the same file answers the current offset: resume).
- ``PATCH /v1/attachments/{id}`` headers ``Upload-Offset``, ``Chunk-SHA256``; body the
  chunk bytes -> ``AttachmentState``; 409 if the offset is not the current one. The
  signature covers the offset; a request's timestamp must be within HQ's window and a
  request is accepted once (replays: 409 ``replay``).
- ``HEAD  /v1/attachments/{id}`` -> headers ``Upload-Offset``, ``Upload-Length``.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import FastAPI, Header, Path, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fieldapp.crypto.envelope import (
    BadSignature,
    EnvelopeRejected,
    EnvelopeReplayed,
    EnvelopeTooLarge,
    UnknownSender,
)
from fieldapp.domain.errors import FieldAppError, InvalidInput
from fieldapp.hq import attachments as att
from fieldapp.hq import db
from fieldapp.hq.service import Hq, HqRejected, PayloadInvalid, now_ms
from fieldapp.hq.settings import HqSettings
from fieldapp.sync import trust
from fieldapp.sync.collect import collect_less
from fieldapp.sync.protocol import (
    AttachmentCreate,
    AttachmentState,
    EnrolAnswer,
    EnrolRequest,
    ErrorBody,
    Health,
    PushAnswer,
    unb64,
)

log = logging.getLogger("fieldapp.hq")

OCTETS = "application/octet-stream"
ATTACHMENT_ID = r"^[A-Za-z0-9-]{1,64}$"


# Module level: with postponed annotations FastAPI resolves these names from module globals.
AttId = Annotated[str, Path(pattern=ATTACHMENT_ID)]
DevH = Annotated[str, Header(alias="x-fieldapp-device", max_length=64)]
TsH = Annotated[str, Header(alias="x-fieldapp-timestamp", max_length=20)]
SigH = Annotated[str, Header(alias="x-fieldapp-signature", max_length=200)]
OffsetH = Annotated[int, Header(alias="upload-offset", ge=0, le=2**62)]
ChunkH = Annotated[str, Header(alias="chunk-sha256", pattern=r"^[0-9a-fA-F]{64}$")]


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        self.limit = limit


class BodyLimit:
    """Refuse request bodies over the route's limit before anything buffers them."""

    def __init__(self, app: ASGIApp, settings: HqSettings) -> None:
        self.app = app
        self.settings = settings

    def _limit(self, scope: Scope) -> int:
        path: str = scope.get("path", "")
        if path in ("/v1/push", "/v1/pull"):
            return self.settings.max_envelope_bytes
        if path.startswith("/v1/attachments/") and scope.get("method") == "PATCH":
            return self.settings.max_chunk_bytes
        return self.settings.max_json_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if not value.isdigit():
                    await _send_error(send, 400, "bad_request", "Content-Length is not a number")
                    return
                if int(value) > limit:
                    await _send_error(
                        send, 413, "too_large", f"the body is over the {limit}-byte limit"
                    )
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited, send)


class AnswerSigner:
    """Sign every answer with HQ's Ed25519 key, bound to the request it answers.

    The request body is hashed as it streams in (with the request's own signature header,
    if any); the answer is held until its last byte, then sent with
    ``X-Fieldapp-Answer-Signature`` and ``X-Fieldapp-Hq-Hpke`` (HQ's current HPKE key).
    """

    def __init__(self, app: ASGIApp, hq: Hq) -> None:
        self.app = app
        self.hq = hq

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_hash = hashlib.sha256()
        signature = b""
        for name, value in scope.get("headers", []):
            if name == trust.H_REQUEST_SIGNATURE.encode():
                signature = value
        start: Message | None = None
        chunks: list[bytes] = []

        async def hashing() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                request_hash.update(message.get("body", b""))
            return message

        async def signing(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            bound = request_hash.copy()
            bound.update(b"\n" + signature)
            keys = self.hq.keys
            hpke = trust.b64_public(keys.hpke_public)
            sig = trust.sign_answer(keys.signing, int(start["status"]), bound.digest(), hpke, body)
            headers = [
                *start.get("headers", []),
                (trust.H_ANSWER_SIGNATURE.encode(), sig.encode()),
                (trust.H_HQ_HPKE.encode(), hpke.encode()),
            ]
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, hashing, signing)


async def _send_error(send: Send, status: int, error: str, reason: str) -> None:
    response = JSONResponse({"error": error, "reason": reason}, status_code=status)
    body = response.body
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _error(status: int, error: str, reason: str, action: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": error, "reason": reason}
    if action:
        body["action"] = action
    return JSONResponse(body, status_code=status)


#: HTTP status per envelope refusal reason.
ENVELOPE_STATUS = {
    BadSignature.reason: 401,
    UnknownSender.reason: 401,
    EnvelopeTooLarge.reason: 413,
    EnvelopeReplayed.reason: 409,
}

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in {
        400: "malformed, tampered or unknown-version input",
        401: "signature does not verify or sender unknown",
        403: "not allowed: revoked (action: wipe), not entitled, enrolment refused",
        404: "no such item",
        409: "replay, or an upload offset that is not the current one",
        413: "body over the limit",
        422: "request fails validation",
    }.items()
}

ENVELOPE_BODY = {
    "requestBody": {
        "required": True,
        "content": {OCTETS: {"schema": {"type": "string", "format": "binary"}}},
    }
}


def _tls_fingerprint(settings: HqSettings) -> str | None:
    """SHA-256 of the DER certificate HQ serves itself (None when TLS ends elsewhere)."""
    cert = getattr(settings, "tls_cert", None)
    if cert is None:
        return None
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    try:
        pem = x509.load_pem_x509_certificate(cert.read_bytes())
    except (OSError, ValueError):
        return None  # serve refuses to start with a bad certificate; nothing to pin here
    return hashlib.sha256(pem.public_bytes(Encoding.DER)).hexdigest()


async def _bounded_body(request: Request) -> bytes:
    return await request.body()


T = TypeVar("T")


def create_app(settings: HqSettings, *, hq: Hq | None = None) -> FastAPI:
    """Build the app; opens (and migrates) the database named by `settings`."""
    hq = hq or Hq(settings)
    collect_less()  # a server process, for its life (`sync.collect`)
    # Blocking work runs on as many threads as the database pool has connections.
    threads = CapacityLimiter(db.REQUEST_THREADS)

    async def in_thread(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await anyio.to_thread.run_sync(functools.partial(fn, *args, **kwargs),
                                              limiter=threads)

    app = FastAPI(
        title="fieldapp-hq",
        version="1",
        summary="Headquarters sync server for fieldapp devices",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.hq = hq
    app.add_middleware(BodyLimit, settings=settings)
    # Outermost: signs every answer, the BodyLimit's own refusals included.
    app.add_middleware(AnswerSigner, hq=hq)
    tls_sha256 = _tls_fingerprint(settings)

    @app.exception_handler(BodyTooLarge)
    async def _too_large(_: Request, exc: BodyTooLarge) -> JSONResponse:
        return _error(413, "too_large", f"the body is over the {exc.limit}-byte limit")

    @app.exception_handler(HqRejected)
    async def _rejected(_: Request, exc: HqRejected) -> JSONResponse:
        return _error(exc.status, exc.reason, exc.message, exc.action)

    @app.exception_handler(EnvelopeRejected)
    async def _envelope(_: Request, exc: EnvelopeRejected) -> JSONResponse:
        return _error(ENVELOPE_STATUS.get(exc.reason, 400), exc.reason, exc.message)

    @app.exception_handler(InvalidInput)
    async def _invalid(_: Request, exc: InvalidInput) -> JSONResponse:
        return _error(422, "invalid_input", str(exc))

    @app.exception_handler(FieldAppError)
    async def _fieldapp(_: Request, exc: FieldAppError) -> JSONResponse:
        return _error(400, "refused", str(exc))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        loc = ".".join(str(p) for p in first.get("loc", ())) or "request"
        return _error(422, "invalid_request", f"{loc}: {first.get('msg', 'invalid')}"[:300])

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed"}
        return _error(exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        # Only the type: the message could carry record contents.
        log.error("unexpected %s in HQ request", type(exc).__name__)
        return _error(500, "internal", "HQ failed to handle this request; it has been logged")

    @app.get("/v1/health", response_model=Health, tags=["meta"])
    async def health() -> Health:
        return Health(hq_time_ms=now_ms())

    @app.post("/v1/enrol", response_model=EnrolAnswer, responses=ERRORS, tags=["sync"])
    def enrol(body: EnrolRequest) -> EnrolAnswer:
        try:
            trust.check_x25519_public(unb64(body.x25519_public))
        except ValueError as exc:
            raise PayloadInvalid("x25519_public: {exc}", exc=exc) from None
        answer = hq.enrol(body)
        if tls_sha256:
            answer = answer.model_copy(update={"hq_tls_sha256": tls_sha256})
        return answer

    @app.post(
        "/v1/push",
        response_model=PushAnswer,
        # `audit_acked_seq` only for devices of protocol 2: older ones refuse unknown fields.
        response_model_exclude_none=True,
        responses=ERRORS,
        openapi_extra=ENVELOPE_BODY,
        tags=["sync"],
    )
    async def push(request: Request) -> PushAnswer:
        blob = await _bounded_body(request)
        return await in_thread(hq.push, blob)

    @app.post(
        "/v1/pull",
        response_class=Response,
        responses={
            200: {"content": {OCTETS: {"schema": {"type": "string", "format": "binary"}}}},
            **ERRORS,
        },
        openapi_extra=ENVELOPE_BODY,
        tags=["sync"],
    )
    async def pull(request: Request) -> Response:
        blob = await _bounded_body(request)
        sealed = await in_thread(hq.pull, blob)
        return Response(sealed, media_type=OCTETS)

    def _auth(
        request: Request, body: bytes, device: str, ts: str, sig: str, offset: int | None = None
    ) -> str:
        return att.authenticate(
            hq,
            request.method,
            request.url.path,
            body,
            device_id=device,
            timestamp=ts,
            signature=sig,
            offset=offset,
        )

    @app.post(
        "/v1/attachments/{attachment_id}",
        response_model=AttachmentState,
        responses=ERRORS,
        tags=["attachments"],
    )
    async def create_attachment(
        request: Request,
        attachment_id: AttId,
        body: AttachmentCreate,
        device: DevH,
        ts: TsH,
        sig: SigH,
    ) -> AttachmentState:
        raw = await request.body()
        dev = await in_thread(_auth, request, raw, device, ts, sig)
        return await in_thread(
            att.create_upload, hq, dev, attachment_id, size=body.size, sha256=body.sha256
        )

    @app.patch(
        "/v1/attachments/{attachment_id}",
        response_model=AttachmentState,
        responses=ERRORS,
        openapi_extra=ENVELOPE_BODY,
        tags=["attachments"],
    )
    async def patch_attachment(
        request: Request,
        attachment_id: AttId,
        device: DevH,
        ts: TsH,
        sig: SigH,
        upload_offset: OffsetH,
        chunk_sha256: ChunkH,
    ) -> JSONResponse:
        raw = await _bounded_body(request)
        dev = await in_thread(_auth, request, raw, device, ts, sig, upload_offset)
        state = await in_thread(
            att.append_chunk,
            hq,
            dev,
            attachment_id,
            offset=upload_offset,
            chunk=raw,
            chunk_sha256=chunk_sha256,
        )
        return JSONResponse(state.model_dump(), headers={"Upload-Offset": str(state.offset)})

    @app.head("/v1/attachments/{attachment_id}", responses=ERRORS, tags=["attachments"])
    async def head_attachment(
        request: Request, attachment_id: AttId, device: DevH, ts: TsH, sig: SigH
    ) -> Response:
        try:
            dev = await in_thread(_auth, request, b"", device, ts, sig)
            state = await in_thread(att.upload_state, hq, dev, attachment_id)
        except HqRejected as exc:
            # A HEAD answer has no body: the reason travels in a header.
            return Response(
                status_code=exc.status,
                headers={"X-Error": exc.reason, "X-Error-Reason": exc.message},
            )
        return Response(
            headers={
                "Upload-Offset": str(state.offset),
                "Upload-Length": str(state.size),
                "Upload-Complete": "1" if state.complete else "0",
            }
        )

    return app
