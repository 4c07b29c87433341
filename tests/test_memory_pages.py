"""What the page jobs of a big site hold: no copies of long slug lists per plan."""

from __future__ import annotations

import sys
from pathlib import Path

from plangen.build import _all_jobs, _inputs
from plangen.index import build_index
from plangen.pages import Page, cited_with, plan_page
from plangen.render import SiteInfo
from plangen.workspace import load_workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import corpus


def _index(tmp_path: Path):  # type: ignore[no-untyped-def]
    root = tmp_path / "project"
    corpus.generate(root, 40, seed=2)
    ws = load_workspace(root)
    return ws, build_index([p for p in ws.project.plans if p.status != "draft"], ws.registry)


def test_plans_citing_a_document_are_the_documents_own_tuple(tmp_path: Path) -> None:
    _, index = _index(tmp_path)
    cited = cited_with(index)
    docs = [d for d in index.docs.values() if len(d.citing) > 1]
    assert docs
    for doc in docs:
        for slug in doc.citing:
            assert any(group is doc.citing for group in cited[slug])  # shared, not copied per plan
    # a plan page still shows every plan citing what it cites, once each, in order
    plan = index.by_slug[docs[0].citing[0]]
    page = plan_page(index, plan, index.plans.index(plan), cited)
    assert set(docs[0].citing) <= set(page.shows) and len(page.shows) == len(set(page.shows))


def test_a_page_job_keeps_only_what_rendering_needs(tmp_path: Path) -> None:
    ws, index = _index(tmp_path)
    site = SiteInfo(ws.config.title, ws.config.language, ws.config.edit_url, search=False, drafts=False,
                    history=frozenset())
    jobs = _all_jobs(_inputs(index, ws.config, site, ws.project.texts, ws.registry_text, None), cited_with(index))
    held = [cell.cell_contents for job in jobs.values() if job.path.endswith(".html") and job.make.__closure__
            for cell in job.make.__closure__ if isinstance(cell.cell_contents, Page)]
    assert held and all(page.reads == () and page.shows == () for page in held)
