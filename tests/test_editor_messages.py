"""What an editor reads for the usual mistakes: the real line, a French sentence, the
corrected line (issue 17). Each case breaks one file of a copy of the example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import replace, run_cli

SHEET = "projects/exemple-jardins-nantes-porto-novo.md"
KINDIA = "projects/jeunes-ruraux-kindia-guinee.md"


def check_fr(root: Path, *extra: str) -> tuple[int, str]:
    result = run_cli("check", "--root", str(root), *extra, env={"PK_LANG": "fr"})
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout


def test_a_key_left_beside_its_block_belongs_under_it(example_repo: Path) -> None:
    line = replace(
        example_repo,
        SHEET,
        "period:\n  start: 2026\n  end: 2028",
        "period:\nstart: 2026\nend: 2028",
    )
    code, out = check_fr(example_repo)
    assert code == 1
    assert out.strip().splitlines() == [
        f"{SHEET}:{line + n}: {key}: « {key} » n'est pas à sa place : ce champ appartient à "
        f"« period » (écrivez la ligne {line + n} ainsi : «   {key}: {year} ») [champ-mal-indente]"
        for n, key, year in ((1, "start", 2026), (2, "end", 2028))
    ], out


def test_a_key_indented_into_the_block_above_belongs_beside_it(example_repo: Path) -> None:
    line = replace(example_repo, SHEET, "  end: 2028\nstatus:", "  end: 2028\n  status:") + 1
    code, out = check_fr(example_repo)
    assert code == 1
    assert out.strip().splitlines() == [
        f"{SHEET}:{line}: period.status: « status » est indenté sous « period » mais n'en fait "
        f"pas partie (écrivez la ligne {line} ainsi : « status: planned ») [champ-trop-indente]"
    ], out


def test_an_unquoted_colon_in_a_list_item_gets_the_quoted_line(example_repo: Path) -> None:
    line = replace(example_repo, SHEET, '  - "Nantes"', "  - Nantes: quartier nord")
    code, out = check_fr(example_repo)
    assert code == 1
    assert out.strip().splitlines() == [
        f"{SHEET}:{line}: places[1]: le texte contient « : » suivi d'un espace, que YAML lit "
        'comme un champ (mettez-le entre guillemets :   - "Nantes: quartier nord") '
        "[deux-points-non-proteges]"
    ], out


def test_an_unknown_theme_gets_the_closest_ids_and_the_registry(example_repo: Path) -> None:
    line = replace(example_repo, SHEET, "  - formation\n", "  - formations\n")
    code, out = check_fr(example_repo)
    assert code == 1
    assert (
        f"{SHEET}:{line}: themes[2]: « formations » n'est pas un id de thème de "
        "content/_data/themes.yml (vouliez-vous dire « formation » ?) [theme-inconnu]"
    ) in out, out


def test_an_id_with_nothing_close_says_where_the_list_is(example_repo: Path) -> None:
    replace(example_repo, SHEET, "  - formation\n", "  - zzz\n")
    _code, out = check_fr(example_repo)
    assert "les ids possibles sont listés dans content/_data/themes.yml" in out, out
    assert "content/contribuer.md" in out


def test_a_path_written_from_the_root_gets_the_path_from_the_file(example_repo: Path) -> None:
    replace(example_repo, KINDIA, "src: images/", "src: projects/images/")
    _code, out = check_fr(example_repo)
    assert "le fichier « projects/images/kindia-jeunes.svg » n'existe pas" in out, out
    assert "écrivez « images/kindia-jeunes.svg »" in out
    assert "[fichier-introuvable]" in out


def test_a_path_from_the_wrong_folder_gets_the_right_one(example_repo: Path) -> None:
    replace(example_repo, KINDIA, "src: images/", "src: ../content/")
    _code, out = check_fr(example_repo)
    assert "écrivez « images/kindia-jeunes.svg »" in out, out


def test_list_items_are_counted_from_one(example_repo: Path) -> None:
    line = replace(example_repo, SHEET, "  - reseau-exemple", "  - reseau-exempel")
    _code, out = check_fr(example_repo)
    assert f"{SHEET}:{line}: partners[2]: " in out, out


def test_a_draft_may_miss_required_facts_until_it_is_published(example_repo: Path) -> None:
    replace(example_repo, SHEET, "status: planned\n", "draft: true\n")
    replace(example_repo, SHEET, "lead: jardins-chimeres\n", "")
    code, out = check_fr(example_repo)
    assert code == 0, out
    assert "lead: brouillon : lead manque encore (obligatoire avant publication)" in out
    assert "status: brouillon : status manque encore" in out
    assert "[brouillon-incomplet]" in out and "avertissement" in out
    replace(example_repo, SHEET, "draft: true\n", "")
    code, out = check_fr(example_repo)
    assert code == 1
    assert "lead: champ obligatoire absent" in out and "[champ-obligatoire]" in out


def test_a_draft_keeps_its_other_errors(example_repo: Path) -> None:
    replace(example_repo, SHEET, "status: planned\n", "status: planned\ndraft: true\n")
    replace(example_repo, SHEET, "  - formation\n", "  - formations\n")
    code, out = check_fr(example_repo)
    assert code == 1 and "[theme-inconnu]" in out, out


def test_a_published_writeup_cannot_show_a_draft_as_example(example_repo: Path) -> None:
    writeup = next((example_repo / "content/comptes-rendus").glob("*.md"))
    text = writeup.read_text(encoding="utf-8")
    assert "examples:" in text
    example = text.split("examples:\n", 1)[1].split("\n", 1)[0].strip(" -")
    sheet = example_repo / "projects" / f"{example}.md"
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace("---\n", "---\ndraft: true\n", 1),
        encoding="utf-8",
    )
    code, out = check_fr(example_repo)
    assert code == 1
    assert f"« {example} » est un brouillon (draft: true) : il ne sera pas publié" in out, out
    assert "[fiche-brouillon]" in out


def test_gitlab_report_names_each_problem_once(example_repo: Path) -> None:
    line = replace(example_repo, SHEET, "  - formation\n", "  - formations\n")
    code, out = check_fr(example_repo, "--format", "gitlab")
    assert code == 1
    issues = json.loads(out)
    assert [(i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues] == [
        (SHEET, line)
    ]
    (issue,) = issues
    assert issue["check_name"] == "theme-inconnu" and issue["severity"] == "major"
    assert len(issue["fingerprint"]) == 64
    assert "formations" in issue["description"]
    again = json.loads(check_fr(example_repo, "--format", "gitlab")[1])
    assert again == issues  # same problem, same fingerprint: GitLab tracks it across runs


@pytest.mark.parametrize("fmt", ["json", "gitlab"])
def test_machine_formats_of_a_clean_check_are_empty_lists(example_repo: Path, fmt: str) -> None:
    code, out = check_fr(example_repo, "--format", fmt)
    assert code == 0 and json.loads(out) == []
