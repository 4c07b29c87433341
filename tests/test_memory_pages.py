"""What the page jobs of a big site hold: no copies of long slug lists per plan."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path

from incremental_helpers import generated

from plangen import urls
from plangen.index import build_index
from plangen.jobs import all_jobs
from plangen.pages import Page, cited_with, plan_page
from plangen.render import SiteInfo
from plangen.reuse import inputs_of
from plangen.workspace import load_workspace


def _index(tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = load_workspace(generated(tmp_path / "project", 40, seed=2))
    return ws, build_index([p for p in ws.project.plans if p.status != "draft"], ws.registry)


def test_plans_citing_a_document_are_the_documents_own_tuple(tmp_path: Path) -> None:
    _, index = _index(tmp_path)
    cited = cited_with(index)
    docs = [d for d in index.docs.values() if len(d.citing) > 1]
    assert docs
    for doc in docs:
        for slug in doc.citing:
            assert any(group is doc.citing for group in cited[slug])  # shared, not copied per plan
    # a plan page shows every plan citing what it cites: as the document's own tuple, not copied
    plan = index.by_slug[docs[0].citing[0]]
    page = plan_page(index, plan, index.plans.index(plan), cited)
    assert any(group is docs[0].citing for group in page.shows_groups)
    assert len(page.shows) == len(set(page.shows))


def test_a_plan_page_is_made_again_when_a_plan_citing_the_same_document_changes_its_summary(tmp_path: Path) -> None:
    ws, index = _index(tmp_path)
    site = SiteInfo(ws.config.title, ws.config.language, ws.config.edit_url, search=False, drafts=False,
                    history=frozenset())

    def prints(idx):  # type: ignore[no-untyped-def]
        jobs = all_jobs(inputs_of(idx, ws.config, site, ws.project.texts, ws.registry_text, None), cited_with(idx))
        return {path: job.fingerprint for path, job in jobs.items()}

    doc = max(index.docs.values(), key=lambda d: len(d.citing))
    changed, cited = doc.citing[0], cited_with(index)
    # a plan page citing the same document that shows nothing else of the changed plan
    # (it is not among its related plans, neighbours or links)
    [other, *_] = [s for s in doc.citing[1:]
                   if changed not in plan_page(index, index.by_slug[s], index.plans.index(index.by_slug[s]), cited).shows]
    plans = [replace(p, title=p.title + "（修订）") if p.slug == changed else p for p in index.plans]
    before, after = prints(index), prints(build_index(plans, ws.registry))
    assert before[urls.plan(other)] != after[urls.plan(other)]  # it shows the document's id, which that plan decides
    unchanged = [path for path in before if path.startswith("plans/") and before[path] == after[path]]
    assert unchanged  # the plan pages that show nothing of it keep their fingerprints


def _pages_with_their_plans() -> set[int]:
    """The pages alive in this process that still carry the plans they read and show."""
    gc.collect()
    return {id(o) for o in gc.get_objects() if isinstance(o, Page) and (o.reads or o.shows or o.shows_groups)}


def test_a_page_job_keeps_only_what_rendering_needs(tmp_path: Path) -> None:
    """What a page reads and shows is for its fingerprint only: once the jobs are made, no page that
    carries it is kept alive by them (a big site's jobs would hold long slug lists per page)."""
    ws, index = _index(tmp_path)
    site = SiteInfo(ws.config.title, ws.config.language, ws.config.edit_url, search=False, drafts=False,
                    history=frozenset())
    inputs = inputs_of(index, ws.config, site, ws.project.texts, ws.registry_text, None)
    before = _pages_with_their_plans()
    jobs = all_jobs(inputs, cited_with(index))
    assert sum(path.endswith(".html") for path in jobs) > 40
    assert _pages_with_their_plans() - before == set()
    assert jobs[urls.plan(index.plans[0].slug)].make().startswith(b"<!DOCTYPE html>")  # and they still render
