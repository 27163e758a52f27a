"""A real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd), with TLS from a certificate authority
made by the test (trustme), a log of every command it saw, and faults chosen by the recipient's address:

    busy@...   RCPT 450 4.2.1       full@...   RCPT 452 4.2.2       gone@...   RCPT 550 5.1.1
    later@...  DATA 421 4.3.2       quota@...  DATA 552 5.4.5       drop@...   connection dropped after DATA

and, set on the Mailbox: `data_delay` (seconds before each DATA reply: a slow server), `greetings` and
`auth_replies` (the replies of the next connections' greetings and AUTHs, e.g. 421 or 454: a server that is
busy for now). `start_dripper` is a server that drip-feeds `220-` lines and never finishes its greeting;
`enable_smtputf8` offers SMTPUTF8. An in-memory keyring backend serves the tests that are not about the
keyring itself.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, message_from_string, policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
from keyring.backend import KeyringBackend

USER, PASSWORD = "loja@flordelis.com.br", "app-password-123"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Mailbox:
    log: list[str] = field(default_factory=list)  # commands in order: EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA
    messages: list = field(default_factory=list)  # parsed email.message.EmailMessage
    on_data: object = None  # a hook called with the envelope before the reply (the kill test uses it)
    data_delay: float = 0.0  # seconds the server takes before answering each DATA
    greetings: list[str] = field(default_factory=list)  # replaces the next connections' 220 greeting
    auth_replies: list[str] = field(default_factory=list)  # replies of the next AUTHs instead of checking
    rcpt_tos: list[str] = field(default_factory=list)  # every accepted envelope recipient, in order

    def to(self, address: str) -> list:
        return [m for m in self.messages if address in m["To"]]


class Handler:
    def __init__(self, box: Mailbox) -> None:
        self.box = box

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        self.box.log.append("EHLO")
        session.host_name = hostname
        return responses

    def handle_STARTTLS(self, server, session, envelope):  # noqa: N802 - aiosmtpd calls this one directly
        self.box.log.append("STARTTLS")
        return True

    async def handle_MAIL(self, server, session, envelope, address, options):  # noqa: N802
        self.box.log.append("MAIL")
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        self.box.log.append("RCPT")
        local = address.split("@")[0]
        if local == "busy":
            return "450 4.2.1 Mailbox busy, try later"
        if local == "full":
            return "452 4.2.2 Insufficient storage"
        if local == "gone":
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        self.box.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.box.log.append("DATA")
        if self.box.data_delay:
            await asyncio.sleep(self.box.data_delay)
        local = envelope.rcpt_tos[0].split("@")[0]
        if local == "later":
            return "421 4.3.2 Service shutting down, try later"
        if local == "quota":
            return "552 5.4.5 Daily user sending quota exceeded"
        if local == "drop":
            session.transport = getattr(session, "transport", None)
            server.transport.close()  # the whole message arrived; no reply will
            return "250 never seen"
        if envelope.smtp_utf8:  # RFC 6532: the headers are UTF-8 as they stand
            self.box.messages.append(message_from_string(envelope.original_content.decode("utf-8"),
                                                         policy=policy.default))
        else:
            self.box.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))
        if self.box.on_data is not None:
            self.box.on_data(envelope)
        return "250 2.0.0 Queued"


class _LoggingSMTP(SMTP):
    _greeted = False

    async def push(self, status):
        box = self.event_handler.box
        if not self._greeted:  # the first line a connection gets is its greeting
            self._greeted = True
            if box.greetings:
                status = box.greetings.pop(0)
                await super().push(status)
                self.transport.close()  # a 421 greeting closes the channel
                return
        await super().push(status)

    async def smtp_AUTH(self, arg):  # noqa: N802
        self.event_handler.box.log.append("AUTH")
        return await super().smtp_AUTH(arg)


class _Controller(Controller):
    def factory(self):
        return _LoggingSMTP(self.handler, **self.SMTP_kwargs)


def authenticator(server, session, envelope, mechanism, auth_data):
    box = server.event_handler.box
    if box.auth_replies:
        return AuthResult(success=False, handled=False, message=box.auth_replies.pop(0))
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == USER \
        and auth_data.password.decode() == PASSWORD
    return AuthResult(success=ok, handled=False)


def start_server(ca, *, starttls: bool = True, implicit_tls: bool = False, trusted_ca=None,
                 enable_smtputf8: bool = False) -> tuple[Controller, Mailbox]:
    """An SMTP server on 127.0.0.1 with a certificate for 127.0.0.1 and localhost issued by `ca`."""
    box = Mailbox()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    import ssl

    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(ctx)
    # (with implicit TLS aiosmtpd does not know the session is encrypted, so it must not insist on STARTTLS)
    kwargs = dict(authenticator=authenticator, auth_require_tls=starttls and not implicit_tls, decode_data=False,
                  enable_SMTPUTF8=enable_smtputf8)
    if implicit_tls:
        kwargs["ssl_context"] = ctx
    elif starttls:
        kwargs["tls_context"] = ctx
    controller = _Controller(Handler(box), hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    return controller, box


def start_tarpit() -> tuple[socket.socket, int]:
    """A server that accepts the connection and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            held.append(conn)

    threading.Thread(target=accept, daemon=True).start()
    return listener, listener.getsockname()[1]


def start_dripper(interval: float, *, give_up_after: float = 20.0) -> tuple[socket.socket, int]:
    """A server that greets with a `220-` continuation line every `interval` seconds and never the final
    `220 `: each read is quick, the greeting never ends (it stops by itself after `give_up_after` s)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)

    def drip(conn: socket.socket) -> None:
        end = time.monotonic() + give_up_after
        with conn:
            try:
                while time.monotonic() < end:
                    conn.sendall(b"220-smtp.slow.example still warming up\r\n")
                    time.sleep(interval)
                conn.sendall(b"220 smtp.slow.example ready\r\n")
            except OSError:  # the client hung up: what it should do
                return

    def accept() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=drip, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return listener, listener.getsockname()[1]


class MemoryKeyring(KeyringBackend):
    """A keyring in memory, for the tests that are not about the OS keyring."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def get_password(self, service, username):
        return self.store.get((service, username))

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


def use_keyring(backend: KeyringBackend) -> None:
    """In a work process (the app's child for the heavy jobs): the parent's keyring in memory, as it was
    when the child started."""
    import keyring

    keyring.set_keyring(backend)


@contextmanager
def trusted_server(ca, folder, monkeypatch):
    """A real SMTP server on 127.0.0.1 whose certificate authority this process (and its children)
    trusts through SSL_CERT_FILE, with the keyring swapped for one in memory; all put back on exit.
    Yields (controller, mailbox)."""
    import keyring

    pem = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    controller, box = start_server(ca)
    try:
        yield controller, box
    finally:
        controller.stop()
        keyring.set_keyring(previous)
