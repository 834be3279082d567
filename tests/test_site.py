"""Whole-site tests: build a fixture corpus and read the pages as a visitor would.

The corpus in ``tests/fixtures/site-corpus`` (four sheets, two write-ups, registries, one
editorial page) is written to the content format and carries hostile values: markup in a
title and a summary, scripts, event handlers, ``javascript:`` links and an iframe in bodies.
Each site is built once per module with ``python -m generator build``; the expectations are
computed from the fixture's own front matter, not from the generator's indexes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from generator.french import fold, of

from .conftest import ROOT
from .helpers import run_cli

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "site-corpus"
SITE_URL = "https://example.org/savoirs/"  # from the repository's mkdocs.yml
BASE = "https://site.invalid/"  # to resolve page-relative links to site-relative ones

HOSTILE_TITLE = "Des puits <script>alert(1)</script> & des pompes à Thiès"
HOSTILE_SUMMARY = "Un projet \"pilote\" qui <b>renforce</b> l'accès à l'eau dans les villages."
COUNTRY_NAMES = {"SN": "Sénégal", "GN": "Guinée", "FR": "France", "ML": "Mali", "TG": "Togo"}
STATUS_NAMES = {"planned": "En projet", "ongoing": "En cours", "completed": "Terminé"}
FRENCH_DATES = {dt.date(2022, 3, 18): "18 mars 2022", dt.date(2023, 4, 1): "1er avril 2023"}
SITE_LICENCE_URL = "https://creativecommons.org/licenses/by-nc-sa/3.0/fr/"
CC_BY_URL = "https://creativecommons.org/licenses/by/4.0/"
FORBIDDEN = ("<script>alert", "onerror", "javascript:", "onclick", "onmouseover", "<iframe")


# --- a tiny DOM on top of html.parser ------------------------------------------------------

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if n.tag == tag
            and all(
                value in n.attrs.get(key.rstrip("_"), "").split() for key, value in attrs.items()
            )
        ]

    def find(self, tag: str, **attrs: str) -> Node:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}>"
        return found[0]

    @property
    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return "".join(parts)

    @property
    def words(self) -> str:
        """The text with runs of white space collapsed, as a reader sees it."""
        return " ".join(self.text.split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# --- building --------------------------------------------------------------------------


def make_root(dest: Path, corpus: Path = FIXTURE) -> Path:
    """A repository-shaped folder: the corpus plus the repository's mkdocs.yml and theme."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("content", "projects"):
        shutil.copytree(corpus / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", dest / "theme")
    return dest


def build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return run_cli("build", "--root", str(root), "--site-dir", str(out), cwd=root)


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path -> sha256), to compare whole outputs."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, path
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


@dataclass
class Corpus:
    """The fixture's content, read independently of the generator."""

    sheets: dict[str, dict[str, Any]]
    writeups: dict[str, dict[str, Any]]
    organisations: dict[str, dict[str, Any]]
    programmes: dict[str, dict[str, Any]]
    themes: dict[str, dict[str, Any]]

    @classmethod
    def read(cls, root: Path) -> Corpus:
        def registry(name: str) -> dict[str, dict[str, Any]]:
            data = yaml.safe_load((root / "content/_data" / name).read_text(encoding="utf-8"))
            return {entry["id"]: entry for entry in data}

        return cls(
            sheets={p.stem: front_matter(p) for p in sorted((root / "projects").glob("*.md"))},
            writeups={
                p.stem: front_matter(p)
                for p in sorted((root / "content/comptes-rendus").glob("*.md"))
            },
            organisations=registry("organisations.yml"),
            programmes=registry("programmes.yml"),
            themes=registry("themes.yml"),
        )

    def org_label(self, org_id: str) -> str:
        org = self.organisations[org_id]
        return str(org.get("short_name") or org["name"])

    def members(
        self,
        sheet_if: Callable[[dict[str, Any]], bool],
        writeup_if: Callable[[dict[str, Any]], bool] = lambda _w: False,
    ) -> set[str]:
        return {f"projets/{s}/" for s, fm in self.sheets.items() if sheet_if(fm)} | {
            f"comptes-rendus/{s}/" for s, fm in self.writeups.items() if writeup_if(fm)
        }

    def cited(self) -> set[str]:
        return {slug for fm in self.writeups.values() for slug in fm.get("examples", [])}


