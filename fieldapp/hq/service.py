"""HQ use-cases: enrolment, applying pushes, entitled pulls, bundles, reference data, admin.

Both the ASGI app and the admin CLI call `Hq`, a thin facade over one module per job:

- `fieldapp.hq.devices`: enrolment codes, enrolling, listing and revoking devices;
- `fieldapp.hq.ingest`: pushes and bundles in (bulk, one transaction each), parked changes;
- `fieldapp.hq.entitlement`: which records a device may pull;
- `fieldapp.hq.feed`: pulls and return bundles;
- `fieldapp.hq.admin`: reference data, counts, the records reports read, housekeeping.

Every refusal is a SyncRejected subclass (`fieldapp.hq.base`) with a short ``reason``
code and an HTTP ``status``. Nothing here logs record contents.

Pulls send the *merged state* of every entitled record whose ``server_seq`` (the change
feed position of its latest change) is above the cursor. When a record becomes visible to
a new audience (a referral addressed to a centre), the records that audience now needs
(the victim, the referral's events) are re-sent by giving them a new feed position.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from fieldapp.hq import atrest, db
from fieldapp.hq.admin import STATS_KEYS, Admin
from fieldapp.hq.base import (
    PARENT_FIELD,
    DeviceInfo,
    DeviceRevoked,
    EnrolmentRefused,
    HqRejected,
    NotEntitled,
    ParkedInfo,
    ParkedStillRefused,
    PayloadInvalid,
    UnknownDevice,
    UnknownParked,
    WrongPost,
    _rowcount,
    describe_validation,
    hash_code,
    loaded_change,
    normalise_code,
    now_ms,
    now_utc,
    stored_change,
)
from fieldapp.hq.devices import Devices
from fieldapp.hq.entitlement import VICTIM_ESSENTIALS
from fieldapp.hq.feed import Feed
from fieldapp.hq.ingest import DISCARDED, PARKED, RELEASED, Ingest
from fieldapp.hq.keys import HqKeys, load_keys
from fieldapp.hq.settings import HqSettings

__all__ = [
    "DISCARDED", "PARENT_FIELD", "PARKED", "RELEASED", "STATS_KEYS", "VICTIM_ESSENTIALS",
    "DeviceInfo", "DeviceRevoked", "EnrolmentRefused", "Hq", "HqRejected", "NotEntitled",
    "ParkedInfo", "ParkedStillRefused", "PayloadInvalid", "UnknownDevice", "UnknownParked", "WrongPost",
    "_rowcount", "describe_validation", "hash_code", "loaded_change", "normalise_code",
    "now_ms", "now_utc", "stored_change",
]


class Hq(Devices, Ingest, Feed, Admin):
    """The headquarters: keys, database and limits. Stateless across requests."""

    def __init__(
        self, settings: HqSettings, keys: HqKeys | None = None, *, migrate: bool = True
    ) -> None:
        self.settings = settings
        self.keys = keys or load_keys(settings.data_dir)
        self.engine = db.make_engine(settings.url)
        if migrate:
            db.migrate(self.engine)
        self.sessions: sessionmaker[Session] = db.session_factory(self.engine)
        # At rest (hq.atrest): records and the change log are sealed under the data key.
        self.data_key = settings.data_key
        if self.data_key is None and atrest.is_configured(settings.data_dir):
            self.data_key = atrest.unlock(settings.data_dir)  # $FIELDAPP_HQ_DATA_KEY_FILE, or a plain error
        self.sessions.configure(info={atrest.INFO: self.data_key})

    def close(self) -> None:
        self.engine.dispose()
