"""One sync round of a device: push the outbox, pull and apply pages, upload files."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from pydantic import ValidationError
from sqlalchemy import func, insert, select

from fieldapp.crypto.envelope import (
    EnvelopeHeader,
    EnvelopeKind,
    EnvelopeRejected,
    open_envelope,
    seal,
)
from fieldapp.domain.errors import Phrase, SyncRejected
from fieldapp.domain.hlc import Hlc
from fieldapp.store import sealing, search
from fieldapp.store.engine import give_back_free_pages
from fieldapp.store.models import Attachment, Device, utcnow
from fieldapp.store.store import Store
from fieldapp.store.unsent import unsent_count
from fieldapp.sync.apply import ApplyStats, apply_records, upload_table
from fieldapp.sync.collect import collecting_less
from fieldapp.sync.outbox import (
    audit_part,
    change_json,
    compact_acknowledged,
    keep_refusals,
    push_payload,
    row_change,
    rows_after,
)
from fieldapp.sync.protocol import (
    MAX_AUDIT_PER_PUSH,
    MAX_CHANGES_PER_PUSH,
    AttachmentState,
    PulledPage,
    PullRequest,
    PushAnswer,
    b64,
    dump,
    public_bytes,
    read_pull_answer,
    sign_request,
    unb64,
)
from fieldapp.sync.transport import (
    OCTETS,
    DeviceRevoked,
    HqRefused,
    Http,
    SyncOptions,
    SyncResult,
    _Revoked,
    _Transient,
    load_keys,
    now_ms,
)
from fieldapp.sync.trust import (
    UntrustedAnswer,
    check_x25519_public,
)

#: Audit events a push may carry for each change it may carry (an event is ~4x smaller).
_AUDIT_PER_CHANGE = 4
#: A push envelope sealed ahead (`SyncClient.push`) is sent as it is within this many
#: seconds; later it is sealed again, so that its time still tells HQ this clock's skew.
_SEALED_FRESH_S = 1.0

# -- the client --------------------------------------------------------------------------


class SyncClient:
    """One device's side of a sync round, over an open store."""

    def __init__(
        self,
        store: Store,
        username: str,
        *,
        transport: httpx.BaseTransport | None = None,
        hq_url: str | None = None,
        options: SyncOptions | None = None,
    ) -> None:
        self.store = store
        self.username = username
        self.options = options or SyncOptions()
        self.result = SyncResult()
        with store.session(username) as s:
            self.keys = load_keys(s)
        self.http = Http(hq_url or self.keys.hq_url, self.options, transport, self.result,
                         hq_signing=self.keys.hq_signing, tls_cert=self.keys.tls_cert)
        self._batch = self.options.first_batch

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- a round -----------------------------------------------------------------------

    def run_round(self) -> SyncResult:
        """Push, pull, upload files; raises DeviceRevoked, HqUnreachable, HqRefused."""
        started = time.monotonic()
        try:
            with collecting_less():  # bulk work: see `sync.collect`
                self.push()
                self.pull()
                self.upload_attachments()
            # Rescues indexed one at a time leave the search index in small segments.
            with self.store.session(self.username) as s:
                search.merge_segments(s)
                give_back_free_pages(s.connection())
        except _Revoked:
            raise self._revoked() from None
        finally:
            self.result.duration_s = time.monotonic() - started
            with self.store.session(self.username) as s:
                self.result.pending = unsent_count(s)
        return self.result

    def _hpke_renamed(self) -> bool:
        """Whether HQ's last verified answer named an HPKE key other than the one in use."""
        named = self.http.hq_hpke
        return bool(named) and named != b64(public_bytes(self.keys.hq_hpke))

    def _adopt_hpke(self) -> bool:
        """HQ rotated its HPKE key (named in a verified answer): seal to the new one from now.
        Returns whether the key changed."""
        named = self.http.hq_hpke
        if not named or not self._hpke_renamed():
            return False
        try:
            raw = unb64(named)
            check_x25519_public(raw)
        except ValueError:
            raise UntrustedAnswer(Phrase("HQ's new key")) from None
        with self.store.session(self.username) as s:
            device = s.scalars(select(Device)).one()
            device.hq_keys = {**(device.hq_keys or {}), "x25519": named}
        self.keys = dataclasses.replace(self.keys, hq_hpke=X25519PublicKey.from_public_bytes(raw))
        return True

    def _revoked(self) -> DeviceRevoked:
        with self.store.session(self.username) as s:
            s.scalars(select(Device)).one().revoked = True
            return DeviceRevoked(unsent_count(s))

    # -- push --------------------------------------------------------------------------

    def _sealed_push(self, changes: list[tuple[int, bytes]],
                     audit_events: dict[str, Any] | None) -> bytes:
        header = EnvelopeHeader(
            kind=EnvelopeKind.PUSH,
            device_id=self.keys.device_id,
            # A push of audit events only names no outbox seqs.
            seq_from=changes[0][0] if changes else 0,
            seq_to=changes[-1][0] if changes else 0,
        )
        return seal(
            push_payload([c for _seq, c in changes], audit_events),
            recipient_x25519_public=self.keys.hq_hpke,
            sender_ed25519_private=self.keys.signing,
            header=header,
        )

    def _load_batch(self, limit: int, after: tuple[int, int | None] | None = None,
                    ) -> tuple[int, list[tuple[int, bytes]], dict[str, Any] | None]:
        """(HQ's acknowledgement, the next changes as (seq, wire JSON), the audit part): each
        change made into JSON once: the size limit counts it and every attempt reuses it.
        `after`, for a batch made while the one before is in flight: (the last seq, the last
        audit seq or None if it carries no audit part) of that one, taken as acknowledged."""
        with self.store.session(self.username) as s:
            if after is None:
                acked = int(s.scalar(select(func.max(Device.acked_seq))) or 0)
                audit_after: int | None = None
            else:
                acked, audit_after = after
            rows = rows_after(s, acked, limit)
            key = sealing.key_of(s)
            changes: list[tuple[int, bytes]] = []
            size = 0
            for row in rows:
                change = change_json(row_change(s, row, key))
                size += len(change)
                if changes and size > self.options.max_batch_bytes:
                    break
                changes.append((row.seq, change))
            # Audit events are small (~250 bytes): a few for each change the batch may hold.
            return acked, changes, audit_part(s, min(limit * _AUDIT_PER_CHANGE,
                                                     MAX_AUDIT_PER_PUSH), audit_after)

    def _prepare_ahead(self, acked: int, changes: list[tuple[int, bytes]],
                       audit_events: dict[str, Any] | None) -> _Ahead | None:
        """The batch after the one in flight, sealed, as if HQ acknowledges all of it (with
        the batch size that full acknowledgement gives); None if it cannot be made now (it is
        then loaded after the answer, as without one in flight, and raises there)."""
        last_audit = audit_events["events"][-1][0] if audit_events is not None else None
        events = len(audit_events["events"]) if audit_events is not None else 0
        grown = max(len(changes), events // _AUDIT_PER_CHANGE, 1)
        batch = min(self.options.max_batch, max(grown * 2, self.options.first_batch))
        expect = changes[-1][0] if changes else acked
        try:
            loaded = self._load_batch(min(batch, MAX_CHANGES_PER_PUSH), (expect, last_audit))
            sealed = self._sealed_push(*loaded[1:]) if loaded[1] or loaded[2] else b""
        except Exception:  # noqa: BLE001 - made again, and raised, after the answer
            return None
        return _Ahead(*loaded, sealed=sealed, sealed_at=time.monotonic(), batch=batch,
                      audit_seq=last_audit)

    def _send_push(self, link: ThreadPoolExecutor, acked: int, changes: list[tuple[int, bytes]],
                   audit_events: dict[str, Any] | None, sealed: bytes | None) -> _InFlight:
        """Send a push batch on the link's thread (with the transport's retries)."""
        sent: list[int] = []

        def body(attempt: int) -> tuple[bytes, dict[str, str]]:
            # Each failed attempt halves the batch: on a link that drops every few
            # seconds a smaller envelope is what gets through.
            n = max(1, len(changes) >> attempt)
            part = audit_events
            if part is not None and attempt:
                events = part["events"]
                part = {**part, "events": events[:max(1, len(events) >> attempt)]}
            # The batch grows with what went through, audit events ~4 to a change.
            sent.append(max(min(n, len(changes)),
                            len(part["events"]) // _AUDIT_PER_CHANGE if part else 0, 1))
            if attempt == 0 and sealed is not None:
                return sealed, OCTETS
            return self._sealed_push(changes[:n], part), OCTETS

        answer = link.submit(self.http.send, "POST", "/v1/push", body, _parse_push)
        return _InFlight(acked, changes, audit_events, sent, answer)

    def push(self) -> None:
        """Send every unacknowledged outbox row, in seq order, in growing batches, and the
        audit events HQ does not hold, in each push's audit part.

        While a batch is in flight (sent on a thread of its own), the next one is made and
        sealed here, starting after the seqs and audit events in flight: HQ works on one
        while this device makes the other. It is sent, as soon as the answer comes and
        before the answer is recorded, only if HQ acknowledged everything in flight at the
        first attempt (and named no new key); otherwise it is dropped and the batch made
        again from HQ's acknowledgement, as without one in flight.
        """
        stalled = 0
        current: _InFlight | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push-link") as link:
            while True:
                if current is None:
                    loaded = self._load_batch(min(self._batch, MAX_CHANGES_PER_PUSH))
                    if not loaded[1] and loaded[2] is None:
                        break
                    current = self._send_push(link, *loaded, sealed=None)
                acked, changes, audit_events, sent = (current.acked, current.changes,
                                                      current.audit, current.sent)
                ahead = self._prepare_ahead(acked, changes, audit_events)
                try:
                    answer = current.answer.result()
                except HqRefused as exc:
                    current = None
                    # Sealed to an HPKE key HQ has since retired and destroyed (this device was
                    # away longer than HQ keeps old keys): HQ's signed refusal names the new one.
                    if exc.error == "tampered" and self._adopt_hpke():
                        continue
                    raise
                n = sent[-1]
                self._batch = min(self.options.max_batch, max(n * 2, self.options.first_batch)
                                  if len(sent) == 1 else max(1, n))
                new_acked = answer.acked_seq
                # The batch made ahead goes out now, while this answer is recorded.
                current = None
                finished = False
                if (ahead is not None and not self._hpke_renamed()
                        and ahead.follows(new_acked, answer.audit_acked_seq, len(sent),
                                          self._batch)):
                    if ahead.changes or ahead.audit is not None:
                        # Its envelope's time is HQ's measure of this clock's skew: sealed
                        # again if the answer before it took long (a slow link).
                        fresh = time.monotonic() - ahead.sealed_at < _SEALED_FRESH_S
                        current = self._send_push(link, ahead.acked, ahead.changes,
                                                  ahead.audit, ahead.sealed if fresh else None)
                    else:
                        finished = True
                self.result.pushed += answer.applied
                self.result.duplicates += answer.duplicates
                self.result.skew_ms = answer.skew_ms
                self.result.clock_warning = self.result.clock_warning or answer.clock_warning
                moved = new_acked > acked
                with self.store.session(self.username) as s:
                    device = s.scalars(select(Device)).one()
                    # HQ's watermark is the truth, even when lower (HQ restored from a backup:
                    # the rows above it are simply sent again).
                    device.acked_seq = new_acked
                    compact_acknowledged(s, acked, new_acked)
                    if audit_events is not None and answer.audit_acked_seq is not None:
                        moved = moved or answer.audit_acked_seq > device.audit_pushed_seq
                        self.result.audit_sent += max(0, answer.audit_acked_seq
                                                      - device.audit_pushed_seq)
                        device.audit_pushed_seq = answer.audit_acked_seq
                    self.result.refused += keep_refusals(s, answer.refused)
                    device.last_skew_ms = answer.skew_ms
                    device.clock_warning = answer.clock_warning
                self.result.acked_seq = new_acked
                self._adopt_hpke()
                if not moved:
                    stalled += 1
                    if stalled >= 3:
                        raise HqRefused(
                            "HQ keeps acknowledging only up to change {new_acked}; ask HQ to "
                            "check this device's change log",
                            error="stalled", new_acked=new_acked,
                        )
                else:
                    stalled = 0
                if finished:
                    break
        with self.store.session(self.username) as s:
            give_back_free_pages(s.connection())

    # -- pull --------------------------------------------------------------------------

    def _sealed_pull(self, cursor: int, limit: int) -> bytes:
        header = EnvelopeHeader(
            kind=EnvelopeKind.PULL_REQUEST,
            device_id=self.keys.device_id,
            seq_from=cursor,
            seq_to=cursor,
        )
        return seal(
            dump(PullRequest(cursor=cursor, limit=limit, own_node=self.keys.node or None)),
            recipient_x25519_public=self.keys.hq_hpke,
            sender_ed25519_private=self.keys.signing,
            header=header,
        )

    def open_answer(self, blob: bytes, kind: EnvelopeKind) -> tuple[EnvelopeHeader, PulledPage]:
        header, payload = open_envelope(
            blob,
            recipient_x25519_private=self.keys.hpke,
            sender_public_lookup=lambda _h: self.keys.hq_signing,
        )
        if header.kind is not kind or header.device_id != self.keys.device_id:
            raise SyncRejected("the file or answer from HQ is meant for another device")
        try:
            return header, read_pull_answer(payload)
        except ValueError:
            raise SyncRejected("HQ's answer was not understood (version mismatch?)") from None

    def pull(self) -> None:
        """Fetch and apply pages until HQ has nothing more; the cursor moves with each page.

        The next page is asked for while this one is applied (one request ahead, on a
        thread of its own): HQ serves and the link carries it meanwhile. A page is still
        applied, and the cursor moved, strictly in order.
        """
        with self.store.session(self.username) as s:
            cursor = s.scalars(select(Device)).one().pull_cursor
        first = True  # records set aside in an earlier round are tried again once
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull-ahead") as ahead:
            pending = ahead.submit(self._fetch_page, cursor)
            while True:
                page = pending.result()
                answer = page.answer
                more = answer.has_more and answer.next_cursor > cursor
                if more:
                    pending = ahead.submit(self._fetch_page, answer.next_cursor)
                stats = self.apply_page(page, cursor, retry=first)
                first = False
                self._adopt_hpke()
                self.result.pulled += stats.received
                self.result.changed += stats.changed
                self.result.parked = stats.parked
                self.result.set_aside = stats.set_aside
                if not more:
                    return
                cursor = answer.next_cursor

    def _fetch_page(self, cursor: int) -> PulledPage:
        """Ask HQ for the page after `cursor` (with the transport's retries) and read it."""
        sent_at: list[int] = []

        def body(attempt: int) -> tuple[bytes, dict[str, str]]:
            sent_at.append(now_ms())
            limit = max(20, self.options.pull_limit >> attempt)
            return self._sealed_pull(cursor, limit), OCTETS

        def parse(response: httpx.Response) -> PulledPage:
            try:
                return self.open_answer(response.content, EnvelopeKind.PULL_ANSWER)[1]
            except EnvelopeRejected as exc:
                raise _Transient(f"damaged answer: {exc.reason}") from None

        page = self.http.send("POST", "/v1/pull", body, parse)
        if self.result.skew_ms is None:
            # Half the round trip is the best guess of when HQ read its clock.
            midpoint = (sent_at[-1] + now_ms()) // 2
            self.result.skew_ms = midpoint - page.answer.hq_time_ms
        return page

    def apply_page(self, page: PulledPage, cursor: int, *, retry: bool = False) -> ApplyStats:
        """Apply one page and move the cursor in the same transaction (crash-safe).

        A record that cannot be stored is set aside (`sync.apply`), so the cursor always
        moves on. A stamp further ahead than this clock's tolerance is not adopted
        (`HlcClock.observe`).
        """
        with self.store.session(self.username, remote=True) as s:
            stats = apply_records(s, page.records, retry=retry, shaped=True)
            device = s.scalars(select(Device)).one()
            next_cursor = page.answer.next_cursor
            if next_cursor > device.pull_cursor and cursor <= device.pull_cursor:
                device.pull_cursor = next_cursor
            if stats.max_stamp:
                seen = self.store.clock.observe(Hlc.parse(stats.max_stamp))
                device.last_hlc = str(seen)
        return stats

    # -- attachments -------------------------------------------------------------------

    def _signed(self, method: str, path: str, body: bytes,
                offset: int | None = None) -> dict[str, str]:
        # HQ accepts a request dated within minutes of its own clock: correct ours by the
        # difference HQ measured this round (a laptop days off still uploads).
        skew = self.result.skew_ms or 0
        return sign_request(method, path, body, device_id=self.keys.device_id,
                            private=self.keys.signing, timestamp_ms=now_ms() - skew,
                            offset=offset)

    def upload_attachments(self) -> None:
        """Upload the encrypted files made on this device that HQ does not hold yet."""
        with self.store.session(self.username) as s:
            done = select(upload_table.c.attachment_id)
            todo = list(s.execute(
                select(Attachment.id).where(
                    func.length(Attachment.file_key) > 0, Attachment.id.not_in(done)
                ).order_by(Attachment.created_at)
            ).scalars())
        folder = self.store.data_dir.attachments
        for attachment_id in todo:
            path = folder / attachment_id
            if not path.exists():
                continue  # nothing to send; the record still syncs
            self._upload(attachment_id, path)
            with self.store.session(self.username) as s:
                s.execute(insert(upload_table).values(attachment_id=attachment_id,
                                                      uploaded_at=utcnow()))
            self.result.uploaded += 1

    def _upload(self, attachment_id: str, path: Path) -> None:
        data = path.read_bytes()  # ciphertext: safe in memory, and at most ~25 MB
        sha = hashlib.sha256(data).hexdigest()
        url = f"/v1/attachments/{attachment_id}"
        create = json.dumps({"size": len(data), "sha256": sha}).encode()

        def state() -> AttachmentState:
            return self.http.send(
                "POST", url,
                lambda _: (create, {"content-type": "application/json",
                                    **self._signed("POST", url, create)}),
                lambda r: AttachmentState.model_validate_json(r.content),
            )

        current = state()
        restarts = 0
        while not current.complete:
            offset = current.offset
            chunk_len: list[int] = []

            def chunk_body(
                attempt: int, offset: int = offset, chunk_len: list[int] = chunk_len
            ) -> tuple[bytes, dict[str, str]]:
                n = max(4096, self.options.upload_chunk >> attempt)
                chunk = data[offset : offset + n]
                chunk_len.append(len(chunk))
                headers = {
                    "content-type": "application/octet-stream",
                    "upload-offset": str(offset),
                    "chunk-sha256": hashlib.sha256(chunk).hexdigest(),
                    **self._signed("PATCH", url, chunk, offset),
                }
                return chunk, headers

            def parse(r: httpx.Response) -> AttachmentState | None:
                if r.status_code == 200:
                    return AttachmentState.model_validate_json(r.content)
                return None  # 409: HQ is at another offset (our earlier chunk did arrive)

            try:
                answer = self.http.send("PATCH", url, chunk_body, parse,
                                        accept=frozenset({200, 409}))
            except HqRefused as exc:
                if exc.error != "checksum_mismatch" or restarts >= 2:
                    raise
                restarts += 1  # HQ reset the upload to offset 0: send it all again
                answer = None
            current = answer if answer is not None else state()


@dataclasses.dataclass(frozen=True)
class _InFlight:
    """A push batch sent (`SyncClient._send_push`): what it carries and HQ's answer to come."""

    acked: int  #: what it starts after
    changes: list[tuple[int, bytes]]
    audit: dict[str, Any] | None
    sent: list[int]  #: per attempt, the changes (or audit events / 4) it carried
    answer: Future[PushAnswer]


@dataclasses.dataclass(frozen=True)
class _Ahead:
    """A push batch made while the one before it was in flight (`SyncClient.push`)."""

    acked: int  #: the last seq of the batch in flight: what this one starts after
    changes: list[tuple[int, bytes]]
    audit: dict[str, Any] | None
    sealed: bytes  #: the envelope of its first attempt
    sealed_at: float  #: when (`time.monotonic`)
    batch: int  #: the batch size it was made for
    audit_seq: int | None  #: the last audit seq in flight, if any

    def follows(self, acked: int, audit_acked: int | None, attempts: int, batch: int) -> bool:
        """Whether HQ's answer acknowledged all that was in flight, at the first attempt, so
        that this is the batch the device would load now."""
        return (attempts == 1 and acked == self.acked and batch == self.batch
                and (self.audit_seq is None or audit_acked == self.audit_seq))


def _parse_push(response: httpx.Response) -> PushAnswer:
    try:
        return PushAnswer.model_validate_json(response.content)
    except ValidationError:
        raise _Transient("damaged push answer") from None

