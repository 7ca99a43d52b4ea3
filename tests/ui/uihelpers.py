"""Shared helpers for the window tests (stores, unlocking, waiting for the task runner)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fieldapp.crypto.keystore import KdfParams
from fieldapp.domain.enums import Role
from fieldapp.services import auth, intake, referrals, statements

FAST = KdfParams(iterations=1, lanes=1, memory_kib=8192)
NARRATIVE = "NARRATIVE-SECRET ការណែនាំសម្ងាត់"
PASSPHRASES = {"sup": "supervisor pass", "off": "officer pass", "ptc": "centre pass 7", "bav": "bavet pass"}
#: Qt messages that say nothing about our code (the offscreen platform's limits).
BENIGN = ("This plugin does not support propagateSizeHints()",
          "This plugin does not support raise()",
          "This plugin does not support grabbing the keyboard")



def build_store(root: Path) -> dict[str, str]:
    """Poipet and Bavet cases (Khmer and Latin names, minors, final statements, referrals)."""
    ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase=PASSPHRASES["sup"],
                         kdf=FAST)
    ids: dict[str, str] = {}
    try:
        auth.add_user(ws, "off", PASSPHRASES["off"], Role.OFFICER, kdf=FAST)
        auth.add_user(ws, "ptc", PASSPHRASES["ptc"], Role.CENTRE_STAFF, centre_code="PTC", kdf=FAST)
        with ws.tx():
            for i in range(12):
                post = "BAVET" if i % 4 == 3 else "POIPET"
                r = intake.create_rescue(
                    ws, operation_date=dt.date(2025, 3, 1) + dt.timedelta(days=i), post_code=post,
                    province_code="KH-20" if post == "BAVET" else "KH-1", place="Market",
                    exploitation_type="online_scam" if i % 2 else "labour")
                name_km, name_latin = ("សុខ ស្រីពៅ", "Sok Sreypov") if i == 5 else ("ចាន់ ដារ៉ា", "Chan Dara")
                v = intake.add_victim(ws, r.id, name_km=name_km, name_latin=name_latin, sex="female",
                                      estimated_age=14 if i in (5, 6) else 30, nationality="KHM")
                intake.add_suspect(ws, r.id, name="Broker Vannak" if i == 5 else "Unknown",
                                   role="broker")
                st = statements.record_statement(
                    ws, v.id, interviewer="Officer", language="km", narrative=NARRATIVE,
                    child_protocol={k: True for k in statements.CHILD_PROTOCOL})
                if i % 2 == 1:
                    statements.finalise_statement(ws, st.id)
                if i in (5, 6, 7, 8):
                    ref = referrals.create_referral(ws, v.id, service="shelter", provider_code="PTC",
                                                    due_date=dt.date(2030, 1, 1))
                    ids[f"referral{i}"] = ref.id
                if i == 5:
                    ids.update(rescue=r.id, victim=v.id, statement=st.id, case_number=r.case_number)
                if i == 3:
                    ids["bavet_rescue"] = r.id
    finally:
        ws.close()
    return ids



def unlock_as(qtbot: Any, controller: Any, username: str, passphrase: str | None = None) -> None:
    """Type the user and passphrase on the unlock screen and wait for the work area."""
    view = controller.shell.unlock
    qtbot.waitUntil(lambda: view.user.count() > 0)
    view.user.setCurrentText(username)
    view.passphrase.setText(passphrase if passphrase is not None else PASSPHRASES[username])
    view.button.click()
    try:
        qtbot.waitUntil(lambda: controller.ws is not None, timeout=10_000)
    except Exception as exc:
        raise AssertionError(f"unlock failed: {view.banner.text()!r} busy={controller.runner.busy} "
                             f"enabled={view.button.isEnabled()}") from exc
    wait_idle(qtbot, controller)


def wait_idle(qtbot: Any, controller: Any, timeout: int = 10_000) -> None:
    """Wait until every job has finished and its result reached the UI thread."""
    qtbot.waitUntil(lambda: not controller.runner.busy, timeout=timeout)
