"""The preview's error page (generator/error_page.py), without a server: what it says, in
French, escaped, in order, and where it is written."""

from __future__ import annotations

import os
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic, Severity
from generator.error_page import LISTED, error_page, html_pages, write_error_site
from generator.messages import set_language

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("en")  # what tests/conftest.py sets for the other tests


class _Reader(HTMLParser):
    """The page as a person (or a screen reader) gets it: its elements, and the text of
    each list item, of the headings and of the whole page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.items: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.text = ""
        self._item: list[str] | None = None
        self._heading: tuple[str, list[str]] | None = None
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "li":
            self._item = []
        if tag in ("h1", "h2"):
            self._heading = (tag, [])
        self._style = tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._item is not None:
            self.items.append("".join(self._item))
            self._item = None
        if tag in ("h1", "h2") and self._heading is not None:
            self.headings.append((self._heading[0], "".join(self._heading[1])))
            self._heading = None
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            return
        self.text += data
        if self._item is not None:
            self._item.append(data)
        if self._heading is not None:
            self._heading[1].append(data)


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


THEME = Diagnostic(
    "projects/puits.md",
    14,
    "themes[2]",
    "« agricultur » n'est pas un id de thème de content/_data/themes.yml",
    "vouliez-vous dire « agriculture » ?",
    code="theme-inconnu",
)
YAML = Diagnostic(
    "content/comptes-rendus/bilan.md",
    2,
    "title",
    "erreur de syntaxe YAML : deux-points dans une valeur",
    code="yaml-syntaxe",
)
DRAFT = Diagnostic(
    "projects/brouillon.md",
    0,
    "",
    "il manque le résumé",
    severity=Severity.WARNING,
    code="brouillon-incomplet",
)


def test_the_page_lists_each_problem_as_check_prints_it_in_french(french: None) -> None:
    html = error_page([THEME, DRAFT, YAML], site_name="Savoirs")
    page = _read(html)
    assert ("html", {"lang": "fr"}) in page.tags
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in (
        page.tags
    )
    assert [level for level, _ in page.headings] == ["h1", "h2", "h2"]
    assert page.headings[0][1] == "Le site ne peut pas être construit"
    assert page.headings[1][1] == "Erreurs (2)" and page.headings[2][1] == "Avertissements (1)"
    # errors in the order of check (file, line), each as `check` prints it; then warnings
    assert page.items == [
        YAML.as_text(),
        THEME.as_text(),
        "projects/brouillon.md: il manque le résumé [brouillon-incomplet]",
    ]
    assert page.items[1] == (
        "projects/puits.md:14: themes[2]: « agricultur » n'est pas un id de thème de "
        "content/_data/themes.yml (vouliez-vous dire « agriculture » ?) [theme-inconnu]"
    )
    assert "se recharge d'elle-même" in page.text
    assert [tag for tag, _ in page.tags].count("ol") == 2
    assert "<title>Le site ne peut pas être construit — Savoirs</title>" in html


def test_every_value_is_escaped(french: None) -> None:
    hostile = Diagnostic(HOSTILE, 3, HOSTILE, f"« {HOSTILE} » inconnu", HOSTILE, code=HOSTILE)
    html = error_page([hostile], notes=[HOSTILE], site_name=HOSTILE)
    page = _read(html)
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert {tag for tag, _ in page.tags} <= {
        *("html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "p"),
        *("section", "ol", "ul", "li", "code", "span", "pre"),
    }
    assert page.items[0] == hostile.as_text()  # shown as typed, not run
    assert page.items[1] == HOSTILE


def test_a_build_that_failed_for_another_reason_shows_what_was_said(french: None) -> None:
    said = (
        "MkDocs encountered an error parsing the configuration file: while parsing\n"
        '  in "mkdocs.yml", line 39'
    )
    page = _read(error_page([], notes=[said]))
    assert page.headings == [
        ("h1", "Le site ne peut pas être construit"),
        ("h2", "Messages de la construction"),
    ]
    assert page.items == [said]  # in a <pre>: its lines kept
    assert "la configuration mkdocs.yml" in page.text


def test_english_when_asked() -> None:
    set_language("en")
    page = _read(error_page([THEME]))
    assert ("html", {"lang": "en"}) in page.tags
    assert page.headings[0][1] == "The site cannot be built"


def test_same_problems_same_bytes_in_any_order(french: None) -> None:
    assert error_page([THEME, YAML, DRAFT]) == error_page([DRAFT, YAML, THEME, THEME])


def test_a_long_list_is_cut_with_a_word_on_the_rest(french: None) -> None:
    many = [
        Diagnostic("projects/a.md", n, "title", "vide", code="champ-vide") for n in range(1, 260)
    ]
    page = _read(error_page(many))
    assert len(page.items) == LISTED
    assert "… et 59 autre(s), dans le terminal." in page.text
    assert page.headings[1][1] == "Erreurs (259)"


def test_the_error_site_goes_at_the_sites_own_pages_only(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "projets" / "puits").mkdir(parents=True)
    (site / "projets" / "puits" / "index.html").write_text("old page", encoding="utf-8")
    (site / "style.css").write_text("body {}", encoding="utf-8")
    outside = tmp_path / "outside.html"
    pages = html_pages(site)
    assert pages == ("projets/puits/index.html",)
    written = write_error_site(
        site, "<p>erreur</p>", [*pages, "../outside.html", "/etc/x.html", "style.css"]
    )
    assert sorted(p.relative_to(site).as_posix() for p in written) == [
        "404.html",
        "index.html",
        "projets/puits/index.html",
    ]
    assert not outside.exists()
    assert (site / "style.css").read_text(encoding="utf-8") == "body {}"
    for path in written:
        assert path.read_text(encoding="utf-8") == "<p>erreur</p>"
        assert os.stat(path).st_mtime == 0  # older than any source: `--dirty` rewrites it
