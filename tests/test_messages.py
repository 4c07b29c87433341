"""Every message plangen can say is in the one catalogue (wording.CATALOGUE), in Chinese and English.

- every entry has both languages, with the same values in each;
- every key a module names is in the catalogue (found by reading the source: a key added to a check
  without its entry fails here, not in front of a user);
- no Chinese wording holds an English sentence (a run of three or more English words outside the
  values and `code`), for every entry, so also for problems no fixture reaches;
- the problems of every bad fixture and of many hostile inputs carry a key and come out in Chinese by
  default and in English with --lang en; `--format json` keeps the English words with the key.
"""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import pytest
from hostile_helpers import GOOD

from plangen import config, messages_cli
from plangen.cli import main
from plangen.help_text import argparse_message
from plangen.problem_text import localised
from plangen.problems import Problem, as_dict, from_dict
from plangen.project import ReadOptions, load_project
from plangen.wording import CATALOGUE, Wording, msg, worded
from plangen.workspace import load_workspace

SRC = Path(__file__).resolve().parents[1] / "src" / "plangen"
BAD = Path(__file__).parent / "fixtures" / "bad"
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z']+(?:[ -]+[A-Za-z][A-Za-z']*){2,}")
_CODE = re.compile(r"`[^`]*`")


def english_in(text: str) -> list[str]:
    """Runs of three or more English words in `text`, outside `code`."""
    return ENGLISH_RUN.findall(_CODE.sub("", text))


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_with_the_same_values(key: str) -> None:
    entry = CATALOGUE[key]
    assert len(entry) in (2, 4), key
    for zh, en in zip(entry[::2], entry[1::2]):
        assert en.strip() and zh.strip(), key
        assert _names(zh) == _names(en), key


def test_the_tables_do_not_share_a_key() -> None:
    from plangen.messages_files import FILES
    from plangen.messages_problems import PROBLEMS

    assert not set(PROBLEMS) & set(FILES) and not set(PROBLEMS) & set(messages_cli.CLI) \
        and not set(FILES) & set(messages_cli.CLI)


def _dummy(template: str) -> str:
    """The template with each value (and its format) as a sign that is no word."""
    return re.sub(r"\{\w+(?:[:!][^}]*)?\}", "◇", template).replace("{{", "{").replace("}}", "}")


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_no_chinese_wording_holds_an_english_sentence(key: str) -> None:
    for zh in CATALOGUE[key][::2]:
        assert english_in(_dummy(zh)) == [], (key, zh)


_KEY = re.compile(r"^(?:yaml|md|key|schema|date|rules|char|word|file|plan|link|index|config|setting|registry|build|"
                  r"output|render|serve|import|init|new|diff)\.[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*$")
_NOT_KEYS = re.compile(r"\.(?:html|json|jsonl|yaml|yml|md|txt|xml|js|css|py|lock|gz|svg|png)$|^yaml\.schemas$")


def _keys_named_in(file: Path) -> set[str]:
    """String constants of the module that have the form of a catalogue key (not a file name)."""
    tree = ast.parse(file.read_text("utf-8"))
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and _KEY.match(node.value) and not _NOT_KEYS.search(node.value)}


def test_every_key_a_module_names_is_in_the_catalogue() -> None:
    named: dict[str, str] = {}
    for file in sorted(SRC.rglob("*.py")):
        if file.name.startswith("messages_"):
            continue
        for key in _keys_named_in(file):
            named.setdefault(key, str(file.relative_to(SRC)))
    assert len(named) > 100  # the checker sees the producers
    assert {k: f for k, f in named.items() if k not in CATALOGUE} == {}


def test_keys_made_from_a_name_are_there_too() -> None:
    assert all(f"setting.{name}" in CATALOGUE for name in config._FIELDS)
    assert all(f"word.{kind}" in CATALOGUE for kind in ("tag", "category"))


@pytest.mark.parametrize("key", sorted(set(CATALOGUE) - set(messages_cli.CLI)))
def test_every_problem_entry_words_with_text_values_in_both_languages(key: str) -> None:
    """A problem's values are text (wording.msg makes them so): no entry may ask for a number's format."""
    said = Wording(key, tuple((name, "◇") for name in set().union(*map(_names, CATALOGUE[key]))))
    for language in ("zh-CN", "en"):
        message, hint = worded(said, language)
        assert message and (hint or len(CATALOGUE[key]) == 2), key


def test_a_missing_key_shows_its_key_and_values_rather_than_failing() -> None:
    assert worded(msg("no.such-key", x=1), "zh-CN") == ("no.such-key x=1", "")


# --- problems as found in plans, settings, the registry and files ----------------------------------------------

