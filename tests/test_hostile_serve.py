"""`plangen serve` answers only its own browser: requests naming another host (DNS rebinding) are
refused, a silent connection is closed, a burst of connections is queued, and listening beyond
loopback is said plainly. A real PreviewServer on a free port, in a thread."""

from __future__ import annotations

import http.client
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from plangen import serve_http
from plangen.serve_http import Broadcaster, Handler, PreviewServer


@pytest.fixture
def server(tmp_path: Path) -> Iterator[PreviewServer]:
    (tmp_path / "index.html").write_text("<html><body>草稿</body></html>", encoding="utf-8")
    running = PreviewServer(("127.0.0.1", 0), tmp_path, Broadcaster())
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.close()
    thread.join(10)


def get(server: PreviewServer, host: str | None, path: str = "/", body: bool = True) -> tuple[int, bytes]:
    """Status and body (or only the status: the event stream never ends) of one request."""
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=20)
    try:
        conn.putrequest("GET", path, skip_host=True)
        if host is not None:
            conn.putheader("Host", host)
        conn.endheaders()
        reply = conn.getresponse()
        return reply.status, reply.read() if body else b""
    finally:
        conn.close()


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.nip.io:{port}", "attacker.localhost.evil"])
def test_a_request_for_another_host_is_refused(server: PreviewServer, host: str) -> None:
    status, body = get(server, host.format(port=server.server_address[1]))
    assert status == 421
    assert "草稿".encode() not in body


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST", "[::1]:{port}", "127.0.0.1"])
def test_a_request_for_this_server_is_answered(server: PreviewServer, host: str) -> None:
    status, body = get(server, host.format(port=server.server_address[1]))
    assert status == 200 and "草稿".encode() in body


def test_the_event_stream_is_refused_to_another_host_too(server: PreviewServer) -> None:
    assert get(server, "evil.example", "/__plangen/events", body=False)[0] == 421


@pytest.mark.parametrize(("header", "allowed"), [
    ("10.1.2.3:8000", True), ("[fe80::1]:8000", True), ("myhost:8000", True), ("MyHost.", True),
    ("other:8000", False), ("[evil]:8000", False), ("", False),
])
def test_host_rule(header: str, allowed: bool) -> None:
    assert serve_http.host_allowed(header, frozenset({"myhost", "0.0.0.0"})) is allowed


def test_a_silent_connection_is_closed_by_the_server(server: PreviewServer, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(Handler.timeout, (int, float)) and 0 < Handler.timeout <= 120
    monkeypatch.setattr(Handler, "timeout", 0.3)
    with socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=30) as half_open:
        half_open.sendall(b"GET / HTTP/1.1\r\n")  # and never the rest
        assert half_open.recv(100) == b""  # closed by the server (not our 30 s, which raises)


def test_the_listen_backlog_is_not_the_librarys_five() -> None:
    assert PreviewServer.request_queue_size >= 64


def test_a_burst_of_connections_is_served(server: PreviewServer) -> None:
    results: list[int] = []

    def one() -> None:
        results.append(get(server, "127.0.0.1")[0])

    threads = [threading.Thread(target=one) for _ in range(64)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == [200] * 64


@pytest.mark.parametrize(("host", "warned"), [
    ("0.0.0.0", True), ("::", True), ("192.168.1.5", True), ("myhost", True),
    ("127.0.0.1", False), ("127.0.0.2", False), ("::1", False), ("localhost", False),
])
def test_listening_beyond_loopback_is_warned_about(host: str, warned: bool) -> None:
    text = serve_http.exposure_warning(host)
    assert bool(text) is warned
    if warned:
        assert "drafts" in text and host in text and "127.0.0.1" in text


def test_serve_says_so_when_told_to_listen_beyond_loopback(tmp_path: Path) -> None:
    from test_serve_live import Server, make_project

    running = Server(make_project(tmp_path / "p"), "--host", "0.0.0.0")
    try:
        assert "warning: listening on 0.0.0.0" in running.output
        assert running.get("/")[0] == 200
    finally:
        assert running.stop() == 0


def test_serve_on_loopback_gives_no_warning(tmp_path: Path) -> None:
    from test_serve_live import Server, make_project

    running = Server(make_project(tmp_path / "p"))
    try:
        assert "warning" not in running.output
    finally:
        assert running.stop() == 0
