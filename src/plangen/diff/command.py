"""The shell of `plangen diff` and `plangen textconv`: arguments, reading both sides, printing.

    plangen diff [REV_A [REV_B]] [-- PATHS...]   no revision: HEAD against the working tree;
                                                 one: REV_A against the working tree; two: REV_A against REV_B
    plangen diff OLD_FILE NEW_FILE               two plan files
    plangen textconv FILE                        a plan as canonical text (git's diff textconv)

Exit codes: 0 no change, 1 changes, 2 error (unknown revision, no git, unreadable file…).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import os
import re
import sys
from pathlib import Path
from typing import Any

from .. import git
from ..config import load_config
from ..help_text import Parser, in_chinese
from ..history import blob_version, parallel_map, parse_source_job
from ..messages import EN, Say, add_option, language_for, say
from ..problems import Problem
from ..project import ReadOptions, parse_source, read_paths
from ..safeio import Refused, read_regular
from ..sources import Source, decode, display_path, is_plan_name, kind_of
from ..textconv import canonical_text
from ..wording import Wording, msg, worded
from .html import render_html_page
from .jsonform import report_json
from .model import DiffReport, Version
from .render import render_markdown, render_terminal
from .sets import diff_pair, diff_sets

USAGE = "plangen diff [options] [REV_A [REV_B]] [-- PATHS...]\n       plangen diff [options] OLD_FILE NEW_FILE"
FORMATS = ("text", "markdown", "html", "json")


class UsageError(Exception):
    """What cannot be compared: its words already in the language, or a file and the problem's Wording."""

    def __init__(self, text: str, said: Wording | None = None) -> None:
        super().__init__(text)
        self.said = said

    def words(self, language: str | None) -> str:
        return str(self) if self.said is None else f"{self}: {worded(self.said, language)[0]}"


def register(sub: Any) -> None:
    """Add `diff` and `textconv` to the command line's subparsers."""
    diff = sub.add_parser("diff", help="show what changed in plans between revisions or files",
                          usage=USAGE, description="Compare plans structurally: metadata, leadership, steps, "
                          "text (character by character for Chinese). Exit 0: no change, 1: changes, 2: error.")
    _options(diff)
    diff.add_argument("words", nargs=argparse.REMAINDER, metavar="REV_A REV_B -- PATHS",
                      help="revisions, then -- and plan files or folders; or two plan files")
    diff.set_defaults(func=cmd_diff)
    conv = sub.add_parser("textconv", help="print a plan as canonical text, one line per field (for git diff)",
                          description="For .gitattributes `*.yaml diff=plangen` and "
                          "`git config diff.plangen.textconv \"plangen textconv\"`.")
    conv.add_argument("file", type=Path, metavar="FILE", help="a plan file (git passes a temporary copy of it)")
    conv.add_argument("--encoding", metavar="NAME", help="read the file in this encoding instead of UTF-8")
    conv.set_defaults(func=cmd_textconv)


def _options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, help="output format (default: text)")
    p.add_argument("--colour", "--color", choices=("auto", "always", "never"), help="colour the text output")
    p.add_argument("-C", "--root", type=Path, metavar="DIR", help="project folder (default: current folder)")
    p.add_argument("--encoding", metavar="NAME", help="read plan files in this encoding instead of UTF-8")
    add_option(p)


def _split(args: argparse.Namespace) -> tuple[argparse.Namespace, list[str], list[str] | None]:
    """(options, words before --, paths after -- or None). Options may also follow the revisions."""
    words: list[str] = list(args.words or [])
    cut = words.index("--") if "--" in words else len(words)
    again = Parser(prog="plangen diff", usage=USAGE, argument_default=argparse.SUPPRESS)
    _options(again)
    again.add_argument("revs", nargs="*")
    if language_for(args) != EN:
        in_chinese(again)
    opts = again.parse_args(words[:cut], namespace=copy.copy(args))
    paths = words[cut + 1:] if cut < len(words) else None
    return opts, list(getattr(opts, "revs", [])), paths


