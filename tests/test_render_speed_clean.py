"""Cards and card lists are searched for control characters once, when made, not each time they are printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from plangen import render
from plangen.index import build_index
from plangen.pages import Page, all_pages
from plangen.render import Renderer, SiteInfo, _Clean, _printable, make_env
from plangen.workspace import load_workspace

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def example() -> tuple[render.Index, SiteInfo, list[Page]]:
    ws = load_workspace(REPO)
    index = build_index([p for p in ws.project.plans if p.status != "draft"], ws.registry)
    site = SiteInfo(ws.config.title, ws.config.language, ws.config.edit_url, search=False, drafts=False,
                    history=frozenset())
    return index, site, [p for p in all_pages(index) if p.path.endswith(".html")]


def test_a_card_list_is_printed_without_being_searched_again(
        example: tuple[render.Index, SiteInfo, list[Page]], monkeypatch: pytest.MonkeyPatch) -> None:
    index, site, pages = example
    renderer = Renderer(index, site, None)
    printed: list[type] = []
    searched: list[type] = []
    finalize, find = renderer.env.finalize, render._FIND_CONTROL

    def printing(value: object) -> object:
        printed.append(type(value))
        return finalize(value)

    def searching(value: str) -> object:
        searched.append(type(value))
        return find(value)

    renderer.env.finalize = printing
    monkeypatch.setattr(render, "_FIND_CONTROL", searching)
    for page in pages:
        if page.template in ("bucket.html", "org.html", "plan.html", "home.html"):
            renderer.render(page)
    assert printed.count(_Clean) > 10
    assert _Clean not in searched and Markup in searched


def test_what_is_made_of_a_clean_card_is_searched_again() -> None:
    """Markup's methods make their results with `self.__class__`: plain Markup, for a _Clean."""
    clean = _Clean("<li>card</li>")
    assert type(clean + "\x01") is Markup and type(clean.replace("card", "\x02")) is Markup
    assert _printable(clean + "\x01") == "<li>card</li>"
    assert make_env(None).from_string("{{ x + y }}|{{ x }}").render(x=clean, y="\x01\ufdd1") == "<li>card</li>|<li>card</li>"


def test_control_characters_in_the_card_template_are_dropped(
        example: tuple[render.Index, SiteInfo, list[Page]], tmp_path: Path) -> None:
    index, site, pages = example
    (tmp_path / "_card.html").write_text("<li>\x01{{ plan.slug }}\ufdd1 <a href=\"{{ link.plan(plan.slug) }}\">"
                                         "</a>\x7f</li>\n", "utf-8")
    # a page that prints the cards themselves (the default theme prints them through macros)
    (tmp_path / "bucket.html").write_text("{{ cards(bucket.plans) }}{% for s in bucket.plans %}"
                                          "{{ card(index.by_slug[s]) }}{% endfor %}", "utf-8")
    renderer = Renderer(index, site, tmp_path)
    shown = 0
    for page in pages:
        html = renderer.render(page).decode("utf-8")
        shown += html.count("<li>") if page.template == "bucket.html" else 0
        assert not {"\x01", "\ufdd1", "\x7f"} & set(html), page.path
    assert shown > 10
