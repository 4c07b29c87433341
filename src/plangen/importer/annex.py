"""An annex after the plan's signature that lists its leadership group: the usual official layout

    松阳县教育局 / 2024年2月26日 / 附件 / 松阳县…领导小组成员名单 / 组　长：… / 副组长：…

The annex's title becomes an attachment and its role lines the group's people, when the plan's own
text names none. Pure.
"""

from __future__ import annotations

import re
from typing import Any

from .cleaning import Line
from .hanzi import key
from .people import read_group
from .structure import is_signature

_ANNEX = re.compile(r"^\s*附\s*件\s*\d{0,2}\s*[:：]?\s*(?P<title>.*)$")
_ROLE = re.compile(r"^\s*(?:常\s*务\s*副\s*组\s*长|副\s*组\s*长|组\s*长|成\s*员|组\s*员)\s*[:：]?")
_ROLES = ("leaders", "deputies", "members")


def group_annex(lines: list[Line]) -> tuple[list[Line], str, list[str]]:
    """(the plan's own lines, the annex's title, the annex's lines) when the plan ends with an annex after
    its signature that names the group's roles; (lines, '', []) otherwise."""
    for i in range(len(lines) - 2, 0, -1):
        m = _ANNEX.match(key(lines[i].text))
        if not m or not is_signature(lines, i - 1):
            continue
        title, rest = lines[i].text[m.start("title"):].strip(), [ln.text for ln in lines[i + 1:]]
        if not title and rest:
            title, rest = rest[0].strip(), rest[1:]
        if any(_ROLE.match(key(t)) for t in rest) and all(len(t.strip()) <= 60 for t in rest):
            return lines[:i], title, rest
        break
    return lines, "", []


def take_annex(data: dict[str, Any], title: str, lines: list[str], orgs: tuple[str, ...]) -> list[dict[str, str]]:
    """The annex's people into the plan's group when the plan names none (the annex's title listed among the
    attachments); else the annex as a further section. Returns the section to add, if any."""
    if not title and not lines:
        return []
    group = data.setdefault("leadership", {})
    if any(p.get("name") for r in _ROLES for p in group.get(r) or [] if isinstance(p, dict)):
        return [{"title": title or "附件", "body": "\n\n".join(t for t in lines if t.strip())}]
    found, _ = read_group(lines, "", orgs)
    group.update({r: found[r] for r in _ROLES if found.get(r)})
    if title:
        data.setdefault("attachments", []).append({"title": title})
    return []
