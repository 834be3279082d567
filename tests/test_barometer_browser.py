"""The reciprocity barometer in a real browser, on a phone-sized screen (390 × 844).

The example site is built and served from a parent folder, so that its pages live under a
sub-path (``/savoirs/``), as on a host serving several sites: every address the page uses
must be relative. Two partners answer on two devices (two browser contexts, each with its
own local storage); one exports, the other imports, and the gaps shown must be those the
answers give, computed here independently. Nothing may be requested off the site.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT
from .optional_tools import missing
from .search_support import launch_browser, serve, visiting

pytestmark = pytest.mark.slow

QUESTIONNAIRE = yaml.safe_load(
    (ROOT / "content/_data/barometres/reciprocite.yml").read_text(encoding="utf-8")
)
STATEMENTS = QUESTIONNAIRE["statements"]
LABELS = {level["value"]: level["label"] for level in QUESTIONNAIRE["scale"]}
PHONE = {"width": 390, "height": 844}
SUB = "savoirs"

# partner A sees the relation as fairly balanced; partner B less so, on money most of all
ANSWERS_A: dict[str, Any] = {s["id"]: 3 for s in STATEMENTS}
ANSWERS_A.update({"decisions-seul": 2, "ressources-budget": 4, "temps-duree": "nsp"})
ANSWERS_B: dict[str, Any] = {s["id"]: 3 for s in STATEMENTS}
ANSWERS_B.update(
    {"ressources-budget": 1, "ressources-gestion": 1, "decisions-seul": 4, "savoirs-reconnus": 2}
)


def expected_scores(answers: dict[str, Any]) -> dict[str, int | None]:
    """Per dimension, 0 to 100: the mean of the answers on the scale (reversed where the
    statement is), « je ne sais pas » left out."""
    low, high = min(LABELS), max(LABELS)
    found: dict[str, int | None] = {}
    for dimension in QUESTIONNAIRE["dimensions"]:
        values = [
            (high + low - answers[s["id"]] if s.get("reverse") else answers[s["id"]])
            for s in STATEMENTS
            if s["dimension"] == dimension["id"] and isinstance(answers.get(s["id"]), int)
        ]
        found[dimension["title"]] = (
            math.floor(100 * sum((v - low) / (high - low) for v in values) / len(values) + 0.5)
            if values
            else None
        )
    return found


def expected_gaps(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """The statements where the answers differ most (at most five), largest gap first."""
    both = [
        (abs(a[s["id"]] - b[s["id"]]), index, s["id"])
        for index, s in enumerate(STATEMENTS)
        if isinstance(a.get(s["id"]), int) and isinstance(b.get(s["id"]), int)
    ]
    return [sid for gap, _index, sid in sorted(both, key=lambda g: (-g[0], g[1])) if gap][:5]


@pytest.fixture(scope="module")
def parent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    parent = tmp_path_factory.mktemp("barometer")
    site = parent / SUB
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--root", str(ROOT), "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PROGRAMME_PDF": "0"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return parent


@pytest.fixture(scope="module")
def base(parent: Path) -> Iterator[str]:
    with serve(parent) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base: str) -> Iterator[Any]:
    with launch_browser("the browser tests of the barometer cannot run") as found:
        yield found


def page_url(base: str) -> str:
    return f"{base}{SUB}/barometre/reciprocite/"


def answer(page: Any, answers: dict[str, Any], partnership: str, respondent: str) -> None:
    page.fill("#pk-baro-partnership", partnership)
    page.fill("#pk-baro-respondent", respondent)
    for sid, value in answers.items():
        page.locator(f'input[name="s-{sid}"][value="{value}"]').check()


def stored(page: Any) -> str:
    return str(page.evaluate("localStorage.getItem('pk-barometre:reciprocite')"))


def shown_table(page: Any) -> list[list[str]]:
    return [
        [cell.strip() for cell in row]
        for row in page.eval_on_selector_all(
            "[data-pk-results] table tr",
            "rows => rows.map(r => [...r.children].map(c => c.textContent))",
        )
    ]


AXE_JS = ROOT / "tests/quality/node_modules/axe-core/axe.min.js"


def axe_violations(page: Any) -> list[str]:
    """What axe-core (WCAG 2.1 A and AA) finds on the page as it is now; a skip without
    axe-core (``tests/quality/install.sh`` installs it)."""
    if not AXE_JS.is_file():
        missing("axe-core is not installed (tests/quality/install.sh)")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    )
    return [
        f"{v['id']}: {v['help']} {[n.get('html', '')[:120] for n in v['nodes']]}"
        for v in result["violations"]
    ]


def import_file(page: Any, path: Path) -> str:
    """Import ``path`` and wait for the page to say what it did (reading a file is
    asynchronous); returns what it said."""
    page.evaluate("document.querySelector('[data-pk-status]').textContent = ''")
    page.set_input_files("#pk-baro-import", str(path))
    page.wait_for_function("document.querySelector('[data-pk-status]').textContent !== ''")
    return str(page.inner_text("[data-pk-status]"))


def export(page: Any, kind: str, folder: Path) -> Path:
    with page.expect_download() as download:
        page.click(f'[data-pk-export="{kind}"]')
    target = folder / download.value.suggested_filename
    download.value.save_as(target)
    return target


def test_two_partners_answer_export_import_and_see_their_gaps(
    browser: Any, base: str, tmp_path: Path
) -> None:
    device_b = browser.new_context(viewport=PHONE, accept_downloads=True)
    with visiting(device_b, base) as visit:
        page = visit.page
        page.goto(page_url(base))
        answer(page, ANSWERS_B, "Association A et Union B", "Union B")
        page.fill("#q-a-changer", "Partager le budget dès le départ.")
        file_b = export(page, "json", tmp_path)
    device_b.close()
    exported_b = json.loads(file_b.read_text(encoding="utf-8"))
    assert exported_b["barometer"] == "reciprocite"
    assert exported_b["respondent"] == "Union B"
    assert exported_b["answers"] == ANSWERS_B
    assert exported_b["comments"] == {"a-changer": "Partager le budget dès le départ."}
    assert len(exported_b["version"]) == 12

    device_a = browser.new_context(viewport=PHONE, accept_downloads=True)
    with visiting(device_a, base) as visit:
        page = visit.page
        page.goto(page_url(base))
        # the keyboard reaches the scale: the first level by Tab, the next one by an arrow
        page.focus('input[name="s-decisions-priorites"][value="1"]')
        page.keyboard.press("Space")
        page.keyboard.press("ArrowRight")
        assert page.is_checked('input[name="s-decisions-priorites"][value="2"]')
        answer(page, ANSWERS_A, "Association A et Union B", "Association A")
        assert (
            page.inner_text("[data-pk-progress]")
            == f"{len(STATEMENTS)} réponses sur {len(STATEMENTS)}"
        )

        page.reload()  # the answers are kept
        for sid, value in ANSWERS_A.items():
            assert page.is_checked(f'input[name="s-{sid}"][value="{value}"]'), sid
        assert page.input_value("#pk-baro-respondent") == "Association A"
        mine = {title: score for title, score in expected_scores(ANSWERS_A).items()}
        rows = shown_table(page)
        assert rows[0] == ["Dimension", "Association A"]
        assert {r[0]: r[1] for r in rows[1:]} == {t: str(s) for t, s in mine.items()}

        csv = export(page, "csv", tmp_path).read_text(encoding="utf-8-sig").splitlines()
        assert csv[0].startswith('"barometre","version","partenariat"')
        assert len(csv) == 1 + len(STATEMENTS)
        assert '"ressources-budget"' in csv[4] and csv[4].endswith('"4","Tout à fait"')

        assert "Fichier importé : Union B" in import_file(page, file_b)
        theirs = expected_scores(ANSWERS_B)
        rows = shown_table(page)
        assert rows[0] == ["Dimension", "Association A", "Union B", "Écart"]
        for row in rows[1:]:
            a, b = mine[row[0]], theirs[row[0]]
            assert a is not None and b is not None
            assert row[1:] == [str(a), str(b), str(abs(a - b))]
        shown = page.eval_on_selector_all(
            "[data-gap-statement]", "items => items.map(i => i.dataset.gapStatement)"
        )
        assert shown == expected_gaps(ANSWERS_A, ANSWERS_B)
        first = page.inner_text("[data-gap-statement]")
        assert "Vous : « Tout à fait » ; Union B : « Pas du tout » (écart de 3 niveaux)" in first
        page.click("summary:has-text('Toutes les réponses côte à côte')")
        both = page.eval_on_selector_all(
            ".pk-baro__all tbody tr",
            "rows => rows.map(r => [...r.children].map(c => c.textContent))",
        )
        assert len(both) == len(STATEMENTS)
        budget = next(row for row in both if row[0].startswith("Je connais le budget"))
        assert budget[1:] == ["Tout à fait", "Pas du tout"]
        assert "Partager le budget dès le départ." in page.inner_text(".pk-baro__open")
        assert axe_violations(page) == []
        page.screenshot(path=str(tmp_path / "barometre-390.png"), full_page=True)

        # an earlier year's export of the same partnership: the trend appears
        earlier = {**exported_b, "respondent": "Association A", "date": "2024-05-02"}
        earlier["answers"] = {s["id"]: 2 for s in STATEMENTS}
        (tmp_path / "a-2024.json").write_text(json.dumps(earlier), encoding="utf-8")
        assert "Fichier importé" in import_file(page, tmp_path / "a-2024.json")
        assert page.inner_text("#evolution") == "Évolution d’une année à l’autre"
        years = page.eval_on_selector_all(
            "[data-pk-trend] thead th", "cells => cells.map(c => c.textContent)"
        )
        assert years[:2] == ["Dimension", "2024"] and len(years) == 3
    device_a.close()


def test_a_file_that_is_not_an_export_of_this_questionnaire_changes_nothing(
    browser: Any, base: str, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=PHONE)
    good = {
        "format": "pk-barometre",
        "format_version": 1,
        "barometer": "reciprocite",
        "partnership": "P",
        "respondent": "R",
        "date": "2026-01-01",
        "answers": {"decisions-priorites": 3},
        "comments": {},
    }
    with visiting(context, base) as visit:
        page = visit.page
        page.goto(page_url(base))
        version = page.get_attribute("[data-pk-barometre]", "data-version")
        answer(page, {"decisions-priorites": 4}, "P", "Moi")
        before, table = stored(page), shown_table(page)
        cases = {
            "another.json": (
                json.dumps({**good, "version": version, "barometer": "autre", "title": "Autre"}),
                "répond à un autre questionnaire (« Autre »)",
            ),
            "changed.json": (
                json.dumps({**good, "version": "000000000000"}),
                "une autre version de ce questionnaire",
            ),
            "garbage.json": ("{ceci n'est pas du JSON", "pas du JSON lisible"),
            "list.json": ("[1, 2, 3]", "n’est pas un export de baromètre"),
            "bad-answer.json": (
                json.dumps({**good, "version": version, "answers": {"decisions-priorites": 9}}),
                "n’est pas un niveau de l’échelle",
            ),
            "unknown.json": (
                json.dumps({**good, "version": version, "answers": {"inconnu": 1}}),
                "énoncé inconnu",
            ),
            "huge.json": (" " * 300_000 + "{}", "trop gros"),
        }
        for name, (content, reason) in cases.items():
            (tmp_path / name).write_text(content, encoding="utf-8")
            status = import_file(page, tmp_path / name)
            assert status.startswith("Import refusé, rien n’a changé"), (name, status)
            assert reason in status, (name, status)
            assert stored(page) == before, name
            assert shown_table(page) == table, name
        assert not page.locator("[data-pk-imported] input").count()

        # answers kept from a former version of the questionnaire: imported files go
        page.evaluate(
            """() => {
              const key = 'pk-barometre:reciprocite';
              const saved = JSON.parse(localStorage.getItem(key));
              saved.version = 'ancienne';
              saved.imported = [{respondent: 'X', partnership: 'P', date: '2025-01-01',
                                 answers: {'decisions-priorites': 1}, comments: {}}];
              localStorage.setItem(key, JSON.stringify(saved));
            }"""
        )
        page.reload()
        assert "Ce questionnaire a changé" in page.inner_text("[data-pk-status]")
        assert not page.locator("[data-pk-imported] input").count()
        assert page.is_checked('input[name="s-decisions-priorites"][value="4"]')
        assert json.loads(stored(page))["version"] == version

        page.once("dialog", lambda dialog: dialog.accept())
        page.click("[data-pk-erase]")
        assert page.evaluate("localStorage.getItem('pk-barometre:reciprocite')") is None
        assert not page.is_checked('input[name="s-decisions-priorites"][value="4"]')
        page.reload()
        assert page.input_value("#pk-baro-respondent") == ""
    context.close()


def test_the_page_fetches_only_its_own_site_and_prints_a_summary(
    browser: Any, base: str, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    with visiting(context, base) as visit:
        page = visit.page
        page.goto(page_url(base))
        page.wait_for_load_state("networkidle")
        assert any(url.endswith(f"/{SUB}/assets/barometre.js") for url in visit.fetched)
        assert any(url.endswith(f"/{SUB}/assets/barometre.css") for url in visit.fetched)
        assert all(url.startswith(f"{base}{SUB}/") for url in visit.fetched), visit.fetched
        answer(page, ANSWERS_A, "Association A et Union B", "Association A")
        page.screenshot(path=str(tmp_path / "barometre-1280.png"))
        page.emulate_media(media="print")
        assert not page.is_visible("[data-pk-form]")
        assert not page.is_visible("[data-pk-export]")
        assert page.is_visible("[data-pk-results] table")
        head = page.inner_text(".pk-baro__print-head")
        assert "Association A et Union B" in head and "Association A" in head
        assert "CC BY-SA 4.0" in page.inner_text(".pk-baro__licence") or page.is_visible(
            ".pk-baro__licence"
        )
        page.pdf(path=str(tmp_path / "barometre.pdf"), format="A4")
        assert (tmp_path / "barometre.pdf").stat().st_size > 1000
    context.close()


BUDGET = 60 * 1024
"""The page's own code and data, compressed (issue 19): measured at about 16 KB."""


