"""The JSON Schemas (schemas/*.schema.json): up to date with the models, valid for every
piece of example content, and refusing the mistakes a schema can express.

Content is read as the checker reads it (YAML 1.1, as VS Code does with the
``yaml.yamlVersion: "1.1"`` of ``.vscode/settings.json``): a date YAML reads as a date is
given to the schema as the text that was written, as VS Code's YAML server does.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.demo import generate_corpus
from generator.json_schemas import FILES, FOLDER, render, stale
from generator.read.sourcefile import load_markdown, load_yaml_file
from generator.read.yamlsource import Located, YamlProblem

from .conftest import ROOT
from .helpers import errors, run_cli
from .optional_tools import need_program
from .test_corpus_mistakes import BASE, MISTAKE_FILES, MISTAKES, build_corpus

SCHEMAS = {spec.name: json.loads(render(spec)) for spec in FILES}
REGISTRIES = ("organisations", "programmes", "themes")


def _schema_name(rel: str) -> str:
    if rel.startswith("projects/"):
        return "fiche-projet.schema.json"
    if rel.startswith("content/comptes-rendus/"):
        return "compte-rendu.schema.json"
    if rel.startswith("content/_data/barometres/"):
        return "barometre.schema.json"
    return f"{Path(rel).stem}.schema.json"


def _as_json(located: Located) -> Any:
    def convert(value: Any, path: tuple[str | int, ...]) -> Any:
        if isinstance(value, dict):
            return {key: convert(item, (*path, key)) for key, item in value.items()}
        if isinstance(value, list):
            return [convert(item, (*path, index)) for index, item in enumerate(value)]
        if isinstance(value, dt.date):  # datetime too: the text as written
            return located.source_of(path)
        return value

    return convert(located.data, ())


def _read(root: Path, rel: str) -> Any:
    path = root / rel
    located = load_yaml_file(path) if rel.endswith(".yml") else load_markdown(path, rel).front
    return _as_json(located)


def _errors(root: Path, rel: str) -> list[str]:
    validator = Draft202012Validator(
        SCHEMAS[_schema_name(rel)], format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    found = validator.iter_errors(_read(root, rel))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:120]}" for e in found]


def _content(root: Path) -> list[str]:
    files = [f"content/_data/{name}.yml" for name in REGISTRIES]
    files += sorted(
        p.relative_to(root).as_posix() for p in (root / "content/_data/barometres").glob("*.yml")
    )
    files += sorted(p.relative_to(root).as_posix() for p in (root / "projects").glob("*.md"))
    files += sorted(
        p.relative_to(root).as_posix() for p in (root / "content/comptes-rendus").glob("*.md")
    )
    return files


# --- the files -------------------------------------------------------------------------


def test_committed_schemas_are_those_the_models_give() -> None:
    assert stale(ROOT) == [], "run `make schemas` (python -m generator schemas) and commit"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_schema_is_valid_draft_2020_12_with_french_title(name: str) -> None:
    schema = SCHEMAS[name]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(name)
    assert schema["title"] and schema["description"]


def test_every_field_has_a_french_description() -> None:
    def fields(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
        out = list(schema.get("properties", {}).items())
        for definition in schema.get("$defs", {}).values():
            out += list(definition.get("properties", {}).items())
        return out

    for name, schema in SCHEMAS.items():
        for field, body in fields(schema):
            assert body.get("description"), (name, field)
            assert "title" not in body, (name, field)  # pydantic's English titles are dropped
    assert (
        "Jour de la séance"
        in SCHEMAS["compte-rendu.schema.json"]["properties"]["date"]["description"]
    )


def test_country_codes_come_with_french_names() -> None:
    countries = SCHEMAS["fiche-projet.schema.json"]["$defs"]["Pays"]
    names = dict(zip(countries["enum"], countries["enumDescriptions"], strict=True))
    assert names["SN"] == "Sénégal" and names["CI"] == "Côte d’Ivoire"
    assert len(names) > 240


# --- what they accept --------------------------------------------------------------------


def test_the_example_content_validates() -> None:
    files = _content(ROOT)
    assert len(files) >= 9
    assert {rel: _errors(ROOT, rel) for rel in files} == {rel: [] for rel in files}


def test_the_mistakes_corpus_base_validates() -> None:
    files = _content(BASE)
    assert {rel: _errors(BASE, rel) for rel in files} == {rel: [] for rel in files}


def test_the_demo_corpus_validates(tmp_path: Path) -> None:
    generate_corpus(tmp_path, 40, 8, seed=3)
    files = _content(tmp_path)
    assert len(files) == 3 + 40 + 8
    assert {rel: _errors(tmp_path, rel) for rel in files} == {rel: [] for rel in files}


def test_what_check_accepts_in_less_usual_forms_the_schema_accepts_too(tmp_path: Path) -> None:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    sheet = tmp_path / "projects/puits.md"
    text = sheet.read_text(encoding="utf-8")
    for old, new in [
        ("  start: 2018", '  start: "2018"'),  # a year in quotes
        ('  credit: "Dessin : l’équipe"', "  credit:"),  # an empty optional field
        ("status: completed", "status: completed\nupdated: 2024-05-02\nlicence: CC-BY-4.0"),
        (
            '    url: "https://nord.example.org/puits"',
            '    url: "HTTPS://nord.example.org/puits?a=1#b"\n'
            '  - title: "Écrire"\n    url: "mailto:contact@nord.example.org"',
        ),
    ]:
        assert old in text
        text = text.replace(old, new)
    sheet.write_text(text, encoding="utf-8")
    assert [d.as_text() for d in errors(tmp_path)] == []
    assert _errors(tmp_path, "projects/puits.md") == []


# --- what they refuse --------------------------------------------------------------------

# The mistakes of tests/test_corpus_mistakes.py that `check` finds but a JSON Schema cannot:
# each with why. Every other mistake there must be refused by the schema.
CHECK_ONLY = {
    "m-programme-unknown": "whether an id exists in programmes.yml",
    "m-lead-unknown": "whether an id exists in organisations.yml",
    "m-lead-is-partner": "a relation between two fields",
    "m-theme-unknown": "whether an id exists in themes.yml",
    "m-period-order": "a relation between two fields (end before start)",
    "m-image-missing": "whether a file exists",
    "m-image-outside": "where a relative path leads",
    "m-licence-unknown": "the licences mkdocs.yml may add",
    "m-writeup-author-org": "whether an id exists in organisations.yml",
    "m-writeup-example-missing": "whether a sheet exists",
    "m-writeup-report-missing": "whether a file exists",
    "m-writeup-report-escape": "where a relative path leads",
}
# Refused before any schema: the YAML itself cannot be read (VS Code's YAML server says so
# too, except for the alias, which it accepts).
YAML_LEVEL = {
    "m-title-colon",
    "m-title-unclosed-quote",
    "m-period-tab",
    "m-period-duplicate-key",
    "m-anchor-alias",
}


@pytest.fixture(scope="module")
def mistakes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("mistakes"))


@pytest.mark.parametrize("name", [m[0] for m in MISTAKES])
def test_each_mistake_check_finds_is_refused_unless_no_schema_can_say_it(
    mistakes: Path, name: str
) -> None:
    rel = MISTAKE_FILES[name]
    if name in YAML_LEVEL:
        with pytest.raises(YamlProblem):
            _read(mistakes, rel)
        return
    found = _errors(mistakes, rel)
    if name in CHECK_ONLY:
        assert found == [], f"the schema now refuses {name}: remove it from CHECK_ONLY"
    else:
        assert found, f"the schema accepts {name}, which check refuses"


def _registry(tmp_path: Path, name: str, text: str) -> list[str]:
    shutil.copytree(BASE, tmp_path, dirs_exist_ok=True)
    (tmp_path / f"content/_data/{name}.yml").write_text(text, encoding="utf-8")
    return _errors(tmp_path, f"content/_data/{name}.yml")


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("organisations", "- id: cfsi\n  name: CFSI\n  pays: FR\n", "0"),  # unknown field
        ("organisations", "- id: Cfsi\n  name: CFSI\n", "0/id"),  # not a slug
        ("organisations", "- id: cfsi\n  name: CFSI\n  country: France\n", "0/country"),
        ("organisations", "- id: cfsi\n  name: CFSI\n  url: www.cfsi.asso.fr\n", "0/url"),
        ("organisations", "id: cfsi\nname: CFSI\n", ""),  # not a list
        ("programmes", "- id: caac\n  name: CAAC\n  started: 1789\n", "0/started"),
        ("programmes", "- id: caac\n  name: CAAC\n  started: '2017a'\n", "0/started"),
        ("programmes", "- id: caac\n  name: CAAC\n  organisation: C F S I\n", "0/organisation"),
        ("themes", "- id: eau\n", "0"),  # label missing
        ("themes", "- id: eau\n  label: '  '\n", "0/label"),  # blank
        ("themes", "- id: eau\n  label: Eau\n  description: 12\n", "0/description"),
    ],
)
def test_registry_mistakes_are_refused(tmp_path: Path, name: str, text: str, where: str) -> None:
    found = _registry(tmp_path, name, text)
    assert [e for e in found if e.split(":")[0] == where], found


def test_a_valid_registry_entry_with_every_field_is_accepted(tmp_path: Path) -> None:
    text = (
        "- id: cfsi\n  name: Comité\n  short_name: CFSI\n  country: FR\n"
        "  url: https://www.cfsi.asso.fr/\n  description: Un réseau.\n"
    )
    assert _registry(tmp_path, "organisations", text) == []


# --- the command ----------------------------------------------------------------------------


def test_schemas_command_writes_then_finds_nothing_to_do(tmp_path: Path) -> None:
    done = run_cli("schemas", "--root", str(tmp_path))
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in (tmp_path / FOLDER).iterdir())
    assert written == sorted(SCHEMAS)
    for name in SCHEMAS:
        assert (tmp_path / FOLDER / name).read_bytes() == (ROOT / FOLDER / name).read_bytes()
    again = run_cli("schemas", "--root", str(tmp_path))
    assert (again.returncode, again.stdout) == (0, "")
    assert run_cli("schemas", "--root", str(tmp_path), "--check").returncode == 0


def test_schemas_check_lists_stale_files_and_writes_nothing(tmp_path: Path) -> None:
    assert run_cli("schemas", "--root", str(tmp_path)).returncode == 0
    stale_file = tmp_path / FOLDER / "themes.schema.json"
    stale_file.write_text(stale_file.read_text().replace("Registre", "Ancien registre"))
    (tmp_path / FOLDER / "programmes.schema.json").unlink()
    before = stale_file.read_bytes()
    done = run_cli("schemas", "--root", str(tmp_path), "--check")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{FOLDER}/programmes.schema.json: stale: differs from the models "
        "(run `python -m generator schemas`)",
        f"{FOLDER}/themes.schema.json: stale: differs from the models "
        "(run `python -m generator schemas`)",
    ]
    assert stale_file.read_bytes() == before
    assert not (tmp_path / FOLDER / "programmes.schema.json").exists()


def test_schemas_command_leaves_a_file_it_did_not_write(tmp_path: Path) -> None:
    (tmp_path / FOLDER).mkdir()
    mine = tmp_path / FOLDER / "themes.schema.json"
    mine.write_text('{"title": "my own schema"}\n')
    done = run_cli("schemas", "--root", str(tmp_path))
    assert done.returncode == 2
    assert "themes.schema.json was not written by" in done.stderr
    assert mine.read_text() == '{"title": "my own schema"}\n'
    assert sorted(p.name for p in (tmp_path / FOLDER).iterdir()) == ["themes.schema.json"]


# --- VS Code -------------------------------------------------------------------------------


def test_vscode_maps_each_schema_to_files_that_exist() -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert sorted(Path(s).name for s in mapping) == sorted(
        n for n in SCHEMAS if n.split(".")[0] in (*REGISTRIES, "barometre")
    )
    for schema, targets in mapping.items():
        assert (ROOT / schema).is_file(), schema
        for target in [targets] if isinstance(targets, str) else targets:
            assert list(ROOT.glob(target)), (schema, target)
            assert _schema_name(target) == Path(schema).name
    assert settings["yaml.yamlVersion"] == "1.1"
    recommended = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in recommended["recommendations"]


def test_vscode_settings_are_not_ignored_by_git() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    for name in (".vscode/settings.json", ".vscode/extensions.json", ".vscode/tasks.json"):
        done = subprocess.run(
            ["git", "check-ignore", "-q", name], cwd=ROOT, capture_output=True, check=False
        )
        assert done.returncode == 1, f"{name} is ignored by .gitignore"


def test_the_vscode_task_reads_every_problem_check_prints(mistakes: Path) -> None:
    """The task's problem matcher puts each problem of `check` at its file and line."""
    tasks = json.loads((ROOT / ".vscode/tasks.json").read_text(encoding="utf-8"))
    (task,) = tasks["tasks"]
    assert task["args"][-4:] == ["generator", "check", "--format", "github"]
    pattern = task["problemMatcher"]["pattern"]
    done = run_cli(*task["args"][2:], "--root", str(mistakes))
    lines = done.stdout.splitlines()
    assert len(lines) == len(MISTAKES)
    read = [re.match(pattern["regexp"], line) for line in lines]
    assert all(read), [line for line, match in zip(lines, read, strict=True) if not match]
    places = {(m[pattern["file"]], int(m[pattern["line"]]), m[pattern["code"]]) for m in read if m}
    assert places == {(MISTAKE_FILES[m[0]], m[4], m[5]) for m in MISTAKES}
    assert {m[pattern["severity"]] for m in read if m} == {"error"}


