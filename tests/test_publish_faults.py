"""Publishing is all or nothing (docs/architecture.md, "Publishing"): a build killed at any moment, a
full disk, an output folder that cannot be written, a cache folder that cannot be used, two builds
at once. Each build here is a real `plangen build` process; a fault is placed with PLANGEN_FAULT
(publish.py), or the process is killed with SIGKILL after a random delay. The search index is part
of the site compared (it is the same bytes for the same plans)."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from incremental_helpers import corpus
from sitecheck import read_tree

from plangen import publish, search
from plangen.build import BuildOptions, build
from plangen.publish import MOMENTS

SEARCH = search.off_reason(True) == ""
BUILD = [sys.executable, "-m", "plangen", "build", "--lang", "en", "--no-history"]


def _run(root: Path, *args: str, fault: str = "", wait: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLANGEN_FAULT": fault}
    command = [*BUILD, "-C", str(root), "-o", str(root / "site"), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)


def _start(root: Path, fault: str = "", stderr: Path | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PLANGEN_FAULT": fault}
    command = [*BUILD, "-C", str(root), "-o", str(root / "site")]
    err = stderr.open("wb") if stderr else subprocess.DEVNULL
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=env)


def _indexed(out: Path) -> int:
    """The search index's files (the bytes are compared with the rest of the site)."""
    return sum(1 for p in (out / search.BUNDLE).rglob("*") if p.is_file())


def _leftovers(root: Path) -> list[str]:
    """Temporary files and folders a build may leave: there must be none once a build has finished."""
    names = [p for p in root.rglob("*") if p.name.endswith((".tmp", ".plangen-tmp")) or ".plangen-new" in p.name
             or ".plangen-old" in p.name or p.name in (".pagefind-new", ".pagefind-old", "build.lock")]
    return sorted(str(p.relative_to(root)) for p in names)


def _edit(root: Path) -> None:
    """Change one plan's text, remove one plan, add one: pages change, appear and go."""
    plans = sorted(p for p in (root / "plans").rglob("*") if p.suffix in (".yaml", ".md"))
    text = plans[0].read_text("utf-8")
    plans[0].write_text(text.replace("推进", "推进并改进", 1), "utf-8")
    plans[1].unlink()
    shutil.copy(plans[2], plans[2].with_name("copy-" + plans[2].name))
    copy = plans[2].with_name("copy-" + plans[2].name)
    copy.write_text(copy.read_text("utf-8").replace("slug: ", "slug: copy-", 1), "utf-8")


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], dict[str, bytes], int]:
    """A project built once (the old site), and the pages a cold build gives after `_edit` (the new)."""
    base = tmp_path_factory.mktemp("publish")
    old = base / "old"
    corpus.generate(old, 30, seed=3)
    config = old / "plangen.yaml"
    config.write_text(config.read_text("utf-8").replace("search: false", f"search: {str(SEARCH).lower()}"), "utf-8")
    assert _run(old).returncode == 0
    new = base / "new"
    shutil.copytree(old, new)
    _edit(new)
    shutil.rmtree(new / "site")
    shutil.rmtree(new / ".plangen-cache")
    cold = _run(new)
    assert cold.returncode == 0
    assert re.search(r"built \d+ plans", cold.stdout), cold.stdout
    plans = _indexed(new / "site")
    return old, read_tree(old / "site"), read_tree(new / "site"), plans


