"""What `--db` (or `open_database`) names: a file path, the default and what every shop has today, or a
database URL: `sqlite:///relative/shop.db`, `sqlite:////absolute/shop.db` (the spelling of peewee's
playhouse.db_url; on Windows `sqlite:///C:/shops/shop.db`), `postgresql://user@host:port/name` (or `postgresql:///name?host=/run/postgresql` for a Unix socket: any
libpq connection URL). A URL's password is never shown: `redacted` is what messages and logs get.

Standard library only: config reads a target without loading peewee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from desktop_app.domain.errors import DatabaseError

FILE_SCHEMES = ("sqlite",)
SERVER_SCHEMES = {"postgresql": "PostgreSQL", "postgres": "PostgreSQL"}
ENGINE_SCHEMES = {"postgresql": "postgresql", "postgres": "postgresql"}  # the server engines this Régua has
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<rest>.*)$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Target:
    """What `--db` named: an engine's scheme and, for a file, its path."""

    scheme: str  # "sqlite", "postgresql"...
    path: Path | None  # the file, for a file engine
    url: str | None = field(default=None, repr=False)  # as given (password and all), for a server engine

    @property
    def is_file(self) -> bool:
        return self.path is not None

    def __str__(self) -> str:
        """What a message or a log may show: the file, or the URL without its password."""
        return str(self.path) if self.path is not None else redacted(self.url or "")

    def __repr__(self) -> str:
        return f"Target({self.scheme!r}, {str(self)!r})"


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and _URL.match(target) is not None


def parse_target(target: str | Path) -> Target:
    """A path, or a URL whose scheme Régua knows (a server URL is never taken for a file called
    "postgresql:"); a server whose engine this Régua lacks is refused with a plain message."""
    if not is_url(target):
        return Target("sqlite", Path(target), None)
    match = _URL.match(str(target))
    scheme, rest = match.group("scheme").lower(), match.group("rest")
    base = scheme.split("+", 1)[0]
    if base in FILE_SCHEMES:
        # playhouse.db_url: the path is what follows the third slash (a fourth makes it absolute)
        path = rest[1:] if rest.startswith("/") else rest
        path = unquote(path.split("?", 1)[0])
        if not path:
            raise DatabaseError("db_unreadable", path=target, reason="the URL names no file")
        return Target(base, Path(path), None)
    if base in ENGINE_SCHEMES:
        return Target(ENGINE_SCHEMES[base], None, str(target))
    raise EngineNotSupported(SERVER_SCHEMES.get(base, scheme), redacted(str(target)))


def redacted(url: str) -> str:
    """The URL without its password (given before the host or as a `password=` parameter), fit for a
    message or a log."""
    url = re.sub(r"^([^:/]+://[^:/@]*):[^@]*@", r"\1:***@", url)
    return re.sub(r"([?&]password=)[^&]*", r"\1***", url)


class EngineNotSupported(DatabaseError):
    """A database URL whose engine this Régua does not have (MySQL, say)."""

    def __init__(self, engine: str, target: str) -> None:
        super().__init__("db_engine_not_supported", engine=engine, target=target)
