"""The one process policy of plangen: work over many items, shared between this process and forked
worker processes when that is safe, else done in this process (docs/architecture.md, "Processes").

Forking is safe only in a process that runs one thread: a fork copies every lock as it is at that
moment, and a lock another thread holds (the allocator's, logging's, the import lock, a watcher's)
stays held for ever in the child. So `may_fork` allows workers only when fork exists and this
process has a single thread: a `plangen build` run from the command line; never `plangen serve`,
whose server, watcher and builder threads run together, and whose rebuilds are small anyway.

Forked workers inherit the function and the items, so only indexes go to them and only results
come back. Where forking is not allowed, or for a batch too small to repay starting the workers,
the items are done in this process.

This process works too: it and one worker per further core take chunks of items in turn from
a shared counter, so none waits while work is left, and this process's own results need no copying
between processes. Results come as they are made, in no fixed order (`in_order` puts them back).
"""

from __future__ import annotations

import contextlib
import fcntl
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def fork_exists() -> bool:
    """The system can fork (not Windows; macOS can, but see `may_fork`)."""
    return "fork" in multiprocessing.get_all_start_methods()


def threads() -> int:
    """The threads this process runs: as the system counts them where it can (threads that native
    code started count too), else as Python counts its own."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def may_fork() -> bool:
    """Whether worker processes may be forked here and now: fork exists and this process runs one thread."""
    return fork_exists() and threads() == 1


CHUNK = 8  # items per claim: small enough that the last claims end together, large enough to be cheap


def share(here: Callable[[T], R], items: Sequence[T], smallest: int, workers: int = 0,
          away: Callable[[T], Any] | None = None, back: Callable[[T, Any], R] | None = None,
          own: Sequence[T] = ()) -> Iterator[tuple[int, R]]:
    """(i, here(items[i])) for every item, as each is made, in no fixed order; then, or first when
    workers run, (len(items) + k, here(own[k])) for the items `own` that only this process may do.

    With at least `smallest` items, more than one core (`workers`: 0 = one per core) and `may_fork()`,
    `workers - 1` forked processes take chunks of items alongside this one. A worker computes
    `away(item)` (default `here`), which is sent back and turned into the result here by
    `back(item, sent)` (default: as sent). An exception in a worker is raised here; a worker that
    dies without one leaves its unfinished items to this process."""
    workers = workers or (os.cpu_count() or 1)
    if workers < 2 or len(items) < smallest or not may_fork():
        for i, item in enumerate([*items, *own]):
            yield i, here(item)
        return
    yield from _Shared(here, items, workers - 1, away or here, back).run(own)


def in_order(fn: Callable[[T], R], items: Sequence[T], smallest: int, workers: int = 0) -> list[R]:
    """[fn(item) for item in items], shared with worker processes as `share` decides."""
    made = dict(share(fn, items, smallest, workers))
    return [made[i] for i in range(len(items))]


def alongside(there: Callable[[], R], here: Callable[[], T], worth_forking: bool) -> tuple[R, T]:
    """(there(), here()): `there` in a forked worker while this process computes `here`, when it is
    `worth_forking` and `share` may fork; else one after the other in this process."""
    made = dict(share(_call, [there], 1 if worth_forking else 2, own=[here]))
    return made[0], made[1]


def if_apart(there: Callable[[], R], here: Callable[[], T], worth_forking: bool) -> tuple[R | None, T]:
    """(there(), here()) with `there` run by a forked worker meanwhile, when it is `worth_forking` and
    `share` may fork; else (None, here()): `there` is work that pays only when another core does it."""
    if not (worth_forking and may_fork() and (os.cpu_count() or 1) > 1):
        return None, here()
    return alongside(there, here, worth_forking)


def _call(task: Callable[[], Any]) -> Any:
    return task()


class _Failed:
    """An exception raised in a worker, sent back to be raised again here."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


