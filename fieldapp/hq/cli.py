"""`fieldapp-hq`: the headquarters admin command line (init, serve, codes, devices, bundles).

Exit status: 0 on success, 2 with one line on stderr for anything the user can fix.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import FieldAppError
from fieldapp.hq.keys import export_recovery_key, init_keys
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

    p = _Parser(prog="fieldapp-hq", description="fieldapp headquarters server and administration")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    sub.add_parser("init", parents=[common], help="create the HQ keys and database")

    serve = sub.add_parser("serve", parents=[common], help="run the HQ server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--workers", type=int, default=1)

    code = sub.add_parser(
        "enrolment-code", parents=[common], help="issue a one-time enrolment code"
    )
    code.add_argument("--post", required=True, type=_code_arg)
    code.add_argument("--role", required=True, choices=[r.value for r in Role])
    code.add_argument("--centre", type=_code_arg, default=None)
    code.add_argument("--expires", default="7d", help="lifetime, e.g. 12h, 7d (default 7d)")

    devices = sub.add_parser("devices", parents=[common], help="list enrolled devices")
    devices.add_argument("--json", action="store_true")

    revoke = sub.add_parser(
        "revoke", parents=[common], help="revoke a device (it will be told to wipe)"
    )
    revoke.add_argument("device")

    stats = sub.add_parser("stats", parents=[common], help="record counts")
    stats.add_argument("--json", action="store_true")

    report = sub.add_parser(
        "report", parents=[common], help="the year's national figures (small cells suppressed)"
    )
    report.add_argument("--year", type=int, required=True)
    report.add_argument("--province", help="province code, e.g. KH-1")
    report.add_argument("--post", help="post code, e.g. POIPET")
    report.add_argument("--format", required=True, choices=["pdf", "csv", "json"])
    report.add_argument("--out", required=True, type=Path)
    report.add_argument("--threshold", type=int, default=5, help="suppress counts below this")
    report.add_argument("--lang", choices=["en", "km"], default="en")

    ref = sub.add_parser("reference", parents=[common], help="reference data")
    ref_sub = ref.add_subparsers(dest="ref_command", required=True, parser_class=_Parser)
    load = ref_sub.add_parser(
        "load", parents=[common], help="load posts, centres, providers, provinces"
    )
    load.add_argument("file", type=Path)

    imp = sub.add_parser("import-bundle", parents=[common], help="apply a device's bundle file")
    imp.add_argument("file", type=Path)

    exp = sub.add_parser("export-bundle", parents=[common], help="write a return file for a device")
    exp.add_argument("--device", required=True)
    exp.add_argument("--out", required=True, type=Path)
    exp.add_argument(
        "--since", type=int, default=0, help="the device's pull cursor (default 0: everything)"
    )

    matches = sub.add_parser("matches", parents=[common],
                             help="possible matches between people: review queue")
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
    rec_sub = rec.add_subparsers(dest="rec_command", required=True, parser_class=_Parser)
    rexp = rec_sub.add_parser(
        "export", parents=[common], help="write the private recovery key to a file"
    )
    rexp.add_argument("--out", required=True, type=Path)
    rexp.add_argument(
        "--remove", action="store_true", help="then delete it from the data directory"
    )
    return p


def _settings(args: argparse.Namespace) -> HqSettings:
    data_dir = args.data_dir or default_data_dir()
    return HqSettings(data_dir=data_dir, database_url=args.database_url)


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
        with open(path, "xb") as fh:
            fh.write(data)
    except FileExistsError:
        raise UsageError(f"{path} already exists; choose another file") from None
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    cmd = args.command
    if cmd == "init":
        settings = _settings(args)
        init_keys(settings.data_dir)
        _hq(args).close()  # creates and migrates the database
        print(f"HQ initialised in {settings.data_dir}")
        print(
            "export the recovery key to offline storage: fieldapp-hq recovery-key export --out FILE --remove"
        )
        return 0
    if cmd == "serve":
        import uvicorn

        from fieldapp.hq.app import create_app

        settings = _settings(args)
        if not 0 < args.port < 65536:
            raise UsageError("--port must be 1..65535")
        app = create_app(settings)
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")
        return 0
    if cmd == "enrolment-code":
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
        print(f"one-time enrolment code for {args.post} ({role.value}), valid {args.expires}:")
        print(code)
        return 0
    if cmd == "devices":
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
                print(
                    f"{d.id}  {d.post_code:<10} {d.role:<12}{centre} {state:<8} acked={d.acked_seq} seen={seen}"
                )
            if not devices:
                print("no devices enrolled")
        return 0
    if cmd == "revoke":
        hq = _hq(args)
        try:
            hq.revoke(args.device)
        finally:
            hq.close()
        print(f"revoked {args.device}: its next sync is refused and it is told to wipe")
        return 0
    if cmd == "stats":
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
    if cmd == "report":
        from fieldapp.reports.hq_report import make_report

        if args.format == "pdf":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a server has no screen
        hq = _hq(args)
        try:
            out = make_report(hq.report_records, args.year, args.province, args.format, args.out,
                              post=args.post, threshold=args.threshold, lang=args.lang)
        finally:
            hq.close()
        print(f"wrote {out}; counts below {args.threshold} are shown as <{args.threshold}")
        return 0
    if cmd == "reference":
        data = _load_reference_file(args.file)
        hq = _hq(args)
        try:
            counts = hq.load_reference(data)
        finally:
            hq.close()
        print(", ".join(f"{n} {k}" for k, n in counts.items()) or "nothing to load")
        return 0
    if cmd == "import-bundle":
        blob = _read(args.file)
        hq = _hq(args)
        try:
            answer = hq.import_bundle(blob)
        finally:
            hq.close()
        print(
            f"applied {answer.applied}, already had {answer.duplicates}; device acknowledged up to {answer.acked_seq}"
        )
        return 0
    if cmd == "export-bundle":
        hq = _hq(args)
        try:
            blob = hq.export_bundle(args.device, since=args.since)
        finally:
            hq.close()
        _write_new(args.out, blob)
        print(f"wrote {len(blob)} bytes to {args.out}")
        return 0
    if cmd == "matches":
        from fieldapp.hq.matching import run_command

        hq = _hq(args)
        try:
            print(run_command(hq, args))
        finally:
            hq.close()
        return 0
    if cmd == "recovery-key":
        settings = _settings(args)
        export_recovery_key(settings.data_dir, args.out, remove=args.remove)
        print(f"recovery key written to {args.out}; keep it offline")
        return 0
    raise UsageError(f"unknown command {cmd}")  # pragma: no cover - argparse refuses first


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
    }


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
