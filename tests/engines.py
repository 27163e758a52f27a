"""Both engines for the data layer's and the services' tests: `pytest_generate_tests` runs every test that
opens its shop through `shop_settings` (or asks for `engine`) once on SQLite and once on PostgreSQL, unless
it is marked `sqlite_only` (a test about SQLite itself: WAL, pragmas, the file), which says why."""

from __future__ import annotations

ENGINES = ("sqlite", "postgresql")


def open_test_shop(paths, db_target) -> None:
    """What shop.open_shop does, on whichever engine the test runs (`db_target`: the fixture; a server URL
    has no Paths yet)."""
    from desktop_app.db.database import open_database
    from desktop_app.db.migrations import migrate
    from desktop_app.services.shop import shop

    if db_target == paths.db_path:
        shop.open_shop(paths)
    else:
        migrate(open_database(db_target), backup_dir=paths.backup_dir)


def parametrize_engines(metafunc) -> None:
    if "engine" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return
    if any(m.args and m.args[0] == "engine" for m in metafunc.definition.iter_markers("parametrize")):
        return  # the test names its engine itself
    metafunc.parametrize("engine", ENGINES, indirect=True)
