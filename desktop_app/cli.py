"""The command line: argparse subcommands that run headless. Never imports PySide6.

Exit codes (DESIGN.md section 6): 0 ok, 1 the job failed (message on stderr, nothing half-written),
2 bad usage (argparse's own exit code). The command line acts as the owner.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date

from desktop_app import APP_NAME, __version__
from desktop_app.config import Paths, resolve_paths
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.kinds import KINDS

DEFAULT_DEMO_CUSTOMERS = 3000
MAX_DEMO_CUSTOMERS = 2_000_000


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="regua",
        description=f"{APP_NAME}: a customer relationship manager for small shops. "
                    "Without a subcommand it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--demo", action="store_true", help="use the demo shop (created on first use)")
    parser.add_argument("--db", metavar="PATH|URL", help="the database to use: a file (a path, or sqlite:///PATH) or "
                        "the shop's server (postgresql://USER@HOST:5432/DATABASE; store its password with "
                        "`regua server-password set URL`)")
    parser.add_argument("--data-dir", metavar="DIR", help="the folder for the database, backups and logs")
    parser.add_argument("--till", metavar="NAME", help="this till's name, recorded on every entry (default: the one "
                        "given in the window's Shop settings, else the computer's name)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="set up a new, empty shop without opening the window")
    init.add_argument("--name", required=True, help="the shop's name")
    init.add_argument("--country", required=True, metavar="CC", help="two letters: BR, PT, US... (phone prefix, currency)")
    init.add_argument("--timezone", metavar="TZ", help="e.g. America/Sao_Paulo (default: the country's)")
    init.add_argument("--language", metavar="L", help="en, pt_BR or pt_PT (default: the country's)")

    demo = sub.add_parser("demo", help="fill a new or empty database with a realistic demo shop")
    demo.add_argument("--customers", type=int, default=DEFAULT_DEMO_CUSTOMERS, metavar="N",
                      help=f"how many customers (default {DEFAULT_DEMO_CUSTOMERS})")
    demo.add_argument("--seed", type=int, default=7, help=argparse.SUPPRESS)
    demo.add_argument("--date", metavar="YYYY-MM-DD",
                      help="make the shop's history as of this day (default today); tests and scripts pass it")

    search = sub.add_parser("search", help="find customers by name, phone digits, e-mail, card code or tax id")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=int, default=50, metavar="N", help="at most N customers (default 50)")
    search.add_argument("--json", action="store_true", help="print one JSON document")
    imp = sub.add_parser("import", help="import customers from an xlsx, xls, ods or csv file")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first with data)")
    imp.add_argument("--dry-run", action="store_true", help="check everything and report, write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as one JSON document")
    imp.add_argument("--file-wins", action="store_true",
                     help="update existing customers with the file's values (default: only fill what is empty)")

    exp = sub.add_parser("export", help="export the customer list to FILE.xlsx or FILE.csv")
    exp.add_argument("file", metavar="FILE")

    log = sub.add_parser("log", help="log what happened with a customer (a visit, a purchase, a complaint...)")
    log.add_argument("customer", metavar="CUSTOMER", help="an id (#12), an e-mail, a phone or a card code")
    log.add_argument("--kind", required=True, choices=KINDS)
    log.add_argument("--amount", metavar="X", help="the amount, e.g. 49,90 (purchases and refunds need one)")
    log.add_argument("--note", default="", metavar="TEXT")
    log.add_argument("--date", metavar="YYYY-MM-DD", help="the day it happened (default today)")
    log.add_argument("--follow-up", metavar="YYYY-MM-DD",
                     help="for quotes, reservations, special orders and try-ons: when to follow up (default a week)")
    closes = log.add_mutually_exclusive_group()
    closes.add_argument("--closes", action="append", default=[], metavar="ID",
                        help="for a purchase: the open quote, reservation, special order or try-on it closes "
                             "(#ID or ID, as `regua log` printed it; repeat for several); its follow-up is withdrawn")
    closes.add_argument("--closes-all-open", action="store_true",
                        help="for a purchase: close every open quote, reservation, special order and try-on "
                             "of the customer")

    due = sub.add_parser("due", help="what the régua has for customers on a day: birthdays, follow-ups, welcomes...")
    due.add_argument("--date", metavar="YYYY-MM-DD", help="the first day (default today)")
    due.add_argument("--days", type=int, default=1, metavar="N", help="how many days from it (default 1, at most 31)")
    due.add_argument("--json", action="store_true", help="print one JSON document")

    send = sub.add_parser("send-due", help="send the e-mails the régua has due (what the OS scheduler runs)")
    send.add_argument("--date", metavar="YYYY-MM-DD", help="act as if today were this day, at the opening of the send window")
    send.add_argument("--dry-run", action="store_true", help="count what would be sent, send nothing")
    send.add_argument("--json", action="store_true", help="print the counts as one JSON document")

    smtp = sub.add_parser("smtp", help="the shop's mail account: set it up, or test it")
    smtp_sub = smtp.add_subparsers(dest="smtp_command", metavar="ACTION", required=True)
    smtp_set = smtp_sub.add_parser("set", help="save the account; the password goes to the OS keyring")
    smtp_set.add_argument("--host", required=True)
    smtp_set.add_argument("--port", type=int, required=True)
    smtp_set.add_argument("--security", choices=("starttls", "ssl"), required=True)
    smtp_set.add_argument("--user", required=True)
    smtp_set.add_argument("--from", dest="from_addr", required=True, metavar="ADDR")
    smtp_set.add_argument("--name", default="", help="the sender's name (default: the shop's name)")
    smtp_set.add_argument("--daily-limit", type=int, default=200, metavar="N")
    smtp_set.add_argument("--per-minute", type=int, default=20, metavar="N")
    smtp_set.add_argument("--password-stdin", action="store_true",
                          help="read the password from standard input (never give it as an argument)")
    smtp_sub.add_parser("test", help="connect, log in and say what happened")

    check = sub.add_parser("self-check", help="say what this installation finds: SQLite, the database, the keyring, "
                                              "translations, icons and the system libraries the window needs")
    check.add_argument("--json", action="store_true", help="print one JSON document")

    backup = sub.add_parser("backup", help="a checked copy of the shop's database (into the backups folder, or DEST)")
    backup.add_argument("dest", nargs="?", metavar="DEST", help="a folder or a file name")
    restore = sub.add_parser("restore", help="replace the shop's data with a checked copy (the current data is kept)")
    restore.add_argument("src", metavar="SRC")
    move_to = sub.add_parser("move-to", help="copy the shop (--db, or the default) into an empty database: a "
                                             "postgresql:// URL or a new .db file; every table is checked, the shop "
                                             "itself is not changed")
    move_to.add_argument("target", metavar="TARGET")
    server_pw = sub.add_parser("server-password", help="keep the shop server's password in the OS keyring")
    server_pw.add_argument("action", choices=("set", "forget"))
    server_pw.add_argument("url", metavar="URL", help="postgresql://USER@HOST:5432/DATABASE (no password in it)")
    server_pw.add_argument("--password-stdin", action="store_true", help="read it from standard input (else asked)")
    return parser


def _paths(args: argparse.Namespace) -> Paths:
    from desktop_app.services.shop import server  # a server's URL gets the keyring's password (in memory)

    return server.ready(resolve_paths(db=args.db, data_dir=args.data_dir, demo=args.demo))


def _actor(args: argparse.Namespace):
    """The command line, acting as the owner, at this till (--till, else this PC's name: services/shop/till.py)."""
    from desktop_app.domain.actors import COMMAND_LINE
    from desktop_app.services.shop import till

    return till.at_this_till(COMMAND_LINE, resolve_paths(db=args.db, data_dir=args.data_dir, demo=args.demo), args.till)


def _open_shop(args: argparse.Namespace):
    """Open the existing database and return its shop settings; refuse one that was never set up."""
    from desktop_app.services.shop import shop

    paths = _paths(args)
    try:
        shop.open_shop(paths, create=False)
    except ReguaError as exc:
        if exc.code == "db_not_found":  # a path with no shop: say how to make one
            raise ReguaError("shop_not_found", path=paths.shown) from None
        raise
    settings = shop.shop_settings()
    if settings is None:
        raise ReguaError("shop_not_set_up")
    return settings


def cmd_init(args: argparse.Namespace, out) -> int:
    """A new shop's settings, checked as the first-run screen checks them; the owner's account is made
    the first time the window opens on it. A shop that is already set up is left as it is."""
    from desktop_app.domain.errors import ValidationError
    from desktop_app.services.shop import shop
    from desktop_app.services.shop.shop import ShopSettings

    country = args.country.strip().upper()
    paths = _paths(args)
    shop.open_shop(paths, create=True)
    existing = shop.shop_settings()
    if existing is not None:
        raise ReguaError("shop_already_set_up", name=existing.name)
    try:
        settings = ShopSettings.for_country(args.name, country, args.timezone)
    except KeyError:
        raise ValidationError("country", "country_invalid") from None
    if args.language:
        settings = ShopSettings(settings.name, settings.country, settings.timezone, args.language, settings.currency)
    saved = shop.save_shop_settings(settings.validated())
    print(f"shop “{saved.name}” set up in {paths.shown} ({saved.country}, {saved.timezone}, {saved.language});"
          " open Régua on it to create the owner's account", file=out)
    return 0


def cmd_demo(args: argparse.Namespace, out) -> int:
    from desktop_app.domain.dates import local_today, parse_iso_date
    from desktop_app.services.customers import customers
    from desktop_app.services.shop import demo, shop

    if not 1 <= args.customers <= MAX_DEMO_CUSTOMERS:
        raise ReguaError("customers_invalid")
    paths = _paths(args)
    shop.open_shop(paths, create=True)
    existing = customers.count()
    if existing:
        raise ReguaError("demo_not_empty", count=existing)
    today = parse_iso_date(args.date) if args.date else local_today(demo.DEMO_SHOP.timezone)
    added = demo.generate(args.customers, today=today, seed=args.seed)
    print(f"{added} demo customers in {paths.shown}", file=out)
    return 0


def cmd_search(args: argparse.Namespace, out) -> int:
    from desktop_app.services.customers import customers

    settings = _open_shop(args)
    ids = customers.search(args.text, limit=args.limit)
    rows = customers.rows(ids, settings)
    if args.json:
        doc = [
            {"id": r.id, "name": r.name, "phone": r.phone_e164, "email": r.email or None, "city": r.city or None,
             "birthday": r.birthday.as_text() if r.birthday else None,
             "last_seen": r.last_seen.isoformat() if isinstance(r.last_seen, date) else None}
            for r in rows
        ]
    else:
        doc = None
    _print_rows(doc, [f"#{r.id}\t{r.name}\t{r.phone}\t{r.email}\t{r.city}" for r in rows], "no customers found", out)
    return 0


def cmd_log(args: argparse.Namespace, out) -> int:
    from desktop_app.domain.dates import local_today, parse_iso_date
    from desktop_app.domain.kinds import UNFINISHED
    from desktop_app.domain.money import format_cents
    from desktop_app.services.customers import customers, interactions

    if (args.closes or args.closes_all_open) and args.kind != "purchase":
        build_parser().error("--closes and --closes-all-open go with --kind purchase")
    closes = [_entry_id(text) for text in args.closes]
    settings = _open_shop(args)
    entry = interactions.LogEntry(
        kind=args.kind, amount=args.amount, note=args.note,
        on=parse_iso_date(args.date) if args.date else None,
        follow_up_on=parse_iso_date(args.follow_up, "follow_up") if args.follow_up else None, closes=closes)
    customer = customers.find_by_reference(args.customer, settings)
    if args.closes_all_open:
        closes = entry.closes = [i.id for i in interactions.open_items(customer.id) if i.kind in UNFINISHED]
    new_id = interactions.log_interaction(customer.id, entry, actor=_actor(args), shop=settings,
                                          today=local_today(settings.timezone), source="cli")
    amount = f" {format_cents(interactions.amount_of(new_id), settings.currency)}" \
        if interactions.amount_of(new_id) is not None else ""
    closed = f"; closed {', '.join(f'#{i}' for i in closes)}" if closes else ""
    print(f"logged #{new_id}: {args.kind}{amount} for {customer.name} (#{customer.id}){closed}", file=out)
    still = [i for i in interactions.open_items(customer.id) if i.kind in UNFINISHED] if args.kind == "purchase" else []
    if still:  # the window asks which ones a purchase closes; here the script says it, or they stay open
        print(f"still open: {', '.join(f'#{i.id} {i.kind}' for i in still)} (close them with --closes ID)",
              file=sys.stderr)
    return 0


def _entry_id(text: str) -> int:
    """An interaction id as `regua log` prints it (#12) or bare (12)."""
    digits = text.strip().removeprefix("#")
    if not digits.isdigit():
        build_parser().error(f"--closes: not an entry id: {text!r}")
    return int(digits)


def cmd_import(args: argparse.Namespace, out) -> int:
    from desktop_app.domain.dates import local_today
    from desktop_app.services.spreadsheets import import_plan, import_write
    from desktop_app.services.spreadsheets.import_types import ImportOptions
    from desktop_app.services.spreadsheets.spreadsheet import read_table

    table = read_table(args.file, args.sheet)  # a bad file is refused before the database is touched
    settings = _open_shop(args)
    today = local_today(settings.timezone)
    plan = import_plan.plan_import(table, settings, today, ImportOptions(file_wins=args.file_wins))
    batch = None if args.dry_run else import_write.commit_import(plan, actor=_actor(args), shop=settings, today=today)
    report = plan.report(batch, args.dry_run)
    if args.json:
        json.dump(report, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        verb = "would create" if args.dry_run else "created"
        print(f"{report['rows']} rows: {verb} {report['created']}, updated {report['updated']}, "
              f"merged {report['merged']}, skipped {report['skipped']}"
              + (f" (batch {batch})" if batch else ""), file=out)
        for issue in report["issues"]:
            print(f"  row {issue['row']}, {issue['column']}: {issue['severity']}: {issue['message']}"
                  f" [{issue['value']}]", file=out)
    return 0


def cmd_export(args: argparse.Namespace, out) -> int:
    from desktop_app.services.spreadsheets import exporter

    settings = _open_shop(args)
    count = exporter.export_customers(args.file, actor=_actor(args), shop=settings)
    print(f"{count} customers written to {args.file}", file=out)
    return 0


def _print_rows(doc: list[dict] | None, lines: list[str], nothing: str, out) -> None:
    """`doc` as one JSON list (one item per line, written at once: readable, and fast for 10,000 items,
    where the indenting encoder writes in tiny pieces), or else the tab-separated lines; `nothing` goes
    to stderr when there is nothing to show."""
    if doc is not None:
        out.write("[\n" + ",\n".join(json.dumps(i, ensure_ascii=False) for i in doc) + "\n]\n")
    else:
        out.write("".join(line + "\n" for line in lines))
        if not lines:
            print(nothing, file=sys.stderr)


def cmd_due(args: argparse.Namespace, out) -> int:
    from desktop_app.domain.dates import local_today, parse_iso_date
    from desktop_app.services.cadence import planner

    if not 1 <= args.days <= 31:
        raise ReguaError("days_invalid")
    first = parse_iso_date(args.date) if args.date else None
    settings = _open_shop(args)
    items = planner.preview(first or local_today(settings.timezone), args.days, shop=settings)
    doc = [{"date": i.send_on.isoformat(), "step": i.step, "customer_id": i.customer_id, "customer": i.customer,
            "channel": i.channel} for i in items] if args.json else None
    _print_rows(doc, [f"{i.send_on.isoformat()}\t{i.step}\t{i.channel}\t#{i.customer_id}\t{i.customer}"
                      for i in items], "nothing due", out)
    return 0


def cmd_send_due(args: argparse.Namespace, out) -> int:
    from datetime import UTC

    from desktop_app.domain import cadence as steps
    from desktop_app.domain.dates import local_today, parse_iso_date, utc_now, zone
    from desktop_app.services.cadence import planner
    from desktop_app.services.mail import sender

    forced = parse_iso_date(args.date) if args.date else None
    settings = _open_shop(args)
    today = forced or local_today(settings.timezone)
    if forced is None and not args.dry_run:
        from desktop_app.services.mail import scheduler

        scheduler.note_run(utc_now())  # the Today screen shows when the scheduler last came by
    if args.dry_run:  # what the planner and the sender would do, without writing a row
        due = [i for i in planner.preview(today, 1, shop=settings)
               if i.channel == steps.EMAIL and i.status == steps.PLANNED]
        _print_counts({"would_send": len(due)}, args.json, out)
        return 0
    local_now = None if forced else utc_now().replace(tzinfo=UTC).astimezone(zone(settings.timezone))
    counts = sender.scheduled_send(today, shop=settings, local_now=local_now)
    _print_counts(counts, args.json, out)
    return 0


def _print_counts(counts: dict[str, int], as_json: bool, out) -> None:
    if as_json:
        json.dump(counts, out, sort_keys=True)
        out.write("\n")
    else:
        print(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "nothing due", file=out)


def cmd_smtp(args: argparse.Namespace, out) -> int:
    from desktop_app.domain.mail import SmtpAccount
    from desktop_app.services.mail import mailer

    settings = _open_shop(args)
    if args.smtp_command == "set":
        password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None
        acc = SmtpAccount(args.host, args.port, args.security, args.user, args.from_addr,
                          args.name or settings.name, daily_limit=args.daily_limit, per_minute=args.per_minute)
        acc = mailer.save_account(acc, password, actor=_actor(args))
        stored = " (password stored in the keyring)" if password else ""
        print(f"mail account saved: {acc.user} on {acc.host}:{acc.port} ({acc.security}){stored}", file=out)
        return 0
    acc = mailer.account()
    if acc is None:
        raise ReguaError("smtp_not_set_up")
    mailer.test_account(acc)
    print(f"ok: connected to {acc.host}:{acc.port}, encrypted, logged in as {acc.user}", file=out)
    return 0


QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")  # the first bytes of every Qt .qm file

# What Qt's X11 platform plugin (libqxcb.so, also the fallback under Wayland) loads from the system, with
# the Debian/Ubuntu package of each. Qt 6.5 added libxcb-cursor0, which a fresh Debian 12 lacks: without
# it the window does not open and Qt says only "could not load the Qt platform plugin xcb".
QT_LINUX_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"), ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"), ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"), ("libxcb-shm.so.0", "libxcb-shm0"), ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"), ("libxcb-xfixes.so.0", "libxcb-xfixes0"), ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxcb-render.so.0", "libxcb-render0"), ("libxcb.so.1", "libxcb1"), ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"), ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libEGL.so.1", "libegl1"), ("libGL.so.1", "libgl1"), ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"), ("libglib-2.0.so.0", "libglib2.0-0"),
)