@dataclass
class Site:
    root: Path
    out: Path
    stderr: str
    corpus: Corpus
    _pages: dict[str, Node] = field(default_factory=dict)

    def html(self, url: str) -> str:
        path = self.out / url / "index.html" if not url.endswith(".html") else self.out / url
        assert path.is_file(), f"no page {url}"
        return path.read_text(encoding="utf-8")

    def page(self, url: str) -> Node:
        if url not in self._pages:
            self._pages[url] = parse(self.html(url))
        return self._pages[url]

    def main(self, url: str) -> Node:
        """The page's content (Material's article), without header, navigation or footer."""
        return self.page(url).find("article", class_="md-content__inner")

    def html_files(self) -> list[Path]:
        return sorted(self.out.rglob("*.html"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = make_root(tmp_path_factory.mktemp("site") / "repo")
    out = root.parent / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stderr
    return Site(root, out, result.stderr, Corpus.read(root))


def resolve(href: str, page_url: str) -> str:
    """A page-relative link as a site-relative address ('' for the home page)."""
    absolute = urljoin(BASE + page_url, href)
    if not absolute.startswith(BASE):
        return absolute
    return urlsplit(absolute[len(BASE) :]).path


def links(node: Node, page_url: str) -> list[tuple[str, str]]:
    """(site-relative target, visible text) of every link under ``node``."""
    return [
        (resolve(a.attrs["href"], page_url), a.words)
        for a in node.find_all("a")
        if "href" in a.attrs
    ]


def document_links(node: Node, page_url: str) -> set[str]:
    """The sheets and write-ups a part of a page links to."""
    return {
        target
        for target, _ in links(node, page_url)
        if re.fullmatch(r"(projets|comptes-rendus)/[a-z0-9-]+/", target)
    }


def section(node: Node, heading: str) -> Node:
    """The <section> whose heading starts with ``heading``."""
    for candidate in node.find_all("section"):
        for level in ("h2", "h3"):
            titles = candidate.find_all(level)
            if titles and titles[0].words.startswith(heading):
                return candidate
    raise AssertionError(f"no section {heading!r}")


def dd(node: Node, label: str) -> Node:
    """The fact (<dd>) that follows the <dt> ``label``."""
    for dl in node.find_all("dl"):
        items = [c for c in dl.children if isinstance(c, Node)]
        for index, item in enumerate(items[:-1]):
            if item.tag == "dt" and item.words == label and items[index + 1].tag == "dd":
                return items[index + 1]
    raise AssertionError(f"no fact {label!r}")


# --- the build itself ------------------------------------------------------------------


def test_build_reports_no_warning(site: Site) -> None:
    lines = [line for line in site.stderr.splitlines() if "WARNING" in line.upper()]
    assert not lines, site.stderr
    assert "Traceback" not in site.stderr


# --- document pages ----------------------------------------------------------------------


def test_every_document_has_its_page(site: Site) -> None:
    for slug in site.corpus.sheets:
        assert (site.out / "projets" / slug / "index.html").is_file()
    for slug in site.corpus.writeups:
        assert (site.out / "comptes-rendus" / slug / "index.html").is_file()


@pytest.mark.parametrize("slug", sorted(Corpus.read(FIXTURE).sheets))
def test_sheet_page_shows_every_fact(site: Site, slug: str) -> None:
    fm = site.corpus.sheets[slug]
    url = f"projets/{slug}/"
    main = site.main(url)
    assert main.find("h1").words == " ".join(fm["title"].split())
    assert " ".join(fm["summary"].split()) in main.words
    targets = links(main, url)

    lead = dd(main, "Porteur")
    assert site.corpus.org_label(fm["lead"]) in lead.words
    assert (f"organisations/{fm['lead']}/", site.corpus.org_label(fm["lead"])) in links(lead, url)
    for partner in fm.get("partners", []):
        assert (f"organisations/{partner}/", site.corpus.org_label(partner)) in targets
    countries = dd(main, "Pays")
    for code in fm["countries"]:
        assert (f"pays/{code.lower()}/", COUNTRY_NAMES[code]) in links(countries, url)
    for place in fm.get("places", []):
        assert place in dd(main, "Lieux").words
    for theme in fm["themes"]:
        assert (f"themes/{theme}/", site.corpus.themes[theme]["label"]) in targets
    programme = dd(main, "Programme")
    assert site.corpus.programmes[fm["programme"]]["name"] in programme.words
    assert f"programmes/{fm['programme']}/" in dict(links(programme, url))
    period = dd(main, "Période").words
    assert str(fm["period"]["start"]) in period
    if "end" in fm["period"]:
        assert str(fm["period"]["end"]) in period
    else:
        assert period.startswith("depuis")
    assert dd(main, "Statut").words == STATUS_NAMES[fm["status"]]
    for link in fm.get("links", []):
        assert (link["url"], link["title"]) in targets
    if "image" in fm:
        image = next(i for i in main.find_all("img") if i.attrs.get("alt") == fm["image"]["alt"])
        assert (site.out / resolve(image.attrs["src"], url)).is_file()
        assert fm["image"]["credit"] in main.words
    if "updated" in fm:  # no Git history here: the front matter's date
        dates = next(p for p in main.find_all("p") if p.attrs.get("class") == "pk-dates")
        assert dates.words == "Mise à jour le 15 janvier 2024"


@pytest.mark.parametrize("slug", sorted(Corpus.read(FIXTURE).writeups))
def test_writeup_page_shows_every_fact(site: Site, slug: str) -> None:
    corpus = site.corpus
    fm = corpus.writeups[slug]
    url = f"comptes-rendus/{slug}/"
    main = site.main(url)
    assert main.find("h1").words == fm["title"]
    assert fm["summary"] in main.words
    if "event" in fm:
        assert dd(main, "Événement").words == fm["event"]
    assert dd(main, "Date").words == FRENCH_DATES[fm["date"]]
    for org in fm.get("organisations", []):
        assert (f"organisations/{org}/", corpus.org_label(org)) in links(
            dd(main, "Organisations"), url
        )
    if "programme" in fm:
        assert corpus.programmes[fm["programme"]]["name"] in dd(main, "Programme").words
    for theme in fm["themes"]:
        assert (f"themes/{theme}/", corpus.themes[theme]["label"]) in links(main, url)

    def person(p: dict[str, str]) -> str:
        # « Luc Hansen, de la Fonda »: the organisation in full, with its article
        # (tests/test_french_wording.py checks the article of each kind of name)
        if not p.get("organisation"):
            return p["name"]
        org = corpus.organisations[p["organisation"]]
        name = org["name"]
        if org.get("short_name") and fold(org["short_name"]) not in fold(name):
            name += f" ({org['short_name']})"
        return f"{p['name']}, {of(name, org.get('article'))}"

    def names(people: list[dict[str, str]]) -> str:
        texts = [person(p) for p in people]
        return texts[0] if len(texts) == 1 else ", ".join(texts[:-1]) + " et " + texts[-1]

    sentence = "rédigé par " + names(fm["authors"])
    if fm.get("reviewers"):
        sentence += ", relu par " + names(fm["reviewers"])
    assert sentence in main.words

    examples = section(main, "Les exemples inspirants")
    assert document_links(examples, url) == {f"projets/{s}/" for s in fm["examples"]}
    for example in fm["examples"]:
        assert (f"projets/{example}/", " ".join(corpus.sheets[example]["title"].split())) in links(
            examples, url
        )
    if fm.get("good_practices"):
        practices = section(main, "Bonnes pratiques")
        assert [li.words for li in practices.find_all("li")] == fm["good_practices"]
    if fm.get("difficulties"):
        difficulties = section(main, "Difficultés")
        assert [li.words for li in difficulties.find_all("li")] == fm["difficulties"]
    for ref in fm.get("bibliography", []):
        bibliography = section(main, "Ressources bibliographiques")
        entry = next(li for li in bibliography.find_all("li") if ref["title"] in li.words)
        for key in ("author", "year", "publisher", "note"):
            if key in ref:
                if key == "note" and "url" in ref and ref["note"] == "Ressource en ligne":
                    # said once: « [en ligne] » (issue 18, item 9)
                    assert entry.words.count("en ligne") == 1, entry.words
                    continue
                assert str(ref[key]) in entry.words
        if "url" in ref:
            assert ref["url"] in [a.attrs.get("href") for a in entry.find_all("a")]


def test_writeup_date_in_french(site: Site) -> None:
    assert "18 mars 2022" in site.main("comptes-rendus/atelier-eau-2022/").words
    assert "1er avril 2023" in site.main("comptes-rendus/seminaire-genre-2023/").words


def test_sheet_lists_the_writeups_that_present_it(site: Site) -> None:
    corpus = site.corpus
    for slug in corpus.sheets:
        url = f"projets/{slug}/"
        citing = {
            f"comptes-rendus/{w}/"
            for w, fm in corpus.writeups.items()
            if slug in fm.get("examples", [])
        }
        main = site.main(url)
        if citing:
            assert document_links(section(main, "Présenté dans"), url) == citing
        else:
            assert "Présenté dans" not in main.words
            assert not {t for t in document_links(main, url) if t.startswith("comptes-rendus/")}


def test_body_links_between_documents_resolve(site: Site) -> None:
    url = "projets/puits-village-thies/"
    body = site.main(url).find("div", class_="pk-body")
    assert ("projets/cantines-conakry/", "la cantine") in links(body, url)
    image = body.find("img")
    assert image.attrs["alt"] == "un puits"
    assert (site.out / resolve(image.attrs["src"], url)).is_file()


# --- listings ----------------------------------------------------------------------------


def expected_listings(corpus: Corpus) -> dict[str, set[str]]:
    cited = corpus.cited()
    expected = {
        "projets/": corpus.members(lambda _s: True),
        "comptes-rendus/": corpus.members(lambda _s: False, lambda _w: True),
        "exemples-inspirants/": {
            f"projets/{s}/" for s, fm in corpus.sheets.items() if fm.get("inspiring") or s in cited
        },
    }
    Doc = dict[str, Any]

    def people_orgs(w: Doc) -> list[str]:
        return [p.get("organisation", "") for p in [*w["authors"], *w.get("reviewers", [])]]

    for code in {c for fm in corpus.sheets.values() for c in fm["countries"]}:

        def in_country(s: Doc, c: str = code) -> bool:
            return c in s["countries"]

        def presents_one(w: Doc, c: str = code) -> bool:
            """A write-up is on the page of its examples' countries (issue 18)."""
            examples = [corpus.sheets[e] for e in w.get("examples", []) if e in corpus.sheets]
            return any(c in e["countries"] for e in examples)

        expected[f"pays/{code.lower()}/"] = corpus.members(in_country, presents_one)
    for theme in corpus.themes:

        def has_theme(d: Doc, t: str = theme) -> bool:
            return t in d["themes"]

        def writeup_has_theme(w: Doc, t: str = theme) -> bool:
            # a write-up also takes the themes of the sheets it presents as examples
            examples = [corpus.sheets[s] for s in w.get("examples", [])]
            return t in w["themes"] or any(t in sheet["themes"] for sheet in examples)

        expected[f"themes/{theme}/"] = corpus.members(has_theme, writeup_has_theme)
    for org in corpus.organisations:

        def sheet_of(s: Doc, o: str = org) -> bool:
            return o == s["lead"] or o in s.get("partners", [])

        def writeup_of(w: Doc, o: str = org) -> bool:
            return o in w.get("organisations", []) or o in people_orgs(w)

        expected[f"organisations/{org}/"] = corpus.members(sheet_of, writeup_of)
    for programme in corpus.programmes:

        def in_programme(d: Doc, p: str = programme) -> bool:
            return d.get("programme") == p

        expected[f"programmes/{programme}/"] = corpus.members(in_programme, in_programme)
    return expected


def test_listing_pages_link_to_exactly_their_members(site: Site) -> None:
    expected = expected_listings(site.corpus)
    # the fixture exercises empty pages as well as full ones
    assert expected["organisations/reseau-muet/"] == set()
    assert expected["themes/theme-vide/"] == set()
    assert len(expected["pays/fr/"]) == 2  # a sheet, and the write-up that presents it
    problems = {}
    for url, members in expected.items():
        found = document_links(site.main(url), url)
        if found != members:
            problems[url] = (sorted(found - members), sorted(members - found))
    assert not problems, "extra, missing: " + repr(problems)


def test_index_pages_link_to_every_listing(site: Site) -> None:
    corpus = site.corpus
    codes = {c.lower() for fm in corpus.sheets.values() for c in fm["countries"]}
    for index, prefix, ids in (
        ("pays/", "pays/", codes),
        ("themes/", "themes/", set(corpus.themes)),
        ("organisations/", "organisations/", set(corpus.organisations)),
        ("programmes/", "programmes/", set(corpus.programmes)),
    ):
        found = {
            t for t, _ in links(site.main(index), index) if re.fullmatch(rf"{prefix}[a-z0-9-]+/", t)
        }
        assert found == {f"{prefix}{i}/" for i in ids}, index
    country_names = {text for _, text in links(site.main("pays/"), "pays/")}
    assert {"Sénégal", "Guinée", "France", "Mali", "Togo"} <= country_names


def test_writeups_listed_newest_first(site: Site) -> None:
    order = [
        t
        for t, _ in links(site.main("comptes-rendus/"), "comptes-rendus/")
        if t.startswith("comptes-rendus/") and t != "comptes-rendus/"
    ]
    newest = sorted(
        site.corpus.writeups, key=lambda s: site.corpus.writeups[s]["date"], reverse=True
    )
    assert order == [f"comptes-rendus/{s}/" for s in newest]


def test_good_practices_shown_once_under_a_theme_of_their_source(site: Site) -> None:
    """Each practice and difficulty once (not once per theme of its write-up), in the
    section of one of its source's themes, linked to its source (more in test_profiles)."""
    corpus = site.corpus
    url = "bonnes-pratiques/"
    main = site.main(url)
    expected: dict[str, tuple[str, set[str]]] = {}
    for slug, fm in corpus.writeups.items():
        for text in [*fm.get("good_practices", []), *fm.get("difficulties", [])]:
            expected[text] = (f"comptes-rendus/{slug}/", set(fm["themes"]))
    found = []
    for section_node in main.find_all("section"):
        label = section_node.find("h2").words.rsplit(" (", 1)[0]
        for li in section_node.find_all("li", class_="pk-gathered__item"):
            text = next(t for t in expected if li.words.startswith(t))
            source, themes = expected[text]
            assert document_links(li, url) == {source}, text
            assert label in {corpus.themes[t]["label"] for t in themes}, text
            found.append(text)
    assert sorted(found) == sorted(expected)


def test_home_page_counts_and_latest(site: Site) -> None:
    main = site.main("")
    words = main.words
    assert f"{len(site.corpus.sheets)} fiches projet" in words
    assert f"{len(site.corpus.writeups)} comptes-rendus" in words
    assert document_links(section(main, "Derniers comptes-rendus"), "") == site.corpus.members(
        lambda _s: False, lambda _w: True
    )


# --- escaping ------------------------------------------------------------------------------


def test_no_raw_html_from_content_reaches_any_page(site: Site) -> None:
    problems = []
    for path in site.html_files():
        text = path.read_text(encoding="utf-8").lower()
        problems += [f"{path.relative_to(site.out)}: {bad}" for bad in FORBIDDEN if bad in text]
    assert not problems, problems


def test_hostile_title_and_summary_are_shown_as_text(site: Site) -> None:
    url = "projets/puits-village-thies/"
    page = site.page(url)
    assert site.main(url).find("h1").words == HOSTILE_TITLE
    summary = site.main(url).find("p", class_="pk-summary")
    assert summary.words == HOSTILE_SUMMARY
    assert not summary.find_all("b")
    assert page.find("title").words == f"{HOSTILE_TITLE} - Savoirs de programme"
    description = [m for m in page.find_all("meta") if m.attrs.get("name") == "description"]
    assert [m.attrs.get("content") for m in description] == [HOSTILE_SUMMARY]
    raw = site.html(url)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; des pompes" in raw
    # every listing card shows the same text
    for listing in ("projets/", "pays/sn/", "exemples-inspirants/"):
        titles = [
            a.words
            for a in site.main(listing).find_all("a")
            if resolve(a.attrs.get("href", ""), listing) == url
        ]
        assert titles == [HOSTILE_TITLE], listing


def test_header_shows_each_page_title(site: Site) -> None:
    """The header is rendered once per folder for pages outside the menu, with each page's
    own title put in (escaped): every page shows its own."""
    checked = set()
    for path in site.html_files():
        page = parse(path.read_text(encoding="utf-8"))
        title = page.find("title").words
        if not title.endswith(" - Savoirs de programme") or "pagefind" in path.parts:
            continue
        topic = _header_topic(page)
        assert topic.words == title.removesuffix(" - Savoirs de programme"), path
        checked.add(path.relative_to(site.out).parts[0])
    assert {"projets", "comptes-rendus", "pays", "themes"} <= checked
    assert _header_topic(site.page("projets/puits-village-thies/")).words == HOSTILE_TITLE


def _header_topic(page: Node) -> Node:
    topics = [
        div for div in page.find_all("div") if div.attrs.get("data-md-component") == "header-topic"
    ]
    assert len(topics) == 1
    return topics[0]


def test_hostile_registry_and_editorial_titles_are_shown_as_text(site: Site) -> None:
    name = site.corpus.organisations["fondation-delta"]["name"]
    url = "organisations/fondation-delta/"
    assert site.main(url).find("h1").words == name
    assert site.page(url).find("title").words == f"{name} - Savoirs de programme"
    title = front_matter(site.root / "content/a-propos.md")["title"]
    assert site.page("a-propos/").find("title").words == f"{title} - Savoirs de programme"
    assert title in site.page("a-propos/").find("header").words


def test_hostile_headings_in_the_table_of_contents(site: Site) -> None:
    toc = site.page("projets/puits-village-thies/").find("nav", class_="md-nav--secondary")
    assert "Résultats <script>alert(7)</script> & suite" in toc.words


def test_sanitised_body_keeps_the_harmless_text(site: Site) -> None:
    body = site.main("projets/puits-village-thies/").find("div", class_="pk-body")
    assert "Texte avant et après." in body.words
    assert "cliquez ici" in body.words
    assert "Un paragraphe piégé." in body.words
    for node in body.iter():
        assert not [k for k in node.attrs if k.startswith("on")], node


# --- licence ---------------------------------------------------------------------------


def test_every_page_carries_its_licence(site: Site) -> None:
    for path in site.html_files():
        rel = path.relative_to(site.out).as_posix()
        page = parse(path.read_text(encoding="utf-8"))
        head = page.find("head")
        body = page.find("body")
        in_head = [n for n in head.find_all("link") if n.attrs.get("rel") == "license"]
        assert len(in_head) == 1 and in_head[0].attrs.get("href"), rel
        visible = [a for a in body.find_all("a") if a.attrs.get("rel") == "license"]
        assert visible and visible[0].words, rel
        expected = (
            CC_BY_URL
            if rel == "comptes-rendus/seminaire-genre-2023/index.html"
            else SITE_LICENCE_URL
        )
        assert in_head[0].attrs["href"] == expected, rel
        assert all(a.attrs["href"] == expected for a in visible), rel


def test_document_with_its_own_licence(site: Site) -> None:
    url = "comptes-rendus/seminaire-genre-2023/"
    notice = section(site.main(url), "Licence et crédits")
    assert (CC_BY_URL, "Creative Commons Attribution 4.0 International") in links(notice, url)
    data = json.loads(site.page(url).find("script", type="application/ld+json").text)
    assert data["license"] == CC_BY_URL
    licence_page = site.main("licence/")
    assert ("comptes-rendus/seminaire-genre-2023/", "Séminaire égalité et travail") in links(
        licence_page, "licence/"
    )


def test_licence_page(site: Site) -> None:
    main = site.main("licence/")
    assert main.find("h1").words == "Licence et réutilisation"
    assert SITE_LICENCE_URL in dict(links(main, "licence/"))
    assert "Comment créditer" in main.words


def test_sheet_notice_names_its_licence(site: Site) -> None:
    url = "projets/cantines-conakry/"
    notice = section(site.main(url), "Licence et crédits")
    assert SITE_LICENCE_URL in dict(links(notice, url))
    assert "Coopérative Kola" in notice.words
    assert "Cette fiche est mise à disposition sous la licence" in notice.words
    writeup = section(site.main("comptes-rendus/atelier-eau-2022/"), "Licence et crédits")
    assert "Ce compte-rendu est mis à disposition sous la licence" in writeup.words


# --- JSON-LD -----------------------------------------------------------------------------


def test_json_ld_parses_on_document_pages(site: Site) -> None:
    corpus = site.corpus
    pages = [(f"projets/{s}/", fm) for s, fm in corpus.sheets.items()]
    pages += [(f"comptes-rendus/{s}/", fm) for s, fm in corpus.writeups.items()]
    for url, fm in pages:
        scripts = site.page(url).find_all("script", type="application/ld+json")
        assert len(scripts) == 1, url
        data = json.loads(scripts[0].text)
        assert data["@context"] == "https://schema.org"
        assert data["name"] == fm["title"]
        assert data["url"] == SITE_URL + url
        assert data["license"].startswith("https://creativecommons.org/")
    writeup = json.loads(
        site.page("comptes-rendus/atelier-eau-2022/")
        .find("script", type="application/ld+json")
        .text
    )
    assert [a["name"] for a in writeup["author"]] == ["Awa Diop", "Jean Martin"]
    assert writeup["datePublished"] == "2022-03-18"


# --- open data, feed, sitemap ----------------------------------------------------------


def test_catalogue_json_is_complete(site: Site) -> None:
    corpus = site.corpus
    data = json.loads((site.out / "data/catalogue.json").read_text(encoding="utf-8"))
    assert {"projects", "writeups", "organisations", "programmes", "themes"} <= set(data)
    for kind, documents, prefix in (
        ("projects", corpus.sheets, "projets/"),
        ("writeups", corpus.writeups, "comptes-rendus/"),
    ):
        records = {r["slug"]: r for r in data[kind]}
        assert set(records) == set(documents), kind
        for slug, fm in documents.items():
            record = records[slug]
            assert record["url"] == f"{prefix}{slug}/"
            assert (site.out / record["url"] / "index.html").is_file()
            assert record["pdf"].startswith(record["url"]) and record["pdf"].endswith(".pdf")
            for key, value in fm.items():
                assert key in record, (slug, key)
                if isinstance(value, str) and key != "licence":
                    assert record[key] == value, (slug, key)
                elif isinstance(value, dt.date):
                    assert record[key] == value.isoformat(), (slug, key)
    assert {o["id"] for o in data["organisations"]} == set(corpus.organisations)
    assert {p["id"] for p in data["programmes"]} == set(corpus.programmes)
    assert [t["id"] for t in data["themes"]] == list(corpus.themes)
    hostile = next(r for r in data["projects"] if r["slug"] == "puits-village-thies")
    assert hostile["title"] == HOSTILE_TITLE
    seminar = next(r for r in data["writeups"] if r["slug"] == "seminaire-genre-2023")
    assert seminar["licence"] == "CC-BY-4.0"


def test_csv_has_one_row_per_sheet(site: Site) -> None:
    text = (site.out / "data/fiches-projet.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert {r["slug"] for r in rows} == set(site.corpus.sheets)
    by_slug = {r["slug"]: r for r in rows}
    for slug, fm in site.corpus.sheets.items():
        row = by_slug[slug]
        assert row["title"] == fm["title"]
        assert row["url"] == f"projets/{slug}/"
        assert row["status"] == fm["status"]
        assert row["countries"].split("; ") == fm["countries"]


def test_feed_lists_the_writeups(site: Site) -> None:
    feed = ET.parse(site.out / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert sorted(t or "" for t in titles) == sorted(
        fm["title"] for fm in site.corpus.writeups.values()
    )
    entry_links = {
        link.get("href") for e in feed.findall("a:entry", ns) for link in e.findall("a:link", ns)
    }
    for slug in site.corpus.writeups:
        assert f"{SITE_URL}comptes-rendus/{slug}/" in entry_links


def test_sitemap_lists_every_page(site: Site) -> None:
    sitemap = ET.parse(site.out / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {loc.text for loc in sitemap.findall("s:url/s:loc", ns)}
    pages = {
        SITE_URL + (p.parent.relative_to(site.out).as_posix() + "/").lstrip("./")
        for p in site.out.rglob("index.html")
    }
    pages = {SITE_URL if p == SITE_URL + "/" else p for p in pages}
    assert locs == pages


# --- self-contained ------------------------------------------------------------------------


def test_no_request_to_outside_hosts(site: Site) -> None:
    problems = []
    for path in site.html_files():
        rel = path.relative_to(site.out).as_posix()
        text = path.read_text(encoding="utf-8")
        if "fonts.googleapis" in text or "fonts.gstatic" in text:
            problems.append(f"{rel}: Google Fonts")
        page = parse(text)
        fetched = [n.attrs.get("src", "") for n in page.find_all("script")]
        fetched += [
            n.attrs.get("href", "")
            for n in page.find_all("link")
            if n.attrs.get("rel") not in ("license", "canonical", "alternate")
        ]
        fetched += [n.attrs.get("src", "") for n in page.find_all("img")]
        fetched += [n.attrs.get("src", "") for n in page.find_all("iframe")]
        problems += [
            f"{rel}: {url}" for url in fetched if re.match(r"(https?:)?//", url.strip(), re.I)
        ]
    for path in site.out.rglob("*.css"):
        if "fonts.googleapis" in path.read_text(encoding="utf-8", errors="replace"):
            problems.append(f"{path}: Google Fonts")
    assert not problems, problems


def test_french_interface(site: Site) -> None:
    for path in site.html_files():
        assert parse(path.read_text(encoding="utf-8")).find("html").attrs.get("lang") == "fr"


# --- reproducible, atomic ----------------------------------------------------------------


@pytest.fixture(scope="module")
def second_build(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    again = tmp_path_factory.mktemp("again") / "out"
    result = build(site.root, again)
    assert result.returncode == 0, result.stderr
    return again


def test_same_input_same_output(site: Site, second_build: Path) -> None:
    """Byte for byte, the search index included (Pagefind's files are normalised)."""
    files = tree(site.out)
    assert any(name.startswith("pagefind/filter/") for name in files)
    assert tree(second_build) == files


def test_failed_build_leaves_the_site_untouched(site: Site, tmp_path: Path) -> None:
    root = make_root(tmp_path / "broken")
    sheet = root / "projects/cantines-conakry.md"
    text = sheet.read_text(encoding="utf-8")
    text = text.replace("status: ongoing", "status: finished").replace("places:", "placse:")
    sheet.write_text(text, encoding="utf-8")
    out = tmp_path / "published"
    shutil.copytree(site.out, out)
    before = tree(out)
    stamp = {p: p.stat().st_mtime_ns for p in out.rglob("*")}

    result = build(root, out)

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("projects/")]
    assert len(lines) == 2, result.stderr
    for line in lines:
        assert re.fullmatch(r"projects/cantines-conakry\.md:\d+: [a-z_\[\]0-9.]+: .+", line), line
    assert any(": status: " in line and "completed" in line for line in lines)
    assert any(": placse: " in line and "places" in line for line in lines)
    assert tree(out) == before
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "published"]


def test_mkdocs_build_directly(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "mkdocs-out"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=site.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert tree(out) == tree(site.out)


def test_body_image_without_alt_text_builds(tmp_path: Path) -> None:
    root = make_root(tmp_path / "repo")
    sheet = root / "projects/cooperative-lome.md"
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace(
            "Un an de travail.", "Un an de travail.\n\n![](images/puits.png)\n"
        ),
        encoding="utf-8",
    )
    assert run_cli("check", "--root", str(root), cwd=root).returncode == 0
    result = build(root, tmp_path / "out")
    assert result.returncode == 0, result.stderr


def test_feed_discovery_only_where_readers_subscribe(site: Site) -> None:
    """Material fetches sitemap.xml for every link rel=alternate: not on every page."""
    feed_link = 'rel="alternate" type="application/atom+xml"'
    assert feed_link in (site.out / "index.html").read_text(encoding="utf-8")
    assert feed_link in (site.out / "comptes-rendus" / "index.html").read_text(encoding="utf-8")
    sheets = [p for p in (site.out / "projets").glob("*/index.html")]
    assert sheets
    for page in sheets:
        assert 'rel="alternate"' not in page.read_text(encoding="utf-8"), page


# --- ids: generated sections, body headings and the theme never share one ----------------


def test_every_id_on_every_page_is_unique_and_every_reference_finds_it(site: Site) -> None:
    for file in site.html_files():
        page = parse(file.read_text(encoding="utf-8"))
        ids = [node.attrs["id"] for node in page.iter() if "id" in node.attrs]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        assert not repeated, f"{file.relative_to(site.out)}: ids used twice: {repeated}"
        for node in page.iter():
            for ref in node.attrs.get("aria-labelledby", "").split():
                assert ref in ids, f"{file.relative_to(site.out)}: aria-labelledby={ref}"
            href = node.attrs.get("href", "") if node.tag == "a" else ""
            if href.startswith("#") and len(href) > 1:
                assert href[1:] in ids, f"{file.relative_to(site.out)}: link to {href}"


def test_body_headings_named_like_generated_sections_keep_their_own_contents_entry(
    site: Site,
) -> None:
    """The write-up's body has « Bonnes pratiques », « Bibliographie » and ``{#titre}``."""
    page = site.page("comptes-rendus/atelier-eau-2022/")
    by_id = {node.attrs["id"]: node for node in page.iter() if "id" in node.attrs}
    # the body has « Bonnes pratiques »: the generated section takes its second wording
    assert by_id["bonnes-pratiques"].words == "Bonnes pratiques retenues"
    assert by_id["bonnes-pratiques"].parent is not None
    body = page.find("div", class_="pk-body")
    body_headings = {h.words: h.attrs["id"] for h in body.iter() if h.tag in ("h2", "h3")}
    assert body_headings["Bonnes pratiques"] != "bonnes-pratiques"
    assert body_headings["Bibliographie"] != "bibliographie"
    assert body_headings["Un titre choisi"] != "titre"
    assert by_id["titre"].tag == "h1"
    assert not [n for n in body.iter() if n.attrs.get("id", "").startswith("__")]
    toc = page.find("nav", class_="md-nav--secondary")
    entries = {a.words: a.attrs["href"] for a in toc.find_all("a")}
    assert entries["Bonnes pratiques"] == "#" + body_headings["Bonnes pratiques"]
    assert entries["Bonnes pratiques retenues"] == "#bonnes-pratiques"
    assert entries["Un titre choisi"] == "#" + body_headings["Un titre choisi"]


def test_home_says_what_the_site_is_and_leads_everywhere(site: Site) -> None:
    """Issue 18, item 1: a sentence of what the site is as the heading (the site's name is
    the header's, once), counts that agree, entry points with their counts, the guide."""
    lines = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    config = yaml.safe_load("\n".join(ln for ln in lines if ln.startswith("site_")))
    page, main = site.page(""), site.main("")
    assert main.find("h1").words == config["site_description"]
    visible = [n for n in page.find_all("span", class_="md-ellipsis")]
    assert [n.words for n in visible].count(config["site_name"]) == 1
    assert page.find("title").words == config["site_name"]
    words = main.words
    assert f"{len(site.corpus.writeups)} comptes-rendus" in words
    by_country = section(main, "Par pays")
    for target, text in links(by_country, ""):
        if target.startswith("pays/") and target != "pays/":
            code = target.split("/")[1].upper()
            item = next(li for li in by_country.find_all("li") if text in li.words)
            expected = sum(1 for s in site.corpus.sheets.values() if code in s["countries"])
            assert item.words == f"{COUNTRY_NAMES[code]} {expected}", item.words
    menu = page.find("nav", class_="md-nav--primary")
    assert {"a-propos/", "listes/", "licence/"} <= {t for t, _ in links(menu, "")}
    # the fixture has no guide (content/contribuer.md): no link leads to a missing page
    assert not (site.root / "content" / "contribuer.md").exists()
    assert "contribuer/" not in {t for t, _ in links(page, "")}


def test_the_404_page_is_french_with_search_and_works_at_any_depth(site: Site) -> None:
    """Issue 18, item 9: links relative to a <base> naming the root of site_url, so that
    the page a host answers at /savoirs/a/b/c finds its styles, search and home."""
    raw = (site.out / "404.html").read_text(encoding="utf-8")
    page = parse(raw)
    assert page.find("html").attrs["lang"] == "fr"
    assert page.find("h1").words == "Page introuvable"
    form = page.find("form", role="search")
    assert form.attrs["action"] == "recherche/" and form.find("input").attrs["name"] == "q"
    (base,) = page.find_all("base")
    assert base.attrs["href"] == urlsplit(SITE_URL).path
    targets = [
        n.attrs.get("href") or n.attrs.get("src") or ""
        for n in page.iter()
        if n.tag in ("link", "script", "a")
    ]
    local = [t for t in targets if t and not urlsplit(t).scheme and not t.startswith("#")]
    assert local and not [t for t in local if t.startswith("/")]
    for target in local:
        path = site.out / urlsplit(target).path
        assert path.is_file() or (path / "index.html").is_file(), target


def _meta(page: Node) -> dict[str, str]:
    return {
        m.attrs.get("property") or m.attrs.get("name", ""): m.attrs.get("content", "")
        for m in page.find_all("meta")
    }


def test_link_previews_on_every_page_with_the_sheets_image(site: Site) -> None:
    """Issue 18, item 9: OpenGraph and Twitter card metadata (title, description, image)."""
    url = "projets/cantines-conakry/"
    sheet = site.corpus.sheets["cantines-conakry"]
    meta = _meta(site.page(url))
    assert meta["og:title"] == meta["twitter:title"] == site.main(url).find("h1").words
    assert " ".join(meta["og:description"].split()) == " ".join(sheet["summary"].split())
    assert meta["og:url"] == SITE_URL + url and meta["og:type"] == "article"
    assert meta["og:locale"] == "fr_FR"
    image = meta["og:image"]
    assert image.startswith(SITE_URL + "medias/") and image.endswith(
        Path(sheet["image"]["src"]).name
    )
    assert (site.out / image[len(SITE_URL) :]).is_file()
    assert meta["og:image:alt"] == sheet["image"]["alt"]
    assert meta["twitter:card"] == "summary_large_image"
    for path in site.html_files():
        if path.name == "404.html":
            continue
        found = _meta(parse(path.read_text(encoding="utf-8")))
        relative_url = path.relative_to(site.out).parent.as_posix()
        assert found.get("og:title"), relative_url
        assert found.get("twitter:card") in ("summary", "summary_large_image"), relative_url
    assert _meta(site.page(""))["og:title"] == "Savoirs de programme"