def cmd_diff(args: argparse.Namespace) -> int:
    try:
        opts, revs, paths = _split(args)
        language = language_for(opts, (opts.root or Path(".")).resolve())
        report = build_report(opts, revs, paths)
    except (git.GitError, UsageError) as exc:
        language = language_for(args)
        print(say(language)("diff.error", why=exc.words(language) if isinstance(exc, UsageError) else exc),
              file=sys.stderr)
        return 2
    fmt = opts.format or "text"
    if fmt == "json":
        print(report_json(report))
    elif fmt == "markdown":
        print(render_markdown(report, language), end="")
    elif fmt == "html":
        print(render_html_page(report), end="")
    else:
        print(render_terminal(report, _colour(opts.colour), language))
    return 1 if report.has_changes else 0


def _say(opts: argparse.Namespace, configured: str) -> Say:
    """The messages in --lang, else in the project's language."""
    return say(getattr(opts, "lang", None) or configured)


def _colour(choice: str | None) -> bool:
    if choice in ("always", "never"):
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def build_report(opts: argparse.Namespace, revs: list[str], paths: list[str] | None) -> DiffReport:
    root = (opts.root or Path(".")).resolve()
    config, _ = load_config(root)
    options = ReadOptions(size_limit=config.max_file_size, encoding=opts.encoding)
    if paths is None:
        if _two_files(revs):
            return _files(Path(revs[0]), Path(revs[1]), options)
        paths = [w for w in revs if Path(w).exists()]
        revs = [w for w in revs if w not in paths]
    s = _say(opts, config.language)
    if len(revs) > 2:
        raise UsageError(s("diff.too_many", n=len(revs), revs=" ".join(revs), usage=USAGE))
    repo = git.find_repo(root)
    if repo is None:
        raise UsageError(s("diff.no_git", root=root))
    where = Where(repo, root, config.plans_dir, _filters(paths, root))
    old_rev = revs[0] if revs else "HEAD"
    commits = [git.resolve_revision(repo, r) for r in [old_rev] + revs[1:2]]
    old, new = _sides(where, commits, options)
    return diff_sets(old, new, old_rev, revs[1] if len(revs) == 2 else "working tree")


def _two_files(words: list[str]) -> bool:
    """`plangen diff a.yaml b.yaml`: two words that are both files (compared as they are, no git)."""
    return len(words) == 2 and all(Path(w).is_file() for w in words)


def _sides(where: Where, commits: list[str], options: ReadOptions) -> tuple[dict[str, Version], dict[str, Version]]:
    """Both sides, without parsing the files whose content is the same on both (same blob id)."""
    old_ids = _tree_ids(where, commits[0])
    sources: dict[str, Source] = {}
    unreadable: dict[str, Version] = {}
    if len(commits) == 2:
        new_ids = _tree_ids(where, commits[1])
    else:
        new_ids, sources, unreadable = _working_tree(where, options)
    same = {p for p in old_ids.keys() & new_ids.keys() if old_ids[p] == new_ids[p]}
    old_ids = {p: b for p, b in old_ids.items() if p not in same}
    new_ids = {p: b for p, b in new_ids.items() if p not in same and p not in sources}
    blobs = git.read_blobs(where.repo, [*old_ids.values(), *new_ids.values()])
    old = _parsed({p: blobs.get(b, b"") for p, b in old_ids.items()}, {}, options)
    new = _parsed({p: blobs.get(b, b"") for p, b in new_ids.items()},
                  {p: s for p, s in sources.items() if p not in same}, options)
    return old, {**new, **unreadable}


class Where:
    """Where plans live: the repository, the project root in it, the plans folder, path filters."""

    def __init__(self, repo: Path, root: Path, plans_dir: Path, filters: list[str]) -> None:
        self.repo, self.root, self.filters = repo.resolve(), root, filters
        rel = root.relative_to(self.repo).as_posix()
        self.prefix = "" if rel == "." else rel
        self.plans = display_path(plans_dir.resolve(), root)

    def wanted(self, path: str) -> bool:
        if not is_plan_name(path.rsplit("/", 1)[-1]) or not _under(path, self.plans):
            return False
        return not self.filters or any(_under(path, f) for f in self.filters)

    def repo_path(self, path: str) -> str:
        return f"{self.prefix}/{path}" if self.prefix else path

    def shown(self, repo_path: str) -> str:
        return repo_path[len(self.prefix) + 1:] if self.prefix else repo_path


