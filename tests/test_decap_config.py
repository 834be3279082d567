"""The browser editor's configuration (content/admin/config.yml): up to date with the models,
one widget per field in the models' order, and files saved through the forms that `check`
accepts and that `new` plus an editor would write (the same keys in the same order).

A save is simulated here as Decap writes it (decap-cms-core, ``formats/frontmatter``): the
values the form holds, keys in the order of the collection's fields, empty optional fields
left out (``omit_empty_optional_fields``), then ``---``, the body. The real forms are driven
in chromium by tests/test_decap_browser.py.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator import decap_config
from generator.countries import iso_codes
from generator.new.kinds import SHEET, WRITEUP
from generator.new.starting_points import Places, document_text
from generator.read.sourcefile import split_front_matter

from .conftest import ROOT
from .helpers import errors, run_cli

CONFIG = yaml.safe_load(decap_config.render())
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}


def _field_names(fields: list[dict[str, Any]]) -> list[str]:
    return [f["name"] for f in fields]


def test_committed_config_is_what_the_models_say() -> None:
    committed = (ROOT / decap_config.PATH).read_text(encoding="utf-8")
    expected = decap_config.render(decap_config.backend_of(ROOT))
    assert committed == expected, "run `python -m generator schemas`"


def test_the_git_host_comes_from_mkdocs_yml(tmp_path: Path) -> None:
    assert decap_config.backend_of(tmp_path) == decap_config.DEFAULT_BACKEND
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nextra:\n  decap_backend:\n    name: gitlab\n    repo: reseau/savoirs\n"
        "    auth_type: pkce\n    app_id: 0a1b2c\n    branch: main\nhooks: !ENV [X]\n",
        encoding="utf-8",
    )
    backend = decap_config.backend_of(tmp_path)
    assert backend == {
        "name": "gitlab",
        "repo": "reseau/savoirs",
        "auth_type": "pkce",
        "app_id": "0a1b2c",
        "branch": "main",
    }
    assert yaml.safe_load(decap_config.render(backend))["backend"] == backend


def test_check_option_fails_on_a_stale_config(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "content" / "admin").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    stale = tmp_path / decap_config.PATH
    stale.write_text(decap_config.render().replace("locale: fr", "locale: en"), encoding="utf-8")
    found = run_cli("schemas", "--check", "--root", str(tmp_path))
    assert found.returncode == 1
    assert decap_config.PATH in found.stdout
    assert run_cli("schemas", "--root", str(tmp_path)).returncode == 0
    assert stale.read_text(encoding="utf-8") == decap_config.render()


def test_a_foreign_file_is_not_overwritten(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    mine = tmp_path / decap_config.PATH
    mine.parent.mkdir(parents=True)
    mine.write_text("backend: {name: github}\n", encoding="utf-8")
    assert run_cli("schemas", "--root", str(tmp_path)).returncode == 2
    assert mine.read_text(encoding="utf-8") == "backend: {name: github}\n"


def test_french_interface_and_local_backend() -> None:
    assert CONFIG["locale"] == "fr"
    assert CONFIG["local_backend"] is True
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert CONFIG["omit_empty_optional_fields"] is True


def test_fields_follow_the_models_and_the_new_templates() -> None:
    for name, model in (("fiches", SHEET.model), ("comptes-rendus", WRITEUP.model)):
        fields = COLLECTIONS[name]["fields"]
        assert _field_names(fields) == [*model.model_fields, "body"]
        for field in fields[:-1]:
            info = model.model_fields[field["name"]]
            assert field.get("required", True) is info.is_required(), field["name"]
            assert field["hint"] == " ".join((info.description or "").split())
    registries = {f["name"]: f for f in COLLECTIONS["registres"]["files"]}
    assert set(registries) == {"organisations", "programmes", "themes"}
    for spec in decap_config.REGISTRIES:
        entry = registries[spec.name]
        assert entry["file"] == f"content/_data/{spec.name}.yml"
        (listing,) = entry["fields"]
        assert listing["widget"] == "list"
        assert _field_names(listing["fields"]) == list(spec.model.model_fields)


def _field(collection: str, name: str) -> dict[str, Any]:
    return next(f for f in COLLECTIONS[collection]["fields"] if f["name"] == name)


def test_ids_are_picked_from_the_registries_and_sheets() -> None:
    lead = _field("fiches", "lead")
    assert (lead["widget"], lead["collection"], lead["file"]) == (
        "relation",
        "registres",
        "organisations",
    )
    assert lead["value_field"] == "entrees.*.id"
    themes = _field("fiches", "themes")
    assert (themes["file"], themes["multiple"], themes["min"]) == ("themes", True, 1)
    assert _field("comptes-rendus", "examples")["collection"] == "fiches"
    person = _field("comptes-rendus", "authors")["fields"]
    assert next(f for f in person if f["name"] == "organisation")["file"] == "organisations"


def test_countries_are_a_select_with_french_names() -> None:
    countries = _field("fiches", "countries")
    assert countries["widget"] == "select"
    assert countries["multiple"] is True
    options = {o["value"]: o["label"] for o in countries["options"]}
    assert set(options) == set(iso_codes())
    assert options["SN"] == "Sénégal (SN)"
    assert options["CI"] == "Côte d’Ivoire (CI)"


def test_dates_years_images_and_patterns() -> None:
    date = _field("comptes-rendus", "date")
    assert (date["widget"], date["format"], date["time_format"]) == (
        "datetime",
        "YYYY-MM-DD",
        False,
    )
    start = next(f for f in _field("fiches", "period")["fields"] if f["name"] == "start")
    assert (start["widget"], start["value_type"]) == ("number", "int")
    image = {f["name"]: f for f in _field("fiches", "image")["fields"]}
    assert image["src"]["widget"] == "image"
    assert image["alt"]["required"] is False  # Decap would refuse an empty image
    assert image["alt"]["hint"].startswith("Obligatoire dès que « Image » est rempli.")
    assert image["credit"]["required"] is False
    assert COLLECTIONS["fiches"]["media_folder"] == "images"  # projects/images/
    org_id = COLLECTIONS["registres"]["files"][0]["fields"][0]["fields"][0]
    pattern, message = org_id["pattern"]
    assert re.match(pattern, "cote-d-ivoire") and not re.match(pattern, "Côte d'Ivoire")
    assert message.startswith("Identifiant invalide")


# --- a simulated save ------------------------------------------------------------------


def _as_decap_writes(value: Any, fields: list[dict[str, Any]]) -> dict[str, Any]:
    """The values in the order of the collection's fields, empty optional ones left out."""
    ordered: dict[str, Any] = {}
    for field in fields:
        name = field["name"]
        if name not in value or value[name] in (None, "", []):
            continue
        item = value[name]
        if field.get("fields") and isinstance(item, dict):
            item = _as_decap_writes(item, field["fields"])
        elif field.get("fields") and isinstance(item, list):
            item = [_as_decap_writes(one, field["fields"]) for one in item]
        ordered[name] = item
    return ordered


