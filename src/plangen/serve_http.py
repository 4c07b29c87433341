"""The preview web server of `plangen serve`: static files from one folder, plus live reload.

- Serves only regular files inside the output folder: the request path is decoded once and every
  trick (`..`, `%2e%2e`, encoded slashes, backslashes, NUL, symlinks leading out) ends in a 404.
- HTML responses get a small reload script injected at serve time; files on disk never have it.
- `/__plangen/events` is a Server-Sent Events stream: `hello` on connect (the current generation
  and problems), `reload` after a rebuild that changed files, `problems` after a failed build,
  `clear` after a good build that changed nothing.

No watchdog here: serve.py owns the watching and tells the `Broadcaster` what happened.
"""

from __future__ import annotations

import ipaddress
import json
import mimetypes
import posixpath
import socket
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .messages import say
from .problems import Problem, shortened

EVENTS = "/__plangen/events"
_PING_SECONDS = 10.0

_TEXT_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".css": "text/css", ".js": "text/javascript",
    ".mjs": "text/javascript", ".json": "application/json", ".xml": "application/xml",
    ".atom": "application/atom+xml", ".ics": "text/calendar", ".yaml": "text/yaml", ".yml": "text/yaml",
    ".md": "text/markdown", ".txt": "text/plain", ".svg": "image/svg+xml", ".csv": "text/csv",
    ".map": "application/json", ".webmanifest": "application/manifest+json",
}
_BINARY_TYPES = {".wasm": "application/wasm", ".woff2": "font/woff2", ".woff": "font/woff", ".ico": "image/x-icon"}


def content_type(name: str) -> str:
    """The Content-Type of an output file: text with charset=utf-8; pagefind's .pf_* as bytes."""
    suffix = posixpath.splitext(name)[1].lower()
    if suffix in _TEXT_TYPES:
        return _TEXT_TYPES[suffix] + "; charset=utf-8"
    if suffix in _BINARY_TYPES:
        return _BINARY_TYPES[suffix]
    if suffix.startswith(".pf_"):
        return "application/octet-stream"
    guessed, _ = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"


def request_path(raw_target: str) -> str:
    """The still-encoded path of a request target (origin form `/a?b`, or absolute form `http://h/a`)."""
    if raw_target.lower().startswith(("http://", "https://")):
        return urlsplit(raw_target).path
    return raw_target.split("?", 1)[0].split("#", 1)[0]


def safe_target(root: Path, raw_target: str) -> Path | None:
    """The file or folder that a request target names inside `root`, or None when it must be refused."""
    path = _decoded_path(request_path(raw_target))
    if path is None:
        return None
    parts = [p for p in path.split("/") if p]
    if any(p in (".", "..") or ":" in p for p in parts):
        return None
    base = root.resolve()
    target = base.joinpath(*parts).resolve()
    if target != base and base not in target.parents:
        return None
    return target


def _decoded_path(raw: str) -> str | None:
    """The request path decoded, or None when it hides a separator or a NUL (encoded or not) or is no path."""
    lowered = raw.lower()
    if "\\" in raw or "%5c" in lowered or "%2f" in lowered or "%00" in lowered or "\x00" in raw:
        return None
    try:
        path = unquote(raw, errors="strict")
    except UnicodeDecodeError:
        return None
    if "\\" in path or "\x00" in path or not path.startswith("/"):
        return None
    return path


