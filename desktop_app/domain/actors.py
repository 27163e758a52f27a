"""Who is doing something: a staff member at the GUI, or the command line acting as the owner."""

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


COMMAND_LINE = Actor(None, "command line", OWNER)
