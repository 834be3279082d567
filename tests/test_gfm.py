"""Bodies render as the preview of GitHub (and GitLab) shows them, in pages and in PDFs.

Each habit of editors who write in a Git host's web editor is a sheet of a copy of the
example content; the site is planned as a build plans it, and the structure of each body is
read back from its page and from its print HTML (what WeasyPrint turns into the PDF). Where
``cmarkgfm`` (GitHub's own renderer, cmark-gfm; a development dependency) is installed, each
snippet, and random texts made of what editors type, must give the same structure as it.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
import tinyhtml5
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.catalogue import Catalogue
from generator.loader import load_catalogue
from generator.render.gfm import EXTENSIONS, with_gfm
from generator.render.markdown_body import BodyRenderer
from generator.render.sanitise import sanitise
from generator.render.site_plan import plan_site
from generator.reports import build_reports
from generator.reports.build import _Composer
from generator.settings import load_settings

from .conftest import ROOT
from .helpers import example_site, run_cli
from .optional_tools import need_program

TEMPLATE = "projects/exemple-jardins-nantes-porto-novo.md"

HABITS: dict[str, str] = {
    "liste-apres-phrase": "Voici les étapes :\n- semer\n- arroser\n",
    "liste-imbriquee-deux-espaces": "- légumes\n  - tomates\n  - oignons\n- fruits\n",
    "numero-de-depart": "3. troisième étape\n4. quatrième étape\n",
    "numero-parenthese": "1) d'abord\n2) ensuite\n",
    "adresses-nues": "Voir https://example.org/jardins et www.example.org, ou contact@example.org.",
    "barre": "C'est ~~barré~~ et ~aussi~.",
    "taches": "- [ ] semer\n- [x] arroser\n",
    "second-paragraphe": "- premier point\n\n  second paragraphe du point\n- autre point\n",
    "hashtag": "#jardins partagés en ville\n\nLa suite.\n",
    "code-dans-liste": "- étape\n\n  ```\n  make site\n  ```\n- fin\n",
    "retour-a-la-ligne": "une ligne\\\nla suivante\n",
    "titre-souligne": "Un titre\nsur deux lignes\n---\n\nTexte.\n",
    "tableau-apres-phrase": "Le bilan :\n| an | récolte |\n|---|---|\n| 2025 | 40 kg |\n",
    "citation-puis-liste": "> Une citation\n2. puis une liste\n",
    "alerte": "> [!WARNING]\n> Le puits est profond.\n",
    "emoji": "Bravo :tada: à 10:30:45 !\n",
}
LATER_IN_GITHUB = {"alerte", "emoji"}
"""Done by GitHub after cmark-gfm (its alerts and emoji filters): not compared with it."""

FRONT_MATTER_END = "\n---\n"


@dataclass
class Rendered:
    page: etree.Element
    """The body as the page shows it (``div.pk-body``)."""
    printed: etree.Element
    """The body as the PDF's HTML holds it."""


def _body(html: str) -> etree.Element:
    tree = tinyhtml5.parse(html, namespace_html_elements=False)
    found = tree.find(".//div[@class='pk-body']")
    assert found is not None
    return found


@dataclass
class Site:
    root: Path
    catalogue: Catalogue
    bodies: dict[str, str]
    assets: dict[str, Path]
    rendered: dict[str, Rendered]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("gfm")
    example_site(root)
    template = (ROOT / TEMPLATE).read_text(encoding="utf-8")
    front = template[: template.index(FRONT_MATTER_END, 4) + len(FRONT_MATTER_END)]
    for slug, body in HABITS.items():
        text = re.sub(r'^title: ".*"$', f'title: "Habitude : {slug}"', front, flags=re.M)
        (root / "projects" / f"gfm-{slug}.md").write_text(f"{text}\n{body}", encoding="utf-8")
    result = load_catalogue(load_settings(root))
    assert result.catalogue is not None, [d.as_text() for d in result.errors]
    catalogue = result.catalogue
    plan = plan_site(catalogue, body_workers=1)
    pages = {spec.url: spec.html for spec in plan.pages.values()}
    bodies = {url: body.html for url, body in plan.rendered.items()}
    assets = {k: v for body in plan.rendered.values() for k, v in body.assets.items()}
    composer = _Composer(catalogue, bodies, assets, root / "theme")
    out = {}
    for slug in HABITS:
        doc = catalogue.projects[f"gfm-{slug}"]
        out[slug] = Rendered(_body(pages[doc.url]), _body(composer.document(doc).html))
    return Site(root, catalogue, bodies, assets, out)


