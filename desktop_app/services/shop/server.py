"""A till on the shop's PostgreSQL server (issue 20): the URL Régua connects with, the server's password in
the OS keyring, the server this PC remembers, and trying a server before the window uses it.

The password never goes into a file or into the URL on disk: a URL given on the command line may carry one
(for scripts) and is used as it is, in memory; a URL without one gets the keyring's, stored under
user@host:port/database by `regua server-password set URL` or by the connect dialog. server.ini, in this
PC's data folder, holds the URL without a password. A host that is not this PC (not localhost, a loopback
address or a Unix socket) is reached with TLS and a verified certificate (`sslmode=verify-full`) unless the
URL says otherwise.
"""

from __future__ import annotations

import configparser
import dataclasses
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from desktop_app.config import SERVER_FILE, Paths, pc_data_dir, server_parts, server_paths, without_password
from desktop_app.domain.errors import DatabaseError, ReguaError
from desktop_app.services.shop import secrets

log = logging.getLogger(__name__)

SERVICE = "Régua PostgreSQL"  # the keyring's service name for the servers' passwords (the mail's: "Régua SMTP")
CONNECT_TIMEOUT_S = 10  # a server that does not answer is said so after this, not after libpq's minutes


def password_key(url: str) -> str:
    return server_parts(url).key


def store_password(url: str, password: str) -> None:
    """The server's password into the keyring (replacing one stored before). SecretsError when there is no
    safe keyring."""
    secrets.store(password_key(url), password, service=SERVICE)


def stored_password(url: str) -> str | None:
    try:
        return secrets.read(password_key(url), service=SERVICE)
    except secrets.SecretsError as exc:  # no safe keyring: connect without one (the server may not ask)
        log.info("no keyring for the server's password: %s", exc.code)
        return None


def forget_password(url: str) -> None:
    secrets.forget(password_key(url), service=SERVICE)


def root_certificate_known(env: dict[str, str] | None = None) -> bool:
    """Whether libpq has a root certificate of its own to check a server against (PGSSLROOTCERT or
    ~/.postgresql/root.crt, %APPDATA%\\postgresql\\root.crt on Windows); else the system's store is used."""
    env = os.environ if env is None else env
    if env.get("PGSSLROOTCERT"):
        return True
    folder = Path(env["APPDATA"]) / "postgresql" if os.name == "nt" and env.get("APPDATA") else Path.home() / ".postgresql"
    return (folder / "root.crt").is_file()


def connect_url(url: str, password: str | None = None, *, env: dict[str, str] | None = None) -> str:
    """The URL Régua connects with (in memory only): `password` (or the URL's own, or the keyring's), TLS with
    a verified certificate to a host that is not this PC unless the URL names an sslmode, and a bounded wait."""
    parts = server_parts(url)
    if password is None and parts.password is None:
        password = stored_password(url)
    base = url if password is None else without_password(url)
    split = urlsplit(base)
    query = split.query
    extra: list[str] = []
    if password is not None:
        if parts.user and "@" in split.netloc:
            userinfo, _, hostport = split.netloc.rpartition("@")
            split = split._replace(netloc=f"{userinfo}:{quote(password, safe='')}@{hostport}")
        else:
            extra.append("password=" + quote(password, safe=""))
    if not parts.is_local and parts.param("sslmode") is None:
        extra.append("sslmode=verify-full")
        if parts.param("sslrootcert") is None and not root_certificate_known(env):
            extra.append("sslrootcert=system")  # libpq 16+: the operating system's trusted authorities
    if parts.param("connect_timeout") is None:
        extra.append(f"connect_timeout={CONNECT_TIMEOUT_S}")
    query = "&".join([q for q in (query, *extra) if q])
    return urlunsplit((split.scheme, split.netloc, split.path, query, split.fragment))


def ready(paths: Paths, password: str | None = None) -> Paths:
    """`paths` with the URL Régua connects with (the password found, TLS decided); a file's paths as they are."""
    if not paths.is_server:
        return paths
    return dataclasses.replace(paths, url=connect_url(paths.url, password))


# --- the server this PC remembers -----------------------------------------------------------------------


def server_file(paths_or_dir: Paths | Path) -> Path:
    base = pc_data_dir(paths_or_dir) if isinstance(paths_or_dir, Paths) else Path(paths_or_dir)
    return base / SERVER_FILE