BAD_FILES = sorted(p for p in BAD.iterdir() if p.suffix in (".yaml", ".yml", ".md"))

HOSTILE: dict[str, str | bytes] = {
    "plans/empty.yaml": "   \n",
    "plans/binary.yaml": b"title: \x00\x01",
    "plans/utf16.yaml": "title: 方案".encode("utf-16"),
    "plans/gbk.yaml": ("title: 某县结对帮扶工作方案\nissuer: 某县教育局\n" * 3).encode("gb18030"),
    "plans/latin.yaml": b"title: caf\xe9 \xe9t\xe9",
    "plans/control.md": "---\ntitle: 方案\x1b\n---\n",
    "plans/escapes.yaml": 'title: "方案\\x1b"\nissuer: "某\\u202e校"\nguiding_thought: "\\u200b"\n'
                          "requirements:\n  - \"" + "> " * 40 + "深\"\n",
    "plans/Bad Name!.yaml": "title: 方案\n",
    "plans/links.yaml": GOOD.replace("以促进", "见[另一方案](plan:no-such-plan)，以促进"),
    "plans/dup-a.yaml": "title: 方案\nslug: same\n",
    "plans/dup-b.yaml": "title: 方案\nslug: same\n",
    "plans/bomb.yaml": "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)),
    "plans/deep.yaml": "a: " + "[" * 200 + "]" * 200 + "\n",
    "plans/far.yaml": "title: 方案\ndate: 9999-01-01\nperiod: {start: 2016-09-01, end: 0016-01-01}\n",
    "plans/types.yaml": "title: 方案\nslug: 'Bad Slug'\nsummary: " + "长" * 3000 + "\nstatus: done\n",
}
SETTINGS = ("language: fr\nplans: /abs\nedit_url: ftp://x\nsearch: maybe\nmax_file_size: big\n"
            "title: \"\\u200b\"\nnonsense: 1\noutput: [a]\nregistry: registry.yaml\n")
REGISTRY = "organisations:\n  - {aliases: [x]}\n  - name: 测试小学\n    aliases: [测试学校]\npeople: 3\nextra: 1\n"


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> list[Problem]:
    """Problems of every kind a check gives: the bad fixtures, hostile files, settings and registry."""
    problems = list(load_project(BAD_FILES, BAD, ReadOptions()).problems)
    root = tmp_path_factory.mktemp("hostile")
    for name, content in HOSTILE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (root / name).write_bytes(content)
        else:
            (root / name).write_text(content, "utf-8")
    problems += load_workspace(root, None).problems
    problems += config.load_config(_folder(root, "settings", {"plangen.yaml": SETTINGS}))[1]
    reg = _folder(root, "reg", {"plangen.yaml": "language: en\n", "registry.yaml": REGISTRY,
                                "plans/a.yaml": "title: 方案\nissuer: 测试学校x\n"})
    problems += load_workspace(reg, None).problems
    problems += load_project([root / "missing"], root, ReadOptions()).problems
    return problems


def _folder(root: Path, name: str, files: dict[str, str]) -> Path:
    for file, text in files.items():
        (root / name / file).parent.mkdir(parents=True, exist_ok=True)
        (root / name / file).write_text(text, "utf-8")
    return root / name


def test_the_sample_reaches_many_kinds_of_problem(found: list[Problem]) -> None:
    keys = {p.key for p in found}
    assert len(keys) >= 45, sorted(keys)
    assert {"file.empty", "file.binary", "file.utf16", "file.gb18030", "file.not-utf8", "config.unknown",
            "config.value", "registry.unknown-key", "yaml.syntax-in", "yaml.refused", "rules.too-deep",
            "link.unknown-plan", "plan.duplicate-slug", "date.out-of-range"} <= keys


def test_every_problem_found_has_a_key_and_chinese_words(found: list[Problem]) -> None:
    for p in found:
        assert p.key in CATALOGUE, p
        zh = localised(p)
        assert zh.message != p.message or not english_in(p.message), p
        said = _without_values(p)
        assert english_in(said[0]) == [] and english_in(said[1]) == [], (p, said)


def _without_values(p: Problem) -> tuple[str, str]:
    """The problem's Chinese words with each plain value as a sign (values quote the plan, or the parser)."""
    assert p.wording is not None
    return worded(_signs(p.wording), "zh-CN")


def _signs(w: Wording) -> Wording:
    return Wording(w.key, tuple((k, _signs(v) if isinstance(v, Wording) else "◇") for k, v in w.values))


def test_english_words_are_the_catalogues(found: list[Problem]) -> None:
    for p in found:
        assert p.wording is not None
        assert (p.message, p.hint) == worded(p.wording, "en")


