"""The shop's SMTP account: its settings (in the database, without the password), a verified TLS
connection that refuses to send the password anywhere else, a test in plain words, and the messages
themselves (Date, Message-ID on the shop's domain, List-Unsubscribe on marketing, text and HTML)."""

from __future__ import annotations

import base64
import contextlib
import html
import re
import smtplib
import socket
import ssl
import time
from email import message_from_bytes, policy
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, make_msgid

from desktop_app.db.database import database
from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ReguaError, ValidationError
from desktop_app.domain.mail import SSL, SmtpAccount, check_header
from desktop_app.domain.permissions import require
from desktop_app.services.customers.normalize import normalize_email
from desktop_app.services.shop import audit, secrets
from desktop_app.services.shop.shop import get_setting, set_setting

SETTING_KEY = "smtp"
BRANDING_KEY = "mail_branding"
LOGO_KEY = "mail_logo"
MAX_LOGO_BYTES = 300_000
LOGO_CID = "logo@regua"
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}
DEFAULT_COLOUR = "#7a3e65"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
TIMEOUT_S = 30.0


class MailError(ReguaError):
    """Sending cannot happen now; `smtp_code` is the server's reply code when there was one."""

    def __init__(self, code: str, /, smtp_code: int | None = None, **params: object) -> None:
        self.smtp_code = smtp_code
        super().__init__(code, **params)

    @property
    def temporary(self) -> bool:
        """The server answered "not now" (a 4xx reply at any stage): trying again in a while may work."""
        return self.code == "smtp_try_later"


def account() -> SmtpAccount | None:
    data = get_setting(SETTING_KEY)
    if not isinstance(data, dict):
        return None
    try:
        return SmtpAccount.from_dict(data)
    except TypeError:
        return None


def save_account(new: SmtpAccount, password: str | None, *, actor: Actor, session_only: bool = False) -> SmtpAccount:
    """Save the settings; the password (when given) goes to the keyring, or to this session's memory
    when the owner chose that because no keyring is usable. Nothing is saved if the keyring refuses."""
    require(actor, "smtp.change")
    new = new.validated()
    try:
        from_addr = normalize_email(new.from_addr)
    except ValidationError as exc:  # the sender address, not the user name: say which field it was
        raise ValidationError("from_addr", exc.code, **exc.params) from exc
    if not from_addr:
        raise ValidationError("from_addr", "required")
    new = SmtpAccount(**{**new.to_dict(), "from_addr": from_addr})
    if password:
        if session_only:
            secrets.remember_for_session(new.keyring_user, password)
        else:
            secrets.store(new.keyring_user, password)
    with database.atomic():  # read the old account and write the new one as one unit
        old = account()
        set_setting(SETTING_KEY, new.to_dict())
        audit.record(actor, "smtp.change", new.host, user=new.user, port=new.port, security=new.security)
    if old is not None and old.keyring_user != new.keyring_user and password:
        secrets.forget(old.keyring_user)
    return new


def password_for(acc: SmtpAccount) -> str:
    password = secrets.read(acc.keyring_user)
    if not password:
        raise MailError("smtp_no_password")
    return password


