"""A full disk is told in the user's language, never as "something went wrong" (issue 9, 13)."""

from __future__ import annotations

import errno

from PySide6.QtWidgets import QApplication

from fieldapp.domain.errors import StorageFull
from fieldapp.ui import i18n
from fieldapp.ui.tasks import user_message


def test_a_full_disk_is_said_in_english_and_khmer(qapp: QApplication) -> None:
    english = "The disk is full — nothing was lost; free space and try again."
    try:
        i18n.set_language("en")
        assert user_message(StorageFull()) == english
        # An OSError from outside the store (keystore, attachments) says the same.
        assert user_message(OSError(errno.ENOSPC, "No space left on device")) == english
        i18n.set_language("km")
        khmer = user_message(StorageFull())
        assert khmer != english and "ថាសពេញ" in khmer
    finally:
        i18n.set_language("en")
