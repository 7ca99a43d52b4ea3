"""HQ's change feed: entitled pulls and return bundles (see `fieldapp.hq.entitlement`).

Pulls send the *merged state* of every entitled record whose ``server_seq`` (the change
feed position of its latest change) is above the cursor, rather than each raw change:
under per-field LWW that is equivalent, and a device that was away for a month gets one
row per record instead of its whole history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from pydantic import ValidationError
from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from fieldapp.crypto.envelope import EnvelopeHeader, EnvelopeKind, seal
from fieldapp.domain.enums import Role
from fieldapp.hq import atrest, base, desk
from fieldapp.hq.base import HqBase, PayloadInvalid, UnknownDevice, describe_validation, now_utc
from fieldapp.hq.entitlement import VICTIM_ESSENTIALS, entitled_parts
from fieldapp.hq.models import ChangeLog, Device, Record
from fieldapp.sync.protocol import PullRequest, loads, pull_answer_json

#: A pull answer reads at most this many pages' worth of rows (`limit` each) past echoes
#: before it answers with what it has: one request crosses the feed a device just pushed.
ECHO_SCAN_PAGES = 20


@dataclass(frozen=True)
class FeedPage:
    """One page of a device's feed: the `PullAnswer` payload and the cursor it reports."""

    payload: bytes
    next_cursor: int