def _decap_file(meta: dict[str, Any], body: str, collection: str) -> str:
    fields = [f for f in COLLECTIONS[collection]["fields"] if f["name"] != "body"]
    front = yaml.safe_dump(
        _as_decap_writes(meta, fields), allow_unicode=True, sort_keys=False, width=10_000
    )
    return f"---\n{front}---\n{body}"


def _keys_of_new(kind: Any, title: str) -> list[str]:
    text = document_text(kind, title, {}, True, Places())
    return [line.split(":")[0] for line in text.splitlines() if re.match(r"^[a-z_]+:", line)]


def test_files_saved_through_the_forms_pass_check_in_the_order_of_new(
    example_repo: Path,
) -> None:
    saved = []
    for folder, collection, kind in (
        ("projects", "fiches", SHEET),
        ("content/comptes-rendus", "comptes-rendus", WRITEUP),
    ):
        for path in sorted((example_repo / folder).glob("*.md")):
            parts = split_front_matter(path.read_text(encoding="utf-8"))
            assert parts is not None
            meta, body = yaml.safe_load(parts[0]), parts[1]
            text = _decap_file(meta, body, collection)
            path.write_text(text, encoding="utf-8")
            keys = list(yaml.safe_load(text.split("---\n")[1]))
            new_order = [k for k in _keys_of_new(kind, "Titre") if k in keys]
            assert keys == new_order, path.name
            saved.append(path.name)
    assert len(saved) >= 6
    assert [d.as_text() for d in errors(example_repo)] == []
