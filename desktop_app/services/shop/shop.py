"""Opening a shop's database and reading or changing the shop's business settings."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from desktop_app.config import Paths, live_location_problem
from desktop_app.db.database import check_file, database, open_database, upsert
from desktop_app.db.migrations import MigrationResult, migrate, preflight
from desktop_app.db.models import Setting
from desktop_app.domain.actors import Actor
from desktop_app.domain.birthdays import FEB29_ON_FEB28, FEB29_ON_MAR1
from desktop_app.domain.countries import COUNTRIES
from desktop_app.domain.dates import zone
from desktop_app.domain.errors import DatabaseError, ValidationError
from desktop_app.domain.permissions import require
from desktop_app.domain.text import clean_text
from desktop_app.services.shop import audit

SHOP_KEY = "shop"
LANGUAGES = ("en", "pt_BR", "pt_PT")  # the languages Régua's window speaks (and its default texts)


@dataclass(frozen=True, slots=True)
class ShopSettings:
    name: str
    country: str
    timezone: str
    language: str
    currency: str
    feb29_rule: str = FEB29_ON_FEB28

    def validated(self) -> ShopSettings:
        name = clean_text(self.name)
        if not name:
            raise ValidationError("name", "required")
        if len(name) > 120:
            raise ValidationError("name", "too_long", max=120)
        if self.country not in COUNTRIES:
            raise ValidationError("country", "country_invalid")
        zone(self.timezone)
        language = self.language or "en"
        if language not in LANGUAGES:
            raise ValidationError("language", "language_invalid")
        if self.feb29_rule not in (FEB29_ON_FEB28, FEB29_ON_MAR1):
            raise ValidationError("feb29_rule", "feb29_rule_invalid")
        return ShopSettings(name, self.country, self.timezone, language,
                            self.currency or COUNTRIES[self.country].currency, self.feb29_rule)

    @classmethod
    def for_country(cls, name: str, country: str, timezone: str | None = None) -> ShopSettings:
        c = COUNTRIES[country]
        return cls(name, country, timezone or c.timezone, c.language, c.currency)


def open_shop(paths: Paths, *, create: bool = True) -> MigrationResult:
    """Open (or create) the database at `paths.target` (a file, or a server's URL) and upgrade it to this
    version's schema. A database file in a cloud-synced or network folder is refused before a byte is written."""
    problem = None if paths.is_server else live_location_problem(paths.db_path)
    if problem is not None:
        raise DatabaseError("db_on_cloud_folder" if problem == "cloud" else "db_on_network", path=paths.db_path)
    try:
        check_file(paths.target, create=create)
        preflight(paths.target)
        db = open_database(paths.target, create=create)
    except DatabaseError as exc:
        if paths.is_server and "path" in exc.params:  # the server as she gave it, not as Régua connects
            exc.params["path"] = paths.shown
        raise
    return migrate(db, backup_dir=paths.backup_dir)


def get_setting(key: str, default: object = None) -> object:
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else json.loads(row.value)


def set_setting(key: str, value: object) -> None:
    upsert(Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False)), [Setting.key], [Setting.value]).execute()


def shop_settings() -> ShopSettings | None:
    """The shop's settings, or None before the first-run screen has been completed."""
    data = get_setting(SHOP_KEY)
    if not isinstance(data, dict):
        return None
    try:
        return ShopSettings(**data)
    except TypeError:
        return None


def save_shop_settings(settings: ShopSettings) -> ShopSettings:
    settings = settings.validated()
    set_setting(SHOP_KEY, asdict(settings))
    return settings


def change_shop_settings(settings: ShopSettings, *, actor: Actor) -> ShopSettings:
    """The owner changes the shop's name, country (and with it the currency), time zone, language or Feb 29
    rule after the first run. Everything is checked before anything is written; the change is audited
    with the fields that changed."""
    require(actor, "settings.change")
    settings = settings.validated()
    with database.atomic():
        before = shop_settings()
        set_setting(SHOP_KEY, asdict(settings))
        changed = {k: v for k, v in asdict(settings).items() if before is None or getattr(before, k) != v}
        audit.record(actor, "settings.change", "shop", **changed)
    return settings
