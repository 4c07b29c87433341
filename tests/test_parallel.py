"""parallel.py, the one process policy: items shared between this process and forked workers, each
exactly once, when this process runs one thread; everything in this process when it runs others
(the dev server), for parsing, rendering and history alike."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from incremental_helpers import generated, watching
from sitecheck import read_tree

from plangen.build import BuildOptions, build
from plangen.history import parallel_map
from plangen.index import build_index
from plangen.parallel import alongside, fork_exists, if_apart, may_fork, share, threads
from plangen.workspace import load_workspace

pytestmark = pytest.mark.skipif(not fork_exists() or not os.path.isdir("/proc"),
                                reason="needs fork (and /proc to see workers)")
MAIN = os.getpid()


def _slow_pid(x: int) -> tuple[int, int]:
    time.sleep(0.001)  # long enough that the worker surely takes some chunks
    return x, os.getpid()


def _children() -> set[int]:
    """This process's child processes, zombies included (other tests' helpers, a browser, may be among them)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/status", encoding="utf-8") as f:
                    if f"PPid:\t{MAIN}\n" in f.read():
                        found.add(int(entry))
            except OSError:
                continue
    return found


def _expired(signum: int, frame: object) -> None:
    raise TimeoutError("share() still waiting after every item was made")


def _all(made) -> dict:
    """dict(made), with a deadline: a wait that never ends fails the test, not the suite. (An alarm,
    not a thread: with a second thread running, share would not fork.)"""
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.alarm(60)
    try:
        return dict(made)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _alone() -> bool:
    """This process runs one thread, after a moment for threads that are ending (a server just shut down)."""
    for _ in range(50):
        if may_fork():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(autouse=True)
def no_worker_left_behind():
    assert _alone(), f"this test process runs {threads()} threads: {threading.enumerate()} (a test left one behind)"
    before = _children()
    yield
    assert _children() <= before  # every worker ended and was reaped


class Another:
    """A second thread, alive until stopped (as serve's server, watcher and builder are)."""

    def __init__(self) -> None:
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.stopping.wait, name="another", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join()
        deadline = time.monotonic() + 5  # a joined thread may be listed in /proc/self/task a moment longer
        while threads() > 1 and time.monotonic() < deadline:
            time.sleep(0.01)


@pytest.fixture
def another_thread() -> Iterator[Another]:
    running = Another()
    yield running
    running.stop()


def test_every_item_once_shared_with_a_worker_and_own_items_only_here() -> None:
    items = list(range(300))
    got = _all(share(_slow_pid, items, 10, workers=2, own=[1000, 1001]))
    assert sorted(got) == list(range(302))
    assert [got[i][0] for i in range(300)] == items and got[300][0] == 1000 and got[301][0] == 1001
    pids = {pid for _, pid in got.values()}
    assert MAIN in pids and len(pids) == 2  # this process and one worker both did some
    assert got[300][1] == got[301][1] == MAIN


def _slowly_here() -> int:
    time.sleep(0.3)  # (a task this quick is over before a worker starts: then this process takes the other too)
    return os.getpid()


def test_alongside_runs_one_task_in_a_worker_while_this_process_runs_the_other() -> None:
    there, here = alongside(os.getpid, _slowly_here, worth_forking=True)
    assert here == MAIN and there != MAIN
    assert alongside(os.getpid, os.getpid, worth_forking=False) == (MAIN, MAIN)


def test_work_that_pays_only_apart_is_skipped_where_no_worker_may_fork(another_thread: Another) -> None:
    assert if_apart(os.getpid, os.getpid, worth_forking=True) == (None, MAIN)  # (another thread runs)
    assert if_apart(os.getpid, os.getpid, worth_forking=False) == (None, MAIN)


def test_work_that_pays_only_apart_is_done_by_a_worker_in_a_lone_process() -> None:
    there, here = if_apart(os.getpid, _slowly_here, worth_forking=True)
    assert here == MAIN and there not in (None, MAIN)


def test_the_index_made_with_its_related_plans_found_apart_is_the_same(tmp_path: Path) -> None:
    ws = load_workspace(generated(tmp_path / "p", 60, seed=4))
    apart = partial(alongside, worth_forking=True)
    with watching() as seen:
        forked = build_index(ws.project.plans, ws.registry, apart)
    assert seen.forks == 1
    assert forked == build_index(ws.project.plans, ws.registry)
    assert any(forked.related.values())


def test_a_small_batch_or_one_core_stays_in_this_process() -> None:
    assert {pid for _, pid in _all(share(_slow_pid, list(range(20)), 50, workers=2)).values()} == {MAIN}
    assert {pid for _, pid in _all(share(_slow_pid, list(range(100)), 10, workers=1)).values()} == {MAIN}


