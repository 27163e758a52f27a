"""Persistence: the only package that imports peewee. Opening, schema, migrations, backup, search."""
