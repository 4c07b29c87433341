"""`plangen serve` end to end: a real server in a subprocess on a free port, a real project on disk.

The tests in this module share one server and run in order (edit, break, recover, rename,
delete, stop); each waits for what it expects with a bounded poll, never a fixed sleep.
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from plangen.scaffold import init_project
from plangen.scaffold_text import EXAMPLE_YAML
from plangen.schema import editor_schema

WAIT = 10.0  # seconds: the longest any single change may take to be served
YAML_PLAN = "plans/dongshan-jiedui-bangfu.yaml"
MD_PLAN = "plans/dongshan-nongji-xiaxiang.md"
DRAFT = EXAMPLE_YAML.replace("status: active", "status: draft").replace(
    "title: 东山镇中心小学与西岭村小学结对帮扶工作方案", "title: 西岭村小学暑期阅读活动方案")


def make_project(root: Path) -> Path:
    init_project(root, editor_schema())
    (root / "plans" / "xiling-yuedu.yaml").write_text(DRAFT, encoding="utf-8")
    return root


def _as_in_a_terminal() -> None:
    """Let Ctrl-C reach the serves started here as it would in a terminal. A test run started in the
    background by a script (`cmd &`) inherits SIGINT ignored, and an ignored signal stays ignored in
    every program it starts (Python then installs no KeyboardInterrupt): handled here, it is reset to
    the default in each serve."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