def _under(path: str, folder: str) -> bool:
    return folder in ("", ".") or path == folder or path.startswith(folder.rstrip("/") + "/")


def _filters(paths: list[str], root: Path) -> list[str]:
    return [display_path(Path(p).resolve(), root) for p in paths]


def _tree_ids(where: Where, commit: str) -> dict[str, str]:
    """{shown path: blob id} of the plans at a commit."""
    tree = git.tree_blobs(where.repo, commit, where.repo_path(where.plans))
    return {where.shown(p): b for p, b in tree.items() if where.wanted(where.shown(p))}


def _working_tree(where: Where, options: ReadOptions) -> tuple[dict[str, str], dict[str, Source], dict[str, Version]]:
    """The plans on disk: their blob ids (as git would hash them), sources, and unreadable files."""
    folder = where.root / where.plans
    found, problems = read_paths([folder], where.root, options) if folder.is_dir() else ([], [])
    sources = {s.path: s for s in found if where.wanted(s.path)}
    ids = {p: _blob_id(s.text.encode("utf-8")) for p, s in sources.items()}
    unreadable = {p.path: Version(p.path, "", None, (msg("diff.unreadable", path=p.path, why=Wording(p.key, p.values)),))
                  for p in problems if where.wanted(p.path)}
    return ids, sources, unreadable


def _blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _parsed(blobs: dict[str, bytes], sources: dict[str, Source], options: ReadOptions) -> dict[str, Version]:
    """Every file through the same checks as `plangen check`; many files in parallel."""
    out = dict(zip(blobs, parallel_map(_blob_job, [(p, d, options) for p, d in blobs.items()]), strict=True))
    out.update(zip(sources, parallel_map(parse_source_job, list(sources.values())), strict=True))
    return out


def _blob_job(job: tuple[str, bytes, ReadOptions]) -> Version:
    return blob_version(*job)


def _files(old: Path, new: Path, options: ReadOptions) -> DiffReport:
    a, b = (_file_version(f, options) for f in (old, new))
    diff = diff_pair(a, b)
    return DiffReport(a.path, b.path, (diff,) if diff.changed else ())


def _file_version(file: Path, options: ReadOptions) -> Version:
    if kind_of(file.name) is None:
        raise UsageError(str(file), msg("file.not-a-plan"))
    try:  # a regular file only, within the size limit (never a FIFO or a device)
        data = read_regular(file, options.size_limit)
    except Refused as refused:
        raise UsageError(str(file), refused.said) from None
    return blob_version(file.as_posix(), data, options)


# --- textconv ------------------------------------------------------------------------------------

_GIT_TEMP = re.compile(r"^[A-Za-z0-9]{6}_(.+)$")


def cmd_textconv(args: argparse.Namespace) -> int:
    """The canonical text of a plan; the file as it is when it is not a valid plan."""
    file: Path = args.file
    try:  # a regular file only, within the size limit (never a FIFO or a device)
        data = read_regular(file, load_config(Path.cwd())[0].max_file_size)
    except Refused as refused:
        print(f"plangen textconv: {file}: {worded(refused.said, language_for(args, Path.cwd()))[0]}", file=sys.stderr)
        return 2
    name = _GIT_TEMP.sub(r"\1", file.name)
    text = decode(data, name, args.encoding)
    if isinstance(text, Problem):
        sys.stdout.buffer.write(data)
        return 0
    kind = kind_of(name) or ("markdown" if text.lstrip().startswith(("---", "#")) else "yaml")
    parsed = parse_source(Source(name, text, kind))
    out = canonical_text(parsed.plan) if parsed.plan is not None else text
    sys.stdout.flush()
    sys.stdout.buffer.write(out.encode("utf-8"))
    return 0
