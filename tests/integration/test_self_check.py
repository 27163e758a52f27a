"""`regua self-check` on Linux names the system libraries the window needs and lacks (issue 17, item 16):
a fresh Debian 12 has no libxcb-cursor0, and the window then fails with Qt's "could not load the Qt
platform plugin xcb" and nothing else. The check loads libraries with ctypes, never Qt.

The test runs the real command in a fresh interpreter in which the dynamic loader "cannot find" chosen
libraries (ctypes.CDLL refuses them), since the CI machine has them all installed.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop_app.cli import QT_LINUX_LIBRARIES

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb libraries are Linux's")

SCRIPT = """
import ctypes, json, sys
hidden = set(json.loads(sys.argv[2]))
real = ctypes.CDLL
def cdll(name, *args, **kwargs):
    if name in hidden:
        raise OSError(name + ": cannot open shared object file: No such file or directory")
    return real(name, *args, **kwargs)
ctypes.CDLL = cdll
from desktop_app.cli import run
code = run(["--db", sys.argv[1], "self-check"] + sys.argv[3:])
assert not any(m.startswith("PySide6") for m in sys.modules), "self-check imported Qt"
sys.exit(code)
"""


def self_check(tmp_path, hidden: list[str], *args: str, display: str | None) -> subprocess.CompletedProcess:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    if display:
        env["DISPLAY"] = display
    return subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "shop.db"), json.dumps(hidden), *args],
                          capture_output=True, text=True, env=env)


def test_on_a_desktop_a_missing_libxcb_cursor_is_named_with_the_apt_line_and_fails(tmp_path):
    result = self_check(tmp_path, ["libxcb-cursor.so.0", "libxcb-icccm.so.4"], display=":0")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the window cannot open: missing libxcb-cursor.so.0, libxcb-icccm.so.4" in result.stdout
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("PROBLEMS:")


def test_the_json_report_lists_the_missing_libraries_and_the_packages(tmp_path):
    result = self_check(tmp_path, ["libxcb-cursor.so.0"], "--json", display=":0")
    report = json.loads(result.stdout)
    assert report["qt_libraries_missing"] == ["libxcb-cursor.so.0"]
    assert report["qt_install"] == "sudo apt install libxcb-cursor0"
    assert report["ok"] is False and result.returncode == 1


def test_a_headless_server_is_told_but_not_failed(tmp_path):
    """send-due from the OS scheduler needs no window: without a display the gap is reported, not an error."""
    result = self_check(tmp_path, ["libxcb-cursor.so.0"], display=None)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "missing libxcb-cursor.so.0" in result.stdout and result.stdout.rstrip().endswith("ok")


def test_with_every_library_found_the_window_line_says_so(tmp_path):
    result = self_check(tmp_path, [], display=":0")
    found_all = "the libraries Qt needs are all there" in result.stdout
    assert found_all == (result.returncode == 0), result.stdout
    assert "window" in result.stdout


def test_the_readme_and_ci_install_every_library_the_check_looks_for():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readme, ci = (root / "README.md").read_text(encoding="utf-8"), (root / ".ci" / "run").read_text(encoding="utf-8")
    for _, package in QT_LINUX_LIBRARIES:
        assert package in readme, f"README's apt line lacks {package}"
        assert package in ci, f".ci/run's package list lacks {package}"