class Server:
    """`python -m plangen serve --port 0` in a subprocess; its output collected line by line."""

    def __init__(self, root: Path, *args: str) -> None:
        self.root = root
        self.lines: list[str] = []
        self._ready = threading.Event()
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
        _as_in_a_terminal()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "plangen", "serve", "--port", "0", "--no-search", "--lang", "en", *args],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8", env=env,
            start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(60):
            self.proc.kill()
            raise AssertionError("serve did not print its URL:\n" + self.output)
        found = re.search(r"serving (http://\S+)", self.output)
        assert found, self.output
        self.url = found.group(1)
        parts = urlsplit(self.url)
        self.host, self.port = parts.hostname or "", parts.port or 0
        self.out = root / ".plangen-preview"

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            if line.startswith("serving "):
                self._ready.set()

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def rebuilds(self) -> int:
        return sum(1 for line in self.lines if line.startswith(("rebuilt in", "build failed")))

    def get(self, raw_path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            conn.request(method, raw_path)
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def wait_until(self, what: str, check: Callable[[], bool], timeout: float = WAIT) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if check():
                return time.monotonic() - started
            time.sleep(0.05)
        raise AssertionError(f"not within {timeout} s: {what}\n--- serve output ---\n{self.output}")

    def stop(self) -> int:
        if self.proc.poll() is None:  # Ctrl-C in a terminal: SIGINT to the whole process group
            os.killpg(self.proc.pid, signal.SIGINT)
        try:
            return self.proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            raise


class Events:
    """A client of the server's event stream, collecting (event, data) pairs in a queue."""

    def __init__(self, server: Server) -> None:
        self.queue: queue.Queue[tuple[str, dict[str, object]]] = queue.Queue()
        self.conn = http.client.HTTPConnection(server.host, server.port, timeout=30)
        self.conn.request("GET", "/__plangen/events")
        self.response = self.conn.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type", "").startswith("text/event-stream")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        name = ""
        try:
            for raw in self.response:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    self.queue.put((name, json.loads(line[6:])))
        except (OSError, ValueError):
            return

    def next(self, name: str, timeout: float = WAIT) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no '{name}' event within {timeout} s")
            try:
                got, data = self.queue.get(timeout=left)
            except queue.Empty:
                continue
            if got == name:
                return data

    def close(self) -> None:
        self.conn.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = make_project(tmp_path_factory.mktemp("serve"))
    running = Server(root, "--drafts", "--debounce", "200")  # 200 ms: a burst stays one burst on a busy machine
    yield running
    if running.proc.poll() is None:
        running.stop()


def edit(root: Path, name: str, old: str, new: str) -> None:
    """Save like an editor that writes a temporary file and renames it over the original."""
    target = root / name
    text = target.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    temp = target.with_name(f".{target.name}.swp")
    temp.write_text(text.replace(old, new, 1), encoding="utf-8")
    (target.parent / "4913").write_text("", encoding="utf-8")  # vim's probe file
    (target.parent / "4913").unlink()
    os.replace(temp, target)


def served(server: Server, path: str, text: str) -> Callable[[], bool]:
    def check() -> bool:
        status, _, body = server.get(path)
        return status == 200 and text in body.decode("utf-8")
    return check


# --- serving ---------------------------------------------------------------------------------

def test_pages_have_the_reload_snippet_and_utf8(server: Server) -> None:
    status, headers, body = server.get("/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    html = body.decode("utf-8")
    assert "东山镇中心小学与西岭村小学结对帮扶工作方案" in html
    assert html.count("data-plangen-reload") == 1 and "/__plangen/events" in html
    assert html.index("data-plangen-reload") < html.rindex("</body>")
    assert "data-plangen-reload" not in (server.out / "index.html").read_text(encoding="utf-8")


def test_drafts_are_shown_with_the_banner(server: Server) -> None:
    status, _, body = server.get("/plans/xiling-yuedu.html")
    assert status == 200 and "draft-banner" in body.decode("utf-8")


@pytest.mark.parametrize(("path", "kind"), [
    ("/assets/style.css", "text/css; charset=utf-8"),
    ("/assets/app.js", "text/javascript; charset=utf-8"),
    ("/api/plans.json", "application/json; charset=utf-8"),
    ("/feed.xml", "application/xml; charset=utf-8"),
    ("/calendar.ics", "text/calendar; charset=utf-8"),
    ("/sources/dongshan-jiedui-bangfu.yaml", "text/yaml; charset=utf-8"),
    ("/sources/dongshan-nongji-xiaxiang.md", "text/markdown; charset=utf-8"),
    ("/pagefind/pagefind.js", "text/javascript; charset=utf-8"),
    ("/pagefind/wasm.zh.pagefind", "application/octet-stream"),
    ("/pagefind/pagefind-entry.json", "application/json; charset=utf-8"),
    ("/pagefind/fragment/zh_1.pf_fragment", "application/octet-stream"),
    ("/pagefind/index/zh_1.pf_index", "application/octet-stream"),
    ("/pagefind/x.wasm", "application/wasm"),
])
def test_content_types(server: Server, path: str, kind: str) -> None:
    if path.startswith("/pagefind/"):  # a stand-in bundle: these tests run with --no-search for speed
        target = server.out / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"\0asm" if path.endswith((".wasm", ".pagefind")) else b"{}")
    status, headers, _ = server.get(path)
    assert (status, headers["content-type"]) == (200, kind)


def test_folders_serve_their_index(server: Server) -> None:
    status, headers, _ = server.get("/orgs")
    assert status == 301 and headers["location"] == "/orgs/"
    status, headers, _ = server.get("//orgs")
    assert status == 301 and headers["location"] == "/orgs/"  # not //orgs/: another host
    status, _, body = server.get("/orgs/")
    assert status == 200 and b"<html" in body
    assert server.get("/", "HEAD")[0] == 200


@pytest.mark.parametrize("path", [
    "/../plangen.yaml", "/../plans/dongshan-jiedui-bangfu.yaml", "/%2e%2e/plangen.yaml", "/%2E%2E/plangen.yaml",
    "/..%2fplangen.yaml", "/..%2Fplangen.yaml", "/..\\plangen.yaml", "/..%5cplangen.yaml", "/%5c..%5cplangen.yaml",
    "/assets/../../plangen.yaml", "/assets/%2e%2e/%2e%2e/plangen.yaml", "//etc/passwd", "/%00index.html",
    "/index.html%00", "/C:/Windows/win.ini", "/escape.txt", "/escape-dir/plangen.yaml",
    "/%ff%fe", "/.plangen-manifest.json/..",
])
def test_nothing_outside_the_output_folder(server: Server, path: str) -> None:
    if not (server.out / "escape.txt").is_symlink():
        (server.out / "escape.txt").symlink_to(server.root / "plangen.yaml")
        (server.out / "escape-dir").symlink_to(server.root, target_is_directory=True)
    status, headers, body = server.get(path)
    assert status == 404, path
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert "output: site" not in body.decode("utf-8", "replace")


# --- the editor's loop ---------------------------------------------------------------------

def test_an_edit_is_served_within_the_bound(server: Server) -> None:
    events = Events(server)
    try:
        before = events.next("hello")
        edit(server.root, YAML_PLAN, "两校结成对子", "两校结成帮扶对子")
        server.wait_until("edited text served", served(server, "/plans/dongshan-jiedui-bangfu.html", "两校结成帮扶对子"))
        reload = events.next("reload")
        assert reload["generation"] > before["generation"]  # type: ignore[operator]
    finally:
        events.close()


def test_temp_files_alone_do_not_rebuild(server: Server) -> None:
    count = server.rebuilds()
    for name in (".dongshan.yaml.swp", "dongshan.yaml~", ".#dongshan.yaml", "4913", "#dongshan.yaml#"):
        (server.root / "plans" / name).write_text("x: [", encoding="utf-8")
    time.sleep(0.6)
    for name in (".dongshan.yaml.swp", "dongshan.yaml~", ".#dongshan.yaml", "4913", "#dongshan.yaml#"):
        (server.root / "plans" / name).unlink()
    time.sleep(0.4)
    assert server.rebuilds() == count, server.output


def test_a_burst_of_saves_is_one_rebuild(server: Server) -> None:
    count = server.rebuilds()
    path = server.root / YAML_PLAN
    for n in range(5):  # five quick saves in a row: one rebuild
        path.write_text(path.read_text(encoding="utf-8").replace("帮扶对子", "帮扶对子" if n < 4 else "结对帮扶对子", 1),
                        encoding="utf-8")
    server.wait_until("burst rebuilt", served(server, "/plans/dongshan-jiedui-bangfu.html", "结对帮扶对子"))
    time.sleep(0.3)
    assert server.rebuilds() == count + 1, server.output


def test_an_invalid_edit_shows_problems_and_keeps_the_last_good_site(server: Server) -> None:
    events = Events(server)
    try:
        events.next("hello")
        edit(server.root, YAML_PLAN, "issuer: 东山镇中心小学", "issuer: [东山镇中心小学")
        problems = events.next("problems")["problems"]
        assert isinstance(problems, list) and problems
        first = problems[0]
        assert first["path"] == YAML_PLAN and first["line"] > 0 and first["message"]
        assert set(first) >= {"path", "line", "column", "field", "message", "hint"}
        server.wait_until("problems in the terminal", lambda: f"{YAML_PLAN}:" in server.output
                          and "still serving the last good preview" in server.output)
        status, _, body = server.get("/plans/dongshan-jiedui-bangfu.html")  # the last good page
        assert status == 200 and "结对帮扶对子" in body.decode("utf-8")
        late = Events(server)  # a tab opened now sees the problems at once
        assert late.next("hello")["problems"]
        late.close()
        edit(server.root, YAML_PLAN, "issuer: [东山镇中心小学", "issuer: 东山镇中心小学")
        events.next("clear")  # the fix restores the last good content: nothing to reload, overlay cleared
        again = Events(server)
        assert again.next("hello")["problems"] is None
        again.close()
        edit(server.root, YAML_PLAN, "issuer: 东山镇中心小学", "issuer: 东山镇中心小学\nstatus: [draft")
        events.next("problems")
        edit(server.root, YAML_PLAN, "\nstatus: [draft", "")
        edit(server.root, YAML_PLAN, "两校结成结对帮扶对子", "两校结成对子")
        events.next("reload")
        server.wait_until("fixed page served", served(server, "/plans/dongshan-jiedui-bangfu.html", "两校结成对子"))
    finally:
        events.close()


def test_rename_moves_the_page(server: Server) -> None:
    old = server.root / MD_PLAN
    os.replace(old, old.with_name("nongji-2025.md"))
    server.wait_until("renamed page served", served(server, "/plans/nongji-2025.html", "农技服务下乡"))
    server.wait_until("old page gone", lambda: server.get("/plans/dongshan-nongji-xiaxiang.html")[0] == 404)
    assert not (server.out / "plans" / "dongshan-nongji-xiaxiang.html").exists()
    _, _, home = server.get("/")
    assert "nongji-2025.html" in home.decode("utf-8") and "dongshan-nongji-xiaxiang" not in home.decode("utf-8")


def test_delete_removes_the_page_and_every_link(server: Server) -> None:
    (server.root / "plans" / "nongji-2025.md").unlink()
    server.wait_until("deleted page gone", lambda: server.get("/plans/nongji-2025.html")[0] == 404)
    leftovers = [p for p in server.out.rglob("*.html") if "nongji-2025" in p.read_text(encoding="utf-8")]
    assert leftovers == []
    assert not list(server.out.rglob("nongji-2025*"))


def test_a_new_template_folder_is_watched(server: Server) -> None:
    from plangen.render import default_theme

    theme_404 = (default_theme() / "404.html").read_text(encoding="utf-8")
    (server.root / "templates").mkdir()
    (server.root / "templates" / "404.html").write_text(theme_404.replace("</h1>", "（模板一）</h1>", 1), "utf-8")
    server.wait_until("template override served", lambda: "（模板一）" in server.get("/nowhere")[2].decode("utf-8"))
    (server.root / "templates" / "404.html").write_text(theme_404.replace("</h1>", "（模板二）</h1>", 1), "utf-8")
    server.wait_until("template edit served", lambda: "（模板二）" in server.get("/nowhere")[2].decode("utf-8"))


def test_a_config_change_rebuilds_everything(server: Server) -> None:
    config = server.root / "plangen.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("title: 帮扶方案", "title: 东山镇帮扶方案库", 1),
                      encoding="utf-8")
    server.wait_until("new site title on every page", lambda: all(
        "东山镇帮扶方案库" in server.get(path)[2].decode("utf-8")
        for path in ("/", "/plans/dongshan-jiedui-bangfu.html", "/orgs/", "/timeline.html")))


