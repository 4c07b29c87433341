"""Plan text printed by `plangen check` cannot fake output lines or drive the terminal; URLs in settings are http(s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plangen.cli import main
from plangen.config import load_config


def test_control_characters_from_a_plan_are_shown_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text(
        'title: "x"\nissuer: "y"\nstatus: "ok\\r\\nplans/b.yaml:1:1: error: fake \\e[2J"\n', "utf-8")
    main(["check", "-C", str(tmp_path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out
    assert "\\r\\nplans/b.yaml:1:1: error: fake \\x1b[2J" in out
    assert not any(line.startswith("plans/b.yaml") for line in out.splitlines())


@pytest.mark.parametrize("key", ["edit_url", "base_url"])
def test_setting_urls_must_be_http(tmp_path: Path, key: str) -> None:
    (tmp_path / "plangen.yaml").write_text(f"{key}: javascript:alert(1)\n", "utf-8")
    config, problems = load_config(tmp_path)
    assert getattr(config, key) == ""
    assert [(p.line, p.field) for p in problems] == [(1, key)]
    assert "http:// or https://" in problems[0].message
