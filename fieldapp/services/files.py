"""Files the window keeps outside the store, and what it needs to know about the disk.

The window reaches crypto and store only through services; these are the few names it needs
that are not a use-case: where the data folder is, owner-only file permissions, the atomic
writer for its settings file, and how to tell a full disk from a bug.
"""

from __future__ import annotations

from fieldapp.crypto.atomic import write_atomic
from fieldapp.store.engine import storage_error
from fieldapp.store.fileperm import owner_only
from fieldapp.store.store import default_data_dir

__all__ = ["default_data_dir", "owner_only", "storage_error", "write_atomic"]