class Broadcaster:
    """The state every browser tab follows: a generation number and the current problems."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.generation = 0
        self.problems: list[dict[str, Any]] | None = None
        self._events: list[tuple[int, str, str]] = []  # (sequence, event name, data)
        self._seq = 0
        self.closed = False

    def _push(self, name: str, data: dict[str, Any]) -> None:
        self._seq += 1
        self._events = [*self._events[-20:], (self._seq, name, json.dumps(data, ensure_ascii=False))]
        self._cond.notify_all()

    def built(self, changed: bool) -> None:
        """A good build: reload every tab when files changed, else just clear the overlay."""
        with self._cond:
            had_problems = self.problems is not None
            self.problems = None
            if changed:
                self.generation += 1
                self._push("reload", {"generation": self.generation})
            elif had_problems:
                self._push("clear", {"generation": self.generation})

    def failed(self, problems: list[Problem]) -> None:
        with self._cond:
            self.problems = [problem_json(p) for p in problems]
            self._push("problems", {"generation": self.generation, "problems": self.problems})

    def hello(self) -> tuple[int, str]:
        with self._cond:
            data = {"generation": self.generation, "problems": self.problems}
            return self._seq, json.dumps(data, ensure_ascii=False)

    def wait(self, after: int, timeout: float) -> list[tuple[int, str, str]]:
        """Events newer than `after`, waiting up to `timeout` seconds for one."""
        with self._cond:
            if not self.closed and not any(seq > after for seq, _, _ in self._events):
                self._cond.wait(timeout)
            return [e for e in self._events if e[0] > after]

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()


def problem_json(p: Problem) -> dict[str, Any]:
    p = shortened(p)
    return {"path": p.path, "line": p.line, "column": p.column, "severity": p.severity,
            "field": p.field, "message": p.message, "hint": p.hint}


def reload_snippet(generation: int) -> bytes:
    return _SNIPPET.replace("__GENERATION__", str(generation)).replace("__EVENTS__", EVENTS).encode("utf-8")


def inject(html: bytes, snippet: bytes) -> bytes:
    """`html` with `snippet` just before the last </body> (or at the end)."""
    at = html.lower().rfind(b"</body>")
    return html + snippet if at < 0 else html[:at] + snippet + html[at:]


_FALLBACK = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>plangen</title></head>'
             '<body><h1>404</h1><p>页面不存在（站点尚未生成时，请先修正下方列出的问题）。</p></body></html>')


# Host names a request may name besides an IP address: the preview answers only its own browser. A
# web page elsewhere that makes its own name resolve to 127.0.0.1 (DNS rebinding) sends that name.
LOCAL_NAMES = ("localhost", "localhost.localdomain")
_OTHER_HOST = b"421: this preview server answers only requests for its own address or localhost\n"


def host_allowed(header: str | None, names: frozenset[str]) -> bool:
    """Whether a request's Host header names this server: an IP address (no DNS rebinding can
    send one), localhost, or one of `names` (the address it listens on, this machine's name).
    A request without one (HTTP/1.0, never a browser) is answered."""
    if header is None:
        return True
    host = header.strip().lower()
    if host.startswith("["):  # [::1]:8000
        name = host[1:].partition("]")[0]
    else:
        name = (host.rsplit(":", 1)[0] if host.count(":") == 1 else host).rstrip(".")
    if name in LOCAL_NAMES or name.endswith(".localhost") or name in names:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def loopback_only(host: str) -> bool:
    """Whether listening on `host` keeps the preview on this machine (127.0.0.0/8, ::1, localhost)."""
    name = host.strip().strip("[]").lower()
    if name in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, language: str | None = "en") -> str:
    """The plain warning for `plangen serve --host` beyond loopback, or ''."""
    if loopback_only(host):
        return ""
    return say(language)("serve.exposed", host=host)


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a connection may stay silent (a half-open one frees its thread)

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        if not host_allowed(self.headers.get("Host"), self.server.host_names):
            self._reply(HTTPStatus.MISDIRECTED_REQUEST, "text/plain; charset=utf-8", _OTHER_HOST, head)
            return
        if request_path(self.path) == EVENTS:
            self._events()
            return
        target = safe_target(self.server.root, self.path)
        if target is not None and target.is_dir():
            path = request_path(self.path)
            if not path.endswith("/"):
                self._redirect("/" + path.lstrip("/") + "/")  # never `//host/`: that would leave the site
                return
            target = target / "index.html"
        if target is None or not target.is_file():
            self._not_found(head)
            return
        self._send_file(target, HTTPStatus.OK, head)

    def _send_file(self, target: Path, status: HTTPStatus, head: bool) -> None:
        try:
            body = target.read_bytes()
        except OSError:
            self._not_found(head)
            return
        kind = content_type(target.name)
        if kind.startswith("text/html"):
            body = inject(body, reload_snippet(self.server.broadcaster.generation))
        self._reply(status, kind, body, head)

    def _not_found(self, head: bool) -> None:
        page = self.server.root / "404.html"
        body = page.read_bytes() if page.is_file() else _FALLBACK.encode("utf-8")
        body = body.replace(b"<head>", b'<head>\n<base href="/">', 1)  # its links are from the site root, at any depth
        body = inject(body, reload_snippet(self.server.broadcaster.generation))
        self._reply(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", body, head)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _reply(self, status: HTTPStatus, kind: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self) -> None:
        broadcaster = self.server.broadcaster
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        seen, data = broadcaster.hello()
        try:
            self._event("hello", data)
            while not broadcaster.closed and not self.server.stopping.is_set():
                events = broadcaster.wait(seen, _PING_SECONDS)
                for seen, name, payload in events:
                    self._event(name, payload)
                if not events:
                    self.wfile.write(b": ping\n\n")
                    self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return

    def _event(self, name: str, data: str) -> None:
        self.wfile.write(f"event: {name}\ndata: {data}\n\n".encode())
        self.wfile.flush()

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # the listen backlog (the library's 5 turns a page's burst of requests away)

    def __init__(self, address: tuple[str, int], root: Path, broadcaster: Broadcaster, verbose: bool = False) -> None:
        self.root = root
        self.broadcaster = broadcaster
        self.verbose = verbose
        self.stopping = threading.Event()
        self.host_names = frozenset(n.lower() for n in (address[0], socket.gethostname()) if n)
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def close(self) -> None:
        self.stopping.set()
        self.broadcaster.close()
        self.server_close()


_SNIPPET = """<script data-plangen-reload>
(function () {
  "use strict";
  var generation = __GENERATION__, key = "plangen-scroll", box = null;
  function restore() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(key) || "null");
      sessionStorage.removeItem(key);
      if (saved && saved.path === location.pathname) { window.scrollTo(saved.x, saved.y); }
    } catch (e) { /* private mode: no scroll memory */ }
  }
  function reload() {
    try {
      sessionStorage.setItem(key, JSON.stringify({path: location.pathname, x: window.scrollX, y: window.scrollY}));
    } catch (e) { /* reload anyway */ }
    location.reload();
  }
  function clear() { if (box) { box.remove(); box = null; } }
  function line(parent, tag, text, style) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (style) { el.setAttribute("style", style); }
    parent.appendChild(el);
    return el;
  }
  function show(problems) {
    clear();
    if (!problems || !problems.length) { return; }
    box = document.createElement("div");
    box.id = "plangen-problems";
    box.setAttribute("role", "alert");
    box.setAttribute("style", "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#fff4f4;color:#5a0000;border-top:4px solid #c00;padding:1rem 1.5rem;font:14px/1.5 monospace;" +
      "box-shadow:0 -4px 16px rgba(0,0,0,.25)");
    var en = (document.documentElement.lang || "").slice(0, 2) === "en";  // the site's language, as the terminal's
    line(box, "strong", en ? "plangen: the build failed; showing the last good version (" + problems.length + " problem(s))"
      : "plangen：构建失败，仍显示上一次成功的版本（" + problems.length + " 个问题）", "display:block;margin-bottom:.5rem");
    problems.forEach(function (p) {
      var where = p.path + (p.line ? ":" + p.line + ":" + p.column : "");
      var item = line(box, "div", "", "margin:.25rem 0");
      line(item, "span", where + "  ", "font-weight:bold");
      line(item, "span", (p.field ? p.field + ": " : "") + p.message);
      if (p.hint) { line(item, "div", (en ? "hint: " : "提示：") + p.hint, "color:#555;padding-left:2em"); }
    });
    document.body.appendChild(box);
  }
  if (document.readyState === "complete") { restore(); } else { window.addEventListener("load", restore); }
  if (!window.EventSource) { return; }
  var source = new EventSource("__EVENTS__");
  source.addEventListener("hello", function (e) {
    var d = JSON.parse(e.data);
    if (d.generation !== generation) { reload(); return; }
    show(d.problems);
  });
  source.addEventListener("reload", reload);
  source.addEventListener("problems", function (e) { show(JSON.parse(e.data).problems); });
  source.addEventListener("clear", clear);
})();
</script>
"""
