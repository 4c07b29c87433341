"""The pieces of `plangen serve` from values: request paths, content types, the reload snippet,
editors' temp files, what is watched, the debounce and the event state. No server, no watchdog."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from conftest import REPO

from plangen.config import Config
from plangen.messages import say
from plangen.problems import Problem
from plangen.serve import Debouncer, Watched, is_temp_name
from plangen.serve_http import Broadcaster, content_type, inject, reload_snippet, safe_target


@pytest.fixture
def site(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    (out / "plans").mkdir(parents=True)
    (out / "plans" / "a.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (out / "link").symlink_to(tmp_path / "secret.txt")
    return out


@pytest.mark.parametrize("raw", [
    "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2e/secret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt",
    "/..\\secret.txt", "/..%5csecret.txt", "/plans/..%5c..%5csecret.txt", "/plans/../../secret.txt",
    "/%00", "/a%00.html", "/C:/secret.txt", "/link", "/%c0%ae%c0%ae/secret.txt", "/./plans/a.html",
    "relative/path", "/%252e%252e/secret.txt/..",
])
def test_refused_request_paths(site: Path, raw: str) -> None:
    target = safe_target(site, raw)
    assert target is None or (not target.exists() and site.resolve() in target.parents)


@pytest.mark.parametrize(("raw", "expected"), [
    ("/", ""), ("/plans/a.html", "plans/a.html"), ("/plans/a.html?x=1#top", "plans/a.html"),
    ("/plans/%61.html", "plans/a.html"), ("http://127.0.0.1:8000/plans/a.html", "plans/a.html"),
    ("//plans//a.html", "plans/a.html"),
])
def test_allowed_request_paths(site: Path, raw: str, expected: str) -> None:
    assert safe_target(site, raw) == (site.resolve() / expected if expected else site.resolve())


@pytest.mark.parametrize(("name", "kind"), [
    ("a.html", "text/html; charset=utf-8"), ("a.css", "text/css; charset=utf-8"),
    ("a.js", "text/javascript; charset=utf-8"), ("a.json", "application/json; charset=utf-8"),
    ("feed.xml", "application/xml; charset=utf-8"), ("a.ics", "text/calendar; charset=utf-8"),
    ("a.yaml", "text/yaml; charset=utf-8"), ("a.yml", "text/yaml; charset=utf-8"),
    ("a.md", "text/markdown; charset=utf-8"), ("a.svg", "image/svg+xml; charset=utf-8"),
    ("x.wasm", "application/wasm"), ("zh_1a2b.pf_fragment", "application/octet-stream"),
    ("zh.pf_meta", "application/octet-stream"), ("wasm.zh.pagefind", "application/octet-stream"),
    ("a.png", "image/png"), ("noext", "application/octet-stream"),
])
def test_content_types(name: str, kind: str) -> None:
    assert content_type(name) == kind


def test_snippet_goes_before_the_last_body_end() -> None:
    html = b"<html><body><p>&lt;/body&gt;</p></BODY></html>"
    out = inject(html, reload_snippet(3))
    assert out.startswith(b"<html><body><p>&lt;/body&gt;</p><script data-plangen-reload>")
    assert out.endswith(b"</script>\n</BODY></html>")
    assert b"generation = 3," in out and b"/__plangen/events" in out
    assert inject(b"<p>no body</p>", b"<s>") == b"<p>no body</p><s>"
    assert b"innerHTML" not in reload_snippet(1) and b"textContent" in reload_snippet(1)


@pytest.mark.parametrize(("name", "temp"), [
    ("a.yaml", False), ("a.md", False), ("2016-plan.yml", False), (".a.yaml.swp", True), ("a.yaml~", True),
    (".#a.yaml", True), ("#a.yaml#", True), ("4913", True), ("5036", True), ("a.yaml.tmp", True),
    (".hidden.yaml", True), ("a.yaml.swx", True), (".index.html.plangen-tmp", True), ("a.yaml___jb_tmp___", True),
])
def test_editor_temp_files(name: str, temp: bool) -> None:
    assert is_temp_name(name) is temp


def test_what_is_watched(tmp_path: Path) -> None:
    (tmp_path / "plans" / "edu").mkdir(parents=True)
    (tmp_path / "templates").mkdir()
    w = Watched.of(Config(tmp_path.resolve()), tmp_path / ".plangen-preview")
    root = tmp_path.resolve()
    assert w.relevant(root / "plans" / "edu" / "a.yaml", False)
    assert w.relevant(root / "plans" / "edu", True)  # a folder of plans renamed or deleted
    assert not w.relevant(root / "plans" / "edu" / "notes.txt", False)
    assert not w.relevant(root / "plans" / ".a.yaml.swp", False)
    assert w.relevant(root / "templates" / "plan.html", False)
    assert w.relevant(root / "plangen.yaml", False) and w.is_config(root / "plangen.yaml")
    assert w.relevant(root / "registry.yaml", False)
    assert not w.relevant(root / "README.md", False)
    assert not w.relevant(root / ".plangen-preview" / "index.html", False)
    folders = dict(w.folders())
    assert folders[root / "plans"] is True and folders[root] is False


def test_debounce_merges_a_burst_into_one_signal() -> None:
    debouncer = Debouncer(quiet=0.05)
    stop = threading.Event()
    released: list[tuple[float, bool]] = []

    def consume() -> None:
        while (got := debouncer.wait(stop)) is not None:
            released.append(got)

    worker = threading.Thread(target=consume)
    worker.start()
    for n in range(6):  # six events 10 ms apart: one save's burst
        debouncer.poke(config=(n == 3))
        time.sleep(0.01)
    time.sleep(0.25)
    debouncer.poke()
    time.sleep(0.25)
    stop.set()
    worker.join(2)
    assert [config for _, config in released] == [True, False]


def test_debounce_never_waits_longer_than_the_limit() -> None:
    debouncer = Debouncer(quiet=0.05, longest=0.2)
    stop = threading.Event()
    started = time.monotonic()
    done = threading.Event()

    def noisy() -> None:
        while not done.is_set():
            debouncer.poke()
            time.sleep(0.01)

    threading.Thread(target=noisy, daemon=True).start()
    assert debouncer.wait(stop) is not None
    done.set()
    assert time.monotonic() - started < 0.6


def test_event_state() -> None:
    hub = Broadcaster()
    seq, hello = hub.hello()
    assert json.loads(hello) == {"generation": 0, "problems": None}
    hub.built(changed=True)
    hub.failed([Problem("plans/a.yaml", 3, 5, "error", "issuer", "is empty", "write text")])
    hub.built(changed=False)  # the fix restored the last good site: clear, no reload
    hub.built(changed=False)  # nothing at all changed: no event
    events = hub.wait(seq, 0.1)
    assert [name for _, name, _ in events] == ["reload", "problems", "clear"]
    problem = json.loads(events[1][2])["problems"][0]
    assert problem == {"path": "plans/a.yaml", "line": 3, "column": 5, "severity": "error", "field": "issuer",
                       "message": "is empty", "hint": "write text"}
    assert hub.wait(events[-1][0], 0.05) == []
    hub.close()
    assert hub.wait(events[-1][0], 5) == []  # returns at once once closed


def test_an_unfinished_preview_folder_is_cleared_but_a_finished_one_kept(tmp_path: Path) -> None:
    from plangen.output import MANIFEST
    from plangen.serve import PREVIEW_DIR, _clear_leftover

    said: list[str] = []
    folder = tmp_path / PREVIEW_DIR
    (folder / "plans").mkdir(parents=True)
    (folder / "plans" / "a.html").write_text("half", encoding="utf-8")
    _clear_leftover(folder, said.append, say("en"))
    assert not folder.exists() and "interrupted" in said[0]
    (folder / "plans").mkdir(parents=True)
    (folder / MANIFEST).write_text("{}", encoding="utf-8")
    _clear_leftover(folder, said.append, say("en"))
    assert (folder / "plans").is_dir() and len(said) == 1
    other = tmp_path / "mine"
    other.mkdir()
    _clear_leftover(other, said.append, say("en"))  # never a folder with another name
    assert other.is_dir()


def test_the_search_index_is_written_with_the_pages_before_the_browsers_are_told(tmp_path: Path) -> None:
    """serve's build writes the index in the same commit as the pages: a browser told of new pages
    finds an index that agrees with them."""
    import shutil

    from plangen.serve import Preview, ServeOptions

    root = tmp_path / "project"
    shutil.copytree(REPO / "plans", root / "plans")
    shutil.copy(REPO / "plangen.yaml", root / "plangen.yaml")
    shutil.copy(REPO / "registry.yaml", root / "registry.yaml")
    out = tmp_path / "preview"
    meta = out / "search" / "meta.js"
    told: list[bool] = []

    class Hub:
        def built(self, changed: bool) -> None:
            told.append(meta.is_file())

        def failed(self, problems: object) -> None:
            raise AssertionError(problems)

    preview = Preview(ServeOptions(root=root, output=out, language="en"), broadcaster=Hub(), say=[].append)  # type: ignore[arg-type]
    result = preview.rebuild(0.0)
    assert result.ok and result.search is not None and result.search.ok
    assert told == [True]


def test_the_debouncer_gathers_the_paths_of_a_burst() -> None:
    debouncer = Debouncer(quiet=0.01)
    debouncer.poke(paths=["/p/a.md"])
    debouncer.poke(paths=["/p/b.md", "/p/a.md"])
    assert debouncer.take_paths() == {"/p/a.md", "/p/b.md"}
    assert debouncer.take_paths() == set()  # taken: the next build's hint starts empty
    debouncer.poke(paths=["/p/a.md"])
    debouncer.poke()  # an event that names nothing (the first build, a new folder): anything may have changed
    debouncer.poke(paths=["/p/c.md"])
    assert debouncer.take_paths() is None