class Feed(HqBase):
    """Pull answers and return bundles."""

    # -- pull ------------------------------------------------------------------------

    def pull(self, blob: bytes) -> bytes:
        """Answer a signed pull request with a page sealed to the requesting device.

        The page and the cursor it reports are read in one snapshot (REPEATABLE READ on
        PostgreSQL, where each statement of a READ COMMITTED transaction would have its
        own): a change committed between the two reads could otherwise be jumped over.
        """
        with self.sessions.begin() as s:
            dev, header, payload = self._open(s, blob, (EnvelopeKind.PULL_REQUEST,))
            self._remember(s, header)
            try:
                req = PullRequest.model_validate_json(payload)
            except ValidationError as exc:
                raise PayloadInvalid("{reason}", reason=describe_validation(exc)) from None
            dev.last_seen = now_utc()
            x_pub = X25519PublicKey.from_public_bytes(dev.x25519_public)
            device_id = dev.id
        limit = min(req.limit, self.settings.page_size)
        with self._snapshot() as s:
            reader = s.get(Device, device_id)
            if reader is None:  # pragma: no cover - devices are never deleted
                raise UnknownDevice("this device is not known")
            page = self._page(s, reader, req.cursor, limit, own_node=req.own_node)
        hdr = EnvelopeHeader(
            kind=EnvelopeKind.PULL_ANSWER,
            device_id=device_id,
            seq_from=req.cursor,
            seq_to=page.next_cursor,
        )
        return seal(
            page.payload,
            recipient_x25519_public=x_pub,
            sender_ed25519_private=self.keys.signing,
            header=hdr,
        )

    def _snapshot(self) -> Session:
        """A read-only session whose statements all see one snapshot."""
        if self.engine.dialect.name == "postgresql":
            bind = self.engine.execution_options(isolation_level="REPEATABLE READ")
            # From the same factory, so it carries the data key (hq.atrest opens on load).
            return self.sessions(bind=bind)
        # SQLite: a read transaction in WAL mode sees one snapshot from its first read.
        return self.sessions()

    def _page(self, s: Session, dev: Device, cursor: int, limit: int,
              own_node: str | None = None, *, acked_seq: int | None = None) -> FeedPage:
        """The next page of `dev`'s feed after `cursor`, as `PullAnswer` payload bytes.

        One query reads the page's columns (no ORM objects); an echo is skipped on its clear
        stamps, unopened; the protected values of what is sent are opened in one pass; and the
        answer is written as JSON once (`protocol.pull_answer_json`): what
        ``dump(PullAnswer(...))`` wrote, without building a model per record.
        """
        centre = dev.role == Role.CENTRE_STAFF.value
        out: list[dict[str, Any]] = []
        mine = f"-{own_node}" if own_node else None
        key = self.data_key
        next_cursor, scanned = cursor, 0
        while True:
            # Echoes take no room: after a device's own push most of its feed is echoes,
            # and each page read for nothing was a round trip and a commit on the device.
            room = limit - len(out)
            rows = self._entitled_rows(s, dev, next_cursor, room + 1)
            has_more = len(rows) > room
            rows = rows[:room]
            for server_seq, entity, entity_id, post_code, stored in rows:
                fields = loads(stored) if stored else {}
                # The clock stamps are stored in the clear (only values are sealed): an echo
                # is told from them, so a record the asking device already holds is never
                # opened.
                if mine and fields and all(str(v[1]).endswith(mine) for v in fields.values()):
                    continue  # every winning value came from the asking device: it has them
                if fields:
                    fields = atrest.open_fields(key, entity, entity_id, fields)
                if centre and entity == "victim":
                    fields = {k: v for k, v in fields.items() if k in VICTIM_ESSENTIALS}
                fields = desk.withhold(dev, entity, fields)
                out.append({"server_seq": server_seq, "entity": entity, "entity_id": entity_id,
                            "post_code": post_code, "fields": fields})
            if rows:
                next_cursor = rows[-1].server_seq
            scanned += len(rows)
            if not has_more or len(out) >= limit or scanned >= limit * ECHO_SCAN_PAGES:
                break
        if not has_more:
            # Nothing entitled beyond: jump to the feed head so the next pull starts there.
            head = s.scalar(select(func.max(ChangeLog.server_seq))) or 0
            next_cursor = max(next_cursor, head)
        revoked = s.scalars(
            select(Device.id).where(Device.post_code == dev.post_code, Device.revoked.is_(True))
        ).all()
        return FeedPage(
            payload=pull_answer_json(out, next_cursor=next_cursor, has_more=has_more,
                                     hq_time_ms=base.now_ms(), revoked_devices=list(revoked),
                                     acked_seq=acked_seq),
            next_cursor=next_cursor,
        )

    def _entitled_rows(self, s: Session, dev: Device, cursor: int, n: int) -> list[Any]:
        """The first `n` records `dev` may pull after `cursor`, in feed order.

        Each part of the entitlement (`entitled_parts`) is read on its own, in feed order
        from the cursor, at most `n` rows (an index range: a post's records by post and
        feed position), and the parts merged; one ``OR`` over all of them would have the
        database gather every record of the post and sort them, for each page.
        """
        columns = (Record.server_seq, Record.entity, Record.entity_id, Record.post_code,
                   cast(Record.fields, Text))  # as text: parsed by `loads` (msgspec)
        merged: dict[int, Any] = {}
        for part in entitled_parts(dev):
            for row in s.execute(select(*columns).where(Record.server_seq > cursor, part)
                                 .order_by(Record.server_seq).limit(n)):
                merged[row[0]] = row  # a record in two parts is sent once
        return [merged[seq] for seq in sorted(merged)[:n]]

    def export_bundle(self, device_id: str, *, since: int = 0) -> bytes:
        """Everything the device is entitled to since `since`, sealed to it (a return file).

        The file also acknowledges (signed, like every answer) what HQ holds from the
        device, bundles imported included, so the device counts those changes as sent. A
        revoked device gets that acknowledgement only, no records: it can then see that its
        last bundle arrived and be wiped without losing anything.
        """
        with self.sessions() as s:
            dev = s.get(Device, device_id)
            if dev is None:
                raise UnknownDevice("no device '{device_id}'", device_id=device_id[:64])
            if dev.revoked:
                page = FeedPage(pull_answer_json([], next_cursor=since, has_more=False,
                                                 hq_time_ms=base.now_ms(),
                                                 acked_seq=dev.acked_seq), since)
            else:
                page = self._page(s, dev, since, 10_000_000, acked_seq=dev.acked_seq)
            x_pub = X25519PublicKey.from_public_bytes(dev.x25519_public)
        hdr = EnvelopeHeader(
            kind=EnvelopeKind.RETURN_BUNDLE,
            device_id=device_id,
            seq_from=since,
            seq_to=page.next_cursor,
        )
        return seal(
            page.payload,
            recipient_x25519_public=x_pub,
            sender_ed25519_private=self.keys.signing,
            header=hdr,
        )