def test_the_page_is_light_and_its_addresses_relative(parent: Path) -> None:
    import gzip
    import re

    site = parent / SUB
    page = site / "barometre/reciprocite/index.html"
    own = [page, site / "assets/barometre.js", site / "assets/barometre.css"]
    weight = sum(len(gzip.compress(p.read_bytes(), 9)) for p in own)
    assert weight <= BUDGET, weight
    html = page.read_text(encoding="utf-8")
    fragment = html[html.index('<div class="pk-baro"') :]
    addresses = re.findall(r'(?:src|href)="([^"]+)"', fragment)
    assert "../../assets/barometre.js" in addresses
    local = [a for a in addresses if not a.startswith(("http://", "https://"))]
    assert local and not [a for a in local if a.startswith("/")], local
    # every statement is a fieldset with its legend and one labelled radio per level
    assert fragment.count('<fieldset class="pk-baro__statement"') == len(STATEMENTS)
    assert fragment.count('type="radio"') == len(STATEMENTS) * (len(LABELS) + 1)
    assert "ne sont envoyées nulle part" in fragment


def test_the_published_results_are_drawn_and_tabled_with_the_same_figures(parent: Path) -> None:
    html = (parent / SUB / "barometre/reciprocite/index.html").read_text(encoding="utf-8")
    section = html[html.index('<section class="pk-baro__published"') :]
    section = section[: section.index("</section>")].replace("\n", "")
    results = QUESTIONNAIRE["results"]
    for dimension in QUESTIONNAIRE["dimensions"]:
        expected = [str(r["scores"][dimension["id"]]) for r in results]
        assert f">{dimension['title']}</text>" in section  # the chart's label
        for value in expected:
            assert 'class="pk-chart__value" x="284" y="' in section
            assert f">{value}</text>" in section  # the figure beside its bar
        row = f'<tr><th scope="row">{dimension["title"]}</th>'
        assert row + "".join(f"<td>{v}</td>" for v in expected) + "</tr>" in section
    assert "Chiffres fictifs" in section


def test_the_programme_page_names_its_barometer(parent: Path) -> None:
    html = (parent / SUB / "programmes/caac/index.html").read_text(encoding="utf-8")
    assert '<dt>Baromètre</dt><dd><a href="../../barometre/reciprocite/">' in html
