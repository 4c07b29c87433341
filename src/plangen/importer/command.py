"""`plangen import`: the shell around the importer (read files, write plans, print reports).

Exit codes: 0 every plan imported and accepted by `plangen check` (warnings allowed); 1 an input
could not be read, a plan file exists already (use --force), or a plan fails the check;
2 usage or setup errors (bad --split pattern, a missing optional extra).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..config import load_config
from ..messages import Say, add_option, import_summary, language_for, say
from ..problems import Problem
from ..project import parse_source
from ..sources import Source
from ..workspace import load_registry
from .cleaning import summarise
from .convert import Converted, Options, convert
from .hanzi import MissingExtra, simplifier
from .reading import Unreadable, read_input
from .report import format_report
from .splitting import DEFAULT_SPLIT, compile_split
from .writer import to_markdown, to_yaml

_BAD_NAME = re.compile(r"[\s/\\?#%&<>\"'`|*:;]+")


def register(sub: Any) -> None:
    """Add the `import` subcommand to plangen's subparsers."""
    p = sub.add_parser(
        "import", help="turn plan texts and Word documents into plan files",
        description="Convert plain text (UTF-8 or GB18030/GBK), Markdown and .docx plans into plan files that "
                    "`plangen check` accepts. A file holding several plans (篇一 … 篇十五, 第一篇 …, 【…方案】, title "
                    "lines after a page break, a separator line or a signature) is split into one file per plan. "
                    "Damaged web text is repaired, page chrome and the issuing notice left out, and every repair and "
                    "every line left out reported. Imported plans are drafts. Legacy .doc/.wps files must first be "
                    "converted: libreoffice --headless --convert-to docx FILE.")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE",
                   help="input files: .txt, .md or .docx (.doc/.wps: convert to .docx first)")
    p.add_argument("-o", "--output", type=Path, metavar="DIR",
                   help="folder to write plan files into (default: the plans folder of plangen.yaml in the "
                        "current folder, else plans/; created if missing)")
    p.add_argument("--format", choices=("yaml", "md"), default="yaml",
                   help="plan file format: yaml, or md (front matter + Markdown parts); default: yaml")
    p.add_argument("--simplified", action="store_true",
                   help="convert traditional characters to simplified (needs: pip install 'plangen[simplified]')")
    p.add_argument("--split", metavar="PATTERN",
                   help="regular expression matching the header line that starts each plan in a file holding "
                        f"several (default recognises 篇N and 第N篇 headers: {DEFAULT_SPLIT})")
    p.add_argument("--encoding", metavar="NAME",
                   help="read text inputs in this encoding instead of detecting UTF-8 / GB18030")
    p.add_argument("--force", action="store_true", help="overwrite plan files that exist already")
    p.add_argument("--dry-run", action="store_true", help="report what would be written, write nothing")
    add_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    s = say(language_for(args, Path.cwd()))
    try:
        options = Options(compile_split(args.split), simplifier() if args.simplified else None)
    except re.error as exc:
        print(s("import.bad_split", why=exc), file=sys.stderr)
        return 2
    except MissingExtra as exc:
        print(s("import.error", why=exc), file=sys.stderr)
        return 2
    config = load_config(Path.cwd())[0]
    if args.output is None:
        args.output = config.plans_dir
    registry = load_registry(config)[0]
    options = Options(options.split, options.simplified, tuple(sorted(set(registry.orgs.values()))))
    status = 0
    taken: set[str] = set()
    for file in args.files:
        try:
            found = read_input(file, args.encoding)
        except MissingExtra as exc:
            print(s("import.error", why=exc), file=sys.stderr)
            return 2
        except Unreadable as exc:
            print(s("import.file_error", file=file, why=exc), file=sys.stderr)
            status = 1
            continue
        converted = convert(found.text, file.name, options)
        if not converted.plans:
            print(s("import.no_text", file=file), file=sys.stderr)
            status = 1
            continue
        status = max(status, _write_all(file, converted, args, taken, s))
    return status


def _write_all(file: Path, converted: Converted, args: argparse.Namespace, taken: set[str], s: Say) -> int:
    status = 0
    warnings = inferred = missing = not_written = 0
    _outside(file, converted, s)
    suffix = ".yaml" if args.format == "yaml" else ".md"
    many = len(converted.plans) > 1
    for i, (data, report) in enumerate(converted.plans, 1):
        target = _target(args.output, file, i if many else 0, suffix, taken)
        text = to_yaml(data) if args.format == "yaml" else to_markdown(data)
        problems = _check(target, text, args.format)
        written, why = (False, "dry run") if args.dry_run else _write(target, text, args.force, s)
        print(format_report(report, target.as_posix(), problems, written, s.language))
        if why and why != "dry run":
            print(s("import.write_error", why=why))
            not_written += 1
        if (why and why != "dry run") or any(p.is_error for p in problems):
            status = 1
        warnings += sum(1 for p in problems if not p.is_error)
        inferred += len(report.inferred)
        missing += len(report.missing)
        print()
    print(import_summary(s.language, str(file), len(converted.plans), args.dry_run, not_written,
                         (inferred, missing, warnings)))
    lost = len(converted.lost)
    print(s("import.all_kept", file=file) if not lost else s("import.lost", file=file, n=lost))
    print(s("import.drafts", file=file))
    return status


def _outside(file: Path, converted: Converted, s: Say) -> None:
    if converted.skipped:
        first = converted.skipped[0]
        print(s("import.skipped", where=f"{file}:{first.no}", n=len(converted.skipped)))
    for line in summarise(converted.outside):
        print(s("import.cleaned_before", file=file, line=s.words(line)))


def _target(folder: Path, file: Path, index: int, suffix: str, taken: set[str]) -> Path:
    stem = _BAD_NAME.sub("-", file.stem).strip("-.").lower() or "plan"
    name = f"{stem}-{index:02d}" if index else stem
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return folder / (candidate + suffix)


def _check(target: Path, text: str, fmt: str) -> list[Problem]:
    """The written plan through the real loader: what `plangen check` will say about it."""
    parsed = parse_source(Source(target.as_posix(), text, "yaml" if fmt == "yaml" else "markdown"))
    return list(parsed.problems)


def _write(target: Path, text: str, force: bool, s: Say) -> tuple[bool, str]:
    """Write the plan; never replace an existing file unless forced. (written, why not)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if not force:
            with open(target, "x", encoding="utf-8", newline="\n") as out:
                out.write(text)
            return True, ""
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".import-", suffix=target.suffix)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(tmp, target)
        return True, ""
    except FileExistsError:
        return False, s("import.exists", target=target)
    except OSError as exc:
        return False, s("import.cannot_write", target=target, why=exc.strerror or exc)