class _Connection(smtplib.SMTP):
    """smtplib's client, remembering whether a message's final dot went out: a failure after it is
    "maybe delivered" (never retried by itself), a failure before it is safe to retry.

    smtplib's timeout is per read, so a server that drip-feeds `220-` lines can hold it for ever. Here
    each step (connecting, one reply however many lines it has, one command or message sent) must end
    within `step_timeout` seconds, and none may run past `deadline` (time.monotonic(), the whole run's)."""

    payload_sent = False

    def __init__(self, host: str, port: int, *, timeout: float, deadline: float | None = None, **kwargs) -> None:
        self.step_timeout = timeout
        self.deadline = deadline
        super().__init__(host, port, timeout=timeout, **kwargs)

    def _limit(self, start: float) -> float:
        """When the step begun at `start` must be over."""
        end = start + self.step_timeout
        return end if self.deadline is None else min(end, self.deadline)

    def _budget(self, end: float) -> float:
        left = end - time.monotonic()
        if left <= 0:
            self.close()
            raise SMTPStepTimeout("timed out: the server took too long")
        return left

    def _get_socket(self, host, port, timeout):
        return super()._get_socket(host, port, self._budget(self._limit(time.monotonic())))

    def send(self, s):  # noqa: D102
        if self.sock is not None:
            self.sock.settimeout(self._budget(self._limit(time.monotonic())))  # sendall: the whole send
        super().send(s)
        if isinstance(s, bytes | str) and (s.endswith(b"\r\n.\r\n") if isinstance(s, bytes) else s.endswith("\r\n.\r\n")):
            self.payload_sent = True

    def getreply(self):
        """smtplib's getreply, with the whole reply (all its lines) bounded by the step's time."""
        end = self._limit(time.monotonic())
        resp = []
        if self.file is None:
            self.file = self.sock.makefile("rb")
        while True:
            if self.sock is not None:
                self.sock.settimeout(self._budget(end))
            try:
                line = self.file.readline(smtplib._MAXLINE + 1)
            except OSError as exc:
                self.close()
                if isinstance(exc, TimeoutError):
                    raise SMTPStepTimeout("timed out: the server took too long") from exc
                raise smtplib.SMTPServerDisconnected(f"Connection unexpectedly closed: {exc}") from exc
            if not line:
                self.close()
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            if len(line) > smtplib._MAXLINE:
                self.close()
                raise smtplib.SMTPResponseException(500, "Line too long.")
            resp.append(line[4:].strip(b" \t\r\n"))
            try:
                code = int(line[:3])
            except ValueError:
                code = -1
                break
            if line[3:4] != b"-":
                break
        return code, b"\n".join(resp)


class _SslConnection(_Connection, smtplib.SMTP_SSL):
    pass


class SMTPStepTimeout(smtplib.SMTPServerDisconnected):
    """A step of the conversation (or the run) ran out of time; the connection is closed."""


def connect(acc: SmtpAccount, password: str, *, timeout: float = TIMEOUT_S, deadline: float | None = None
            ) -> smtplib.SMTP:
    """An authenticated connection. TLS is verified (system CAs, host name) before the password is
    sent; a server that does not offer STARTTLS is an error, never a fall back to plain text. Each step
    ends within `timeout` seconds, and connecting, TLS and login all by `deadline` (time.monotonic())."""
    context = ssl.create_default_context()
    conn = None
    try:
        if acc.security == SSL:
            conn = _SslConnection(acc.host, acc.port, timeout=timeout, deadline=deadline, context=context)
            conn.ehlo()
        else:
            conn = _Connection(acc.host, acc.port, timeout=timeout, deadline=deadline)
            conn.ehlo()
            if not conn.has_extn("starttls"):
                raise MailError("smtp_no_starttls", host=acc.host)
            conn.starttls(context=context)
            conn.ehlo()
        conn.login(acc.user, password)
        conn.deadline = None  # from here each message's steps are bounded by the step timeout alone:
        return conn  # a run's deadline is checked between messages, never cutting one off mid-way
    except BaseException as exc:
        if conn is not None:
            close(conn)
        if isinstance(exc, MailError):
            raise
        raise translate(exc, acc) from exc


def close(conn: smtplib.SMTP) -> None:
    try:
        conn.quit()
    except Exception:  # noqa: BLE001 - already gone
        with contextlib.suppress(Exception):
            conn.close()


def translate(exc: BaseException, acc: SmtpAccount) -> MailError:
    """Any failure of talking to the server, as a message a shop owner can act on."""
    if isinstance(exc, smtplib.SMTPResponseException) and 400 <= exc.smtp_code < 500:
        # 421 greeting, 454 4.7.0 at AUTH, 4xx at EHLO or STARTTLS: the server is busy, not refusing
        return MailError("smtp_try_later", smtp_code=exc.smtp_code, host=acc.host,
                         reply=f"{exc.smtp_code} {_reply(exc)}")
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return MailError("smtp_auth_refused", smtp_code=exc.smtp_code, reply=_reply(exc))
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return MailError("smtp_auth_unsupported", host=acc.host)
    if isinstance(exc, smtplib.SMTPResponseException):
        return MailError("smtp_refused", smtp_code=exc.smtp_code, reply=f"{exc.smtp_code} {_reply(exc)}")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        if isinstance(exc.__context__, TimeoutError) or "timed out" in str(exc):  # smtplib wraps the timeout
            return MailError("smtp_timeout", host=acc.host, port=acc.port)
        return MailError("smtp_disconnected", host=acc.host)
    if isinstance(exc, ssl.SSLCertVerificationError):
        return certificate_error(exc, acc)
    if isinstance(exc, ssl.SSLError):
        return MailError("smtp_tls_failed", host=acc.host, port=acc.port)
    if isinstance(exc, socket.gaierror):
        return MailError("smtp_host_unknown", host=acc.host)
    if isinstance(exc, TimeoutError | socket.timeout):
        return MailError("smtp_timeout", host=acc.host, port=acc.port)
    if isinstance(exc, OSError):
        return MailError("smtp_unreachable", host=acc.host, port=acc.port)
    return MailError("smtp_refused", reply=type(exc).__name__)


