"""`fieldapp enrol`, `fieldapp sync`, `fieldapp bundle export|import`, `fieldapp wipe`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Protocol

from fieldapp.domain.errors import FieldAppError


class _Passphrases(Protocol):
    def ask(self, prompt: str, *, confirm: bool = False) -> str: ...


def _unlock(args: argparse.Namespace, pw: _Passphrases) -> Any:
    from fieldapp.services import auth

    root = Path(args.data_dir).expanduser().resolve()
    auth.DataDir(root).require()
    return auth.unlock(root, args.user, pw.ask(f"Passphrase for {args.user}: "))


def cmd_enrol(args: argparse.Namespace, pw: _Passphrases) -> int:
    from fieldapp.services import sync

    with _unlock(args, pw) as ws:
        answer = sync.enrol(ws, args.hq, args.code, label=args.label or "")
    centre = f", centre {answer.centre_code}" if answer.centre_code else ""
    print(f"Enrolled with HQ as device {answer.device_id} (post {answer.post_code}, "
          f"{answer.role.value}{centre}).")
    print("The database key is now also sealed to HQ's recovery key.")
    return 0


def _skew_text(skew_ms: int | None, warning: bool) -> str:
    if skew_ms is None:
        return "clock: unknown"
    seconds = skew_ms / 1000
    text = f"clock {'ahead of' if seconds >= 0 else 'behind'} HQ by {abs(seconds):.1f} s"
    if warning:
        text += " - WARNING: set this computer's date and time"
    return text


def cmd_sync(args: argparse.Namespace, pw: _Passphrases) -> int:
    from fieldapp.services import sync

    with _unlock(args, pw) as ws:
        # DeviceRevoked says what to do (export unsent changes, then wipe); the CLI prints
        # it as one line and exits 2 like every FieldAppError.
        result = sync.sync_round(ws, hq_url=args.hq)
        state = sync.status(ws)
    print(f"pushed {result.pushed} (already at HQ {result.duplicates}) and {result.audit_sent} "
          f"audit event(s), pulled {result.pulled} "
          f"({result.changed} changed here), files uploaded {result.uploaded}, "
          f"still to send {result.pending}; {_skew_text(result.skew_ms, result.clock_warning)}")
    if result.parked:
        print(f"{result.parked} pulled record(s) wait for a related record; the next sync "
              "normally brings it")
    if state.set_aside:
        print(f"{state.set_aside} pulled record(s) could not be stored on this laptop and are "
              "kept aside; the next sync tries them again:")
        for reason in state.set_aside_reasons:
            print(f"  - {reason}")
    if state.refused:
        print(f"{state.refused} change(s) refused by HQ (kept at HQ; ask HQ to release them "
              "after a fix, or record them again correctly):")
        for reason in state.refused_reasons[:10]:
            print(f"  - {reason}")
    return 0


def cmd_bundle(args: argparse.Namespace, pw: _Passphrases) -> int:
    from fieldapp.services import sync

    with _unlock(args, pw) as ws:
        if args.bundle_command == "export":
            paths, count = sync.export_bundle(ws, Path(args.out))
            if not paths:
                print("Nothing to export: HQ already has every change made on this device.")
                return 0
            names = ", ".join(str(p) for p in paths)
            print(f"Wrote {count} change(s) to {names}. The file is sealed to HQ: "
                  "only HQ can read it. Import it there with 'fieldapp-hq import-bundle'.")
        else:
            stats = sync.import_bundle(ws, Path(args.file))
            pending = sync.status(ws).pending
            print(f"Applied HQ's return file: {stats.received} record(s), "
                  f"{stats.changed} changed here; still to send {pending}.")
    return 0


def cmd_wipe(args: argparse.Namespace, pw: _Passphrases) -> int:
    from fieldapp.services import sync

    if not args.yes:
        raise FieldAppError("wipe deletes this device's data for good: add --yes to confirm")
    ws = _unlock(args, pw)
    try:
        basis = sync.wipe_basis(ws)
        root = sync.wipe_revoked(ws)
    finally:
        ws.close()
    from fieldapp.services import auth

    why = ("HQ acknowledged every change made on it" if basis == "acknowledged" else
           "every change HQ lacks is in the sealed bundle written on it; make sure that file "
           "reaches HQ ('fieldapp-hq import-bundle')")
    print(f"Wiped {root}: HQ revoked this device and {why}.")
    print(auth.SSD_NOTE)
    return 0


def register(sub: Any, common: argparse.ArgumentParser, user: argparse.ArgumentParser) -> None:
    """Add the sync commands to `fieldapp`'s sub-parsers (called by fieldapp.cli.device)."""
    p = sub.add_parser("enrol", parents=[common, user],
                       help="enrol this device with HQ using a one-time code (supervisors)")
    p.add_argument("--hq", required=True, help="HQ address, e.g. https://hq.example.org")
    p.add_argument("--code", required=True, help="the one-time enrolment code from HQ")
    p.add_argument("--label", help="a name for this laptop, shown at HQ")
    p.set_defaults(handler=cmd_enrol)

    p = sub.add_parser("sync", parents=[common, user],
                       help="one sync round with HQ: send changes, receive updates, upload files")
    p.add_argument("--hq", help="use this HQ address this time (default: the enrolled one)")
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser("bundle", help="sync by file (USB stick) when there is no network")
    p.set_defaults(handler=cmd_bundle)
    bundles = p.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    be = bundles.add_parser("export", parents=[common, user],
                            help="write unsent changes to a file sealed to HQ")
    be.add_argument("--out", required=True)
    bi = bundles.add_parser("import", parents=[common, user], help="apply HQ's return file")
    bi.add_argument("file")

    p = sub.add_parser("wipe", parents=[common, user],
                       help="delete this device's data after HQ revoked it")
    p.add_argument("--yes", action="store_true", help="confirm: the data is deleted for good")
    p.set_defaults(handler=cmd_wipe)
