"""The interface's words on every page, in the site's language, however templates are kept compiled.

Constant `t('key')` calls are put in when a template is compiled (render_env.py): so a compiled
template kept in `.plangen-cache/` must never give one language's words to a site in another.
"""

from __future__ import annotations

from pathlib import Path

from sitecheck import build_site, copy_fixture, problems_text, read_tree


def _home(out: Path) -> str:
    return read_tree(out)["index.html"].decode("utf-8")


def test_a_language_change_is_seen_with_templates_kept_compiled(tmp_path: Path) -> None:
    project = copy_fixture("small", tmp_path / "project")
    out = tmp_path / "out"
    assert build_site(project, out, search=False, persistent_cache=True).ok
    assert ">单位</a>" in _home(out)
    assert any((project / ".plangen-cache" / "templates").iterdir())
    config = project / "plangen.yaml"
    config.write_text(config.read_text("utf-8") + "language: en\n", "utf-8")
    result = build_site(project, out, search=False, persistent_cache=True)
    assert result.ok, problems_text(result)
    home = _home(out)
    assert ">Organisations</a>" in home and ">单位</a>" not in home
    config.write_text(config.read_text("utf-8").replace("language: en\n", ""), "utf-8")
    assert build_site(project, out, search=False, persistent_cache=True).ok
    assert ">单位</a>" in _home(out)


def test_an_unknown_interface_key_in_a_user_template_is_a_template_error(tmp_path: Path) -> None:
    project = copy_fixture("small", tmp_path / "project")
    (project / "templates").mkdir()
    (project / "templates/person.html").write_text("<p>\n{{ t('no_such_word') }}</p>\n", "utf-8")
    result = build_site(project, tmp_path / "out", search=False)
    [problem] = [p for p in result.problems if p.code == "template-error"]
    assert problem.path.endswith("person.html") and problem.line == 2 and "no_such_word" in problem.message


def test_a_method_named_t_is_not_taken_for_the_interface(tmp_path: Path) -> None:
    project = copy_fixture("small", tmp_path / "project")
    (project / "templates").mkdir()
    (project / "templates/tags.html").write_text("{% set o = {'t': site.title.startswith} %}<p>{{ o.t('plans') }}</p>"
                                                  "<p>{{ t('plans') }}</p>\n", "utf-8")
    out = tmp_path / "out"
    result = build_site(project, out, search=False)
    assert result.ok, problems_text(result)
    page = read_tree(out)["tags/index.html"].decode("utf-8")
    assert "<p>False</p><p>方案</p>" in page


def test_an_unknown_key_made_while_rendering_is_a_template_error(tmp_path: Path) -> None:
    project = copy_fixture("small", tmp_path / "project")
    (project / "templates").mkdir()
    (project / "templates/person.html").write_text("<p>\n{{ t('no_such_' ~ 'word') }}</p>\n", "utf-8")
    result = build_site(project, tmp_path / "out", search=False)
    [problem] = [p for p in result.problems if p.code == "template-error"]
    assert problem.path.endswith("person.html") and "no_such_word" in problem.message