class _Shared:
    def __init__(self, here: Callable[[Any], Any], items: Sequence[Any], helpers: int,
                 away: Callable[[Any], Any], back: Callable[[Any, Any], Any] | None) -> None:
        self.here, self.items, self.helpers, self.away, self.back = here, items, helpers, away, back
        self.counter = multiprocessing.get_context("fork").Value("q", 0)  # the next unclaimed item

    def claim(self) -> int | None:
        with self.counter.get_lock():
            start = int(self.counter.value)
            if start >= len(self.items):
                return None
            self.counter.value = start + CHUNK
            return start

    def serve(self, conn: Connection) -> None:
        """A worker's life: claim, compute, send, until no item is left; then exit at once."""
        code = 0
        try:
            while (start := self.claim()) is not None:
                conn.send((start, [self.away(x) for x in self.items[start:start + CHUNK]]))
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to be raised there
            code = 1
            with contextlib.suppress(BaseException):  # one that cannot be sent: its items are redone there
                conn.send(_Failed(exc))
        finally:
            os._exit(code)

    def run(self, own: Sequence[Any]) -> Iterator[tuple[int, Any]]:
        conns, pids = [], []
        for _ in range(self.helpers):
            reader, writer = multiprocessing.Pipe(duplex=False)
            _widen(writer)
            pid = os.fork()
            if pid == 0:  # the worker
                reader.close()
                self.serve(writer)
            writer.close()
            conns.append(reader)
            pids.append(pid)
        open_ = list(conns)  # the workers' pipes not yet closed
        done: set[int] = set()
        try:
            for k, item in enumerate(own):  # while the workers start on the shared items
                yield len(self.items) + k, self.here(item)
                yield from self._arrived(open_, done, block=False)
            while (start := self.claim()) is not None:
                yield from self._make_here(start)
                done.add(start)
                yield from self._arrived(open_, done, block=False)
            yield from self._arrived(open_, done, block=True)
            for start in range(0, len(self.items), CHUNK):  # claimed by a worker that died: done here
                if start not in done:
                    yield from self._make_here(start)
        finally:
            for pid in pids:
                _end(pid)
            for conn in conns:
                conn.close()

    def _make_here(self, start: int) -> Iterator[tuple[int, Any]]:
        """The chunk of items from `start`, made in this process."""
        for offset, item in enumerate(self.items[start:start + CHUNK]):
            yield start + offset, self.here(item)

    def _arrived(self, open_: list[Connection], done: set[int], block: bool) -> Iterator[tuple[int, Any]]:
        """What the workers sent: every message come so far (block=False), or all of it, until every
        worker has ended (block=True). Read here, between this process's own chunks: a thread reading
        them would wait for the interpreter at each read while this process works, and hold the workers up."""
        while open_:
            ready = wait(open_, None if block else 0)
            if not ready:
                return
            for conn in ready:
                yield from self._message(_connection(conn), open_, done)

    def _message(self, conn: Connection, open_: list[Connection], done: set[int]) -> Iterator[tuple[int, Any]]:
        """The results of one message from a worker; a closed pipe (the worker ended) leaves `open_`."""
        try:
            got = conn.recv()
        except (EOFError, OSError):
            open_.remove(conn)
            return
        if isinstance(got, _Failed):
            raise got.exc
        start, results = got
        done.add(start)
        for offset, sent in enumerate(results):
            i = start + offset
            yield i, sent if self.back is None else self.back(self.items[i], sent)


def _connection(ready: object) -> Connection:
    """What `wait` found ready, as the connection it is (it is given connections only)."""
    assert isinstance(ready, Connection)
    return ready


PIPE_SIZE = 1 << 20  # what a worker may send ahead of this process's reading (Linux's limit for anyone)


def _widen(conn: Connection) -> None:
    """Let a worker send up to PIPE_SIZE before it waits. This process reads what workers send in a
    thread, which gets the interpreter only between the main thread's turns; with the system's
    default pipe (64 KiB, a few parsed plans) a worker would wait for that thread most of its time."""
    with contextlib.suppress(AttributeError, OSError):  # (not Linux, or a lower limit: the default pipe, slower)
        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, PIPE_SIZE)


def _end(pid: int) -> None:
    """Stop a worker (when it has not ended) and reap it."""
    try:
        if os.waitpid(pid, os.WNOHANG) == (0, 0):
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass
