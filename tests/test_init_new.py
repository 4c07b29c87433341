"""`plangen init` and `plangen new`: new repositories and plan skeletons, slugs, refusals."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from plangen.cli import main
from plangen.scaffold import slug_for, unique_slug

REQUIRED_BLANKS = {"issuer", "date", "guiding_thought", "leadership", "steps", "requirements"}


def check(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict[str, Any]]:
    capsys.readouterr()
    code = main(["check", "--format", "json", "-C", str(path.parent if path.is_file() else path), *extra,
                 str(path)])
    return code, json.loads(capsys.readouterr().out)


# --- init ------------------------------------------------------------------------------------

def test_init_creates_a_valid_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "repo")]) == 0
    repo = tmp_path / "repo"
    names = {p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file()}
    assert names == {"plangen.yaml", ".gitignore", "plan.schema.json", ".vscode/settings.json",
                     "plans/dongshan-jiedui-bangfu.yaml", "plans/dongshan-nongji-xiaxiang.md"}
    assert main(["check", "--strict", "-C", str(repo)]) == 0
    assert "没有问题" in capsys.readouterr().out
    ignored = (repo / ".gitignore").read_text(encoding="utf-8").split()
    assert {"site/", ".plangen-cache/", ".plangen-preview/"} <= set(ignored)
    settings = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./plan.schema.json": ["plans/**/*.yaml", "plans/**/*.yml"]}
    capsys.readouterr()
    assert main(["schema"]) == 0
    assert json.loads((repo / "plan.schema.json").read_text(encoding="utf-8")) == json.loads(capsys.readouterr().out)
    config = yaml.safe_load((repo / "plangen.yaml").read_text(encoding="utf-8"))
    assert config["plans"] == "plans" and "#" in (repo / "plangen.yaml").read_text(encoding="utf-8")


def test_init_builds_a_site(tmp_path: Path) -> None:
    from plangen.build import BuildOptions, build

    assert main(["init", str(tmp_path)]) == 0
    result = build(BuildOptions(root=tmp_path, search=False, persistent_cache=False))
    assert result.ok, result.problems
    assert (tmp_path / "site" / "plans" / "dongshan-nongji-xiaxiang.html").is_file()


def test_init_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".gitignore").write_text("node_modules/\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert ".gitignore already exists" in err
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "node_modules/\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".gitignore"]  # nothing else was written


def test_init_refuses_an_existing_plans_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "old.md").write_text("# 旧方案\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "already holds plan files" in capsys.readouterr().err
    assert not (tmp_path / "plangen.yaml").exists()


# --- slugs -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "slug"), [
    ("结对帮扶工作方案", "jie-dui-bang-fu-gong-zuo-fang-an"),
    ("东山镇2025年结对帮扶方案", "dong-shan-zhen-2025-nian-jie-dui-bang-fu-fang-an"),
    ("ＡＢＣ小学（试行）方案", "abc-xiao-xue-shi-xing-fang-an"),
    ("重庆市银行业帮扶方案", "chong-qing-shi-yin-hang-ye-bang-fu-fang-an"),  # phrase readings, not 1st ones
    ("《关于…》的意见！", "guan-yu-de-yi-jian"),
    ("!!!", "plan"),
    ("Ünïcode 方案", "unicode-fang-an"),
])
def test_slug_rule(title: str, slug: str) -> None:
    assert slug_for(title) == slug


def test_slug_is_ascii_and_cut_after_whole_syllables() -> None:
    long = "青溪县实验小学与柳湾镇中心小学城乡学校结对帮扶暨送教下乡工作实施方案"
    slug = slug_for(long)
    assert len(slug) <= 48 and slug.isascii() and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert "qing-xi-xian-shi-yan-xiao-xue".startswith(slug) or slug.startswith("qing-xi-xian-shi-yan-xiao-xue")
    assert slug_for(long + "二") == slug  # the cut never leaves half a syllable


def test_unique_slug() -> None:
    assert unique_slug("a", set()) == "a"
    assert unique_slug("a", {"a"}) == "a-2"
    assert unique_slug("a", {"a", "a-2", "a-3"}) == "a-4"


# --- new -------------------------------------------------------------------------------------

def _new(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Path:
    capsys.readouterr()
    assert main(["new", "-C", str(tmp_path), *args]) == 0
    created = re.search(r"created (\S+):", capsys.readouterr().out)
    assert created
    return Path(created.group(1))


@pytest.mark.parametrize("kind", ["school", "village", "enterprise", "subsidy", "generic"])
def test_new_yaml_fails_on_its_blanks_then_passes_when_filled(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    path = _new(tmp_path, capsys, "东山镇2025年结对帮扶工作方案", "--kind", kind)
    assert path.parent == tmp_path / "plans" and path.suffix == ".yaml"
    text = path.read_text(encoding="utf-8")
    for label in ("指导思想", "领导小组", "实施步骤", "工作要求", "组长", "发文单位"):
        assert label in text
    code, report = check(path, capsys)
    assert code == 1
    fields = {p["field"].split(".")[0].split("[")[0] for p in report["problems"] if p["severity"] == "error"}
    assert REQUIRED_BLANKS <= fields
    assert all(p["line"] > 0 and p["hint"] for p in report["problems"])
    messages = " ".join(p["message"] for p in report["problems"])
    assert "指导思想 is empty" in messages and "领导小组 is empty" in messages

    path.write_text(yaml.safe_dump(_filled(yaml.safe_load(text)), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    code, report = check(path, capsys, "--strict")
    assert (code, report["problems"]) == (0, [])


def _filled(value: Any, key: str = "") -> Any:
    """Every blank of a skeleton filled the way an editor would."""
    if isinstance(value, dict):
        return {k: _filled(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_filled(v, key) for v in value] or (["东山镇中心小学"] if key in ("helpers", "recipients") else value)
    if value is None or value == "":
        return {"date": "2025-02-20", "start": "2025-03-01", "end": "2025-06-30", "name": "陈立新",
                "title": "校长" if key == "title" else "", "org": "东山镇中心小学"}.get(key) or {
            "issuer": "东山镇中心小学", "guiding_thought": "以课堂教学为重点，互相学习，共同提高。",
            "owner": "东山镇中心小学教导处", "body": "按计划开展工作。"}.get(key, "启动准备")
    return value


def test_new_markdown_fails_on_its_blanks_then_passes_when_filled(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _new(tmp_path, capsys, "西岭村2025年驻村帮扶工作方案", "--format", "md", "--kind", "village")
    assert path.name == "xi-ling-cun-2025-nian-zhu-cun-bang-fu-gong-zuo.md"
    text = path.read_text(encoding="utf-8")
    assert "# 西岭村2025年驻村帮扶工作方案" in text and "## 一、指导思想" in text
    code, report = check(path, capsys)
    assert code == 1
    errors = {p["field"].split(".")[0] for p in report["problems"] if p["severity"] == "error"}
    assert {"issuer", "date", "guiding_thought", "leadership", "requirements"} <= errors

    filled = (text.replace("issuer:   ", "issuer: 东山镇人民政府", 1)
              .replace("date:     ", "date: 2025-02-20", 1)
              .replace("{start: , end: }", "{start: 2025-03-01, end: 2025-12-31}")
              .replace("## 一、指导思想\n", "## 一、指导思想\n\n帮助西岭村发展茶叶产业，增加农户收入。\n")
              .replace("组长：\n", "组长：黄志刚（东山镇人民政府镇长）\n", 1)
              .replace("副组长：\n", "副组长：林秀英（西岭村党支部书记）\n")
              .replace("成员：\n", "成员：驻村工作队全体队员\n")
              .replace("### 第一阶段：\n", "### 第一阶段：调查摸底（2025年3月1日至3月31日）\n")
              .replace("负责：\n", "负责：驻村工作队\n\n逐户走访，建立台账。\n")
              .replace("1. \n", "1. 驻村干部每月在村工作不少于二十天。\n"))
    path.write_text(filled, encoding="utf-8")
    code, report = check(path, capsys, "--strict")
    assert (code, report["problems"]) == (0, [])


def test_new_never_overwrites_and_numbers_collisions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _new(tmp_path, capsys, "结对帮扶方案")
    first.write_text("# 已经写好的内容\n", encoding="utf-8")
    second = _new(tmp_path, capsys, "结对帮扶方案", "--format", "md")
    third = _new(tmp_path, capsys, "结对帮扶方案", "-o", str(tmp_path / "plans" / "2025"))
    assert [first.name, second.name, third.name] == [
        "jie-dui-bang-fu-fang-an.yaml", "jie-dui-bang-fu-fang-an-2.md", "jie-dui-bang-fu-fang-an-3.yaml"]
    assert first.read_text(encoding="utf-8") == "# 已经写好的内容\n"


def test_new_refuses_an_empty_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "-C", str(tmp_path), "  "]) == 2
    assert "title is empty" in capsys.readouterr().err


def test_new_help_documents_the_slug_rule(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "new", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "pinyin" in out and "-2, -3" in out and "48" in out


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = next(h for h in hooks if h["id"] == "plangen-check")
    assert hook["entry"] == "plangen check" and hook["pass_filenames"] is True and hook["language"] == "python"
    files = re.compile(hook["files"])
    assert files.search("plans/a.yaml") and files.search("plans/x/b.yml") and files.search("plans/c.md")
    assert not files.search("README.md") and not files.search("plans/c.txt")
