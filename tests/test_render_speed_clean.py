"""Cards and card lists are searched for control characters once, when made, not each time they are printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from plangen import render
from plangen.index import build_index
from plangen.pages import Page, all_pages
from plangen.render import Renderer, SiteInfo, _printable
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
    printed: list[object] = []
    searched: list[object] = []
    finalize, find = renderer.env.finalize, render._FIND_CONTROL

    def printing(value: object) -> object:
        printed.append(value)
        return finalize(value)

    def searching(value: str, *span: int) -> object:
        searched.append(value)
        return find(value, *span)

    renderer.env.finalize = printing
    monkeypatch.setattr(render, "_FIND_CONTROL", searching)
    for page in pages:
        if page.template in ("bucket.html", "org.html", "plan.html"):  # (they print card lists: plan_list)
            renderer.render(page)
    lists = [v for v in printed if isinstance(v, Markup) and v.startswith("<li") and 'class="plan-card"' in v]
    assert len(lists) > 10
    assert not [v for v in lists if any(v is s for s in searched)]
    assert any(isinstance(s, Markup) for s in searched)


def test_what_is_made_of_a_clean_card_is_searched_again(
        example: tuple[render.Index, SiteInfo, list[Page]], tmp_path: Path) -> None:
    """A kept card is known by its identity: `card + text` is another object, searched as any other."""
    index, site, pages = example
    (tmp_path / "bucket.html").write_text('{% for s in bucket.plans %}{{ card(index.by_slug[s]) + "\x01\ufdd1" }}'
                                          "{{ card(index.by_slug[s]) }}{% endfor %}", "utf-8")
    renderer = Renderer(index, site, tmp_path)
    shown = 0
    for page in pages:
        if page.template == "bucket.html":
            html = renderer.render(page).decode("utf-8")
            shown += html.count('class="plan-card"')
            assert not {"\x01", "\ufdd1"} & set(html), page.path
    assert shown > 10
    assert _printable(Markup("<li>card</li>") + "\x01") == "<li>card</li>"


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


def test_a_macro_that_holds_a_card_list_is_searched_around_it(
        example: tuple[render.Index, SiteInfo, list[Page]], monkeypatch: pytest.MonkeyPatch) -> None:
    index, site, pages = example
    renderer = Renderer(index, site, None)
    find = render._FIND_CONTROL
    searched: list[str] = []

    def searching(value: str, start: int = 0, end: int = 1 << 62) -> object:
        searched.append(value[start:end])
        return find(value, start, end)

    monkeypatch.setattr(render, "_FIND_CONTROL", searching)
    lists = 0
    for page in pages:
        if page.template in ("bucket.html", "org.html", "plan.html"):
            lists += renderer.render(page).count(b'<ul class="plan-list">')
    assert lists > 10
    assert not [s for s in searched if 'class="plan-list"' in s and 'class="plan-card"' in s]
    cards = [s for s in searched if 'class="plan-card"' in s]  # searched once each, when made
    assert len(cards) == len(set(cards)) > 3


@pytest.mark.parametrize("before, after", [("\x01", ""), ("", "\ufdd1"), ("\x7f", "\x85")])
def test_control_characters_around_a_card_list_are_dropped(
        example: tuple[render.Index, SiteInfo, list[Page]], tmp_path: Path, before: str, after: str) -> None:
    index, site, pages = example
    macros = (REPO / "templates" / "_macros.html").read_text("utf-8")
    plan_list = '<ul class="plan-list">\n{{ cards(slugs) -}}\n</ul>'
    assert plan_list in macros
    (tmp_path / "_macros.html").write_text(macros.replace(plan_list, f"{before}{plan_list}{after}"), "utf-8")
    renderer = Renderer(index, site, tmp_path)
    lists = 0
    for page in pages:
        if page.template in ("bucket.html", "org.html", "plan.html"):
            html = renderer.render(page).decode("utf-8")
            lists += html.count('<ul class="plan-list">')
            assert not {before, after} - {""} & set(html), page.path
    assert lists > 10
