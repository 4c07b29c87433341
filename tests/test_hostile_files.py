"""Special files where plans, templates, the registry or an import are read: FIFOs, devices, symlink
loops, files larger than their size says; and the build cache as the output folder. Every command
answers with a clear error, never a hang, a traceback or a read without end.

Each command runs as its own process under a time and memory limit (hostile_helpers.py), so a
regression fails the test instead of stopping the test run."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hostile_helpers import GOOD, no_traceback, plangen, project


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def _codes(run_json: list[dict[str, object]]) -> dict[str, str]:
    return {str(p["path"]): str(p["code"]) for p in run_json}


@pytest.mark.parametrize("command", [["check", "--format", "json"], ["build", "-o", "out"]])
def test_a_fifo_named_like_a_plan_is_an_error_not_a_hang(tmp_path: Path, command: list[str]) -> None:
    root = project(tmp_path / "p", {"plans/a.yaml": GOOD})
    _fifo(root / "plans" / "x.yaml")
    run = plangen(*command, cwd=root)
    assert run.code == 1, run  # (None would be a hang)
    assert no_traceback(run)
    assert "plans/x.yaml" in run.out + run.err and "FIFO" in run.out + run.err
    if command[0] == "check":
        assert _codes(run.problems()) == {"plans/x.yaml": "not-regular"}


def test_a_symlink_loop_is_an_error_and_build_does_not_crash(tmp_path: Path) -> None:
    root = project(tmp_path / "p", {"plans/a.yaml": GOOD})
    (root / "plans" / "loop1.yaml").symlink_to("loop2.yaml")
    (root / "plans" / "loop2.yaml").symlink_to("loop1.yaml")
    (root / "plans" / "x").symlink_to("y")  # a loop with no plan name: only the build's stamp sees it
    (root / "plans" / "y").symlink_to("x")
    check = plangen("check", "--format", "json", cwd=root)
    assert _codes(check.problems()) == {"plans/loop1.yaml": "symlink-loop", "plans/loop2.yaml": "symlink-loop"}
    (root / "plans" / "loop1.yaml").unlink()
    (root / "plans" / "loop2.yaml").unlink()
    build = plangen("build", "-o", "out", cwd=root)
    assert build.code == 0 and no_traceback(build), build
    assert (root / "out" / "index.html").is_file()


def test_special_files_in_the_templates_folder_are_errors(tmp_path: Path) -> None:
    root = project(tmp_path / "p", {"plans/a.yaml": GOOD, "templates/assets/extra.css": "a {}\n"})
    _fifo(root / "templates" / "base.html")
    (root / "templates" / "assets" / "zero.css").symlink_to("/dev/zero")
    run = plangen("check", "--format", "json", cwd=root)
    assert run.code == 1 and no_traceback(run)
    assert _codes(run.problems()) == {"templates/base.html": "not-regular", "templates/assets/zero.css": "not-regular"}
    build = plangen("build", "-o", "out", cwd=root)
    assert build.code == 1 and no_traceback(build) and not (root / "out" / "index.html").exists()


def test_a_registry_that_is_a_fifo_is_an_error_not_silently_skipped(tmp_path: Path) -> None:
    root = project(tmp_path / "p", {"plans/a.yaml": GOOD})
    _fifo(root / "registry.yaml")
    run = plangen("check", "--format", "json", cwd=root)
    assert run.code == 1, run
    assert _codes(run.problems()) == {"registry.yaml": "not-regular"}


def test_a_settings_file_that_is_a_fifo_is_an_error_not_a_hang(tmp_path: Path) -> None:
    root = project(tmp_path / "p", {"plans/a.yaml": GOOD})
    (root / "plangen.yaml").unlink()
    _fifo(root / "plangen.yaml")
    run = plangen("check", "--format", "json", cwd=root)
    assert run.code == 1 and no_traceback(run), run
    assert _codes(run.problems()) == {"plangen.yaml": "not-regular"}


def test_textconv_reads_within_the_size_limit_whatever_the_size_says(tmp_path: Path) -> None:
    root = project(tmp_path / "p", {}, config="max_file_size: '200'\n")
    maps = Path("/proc/self/maps")  # a regular file whose st_size is 0, and far longer than 200 bytes
    assert maps.stat().st_size == 0
    run = plangen("textconv", str(maps), cwd=root)
    assert run.code == 2 and "超过上限 200 字节" in run.err, run  # (the project speaks zh-CN: the default)
    assert run.out == ""


def test_textconv_and_import_refuse_a_fifo_at_once(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "in" / "x.md")
    for args in (["textconv", str(fifo)], ["import", str(fifo), "-o", str(tmp_path / "plans")]):
        run = plangen(*args, cwd=tmp_path)
        assert run.code not in (0, None), run
        assert "FIFO" in run.err and no_traceback(run), run


def test_import_reads_at_most_its_limit_from_a_file_that_never_ends(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "in" / "endless.txt")
    stop = threading.Event()

    def feed() -> None:  # a writer that would go on for ever: what /dev/zero or a growing file is
        try:
            with open(fifo, "wb") as out:
                while not stop.is_set():
                    out.write("一、指导思想\n".encode() * 4096)
        except OSError:
            return

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        run = plangen("import", str(fifo), "-o", str(tmp_path / "plans"), cwd=tmp_path)
    finally:
        stop.set()
        try:  # unblock a writer still waiting for a reader
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        except OSError:
            pass
        writer.join(10)
    assert run.code not in (0, None), run
    assert no_traceback(run) and "not a regular file" in run.err


@pytest.mark.parametrize("output", [".plangen-cache", ".plangen-cache/site"])
def test_the_build_cache_is_refused_as_the_output_folder(tmp_path: Path, output: str) -> None:
    root = project(tmp_path / "p", {"plans/a.yaml": GOOD, "plans/b.yaml": GOOD.replace("测试小学结对", "草稿")
                                    + "status: draft\n"})
    run = plangen("build", "-o", output, cwd=root)
    assert run.code == 1 and no_traceback(run), run
    assert "生成缓存" in run.out + run.err  # (the project speaks zh-CN: the default)
    assert not (root / output / "index.html").exists()
    assert plangen("build", "-o", "site", cwd=root).code == 0  # the same project builds elsewhere