# OpenSSL's X509_V_ERR_* codes of the certificate failures a shop meets, and the words of its messages
_CERT_PROBLEMS = (
    ("smtp_cert_self_signed", {18, 19}, ("self-signed", "self signed")),
    ("smtp_cert_expired", {9, 10}, ("expired", "not yet valid")),
    ("smtp_cert_wrong_host", {62, 64}, ("mismatch", "doesn't match", "not valid for")),
    ("smtp_cert_unknown_authority", {2, 20, 21}, ("unable to get", "unknown ca", "unable to verify")),
)


def certificate_error(exc: ssl.SSLCertVerificationError, acc: SmtpAccount) -> MailError:
    """A certificate the client refused, in Régua's words (OpenSSL's English never reaches the owner);
    a rare failure keeps OpenSSL's reason for whoever helps her."""
    reason = exc.verify_message or str(exc)
    for code, numbers, words in _CERT_PROBLEMS:
        if exc.verify_code in numbers or any(w in reason.lower() for w in words):
            return MailError(code, host=acc.host)
    return MailError("smtp_certificate", host=acc.host, reason=reason)


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return " ".join(text.split())[:200]


def test_account(acc: SmtpAccount, password: str | None = None, *, timeout: float = TIMEOUT_S) -> str:
    """Connect, start TLS, log in and leave. Returns the server's name; raises MailError in plain words.
    The whole test ends within a few steps' time, however slowly the server talks."""
    conn = connect(acc, password if password is not None else password_for(acc), timeout=timeout,
                   deadline=time.monotonic() + 4 * timeout)
    close(conn)
    return acc.host


# --- the message --------------------------------------------------------------------------------------------


def _display(name: str) -> str:
    return " ".join("".join(" " if ch in "\r\n\x00\u2028\u2029\x0b\x0c\x85" else ch for ch in name).split())


def branding() -> tuple[str, str]:
    """(colour, signature) of the shop's e-mails, set once in the mail settings."""
    data = get_setting(BRANDING_KEY)
    if not isinstance(data, dict):
        return DEFAULT_COLOUR, ""
    colour = data.get("colour", DEFAULT_COLOUR)
    return (colour if isinstance(colour, str) and _COLOUR.match(colour) else DEFAULT_COLOUR,
            str(data.get("signature", "")))


def save_branding(colour: str, signature: str, *, actor: Actor) -> None:
    require(actor, "settings.change")
    colour = (colour or "").strip()
    if not _COLOUR.match(colour):
        raise ValidationError("colour", "colour_invalid")
    signature = (signature or "").strip()
    if len(signature) > 500:
        raise ValidationError("signature", "too_long", max=500)
    set_setting(BRANDING_KEY, {"colour": colour.lower(), "signature": signature})


