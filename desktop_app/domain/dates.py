"""The shop's calendar: local dates in the shop's time zone, timestamps in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from desktop_app.domain.errors import ValidationError


def utc_now() -> datetime:
    """Naive UTC, the form timestamps are stored in."""
    return datetime.now(UTC).replace(tzinfo=None)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError("timezone", "timezone_invalid") from exc


def local_date(utc: datetime, tz: str) -> date:
    """The shop's calendar date at a stored (naive UTC) instant."""
    return utc.replace(tzinfo=UTC).astimezone(zone(tz)).date()


def local_datetime(utc: datetime, tz: str) -> datetime:
    """A stored (naive UTC) instant as the shop's wall-clock time (naive)."""
    return utc.replace(tzinfo=UTC).astimezone(zone(tz)).replace(tzinfo=None)


def to_utc(local: datetime) -> datetime:
    """A zone-aware local time as the naive UTC that is stored."""
    return local.astimezone(UTC).replace(tzinfo=None)


def local_noon_utc(day: date, tz: str) -> datetime:
    """Noon of a local calendar day, stored as UTC: the time given to a day whose hour is unknown."""
    return to_utc(datetime.combine(day, time(12, 0), zone(tz)))


def local_today(tz: str, now: datetime | None = None) -> date:
    return local_date(now or utc_now(), tz)


def timezones() -> list[str]:
    return sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))


def parse_iso_date(text: str, field: str = "date") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValidationError(field, "date_invalid") from exc