def _patterns() -> set[str]:
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "pattern" and isinstance(item, str):
                    found.add(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(SCHEMAS)
    return found


_JS = """
const {patterns, samples} = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(patterns.map(p => samples.map(s => new RegExp(p, "u").test(s)))));
"""


def test_patterns_mean_the_same_to_editors(mistakes: Path) -> None:
    """Editors run patterns as JavaScript regular expressions (with the ``u`` flag, as
    VS Code's YAML server and Ajv do): each must compile there and give Python's verdict."""
    node = need_program("node", "nodejs", "JavaScript reads the schemas' patterns")
    samples: set[str] = {"HTTP://X.ORG", "javascript:alert(1)", "C:/x.png", "a\\\\b.png", " 2018 "}

    def strings(value: Any) -> None:
        if isinstance(value, str):
            samples.add(value)
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                strings(item)

    for root in (ROOT, mistakes):
        for rel in _content(root):
            try:
                strings(_read(root, rel))
            except YamlProblem:
                continue
    patterns, ordered = sorted(_patterns()), sorted(samples)
    assert len(patterns) >= 6
    done = subprocess.run(
        [node, "-e", _JS],
        input=json.dumps({"patterns": patterns, "samples": ordered}),
        capture_output=True,
        text=True,
        check=True,
    )
    expected = [[re.search(p, s) is not None for s in ordered] for p in patterns]
    assert json.loads(done.stdout) == expected


def test_editors_are_offered_the_statuses_and_licences_in_french() -> None:
    sheet = SCHEMAS["fiche-projet.schema.json"]["properties"]
    assert sheet["status"]["enumDescriptions"] == ["En projet", "En cours", "Terminé"]
    assert sheet["licence"]["examples"][0] == "CC-BY-NC-SA-3.0-FR"  # the default first
    assert "CC0-1.0" in sheet["licence"]["examples"]
    assert "default" not in sheet["image"] and sheet["inspiring"]["default"] is False