@pytest.fixture
def project(versions: tuple[Path, dict[str, bytes], dict[str, bytes], int], tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "project"
    shutil.copytree(versions[0], root, symlinks=True)
    _edit(root)
    yield root


def _is_whole(out: Path, old: dict[str, bytes], new: dict[str, bytes]) -> bool:
    pages = read_tree(out)
    return pages == old or pages == new


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_build_gives_the_cold_builds(
        versions: tuple[Path, dict[str, bytes], dict[str, bytes], int], project: Path, moment: str) -> None:
    _, old, new, plans = versions
    killed = _run(project, fault=f"{moment}:kill")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _is_whole(project / "site", old, new)  # the old site or the new one, never a mix
    again = _run(project)
    assert again.returncode == 0, again.stderr
    assert read_tree(project / "site") == new
    if SEARCH:
        assert _indexed(project / "site") == plans
    assert _leftovers(project) == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_build_killed_after_a_random_delay_is_recovered_by_the_next(
        versions: tuple[Path, dict[str, bytes], dict[str, bytes], int], project: Path, seed: int) -> None:
    _, old, new, plans = versions
    started = time.monotonic()
    probe = shutil.copytree(project, project.with_name("probe"), symlinks=True)
    assert _run(probe).returncode == 0
    took = time.monotonic() - started
    process = _start(project)
    time.sleep(random.Random(seed).uniform(0.1, took))
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _is_whole(project / "site", old, new)
    assert _run(project).returncode == 0
    assert read_tree(project / "site") == new
    if SEARCH:
        assert _indexed(project / "site") == plans
    assert _leftovers(project) == []


def _untouched(out: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*")}


def test_a_full_disk_gives_one_error_naming_the_output_folder_and_leaves_the_site_as_it_was(project: Path) -> None:
    before = _untouched(project / "site")
    failed = _run(project, fault="staged:enospc")
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert f"cannot write the output folder {project / 'site'}: No space left on device" in failed.stderr
    assert _untouched(project / "site") == before
    assert _leftovers(project) == []


def _mount_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                              capture_output=True, timeout=30, check=False)
    except OSError:
        return False
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A small file system of its own (a tmpfs: needs the right to mount, as CI's root has)."""
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "8m"):
        pytest.skip("mounting a small file system is not permitted here")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True, timeout=30, check=False)


def test_a_really_full_disk_gives_one_error_and_leaves_the_site_as_it_was(
        versions: tuple[Path, dict[str, bytes], dict[str, bytes], int], small_disk: Path) -> None:
    root = small_disk / "project"
    shutil.copytree(versions[0], root, symlinks=True)
    _edit(root)
    before = _untouched(root / "site")
    free = shutil.disk_usage(small_disk).free
    (small_disk / "filler").write_bytes(b"\0" * max(free - 16 * 1024, 0))
    failed = _run(root)
    assert failed.returncode == 1, failed.stdout
    assert "Traceback" not in failed.stderr
    assert "No space left on device" in failed.stderr and str(small_disk) in failed.stderr
    assert _untouched(root / "site") == before
    (small_disk / "filler").unlink()
    assert _leftovers(root) == []
    assert _run(root).returncode == 0
    assert read_tree(root / "site") == versions[2]


def test_an_output_folder_that_cannot_be_written_gives_one_error_and_the_site_stays(project: Path,
                                                                                    tmp_path: Path) -> None:
    before = _untouched(project / "site")
    if os.geteuid() == 0:  # (root writes whatever the modes say: a read-only file system instead)
        disk = tmp_path / "ro"
        if not _mount_tmpfs(disk, "16m"):
            pytest.skip("mounting a file system is not permitted here")
        try:
            shutil.copytree(project / "site", disk / "site")
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True, timeout=30)
            before = _untouched(disk / "site")
            failed = subprocess.run([*BUILD, "-C", str(project), "-o", str(disk / "site")], capture_output=True,
                                    text=True, timeout=300, check=False)
            after = _untouched(disk / "site")
            out = disk / "site"
        finally:
            subprocess.run(["umount", "-l", str(disk)], capture_output=True, timeout=30, check=False)
    else:
        os.chmod(project, 0o555)
        try:
            failed = _run(project)
        finally:
            os.chmod(project, 0o755)
        after, out = _untouched(project / "site"), project / "site"
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert f"cannot write the output folder {out}" in failed.stderr
    assert after == before


def test_a_cache_folder_that_cannot_be_used_gives_one_error_naming_it(project: Path) -> None:
    before = _untouched(project / "site")
    shutil.rmtree(project / ".plangen-cache")
    (project / ".plangen-cache").write_text("not a folder", "utf-8")
    failed = _run(project)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert f"cannot use the cache folder {project / '.plangen-cache'}" in failed.stderr
    assert _untouched(project / "site") == before


