"""The group being read: its people by role, the role open on the lines read, what is kept as text. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import plantables
from ..wording import Wording, msg
from .written import placeholder_name, slot

LABELS = {"leaders": "组长", "deputies": "副组长", "members": "成员"}
_GROUP_START = ("各", "全体", "所有")


@dataclass(slots=True)
class Group:
    """What was read, in plan data form, and the empty slots met."""

    data: dict[str, Any] = field(default_factory=dict)
    empty_slots: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    role: str = ""
    label: str = ""
    twice: list[Wording] = field(default_factory=list)
    orgs: tuple[str, ...] = ()
    open: bool = False  # a role label stood alone on its line: the lines after it are its people
    last: dict[str, str] = field(default_factory=dict)  # the person added last
    table_role: tuple[str, str] = ("", "")  # the role of a table's last row, and the line after the table
    after_table: str | None = None

    def add(self, role: str, person: dict[str, str]) -> None:
        people = self.data.setdefault(role, [])
        if not person or person in people:
            return
        name = person.get("name")
        if name and (placeholder_name(name) or name.startswith(_GROUP_START)):  # ×××（待定）, 各乡镇: not a person
            person, name = slot(person), None
        for other in ("leaders", "deputies", "members"):
            if name and other != role and any(p.get("name") == name and p.get("org") == person.get("org")
                                               for p in self.data.get(other, [])):
                self.twice.append(msg("import.named-twice", name=name, role=LABELS[role], other=LABELS[other]))
                return
        people.append(person)
        self.last = person


def with_role(person: dict[str, str], label: str) -> dict[str, str]:
    """The role as the document writes it, when it says more than 组长/副组长/成员 (常务副组长, 顾问)."""
    if label in plantables.PLAIN_ROLES or not person.get("name"):
        return person
    return {**person, "role": label}
