"""Mail rules, pure: the shop's SMTP account (presets, checks), what an SMTP reply means for a message
(retry, bounce, pause the queue), the retry backoff, and header values that cannot inject a header."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import timedelta

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP

STARTTLS = "starttls"
SSL = "ssl"


@dataclass(frozen=True, slots=True)
class Preset:
    key: str
    name: str
    host: str
    port: int
    security: str
    daily_limit: int
    per_minute: int
    hint: str = ""  # English, translated by the GUI


PRESETS = {p.key: p for p in (
    Preset("gmail", "Gmail", "smtp.gmail.com", 587, STARTTLS, 400, 20,
           QT_TRANSLATE_NOOP("mail", "Gmail needs an app password (Google account → Security → App passwords).")),
    Preset("outlook", "Outlook / Microsoft 365", "smtp.office365.com", 587, STARTTLS, 300, 30,
           QT_TRANSLATE_NOOP("mail", "Outlook and Microsoft 365 need SMTP sending switched on for the mailbox, "
                                     "and an app password.")),
    Preset("yahoo", "Yahoo", "smtp.mail.yahoo.com", 465, SSL, 400, 20,
           QT_TRANSLATE_NOOP("mail", "Yahoo needs an app password.")),
    Preset("zoho", "Zoho", "smtp.zoho.com", 587, STARTTLS, 200, 20, ""),
    Preset("other", "Other", "", 587, STARTTLS, 200, 20, ""),
)}

_HOST = re.compile(r"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9-]{1,63}$")


@dataclass(frozen=True, slots=True)
class SmtpAccount:
    """Everything about the shop's mail account except the password, which lives in the OS keyring."""

    host: str
    port: int
    security: str
    user: str
    from_addr: str
    from_name: str = ""
    preset: str = "other"
    daily_limit: int = 200
    per_minute: int = 20

    def validated(self) -> SmtpAccount:
        host = self.host.strip().lower()
        if not host or not _HOST.match(host):
            raise ValidationError("host", "smtp_host_invalid")
        if not 1 <= int(self.port) <= 65535:
            raise ValidationError("port", "number_out_of_range", low=1, high=65535)
        if self.security not in (STARTTLS, SSL):
            raise ValidationError("security", "smtp_security_invalid")
        user = self.user.strip()
        if not user or len(user) > 254:
            raise ValidationError("user", "required")
        for name, value in (("from_name", self.from_name), ("user", user)):
            check_header(value, name)
        if not 1 <= self.daily_limit <= 100_000:
            raise ValidationError("daily_limit", "number_out_of_range", low=1, high=100_000)
        if not 1 <= self.per_minute <= 10_000:
            raise ValidationError("per_minute", "number_out_of_range", low=1, high=10_000)
        return replace(self, host=host, port=int(self.port), user=user, from_name=" ".join(self.from_name.split()))

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> SmtpAccount:
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    @property
    def keyring_user(self) -> str:
        """The name the password is filed under in the keyring: one per account."""
        return f"{self.user}@{self.host}:{self.port}"

    @property
    def domain(self) -> str:
        return self.from_addr.rpartition("@")[2] or self.host


# --- what a reply means -----------------------------------------------------------------------------------

RETRY = "retry"  # try again later with backoff
BOUNCE = "bounce"  # this address does not exist: mark it, never try it again
PAUSE = "pause"  # the account cannot send (password, quota, policy): stop the whole queue, tell the owner
FAIL = "fail"  # this message cannot go; the next ones may

MAX_ATTEMPTS = 5


def classify(code: int | None, text: str = "") -> str:
    """What to do after an SMTP reply (`code` None: a timeout or a dropped connection)."""
    enhanced = _enhanced(text)
    if code is None:
        return RETRY
    if code in (530, 534, 535, 538) or enhanced.startswith("5.7.") or enhanced == "5.4.5" or code == 554 and (
            "policy" in text.lower() or "spam" in text.lower()):
        return PAUSE
    if 400 <= code < 500:
        return RETRY
    if enhanced.startswith("5.1.") or code in (550, 551, 553) and not enhanced:
        return BOUNCE
    if code == 552 or enhanced.startswith("5.2.2"):
        return PAUSE if enhanced == "5.4.5" else FAIL  # 552 5.2.2 mailbox full: this one fails
    return FAIL


def _enhanced(text: str) -> str:
    m = re.match(r"\s*([245]\.\d{1,3}\.\d{1,3})\b", text or "")
    return m.group(1) if m else ""


def backoff(attempts: int) -> timedelta:
    """5, 20, 60, 180 minutes... after the 1st, 2nd, 3rd, 4th failed attempt."""
    return timedelta(minutes=(5, 20, 60, 180, 360)[min(max(attempts, 1), 5) - 1])


# --- addresses on the wire ---------------------------------------------------------------------------------


def smtp_address(address: str) -> str:
    """The address as it goes into the envelope and the To header: the domain in IDNA (ASCII, `xn--`)
    form, the local part as it is. Raises ValidationError when the domain cannot be written in IDNA."""
    local, at, domain = (address or "").rpartition("@")
    if not at or not local or not domain:
        raise ValidationError("email", "email_invalid")
    if not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise ValidationError("email", "email_invalid") from exc
    return f"{local}@{domain.lower()}"


def needs_smtputf8(address: str) -> bool:
    """A local part that is not ASCII (joão@...) can only travel to a server that offers SMTPUTF8."""
    return not address.isascii()


_FORBIDDEN = re.compile("[\r\n\x00\u2028\u2029\x0b\x0c\x85]")


def check_header(value: str, field: str = "subject") -> str:
    """A value that goes into a header: no line breaks or NUL of any kind (they would start a new header)."""
    if _FORBIDDEN.search(value or ""):
        raise ValidationError(field, "header_line_break")
    if len(value or "") > 200:
        raise ValidationError(field, "too_long", max=200)
    return value