def save_logo(path: str | None, *, actor: Actor) -> None:
    """The shop's logo at the top of its HTML e-mails (PNG or JPEG, up to 300 KB), kept in the database
    so it travels with backups; None removes it."""
    require(actor, "settings.change")
    if not path:
        set_setting(LOGO_KEY, {})
        return
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_LOGO_BYTES + 1)
    except OSError as exc:
        raise ValidationError("logo", "file_unreadable", name=path, reason=exc.strerror or type(exc).__name__) from exc
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError("logo", "logo_too_big", kb=MAX_LOGO_BYTES // 1000)
    kind = next((k for magic, k in LOGO_TYPES.items() if data.startswith(magic)), None)
    if kind is None:
        raise ValidationError("logo", "logo_not_image")
    set_setting(LOGO_KEY, {"type": kind, "data": base64.b64encode(data).decode("ascii")})


def logo() -> tuple[str, bytes] | None:
    """("png" | "jpeg", bytes) of the shop's logo, or None."""
    value = get_setting(LOGO_KEY)
    if not isinstance(value, dict) or not value.get("data") or value.get("type") not in ("png", "jpeg"):
        return None
    return value["type"], base64.b64decode(value["data"])


def html_from_text(text_escaped: str, shop_name: str, colour: str | None = None, signature: str | None = None,
                   with_logo: bool = False) -> str:
    """The HTML part: the already-escaped text in paragraphs, the shop's name in its colour and its
    signature (escaped here) below."""
    if colour is None or signature is None:
        saved_colour, saved_signature = branding()
        colour = colour or saved_colour
        signature = saved_signature if signature is None else signature
    if not _COLOUR.match(colour):
        colour = DEFAULT_COLOUR
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in text_escaped.split("\n\n") if p.strip())
    sign = f'<p style="color: #555;">{html.escape(signature).replace(chr(10), "<br>")}</p>' if signature else ""
    top = f'<p><img src="cid:{LOGO_CID}" alt="{html.escape(shop_name)}" style="max-height: 64px;"></p>' \
        if with_logo else ""
    return (f'<!DOCTYPE html><html><body style="font-family: sans-serif; color: #222; max-width: 560px;">{top}'
            f'<div style="border-top: 4px solid {colour}; padding-top: 8px;">{paragraphs}'
            f'<p style="color: {colour}; font-weight: bold;">{html.escape(shop_name)}</p>{sign}</div>'
            f"</body></html>")


def build_message(acc: SmtpAccount, to_addr: str, to_name: str, subject: str, text: str, html_body: str, *,
                  marketing: bool, unsubscribe_text: str = "", logo_image: tuple[str, bytes] | None = None
                  ) -> MIMEMultipart | EmailMessage:
    """multipart/alternative (text, then HTML), UTF-8. Built with the classic MIME classes, four times
    faster than EmailMessage; every header value is checked or cleaned of line breaks first, and
    addresses are validated ones, so nothing can add a header."""
    msg = MIMEMultipart("alternative")
    msg["From"] = formataddr((_display(acc.from_name), acc.from_addr), charset="utf-8")
    international = not to_addr.isascii()  # joão@...: only for a server that offers SMTPUTF8
    msg["To"] = formataddr((_display(to_name), "to@invalid" if international else to_addr), charset="utf-8")
    subject = " ".join(check_header(subject).split())  # refused if it breaks a line; spaces tidied
    msg["Subject"] = subject if subject.isascii() else Header(subject, "utf-8")
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=acc.domain)
    if marketing:
        msg["List-Unsubscribe"] = f"<mailto:{acc.from_addr}?subject=unsubscribe>"
        if unsubscribe_text:
            text = f"{text}\n\n--\n{unsubscribe_text}"
    msg.attach(MIMEText(text, "plain", "utf-8"))
    if logo_image is None:
        msg.attach(MIMEText(html_body, "html", "utf-8"))
    else:  # the HTML and the logo it shows travel together (multipart/related)
        related = MIMEMultipart("related")
        related.attach(MIMEText(html_body, "html", "utf-8"))
        image = MIMEImage(logo_image[1], _subtype=logo_image[0])
        image.add_header("Content-ID", f"<{LOGO_CID}>")
        image.add_header("Content-Disposition", "inline", filename=f"logo.{'png' if logo_image[0] == 'png' else 'jpg'}")
        related.attach(image)
        msg.attach(related)
    return _utf8_recipient(msg, _display(to_name), to_addr) if international else msg


def _utf8_recipient(msg: MIMEMultipart, name: str, to_addr: str) -> EmailMessage:
    """The message with a To header that keeps a non-ASCII local part as UTF-8 (RFC 6532). The classic
    MIME classes cannot write one, so the message is read back under the SMTPUTF8 policy (rare: only
    these customers) and smtplib then sends it with SMTPUTF8 and BODY=8BITMIME."""
    out = message_from_bytes(msg.as_bytes(), policy=policy.SMTPUTF8)
    local, _, domain = to_addr.rpartition("@")
    del out["To"]
    out["To"] = Address(display_name=name, username=local, domain=domain)
    return out
