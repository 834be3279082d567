"""``new``: a starting point for each kind that passes ``check``, every field present and
commented, a free name, registries appended to byte for byte, never a file overwritten,
options checked as ``check`` checks them, questions in a terminal (issue 17, item 1)."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import cli
from generator.diagnostics import Diagnostic
from generator.loader import load_catalogue
from generator.messages import set_language
from generator.new import files
from generator.new.asking import Terminal, completer, readline_terminal
from generator.new.command import main as new_main
from generator.new.field_notes import SHAPES
from generator.new.kinds import KINDS
from generator.render.site_plan import plan_site
from generator.settings import load_settings
from generator.validate.schema import (
    OrganisationEntry,
    ProgrammeEntry,
    ProjectMeta,
    ThemeEntry,
    WriteupMeta,
)
from tests.helpers import ORGANISATIONS, ROOT, THEMES, diagnostics, run_cli

KIND_NAMES = ["sheet", "fiche", "writeup", "compte-rendu", "organisation", "programme", "theme"]
REGISTRY_OF = {"organisation": ORGANISATIONS, "programme": "content/_data/programmes.yml"}
REGISTRY_OF["theme"] = THEMES


@pytest.fixture(autouse=True)
def _english_again() -> Iterator[None]:
    """``cli.main`` sets the language of the process: the other tests read English."""
    yield
    set_language("en")


def new(root: Path, *args: str, lang: str = "en") -> tuple[int, str, str]:
    """Run ``new`` in this process (as ``python -m generator new …`` from ``root``)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["new", *args, "--lang", lang])
    finally:
        os.chdir(cwd)
    return code, out.getvalue(), err.getvalue()


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    data = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
    assert isinstance(data, dict)
    return data


def written(out: str) -> Path:
    """The file a run says it wrote (first line: « …: path »)."""
    return Path(out.splitlines()[0].split(": ", 1)[1].split(" (")[0])


def errors_of(root: Path) -> list[Diagnostic]:
    return [d for d in diagnostics(root) if d.is_error]


def registry_entries(root: Path, rel: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


# --- each kind ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_each_kind_starts_a_file_that_check_passes(example_repo: Path, kind: str) -> None:
    code, out, err = new(example_repo, kind, "Jeunes ruraux de Kindia")
    assert code == 0, err
    assert errors_of(example_repo) == []
    warnings = [d for d in diagnostics(example_repo) if not d.is_error]
    if KINDS[kind].is_document:
        path = written(out)
        assert path.parent.as_posix() in ("projects", "content/comptes-rendus")
        assert path.name == "jeunes-ruraux-de-kindia.md"
        assert {d.code for d in warnings} == {"brouillon-incomplet"}
        assert {d.path for d in warnings} == {path.as_posix()}
        assert front_matter(example_repo / path)["draft"] is True
    else:
        assert warnings == []
        entries = registry_entries(example_repo, REGISTRY_OF[KINDS[kind].name])
        assert entries[-1]["id"] == "jeunes-ruraux-de-kindia"


@pytest.mark.parametrize(
    "kind, model",
    [("sheet", ProjectMeta), ("writeup", WriteupMeta)],
)
def test_a_document_has_every_field_of_the_model_each_under_its_comment(
    example_repo: Path, kind: str, model: Any
) -> None:
    code, out, _err = new(example_repo, kind, "Un atelier à Ségou")
    assert code == 0
    path = example_repo / written(out)
    assert list(front_matter(path)) == list(model.model_fields)
    lines = path.read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines):
        if re.match(r"^[a-z_]+:", line) or re.match(r"^  (start|end):", line):
            assert lines[number - 1].lstrip().startswith("# "), line
    text = path.read_text(encoding="utf-8")
    if kind == "sheet":
        assert front_matter(path)["period"] == {"start": None, "end": None}
        assert "listes/#themes" in text and "content/_data/themes.yml" in text
        assert "listes/#pays" in text and "listes/#programmes" in text
        for heading in ("Contexte", "Objectifs", "Activités", "Résultats", "Enseignements"):
            assert f"\n## {heading}\n" in text
    else:
        for heading in (
            "Les indispensables",
            "Les exemples inspirants",
            "Les difficultés et bonnes pratiques",
        ):
            assert f"\n## {heading}\n" in text
    assert "Exemple :" in text and "Obligatoire." in text and "Facultatif." in text


