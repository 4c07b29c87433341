"""Fuzzing the readers of untrusted text: the YAML and Markdown plan loaders (with every rule of
`check`), the Markdown renderer and timeline chart of what they load, and the text importer. Whatever the input, each answers with
values and plangen's own problem reports: never another exception, never a hang.

The suite runs a few dozen derandomized examples per reader (the same inputs on every run, a few
seconds in all). For a longer search, on demand:

    PLANGEN_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py

(with PLANGEN_FUZZ_RANDOM=1, each run draws new inputs; a failure prints the input to add as an
example). An input that runs longer than HANG_SECONDS is reported as a hang: a bound for runaway
work (exponential backtracking, endless loops), far above any real input's time.
"""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plangen import markdown
from plangen.importer.convert import Options, convert
from plangen.importer.reading import Unreadable, read_input
from plangen.importer.splitting import DEFAULT_SPLIT, compile_split
from plangen.importer.writer import to_markdown, to_yaml
from plangen.problems import Problem
from plangen.project import Parsed, parse_source
from plangen.sources import Source, decode
from plangen.timeline_svg import timeline_svg

EXAMPLES = int(os.environ.get("PLANGEN_FUZZ_EXAMPLES", "40"))
HANG_SECONDS = 20
FUZZ = settings(max_examples=EXAMPLES, derandomize=not os.environ.get("PLANGEN_FUZZ_RANDOM"), database=None,
                deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                print_blob=True)

T = TypeVar("T")

# Pieces that plans, their syntax and their attackers are made of: keys in both spellings, YAML
# structure, Markdown blocks, dates in every form, and characters that break naive code.
KEYS = ["title", "标题", "issuer", "date", "status", "period", "start", "end", "tags", "steps", "leadership",
        "leaders", "members", "name", "org", "guiding_thought", "指导思想", "requirements", "sections", "body",
        "slug", "basis", "partners", "helpers", "attachments", "领导小组", "实施步骤", "组长"]
SYNTAX = [": ", ":", "- ", "\n", "\n  ", "\n    ", "  ", "[", "]", "{", "}", ", ", "|", "|-\n  ", ">", "'", '"',
          "&a ", "*a", "!!str ", "!!python/object:os.system ", "<<: ", "? ", "#", "---\n", "...\n", "%YAML 1.1\n",
          "~", "null", "yes", "no", "on", ".inf", "0x1F", "1e400", "\\", "\t"]
MARKDOWN = ["# ", "## 一、指导思想\n", "## 实施步骤\n", "### 第一阶段（9月1日至9月10日）\n", "## （二）组织领导\n",
            "组长：", "（", "）", "> ", ">>>>>>>>>>", "* ", "1. ", "   - ", "```", "~~~", "**", "__", "[x](plan:a)",
            "[y](javascript:alert(1))", "![z](//evil)", "<script>", "&#xFFFE;", "&#0;", "| a | b |\n|---|---|\n",
            "\\\n", "    code\n", "<!--", "]]>"]
DATES = ["2016-09-01", "2016年9月1日", "9月1日", "2016.9.1", "20xx年", "2016-13-45", "9999-12-31", "0000-00-00",
         "1月1日至次年2月", "—", "至", "～", "２０１６年９月", "x月x日", "2016年2月30日", "-1", "99999999999999999999"]
ODD = ["\x00", "\x0b", "\x1b[2J", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\ufeff", "\u200b", "\u202e", "\ufffe",
       "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff", "\ud800", "\u0301", "\uff1a", "　", "A" * 300, "帮" * 50,
       "優(yōu)秀", "某某", "XXX", "___", "%s%n", "{{ x }}", "{% raw %}"]
PIECE = st.one_of(st.sampled_from(KEYS + SYNTAX + MARKDOWN + DATES + ODD), st.text(max_size=6))
TEXT = st.lists(PIECE, max_size=60).map("".join)


