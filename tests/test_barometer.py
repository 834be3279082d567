"""Barometers as content: what ``check`` says about a questionnaire, in French, at its line;
the fingerprint that exports carry; the example questionnaire.

The browser side (answers, exports, imports, gaps) is in ``test_barometer_browser.py``; the
full set of messages is the golden case ``tests/golden/barometer-mistakes``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.messages import set_language
from generator.validate.barometer import BarometerMeta, fingerprint

from .conftest import ROOT
from .helpers import diagnostics

EXAMPLE = ROOT / "content/_data/barometres/reciprocite.yml"


def _with_barometer(repo: Path, text: str, name: str = "essai.yml") -> list[str]:
    folder = repo / "content/_data/barometres"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    set_language("fr")
    try:
        return [d.as_text() for d in diagnostics(repo)]
    finally:
        set_language("en")


def _example(**changes: object) -> str:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_the_example_questionnaire_is_an_example_to_adapt_that_names_its_inspiration() -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    meta = BarometerMeta.model_validate(data)
    assert "est un exemple" in meta.introduction and "adapter" in meta.introduction
    assert "baromètre de la réciprocité" in meta.introduction
    assert "CFSI" in meta.introduction and meta.sources
    assert meta.results_note and "fictifs" in meta.results_note
    assert {s.dimension for s in meta.statements} == {d.id for d in meta.dimensions}


def test_check_names_an_unknown_dimension_in_french_with_the_closest_one(
    example_repo: Path,
) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["statements"][1]["dimension"] = "decision"
    found = _with_barometer(example_repo, yaml.safe_dump(data, allow_unicode=True))
    assert len(found) == 1, found
    (line,) = found
    assert line.startswith("content/_data/barometres/essai.yml:")
    assert "statements[2].dimension" in line
    assert "« decision » n'est pas une dimension de ce baromètre" in line
    assert "vouliez-vous dire « decisions » ?" in line
    assert line.endswith("[barometre-dimension-inconnue]")


@pytest.mark.parametrize(
    ("changes", "field", "said"),
    [
        ({"scale": []}, "scale", "l'échelle doit avoir au moins deux niveaux (elle en a 0)"),
        (
            {"scale": [{"value": 2, "label": "Non"}, {"value": 1, "label": "Oui"}]},
            "scale[2].value",
            "la valeur 1 ne suit pas la précédente (2)",
        ),
    ],
)
def test_check_refuses_a_scale_that_cannot_score(
    example_repo: Path, changes: dict[str, object], field: str, said: str
) -> None:
    found = _with_barometer(example_repo, _example(**changes))
    assert any(f" {field}: " in line and said in line for line in found), found


def test_check_refuses_a_statement_id_used_twice_at_the_second_one(example_repo: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["statements"][2]["id"] = data["statements"][0]["id"]
    found = _with_barometer(example_repo, yaml.safe_dump(data, allow_unicode=True, width=200))
    (line,) = found
    assert "statements[3].id" in line
    assert "l'id « decisions-priorites » est déjà utilisé dans ce baromètre" in line


def test_a_barometer_file_name_must_be_a_slug(example_repo: Path) -> None:
    found = _with_barometer(example_repo, _example(), name="Mon Baromètre.yml")
    (line,) = found
    assert "renommez le fichier en mon-barometre.yml" in line


def test_a_broken_barometer_stops_the_build_as_any_content_error(example_repo: Path) -> None:
    shutil.copy(EXAMPLE, example_repo / "content/_data/barometres/reciprocite.yml")
    assert not _with_barometer(example_repo, _example(), name="autre.yml")
    assert _with_barometer(example_repo, "- title: x\n", name="autre.yml")


def test_the_fingerprint_follows_the_structure_not_the_wording() -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    base = fingerprint(BarometerMeta.model_validate(data))
    assert len(base) == 12
    reworded = {**data, "title": "Autre titre"}
    reworded["statements"] = [{**s, "text": s["text"] + " (revu)"} for s in data["statements"]]
    assert fingerprint(BarometerMeta.model_validate(reworded)) == base
    renamed = {**data, "statements": [{**data["statements"][0], "id": "nouveau"}]}
    assert fingerprint(BarometerMeta.model_validate(renamed)) != base
    flipped = {
        **data,
        "statements": [{**s, "reverse": not s.get("reverse", False)} for s in data["statements"]],
    }
    assert fingerprint(BarometerMeta.model_validate(flipped)) != base


def test_published_results_show_on_the_programme_page_and_in_its_report() -> None:
    """Issue 19, item 5: the published scores, rounded as on the barometer's page, on the
    page of the programme the barometer belongs to, and in that programme's report."""
    from generator.loader import load_catalogue
    from generator.render.site_plan import plan_site
    from generator.settings import load_settings

    catalogue = load_catalogue(load_settings(ROOT)).catalogue
    assert catalogue is not None
    barometer = catalogue.barometers["reciprocite"]
    data = yaml.safe_load(
        (ROOT / "content" / "_data" / "barometres" / "reciprocite.yml").read_text("utf-8")
    )
    assert data["results"] and data["programme"] == "caac"
    page = plan_site(catalogue).pages["programmes/caac/index.md"].html
    assert "résultats publiés" in page
    titles = {d["id"]: d["title"] for d in data["dimensions"]}
    for published in data["results"]:
        for dimension, score in published["scores"].items():
            shown = int(score + 0.5)  # half up, as the page's script rounds
            row = page[page.index(f'<th scope="row">{titles[dimension]}</th>') :]
            row = row[: row.index("</tr>")]
            assert f"<td>{shown}</td>" in row, (dimension, published["year"], row)
    assert barometer.published()[0]["dimension"].id == data["dimensions"][0]["id"]
