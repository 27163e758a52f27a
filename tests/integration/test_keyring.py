"""The SMTP password in a real Secret Service: gnome-keyring-daemon in its own D-Bus session with a
throw-away HOME. `regua smtp set --password-stdin` stores it, Régua reads it back, a second `set`
replaces it, and no file Régua wrote (the database and its WAL, the settings, the logs) holds it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIRST, SECOND = "first-Secret-4711", "second-Secret-0815"

pytestmark = pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="needs dbus-run-session and gnome-keyring-daemon (.ci/run installs them)")

SESSION = textwrap.dedent("""
    set -e
    echo -n "unlock" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
    PY="$1"; DB="$2"
    "$PY" -m desktop_app --db "$DB" demo --customers 20 >/dev/null
    echo "$FIRST" | "$PY" -m desktop_app --db "$DB" smtp set --host smtp.example.com --port 587 \\
        --security starttls --user loja@example.com --from loja@example.com --password-stdin
    "$PY" -c "$READ" "$DB"
    echo "$SECOND" | "$PY" -m desktop_app --db "$DB" smtp set --host smtp.example.com --port 587 \\
        --security starttls --user loja@example.com --from loja@example.com --password-stdin
    "$PY" -c "$READ" "$DB"
""")
READ = textwrap.dedent("""
    import sys
    from desktop_app.config import resolve_paths
    from desktop_app.services.mail import mailer
    from desktop_app.services.shop import secrets
    from desktop_app.services.shop import shop
    shop.open_shop(resolve_paths(db=sys.argv[1]), create=False)
    acc = mailer.account()
    print("backend", secrets.backend_name())
    print("read", secrets.read(acc.keyring_user))
""")


def test_the_password_lives_in_the_secret_service_and_nowhere_else(tmp_path):
    """Promise: The password lives only in the keyring."""
    home = tmp_path / "home"
    home.mkdir()
    db = tmp_path / "data" / "shop.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "XDG_", "GNOME_KEYRING"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_RUNTIME_DIR=str(tmp_path / "run"), FIRST=FIRST, SECOND=SECOND, READ=READ,
               REGUA_HOME=str(tmp_path / "data"), PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring")
    (tmp_path / "run").mkdir(mode=0o700)
    result = subprocess.run(["dbus-run-session", "--", "bash", "-c", SESSION, "session", sys.executable, str(db)],
                            cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "backend keyring.backends.SecretService.Keyring" in lines
    assert [line for line in lines if line.startswith("read ")] == [f"read {FIRST}", f"read {SECOND}"]
    assert "password stored in the keyring" in result.stdout
    # os.walk, not rglob: the keyring daemon may still be removing its sockets under run/ as the session ends
    files = [Path(top) / name for top, _dirs, names in os.walk(tmp_path) for name in names]
    for f in [p for p in files if "keyrings" not in p.parts and p.is_file()]:
        try:
            data = f.read_bytes()
        except FileNotFoundError:
            continue  # gone meanwhile (the daemon's own files under run/)
        assert FIRST.encode() not in data and SECOND.encode() not in data, f
