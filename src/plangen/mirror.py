"""Making one folder the same as another with hard links, touching only what differs. Shell.

The staged site starts as the site before the last build's, kept beside the output folder for the
purpose (publish.py): most of its files are hard links to the very files of the site now in place,
so comparing the two folders' listings (each entry's inode comes with the listing: no `stat` per
file) finds the few that differ, and only those are removed and linked again. After `mirror` the
target holds exactly the source's entries: an entry of another kind, a file that is another
inode, a symbolic link with another target, an entry the source lacks, each is replaced or removed.
Nothing in either folder is ever opened for writing.
"""

from __future__ import annotations

import os
import shutil

_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW


def mirror(source: str, target: str) -> set[str]:
    """Make the folder `target` hold the same entries as `source`: each file a hard link to the
    source's (a symbolic link: the same link), each folder made the same in turn. Returns the paths
    of the files, relative to `source`, with "/" between folders."""
    found: set[str] = set()
    source_fd, target_fd = os.open(source, _FOLDER), os.open(target, _FOLDER)
    try:
        _mirror(source_fd, target_fd, "", found)
    finally:
        os.close(source_fd)
        os.close(target_fd)
    return found


def _mirror(source: int, target: int, folder: str, found: set[str]) -> None:
    with os.scandir(source) as entries:
        wanted = {e.name: e for e in entries}
    with os.scandir(target) as entries:
        present = {e.name: e for e in entries}
    for name, entry in list(present.items()):
        if not _same(wanted.get(name), entry, source, target):
            _remove(entry, target)
            del present[name]
    for name, entry in wanted.items():
        if entry.is_dir(follow_symlinks=False):
            if name not in present:
                os.mkdir(name, dir_fd=target)
            _mirror_folder(name, source, target, folder + name + "/", found)
            continue
        if name not in present:
            _link(entry, source, target)
        found.add(folder + name)


def _mirror_folder(name: str, source: int, target: int, folder: str, found: set[str]) -> None:
    inner_source = os.open(name, _FOLDER, dir_fd=source)
    try:
        inner_target = os.open(name, _FOLDER, dir_fd=target)
        try:
            _mirror(inner_source, inner_target, folder, found)
        finally:
            os.close(inner_target)
    finally:
        os.close(inner_source)


def _same(wanted: os.DirEntry[str] | None, present: os.DirEntry[str], source: int, target: int) -> bool:
    """Whether the target's entry is already the source's: a folder for a folder, the same file
    (inode), a symbolic link to the same place."""
    if wanted is None:
        return False
    if wanted.is_dir(follow_symlinks=False) or present.is_dir(follow_symlinks=False):
        return wanted.is_dir(follow_symlinks=False) and present.is_dir(follow_symlinks=False)
    if wanted.is_symlink() or present.is_symlink():
        return (wanted.is_symlink() and present.is_symlink()
                and os.readlink(wanted.name, dir_fd=source) == os.readlink(present.name, dir_fd=target))
    return wanted.inode() == present.inode()


def _remove(entry: os.DirEntry[str], target: int) -> None:
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.name, dir_fd=target)
    else:
        os.unlink(entry.name, dir_fd=target)


def _link(entry: os.DirEntry[str], source: int, target: int) -> None:
    """A hard link in `target` to the source's file (a symbolic link: the same link again)."""
    if entry.is_symlink():
        os.symlink(os.readlink(entry.name, dir_fd=source), entry.name, dir_fd=target)
    else:
        os.link(entry.name, entry.name, src_dir_fd=source, dst_dir_fd=target)
