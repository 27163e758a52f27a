"""The kinds of thing staff log at the counter, and what each one needs. One list for the services,
the command line (which must not load the services to build its --help) and the GUI."""

from __future__ import annotations

KINDS = ("visit", "purchase", "call", "message", "complaint", "return", "note",
         "quote", "reservation", "special_order", "tried_on")
UNFINISHED = ("quote", "reservation", "special_order", "tried_on")  # open until bought or lost
NEEDS_AMOUNT = ("purchase", "return")
TAKES_AMOUNT = NEEDS_AMOUNT + UNFINISHED
