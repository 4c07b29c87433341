"""Helpers for the site builder's tests (issue 3): build, read, parse and check a built site.

Everything here works on a site as `{output path: bytes}` (what `render_site` returns and what
`read_tree` reads back from disk), so the same checks run on in-memory and written sites.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import posixpath
import re
import shutil
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib

from plangen.build import BuildOptions, BuildResult, build
from plangen.output import MANIFEST

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures" / "site"
GOLDEN = TESTS / "golden"

# Attributes whose value is a URL the browser fetches or navigates to.
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "cite", "data", "background", "longdesc",
             "srcset", "xlink:href", "manifest", "icon", "ping"}
FETCHED = {("img", "src"), ("script", "src"), ("link", "href"), ("iframe", "src"), ("source", "src"),
           ("audio", "src"), ("video", "src"), ("embed", "src"), ("object", "data"), ("track", "src"),
           ("image", "href"), ("use", "href"), ("input", "src"), ("video", "poster"), ("img", "srcset")}
DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file|about)\s*:", re.IGNORECASE)


# ---------------------------------------------------------------- building

def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: text} under root (text is dedented) and return root."""
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def copy_fixture(name: str, dest: Path) -> Path:
    """A copy of tests/fixtures/site/<name> at dest (so builds never write into the repository)."""
    shutil.copytree(FIXTURES / name, dest)
    return dest


_FIELDS = {f.name for f in dataclasses.fields(BuildOptions)}


def build_site(root: Path, out: Path, **options: object) -> BuildResult:
    """Build root into out. Tests never keep a build cache in the project (it may be the repository)."""
    if "persistent_cache" in _FIELDS:
        options.setdefault("persistent_cache", False)
    return build(BuildOptions(root=root, output=out, **options))  # type: ignore[arg-type]


def build_files(root: Path, out: Path, **options: object) -> dict[str, bytes]:
    """Build (it must publish) and return what is on disk: every file but the manifest and Pagefind's bundle."""
    built(root, out, **options)
    return site_files(out)


def site_files(out: Path) -> dict[str, bytes]:
    return {p: b for p, b in read_tree(out, manifest=False).items() if not p.startswith("pagefind/")}


def built(root: Path, out: Path, **options: object) -> BuildResult:
    """Build and fail with the problems when the build did not publish."""
    result = build_site(root, out, **options)
    assert result.ok, problems_text(result)
    return result


def problems_text(result: BuildResult) -> str:
    return "\n".join(f"{p.path}:{p.line}:{p.column} [{p.code}] {p.field} {p.message}" for p in result.problems)


def read_tree(out: Path, manifest: bool = True) -> dict[str, bytes]:
    """Every file under out as {posix relative path: bytes}."""
    found = {}
    for file in sorted(out.rglob("*")):
        if file.is_file():
            rel = file.relative_to(out).as_posix()
            if manifest or rel != MANIFEST:
                found[rel] = file.read_bytes()
    return found


def mtimes(out: Path) -> dict[str, int]:
    return {f.relative_to(out).as_posix(): f.stat().st_mtime_ns for f in sorted(out.rglob("*")) if f.is_file()}


_EXAMPLE: dict[str, tuple[BuildResult, Path]] = {}
_PARSED: dict[str, ParsedSite] = {}


def example_site(factory: object) -> tuple[BuildResult, Path]:
    """The example project (plans/) built once per test session into a temporary folder."""
    if "site" not in _EXAMPLE:
        out = factory.mktemp("example-site") / "site"  # type: ignore[attr-defined]
        _EXAMPLE["site"] = (built(REPO, out), out)
    return _EXAMPLE["site"]


def example_parsed(factory: object) -> ParsedSite:
    """The example site, read back from disk and parsed, once per session."""
    if "site" not in _PARSED:
        _PARSED["site"] = parse_site(read_tree(example_site(factory)[1]))
    return _PARSED["site"]


# ---------------------------------------------------------------- HTML

def parse_html(data: bytes) -> tuple[ET.Element, list[str]]:
    """The page's tree (html5lib, etree, no namespaces on HTML elements) and its parse errors."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False, strict=False)
    tree = parser.parse(data.decode("utf-8"))
    errors = [f"line {line}:{col} {code} {data_!r}" for (line, col), code, data_ in parser.errors]
    return tree, errors


def strict_errors(data: bytes) -> list[str]:
    """[] when html5lib in strict mode accepts the page; else the error list."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), strict=True)
    try:
        parser.parse(data.decode("utf-8"))
    except html5lib.html5parser.ParseError as exc:
        return [str(exc)] + [f"line {line}:{col} {code} {d!r}" for (line, col), code, d in parser.errors]
    return []


def local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def attr_name(name: str) -> str:
    if name.startswith("{http://www.w3.org/1999/xlink}"):
        return "xlink:" + name.rsplit("}", 1)[-1]
    return name.rsplit("}", 1)[-1]


@dataclass(frozen=True)
class Ref:
    tag: str
    attr: str
    value: str


def refs(tree: ET.Element) -> Iterator[Ref]:
    """Every URL-valued attribute in the page."""

    for el in tree.iter():
        for name, value in el.attrib.items():
            an = attr_name(name)
            if an in URL_ATTRS:
                yield Ref(local(el.tag), an, value)