@pytest.mark.parametrize(
    "kind, model",
    [
        ("organisation", OrganisationEntry),
        ("programme", ProgrammeEntry),
        ("theme", ThemeEntry),
    ],
)
def test_a_registry_entry_has_every_field_and_the_registry_keeps_its_bytes(
    example_repo: Path, kind: str, model: Any
) -> None:
    registry = example_repo / REGISTRY_OF[kind]
    before = registry.read_bytes()
    code, out, _err = new(example_repo, kind, "Coopération Sud-Sud")
    assert code == 0
    after = registry.read_bytes()
    assert after.startswith(before)
    added = after[len(before) :].decode("utf-8")
    assert added.startswith("\n#")  # after a blank line, its comment first
    entries = registry_entries(example_repo, REGISTRY_OF[kind])
    assert list(entries[-1]) == list(model.model_fields)
    assert entries[-1]["id"] == "cooperation-sud-sud"
    line = int(re.search(r"(\d+)\)", out.splitlines()[0]).group(1))  # type: ignore[union-attr]
    assert after.decode("utf-8").split("\n")[line - 1] == "- id: cooperation-sud-sud"


def test_every_field_of_every_model_has_a_shape() -> None:
    models = [ProjectMeta, WriteupMeta, OrganisationEntry, ProgrammeEntry, ThemeEntry]
    for model in models:
        for name in model.model_fields:
            assert name in SHAPES, f"{model.__name__}.{name}: add it to field_notes.SHAPES"


# --- names --------------------------------------------------------------------------------


def test_the_name_comes_from_the_title_and_is_free(example_repo: Path) -> None:
    first = new(example_repo, "fiche", "Éducation à l’œil : Côte d’Ivoire !")
    second = new(example_repo, "fiche", "Éducation à l’œil : Côte d’Ivoire !")
    assert written(first[1]).name == "education-a-l-oeil-cote-d-ivoire.md"
    assert written(second[1]).name == "education-a-l-oeil-cote-d-ivoire-2.md"
    assert "already exists" in second[1]
    third = new(example_repo, "theme", "Santé")
    assert third[0] == 0
    assert registry_entries(example_repo, THEMES)[-1]["id"] == "sante-2"
    assert "'sante' is already that of 'Santé'" in third[1]


def test_a_long_title_gives_a_name_of_at_most_80_characters(example_repo: Path) -> None:
    title = "Un très long titre " * 10
    code, out, _err = new(example_repo, "fiche", title)
    assert code == 0
    name = written(out).stem
    assert len(name) <= 80 and not name.endswith("-")
    again = written(new(example_repo, "fiche", title)[1]).stem
    assert len(again) <= 80 and again.endswith("-2")


def test_a_title_without_latin_letters_needs_a_slug(example_repo: Path) -> None:
    code, _out, err = new(example_repo, "theme", "تعاون", lang="fr")
    assert code == 2
    assert "ne donne aucun nom de fichier ni id" in err and "[new-slug-vide]" in err
    assert "--id" in err
    code, _out, err = new(example_repo, "theme", "تعاون", "--id", "cooperation-arabe")
    assert code == 0, err
    assert registry_entries(example_repo, THEMES)[-1]["label"] == "تعاون"


def test_a_slug_that_is_not_one_is_refused_as_check_refuses_it(example_repo: Path) -> None:
    code, _out, err = new(example_repo, "fiche", "Titre", "--slug", "Mon Projet", lang="fr")
    assert code == 2
    assert "--slug : " in err and "« mon-projet »" in err and "[identifiant-invalide]" in err


# --- never over a file --------------------------------------------------------------------


