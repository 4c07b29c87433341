"""plangen.yaml: defaults, every setting, and messages as good as for plans."""

from __future__ import annotations

from pathlib import Path

from plangen.config import Config, load_config


def problems(project_dir, text: str | bytes) -> list[tuple[int, int, str, str]]:
    root = project_dir({"plangen.yaml": text})
    return [(p.line, p.column, p.field, p.message) for p in load_config(root)[1]]


def test_defaults_without_a_config(tmp_path: Path) -> None:
    config, found = load_config(tmp_path)
    assert found == [] and config == Config(tmp_path)
    assert config.plans_dir == tmp_path / "plans" and config.output_dir == tmp_path / "site"
    assert config.templates_dir == tmp_path / "templates"


def test_every_setting_is_read(project_dir) -> None:
    root = project_dir({"plangen.yaml": "title: 帮扶方案库\nlanguage: en\nplans: 方案\noutput: public\n"
                                        "templates: theme\nedit_url: https://git.example/edit/\n"
                                        "base_url: https://plans.example/\nmax_file_size: '1000'\n"
                                        "registry: names.yaml\nsearch: off\nhistory: yes\n"})
    config, found = load_config(root)
    assert found == []
    assert (config.title, config.language, config.plans, config.output, config.templates) == (
        "帮扶方案库", "en", "方案", "public", "theme")
    assert (config.max_file_size, config.search, config.history) == (1000, False, True)
    assert config.edit_url == "https://git.example/edit/" and config.registry == "names.yaml"


def test_bad_settings_each_get_a_message(project_dir) -> None:
    text = ("theme: dark\nsearch: maybe\nmax_file_size: 4MB\nlanguage: fr\nplans: ../elsewhere\n"
            "templates: /etc\ntitle: ''\n")
    assert problems(project_dir, text) == [
        (1, 1, "theme", "unknown setting 'theme'"),
        (2, 1, "search", "expected true or false, found 'maybe'"),
        (3, 1, "max_file_size", "expected a number of bytes, found '4MB'"),
        (4, 1, "language", "'fr' is not one of: zh-CN, en"),
        (5, 1, "plans", "'../elsewhere' must be a folder inside the project (relative, without ..)"),
        (6, 1, "templates", "'/etc' must be a folder inside the project (relative, without ..)"),
        (7, 1, "title", "expected text"),
    ]


def test_unreadable_configs(project_dir) -> None:
    assert problems(project_dir, "title: [a\n")[0][3].startswith("YAML syntax error")
    assert problems(project_dir, "- a\n") == [(1, 1, "", "plangen.yaml must be a mapping (key: value)")]
    assert problems(project_dir, "# nothing yet\n") == []
    assert "GB18030" in problems(project_dir, "title: 帮扶方案库\n".encode("gb18030"))[0][3]