def test_what_a_worker_sends_is_turned_into_the_result_here() -> None:
    def here(x: int) -> tuple[str, int]:
        time.sleep(0.001)  # as slow as the worker, so that the worker surely takes some chunks
        return "here", x

    got = _all(share(here, list(range(200)), 10, workers=2,
                     away=lambda x: (x * 2, os.getpid()), back=lambda x, sent: ("back", sent[0] // 2, sent[1])))
    assert sorted(got) == list(range(200))
    backs = [v for v in got.values() if v[0] == "back"]
    assert backs and all(v[2] != MAIN for v in backs)
    assert all(v[1] == i for i, v in got.items())


def _fails_away(x: int) -> int:
    time.sleep(0.001)
    raise ValueError(f"bad item {x}")


def test_an_exception_in_a_worker_is_raised_here_and_the_worker_is_gone() -> None:
    with pytest.raises(ValueError, match="bad item"):
        _all(share(_slow_pid, list(range(400)), 10, workers=2, away=_fails_away))


def _dies_away(x: int) -> tuple[int, int]:
    if x >= 40:
        os._exit(3)  # killed, say: nothing is sent back
    return _slow_pid(x)


def test_items_of_a_worker_that_died_are_done_here() -> None:
    got = _all(share(_slow_pid, list(range(400)), 10, workers=2, away=_dies_away))
    assert sorted(got) == list(range(400)) and all(got[i][0] == i for i in got)


class _Unreadable:
    def __reduce__(self):  # pickled in the worker; unpickling it here fails
        return (_refuse, ())


def _refuse() -> None:
    raise RuntimeError("cannot be read back")


def test_a_result_that_cannot_be_read_back_is_an_error_here() -> None:
    with pytest.raises(RuntimeError, match="cannot be read back"):
        _all(share(_slow_pid, list(range(400)), 10, workers=2, away=lambda x: _Unreadable()))


def test_stopping_early_ends_the_workers() -> None:
    made = share(_slow_pid, list(range(2000)), 10, workers=2)
    for _ in range(50):
        next(made)
    made.close()


def test_fewer_items_than_a_chunk_end_without_waiting_for_more() -> None:
    # this process may take every item before the worker starts; the worker then ends at once
    assert sorted(_all(share(_slow_pid, list(range(3)), 1, workers=2))) == [0, 1, 2]


def test_a_process_that_runs_other_threads_forks_no_worker(another_thread: Another) -> None:
    assert not may_fork()
    got = _all(share(_slow_pid, list(range(300)), 10, workers=2))
    assert sorted(got) == list(range(300)) and {pid for _, pid in got.values()} == {MAIN}


def test_history_shares_its_work_by_the_same_policy(another_thread: Another) -> None:
    """history.parallel_map (revisions, `plangen diff`): in order; in this process while another
    thread runs, with a worker once this process runs one thread."""
    alone = parallel_map(_slow_pid, list(range(400)))
    assert [x for x, _ in alone] == list(range(400)) and {pid for _, pid in alone} == {MAIN}
    another_thread.stop()
    shared = parallel_map(_slow_pid, list(range(400)))
    assert [x for x, _ in shared] == list(range(400)) and len({pid for _, pid in shared}) >= 2


# `plangen build` as the command line runs it, telling how many processes it forked (os.register_at_fork)
COMMAND_LINE = """
import os, sys
forks = []
os.register_at_fork(after_in_parent=lambda: forks.append(1))
from plangen.cli import main
code = main(["build", "--no-search", "--no-history", "-C", sys.argv[1], "-o", sys.argv[2]])
print(len(forks), file=sys.stderr)
sys.exit(code)
"""


def test_a_build_from_a_thread_forks_nothing_and_equals_the_command_lines_which_forks(
        tmp_path, another_thread: Another) -> None:
    """Enough plans that a one-thread process renders with workers: the command line's build does;
    the same build run from a thread while another thread runs (serve) forks no process, and gives
    the same site."""
    import plangen

    root = generated(tmp_path / "project", 100, seed=3)
    built = []
    with watching() as seen:
        builder = threading.Thread(target=lambda: built.append(build(BuildOptions(
            root=root, output=tmp_path / "threaded", search=False, history=False, persistent_cache=False))))
        builder.start()
        builder.join(timeout=300)
    assert built and built[0].ok and seen.forks == 0
    env = {**os.environ, "PYTHONPATH": str(Path(plangen.__file__).parents[1])}
    ran = subprocess.run([sys.executable, "-c", COMMAND_LINE, str(root), str(tmp_path / "cold")], env=env,
                         capture_output=True, text=True, timeout=300, check=False)
    assert ran.returncode == 0, ran.stderr
    assert int(ran.stderr.split()[-1]) >= 1  # worker processes rendered alongside
    assert read_tree(tmp_path / "threaded") == read_tree(tmp_path / "cold")


def test_serve_builds_without_forking_while_its_watcher_runs(tmp_path) -> None:
    """`plangen serve`'s loop (watchdog's observer, the builder thread): its first build, a cold one
    of enough pages that a one-thread process would fork workers, forks none."""
    from plangen.build import PARALLEL_FROM
    from plangen.serve import Preview, ServeOptions

    root = generated(tmp_path / "project", 100, seed=3)
    preview = Preview(ServeOptions(root=root, search=False), say=lambda _: None)
    with watching() as seen:
        preview.start()
        try:
            assert preview.first_build.wait(300)
        finally:
            preview.stop()
    assert preview.timings and preview.timings[0].ok and preview.timings[0].rendered >= PARALLEL_FROM
    assert seen.forks == 0 and (preview.output / "index.html").is_file()
