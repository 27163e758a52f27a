"""Sending while Régua is closed: register `regua send-due` with the operating system's scheduler every
15 minutes, and remove it again. Per user, never system-wide:

- Windows: a Task Scheduler task for this user (`schtasks /Create /SC MINUTE /MO 15 ...`);
- macOS: a LaunchAgent (`~/Library/LaunchAgents/org.regua.send-due.plist`, StartInterval 900);
- Linux: a systemd user timer (`~/.config/systemd/user/regua-send-due.{service,timer}`), or a crontab
  line where systemd's user instance is not running.

`send-due` itself only sends inside the shop's send window, so the job can run around the clock. The
outbox keeps the scheduled run and the open app from ever sending the same message twice.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.config import Paths
from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.permissions import require
from desktop_app.services.shop import audit
from desktop_app.services.shop.shop import get_setting, set_setting

TASK_NAME = "Regua send-due"
UNIT = "regua-send-due"
AGENT = "org.regua.send-due"
CRON_MARK = "# regua send-due"
INTERVAL_MIN = 15
SETTING_KEY = "scheduler"
LAST_RUN_KEY = "send_due_last_run"

Runner = Callable[[Sequence[str], str | None], subprocess.CompletedProcess]


def _run(cmd: Sequence[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(list(cmd), input=stdin, capture_output=True, text=True, timeout=30)


def command(paths: Paths) -> list[str]:
    """The command the scheduler runs: the installed executable (or this Python with the package)."""
    db = paths.public_url if paths.is_server else str(paths.db_path)  # a server's: no password (the keyring's)
    if getattr(sys, "frozen", False):
        return [sys.executable, "--db", db, "send-due"]
    return [sys.executable, "-m", "desktop_app", "--db", db, "send-due"]


@dataclass(frozen=True, slots=True)
class Plan:
    kind: str  # schtasks | launchd | systemd | cron
    files: dict[str, str]  # path -> content written
    commands: list[list[str]]  # run after writing, in order


def plan_for(platform: str, paths: Paths, home: Path, *, systemd: bool) -> Plan:
    """What registering means on `platform` (sys.platform), written out so it can be shown and tested."""
    cmd = command(paths)
    if platform.startswith("win"):
        tr = subprocess.list2cmdline(cmd)
        return Plan("schtasks", {}, [["schtasks", "/Create", "/SC", "MINUTE", "/MO", str(INTERVAL_MIN),
                                      "/TN", TASK_NAME, "/TR", tr, "/F"]])
    if platform == "darwin":
        args = "".join(f"\n        <string>{_xml(a)}</string>" for a in cmd)
        plist = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
    <key>Label</key><string>{AGENT}</string>
    <key>ProgramArguments</key>
    <array>{args}
    </array>
    <key>StartInterval</key><integer>{INTERVAL_MIN * 60}</integer>
    <key>StandardErrorPath</key><string>{_xml(str(paths.log_dir / "send-due.log"))}</string>
</dict>
</plist>
"""
        path = home / "Library" / "LaunchAgents" / f"{AGENT}.plist"
        return Plan("launchd", {str(path): plist}, [["launchctl", "load", "-w", str(path)]])
    if systemd:
        unit_dir = home / ".config" / "systemd" / "user"
        service = f"""[Unit]
Description=Régua: send the e-mails the régua has due

[Service]
Type=oneshot
ExecStart={" ".join(_systemd_quote(a) for a in cmd)}
"""
        timer = f"""[Unit]
Description=Régua: send the due e-mails every {INTERVAL_MIN} minutes

[Timer]
OnBootSec=2min
OnUnitActiveSec={INTERVAL_MIN}min
Persistent=true

[Install]
WantedBy=timers.target
"""
        return Plan("systemd", {str(unit_dir / f"{UNIT}.service"): service, str(unit_dir / f"{UNIT}.timer"): timer},
                    [["systemctl", "--user", "daemon-reload"],
                     ["systemctl", "--user", "enable", "--now", f"{UNIT}.timer"]])
    line = f"*/{INTERVAL_MIN} * * * * {' '.join(shlex.quote(a) for a in cmd)} {CRON_MARK}"
    return Plan("cron", {"crontab": line}, [])


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _systemd_quote(arg: str) -> str:
    """An ExecStart word: quoted (backslashes and quotes escaped) when it holds a space or a quote."""
    if not any(ch in arg for ch in ' "\\'):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _has_systemd_user(runner: Runner) -> bool:
    if not shutil.which("systemctl"):
        return False
    try:
        return runner(["systemctl", "--user", "is-system-running"], None).returncode in (0, 1)
    except (OSError, subprocess.SubprocessError):
        return False


def register(paths: Paths, *, actor: Actor, now: datetime, platform: str = sys.platform, home: Path | None = None,
             runner: Runner = _run) -> Plan:
    """Register the job (replacing an older registration). Raises ReguaError with the scheduler's words."""
    require(actor, "settings.change")
    home = home or Path.home()
    plan = plan_for(platform, paths, home, systemd=not platform.startswith(("win", "darwin"))
                    and _has_systemd_user(runner))
    try:
        for path, content in plan.files.items():
            if path == "crontab":
                _cron_install(content, runner)
                continue
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            Path(path).write_text(content, encoding="utf-8")
        for cmd in plan.commands:
            result = runner(cmd, None)
            if result.returncode != 0:
                raise ReguaError("scheduler_failed", reason=(result.stderr or result.stdout).strip()[:200])
    except OSError as exc:
        raise ReguaError("scheduler_failed", reason=exc.strerror or exc) from exc
    set_setting(SETTING_KEY, {"kind": plan.kind, "at": now.isoformat(" "), "files": sorted(plan.files)})
    audit.record(actor, "scheduler.register", plan.kind)
    return plan


def _cron_install(line: str, runner: Runner) -> None:
    current = runner(["crontab", "-l"], None)
    lines = [x for x in (current.stdout.splitlines() if current.returncode == 0 else []) if CRON_MARK not in x]
    result = runner(["crontab", "-"], "\n".join([*lines, line]) + "\n")
    if result.returncode != 0:
        raise ReguaError("scheduler_failed", reason=result.stderr.strip()[:200])


def unregister(*, actor: Actor, platform: str = sys.platform, runner: Runner = _run) -> None:
    require(actor, "settings.change")
    state = registered()
    if not state:
        return
    kind = state.get("kind")
    if kind == "schtasks":
        runner(["schtasks", "/Delete", "/TN", TASK_NAME, "/F"], None)
    elif kind == "launchd":
        for path in state.get("files", []):
            runner(["launchctl", "unload", "-w", path], None)
            Path(path).unlink(missing_ok=True)
    elif kind == "systemd":
        runner(["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"], None)
        for path in state.get("files", []):
            Path(path).unlink(missing_ok=True)
        runner(["systemctl", "--user", "daemon-reload"], None)
    elif kind == "cron":
        current = runner(["crontab", "-l"], None)
        if current.returncode == 0:
            kept = [x for x in current.stdout.splitlines() if CRON_MARK not in x]
            runner(["crontab", "-"], "\n".join(kept) + ("\n" if kept else ""))
    set_setting(SETTING_KEY, {})
    audit.record(actor, "scheduler.unregister", kind or "")


def registered() -> dict | None:
    value = get_setting(SETTING_KEY)
    return value if isinstance(value, dict) and value else None


def note_run(now: datetime) -> None:
    """`send-due` says it ran, so the Today screen can show when the scheduler last did."""
    set_setting(LAST_RUN_KEY, now.isoformat(" "))


def last_run() -> datetime | None:
    value = get_setting(LAST_RUN_KEY)
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
