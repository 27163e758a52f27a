"""Where Régua keeps its files. The one place that decides paths; nothing here writes to the disk (it
reads one small file: the server this PC remembers).

Order of precedence: an explicit `--db` / `--data-dir`, then the REGUA_HOME environment variable
(portable installs and tests), then the OS's per-user data folder from platformdirs:
Windows `%LOCALAPPDATA%\\Regua`, macOS `~/Library/Application Support/Regua`,
Linux `~/.local/share/regua` (or `$XDG_DATA_HOME/regua`).

A shop on a server (`postgresql://user@host:5432/shop`, issue 20): the database is the URL, and this PC's
backups, logs and window settings live in its data folder's `servers/<database>@<host>-<port>/`, so two
shops never mix. Without `--db`, the server remembered in the data folder's `server.ini` (written after a
successful connect, never with a password) is opened; `--db` of a file still wins.
"""

from __future__ import annotations

import configparser
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from desktop_app.domain.target import SERVER_SCHEMES, EngineNotSupported, parse_target, redacted

APP_DIR_NAME = "Regua"
_CHECKOUT_RESOURCES = Path(__file__).resolve().parents[1] / "resources"
DB_FILE = "regua.db"
DEMO_DB_FILE = "demo.db"
SERVER_FILE = "server.ini"  # the server this PC opens without --db (its URL without the password)
SERVERS_DIR = "servers"  # one folder per server database: its backups, logs and window settings
DEFAULT_PORT = 5432
LOCAL_HOSTS = ("", "localhost", "127.0.0.1", "::1")


@dataclass(frozen=True, slots=True)
class Paths:
    """`db_path` is the database file (None for a server's shop); `url` the server's URL as Régua connects
    with it (it may carry a password: in memory only, never shown: `shown` is what messages and logs get)."""

    data_dir: Path
    db_path: Path | None
    url: str | None = field(default=None, repr=False, compare=False)
    configured: str | None = None  # the server's URL as given or remembered, without a password

    def __post_init__(self) -> None:
        if self.url is not None and self.configured is None:
            object.__setattr__(self, "configured", without_password(self.url))

    @property
    def is_server(self) -> bool:
        return self.url is not None

    @property
    def target(self) -> str | Path:
        """What open_database gets: the file, or the server's URL."""
        return self.url if self.url is not None else self.db_path

    @property
    def public_url(self) -> str | None:
        """The server's URL without any password, as it was given (without what Régua adds to connect): what
        server.ini, the scheduler's command, the single-instance key and messages get."""
        return self.configured

    @property
    def shown(self) -> str:
        """The database as a message or a log line may name it (never a password)."""
        return self.public_url if self.url is not None else str(self.db_path)

    @property
    def label(self) -> str:
        """A short name for file names (backups): the file's stem, or the server database's name."""
        return server_parts(self.url).database if self.url is not None else self.db_path.stem

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
    """The paths for this run. `--db` wins for the database (a path, a URL such as `sqlite:///shop.db`, or a
    server's `postgresql://...`); a file's folder keeps backups and logs unless `--data-dir` names another;
    a server's are in this PC's data folder (`--data-dir` or the default), in the server database's own
    subfolder. Without `--db` (and not the demo), the server remembered in server.ini is opened."""
    if db is not None:
        target = parse_target(db)
        if target.path is None:
            if target.scheme not in ("postgresql",):
                raise EngineNotSupported(SERVER_SCHEMES.get(target.scheme, target.scheme), redacted(str(db)))
            return server_paths(str(db), data_dir=data_dir, env=env)
        db_path = target.path.expanduser().resolve()
        base = Path(data_dir).expanduser().resolve() if data_dir is not None else db_path.parent
        return Paths(data_dir=base, db_path=db_path)
    base = Path(data_dir).expanduser().resolve() if data_dir is not None else default_data_dir(env)
    if not demo:
        remembered = remembered_server(base)
        if remembered is not None:
            return server_paths(remembered, data_dir=base, env=env)
        return local_paths(base)
    return Paths(data_dir=base, db_path=base / DEMO_DB_FILE)