def remember(paths: Paths) -> Path:
    """Write the server's URL, without its password, to server.ini in this PC's data folder: the next plain
    `regua` opens it."""
    file = server_file(paths)
    ini = configparser.ConfigParser(interpolation=None)
    ini["server"] = {"url": paths.public_url}
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(file.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        ini.write(fh)
    tmp.replace(file)
    log.info("this PC now opens the shop's server %s", paths.public_url)
    return file


def forget_server(data_dir: Path) -> bool:
    """This PC opens its own file again: server.ini goes (the keyring's password stays for a later connect)."""
    file = Path(data_dir) / SERVER_FILE
    if not file.exists():
        return False
    file.unlink()
    log.info("this PC no longer opens a server by default")
    return True


# --- trying a server ------------------------------------------------------------------------------------

SHOP, EMPTY = "shop", "empty"


@dataclass(frozen=True, slots=True)
class Reached:
    """What a connect found: the shop's paths (with the password, in memory) and whether a shop is there."""

    paths: Paths
    state: str  # SHOP: a Régua shop set up there; EMPTY: no Régua schema or no shop yet
    name: str = ""  # the shop's name, when there is one


def reach(url: str, password: str | None, *, data_dir: Path | None = None) -> Reached:
    """Connect to the server (the connect dialog's Connect, on a lane): the shop there, or an empty database
    ready to be set up. Raises a DatabaseError with a plain message for a wrong password, a server that is
    down, a certificate that fails, a database that does not exist or one that is not Régua's. Nothing is
    written, nothing is stored."""
    from desktop_app.db.database import preflight_version
    from desktop_app.db.migrations import HEAD

    paths = ready(server_paths(url, data_dir=data_dir), password)
    try:
        found = preflight_version(paths.target)
    except DatabaseError as exc:
        if "path" in exc.params:  # the server as she gave it, not as Régua connects to it
            exc.params["path"] = paths.shown
        raise
    if found is None:
        return Reached(paths, EMPTY)
    version, tables = found
    if version == 0:  # tables but no Régua schema: someone else's database
        raise DatabaseError("db_corrupt", path=paths.shown)
    if version > HEAD:
        raise DatabaseError("db_too_new", found=version, known=HEAD)
    from desktop_app.services.shop import shop

    shop.open_shop(paths, create=False)
    settings = shop.shop_settings()
    return Reached(paths, SHOP if settings is not None else EMPTY, settings.name if settings else "")


def connected(reached: Reached, password: str | None) -> None:
    """After a connect that worked: the password to the keyring (or, without a safe keyring, this session's
    memory) and the URL to server.ini."""
    if password:
        try:
            store_password(reached.paths.url, password)
        except secrets.SecretsError as exc:
            log.warning("the server's password could not be stored (%s); kept for this session", exc.code)
            secrets.remember_for_session(password_key(reached.paths.url), password)
    remember(reached.paths)


def set_up(reached: Reached, name: str, country: str, language: str | None = None):
    """`regua init` on the server the connect dialog reached: the schema, then the shop's settings. Refused
    when a shop is already there."""
    from desktop_app.domain.errors import ValidationError
    from desktop_app.services.shop import shop
    from desktop_app.services.shop.shop import ShopSettings

    shop.open_shop(reached.paths, create=True)
    existing = shop.shop_settings()
    if existing is not None:
        raise ReguaError("shop_already_set_up", name=existing.name)
    try:
        settings = ShopSettings.for_country(name, country)
    except KeyError:
        raise ValidationError("country", "country_invalid") from None
    if language:
        settings = dataclasses.replace(settings, language=language)
    return shop.save_shop_settings(settings.validated())


def database_report(paths: Paths) -> dict[str, object]:
    """What `regua self-check` says of the database: the file and whether it exists, or the server (without
    its password), whether it answers and holds a Régua shop, and, when it does not answer, why."""
    if not paths.is_server:
        return {"database": str(paths.db_path), "database_exists": paths.db_path.exists()}
    from desktop_app.db.database import preflight_version

    report: dict[str, object] = {"database": paths.shown, "server": server_parts(paths.url).key}
    try:
        found = preflight_version(paths.target)
    except ReguaError as exc:
        if "path" in exc.params:
            exc.params["path"] = paths.shown
        return {**report, "database_exists": False, "database_problem": exc.message()}
    return {**report, "database_exists": found is not None and found[0] > 0}


def set_password_command(url: str, password: str) -> str:
    """`regua server-password set URL`: the password into the keyring under the server's key (never the URL's
    own password: a URL that carries one is refused, so that it is not in the shell's history either)."""
    if server_parts(url).password is not None:
        raise ReguaError("server_password_in_url")
    if not password:
        raise ReguaError("server_password_empty")
    store_password(url, password)
    return password_key(url)
