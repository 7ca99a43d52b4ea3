"""HQ server settings: where its data lives and the limits it enforces."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from fieldapp.domain.hlc import MAX_FUTURE_MS
from fieldapp.hq.db import default_url


def default_data_dir() -> Path:
    return Path(user_data_dir("fieldapp-hq"))


@dataclass(frozen=True)
class HqSettings:
    data_dir: Path
    database_url: str | None = None
    max_envelope_bytes: int = 16 * 1024 * 1024
    max_json_bytes: int = 64 * 1024
    max_attachment_bytes: int = 256 * 1024 * 1024
    max_chunk_bytes: int = 4 * 1024 * 1024
    #: A device clock further off than this is reported back (and noted per device).
    skew_tolerance_ms: int = 5 * 60 * 1000
    #: A change stamped further ahead of HQ's clock than this is parked, not applied (it
    #: would beat every honest edit until then). See `fieldapp.domain.hlc.MAX_FUTURE_MS`.
    stamp_tolerance_ms: int = MAX_FUTURE_MS
    page_size: int = 500
    #: Pull-request envelope ids are remembered this long (a replay only ever earns the
    #: replayer a sealed answer it cannot open, so the window need not be forever).
    seen_envelope_days: int = 30
    #: A signed attachment request is accepted only this close to HQ's clock (the device
    #: corrects its clock by the skew HQ reported at push), and only once.
    attachment_window_ms: int = 10 * 60 * 1000
    #: The TLS certificate `serve` presents (None: plain HTTP, e.g. behind a TLS proxy).
    tls_cert: Path | None = None
    #: HQ's data key (see `hq.atrest`), unwrapped at start; never stored beside the database.
    data_key: bytes | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return self.database_url or default_url(self.data_dir)

    @property
    def max_body_bytes(self) -> int:
        return max(self.max_envelope_bytes, self.max_chunk_bytes, self.max_json_bytes)
