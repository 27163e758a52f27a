"""Sending while Régua is closed: what registering writes and runs on each system (the system tools are
stood in for by a recorder; the files are real, in a throw-away HOME), replacing and removing it, and
`send-due` noting its run for the Today screen."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.domain.errors import ReguaError
from desktop_app.services.mail import scheduler

NOW = datetime(2026, 11, 24, 15, 0)


class Tools:
    """Records the commands; `crontab -l` answers with what `crontab -` last received."""

    def __init__(self, *, systemd: bool = True, fail: str = "") -> None:
        self.calls: list[list[str]] = []
        self.crontab = "MAILTO=\"\"\n0 3 * * * /usr/bin/backup-photos\n"
        self.systemd, self.fail = systemd, fail

    def __call__(self, cmd, stdin=None):
        self.calls.append(list(cmd))
        if self.fail and self.fail in cmd:
            return subprocess.CompletedProcess(cmd, 1, "", "Access is denied.")
        if cmd[:2] == ["systemctl", "--user"] and cmd[2] == "is-system-running":
            return subprocess.CompletedProcess(cmd, 0 if self.systemd else 3, "running\n", "")
        if cmd == ["crontab", "-l"]:
            return subprocess.CompletedProcess(cmd, 0, self.crontab, "")
        if cmd == ["crontab", "-"]:
            self.crontab = stdin
        return subprocess.CompletedProcess(cmd, 0, "", "")


def test_linux_with_systemd_gets_a_user_timer(paths, actor, shop_settings, tmp_path, monkeypatch):
    monkeypatch.setattr(scheduler.shutil, "which", lambda name: "/usr/bin/" + name)
    tools = Tools()
    plan = scheduler.register(paths, actor=actor, now=NOW, platform="linux", home=tmp_path, runner=tools)
    unit_dir = tmp_path / ".config/systemd/user"
    service = (unit_dir / "regua-send-due.service").read_text()
    assert plan.kind == "systemd" and "send-due" in service and str(paths.db_path) in service
    assert "OnUnitActiveSec=15min" in (unit_dir / "regua-send-due.timer").read_text()
    assert ["systemctl", "--user", "enable", "--now", "regua-send-due.timer"] in tools.calls
    scheduler.unregister(actor=actor, platform="linux", runner=tools)
    assert not (unit_dir / "regua-send-due.service").exists() and scheduler.registered() is None
    assert ["systemctl", "--user", "disable", "--now", "regua-send-due.timer"] in tools.calls


def test_linux_without_systemd_gets_one_crontab_line_and_keeps_the_others(paths, actor, shop_settings, tmp_path,
                                                                          monkeypatch):
    monkeypatch.setattr(scheduler.shutil, "which", lambda name: None)
    tools = Tools(systemd=False)
    for _ in range(2):  # registering again replaces, never doubles
        scheduler.register(paths, actor=actor, now=NOW, platform="linux", home=tmp_path, runner=tools)
    lines = tools.crontab.splitlines()
    assert lines[:2] == ['MAILTO=""', "0 3 * * * /usr/bin/backup-photos"]
    assert len([x for x in lines if "send-due" in x]) == 1 and lines[-1].startswith("*/15 * * * * ")
    scheduler.unregister(actor=actor, platform="linux", runner=tools)
    assert "send-due" not in tools.crontab and "backup-photos" in tools.crontab


def test_macos_gets_a_launch_agent_and_windows_a_task(paths, actor, shop_settings, tmp_path):
    mac = scheduler.plan_for("darwin", paths, tmp_path, systemd=False)
    (path, plist), = mac.files.items()
    assert path.endswith("Library/LaunchAgents/org.regua.send-due.plist")
    assert "<integer>900</integer>" in plist and "<string>send-due</string>" in plist
    win = scheduler.plan_for("win32", paths, Path("C:/Users/ana"), systemd=False)
    assert win.commands[0][:6] == ["schtasks", "/Create", "/SC", "MINUTE", "/MO", "15"]
    assert win.commands[0][win.commands[0].index("/TR") + 1].endswith("send-due")


def test_a_refusing_scheduler_is_explained_and_nothing_is_recorded(paths, actor, shop_settings, tmp_path):
    tools = Tools(fail="schtasks")
    with pytest.raises(ReguaError) as err:
        scheduler.register(paths, actor=actor, now=NOW, platform="win32", home=tmp_path, runner=tools)
    assert err.value.code == "scheduler_failed" and "Access is denied" in err.value.message()
    assert scheduler.registered() is None
