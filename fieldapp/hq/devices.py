"""HQ's devices: enrolment codes, enrolling a device, listing and revoking devices."""

from __future__ import annotations

from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput
from fieldapp.domain.ids import next_free_case_code, uuid7
from fieldapp.hq import db
from fieldapp.hq.base import (
    DeviceInfo,
    EnrolmentRefused,
    HqBase,
    PayloadInvalid,
    UnknownDevice,
    WrongPost,
    _aware,
    _raw,
    _rowcount,
    code_place,
    hash_code,
    now_ms,
    now_utc,
)
from fieldapp.hq.models import Device, EnrolmentCode
from fieldapp.sync import trust
from fieldapp.sync.protocol import EnrolAnswer, EnrolRequest, b64, code_fits_device, unb64


class Devices(HqBase):
    """Enrolment and the device register."""

    # -- enrolment -------------------------------------------------------------------

    def create_enrolment_code(
        self, *, post_code: str, role: Role, centre_code: str | None, ttl: timedelta
    ) -> str:
        if role is Role.CENTRE_STAFF and not centre_code:
            raise InvalidInput("a centre_staff code needs --centre")
        code = trust.new_code(self.keys.signing_public)
        now = now_utc()
        with self.sessions.begin() as s:
            s.add(
                EnrolmentCode(
                    code_hash=hash_code(code),
                    post_code=post_code,
                    role=role.value,
                    centre_code=centre_code,
                    created_at=now,
                    expires_at=now + ttl,
                )
            )
        return code

    def enrol(self, req: EnrolRequest) -> EnrolAnswer:
        try:
            ed_raw = unb64(req.ed25519_public)
            x_raw = unb64(req.x25519_public)
            Ed25519PublicKey.from_public_bytes(ed_raw)
            X25519PublicKey.from_public_bytes(x_raw)
        except ValueError:
            raise PayloadInvalid("device public keys must be base64 of 32 raw bytes") from None
        now = now_utc()
        device_id = uuid7()
        with self.sessions.begin() as s:
            code = s.get(EnrolmentCode, hash_code(req.code))
            if code is None:
                raise EnrolmentRefused("this enrolment code is not known; ask HQ for a new one")
            if code.used_at is not None:
                raise EnrolmentRefused("this enrolment code was already used; ask HQ for a new one")
            if _aware(code.expires_at) <= now:
                raise EnrolmentRefused("this enrolment code has expired; ask HQ for a new one")
            if req.post_code and not code_fits_device(req.post_code, code.post_code, code.role,
                                                      code.centre_code):
                # Refused before the code is used or a device registered: no ghost device.
                raise WrongPost(
                    "this code is for {value}, but this device is set up for {post_code}; ask HQ "
                    "for a code for {post_code} (this one stays valid)",
                    value=code_place(code.post_code, code.centre_code), post_code=req.post_code)
            # Conditional update: of two simultaneous enrolments only one can win the code.
            won = _rowcount(
                s.execute(
                    update(EnrolmentCode)
                    .where(
                        EnrolmentCode.code_hash == code.code_hash, EnrolmentCode.used_at.is_(None)
                    )
                    .values(used_at=now, used_by=device_id)
                )
            )
            if won != 1:
                raise EnrolmentRefused("this enrolment code was already used; ask HQ for a new one")
            case_code = self._free_case_code(s, code.post_code)
            s.add(
                Device(
                    id=device_id,
                    post_code=code.post_code,
                    role=code.role,
                    centre_code=code.centre_code,
                    label=req.label,
                    ed25519_public=ed_raw,
                    x25519_public=x_raw,
                    revoked=False,
                    enrolled_at=now,
                    acked_seq=0,
                    case_code=case_code,
                )
            )
            post_code, role, centre_code = code.post_code, code.role, code.centre_code
        return EnrolAnswer(
            device_id=device_id,
            post_code=post_code,
            role=Role(role),
            centre_code=centre_code,
            hq_ed25519_public=b64(_raw(self.keys.signing_public)),
            hq_x25519_public=b64(_raw(self.keys.hpke_public)),
            hq_recovery_x25519_public=b64(_raw(self.keys.recovery_public)),
            hq_time_ms=now_ms(),
            case_code=case_code,
        )

    def _free_case_code(self, s: Session, post_code: str) -> str:
        """The post's first case-number series no device holds (see `domain.ids`)."""
        db.lock_feed(s)  # two enrolments for one post at once must not get the same letter
        used = set(s.scalars(select(Device.case_code).where(
            Device.post_code == post_code, Device.case_code.is_not(None))))
        return next_free_case_code({c for c in used if c})

    # -- devices ---------------------------------------------------------------------

    def devices(self) -> list[DeviceInfo]:
        with self.sessions() as s:
            rows = s.scalars(select(Device).order_by(Device.enrolled_at)).all()
            return [
                DeviceInfo(
                    d.id,
                    d.post_code,
                    d.role,
                    d.centre_code,
                    d.label,
                    d.revoked,
                    _aware(d.enrolled_at),
                    _aware(d.last_seen) if d.last_seen else None,
                    d.last_skew_ms,
                    d.acked_seq,
                    d.case_code,
                    d.audit_acked_seq,
                    d.audit_broken_seq,
                )
                for d in rows
            ]

    def revoke(self, device_id: str) -> None:
        with self.sessions.begin() as s:
            dev = s.get(Device, device_id)
            if dev is None:
                raise UnknownDevice("no device '{device_id}'", device_id=device_id[:64])
            dev.revoked = True
            dev.revoked_at = now_utc()
