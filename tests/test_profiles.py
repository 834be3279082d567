"""Organisation and programme profiles, and the gathered practices (issue 18, items 5, 6).

The slow tests build the repository's example content (it has sheet lessons, an
organisation that both presents and writes a write-up, programme reports) and read the
pages as a visitor would; what they expect is computed from the content's front matter and
Markdown, not from the generator's indexes.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from generator.render.gathered_practices import sheet_lessons

from .conftest import ROOT
from .test_site import Corpus, Node, build, dd, document_links, links, make_root, parse

Doc = dict[str, Any]


# --- lessons from a sheet's body (fast) --------------------------------------------------


def test_lessons_are_the_items_of_the_enseignements_section() -> None:
    body = "\n".join(
        [
            "## Résultats",
            "",
            "- pas une leçon",
            "",
            "## Enseignements :",
            "",
            "Un paragraphe d’introduction.",
            "",
            "- Une leçon **forte**, sur",
            "  deux lignes.",
            "* Une autre, avec [un lien](https://example.org).",
            "1. Une numérotée.",
            "",
            "```",
            "- pas une leçon : du code",
            "```",
            "",
            "### Sous-partie",
            "",
            "- Une leçon de sous-partie.",
            "",
            "## Annexes",
            "",
            "- plus une leçon",
        ]
    )
    assert sheet_lessons(body) == [
        "Une leçon forte, sur deux lignes.",
        "Une autre, avec un lien.",
        "Une numérotée.",
        "Une leçon de sous-partie.",
    ]


def test_a_section_of_paragraphs_gives_no_lesson() -> None:
    assert sheet_lessons("## Enseignements\n\nIls seront ajoutés au fil du projet.\n") == []
    assert sheet_lessons("Pas de section.\n\n- un point\n") == []


# --- the example site (slow) -------------------------------------------------------------


class Example:
    def __init__(self, root: Path, out: Path) -> None:
        self.root, self.out = root, out
        self.corpus = Corpus.read(root)
        self._pages: dict[str, Node] = {}

    def main(self, url: str) -> Node:
        if url not in self._pages:
            html = (self.out / url / "index.html").read_text(encoding="utf-8")
            self._pages[url] = parse(html)
        return self._pages[url].find("article", class_="md-content__inner")

    def page(self, url: str) -> Node:
        self.main(url)
        return self._pages[url]


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Example:
    root = make_root(tmp_path_factory.mktemp("profiles") / "repo", ROOT)
    out = root.parent / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stderr
    return Example(root, out)


def people_orgs(writeup: Doc) -> set[str]:
    people = [*writeup.get("authors", []), *writeup.get("reviewers", [])]
    return {p["organisation"] for p in people if p.get("organisation")}


def count_words(count: int, one: str, many: str) -> str:
    return f"{count} {one if count <= 1 else many}"


def org_expectations(corpus: Corpus, org: str) -> dict[str, Any]:
    led = {f"projets/{s}/" for s, fm in corpus.sheets.items() if fm["lead"] == org}
    partnered = {
        f"projets/{s}/" for s, fm in corpus.sheets.items() if org in fm.get("partners", [])
    }
    presented = {
        f"comptes-rendus/{s}/"
        for s, fm in corpus.writeups.items()
        if org in fm.get("organisations", [])
    }
    authored = {
        f"comptes-rendus/{s}/" for s, fm in corpus.writeups.items() if org in people_orgs(fm)
    }
    counts = [
        count_words(len(led), "fiche portée", "fiches portées") if led else "",
        count_words(len(partnered), "fiche en partenariat", "fiches en partenariat")
        if partnered
        else "",
        count_words(len(presented | authored), "compte-rendu", "comptes-rendus")
        if presented | authored
        else "",
    ]
    return {
        "led": led,
        "partnered": partnered,
        "presented": presented,
        "authored": authored,
        "counts": [c for c in counts if c],
    }


def section_by_id(main: Node, section_id: str) -> Node:
    for candidate in main.find_all("section"):
        if candidate.attrs.get("aria-labelledby") == section_id:
            return candidate
    raise AssertionError(f"no section {section_id!r}")


def section_ids(main: Node) -> set[str]:
    return {s.attrs.get("aria-labelledby", "") for s in main.find_all("section")}


@pytest.mark.slow
def test_each_organisation_lists_each_document_once_with_its_role_and_counts(
    example: Example,
) -> None:
    corpus = example.corpus
    both_roles = 0
    for org in corpus.organisations:
        url = f"organisations/{org}/"
        main = example.main(url)
        expected = org_expectations(corpus, org)
        cards = [
            target
            for target, _ in links(main, url)
            if re.fullmatch(r"(projets|comptes-rendus)/[a-z0-9-]+/", target)
        ]
        # every document once: no write-up twice for two roles
        assert len(cards) == len(set(cards)), (url, Counter(cards).most_common(2))
        members = (
            expected["led"] | expected["partnered"] | expected["presented"] | expected["authored"]
        )
        assert set(cards) == members, url
        ids = section_ids(main)
        if expected["led"]:
            assert document_links(section_by_id(main, "porteur"), url) == expected["led"]
        else:
            assert "porteur" not in ids
        if expected["partnered"]:
            assert document_links(section_by_id(main, "partenaire"), url) == expected["partnered"]
        both = expected["presented"] & expected["authored"]
        both_roles += len(both)
        for section_id, wanted in (
            ("comptes-rendus", both),
            ("comptes-rendus-presentes", expected["presented"] - expected["authored"]),
            ("comptes-rendus-rediges", expected["authored"] - expected["presented"]),
        ):
            if wanted:
                assert document_links(section_by_id(main, section_id), url) == wanted, url
            else:
                assert section_id not in ids, url
        # the counts say what the page shows, in French
        counts = [li.words for li in main.find("ul", class_="pk-profile__counts").find_all("li")]
        assert counts == expected["counts"], url
        fm = corpus.organisations[org]
        assert dd(main, "Nom complet").words == fm["name"]
        if fm.get("short_name"):
            assert dd(main, "Sigle").words == fm["short_name"]
        if fm.get("url"):
            assert dd(main, "Site web").find("a").attrs["href"] == fm["url"]
    # the example has an organisation that both presents and writes a write-up
    assert both_roles


@pytest.mark.slow
def test_organisation_roles_by_programme(example: Example) -> None:
    corpus = example.corpus
    for org in corpus.organisations:
        url = f"organisations/{org}/"
        main = example.main(url)
        led = Counter(fm["programme"] for fm in corpus.sheets.values() if fm["lead"] == org)
        programmes = {
            p for p, fm in corpus.programmes.items() if fm.get("organisation") == org or led[p]
        }
        programmes |= {
            fm["programme"] for fm in corpus.sheets.values() if org in fm.get("partners", [])
        }
        programmes |= {
            fm["programme"]
            for fm in corpus.writeups.values()
            if fm.get("programme")
            and (org in fm.get("organisations", []) or org in people_orgs(fm))
        }
        if not programmes:
            assert "programmes" not in section_ids(main), url
            continue
        rows = {
            links(row, url)[0][0]: row.words.split(" : ", 1)[1]
            for row in section_by_id(main, "programmes")
            .find("ul", class_="pk-roles")
            .find_all("li")
        }
        assert set(rows) == {f"programmes/{p}/" for p in programmes}, url
        for programme in programmes:
            roles = rows[f"programmes/{programme}/"]
            if corpus.programmes[programme].get("organisation") == org:
                assert roles.startswith("porte le programme"), (url, roles)
            if led[programme]:
                assert count_words(led[programme], "fiche", "fiches") in roles, (url, roles)


@pytest.mark.slow
def test_organisation_index_shows_each_organisations_counts(example: Example) -> None:
    corpus = example.corpus
    main = example.main("organisations/")
    notes = {}
    for li in main.find("ul", class_="pk-index").find_all("li"):
        target = links(li, "organisations/")[0][0]
        notes[target] = li.find("span", class_="pk-count").words
    for org in corpus.organisations:
        counts = org_expectations(corpus, org)["counts"]
        assert notes[f"organisations/{org}/"] == (
            ", ".join(counts) or "aucune fiche ni aucun compte-rendu"
        )
    assert not any(note.startswith("0 ") for note in notes.values())


def expected_lessons(root: Path) -> dict[str, set[str]]:
    """Lesson text -> sheets, read from the « Enseignements » lists of the sheets."""
    found: dict[str, set[str]] = {}
    for path in sorted((root / "projects").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = re.search(r"^## Enseignements\n(.*?)(?=^## |\Z)", text, re.M | re.S)
        if not match:
            continue
        for item in re.findall(r"^- (.*(?:\n  .*)*)", match.group(1), re.M):
            found.setdefault(" ".join(item.split()), set()).add(f"projets/{path.stem}/")
    return found


@pytest.mark.slow
def test_practices_each_once_with_their_sources_and_jump_links(example: Example) -> None:
    corpus = example.corpus
    url = "bonnes-pratiques/"
    main = example.main(url)
    expected: dict[str, set[str]] = {}
    for slug, fm in corpus.writeups.items():
        for text in [*fm.get("good_practices", []), *fm.get("difficulties", [])]:
            expected.setdefault(text, set()).add(f"comptes-rendus/{slug}/")
    lessons = expected_lessons(example.root)
    assert lessons, "the example sheets have lessons"
    for text, sheets in lessons.items():
        expected.setdefault(text, set()).update(sheets)
    items = main.find_all("li", class_="pk-gathered__item")
    shown = Counter(li.find("span", class_="pk-gathered__text").words for li in items)
    # French spacing turns « : » into « : » with a no-break space: compare words
    wanted = Counter(" ".join(t.split()) for t in expected)
    assert {" ".join(t.split()) for t in shown} == set(wanted)
    assert max(shown.values()) == 1, shown.most_common(3)
    for li in items:
        text = li.find("span", class_="pk-gathered__text").words
        original = next(t for t in expected if " ".join(t.split()) == text)
        assert document_links(li, url) == expected[original], text
    # jump links: the list at the top and the page's table of contents reach every theme
    jump = main.find("nav", class_="pk-jump")
    targets = [a.attrs["href"] for a in jump.find_all("a")]
    theme_sections = [
        s for s in main.find_all("section") if "pk-gathered-theme" in s.attrs.get("class", "")
    ]
    assert targets == ["#" + s.attrs["aria-labelledby"] for s in theme_sections]
    ids = {n.attrs.get("id") for n in main.iter()}
    assert all(t[1:] in ids for t in targets)
    toc = example.page(url).find("nav", class_="md-nav--secondary")
    toc_targets = {a.attrs["href"].split("#")[-1] for a in toc.find_all("a")}
    assert {t[1:] for t in targets} <= toc_targets
    # each theme is shown once, under its label
    labels = [s.find("h2").words.rsplit(" (", 1)[0] for s in theme_sections]
    assert len(labels) == len(set(labels))
    assert set(labels) <= {t["label"] for t in corpus.themes.values()}
    # a tag to another theme points at that theme's section or its page
    for tag in main.find_all("a", class_="pk-tag"):
        href = tag.attrs["href"]
        assert (href.startswith("#theme-") and href[1:] in ids) or href.startswith("../themes/")


@pytest.mark.slow
def test_programme_page_links_its_reports_and_shows_figures(example: Example) -> None:
    corpus = example.corpus
    for programme, fm in corpus.programmes.items():
        url = f"programmes/{programme}/"
        main = example.main(url)
        sheets = {s: d for s, d in corpus.sheets.items() if d["programme"] == programme}
        writeups = {s: d for s, d in corpus.writeups.items() if d.get("programme") == programme}
        # its report, a PDF that exists
        reports = [
            target
            for target, _ in links(section_by_id(main, "rapports"), url)
            if target.endswith(".pdf")
        ]
        assert reports == [f"telechargements/rapport-{programme}.pdf"], url
        assert (example.out / reports[0]).is_file()
        # its figures, counted from the sheets
        by_country = Counter(c for d in sheets.values() for c in d["countries"])
        by_theme = Counter(t for d in sheets.values() for t in d["themes"])
        for table_id, counts, prefix in (
            ("fiches-par-pays", by_country, "pays/"),
            ("fiches-par-theme", by_theme, "themes/"),
        ):
            table = next(t for t in main.find_all("table") if t.attrs.get("id") == table_id)
            found = {}
            for row in table.find("tbody").find_all("tr"):
                target = links(row.find("th"), url)[0][0]
                assert target.startswith(prefix)
                found[target.removeprefix(prefix).rstrip("/")] = int(
                    row.find("span", class_="pk-bars__n").words
                )
            assert found == {k.lower(): v for k, v in counts.items()}, (url, table_id)
        years = {d["period"]["start"] for d in sheets.values()}
        years |= {d["period"]["end"] for d in sheets.values() if d["period"].get("end")}
        years |= {d["date"].year for d in writeups.values()}
        low, high = min(years), max(years)
        assert dd(main, "Années couvertes").words == (str(low) if low == high else f"{low}–{high}")
        assert dd(main, "Nom complet").words == fm["name"]