def test_ctrl_c_stops_cleanly(server: Server) -> None:
    assert server.stop() == 0
    assert "plangen serve stopped" in server.output
    assert "Traceback" not in server.output, server.output
    assert not server.out.exists()  # the preview folder is removed again
    strays = [p for p in server.root.rglob("*") if p.name.endswith(".plangen-tmp") or p.name == ".plangen-cache"]
    assert strays == []
    with pytest.raises(OSError):
        server.get("/")


def test_build_output_has_no_reload_snippet(tmp_path: Path) -> None:
    from plangen.build import BuildOptions, build

    root = make_project(tmp_path / "p")
    result = build(BuildOptions(root=root, output=tmp_path / "site", drafts=True, search=False,
                                persistent_cache=False))
    assert result.ok
    pages = list((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 5
    assert not [p for p in pages if "__plangen" in p.read_text(encoding="utf-8")
                or "data-plangen-reload" in p.read_text(encoding="utf-8")]


def test_a_taken_port_is_a_clear_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, "-m", "plangen", "serve", "--port", str(port), "-C", str(tmp_path)],
                             capture_output=True, text=True, timeout=30, check=False)
    assert run.returncode == 2
    assert f"无法在 127.0.0.1:{port} 上监听" in run.stdout + run.stderr  # zh-CN: the default language


def test_a_broken_project_is_served_once_fixed(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    plan = root / YAML_PLAN
    good = plan.read_text(encoding="utf-8")
    plan.write_text(good.replace("guiding_thought: |", "guiding_thought: [", 1), encoding="utf-8")
    server = Server(root)
    try:
        assert "build failed" in server.output
        status, _, body = server.get("/")  # nothing built yet: a 404 that still listens for the fix
        assert status == 404 and b"data-plangen-reload" in body
        events = Events(server)
        hello = events.next("hello")
        assert hello["problems"] and hello["problems"][0]["path"] == YAML_PLAN  # type: ignore[index]
        plan.write_text(good, encoding="utf-8")
        events.next("reload")
        assert server.get("/")[0] == 200
        events.close()
    finally:
        assert server.stop() == 0