def test_an_existing_file_is_never_overwritten(example_repo: Path) -> None:
    target = example_repo / "projects/jeunes-ruraux-kindia-guinee.md"
    before = target.read_bytes()
    code, _out, err = new(
        example_repo, "fiche", "Kindia", "--slug", "jeunes-ruraux-kindia-guinee", lang="fr"
    )
    assert code == 2
    assert "projects/jeunes-ruraux-kindia-guinee.md existe déjà" in err
    assert "[new-fichier-existe]" in err and "rien n'a été écrit" in err
    assert target.read_bytes() == before


def test_a_taken_id_is_refused(example_repo: Path) -> None:
    registry = example_repo / ORGANISATIONS
    before = registry.read_bytes()
    code, _out, err = new(example_repo, "organisation", "CFSI", "--id", "cfsi", lang="fr")
    assert code == 2
    assert "l'id « cfsi » est déjà dans content/_data/organisations.yml" in err
    assert "[new-id-pris]" in err
    assert registry.read_bytes() == before


def test_writing_is_atomic_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    files.write_new(target, "un\n")
    assert target.read_text(encoding="utf-8") == "un\n"
    with pytest.raises(files.Taken):
        files.write_new(target, "deux\n")
    assert target.read_text(encoding="utf-8") == "un\n"
    with pytest.raises(files.Changed):
        files.append(target, b"autre chose\n", b"- id: x\n")
    assert target.read_text(encoding="utf-8") == "un\n"
    files.append(target, b"un\n", b"deux\n")
    assert target.read_bytes() == b"un\ndeux\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_the_name_taken_at_the_last_moment_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program creates the file between the check and the write: the hard link
    fails, the other file stays."""
    target = tmp_path / "a.md"
    real_link = os.link

    def link_after_another(source: str, destination: str) -> None:
        Path(destination).write_text("l'autre\n", encoding="utf-8")
        real_link(source, destination)

    monkeypatch.setattr(os, "link", link_after_another)
    with pytest.raises(files.Taken):
        files.write_new(target, "le mien\n")
    assert target.read_text(encoding="utf-8") == "l'autre\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_a_new_file_gets_ordinary_permissions(example_repo: Path) -> None:
    code, out, _err = new(example_repo, "fiche", "Permissions")
    assert code == 0
    mode = (example_repo / written(out)).stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


# --- registries as they are ---------------------------------------------------------------


def test_a_registry_with_bom_crlf_and_no_final_newline_keeps_its_bytes(
    example_repo: Path,
) -> None:
    registry = example_repo / THEMES
    before = b"\xef\xbb\xbf" + registry.read_bytes().rstrip(b"\n").replace(b"\n", b"\r\n")
    registry.write_bytes(before)
    code, _out, err = new(example_repo, "theme", "Culture")
    assert code == 0, err
    after = registry.read_bytes()
    assert after.startswith(before)
    assert b"\n" not in after[len(before) :].replace(b"\r\n", b"")
    data = yaml.safe_load(after.decode("utf-8-sig"))
    assert data[-1]["id"] == "culture" and len(data) == 13
    assert errors_of(example_repo) == []


def test_an_indented_registry_gets_its_entry_indented_alike(example_repo: Path) -> None:
    registry = example_repo / THEMES
    indented = "".join(
        "  " + line if line.strip() and not line.startswith("#") else line
        for line in registry.read_text(encoding="utf-8").splitlines(True)
    )
    registry.write_text(indented, encoding="utf-8")
    code, _out, err = new(example_repo, "theme", "Culture")
    assert code == 0, err
    assert registry.read_text(encoding="utf-8").startswith(indented)
    assert "\n  - id: culture\n" in registry.read_text(encoding="utf-8")
    assert errors_of(example_repo) == []


def test_an_unreadable_registry_is_left_alone(example_repo: Path) -> None:
    registry = example_repo / THEMES
    registry.write_text("- id: eau\n\tlabel: Eau\n", encoding="utf-8")
    before = registry.read_bytes()
    code, _out, err = new(example_repo, "theme", "Culture", lang="fr")
    assert code == 2
    assert "content/_data/themes.yml ne peut pas être lu" in err
    assert "[new-registre-illisible]" in err
    assert registry.read_bytes() == before
    person = Person(["une réponse"])
    args = _args("theme", "--root", str(example_repo))
    assert new_main(args, example_repo, person.terminal()) == 2
    assert person.prompts == []  # nothing asked for an entry that cannot be added
    # a sheet can still be started: the theme ids are then not checked
    code, _out, err = new(example_repo, "fiche", "Kindia", "--theme", "culture", lang="fr")
    assert code == 0
    assert "[new-registre-non-lu]" in err


def test_a_registry_that_does_not_exist_yet_is_created(example_repo: Path) -> None:
    (example_repo / THEMES).unlink()
    code, _out, err = new(example_repo, "theme", "Culture")
    assert code == 0, err
    assert registry_entries(example_repo, THEMES) == [
        {"id": "culture", "label": "Culture", "description": None}
    ]


# --- options ------------------------------------------------------------------------------

SHEET_OPTIONS = [
    "--summary",
    "Des jeunes de Kindia se forment au maraîchage.",
    "--programme",
    "caac",
    "--lead",
    "guinee-44",
    "--partner",
    "mfr-pays-de-la-loire",
    "--partner",
    "essentiel",
    "--country",
    "GN",
    "--country",
    "NO",
    "--place",
    "Kindia",
    "--theme",
    "jeunesse",
    "--theme",
    "agriculture",
    "--year",
    "2015",
    "--end",
    "2018",
    "--status",
    "completed",
]


def test_options_fill_the_fields(example_repo: Path) -> None:
    code, out, err = new(example_repo, "sheet", "Kindia", *SHEET_OPTIONS)
    assert code == 0, err
    data = front_matter(example_repo / written(out))
    assert data["summary"] == "Des jeunes de Kindia se forment au maraîchage."
    assert data["programme"] == "caac" and data["lead"] == "guinee-44"
    assert data["partners"] == ["mfr-pays-de-la-loire", "essentiel"]
    assert data["countries"] == ["GN", "NO"]  # quoted: "NO" stays a country
    assert data["places"] == ["Kindia"] and data["themes"] == ["jeunesse", "agriculture"]
    assert data["period"] == {"start": 2015, "end": 2018} and data["status"] == "completed"
    assert data["draft"] is True
    assert [d for d in diagnostics(example_repo) if d.path == str(written(out))] == []


def test_a_write_up_gets_its_authors_date_and_examples(example_repo: Path) -> None:
    code, out, err = new(
        example_repo,
        "compte-rendu",
        "Atelier",
        "--date",
        "2024-02-03",
        "--author",
        "Luc Hansen:fonda",
        "--author",
        "Awa Diallo",
        "--organisation",
        "cfsi",
        "--example",
        "jeunes-ruraux-kindia-guinee",
        "--theme",
        "cooperation",
        "--event",
        "Rencontres : le programme",
        "--programme",
        "caac",
    )
    assert code == 0, err
    data = front_matter(example_repo / written(out))
    assert data["authors"] == [
        {"name": "Luc Hansen", "organisation": "fonda"},
        {"name": "Awa Diallo", "organisation": None},
    ]
    assert str(data["date"]) == "2024-02-03" and data["examples"] == ["jeunes-ruraux-kindia-guinee"]
    assert data["event"] == "Rencontres : le programme"
    assert [d.field for d in diagnostics(example_repo) if d.path == str(written(out))] == [
        "summary"
    ]


def test_a_complete_sheet_without_draft_is_published(example_repo: Path) -> None:
    """``--no-draft`` with every required fact: the sheet is a page of the built site."""
    code, out, err = new(example_repo, "sheet", "Kindia complet", *SHEET_OPTIONS, "--no-draft")
    assert code == 0, err
    path = written(out)
    assert front_matter(example_repo / path)["draft"] is False
    assert [d for d in diagnostics(example_repo) if d.path == str(path)] == []
    shutil.copytree(ROOT / "theme", example_repo / "theme")
    result = load_catalogue(load_settings(example_repo))
    assert result.catalogue is not None
    plan = plan_site(result.catalogue, body_workers=1)
    html = {spec.url: spec.html for spec in plan.pages.values()}[f"projets/{path.stem}/"]
    assert "Kindia complet" in html and "Contexte" in html
    assert "<!--" not in html and "La situation de départ" not in html


def test_without_draft_every_required_fact_is_needed(example_repo: Path) -> None:
    code, _out, err = new(
        example_repo, "sheet", "Kindia", "--lead", "cfsi", "--no-draft", lang="fr"
    )
    assert code == 2
    assert "--no-draft : il manque summary, programme, countries, themes" in err
    assert "[new-faits-manquants]" in err
    assert not (example_repo / "projects/kindia.md").exists()


def test_a_draft_made_by_new_lists_its_empty_facts_as_errors_once_published(
    example_repo: Path,
) -> None:
    code, out, _err = new(example_repo, "fiche", "Kindia", "--lead", "cfsi")
    assert code == 0
    path = example_repo / written(out)
    path.write_text(
        path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8"
    )
    result = run_cli("check", "--root", str(example_repo), env={"PK_LANG": "fr"})
    assert result.returncode == 1
    assert (
        "summary: n'a pas de valeur (ce champ est obligatoire : écrivez sa valeur après "
        "« summary: ») [valeur-vide]" in result.stdout
    )
    assert "period.start: n'a pas de valeur" in result.stdout
    assert "status: n'a pas de valeur" in result.stdout
    assert "countries: il faut au moins un élément [liste-vide]" in result.stdout


def test_unknown_ids_given_as_options_get_checks_message(example_repo: Path) -> None:
    listing = sorted(p.name for p in (example_repo / "projects").iterdir())
    code, out, err = new(
        example_repo,
        "fiche",
        "Kindia",
        "--lead",
        "guinee-45",
        "--theme",
        "jeunesse",
        "--theme",
        "eau-potable",
        "--country",
        "Sénégal",
        "--partner",
        "guinee-44",
        lang="fr",
    )
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "erreur : --lead : « guinee-45 » n'est pas un id d'organisation de "
        "content/_data/organisations.yml (vouliez-vous dire « guinee-44 » ?) "
        "[organisation-inconnue]",
        "erreur : --country (countries[1]) : « Sénégal » n'est pas un code pays ISO 3166-1 "
        "(deux lettres) (vouliez-vous dire « SN » ?) [pays-inconnu]",
        "erreur : --theme (themes[2]) : « eau-potable » n'est pas un id de thème de "
        "content/_data/themes.yml (vouliez-vous dire « eau » ?) [theme-inconnu]",
        "rien n'a été écrit",
    ]
    assert sorted(p.name for p in (example_repo / "projects").iterdir()) == listing


def test_relations_are_checked_too(example_repo: Path) -> None:
    code, _out, err = new(
        example_repo, "fiche", "Kindia", "--lead", "cfsi", "--partner", "cfsi", "--year",
        "2020", "--end", "2019", lang="fr",
    )  # fmt: skip
    assert code == 2
    assert "[porteur-partenaire]" in err and "[periode-inversee]" in err


def test_an_option_of_another_kind_is_refused(example_repo: Path) -> None:
    code, _out, err = new(example_repo, "theme", "Eau", "--lead", "cfsi", lang="fr")
    assert code == 2
    assert "l'option --lead ne sert pas pour un thème (options possibles : --description)" in err
    code, _out, err = new(example_repo, "organisation", "X", "--country", "SN", "--country", "FR")
    assert code == 2 and "[new-une-seule-valeur]" in err


def test_registry_options_fill_the_entry(example_repo: Path) -> None:
    code, _out, err = new(
        example_repo, "programme", "Eau 2030", "--id", "eau-2030", "--short-name", "E30",
        "--organisation", "cfsi", "--year", "2020", "--url", "https://exemple.org/eau",
        "--description", "Un programme : l'eau.",
    )  # fmt: skip
    assert code == 0, err
    assert registry_entries(example_repo, "content/_data/programmes.yml")[-1] == {
        "id": "eau-2030",
        "name": "Eau 2030",
        "short_name": "E30",
        "organisation": "cfsi",
        "started": 2020,
        "url": "https://exemple.org/eau",
        "description": "Un programme : l'eau.",
    }
    code, _out, err = new(example_repo, "programme", "Eau", "--organisation", "cfs", lang="fr")
    assert code == 2 and "--organisation : « cfs » n'est pas un id d'organisation" in err


@pytest.mark.parametrize(
    "title",
    [
        'Bilan : "2022" \\ no # pas un commentaire',
        "- yes",
        "yes",
        "null",
        "Texte\u202eà l'envers",
        "Deux\u00a0: espaces insécables",
        "[liste] {et} &ancre *alias !tag %dir @at `code`",
    ],
)
def test_a_title_is_read_back_as_it_was_given(example_repo: Path, title: str) -> None:
    code, out, err = new(example_repo, "fiche", title, "--slug", "titre")
    assert code == 0, err
    assert front_matter(example_repo / written(out))["title"] == title
    assert errors_of(example_repo) == []


def test_the_same_input_gives_the_same_bytes(example_repo: Path, tmp_path: Path) -> None:
    other = tmp_path / "autre"
    shutil.copytree(example_repo, other, ignore=shutil.ignore_patterns("autre"))
    one = new(example_repo, "compte-rendu", "Atelier", "--theme", "eau")
    two = new(other, "compte-rendu", "Atelier", "--theme", "eau")
    assert (example_repo / written(one[1])).read_bytes() == (other / written(two[1])).read_bytes()


# --- where and how it speaks --------------------------------------------------------------


def test_it_finds_the_project_from_a_folder_inside_it_and_speaks_french(
    example_repo: Path,
) -> None:
    result = run_cli("new", "fiche", "Depuis content", cwd=example_repo / "content/_data",
                     env={"PK_LANG": ""}, )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (example_repo / "projects/depuis-content.md").is_file()
    assert result.stdout.splitlines()[0].startswith(
        "fiche projet écrite : projects/depuis-content.md (brouillon"
    )
    assert "python -m generator check" in result.stdout
    assert "retirez la ligne « draft: true »" in result.stdout
    assert "encore à écrire : summary, programme, lead" in result.stdout


def test_english_when_asked(example_repo: Path) -> None:
    result = run_cli("new", "theme", "Culture", "--lang", "en", cwd=example_repo)
    assert result.returncode == 0
    assert result.stdout.startswith("theme 'culture' appended to content/_data/themes.yml (line ")
    assert "next:" in result.stdout
    refused = run_cli("new", "theme", "Culture", "--id", "culture", "--lang", "en",
                      cwd=example_repo)  # fmt: skip
    assert refused.returncode == 2
    assert "error: id 'culture' is already in content/_data/themes.yml" in refused.stderr
    assert "nothing was written" in refused.stderr


def test_outside_a_terminal_it_asks_nothing(example_repo: Path) -> None:
    result = run_cli("new", "fiche", cwd=example_repo, env={"PK_LANG": "fr"})
    assert result.returncode == 2
    assert "le titre manque" in result.stderr and "[new-titre-manquant]" in result.stderr
    done = run_cli("new", "fiche", "Sans questions", cwd=example_repo)
    assert done.returncode == 0 and "?" not in done.stdout and ": " not in done.stdout[-3:]


def test_outside_a_project_it_says_so(tmp_path: Path) -> None:
    result = run_cli("new", "fiche", "Nulle part", cwd=tmp_path, env={"PK_LANG": "fr"})
    assert result.returncode == 2
    assert "pas de mkdocs.yml" in result.stderr and list(tmp_path.iterdir()) == []


# --- in a terminal ------------------------------------------------------------------------


@dataclasses.dataclass
class Person:
    """Plays the editor at the terminal: answers in turn, and records what was offered."""

    answers: list[str]
    prompts: list[str] = dataclasses.field(default_factory=list)
    shown: list[str] = dataclasses.field(default_factory=list)
    offered: list[list[str]] = dataclasses.field(default_factory=list)

    def read(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if not self.answers:
            raise EOFError
        return self.answers.pop(0)

    def terminal(self) -> Terminal:
        return Terminal(self.read, self.shown.append, lambda c: self.offered.append(list(c)))


def _args(*argv: str) -> Any:
    return cli._parser().parse_args(["new", *argv])


def test_in_a_terminal_it_asks_for_what_is_missing(example_repo: Path) -> None:
    set_language("fr")
    person = Person(
        [
            "",  # summary: later
            "caac",
            "guinee-45",  # a typo: told, asked again
            "guinee-44",
            "mfr-pays-de-la-loire, essentiel",
            "GN",
            "Kindia; Friguiagbé",
            "jeunesse agriculture",
            "2015",
            "",
            "en cours",  # not a status: told, asked again
            "ongoing",
        ]
    )
    code = new_main(_args("fiche", "Kindia", "--root", str(example_repo)), example_repo,
                    person.terminal())  # fmt: skip
    assert code == 0
    assert person.prompts[0] == "Résumé (une ou deux phrases) : "
    assert person.prompts[2] == "Organisation porteuse (id) : "
    assert person.prompts[3] == "Organisation porteuse (id) : "  # again, after the typo
    assert any("« guinee-45 » n'est pas un id d'organisation" in s and "guinee-44" in s
               for s in person.shown)  # fmt: skip
    assert any("[valeur-non-permise]" in s and "ongoing" in s for s in person.shown)
    assert "cfsi" in person.offered[2] and "guinee-44" in person.offered[2]  # lead
    assert "SN" in person.offered[4]  # countries
    assert "jeunesse" in person.offered[6]  # themes
    assert person.offered[-1] == []  # completion taken away at the end
    data = front_matter(example_repo / "projects/kindia.md")
    assert data["summary"] is None and data["programme"] == "caac"
    assert data["lead"] == "guinee-44" and data["partners"] == ["mfr-pays-de-la-loire", "essentiel"]
    assert data["places"] == ["Kindia", "Friguiagbé"]
    assert data["themes"] == ["jeunesse", "agriculture"]
    assert data["period"] == {"start": 2015, "end": None} and data["status"] == "ongoing"


def test_in_a_terminal_the_title_is_asked_first_and_options_are_not_asked_again(
    example_repo: Path,
) -> None:
    person = Person(["Atelier du soir", "Un résumé.", "2024-05-06"])
    args = _args("compte-rendu", "--theme", "cooperation", "--root", str(example_repo))
    assert new_main(args, example_repo, person.terminal()) == 0
    assert person.prompts[:3] == [
        "Title: ",
        "Summary (one or two sentences): ",
        "Date of the session (YYYY-MM-DD): ",
    ]
    assert not any(p.startswith("Themes") for p in person.prompts)
    data = front_matter(example_repo / "content/comptes-rendus/atelier-du-soir.md")
    assert data["title"] == "Atelier du soir" and data["themes"] == ["cooperation"]
    assert str(data["date"]) == "2024-05-06"


def test_in_a_terminal_an_entry_is_asked_for_too(example_repo: Path) -> None:
    person = Person(["AFY", "Sénégal", "SN", "", "Des femmes de Yenne."])
    args = _args("organisation", "Association des femmes de Yenne", "--root", str(example_repo))
    assert new_main(args, example_repo, person.terminal()) == 0
    assert sum(p.startswith("Country of its seat") for p in person.prompts) == 2
    entry = registry_entries(example_repo, ORGANISATIONS)[-1]
    assert entry["short_name"] == "AFY" and entry["country"] == "SN"
    assert entry["url"] is None and entry["description"] == "Des femmes de Yenne."


def test_in_a_terminal_no_title_means_nothing_is_written(example_repo: Path) -> None:
    person = Person([""])
    args = _args("fiche", "--root", str(example_repo))
    assert new_main(args, example_repo, person.terminal()) == 2
    assert person.prompts == ["Title: "]


def test_ctrl_c_writes_nothing(example_repo: Path) -> None:
    def interrupt(prompt: str) -> str:
        raise KeyboardInterrupt

    listing = sorted((example_repo / "projects").iterdir())
    args = _args("fiche", "Kindia", "--root", str(example_repo))
    assert new_main(args, example_repo, Terminal(interrupt, lambda s: None)) == 130
    assert sorted((example_repo / "projects").iterdir()) == listing


def test_completion_gives_the_known_ids_that_start_with_the_word() -> None:
    complete = completer(["guinee-44", "cfsi", "cfdt", "SN"])
    assert [complete("cf", n) for n in range(3)] == ["cfdt", "cfsi", None]
    assert complete("sn", 0) == "SN"
    assert complete("x", 0) is None


def test_the_real_terminal_completes_with_readline() -> None:
    readline = pytest.importorskip("readline")
    terminal = readline_terminal()
    terminal.offer(["cooperation", "culture"])
    complete = readline.get_completer()
    assert complete is not None and complete("co", 0) == "cooperation"
    assert readline.get_completer_delims() == " ,;"
    terminal.offer([])
    assert readline.get_completer() is None


def test_in_a_real_terminal_tab_completes_the_known_ids(example_repo: Path) -> None:
    """The command in a pseudo-terminal, as a person types: Tab completes ``guinee-4`` to
    ``guinee-44`` and ``jeun`` to ``jeunesse`` (readline), Enter leaves a field empty."""
    pty = pytest.importorskip("pty")
    import select
    import sys
    import time

    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, in the terminal
        os.chdir(example_repo)
        os.environ.update({"PYTHONPATH": str(ROOT), "PK_LANG": "fr", "TERM": "dumb"})
        os.execv(sys.executable, [sys.executable, "-m", "generator", "new", "fiche", "Essai"])
    seen = b""

    def until(expected: bytes) -> None:
        nonlocal seen
        deadline = time.monotonic() + 20
        while expected not in seen and time.monotonic() < deadline:
            if select.select([fd], [], [], 0.1)[0]:
                try:
                    seen += os.read(fd, 4096)
                except OSError:  # the command has ended
                    return
        assert expected in seen, seen.decode("utf-8", "replace")

    typed = [
        ("Résumé", b"\n"),
        ("Programme (id)", b"ca\t\n"),
        ("Organisation porteuse", b"guinee-4\t\n"),
        ("partenaires", b"\n"),
        ("Pays", b"GN\n"),
        ("Lieux", b"\n"),
        ("Thèmes", b"jeun\t, agri\t\n"),
        ("Année de début", b"2015\n"),
        ("Année de fin", b"\n"),
        ("État", b"ongo\t\n"),
    ]
    for prompt, keys in typed:
        until(prompt.encode("utf-8"))
        until(b" : ")
        seen = seen[seen.rindex(prompt.encode("utf-8")) :]
        os.write(fd, keys)
    until(b"retirez la ligne")
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    data = front_matter(example_repo / "projects/essai.md")
    assert data["programme"] == "caac" and data["lead"] == "guinee-44"
    assert data["themes"] == ["jeunesse", "agriculture"] and data["status"] == "ongoing"
    assert data["summary"] is None and data["period"] == {"start": 2015, "end": None}


def test_a_root_that_is_not_a_project_is_refused(tmp_path: Path) -> None:
    code, _out, err = new(tmp_path, "fiche", "Ailleurs", "--root", str(tmp_path), lang="fr")
    assert code == 2 and "pas de mkdocs.yml" in err
    assert list(tmp_path.iterdir()) == []


def test_without_hard_links_the_file_is_still_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: str, destination: str) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    files.write_new(tmp_path / "a.md", "un\n")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "un\n"
    with pytest.raises(files.Taken):
        files.write_new(tmp_path / "a.md", "deux\n")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "un\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
