"""The `fieldapp` command: admin, demo data, export, checks and headless sync, over the services.

Exit status: 0 on success, 2 with a one-line message for anything the user can fix,
1 with a one-line message (and the details in the log, without names) for a bug.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from fieldapp import __version__, logs, vocabulary
from fieldapp.crypto import memory
from fieldapp.crypto.passphrase import PassphraseTooWeak
from fieldapp.domain.enums import USER_ROLES, Role
from fieldapp.domain.errors import FieldAppError
from fieldapp.store import fileperm
from fieldapp.store.engine import storage_error
from fieldapp.store.store import DataDir, default_data_dir

log = logging.getLogger("fieldapp.cli")


class UserError(FieldAppError):
    """A mistake on the command line itself."""


# -- passphrases -------------------------------------------------------------------------
class Passphrases:
    """Prompted on the terminal, or read one per line from stdin with --passphrase-stdin."""

    def __init__(self, from_stdin: bool) -> None:
        self._lines: Iterator[str] | None = iter(sys.stdin) if from_stdin else None

    def ask(self, prompt: str, *, confirm: bool = False) -> str:
        if self._lines is not None:
            line = next(self._lines, None)
            if line is None:
                raise UserError("expected another passphrase on stdin ({value})",
                                value=prompt.rstrip(': '))
            return line.rstrip("\r\n")
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat it: ") != first:
            raise UserError("the two passphrases differ")
        return first


# -- commands ----------------------------------------------------------------------------
def _root(args: argparse.Namespace) -> Path:
    return Path(args.data_dir).expanduser().resolve()


def _workspace(args: argparse.Namespace, pw: Passphrases) -> Any:
    from fieldapp.services import auth, clock

    DataDir(_root(args)).require()
    ws = auth.unlock(_root(args), args.user, pw.ask(f"Passphrase for {args.user}: "))
    try:
        problem = clock.check_clock(ws)
    except BaseException:
        ws.close()
        raise
    if problem is not None:  # told before the command writes anything
        print(f"fieldapp: WARNING: {problem.message}", file=sys.stderr)
    return ws


def cmd_init(args: argparse.Namespace, pw: Passphrases) -> int:
    from fieldapp.services import auth

    passphrase = pw.ask(f"New passphrase for {args.user}: ", confirm=True)
    with auth.initialise(_root(args), post_code=args.post, username=args.user,
                         passphrase=passphrase, role=Role(args.role)) as ws:
        print(f"Created an encrypted store for post {ws.actor.post_code} in {_root(args)}")
        print(f"User {args.user} ({args.role}) can now unlock it.")
    return 0


def cmd_demo(args: argparse.Namespace, pw: Passphrases) -> int:
    from fieldapp.services import demo

    with _workspace(args, pw) as ws:
        def progress(done: int) -> None:
            if sys.stderr.isatty():
                print(f"\r{done}/{args.rescues} rescues", end="", file=sys.stderr, flush=True)

        made = demo.generate(ws, args.rescues, seed=args.seed, progress=progress)
        if sys.stderr.isatty():
            print(file=sys.stderr)
        print(f"Created {made} synthetic rescues (seed {args.seed}). No real person is in them.")
    return 0


def cmd_stats(args: argparse.Namespace, pw: Passphrases) -> int:
    from fieldapp.services import stats

    with _workspace(args, pw) as ws:
        counts = stats.counts(ws)
    if args.json:
        print(json.dumps(counts, sort_keys=True))
    else:
        for key, value in counts.items():
            print(f"{key:>16}: {value}")
    return 0


def cmd_export(args: argparse.Namespace, pw: Passphrases) -> int:
    from fieldapp.services import exports

    with _workspace(args, pw) as ws:
        out = exports.export(ws, args.format, Path(args.out), redact=args.redact)
    print(f"Wrote {out}.")
    print(f"WARNING: {exports.EXPORT_WARNING}", file=sys.stderr)
    return 0


def _pdf_writer() -> Callable[..., Path]:
    """The PDF writer (Qt): the command line is an entry point, so it chooses it."""
    from fieldapp.ui.reports.pdf import write_pdf

    return write_pdf


def cmd_report(args: argparse.Namespace, pw: Passphrases) -> int:
    from fieldapp.reports.definitions import ReportFilter
    from fieldapp.services import exports

    if args.format == "pdf":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a PDF needs no screen
    flt = ReportFilter.year(args.year, province=args.province, post=args.post)
    with _workspace(args, pw) as ws:
        out = exports.export_report(ws, flt, args.format, Path(args.out),
                                    threshold=args.threshold, lang=args.lang,
                                    pdf_writer=_pdf_writer() if args.format == "pdf" else
                                    exports.no_pdf_writer)
    print(f"Wrote {out}; counts below {args.threshold} are shown as <{args.threshold}.")
    return 0


def cmd_check(args: argparse.Namespace, pw: Passphrases) -> int:
    from fieldapp.services import maintenance

    with _workspace(args, pw) as ws:
        report = maintenance.check(ws)
    print(f"Database pages: verified (SQLCipher HMAC and SQLite integrity): {report.database_ok}")
    print(f"Audit chain: {report.audit_events} events, "
          + ("intact" if report.broken_at is None else f"BROKEN at event {report.broken_at}"))
    print("Report counters: " + ("equal to the records" if not report.figure_differences else
                                 f"{report.figure_differences} differ; run rebuild-figures"))
    return 0 if report.ok else 2


def cmd_rebuild_figures(args: argparse.Namespace, pw: Passphrases) -> int:
    from fieldapp.services import maintenance

    with _workspace(args, pw) as ws:
        cases = maintenance.rebuild_figures(ws)
    print(f"Report counters made again from {cases} cases.")
    return 0


def cmd_users(args: argparse.Namespace, pw: Passphrases) -> int:
    from fieldapp.services import auth

    with _workspace(args, pw) as ws:
        if args.users_command == "list":
            for user in auth.list_users(ws):
                centre = f" centre={user.centre_code}" if user.centre_code else ""
                state = "" if user.active else " (disabled)"
                print(f"{user.username}\t{user.role}\tpost={user.post_code}{centre}{state}")
        elif args.users_command == "add":
            new = pw.ask(f"New passphrase for {args.name}: ", confirm=True)
            auth.add_user(ws, args.name, new, Role(args.role), centre_code=args.centre,
                          display_name=args.display_name or "")
            print(f"Added {args.name} ({args.role}).")
        elif args.users_command == "reset-passphrase":
            new = pw.ask(f"New passphrase for {args.name}: ", confirm=True)
            auth.reset_passphrase(ws, args.name, new)
            print(f"Passphrase of {args.name} reset; tell them in person, not by message.")
    return 0


def cmd_passwd(args: argparse.Namespace, pw: Passphrases) -> int:
    from fieldapp.services import auth

    old = pw.ask(f"Current passphrase for {args.user}: ")
    new = pw.ask("New passphrase: ", confirm=True)
    auth.change_passphrase(_root(args), args.user, old, new)
    print("Passphrase changed. The database was not re-encrypted; only your key wrap changed.")
    return 0


def cmd_forms_import(args: argparse.Namespace, pw: Passphrases) -> int:
    from fieldapp.formkit import xlsform
    from fieldapp.formkit.loader import is_imported, load_all

    out = Path(args.out)
    if out.suffix.lower() not in (".yaml", ".yml"):
        raise UserError("--out: give a .yaml file name (got {name})", name=out.name)
    if not out.parent.is_dir():
        raise UserError("--out: the folder {parent} does not exist; create it first",
                        parent=out.parent)
    if out.exists() and not is_imported(out):
        raise UserError("--out: {out} is a form shipped with the app (or not an imported form) and "
                        "is never overwritten; choose another file name",
                        out=out)
    choices_home = out.parent if (out.parent / "choices").is_dir() else None
    result = xlsform.convert(Path(args.file), record=args.record, forms_dir=choices_home,
                             form_id=args.form_id)
    skipped: list[str] = []
    try:
        others = {fid: f for fid, f in load_all(out.parent, skipped).items()
                  if Path(f.file).resolve() != out.resolve()}
    except FieldAppError:
        others = {}
    if result.form_id in others:
        raise UserError(
            "form_id '{form_id}' is already used by {name}; nothing was written. Give another with "
            "--form-id NAME",
            form_id=result.form_id, name=Path(others[result.form_id].file).name)
    tmp = out.with_name(f".{out.name}.part")
    tmp.write_text(result.yaml_text, encoding="utf-8")
    os.replace(tmp, out)
    print(f"Wrote {out} (form '{result.form_id}', makes a {result.record}).")
    if result.mapped:
        print(f"{len(result.mapped)} question(s) fill record fields:")
        for line in result.mapped:
            print(f"  - {line}")
    print("Every other answer is kept with the record as an extra answer.")
    if result.unsupported:
        print(f"{len(result.unsupported)} note(s) on what was changed or NOT converted:")
        for line in result.unsupported:
            print(f"  - {line}")
    return 0


def cmd_open_window(args: argparse.Namespace, pw: Passphrases) -> int:
    from fieldapp.ui.app import run

    return int(run(_root(args)))


def self_test() -> int:
    """For the packaged app: open a fresh encrypted store in a temp dir, write, read, exit 0."""
    from fieldapp.services import auth, intake

    with tempfile.TemporaryDirectory(prefix="fieldapp-selftest-") as tmp:
        root = Path(tmp) / "store"
        with auth.initialise(root, post_code="POIPET", username="selftest",
                             passphrase="self-test passphrase") as ws:
            rescue = intake.create_rescue(ws, operation_date="2026-01-01", province_code="KH-1",
                                          exploitation_type="labour")
        with auth.unlock(root, "selftest", "self-test passphrase") as ws:
            case = intake.get_case(ws, rescue.id)
            assert case.rescue.case_number == rescue.case_number
        from fieldapp.formkit.loader import load_all
        from fieldapp.resources import forms_dir

        forms = load_all(forms_dir())
    # The libraries that read data files of their own: the passphrase estimate and matching's
    # transliteration (a bundle that lacks their files fails here, not in front of a user).
    from fieldapp.crypto.passphrase import zxcvbn
    from fieldapp.linkage.romanise import to_latin

    assert zxcvbn("self-test passphrase")["guesses"] > 1
    assert to_latin("สมชาย")
    print(f"fieldapp {__version__} self-test passed: encrypted store, record {rescue.case_number}, "
          f"{len(forms)} forms")
    return 0


# -- parser ------------------------------------------------------------------------------
class OneLineParser(argparse.ArgumentParser):
    """Usage errors in one line (exit 2), not the whole usage block."""

    def error(self, message: str) -> Any:
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


Handler = Callable[[argparse.Namespace, Passphrases], int]


def _common_options(top: bool) -> OneLineParser:
    """--data-dir and --passphrase-stdin, accepted before or after the command.

    Only the top-level parser sets defaults: a subcommand's default would overwrite what was
    given before the command (`fieldapp --data-dir X init` must use X).
    """
    common = OneLineParser(add_help=False)
    common.add_argument("--data-dir", default=str(default_data_dir()) if top else argparse.SUPPRESS,
                        help=f"the device's data folder (default: {default_data_dir()})")
    common.add_argument("--passphrase-stdin", action="store_true",
                        default=False if top else argparse.SUPPRESS,
                        help="read passphrases from stdin, one per line, instead of prompting")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(top=False)
    user = OneLineParser(add_help=False)
    user.add_argument("--user", required=True, help="your user name on this device")

    parser = OneLineParser(
        prog="fieldapp", parents=[_common_options(top=True)],
        description="Encrypted intake for trafficking rescues. With no command, opens the window.")
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=cmd_open_window)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str, *parents: OneLineParser,
            group: bool = False) -> argparse.ArgumentParser:
        # A group's options live on its leaves, so they may follow the action's name.
        chosen = [] if group else [common, *parents]
        p = sub.add_parser(name, parents=chosen, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = add("init", cmd_init, "create the encrypted store for a post, with its first user")
    p.add_argument("--post", required=True, help="post code, e.g. POIPET, PAILIN, KOHKONG, BAVET, PTC")
    p.add_argument("--user", required=True)
    p.add_argument("--role", default="supervisor", choices=[r.value for r in USER_ROLES])

    p = add("demo", cmd_demo, "add realistic synthetic cases for training and benchmarks", user)
    p.add_argument("--rescues", type=int, required=True)
    p.add_argument("--seed", type=int, default=1)

    p = add("stats", cmd_stats, "count the records on this device", user)
    p.add_argument("--json", action="store_true")

    p = add("export", cmd_export, "export records (supervisors; audited; the file is NOT encrypted)", user)
    p.add_argument("--format", required=True, choices=["csv", "json", "htcds"])
    p.add_argument("--out", required=True)
    p.add_argument("--redact", action="store_true", help="leave out names and contact details")

    p = add("report", cmd_report, "the year's figures, small cells suppressed (supervisors; audited)",
            user)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--province", help="province code, e.g. KH-1")
    p.add_argument("--post", help="post code, e.g. POIPET")
    p.add_argument("--format", required=True, choices=["pdf", "csv", "json"])
    p.add_argument("--out", required=True)
    p.add_argument("--threshold", type=int, default=5, help="suppress counts below this")
    p.add_argument("--lang", choices=["en", "km"], default="en")

    add("check", cmd_check, "verify the database pages, the audit chain and the report counters",
        user)
    add("rebuild-figures", cmd_rebuild_figures,
        "make the report counters again from the records (a repair; supervisors; audited)", user)

    p = add("users", cmd_users, "list, add or reset users (supervisors)", group=True)
    users = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    users.add_parser("list", help="list users", parents=[common, user])
    ua = users.add_parser("add", help="add a user", parents=[common, user])
    ua.add_argument("name")
    ua.add_argument("--role", required=True, choices=[r.value for r in USER_ROLES])
    ua.add_argument("--centre", help="transit centre code for centre_staff, e.g. PTC")
    ua.add_argument("--display-name")
    ur = users.add_parser("reset-passphrase", parents=[common, user],
                          help="set a new passphrase for a user who forgot theirs")
    ur.add_argument("name")

    add("passwd", cmd_passwd, "change your passphrase", user)

    p = add("forms", cmd_forms_import, "form definitions", group=True)
    forms = p.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    fi = forms.add_parser("import-xlsform", parents=[common],
                          help="convert an XLSForm (.xlsx) to our YAML")
    fi.add_argument("file", help="the workbook (.xlsx or .xls)")
    fi.add_argument("--out", required=True, help="the form file to write, e.g. forms/NAME.yaml")
    from fieldapp.formkit.loader import RECORDS

    fi.add_argument("--record", choices=sorted(RECORDS),
                    help="the record the form makes (default: the settings sheet's, else victim)")
    fi.add_argument("--form-id", help="the form's id (default: the settings sheet's form_id)")

    for register in _extensions():
        register(sub, common, user)
    return parser


def _extensions() -> list[Callable[..., None]]:
    """Commands contributed by other layers (sync), registered only if present."""
    found: list[Callable[..., None]] = []
    try:
        from fieldapp.cli.sync import register
    except ImportError:
        return found
    found.append(register)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    memory.harden_process()
    fileperm.owner_only()  # exports, logs, bundles, the store: 0600, whatever the umask was
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed a one-line usage error
        return 2 if exc.code not in (0, None) else 0
    if args.self_test:
        logs.setup(None)
        return _guarded(lambda: self_test())
    root = _root(args)
    logs.setup(root / "logs" if DataDir(root).exists() else None)
    pw = Passphrases(args.passphrase_stdin)
    return _guarded(lambda: args.handler(args, pw))


def _guarded(action: Callable[[], int]) -> int:
    try:
        return action()
    except FieldAppError as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        if isinstance(exc, PassphraseTooWeak):  # the passphrase policy explains in Khmer too
            print(f"fieldapp: {vocabulary.error_text(exc, 'km')}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("fieldapp: interrupted; nothing half-written was kept", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so in one line, details to the log without values
        full = storage_error(exc, None)
        if full is not None:  # a full disk or read-only folder outside the store (keystore…)
            print(f"fieldapp: {full}", file=sys.stderr)
            return 2
        log.error("internal error: %s", type(exc).__name__, exc_info=False)
        print(f"fieldapp: internal error ({type(exc).__name__}); please report it", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
