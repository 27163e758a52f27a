"""This till's name ("Caixa 1", "Loja Centro"): which PC made an entry, when several tills share one shop's
server (issue 20).

It belongs to the PC, not to the shop (two tills share the shop's database and its settings), so it is
kept beside the window's state in the data folder, in a small file of its own that the command line reads
without Qt (`till.json`; window.ini is QSettings' own). Without that file a till is called after the
computer (its host name, without the network's domain). The window puts the name in its Actor at start,
the command line takes `--till NAME` or the same name; every service then records `actor.till`.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from dataclasses import replace
from pathlib import Path

from desktop_app.config import Paths
from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.text import clean_text

log = logging.getLogger(__name__)

FILE_NAME = "till.json"
MAX_NAME = 40  # fits a report's column and the conflict message
FALLBACK = "Till"  # a computer that has no usable name (never seen on a real PC)


def _file(paths: Paths) -> Path:
    return paths.data_dir / FILE_NAME


def default_name(hostname: str | None = None) -> str:
    """The computer's name, shortened: "caixa-1.local" is "caixa-1", at most MAX_NAME characters. An address
    (a host named 192.168.0.5) is kept whole."""
    host = clean_text(socket.gethostname() if hostname is None else hostname)
    if host and not host.replace(".", "").isdigit():
        host = host.split(".", 1)[0]
    return host[:MAX_NAME].strip() or FALLBACK


def clean_name(name: str) -> str:
    """A name as typed, tidied (spaces), or a ValidationError on field "till"; "" means the computer's name."""
    name = clean_text(name or "")
    if len(name) > MAX_NAME:
        raise ValidationError("till", "too_long", max=MAX_NAME)
    return name


def stored_name(paths: Paths) -> str:
    """The name the owner gave this till, or "" (none given, or a file that cannot be read)."""
    try:
        data = json.loads(_file(paths).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ""
    except (OSError, ValueError) as exc:
        log.warning("the till's name could not be read from %s (%s); using the computer's name", _file(paths), exc)
        return ""
    name = data.get("name") if isinstance(data, dict) else None
    try:
        return clean_name(name) if isinstance(name, str) else ""
    except ValidationError:
        return ""


def name(paths: Paths, *, hostname: str | None = None) -> str:
    """This till's name: the one given in Settings, else the computer's."""
    return stored_name(paths) or default_name(hostname)


def save_name(paths: Paths, typed: str) -> str:
    """Keep the name typed in Settings for this PC ("" goes back to the computer's name) and return the name
    now in use. Written whole or not at all (a new file moved over the old)."""
    chosen = clean_name(typed)
    target = _file(paths)
    if not chosen:
        target.unlink(missing_ok=True)
        return default_name()
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".new")
    part.write_text(json.dumps({"name": chosen}, ensure_ascii=False), encoding="utf-8")
    os.replace(part, target)
    return chosen


def at_this_till(actor: Actor, paths: Paths, given: str | None = None) -> Actor:
    """`actor` working at this till: `given` (the command line's --till) if there is one, else this PC's name."""
    chosen = clean_name(given) if given else ""
    return replace(actor, till=chosen or name(paths))