# --- a shop on a server --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ServerParts:
    """What a server URL names (libpq's URL: the parts before the path, or its query's host=, port=...)."""

    user: str
    host: str  # "" for the default local socket; a folder for a Unix socket
    port: int
    database: str
    password: str | None = field(default=None, repr=False)
    params: tuple[tuple[str, str], ...] = ()  # the query's other parameters (sslmode...)

    @property
    def is_local(self) -> bool:
        """On this PC: localhost, a loopback address or a Unix socket (no TLS needed to reach it)."""
        return all(h.strip() in LOCAL_HOSTS or h.strip().startswith(("/", "@")) for h in self.host.split(","))

    @property
    def key(self) -> str:
        """How the keyring knows this server's password: user@host:port/database."""
        return f"{self.user}@{self.host or 'localhost'}:{self.port}/{self.database}"

    def param(self, name: str) -> str | None:
        return next((v for k, v in self.params if k == name), None)


def server_parts(url: str) -> ServerParts:
    parts = urlsplit(url)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    if not at:
        userinfo, hostport = "", parts.netloc
    user, colon, password = userinfo.partition(":")
    if hostport.startswith("["):  # [::1]:5432
        host, _, rest = hostport[1:].partition("]")
        port = rest.removeprefix(":")
    elif "," in hostport:  # several hosts: kept as they are
        host, port = hostport, ""
    else:
        host, _, port = hostport.partition(":")
    query = parse_qsl(parts.query, keep_blank_values=True)
    given = dict(query)
    host = given.get("host", unquote(host))
    port = given.get("port", port)
    user = given.get("user", unquote(user))
    password = given.get("password", unquote(password) if colon else None)
    database = given.get("dbname", unquote(parts.path.lstrip("/")))
    others = tuple((k, v) for k, v in query if k not in ("host", "port", "user", "password", "dbname"))
    try:
        port_number = int(port.split(",")[0]) if port else DEFAULT_PORT
    except ValueError:
        port_number = DEFAULT_PORT
    return ServerParts(user, host, port_number, database, password or None, others)


def without_password(url: str) -> str:
    """The URL with no password in it (neither before the host nor as a `password=` parameter)."""
    parts = urlsplit(url)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    netloc = (userinfo.partition(":")[0] + "@" + hostport) if at else parts.netloc
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"]
    return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query, safe="/:@"), parts.fragment))


def server_url(host: str, port: int, database: str, user: str) -> str:
    """The URL of what the connect dialog asks for (no password): a host name or address, or a Unix socket's
    folder (then given as host=)."""
    from urllib.parse import quote

    who = quote(user, safe="") + "@" if user else ""
    name = quote(database, safe="")
    if host.startswith("/"):
        return f"postgresql://{who}/{name}?" + urlencode({"host": host, "port": str(port)}, safe="/")
    shown_host = f"[{host}]" if ":" in host else host
    return f"postgresql://{who}{shown_host}:{port}/{name}"


def server_folder_name(url: str) -> str:
    """The server database's own folder name: database@host-port, in letters a file system takes."""
    p = server_parts(url)
    host = "local" if p.is_local and p.host.startswith("/") or not p.host else p.host
    name = f"{p.database}@{host}-{p.port}"
    return re.sub(r"[^A-Za-z0-9._@-]+", "_", name).strip("._") or "server"


def server_paths(url: str, *, data_dir: str | os.PathLike[str] | None = None,
                 env: dict[str, str] | None = None) -> Paths:
    if not server_parts(url).database:
        from desktop_app.domain.errors import DatabaseError

        raise DatabaseError("db_unreadable", path=without_password(url), reason="the URL names no database")
    base = Path(data_dir).expanduser().resolve() if data_dir is not None else default_data_dir(env)
    return Paths(data_dir=base / SERVERS_DIR / server_folder_name(url), db_path=None, url=url)


def local_paths(base: Path) -> Paths:
    """This PC's own shop file in its data folder `base`, whatever server it remembers."""
    return Paths(data_dir=Path(base), db_path=Path(base) / DB_FILE)


def pc_data_dir(paths: Paths) -> Path:
    """This PC's data folder: where server.ini lives (a server's own folder is two levels below it)."""
    return paths.data_dir.parent.parent if paths.is_server else paths.data_dir


def remembered_server(base: Path) -> str | None:
    """The server's URL (no password) remembered in `base`/server.ini, or None."""
    file = Path(base) / SERVER_FILE
    if not file.is_file():
        return None
    ini = configparser.ConfigParser(interpolation=None)
    try:
        ini.read(file, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    url = ini.get("server", "url", fallback="").strip()
    return without_password(url) if url.startswith(("postgresql://", "postgres://")) else None


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
