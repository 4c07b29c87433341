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
API = "api/plans.json"  # the plans' list entries, newest first, a page at a time (api_list); each in full at api_plan
FILTER = "api/filter.json"  # one compact row per plan: what the home page's filters search (docs/api.md)
SITEMAPS = "sitemaps"  # the sitemap index (SITEMAP) names sitemaps/1.xml, sitemaps/2.xml …
API_SCHEMA = "api/plans.schema.json"
API_PLAN_SCHEMA = "api/plan.schema.json"
STYLE = "assets/style.css"
SCRIPT = "assets/app.js"


def numbered(first: str, number: int) -> str:
    """Page `number` of a list whose first page is `first`: 'tags/x.html' -> 'tags/x/2.html'.

    A folder beside the first page, named like it: no page id contains '/', so no other page lands there."""
    if number <= 1:
        return first
    stem, dot, ext = first.rpartition(".")
    return f"{stem}/{number}.{ext}" if dot else f"{first}/{number}"


def timeline_year(year: str) -> str:
    return f"timeline/{year}.html"


def sitemap_part(number: int) -> str:
    return f"{SITEMAPS}/{number}.xml"


def api_list(number: int) -> str:
    """Page `number` of the API's plan list; the first page is API itself."""
    return API if number <= 1 else f"api/list/{number}.json"


def org_kind(oid: str, kind: str) -> str:
    """Every plan an organisation issued (kind 'issued'), helps, is helped by or has people in."""
    return f"orgs/{oid}/{kind}.html"


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