def missing_qt_libraries(load=None) -> list[tuple[str, str]]:
    """The (library, Debian package) pairs the window needs on Linux and the dynamic loader cannot find.
    Loads each by name with ctypes (never Qt itself, so this works where the window would not)."""
    import ctypes

    load = load or ctypes.CDLL
    missing = []
    for library, package in QT_LINUX_LIBRARIES:
        try:
            load(library)
        except OSError:
            missing.append((library, package))
    return missing


def cmd_self_check(args: argparse.Namespace, out) -> int:
    """What an installer or a support call needs to know, without opening a window."""
    import platform
    import xml.etree.ElementTree as ET

    from desktop_app.config import resources_dir
    from desktop_app.db.database import engine
    from desktop_app.db.migrations import HEAD
    from desktop_app.services.shop import secrets, server

    paths = _paths(args)
    res = resources_dir()
    translations = sorted(p.name for p in (res / "translations").glob("*.qm") if p.read_bytes()[:16] == QM_MAGIC)
    icons = []
    for icon in sorted((res / "icons").glob("*.svg")):
        try:
            ET.parse(icon)
            icons.append(icon.name)
        except ET.ParseError:
            pass
    report = {
        "version": __version__, "python": platform.python_version(), "sqlite": engine().version(),
        "schema": HEAD, "frozen": bool(getattr(sys, "frozen", False)), "data_dir": str(paths.data_dir),
        **server.database_report(paths),
        "keyring": secrets.backend_name() or None, "translations": translations, "icons": icons,
        "resources": str(res),
    }
    ok = bool(translations) and bool(icons)
    window_problem = ""
    if sys.platform.startswith("linux"):
        missing = missing_qt_libraries()
        packages = [package for _, package in missing]
        report["qt_libraries_missing"] = [library for library, _ in missing]
        report["qt_install"] = f"sudo apt install {' '.join(packages)}" if packages else ""
        if missing:
            window_problem = ("the window cannot open: missing " + ", ".join(report["qt_libraries_missing"])
                              + f"; on Debian or Ubuntu: {report['qt_install']}")
            import os

            ok = ok and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))  # a desktop: it matters
    if args.json:
        json.dump({**report, "ok": ok}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for key, value in report.items():
            if key in ("qt_libraries_missing", "qt_install"):
                continue
            shown = ", ".join(value) if isinstance(value, list) else value
            print(f"{key:16} {shown if shown not in (None, '') else 'NOT FOUND'}", file=out)
        if "qt_libraries_missing" in report:
            print(f"{'window':16} {window_problem or 'the libraries Qt needs are all there'}", file=out)
        if ok:
            print("ok", file=out)
        else:
            print("PROBLEMS: " + "; ".join(p for p in (
                "translations or icons are missing" if not (translations and icons) else "", window_problem) if p),
                file=out)
    return 0 if ok else 1


def cmd_backup(args: argparse.Namespace, out) -> int:
    from desktop_app.domain.dates import utc_now
    from desktop_app.services.shop import backups

    _open_shop(args)
    path = backups.backup_now(_paths(args), args.dest, actor=_actor(args), now=utc_now())
    print(f"backup written to {path}", file=out)
    return 0


def cmd_restore(args: argparse.Namespace, out) -> int:
    from desktop_app.domain.dates import utc_now
    from desktop_app.services.shop import backups, move

    if _paths(args).is_server:  # onto a server: its rows replaced in one transaction (services/shop/move.py)
        done = move.restore_onto_server(_paths(args).url, args.src, actor=_actor(args), now=utc_now(),
                                        backup_dir=_paths(args).backup_dir)
        print(f"restored from {args.src} into {_paths(args).shown}"
              + (f"; the data it replaced is kept in {done.kept}" if done.kept else ""), file=out)
        return 0
    # the copy is checked before the live database is opened; a missing or unusable one is replaced
    done = backups.restore_command(_paths(args), args.src, actor=_actor(args), now=utc_now())
    if done.kept is None:
        print(f"restored from {args.src} into {_paths(args).shown}", file=out)
    elif done.state == "unusable":
        print(f"restored from {args.src}; the file it replaced was not a usable Régua shop and is kept in "
              f"{done.kept}", file=out)
    else:
        print(f"restored from {args.src}; the data it replaced is kept in {done.kept}", file=out)
    return 0


def cmd_server_password(args: argparse.Namespace, out) -> int:
    from desktop_app.services.shop import server

    if args.action == "forget":
        server.forget_password(args.url)
        print(f"password for {server.password_key(args.url)} removed from the keyring", file=out)
        return 0
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass(f"password for {server.password_key(args.url)}: ")
    print(f"password for {server.set_password_command(args.url, password)} stored in the keyring", file=out)
    return 0


def cmd_move_to(args: argparse.Namespace, out) -> int:
    from desktop_app.config import without_password
    from desktop_app.services.shop import move, server

    remote = move.is_server(args.target)
    target = server.connect_url(args.target) if remote else args.target  # the keyring's password, TLS
    done = move.move_shop(_paths(args).target, target, actor=_actor(args))
    print(move.report_text(done, shown=without_password(args.target) if remote else args.target), file=out)
    return 0


COMMANDS = {"server-password": cmd_server_password, "init": cmd_init, "self-check": cmd_self_check, "demo": cmd_demo, "backup": cmd_backup, "restore": cmd_restore, "send-due": cmd_send_due, "smtp": cmd_smtp, "due": cmd_due, "search": cmd_search, "log": cmd_log, "import": cmd_import, "export": cmd_export, "move-to": cmd_move_to}


def run(argv: Sequence[str] | None = None, out=None, err=None) -> int:
    """Run a headless subcommand. Returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    if args.command is None:  # the GUI entry point handles this; keep the contract for direct callers
        build_parser().print_usage(err)
        return 2
    try:
        return COMMANDS[args.command](args, out)
    except ReguaError as exc:
        print(f"regua: {exc.message()}", file=err)
        return 1
    except BrokenPipeError:  # `regua due | head`: the reader stopped listening; no traceback
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:  # a busy database is never a traceback, wherever SQLite said it
        from desktop_app.db.database import busy_error

        busy = busy_error(exc)
        if busy is None:
            raise
        print(f"regua: {busy.message()}", file=err)
        return 1
    finally:
        from desktop_app.db.database import close_database

        close_database()


def parse_global(argv: Sequence[str]) -> argparse.Namespace:
    """Parse only to decide between GUI and headless; exits 2 on bad usage like any command."""
    return build_parser().parse_args(argv)