def test_a_problem_survives_a_cache_round_trip_with_its_key(found: list[Problem]) -> None:
    for p in found:
        assert from_dict(json.loads(json.dumps(as_dict(p)))) == p


# --- the command line, in both languages ----------------------------------------------------------------------


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def test_check_of_the_bad_fixtures_in_chinese_has_no_english_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(capsys, "-C", str(BAD), *map(str, BAD_FILES))
    assert code == 1
    heads = [line for line in out.splitlines() if re.match(r"^\S+\.(yaml|md):\d+:\d+: ", line)]
    assert len(heads) > 50
    for line in out.splitlines():
        if line.startswith(("      = ", *(f.name for f in BAD_FILES))):
            said = re.sub(r"^\S+?:\d+:\d+: |“[^”]*”|'[^']*'|!!\S+", "", line)
            assert english_in(said) == [], line
    assert "YAML 语法错误：" in out and "错误: " in out and "提示: " in out
    assert "leadership.leaders[0].name（组长 姓名）: 缺少必填项" in out


def test_check_with_lang_en_says_the_english_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(capsys, "--lang", "en", "-C", str(BAD), str(BAD / "missing-leader-name.yaml"),
                       str(BAD / "yaml-syntax.yaml"))
    assert code == 1
    assert "missing-leader-name.yaml:8:7: error: leadership.leaders[0].name (组长 姓名): required\n" in out
    assert "      = hint: add `name:` (组长 姓名)\n" in out
    assert "yaml-syntax.yaml:6:16: error: YAML syntax error: while parsing a flow sequence (started at line 5):" in out
    assert out.endswith("checked 2 files: 2 error(s), 0 warning(s)\n")


def test_json_keeps_the_english_words_with_the_key_and_values(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _check(capsys, "--format", "json", "-C", str(BAD), str(BAD / "person-two-roles.yaml"))
    problem = json.loads(out)["problems"][0]
    assert problem["message"] == "张明 is listed as 副组长 and also as 组长 (line 8)"
    assert (problem["key"], problem["values"]) == (
        "rules.person-two-roles", {"name": "张明", "label": "副组长", "first": "组长", "line": "8"})


def test_yaml_syntax_errors_in_plangens_words_with_the_parsers_quoted(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text("title: 方案\nissuer: 某校\n  odd: [\n", "utf-8")
    _, out = _check(capsys, "-C", str(tmp_path))
    head = out.splitlines()[0]
    assert re.match(r"plans/a\.yaml:3:\d+: 错误: YAML 语法错误：", head), head
    _, out = _check(capsys, "--lang", "en", "-C", str(tmp_path))
    assert re.match(r"plans/a\.yaml:3:\d+: error: YAML syntax error: ", out)


@pytest.mark.parametrize("argv, chinese, english", [
    (["check", "--strcit"], "plangen：错误：无法识别的参数：--strcit", "plangen: error: unrecognized arguments: --strcit"),
    (["check", "--format", "xml"], "plangen check：错误：参数 --format：无效的选择：'xml'（可选：'text', 'json'）",
     "plangen check: error: argument --format: invalid choice: 'xml'"),
    (["build", "-o"], "plangen build：错误：参数 -o/--output：需要一个值",
     "plangen build: error: argument -o/--output: expected one argument"),
    (["new"], "plangen new：错误：缺少以下参数：", "plangen new: error: the following arguments are required: "),
])
def test_argparse_says_usage_and_errors_in_the_language(argv: list[str], chinese: str, english: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as ended:
        main(argv)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：plangen") and chinese in err, err
    with pytest.raises(SystemExit):
        main(["--lang", "en", *argv])
    err = capsys.readouterr().err
    assert err.startswith("usage: plangen") and english in err, err


def test_help_has_chinese_section_titles(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：plangen check") and "\n位置参数:\n" in out and "\n选项:\n" in out
    assert argparse_message("something argparse never said") == "something argparse never said"


def test_diff_speaks_chinese_by_default_and_english_with_lang_en(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.yaml").write_text(GOOD, "utf-8")
    (tmp_path / "new.yaml").write_text(GOOD.replace("以促进城乡", "以促进城乡学校"), "utf-8")
    assert main(["diff", "old.yaml", "new.yaml"]) == 1
    out = capsys.readouterr().out
    assert "指导思想 文字修改:" in out and out.endswith("old.yaml 与 new.yaml 之间有 1 个方案不同：修改 1 个\n")
    assert english_in(re.sub(r"\S+\.yaml", "", out)) == []
    assert main(["--lang", "en", "diff", "old.yaml", "new.yaml"]) == 1
    out = capsys.readouterr().out
    assert "指导思想 text changed:" in out and out.endswith("1 plan differs between old.yaml and new.yaml: 1 modified\n")