def ids(tree: ET.Element) -> set[str]:
    return {el.attrib["id"] for el in tree.iter() if "id" in el.attrib} | {
        el.attrib["name"] for el in tree.iter() if local(el.tag) == "a" and "name" in el.attrib}


def duplicate_ids(tree: ET.Element) -> list[str]:
    seen: dict[str, int] = {}
    for el in tree.iter():
        if "id" in el.attrib:
            seen[el.attrib["id"]] = seen.get(el.attrib["id"], 0) + 1
    return sorted(i for i, n in seen.items() if n > 1)


def is_external(value: str) -> bool:
    parts = urlsplit(value.strip())
    return bool(parts.scheme or parts.netloc) or value.strip().startswith("//")


def other_host(value: str) -> bool:
    """A URL that makes the browser contact a host: any scheme but data: (inline bytes), or //host."""
    parts = urlsplit(value.strip())
    return bool(parts.netloc) or value.strip().startswith("//") or (bool(parts.scheme) and parts.scheme.lower() != "data")


THEME_DATA_URLS = {("link", "data:,")}  # the theme's empty favicon, so browsers do not ask the server for one


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """(output path, anchor) that a relative href on `page` points to; None when it leaves the site."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    anchor = unquote(parts.fragment)
    if not path:
        return page, anchor
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/"):
        target = posixpath.join(target, "index.html")
    if target.startswith(("../", "/")) or target == "..":
        return None
    return target, anchor


@dataclass
class ParsedSite:
    files: dict[str, bytes]
    trees: dict[str, ET.Element]
    ids: dict[str, set[str]]
    errors: dict[str, list[str]]  # html5lib parse errors (what strict mode would raise on), by page

    def with_page(self, path: str, data: bytes) -> ParsedSite:
        """A copy with one page replaced (without parsing every page again)."""
        tree, errors = parse_html(data)
        return ParsedSite({**self.files, path: data}, {**self.trees, path: tree}, {**self.ids, path: ids(tree)},
                          {**self.errors, path: errors})


def parse_site(files: dict[str, bytes]) -> ParsedSite:
    parsed = {p: parse_html(b) for p, b in files.items() if p.endswith(".html")}
    trees = {p: t for p, (t, _) in parsed.items()}
    return ParsedSite(files, trees, {p: ids(t) for p, t in trees.items()}, {p: e for p, (_, e) in parsed.items()})


def broken_links(site: ParsedSite) -> list[str]:
    """Every internal href/src that does not resolve to a file, or names a missing #anchor."""
    broken = []
    for page, tree in site.trees.items():
        for ref in refs(tree):
            if ref.attr == "srcset" or is_external(ref.value):
                continue
            if ref.value != ref.value.strip() or " " in ref.value:
                broken.append(f"{page}: <{ref.tag} {ref.attr}={ref.value!r}> has unencoded spaces")
            target = resolve(page, ref.value)
            if target is None:
                broken.append(f"{page}: <{ref.tag} {ref.attr}={ref.value!r}> leaves the site")
                continue
            path, anchor = target
            if path not in site.files:
                broken.append(f"{page}: <{ref.tag} {ref.attr}={ref.value!r}> -> {path}: no such file")
            elif anchor and path.endswith(".html") and anchor not in site.ids[path]:
                broken.append(f"{page}: <{ref.tag} {ref.attr}={ref.value!r}> -> {path}#{anchor}: no such anchor")
    return broken


def reachable(site: ParsedSite, start: str = "index.html") -> set[str]:
    """Output paths reached from `start` by following internal <a href> links (breadth first)."""
    seen, queue = {start}, [start]
    while queue:
        page = queue.pop(0)
        tree = site.trees.get(page)
        if tree is None:
            continue
        for ref in refs(tree):
            if ref.tag != "a" or ref.attr != "href" or is_external(ref.value):
                continue
            target = resolve(page, ref.value)
            if target and target[0] not in seen and target[0] in site.files:
                seen.add(target[0])
                queue.append(target[0])
    return seen


def dangerous_refs(tree: ET.Element) -> list[Ref]:
    return [r for r in refs(tree) if DANGEROUS_SCHEME.match(re.sub(r"[\x00-\x20]", "", unquote(r.value)))
            and (r.tag, r.value) not in THEME_DATA_URLS]


def event_handlers(tree: ET.Element) -> list[str]:
    return [f"<{local(el.tag)} {attr_name(a)}>" for el in tree.iter() for a in el.attrib
            if attr_name(a).lower().startswith("on")]


def script_elements(tree: ET.Element) -> list[ET.Element]:
    return [el for el in tree.iter() if local(el.tag) == "script"]


# ---------------------------------------------------------------- golden files

def assert_golden(actual: bytes, name: str, update: bool) -> None:
    """Compare with tests/golden/<name>; with --update-golden, rewrite it instead."""
    golden = GOLDEN / name
    if update or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
        if not update:
            raise AssertionError(f"golden file {golden} was missing and has been written: review and commit it")
        return
    expected = golden.read_bytes()
    if actual == expected:
        return
    diff = difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(),
                                actual.decode("utf-8", "replace").splitlines(),
                                f"golden/{name}", f"built/{name}", lineterm="", n=2)
    shown = "\n".join(list(diff)[:120])
    raise AssertionError(f"{name} differs from its golden file (run pytest --update-golden to accept):\n{shown}")


def env_without(name: str) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != name}