def test_a_second_build_waits_for_the_first_naming_it(
        versions: tuple[Path, dict[str, bytes], dict[str, bytes], int], project: Path, tmp_path: Path) -> None:
    flag = tmp_path / "paused"
    first = _start(project, fault=f"staged:pause:{flag}")
    while not flag.exists():
        assert first.poll() is None
        time.sleep(0.05)
    said = tmp_path / "second.err"
    second = _start(project, stderr=said)
    deadline = time.monotonic() + 60
    while f"process {first.pid}" not in said.read_text("utf-8", "replace"):
        assert time.monotonic() < deadline and second.poll() is None
        time.sleep(0.05)
    assert "waiting for another build of this project" in said.read_text("utf-8")
    flag.unlink()
    assert first.wait(300) == 0
    assert second.wait(300) == 0
    assert read_tree(project / "site") == versions[2]
    assert _leftovers(project) == []


def test_the_lock_of_a_killed_build_does_not_stop_the_next(
        versions: tuple[Path, dict[str, bytes], dict[str, bytes], int], project: Path) -> None:
    killed = _run(project, fault="locked:kill")
    assert killed.returncode == -signal.SIGKILL
    again = _run(project)
    assert again.returncode == 0 and "waiting for another build" not in again.stderr
    assert read_tree(project / "site") == versions[2]
    assert _leftovers(project) == []


def test_an_output_folder_that_is_a_symbolic_link_stays_one(
        versions: tuple[Path, dict[str, bytes], dict[str, bytes], int], project: Path, tmp_path: Path) -> None:
    served = tmp_path / "www" / "site"
    served.parent.mkdir()
    shutil.move(str(project / "site"), served)
    (project / "site").symlink_to(served, target_is_directory=True)
    assert _run(project).returncode == 0
    assert (project / "site").is_symlink() and (project / "site").resolve() == served.resolve()
    assert read_tree(served) == versions[2]
    assert _leftovers(project) == [] and _leftovers(served.parent) == []


@pytest.mark.parametrize("left", ["file", "link", "folder"])
def test_whatever_someone_left_under_the_kept_sites_name_gives_the_right_site(
        versions: tuple[Path, dict[str, bytes], dict[str, bytes], int], project: Path, tmp_path: Path, left: str) -> None:
    """`.site.plangen-base` is where the site before the last build's is kept (publish.py): a file, a
    link to somewhere else or a folder of other things left there is replaced, never followed."""
    kept = project / ".site.plangen-base"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "index.html").write_text("not the site", "utf-8")
    if left == "file":
        kept.write_text("left here", "utf-8")
    elif left == "link":
        kept.symlink_to(elsewhere, target_is_directory=True)
    else:
        shutil.copytree(elsewhere, kept)
    assert _run(project).returncode == 0
    assert read_tree(project / "site") == versions[2]
    assert (elsewhere / "index.html").read_text("utf-8") == "not the site"
    assert kept.is_dir() and not kept.is_symlink() and _leftovers(project) == []


def test_a_kept_site_that_cannot_be_changed_is_started_again(
        versions: tuple[Path, dict[str, bytes], dict[str, bytes], int], project: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """When the kept site cannot be made the same as the site in place (a folder someone made
    read-only there: here the first attempt fails as it would), the staged folder starts empty
    instead, and the site is right."""
    assert _run(project).returncode == 0  # (now a site is kept beside)
    (project / ".site.plangen-base" / "stray.html").write_text("left here", "utf-8")
    real, calls = publish.mirror, []

    def refused_once(source: str, target: str) -> set[str]:
        calls.append(target)
        if len(calls) == 1:
            raise PermissionError(13, "Permission denied", target)
        return real(source, target)

    monkeypatch.setattr(publish, "mirror", refused_once)
    _edit(project)
    result = build(BuildOptions(root=project, output=project / "site"))
    assert result.ok and len(calls) == 2
    assert not (project / "site" / "stray.html").exists() and _leftovers(project) == []

