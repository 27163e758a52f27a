"""The shop's rules in pure Python: no database, no Qt, no I/O. Only the standard library."""
