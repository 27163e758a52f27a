"""One Régua per database: a second start on the same file finds the lock, asks the first to come to the
front through the local socket, and steps back; another database is its own instance."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from desktop_app.gui.shell.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]
SECOND = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication
    from desktop_app.gui.shell.single_instance import SingleInstance
    app = QCoreApplication([])
    print("acquired" if SingleInstance(sys.argv[1]).acquire() else "refused", flush=True)
""")


def test_a_second_start_on_the_same_database_wakes_the_first(qtbot, tmp_path):
    """Promise: One writer at a time."""
    db = tmp_path / "shop.db"
    first = SingleInstance(db)
    assert first.acquire()
    woken = []
    first.activated.connect(lambda: woken.append(True))
    second = subprocess.Popen([sys.executable, "-c", SECOND, str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=20000)
    assert second.stdout.read().strip() == "refused"
    qtbot.waitUntil(lambda: woken == [True], timeout=5000)
    other = subprocess.run([sys.executable, "-c", SECOND, str(tmp_path / "other.db")], cwd=ROOT,
                           capture_output=True, text=True, timeout=30)
    assert other.stdout.strip() == "acquired"
    first.release()
    again = subprocess.run([sys.executable, "-c", SECOND, str(db)], cwd=ROOT, capture_output=True, text=True,
                           timeout=30)
    assert again.stdout.strip() == "acquired"  # released: the next start may have it
