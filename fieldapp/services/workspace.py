"""A signed-in user on an unlocked store: what every service function takes first."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy.orm import Session

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import PermissionDenied, StoreLocked
from fieldapp.store.store import Store


@dataclass(frozen=True)
class Actor:
    username: str
    role: Role
    post_code: str
    centre_code: str | None = None


class Workspace:
    """Holds the store and the user; `close()` (or the idle lock) drops both."""

    def __init__(self, store: Store, actor: Actor) -> None:
        self._store: Store | None = store
        self.actor = actor

    @property
    def store(self) -> Store:
        if self._store is None:
            raise StoreLocked("the store is locked: unlock it again")
        return self._store

    @property
    def is_open(self) -> bool:
        return self._store is not None

    @contextlib.contextmanager
    def tx(self) -> Iterator[Session]:
        """One transaction as this user. Nested calls join the outer one (batches)."""
        with self.store.session(self.actor.username) as session:
            yield session

    def require(self, *roles: Role) -> None:
        if self.actor.role not in roles:
            raise PermissionDenied(
                "your role ({role}) cannot do this; ask a supervisor", role=self.actor.role
            )

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
