"""The SMTP password (and a shop server's: services/shop/server.py, `service=`), in the operating system's keyring and nowhere else.

A keyring backend that is missing, failing, null or keeps secrets in a plain file is refused with a plain
message; the owner may then type the password once per session, kept in this process's memory only.
"""

from __future__ import annotations

import contextlib
import logging

from desktop_app.domain.errors import ReguaError

log = logging.getLogger(__name__)

SERVICE = "Régua SMTP"
_session: dict[str, str] = {}  # "ask once per session": memory only, gone when the program closes


class SecretsError(ReguaError):
    pass


def _backend():
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    leaves = getattr(backend, "backends", None)  # a chainer: judge the backends it really uses
    usable = [b for b in (leaves if leaves is not None else [backend])
              if not isinstance(b, fail.Keyring) and _is_safe(b)]
    if not usable:
        raise SecretsError("keyring_unavailable", backend=name)
    return backend


def _is_safe(backend) -> bool:
    module = type(backend).__module__
    cls = type(backend).__name__
    if "null" in module or "fail" in module:
        return False
    if "Plaintext" in cls or "plaintext" in module or module.startswith("keyrings.alt"):
        return False  # a file on disk, readable by anyone who copies the folder
    try:
        return float(backend.priority) > 0
    except Exception:  # noqa: BLE001 - a backend that cannot even say its priority is not usable
        return False


def backend_name() -> str:
    """The keyring in use, for the settings screen and `self-check` ("" when none is usable)."""
    try:
        backend = _backend()
    except SecretsError:
        return ""
    return f"{type(backend).__module__}.{type(backend).__name__}"


def store(account_key: str, password: str, *, service: str = SERVICE) -> None:
    """Write (or replace) the password in the keyring. Raises SecretsError with a plain message."""
    backend = _backend()
    try:
        backend.set_password(service, account_key, password)
    except Exception as exc:  # noqa: BLE001 - locked, refused by the user, D-Bus gone...
        log.warning("keyring refused to store the SMTP password: %s", type(exc).__name__)
        raise SecretsError("keyring_failed", reason=type(exc).__name__) from None
    _session.pop(account_key, None)


def read(account_key: str, *, service: str = SERVICE) -> str | None:
    """The password: from this session's memory if the owner typed it, else from the keyring."""
    if account_key in _session:
        return _session[account_key]
    backend = _backend()
    try:
        return backend.get_password(service, account_key)
    except Exception as exc:  # noqa: BLE001
        log.warning("keyring refused to read the SMTP password: %s", type(exc).__name__)
        raise SecretsError("keyring_failed", reason=type(exc).__name__) from None


def forget(account_key: str, *, service: str = SERVICE) -> None:
    _session.pop(account_key, None)
    with contextlib.suppress(Exception):  # nothing stored, or no keyring: nothing to forget
        _backend().delete_password(service, account_key)


def remember_for_session(account_key: str, password: str) -> None:
    """When there is no usable keyring: keep the password in memory until the program closes."""
    _session[account_key] = password
