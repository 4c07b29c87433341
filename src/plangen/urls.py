"""Where every page lives in the output, and relative links between them. Pure.

Pages are flat `.html` files (never folder URLs), so the site works from disk (file://) and
under any sub-path: every href is computed relative to the page it appears on.
"""

from __future__ import annotations

from urllib.parse import quote

HOME = "index.html"
ORGS = "orgs/index.html"
PEOPLE = "people/index.html"
DOCS = "documents/index.html"
TAGS = "tags/index.html"
TIMELINE = "timeline.html"
SEARCH = "search.html"
NOT_FOUND = "404.html"
CALENDAR = "calendar.ics"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
API = "api/plans.json"  # every published plan's list entry; each plan in full at api_plan(slug)
API_SCHEMA = "api/plans.schema.json"
API_PLAN_SCHEMA = "api/plan.schema.json"
STYLE = "assets/style.css"
SCRIPT = "assets/app.js"


def plan(slug: str) -> str:
    return f"plans/{slug}.html"


def plan_ics(slug: str) -> str:
    return f"plans/{slug}.ics"


def api_plan(slug: str) -> str:
    return f"api/plans/{slug}.json"


def source(slug: str, kind: str) -> str:
    return f"sources/{slug}.{'md' if kind == 'markdown' else 'yaml'}"


def history(slug: str) -> str:
    return f"history/{slug}.html"


def org(oid: str) -> str:
    return f"orgs/{oid}.html"


def person(pid: str) -> str:
    return f"people/{pid}.html"


def doc(did: str) -> str:
    return f"documents/{did}.html"


def bucket(kind: str, bid: str) -> str:
    """kind: tags, categories, years, status."""
    return f"{kind}/{bid}.html"


def relative(page: str, target: str) -> str:
    """The href from `page` to `target` (both output paths), percent-encoded, anchors kept."""
    path, _, anchor = target.partition("#")
    href = quote(_relpath(path, page.rpartition("/")[0]) if path else page.rpartition("/")[2], safe="/")
    return href + ("#" + quote(anchor, safe="") if anchor else "")


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for two normalised output-relative paths, without touching the disk."""
    here = start.split("/") if start else []
    there = path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])
