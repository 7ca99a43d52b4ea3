"""`fieldapp-hq`: the headquarters admin command line (init, serve, codes, devices, bundles).

Exit status: 0 on success, 2 with one line on stderr for anything the user can fix.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fieldapp.crypto import memory
from fieldapp.crypto.atomic import write_private
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import FieldAppError
from fieldapp.hq.keys import (
    HPKE_FILE,
    RECOVERY_PRIVATE_FILE,
    RETIRED_KEEP,
    export_recovery_key,
    init_keys,
    load_keys,
    purge_retired,
    retired_files,
    rotate_hpke,
)
from fieldapp.hq.settings import HqSettings, default_data_dir

_DURATION = re.compile(r"^(\d{1,6})([smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class UsageError(Exception):
    """Bad input from the person at the keyboard: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's default exits 2 with usage; keep it one line
        raise UsageError(message)


def parse_duration(text: str) -> timedelta:
    match = _DURATION.match(text.strip())
    if not match:
        raise UsageError(f"not a duration: {text!r} (use e.g. 30m, 12h, 7d, 2w)")
    value = int(match.group(1))
    if value == 0:
        raise UsageError("a duration must be more than zero")
    return timedelta(**{_UNITS[match.group(2)]: value})


def _code_arg(text: str) -> str:
    if not _CODE.match(text):
        raise argparse.ArgumentTypeError(f"not a code: {text[:40]!r} (letters, digits, - and _)")
    return text.upper()


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=None, help="HQ data directory")
    common.add_argument(
        "--database-url",
        default=None,
        help="postgresql+psycopg://… (default: SQLite in the data dir)",
    )

    common.add_argument(
        "--data-key-file", type=Path, default=None,
        help="HQ's data key, on separate media (default: $FIELDAPP_HQ_DATA_KEY_FILE)",
    )
    common.add_argument(
        "--data-key-passphrase-stdin", action="store_true",
        help="read the passphrase that unwraps HQ's data key from stdin (one line)",
    )

    p = _Parser(prog="fieldapp-hq", description="fieldapp headquarters server and administration")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = sub.add_parser(
        "init", parents=[common], help="create the HQ keys, TLS certificate and database"
    )
    init.set_defaults(handler=cmd_init)
    init.add_argument(
        "--tls-name", action="append", default=[],
        help="a host name or IP address devices use to reach HQ (repeat; localhost is included)",
    )

    serve = sub.add_parser("serve", parents=[common], help="run the HQ server")
    serve.set_defaults(handler=cmd_serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument(
        "--workers", type=int, default=1,
        help="server processes sharing the port (PostgreSQL only; each has its own "
        "database connections)",
    )
    serve.add_argument("--tls-cert", type=Path, help="certificate (PEM; default: init's own)")
    serve.add_argument("--tls-key", type=Path, help="its private key (PEM)")
    serve.add_argument(
        "--no-tls", action="store_true",
        help="plain HTTP (only behind a TLS proxy, or on this computer: devices refuse http:// "
        "to anything but loopback)",
    )

    enc = sub.add_parser(
        "encrypt-at-rest", parents=[common],
        help="upgrade: seal the names and narratives an HQ made by release 0.1.0 stored in the "
        "clear (makes the data key on first run; safe to rerun after an interruption)",
    )
    enc.set_defaults(handler=cmd_encrypt_at_rest)
    enc.add_argument("--batch", type=int, default=500, help="rows per transaction (default 500)")

    keys = sub.add_parser("keys", parents=[common], help="HQ's HPKE key: rotate, purge, list")
    keys.set_defaults(handler=cmd_keys)
    keys_sub = keys.add_subparsers(dest="keys_command", required=True, parser_class=_Parser)
    keys_sub.add_parser(
        "rotate", parents=[common],
        help="make a new HPKE key; devices learn it at their next sync; restart serve after",
    )
    purge = keys_sub.add_parser(
        "purge", parents=[common], help="destroy retired HPKE keys older than --keep"
    )
    purge.add_argument("--keep", default="30d", help="keep retired keys this long (default 30d)")
    keys_sub.add_parser("list", parents=[common], help="the current and retired HPKE keys")

    code = sub.add_parser(
        "enrolment-code", parents=[common], help="issue a one-time enrolment code"
    )
    code.set_defaults(handler=cmd_enrolment_code)
    code.add_argument("--post", required=True, type=_code_arg)
    code.add_argument("--role", required=True, choices=[r.value for r in Role])
    code.add_argument("--centre", type=_code_arg, default=None)
    code.add_argument("--expires", default="7d", help="lifetime, e.g. 12h, 7d (default 7d)")

    devices = sub.add_parser("devices", parents=[common], help="list enrolled devices")
    devices.set_defaults(handler=cmd_devices)
    devices.add_argument("--json", action="store_true")

    revoke = sub.add_parser(
        "revoke", parents=[common], help="revoke a device (it will be told to wipe)"
    )
    revoke.set_defaults(handler=cmd_revoke)
    revoke.add_argument("device")

    stats = sub.add_parser("stats", parents=[common], help="record counts")
    stats.set_defaults(handler=cmd_stats)
    stats.add_argument("--json", action="store_true")

    report = sub.add_parser(
        "report", parents=[common], help="the year's national figures (small cells suppressed)"
    )
    report.set_defaults(handler=cmd_report)
    report.add_argument("--year", type=int, required=True)
    report.add_argument("--province", help="province code, e.g. KH-1")
    report.add_argument("--post", help="post code, e.g. POIPET")
    report.add_argument("--format", required=True, choices=["pdf", "csv", "json"])
    report.add_argument("--out", required=True, type=Path)
    report.add_argument("--threshold", type=int, default=5, help="suppress counts below this")
    report.add_argument("--lang", choices=["en", "km"], default="en")

    rebuild = sub.add_parser(
        "rebuild-figures", parents=[common],
        help="make the report counters again from the narrow rows (a repair)")
    rebuild.set_defaults(handler=cmd_rebuild_figures)

    ref = sub.add_parser("reference", parents=[common], help="reference data")
    ref.set_defaults(handler=cmd_reference)
    ref_sub = ref.add_subparsers(dest="ref_command", required=True, parser_class=_Parser)
    load = ref_sub.add_parser(
        "load", parents=[common], help="load posts, centres, providers, provinces"
    )
    load.add_argument("file", type=Path)

    imp = sub.add_parser("import-bundle", parents=[common], help="apply a device's bundle file")
    imp.set_defaults(handler=cmd_import_bundle)
    imp.add_argument("file", type=Path)

    exp = sub.add_parser("export-bundle", parents=[common], help="write a return file for a device")
    exp.set_defaults(handler=cmd_export_bundle)
    exp.add_argument("--device", required=True)
    exp.add_argument("--out", required=True, type=Path)
    exp.add_argument(
        "--since", type=int, default=0, help="the device's pull cursor (default 0: everything)"
    )

    parked = sub.add_parser(
        "parked", parents=[common], help="changes HQ refused (kept with their reason)"
    )
    parked.set_defaults(handler=cmd_parked)
    parked_sub = parked.add_subparsers(dest="parked_command", required=True, parser_class=_Parser)
    plist = parked_sub.add_parser("list", parents=[common], help="list parked changes")
    plist.add_argument("--device", default=None, help="only this device's")
    plist.add_argument("--all", action="store_true", help="released and discarded ones too")
    plist.add_argument("--json", action="store_true")
    prel = parked_sub.add_parser(
        "release", parents=[common], help="check a parked change again and apply it"
    )
    prel.add_argument("id", type=int)
    pdis = parked_sub.add_parser("discard", parents=[common], help="drop a parked change")
    pdis.add_argument("id", type=int)
    matches = sub.add_parser("matches", parents=[common],
                             help="possible matches between people: review queue")
    matches.set_defaults(handler=cmd_matches)
    m_sub = matches.add_subparsers(dest="m_command", required=True, parser_class=_Parser)
    m_sub.add_parser("scan", parents=[common], help="queue new possible matches across posts")
    m_list = m_sub.add_parser("list", parents=[common], help="the queue, strongest first")
    m_list.add_argument("--all", action="store_true", help="decided ones too")
    m_list.add_argument("--names", action="store_true", help="show names (on screen only)")
    m_list.add_argument("--json", action="store_true")
    for verb in ("link", "separate"):
        m = m_sub.add_parser(verb, parents=[common], help=f"{verb} the two people of a match")
        m.add_argument("match_id")
        m.add_argument("--by", required=True, help="who decides (recorded with the decision)")

    rec = sub.add_parser("recovery-key", parents=[common], help="the recovery key pair")
    rec.set_defaults(handler=cmd_recovery_key)
    rec_sub = rec.add_subparsers(dest="rec_command", required=True, parser_class=_Parser)
    rexp = rec_sub.add_parser(
        "export", parents=[common], help="write the private recovery key to a file"
    )
    rexp.add_argument("--out", required=True, type=Path)
    rexp.add_argument(
        "--remove", action="store_true", help="then delete it from the data directory"
    )
    return p


def _passphrase(args: argparse.Namespace) -> str | None:
    if not getattr(args, "data_key_passphrase_stdin", False):
        return None
    line = sys.stdin.readline().rstrip("\n")
    if not line:
        raise UsageError("--data-key-passphrase-stdin: no passphrase on stdin")
    return line


def _settings(args: argparse.Namespace) -> HqSettings:
    from fieldapp.hq import atrest

    data_dir = args.data_dir or default_data_dir()
    key = None
    # Commands that touch no record (init makes the key; recovery-key moves a key file).
    if args.command not in ("init", "recovery-key", "keys", "encrypt-at-rest") and atrest.is_configured(data_dir):
        key = atrest.unlock(data_dir, key_file=getattr(args, "data_key_file", None),
                            passphrase=_passphrase(args))
    return HqSettings(data_dir=data_dir, database_url=args.database_url, data_key=key)


def _pdf_writer() -> Callable[..., Path]:
    """The PDF writer (Qt, offscreen): only this entry point loads it, never the server."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a server has no screen
    from fieldapp.ui.reports.pdf import write_pdf

    return write_pdf


def _tls_files(args: argparse.Namespace, data_dir: Path) -> tuple[Path, Path] | None:
    """(certificate, key) to serve TLS with, or None for --no-tls."""
    from fieldapp.hq.tls import CERT_FILE, KEY_FILE, check_pair

    if args.no_tls:
        if args.tls_cert or args.tls_key:
            raise UsageError("--no-tls and --tls-cert/--tls-key contradict each other")
        return None
    if bool(args.tls_cert) != bool(args.tls_key):
        raise UsageError("give both --tls-cert and --tls-key")
    cert = args.tls_cert or data_dir / CERT_FILE
    key = args.tls_key or data_dir / KEY_FILE
    if not args.tls_cert and not cert.exists() and not key.exists() and (
        data_dir / HPKE_FILE
    ).exists():
        from fieldapp.hq.tls import make_self_signed

        # A data folder made before HQ served TLS itself: make its certificate now.
        make_self_signed(data_dir)
        print(f"made a self-signed TLS certificate: {cert}")
    if not cert.exists() or not key.exists():
        raise UsageError(
            f"no TLS certificate ({cert}): run 'fieldapp-hq init', give --tls-cert and "
            "--tls-key, or --no-tls behind a TLS proxy"
        )
    try:
        check_pair(cert, key)
    except (OSError, ValueError) as exc:
        raise UsageError(f"the TLS certificate or key cannot be used ({exc})"[:200]) from None
    return cert, key


def _hq(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from fieldapp.hq.service import Hq

    return Hq(_settings(args))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a directory") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None


def _write_new(path: Path, data: bytes) -> None:
    try:
        write_private(path, data, exclusive=True)
    except FileExistsError:
        raise UsageError(f"{path} already exists; choose another file") from None
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


def cmd_init(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from fieldapp.hq import atrest
    from fieldapp.hq.service import Hq
    from fieldapp.hq.tls import make_self_signed

    settings = _settings(args)
    if atrest.is_configured(settings.data_dir) or (settings.data_dir / "hq-signing.pem").exists():
        raise UsageError(f"HQ keys already exist in {settings.data_dir}")
    if (args.data_key_file is None) == (not args.data_key_passphrase_stdin):
        raise UsageError("init needs --data-key-file PATH (on separate media, not in the data "
                         "folder) or --data-key-passphrase-stdin")
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = atrest.create(settings.data_dir, key_file=args.data_key_file, passphrase=_passphrase(args))
    init_keys(settings.data_dir)
    cert = make_self_signed(settings.data_dir, args.tls_name)
    Hq(replace(settings, data_key=key)).close()  # creates and migrates the database
    print(f"HQ initialised in {settings.data_dir}")
    print(f"TLS certificate (self-signed; devices pin it at enrolment): {cert}")
    if args.data_key_file is not None:
        print(f"HQ's data key is in {args.data_key_file}: keep it on separate media, never in "
              "the data folder; 'serve' and every command need it (--data-key-file)")
    else:
        print("HQ's data key is wrapped under your passphrase: 'serve' and every command ask "
              "for it (--data-key-passphrase-stdin)")
    print(f"the recovery private key is in {settings.data_dir / RECOVERY_PRIVATE_FILE}: move it "
          "to offline media now ('fieldapp-hq recovery-key export --out FILE --remove'); "
          "'serve' refuses to start while it is there")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from fieldapp.hq import atrest
    from fieldapp.hq.app import create_app

    if not 0 < args.port < 65536:
        raise UsageError("--port must be 1..65535")
    if not 1 <= args.workers <= 64:
        raise UsageError("--workers must be 1..64")
    settings = _settings(args)
    if args.workers > 1 and not settings.url.startswith("postgresql"):
        raise UsageError("--workers above 1 needs PostgreSQL (--database-url): SQLite has one "
                         "writer, so more processes would only wait for each other")
    behind = atrest.sealed_version(settings.data_dir) < atrest.PROTECTED_VERSION
    if settings.data_key is not None and behind:
        print("fieldapp-hq: WARNING: this release seals more fields than the rows stored "
              "before it: run 'fieldapp-hq encrypt-at-rest' (it can run while serving)",
              file=sys.stderr)
    if (settings.data_dir / RECOVERY_PRIVATE_FILE).exists():
        raise UsageError(
            f"the recovery private key is still in {settings.data_dir}: move it to offline media "
            "first ('fieldapp-hq recovery-key export --out FILE --remove'); serve will not start "
            "with it on the server")
    if settings.data_key is None and (settings.data_dir / "hq-signing.pem").exists():
        raise UsageError(
            f"HQ's data in {settings.data_dir} is stored in the clear (made before at-rest "
            "encryption): run 'fieldapp-hq encrypt-at-rest --data-key-file PATH' (on separate "
            "media) first; serve will not start until it has")
    tls = _tls_files(args, settings.data_dir)
    destroyed = purge_retired(settings.data_dir, keep=RETIRED_KEEP)
    if destroyed:
        print(f"destroyed {destroyed} retired HPKE key(s) older than {RETIRED_KEEP.days} days")
    if tls is None:
        from fieldapp.sync.trust import is_loopback_host

        if not is_loopback_host(args.host):
            print("fieldapp-hq: WARNING: serving plain HTTP beyond this computer; devices "
                  "will only connect through a TLS proxy", file=sys.stderr)
    else:
        settings = dataclasses.replace(settings, tls_cert=tls[0])
    ssl: dict[str, Any] = {"ssl_certfile": str(tls[0]), "ssl_keyfile": str(tls[1])} if tls else {}
    if args.workers == 1:
        uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info",
                    **ssl)
        return 0
    _serve_workers(settings, args, ssl)
    return 0


def worker_app(settings: HqSettings) -> Any:
    """One worker process's app: its own `Hq` (engine, connection pool) on the shared
    database, which the parent migrated before starting the workers."""
    from fieldapp.hq.app import create_app
    from fieldapp.hq.service import Hq

    return create_app(settings, hq=Hq(settings, migrate=False))


def _serve_workers(settings: HqSettings, args: argparse.Namespace, ssl: dict[str, Any]) -> None:
    """Serve with `args.workers` processes sharing one listening socket (uvicorn's
    supervisor restarts a worker that dies).

    Each worker gets the settings, the unwrapped data key included, through the pipe that
    starts it: never through its environment or a file.
    """
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from fieldapp.hq.service import Hq

    Hq(settings).close()  # migrate once, before the workers open the database
    config = uvicorn.Config(functools.partial(worker_app, settings), factory=True,
                            host=args.host, port=args.port, workers=args.workers,
                            log_level="info", **ssl)
    Multiprocess(config, sockets=[config.bind_socket()]).run()


def cmd_keys(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if args.keys_command == "rotate":
        rotate_hpke(settings.data_dir)
        print("new HPKE key made; restart 'fieldapp-hq serve' to use it. Devices learn it "
              f"at their next sync; the old key is kept {RETIRED_KEEP.days} days for late "
              "pushes and bundles, then destroyed ('fieldapp-hq keys purge' or at serve "
              "start)")
    elif args.keys_command == "purge":
        n = purge_retired(settings.data_dir, keep=parse_duration(args.keep))
        print(f"destroyed {n} retired HPKE key(s)")
    else:
        load_keys(settings.data_dir)  # the files are readable keys
        print(f"current: {HPKE_FILE}")
        for at, path in retired_files(settings.data_dir):
            when = datetime.fromtimestamp(at / 1000, UTC).isoformat(timespec="seconds")
            print(f"retired {when}: {path.name}")
    return 0


def cmd_enrolment_code(args: argparse.Namespace) -> int:
    role = Role(args.role)
    if role is Role.CENTRE_STAFF and not args.centre:
        raise UsageError("--role centre_staff needs --centre CODE")
    ttl = parse_duration(args.expires)
    hq = _hq(args)
    try:
        code = hq.create_enrolment_code(
            post_code=args.post, role=role, centre_code=args.centre, ttl=ttl
        )
    finally:
        hq.close()
    print(f"one-time enrolment code for {args.post} ({role.value}), valid {args.expires}")
    print("(five groups of four; the last two let the device check it reached this HQ):")
    print(code)
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    hq = _hq(args)
    try:
        devices = hq.devices()
    finally:
        hq.close()
    if args.json:
        print(json.dumps([_device_json(d) for d in devices], indent=2))
    else:
        for d in devices:
            state = "REVOKED" if d.revoked else "active"
            seen = d.last_seen.isoformat(timespec="seconds") if d.last_seen else "never"
            centre = f" centre={d.centre_code}" if d.centre_code else ""
            centre += f" series={d.case_code}" if d.case_code else ""
            broken = (f" AUDIT TRAIL ALTERED from event {d.audit_broken_seq}"
                      if d.audit_broken_seq is not None else "")
            print(
                f"{d.id}  {d.post_code:<10} {d.role:<12}{centre} {state:<8} acked={d.acked_seq} "
                f"audit={d.audit_acked_seq} seen={seen}{broken}"
            )
        if not devices:
            print("no devices enrolled")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    hq = _hq(args)
    try:
        hq.revoke(args.device)
    finally:
        hq.close()
    print(f"revoked {args.device}: its next sync is refused and it is told to wipe")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    hq = _hq(args)
    try:
        figures = hq.stats()
    finally:
        hq.close()
    if args.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        for key, value in figures.items():
            print(f"{key:<20} {value}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from fieldapp.reports.hq_report import make_report
    from fieldapp.reports.render import no_pdf_writer

    hq = _hq(args)
    try:
        with hq.report_source() as source:  # the narrow rows (fieldapp.hq.figures)
            out = make_report(source, args.year, args.province, args.format, args.out,
                              post=args.post, threshold=args.threshold, lang=args.lang,
                              pdf_writer=_pdf_writer() if args.format == "pdf"
                              else no_pdf_writer)
    finally:
        hq.close()
    print(f"wrote {out}; counts below {args.threshold} are shown as <{args.threshold}")
    return 0


def cmd_rebuild_figures(args: argparse.Namespace) -> int:
    hq = _hq(args)
    try:
        cases = hq.rebuild_figures()
    finally:
        hq.close()
    print(f"report counters made again from {cases} cases")
    return 0


def cmd_reference(args: argparse.Namespace) -> int:
    data = _load_reference_file(args.file)
    hq = _hq(args)
    try:
        counts = hq.load_reference(data)
    finally:
        hq.close()
    print(", ".join(f"{n} {k}" for k, n in counts.items()) or "nothing to load")
    return 0


def cmd_import_bundle(args: argparse.Namespace) -> int:
    blob = _read(args.file)
    hq = _hq(args)
    try:
        answer = hq.import_bundle(blob)
    finally:
        hq.close()
    print(
        f"applied {answer.applied}, already had {answer.duplicates}; device acknowledged up to {answer.acked_seq}"
    )
    if answer.refused:
        print(f"{len(answer.refused)} change(s) refused and parked with their reason: "
              "fieldapp-hq parked list")
    return 0


def cmd_export_bundle(args: argparse.Namespace) -> int:
    hq = _hq(args)
    try:
        blob = hq.export_bundle(args.device, since=args.since)
    finally:
        hq.close()
    _write_new(args.out, blob)
    print(f"wrote {len(blob)} bytes to {args.out}")
    return 0


def cmd_matches(args: argparse.Namespace) -> int:
    from fieldapp.hq.matching import run_command

    hq = _hq(args)
    try:
        print(run_command(hq, args))
    finally:
        hq.close()
    return 0


def cmd_recovery_key(args: argparse.Namespace) -> int:
    settings = _settings(args)
    export_recovery_key(settings.data_dir, args.out, remove=args.remove)
    print(f"recovery key written to {args.out}; keep it offline")
    return 0


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


def cmd_encrypt_at_rest(args: argparse.Namespace) -> int:
    """Seal what an HQ made before at-rest encryption stored in the clear (idempotent)."""
    from fieldapp.hq import atrest, db

    settings = _settings(args)
    if args.batch < 1:
        raise UsageError("--batch must be at least 1")
    if not (settings.data_dir / "hq-signing.pem").exists():
        raise UsageError(f"no HQ in {settings.data_dir}: run 'fieldapp-hq init' for a new one")
    if atrest.is_configured(settings.data_dir):
        key = atrest.unlock(settings.data_dir, key_file=args.data_key_file, passphrase=_passphrase(args))
    else:
        if (args.data_key_file is None) == (not args.data_key_passphrase_stdin):
            raise UsageError("encrypt-at-rest makes HQ's data key: give --data-key-file PATH (on "
                             "separate media, not in the data folder) or --data-key-passphrase-stdin")
        key = atrest.create(settings.data_dir, key_file=args.data_key_file,
                            passphrase=_passphrase(args), adopt=True)
    engine = db.make_engine(settings.url)
    try:
        db.migrate(engine)
        done = atrest.encrypt_existing(engine, key, batch=args.batch)
        left = atrest.count_clear(engine)
    finally:
        engine.dispose()
    if left == 0:
        atrest.mark_sealed(settings.data_dir)
    print("sealed " + ", ".join(f"{n} {table}" for table, n in done.items())
          + f"; {left} row(s) still in the clear")
    if args.data_key_file is not None:
        print(f"HQ's data key is {args.data_key_file}: keep it on separate media; 'serve' and "
              "every command need it (--data-key-file)")
    if (settings.data_dir / RECOVERY_PRIVATE_FILE).exists():
        print(f"the recovery private key is still in {settings.data_dir}: move it to offline media "
              "('fieldapp-hq recovery-key export --out FILE --remove'); serve refuses to start "
              "while it is there")
    return 0 if left == 0 else 1


def _device_json(d: Any) -> dict[str, Any]:
    return {
        "id": d.id,
        "post_code": d.post_code,
        "role": d.role,
        "centre_code": d.centre_code,
        "label": d.label,
        "revoked": d.revoked,
        "enrolled_at": d.enrolled_at.isoformat(),
        "last_seen": d.last_seen.isoformat() if d.last_seen else None,
        "last_skew_ms": d.last_skew_ms,
        "acked_seq": d.acked_seq,
        "case_code": d.case_code,
        "audit_acked_seq": d.audit_acked_seq,
        "audit_broken_seq": d.audit_broken_seq,
    }


def cmd_parked(args: argparse.Namespace) -> int:
    hq = _hq(args)
    try:
        if args.parked_command == "release":
            hq.release_parked(args.id)
            print(f"released parked change {args.id}: it is applied and goes to every entitled "
                  "device with the next sync")
            return 0
        if args.parked_command == "discard":
            hq.discard_parked(args.id)
            print(f"discarded parked change {args.id}")
            return 0
        rows = hq.parked(state=None if args.all else "parked", device_id=args.device)
    finally:
        hq.close()
    if args.json:
        print(json.dumps([
            {"id": r.id, "device_id": r.device_id, "seq": r.seq, "entity": r.entity,
             "entity_id": r.entity_id, "code": r.code, "reason": r.reason, "state": r.state,
             "parked_at": r.parked_at.isoformat(), "waiting_for": r.waiting_for}
            for r in rows
        ], indent=2))
        return 0
    for r in rows:
        print(f"{r.id:>6}  {r.parked_at:%Y-%m-%d %H:%M}  device {r.device_id} change {r.seq}  "
              f"{r.entity} {r.entity_id}  {r.state}  {r.code}: {r.reason}")
    if not rows:
        print("no parked changes")
    else:
        print("release one after a fix: fieldapp-hq parked release ID; "
              "drop it: fieldapp-hq parked discard ID")
    return 0


def _load_reference_file(path: Path) -> dict[str, Any]:
    text = _read(path)
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise UsageError(
            f"{path} is not valid JSON/YAML: {str(exc).splitlines()[0][:120]}"
        ) from None
    except Exception as exc:  # yaml.YAMLError without importing yaml at module level
        if type(exc).__module__.startswith("yaml"):
            raise UsageError(f"{path} is not valid YAML") from None
        raise
    if not isinstance(data, dict):
        raise UsageError(f"{path} must hold a mapping with posts/centres/providers/provinces")
    return data


def main(argv: Sequence[str] | None = None) -> int:
    memory.harden_process()
    os.umask(0o077)  # HQ's keys, database and exports: owner-only files
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except UsageError as exc:
        print(f"fieldapp-hq: {exc}", file=sys.stderr)
        return 2
    except FieldAppError as exc:
        print(f"fieldapp-hq: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(
            f"fieldapp-hq: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return 2
    except Exception as exc:
        # Database unreachable or a bad --database-url: say so in one line, no traceback.
        from sqlalchemy.exc import ArgumentError, SQLAlchemyError

        if isinstance(exc, (SQLAlchemyError, ArgumentError)):
            first = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            print(f"fieldapp-hq: cannot use the database: {first}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
