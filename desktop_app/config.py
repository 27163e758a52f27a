"""Where Régua keeps its files. The one place that decides paths; nothing here touches the disk.

Order of precedence: an explicit `--db` / `--data-dir`, then the REGUA_HOME environment variable
(portable installs and tests), then the OS's per-user data folder from platformdirs:
Windows `%LOCALAPPDATA%\\Regua`, macOS `~/Library/Application Support/Regua`,
Linux `~/.local/share/regua` (or `$XDG_DATA_HOME/regua`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.target import SERVER_SCHEMES, EngineNotSupported, parse_target, redacted

APP_DIR_NAME = "Regua"
_CHECKOUT_RESOURCES = Path(__file__).resolve().parents[1] / "resources"
DB_FILE = "regua.db"
DEMO_DB_FILE = "demo.db"


@dataclass(frozen=True, slots=True)
class Paths:
    data_dir: Path
    db_path: Path

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "regua.log"

    @property
    def settings_file(self) -> Path:
        """Window state only (QSettings, ini format). Business settings live in the database."""
        return self.data_dir / "window.ini"


def default_data_dir(env: dict[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("REGUA_HOME"):
        return Path(env["REGUA_HOME"]).expanduser()
    import platformdirs  # here: `regua --help` and a --db of its own never need it

    appname = APP_DIR_NAME if os.name == "nt" or _is_macos() else APP_DIR_NAME.lower()
    return Path(platformdirs.user_data_dir(appname, appauthor=False, roaming=False))


def _is_macos() -> bool:
    import sys

    return sys.platform == "darwin"


def resolve_paths(
    *, db: str | os.PathLike[str] | None = None, data_dir: str | os.PathLike[str] | None = None,
    demo: bool = False, env: dict[str, str] | None = None,
) -> Paths:
    """The paths for this run. `--db` wins for the database file (a path, or a URL such as
    `sqlite:///shop.db`); its folder keeps backups and logs unless `--data-dir` names another. A server's
    URL (`postgresql://...`) is recognised and refused with a plain message: the database layer has its
    engine, the app's paths (backups and logs beside a file) do not name a server yet."""
    if db is not None:
        target = parse_target(db)
        if target.path is None:
            raise EngineNotSupported(SERVER_SCHEMES.get(target.scheme, target.scheme), redacted(str(db)))
        db_path = target.path.expanduser().resolve()
        base = Path(data_dir).expanduser().resolve() if data_dir is not None else db_path.parent
        return Paths(data_dir=base, db_path=db_path)
    base = Path(data_dir).expanduser().resolve() if data_dir is not None else default_data_dir(env)
    return Paths(data_dir=base, db_path=base / (DEMO_DB_FILE if demo else DB_FILE))


# Folders that sync files to the cloud: fine for backups, never for the live database (the sync tool
# copies the file while SQLite writes it, and two PCs end up with two diverging shops).
SYNC_FOLDER_NAMES = ("onedrive", "dropbox", "google drive", "googledrive", "my drive", "meu drive", "icloud drive",
                     "mobile documents", "cloudstorage", "pcloud", "mega", "nextcloud", "owncloud")
NETWORK_FILESYSTEMS = ("nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afpfs", "webdav", "davfs")


def live_location_problem(path: Path) -> str | None:
    """"cloud" or "network" when the live database would sit in a synced or network folder, else None."""
    path = Path(path).expanduser()
    text = str(path)
    if text.startswith(("\\\\", "//")):  # \\server\share or //server/share
        return "network"
    for part in path.parts:
        lowered = part.lower()
        if any(lowered == name or lowered.startswith(name + " ") or lowered.startswith(name + "-")
               for name in SYNC_FOLDER_NAMES):
            return "cloud"
    return "network" if _mount_type(path) in NETWORK_FILESYSTEMS else None


def _mount_type(path: Path) -> str:
    """The file system type of the mount holding `path` (Linux: /proc/mounts; elsewhere unknown)."""
    try:
        with open("/proc/mounts", encoding="utf-8") as fh:
            mounts = [line.split()[1:3] for line in fh if len(line.split()) >= 3]
    except OSError:
        return ""
    target = str(path.resolve().parent if not path.exists() else path.resolve())
    best, kind = "", ""
    for point, fstype in mounts:
        point = point.replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, kind = point, fstype
    return kind


def resources_dir() -> Path:
    """Icons, translations and templates: next to the package in a checkout, or inside the PyInstaller
    bundle (`sys._MEIPASS`)."""
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) / "resources" if bundle else _CHECKOUT_RESOURCES
