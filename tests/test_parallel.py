"""parallel.share: items shared between this process and forked workers, each exactly once."""

from __future__ import annotations

import os
import threading
import time

import pytest

from plangen.parallel import can_fork, share

pytestmark = pytest.mark.skipif(not can_fork() or not os.path.isdir("/proc"), reason="needs fork (and /proc to see workers)")
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


def _all(made) -> dict:
    """dict(made), in a thread with a deadline: a wait that never ends fails the test, not the suite."""
    got: dict = {}
    failed: list[BaseException] = []

    def run() -> None:
        try:
            got.update(made)
        except BaseException as exc:  # noqa: BLE001 - raised again in the test
            failed.append(exc)

    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    runner.join(timeout=60)
    assert not runner.is_alive(), "share() still waiting after every item was made"
    if failed:
        raise failed[0]
    return got


@pytest.fixture(autouse=True)
def no_worker_left_behind():
    before = _children()
    yield
    assert _children() <= before  # every worker ended and was reaped


def test_every_item_once_shared_with_a_worker_and_own_items_only_here() -> None:
    items = list(range(300))
    got = _all(share(_slow_pid, items, 10, workers=2, own=[1000, 1001]))
    assert sorted(got) == list(range(302))
    assert [got[i][0] for i in range(300)] == items and got[300][0] == 1000 and got[301][0] == 1001
    pids = {pid for _, pid in got.values()}
    assert MAIN in pids and len(pids) == 2  # this process and one worker both did some
    assert got[300][1] == got[301][1] == MAIN


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