@contextmanager
def no_hang(what: str) -> Iterator[None]:
    """Fail (rather than wait for ever) when one input takes longer than HANG_SECONDS."""
    def hang(signum: int, frame: object) -> None:
        raise AssertionError(f"{what}: no answer within {HANG_SECONDS} s for one input: a hang")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def answered(what: str, call: Callable[[], T]) -> T:
    with no_hang(what):
        return call()


def _loaded(parsed: Parsed) -> None:
    """A load's answer: a plan, or problems (each a Problem), and every body renders."""
    assert isinstance(parsed, Parsed)
    assert all(isinstance(p, Problem) for p in parsed.problems)
    assert parsed.plan is not None or any(p.is_error for p in parsed.problems)
    if parsed.plan is not None:
        for part in parsed.plan.parts:
            assert isinstance(markdown.render(part.body), str)
        assert isinstance(timeline_svg(parsed.plan, parsed.plan.title), str)  # every date the loader lets through


def _load(text: str, path: str) -> None:
    """Text as a file holds it: through `decode` (which refuses what no plan may hold: a surrogate,
    a control character), then the loader for the file's kind."""
    source = answered("decode", lambda: decode(text.encode("utf-8", "surrogatepass"), path))
    if isinstance(source, Problem):
        return
    kind = "yaml" if path.endswith(".yaml") else "markdown"
    _loaded(answered(f"{kind} loader", lambda: parse_source(Source(path, source, kind))))


def _front_matter(text: str) -> str:
    return f"---\ntitle: 测试\n{text}\n---\n\n{text}"


@FUZZ
@given(TEXT)
@example("title: \"\\uFFFE\"\ndate: 9999-12-31\n")
@example("title: t\nissuer: i\nguiding_thought: g\nleadership: {leaders: [{name: n}]}\nrequirements: [r]\n"
         "steps:\n  - {title: 阶段, start: 2016-09-01, end: 9999-12-31}\n")
@example("a: &a [*a]\n")
@example("title: x\nsteps:\n" + "  - {title: 阶段, start: 9月1日, end: 8月1日}\n" * 3)
def test_the_yaml_loader_answers_every_text_with_problems(text: str) -> None:
    _load(text, "plans/fuzz.yaml")


@FUZZ
@given(TEXT)
@example(">" * 500 + " x")
@example("".join("  " * i + "- x\n" for i in range(40)))
@example("---\n---\n## 实施步骤\n### \n")
def test_the_markdown_loader_answers_every_text_with_problems(text: str) -> None:
    _load(text, "plans/fuzz.md")
    _load(_front_matter(text), "plans/fuzz.md")


@FUZZ
@given(st.binary(max_size=200) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_decoding_any_bytes_gives_text_or_a_problem(data: bytes) -> None:
    got = answered("decode", lambda: decode(data, "plans/fuzz.yaml"))
    assert isinstance(got, (str, Problem))


_IMPORT = Options(compile_split(DEFAULT_SPLIT))


@FUZZ
@given(TEXT)
@example("一、指导思想\n二、组织领导\n组长：\n三、实施步骤\n（一）宣传阶段（5月5日至5月10日）\n四、工作要求\n")
@example("关于印发《某方案》的通知\n某教发〔2024〕5号\n\f\n附件1、2\n")
def test_the_text_importer_answers_every_text_with_plans_that_load(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:  # text as `plangen import` reads it from a file
        file = Path(folder) / "fuzz.txt"
        file.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            read = answered("import reading", lambda: read_input(file))
        except Unreadable:
            return
    converted = answered("importer", lambda: convert(read.text, "fuzz.txt", _IMPORT))
    for data, _report in converted.plans:
        assert isinstance(data, dict)
        for written, kind in ((to_yaml(data), "yaml"), (to_markdown(data), "markdown")):
            path = "plans/fuzz." + ("yaml" if kind == "yaml" else "md")
            _loaded(answered("imported plan", lambda w=written, k=kind, p=path: parse_source(Source(p, w, k))))