@pytest.fixture(scope="module")
def rendered(site: Site) -> dict[str, Rendered]:
    return site.rendered


def both(rendered: dict[str, Rendered], slug: str) -> Iterator[etree.Element]:
    yield rendered[slug].page
    yield rendered[slug].printed


def text(element: etree.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def children(element: etree.Element, tag: str) -> list[etree.Element]:
    return [child for child in element if child.tag == tag]


def test_a_list_right_after_a_sentence_is_a_list(rendered: dict[str, Rendered]) -> None:
    for body in both(rendered, "liste-apres-phrase"):
        paragraph, listing = body.find("p"), body.find("ul")
        assert paragraph is not None and text(paragraph) == "Voici les étapes :"
        assert listing is not None
        assert [text(li) for li in children(listing, "li")] == ["semer", "arroser"]


def test_a_list_nested_by_two_spaces_is_nested(rendered: dict[str, Rendered]) -> None:
    for body in both(rendered, "liste-imbriquee-deux-espaces"):
        outer = body.find("ul")
        assert outer is not None
        items = children(outer, "li")
        assert len(items) == 2
        inner = items[0].find("ul")
        assert inner is not None
        assert [text(li) for li in children(inner, "li")] == ["tomates", "oignons"]
        assert text(items[1]) == "fruits"


def test_an_ordered_list_keeps_its_first_number(rendered: dict[str, Rendered]) -> None:
    for body in both(rendered, "numero-de-depart"):
        listing = body.find("ol")
        assert listing is not None and listing.get("start") == "3"
        assert len(children(listing, "li")) == 2
    for body in both(rendered, "numero-parenthese"):
        listing = body.find("ol")
        assert listing is not None and listing.get("start") is None
        assert [text(li) for li in children(listing, "li")] == ["d'abord", "ensuite"]


def test_bare_addresses_are_links(rendered: dict[str, Rendered]) -> None:
    for body in both(rendered, "adresses-nues"):
        links = {text(a): a.get("href") for a in body.iter("a")}
        assert links == {
            "https://example.org/jardins": "https://example.org/jardins",
            "www.example.org": "http://www.example.org",
            "contact@example.org": "mailto:contact@example.org",
        }


def test_struck_text_is_struck(rendered: dict[str, Rendered]) -> None:
    for body in both(rendered, "barre"):
        assert [text(d) for d in body.iter("del")] == ["barré", "aussi"]
        assert "~" not in text(body)


def test_task_lists_have_boxes_ticked_or_not(rendered: dict[str, Rendered]) -> None:
    page = rendered["taches"].page
    boxes = list(page.iter("input"))
    assert [(b.get("type"), b.get("disabled"), b.get("checked")) for b in boxes] == [
        ("checkbox", "", None),
        ("checkbox", "", ""),
    ]
    assert [text(li) for li in page.iter("li")] == ["semer", "arroser"]
    printed = rendered["taches"].printed
    assert not list(printed.iter("input"))
    assert [text(li) for li in printed.iter("li")] == ["☐ semer", "☑ arroser"]


def test_a_second_paragraph_indented_by_two_spaces_stays_in_its_item(
    rendered: dict[str, Rendered],
) -> None:
    for body in both(rendered, "second-paragraphe"):
        listing = body.find("ul")
        assert listing is not None
        items = children(listing, "li")
        assert len(items) == 2
        assert [text(p) for p in children(items[0], "p")] == [
            "premier point",
            "second paragraphe du point",
        ]


def test_a_hashtag_is_not_a_title(rendered: dict[str, Rendered]) -> None:
    for body in both(rendered, "hashtag"):
        assert not [e for e in body.iter() if re.fullmatch(r"h[1-6]", str(e.tag))]
        assert [text(p) for p in body.iter("p")] == ["#jardins partagés en ville", "La suite."]


def test_fenced_code_inside_an_item_and_other_habits(rendered: dict[str, Rendered]) -> None:
    for body in both(rendered, "code-dans-liste"):
        listing = body.find("ul")
        assert listing is not None
        first = children(listing, "li")[0]
        code = first.find(".//pre/code")
        assert code is not None and text(code) == "make site"
    for body in both(rendered, "retour-a-la-ligne"):
        paragraph = body.find("p")
        assert paragraph is not None and paragraph.find("br") is not None
        assert "\\" not in text(paragraph)
    for body in both(rendered, "titre-souligne"):
        heading = body.find("h2")
        assert heading is not None and text(heading) == "Un titre sur deux lignes"
    for body in both(rendered, "tableau-apres-phrase"):
        assert body.find("p") is not None and body.find("table") is not None
        assert [text(td) for td in body.iter("td")] == ["2025", "40 kg"]
    for body in both(rendered, "citation-puis-liste"):
        quote, listing = body.find("blockquote"), body.find("ol")
        assert quote is not None and text(quote) == "Une citation"
        assert listing is not None and listing.get("start") == "2"


def test_alerts_are_boxes_and_emoji_names_their_characters(
    rendered: dict[str, Rendered],
) -> None:
    for body in both(rendered, "alerte"):
        box = body.find("div")
        assert box is not None and box.get("class") == "admonition warning"
        assert [text(p) for p in children(box, "p")] == ["Attention", "Le puits est profond."]
        assert body.find("blockquote") is None and "[!" not in text(body)
    for body in both(rendered, "emoji"):
        assert text(body) == "Bravo 🎉 à 10:30:45 !"


@pytest.mark.slow
def test_the_pdfs_show_the_same(site: Site) -> None:
    """The real PDFs (WeasyPrint), read back as text: boxes on their items' lines, the
    nesting's bullets, struck text, the link, the alert's title."""
    need_program("pdftotext", "poppler-utils", "the PDFs' text cannot be read")
    files = build_reports(
        site.catalogue, site.bodies, site.assets, site.root / "theme", site.root / "cache"
    ).files

    def pdf_text(slug: str) -> str:
        report = files[site.catalogue.projects[f"gfm-{slug}"].url]
        out = subprocess.run(
            ["pdftotext", "-layout", str(report.source), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return re.sub(r"[ \u00a0\u202f]+", " ", out)

    tasks = pdf_text("taches")
    assert re.search(r"☐ semer\s*\n\s*☑ arroser", tasks), tasks
    nested = pdf_text("liste-imbriquee-deux-espaces")
    assert re.search(r"• légumes\s*\n\s*◦ tomates\s*\n\s*◦ oignons\s*\n\s*• fruits", nested)
    assert "3. troisième étape" in pdf_text("numero-de-depart")
    assert "barré" in pdf_text("barre") and "~" not in pdf_text("barre")
    assert "Attention\n" in pdf_text("alerte").replace(" \n", "\n")


def test_titles_keep_their_ids_and_the_contents(tmp_path: Path) -> None:
    renderer = BodyRenderer(tmp_path)
    body = (
        "## Contexte\n- a\n  - b\n\n#hashtag\n\n## Bonnes pratiques\n\n"
        "Un titre\nsouligné\n---\n  ## Décalé\n"
    )
    result = renderer.render(body, tmp_path / "x.md", "projets/x/")
    ids = ["contexte", "bonnes-pratiques_1", "un-titre-souligne", "decale"]
    assert re.findall(r'<h2 id="([^"]*)"', result.html) == ids
    assert [t["id"] for t in result.toc_tokens] == ids


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    renderer = BodyRenderer(tmp_path)
    text_ = "\n\n".join(HABITS.values())
    first = renderer.render(text_, tmp_path / "x.md", "projets/x/").html
    assert BodyRenderer(tmp_path).render(text_, tmp_path / "x.md", "projets/x/").html == first


def test_links_stay_safe(tmp_path: Path) -> None:
    renderer = BodyRenderer(tmp_path)
    body = (
        "javascript:alert(1) et [x](javascript:alert(1)) et <a href='javascript:x'>y</a>\n\n"
        '<input type="text" value="x" onclick="alert(1)"> <del onmouseover="x">d</del>\n'
    )
    html = renderer.render(body, tmp_path / "x.md", "projets/x/").html
    assert "javascript" not in html.replace("javascript:alert(1) et", "")
    assert "onclick" not in html and "onmouseover" not in html and 'value="x"' not in html
    assert re.findall(r"<input[^>]*>", html) == ['<input type="checkbox" disabled>']
    assert "<del>d</del>" in html
    assert sanitise('<input checked="checked" type="radio" name="n">') == (
        '<input type="checkbox" checked disabled>'
    )


# --- the same structure as GitHub's own renderer -------------------------------------------


class _Shape(HTMLParser):
    """Tags (with ``start`` and ``href``) and words: what the structure tests compare."""

    KEEP = ("start", "href")

    def __init__(self) -> None:
        super().__init__()
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            ticked = any(k == "checked" for k, _v in attrs)
            self.out.append(f"[{'x' if ticked else ' '}]")
            return
        kept = [f'{k}="{unquote(v or "")}"' for k, v in sorted(attrs) if k in self.KEEP]
        kept_attrs = " ".join(kept)
        self.out.append(f"<{tag}{' ' + kept_attrs if kept_attrs else ''}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br /> as <br>

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.extend(data.split())


def shape(html: str) -> str:
    parser = _Shape()
    parser.feed(html)
    shown = " ".join(parser.out)
    # GitHub puts a loose item's box before its <p>, pymdownx.tasklist inside: same look
    shown = re.sub(r"<p> (\[[ x]\])", r"\1 <p>", shown)
    return re.sub(r"<li> <p> (\[[ x]\])", r"<li> \1 <p>", shown)


def github(text_: str) -> str:
    cmarkgfm = pytest.importorskip("cmarkgfm", reason="cmarkgfm (GitHub's renderer) is absent")
    html: str = cmarkgfm.github_flavored_markdown_to_html(text_)
    return html


def ours(text_: str, root: Path) -> str:
    return BodyRenderer(root).render(text_, root / "x.md", "projets/x/").html


@pytest.mark.parametrize("slug", sorted(set(HABITS) - LATER_IN_GITHUB))
def test_each_habit_renders_as_github_renders_it(slug: str, tmp_path: Path) -> None:
    assert shape(ours(HABITS[slug], tmp_path)) == shape(github(HABITS[slug]))


_WORD = st.sampled_from(
    ["mot", "texte long", "**gras**", "un `code`", "https://example.org/a", "~~barré~~", "_it_"]
)
_START = st.sampled_from(["- ", "* ", "1. ", "2. ", "3) ", "", "", "> ", "- [ ] ", "## "])
_LINE = st.one_of(
    st.just(""),
    st.builds(lambda i, s, w: " " * i + s + w, st.sampled_from([0, 0, 2, 2, 3, 4]), _START, _WORD),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=8))
def test_what_editors_type_renders_as_github_renders_it(lines: list[str]) -> None:
    text_ = "\n".join(lines)
    assert shape(ours(text_, ROOT)) == shape(github(text_)), text_


# --- what remains different: check warns at its line ----------------------------------------

REMAINING = (
    "Intro.\n\n"
    '<div align="center">\n\n**Bilan**\n\n</div>\n\n'  # body lines 3 to 7
    "```mermaid\ngraph TD; A-->B\n```\n\n"  # line 9
    "Le ratio $\\frac{1}{2}$ et `$\\frac{a}{b}$` en code.\n\n"  # line 13
    "[[_TOC_]]\n\n"  # line 15
    "```\n<div>\n\n*dans du code*\n\n</div>\n[[_TOC_]]\n```\n"  # code: nothing
)


def test_check_warns_where_the_preview_and_the_site_differ(example_repo: Path) -> None:
    sheet = example_repo / TEMPLATE
    text_ = sheet.read_text(encoding="utf-8")
    body_line = text_[: text_.index(FRONT_MATTER_END, 4) + len(FRONT_MATTER_END)].count("\n") + 1
    sheet.write_text(text_[: text_.index(FRONT_MATTER_END, 4) + 5] + REMAINING, encoding="utf-8")
    french = run_cli("check", "--root", str(example_repo), env={"PK_LANG": ""})
    assert french.returncode == 0, french.stdout + french.stderr
    found = re.findall(
        rf"^{re.escape(TEMPLATE)}:(\d+): avertissement : .*\[([a-z-]+)\]$", french.stdout, re.M
    )
    assert found == [
        (str(body_line + 2), "markdown-dans-html"),
        (str(body_line + 8), "diagramme-non-affiche"),
        (str(body_line + 12), "formule-non-affichee"),
        (str(body_line + 14), "sommaire-gitlab"),
    ], french.stdout
    assert "du Markdown dans un bloc HTML <div>" in french.stdout
    english = run_cli("check", "--root", str(example_repo), "--lang", "en")
    assert "GitHub's preview draws it, the site shows it as code" in english.stdout


def test_one_configuration_whatever_mkdocs_yml_lists() -> None:
    """MkDocs' own extensions and a site's come first; GitHub's replace those that would
    fight them, and adding them twice (each rebuild of ``serve``) changes nothing."""
    names, configs = with_gfm(
        ["toc", "tables", "fenced_code", "markdown.extensions.sane_lists", "admonition"],
        {"toc": {"permalink": False}, "pymdownx.tilde": {"subscript": True}},
    )
    assert names == ["toc", "admonition", *EXTENSIONS]
    assert configs["toc"] == {"permalink": False}
    assert configs["pymdownx.tilde"] == {"delete": True, "subscript": False}
    assert with_gfm(names, configs) == (names, configs)
