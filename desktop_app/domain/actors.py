"""Who is doing something, and where: a staff member at the GUI, or the command line acting as the owner,
at a till (the PC's name, services/shop/till.py), which every entry they make records."""

from __future__ import annotations

from dataclasses import dataclass

OWNER = "owner"
MANAGER = "manager"
COUNTER = "counter"
ROLES = (OWNER, MANAGER, COUNTER)


@dataclass(frozen=True, slots=True)
class Actor:
    staff_id: int | None
    name: str
    role: str
    till: str = ""  # this PC's name ("Caixa 1"), set once by the window or the command line at start


COMMAND_LINE = Actor(None, "command line", OWNER)
