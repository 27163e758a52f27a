"""Persistence: the only package that imports peewee. Opening, schema, migrations, backup, search.

peewee looks for every PostgreSQL driver when it is first imported, and psycopg alone takes longer to load
than the rest of a `regua search` on a file (about 350 ms). A shop in a file never needs it, so peewee is
first imported here with the server drivers hidden; the PostgreSQL engine brings psycopg in itself, through
its own adapter (`postgres_engine.Psycopg3Driver`), when a server's shop is opened.
"""

import sys

SERVER_DRIVERS = ("psycopg", "psycopg2", "psycopg2cffi")


def _import_peewee_without_server_drivers() -> None:
    if "peewee" in sys.modules:
        return
    hidden = [name for name in SERVER_DRIVERS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


_import_peewee_without_server_drivers()
