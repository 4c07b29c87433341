"""mirror.py: a folder made the same as another with hard links, touching only the entries that differ
(the staged site starts as the site before the last build's: publish.py)."""

from __future__ import annotations

import os
from pathlib import Path

from incremental_helpers import watching

from plangen.mirror import mirror


def _tree(root: Path) -> dict[str, object]:
    """Each entry under root: a file's inode, a link's target, or 'folder'."""
    found: dict[str, object] = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        found[name] = os.readlink(path) if path.is_symlink() else "folder" if path.is_dir() else path.stat().st_ino
    return found


def _source(tmp_path: Path) -> Path:
    source = tmp_path / "site"
    (source / "plans" / "deep").mkdir(parents=True)
    (source / "empty").mkdir()
    for name in ("index.html", "plans/a.html", "plans/b.html", "plans/deep/c.html"):
        (source / name).write_text(name, "utf-8")
    (source / "latest.html").symlink_to("plans/a.html")
    return source


def test_an_empty_folder_becomes_the_same_as_the_source(tmp_path: Path) -> None:
    source, target = _source(tmp_path), tmp_path / "staged"
    target.mkdir()
    files = mirror(str(source), str(target))
    assert _tree(target) == _tree(source)
    assert files == {"index.html", "plans/a.html", "plans/b.html", "plans/deep/c.html", "latest.html"}


def test_only_what_differs_is_linked_again_or_removed(tmp_path: Path) -> None:
    source, target = _source(tmp_path), tmp_path / "staged"
    target.mkdir()
    mirror(str(source), str(target))
    (source / "plans" / "b.html").unlink()
    (source / "plans" / "b.html").write_text("b, made again", "utf-8")  # another file (inode)
    (source / "plans" / "new.html").write_text("new", "utf-8")
    (source / "plans" / "deep" / "c.html").unlink()
    (target / "stray.html").write_text("left by hand", "utf-8")  # in the target only
    (target / "empty" / "stray").mkdir()
    (target / "latest.html").unlink()
    (target / "latest.html").symlink_to("plans/b.html")  # a link to another place
    (target / "index.html").unlink()
    (target / "index.html").mkdir()  # a folder where the source has a file
    with watching() as seen:
        mirror(str(source), str(target))
    assert _tree(target) == _tree(source)
    assert seen.links == 3  # b.html, new.html, index.html (latest.html is a symbolic link)
    assert seen.removals == 4  # b.html, c.html, stray.html, latest.html (folders: rmdir)


def test_nothing_is_written_in_either_folder(tmp_path: Path) -> None:
    source, target = _source(tmp_path), tmp_path / "staged"
    target.mkdir()
    (target / "plans").mkdir()
    (target / "plans" / "a.html").write_text("the target's own bytes", "utf-8")
    mirror(str(source), str(target))
    assert (source / "plans" / "a.html").read_text("utf-8") == "plans/a.html"
    assert (target / "plans" / "a.html").stat().st_ino == (source / "plans" / "a.html").stat().st_ino
