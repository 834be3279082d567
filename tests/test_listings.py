"""Listings that help choose (issue 18, items 2, 8 and 10): filters, sort and count in a real
browser, the pager above and below, no « 0 » entries, card thumbnails with their text, the
downloads page (reports first), and bad images told by ``check``.

Expectations come from the corpus' own front matter (read with python-frontmatter), not from
the generator's indexes.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import frontmatter
import pytest

from generator import urls
from generator.demo import generate_corpus
from generator.loader import load_catalogue
from generator.render.listing_filters import filter_data
from generator.render.page_specs import PdfLink
from generator.render.pdf_pages import page_count
from generator.render.site_plan import plan_site
from generator.render.thumbnails import thumbnail
from generator.settings import Options, load_settings

from .helpers import errors, png_header, set_field
from .search_support import build_site, launch_browser, serve

PAGE_SIZE = 10


def _jpeg(path: Path, size: tuple[int, int] = (1200, 800)) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (30, 120, 60)).save(path, "JPEG", quality=80)


def _sheets(root: Path) -> dict[str, dict[str, Any]]:
    return {
        path.stem: dict(frontmatter.load(path).metadata)
        for path in sorted((root / "projects").glob("*.md"))
    }


def _with_images(root: Path, count: int) -> list[str]:
    """Give the first ``count`` sheets (by file name) a JPEG; their slugs."""
    slugs = sorted(_sheets(root))[:count]
    for slug in slugs:
        _jpeg(root / "projects" / "images" / f"{slug}.jpg")
        set_field(
            root,
            f"projects/{slug}.md",
            "image",
            f'image:\n  src: images/{slug}.jpg\n  alt: "Photo du projet {slug}"',
        )
    return slugs


def _corpus(root: Path, projects: int = 40, writeups: int = 6) -> Path:
    generate_corpus(root, projects, writeups, seed=3)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      projects_dir: projects\n",
            f"      projects_dir: projects\n      listing_page_size: {PAGE_SIZE}\n",
        ),
        encoding="utf-8",
    )
    return root


# --------------------------------------------------------------------------- the plan


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    root = _corpus(tmp_path_factory.mktemp("listings") / "repo")
    _with_images(root, 3)
    result = load_catalogue(load_settings(root))
    assert result.catalogue is not None, result.diagnostics
    result.catalogue.settings.options = Options(listing_page_size=PAGE_SIZE)
    return root, result.catalogue


def test_filter_data_offers_only_values_with_cards_and_counts_them(
    planned: tuple[Path, Any],
) -> None:
    root, catalogue = planned
    sheets = _sheets(root)
    documents = [catalogue.projects[s] for s in sorted(sheets)]
    data = filter_data(catalogue, documents, PAGE_SIZE, "titre", {})
    assert data["total"] == len(sheets)
    facets = {f["id"]: f for f in data["facets"]}
    countries = {c for meta in sheets.values() for c in meta["countries"]}
    assert {v[0] for v in facets["pays"]["values"]} == countries
    for code, _name, count in facets["pays"]["values"]:
        assert count == sum(code in m["countries"] for m in sheets.values()) > 0
    for column in data["cards"].values():
        assert len(column) == len(sheets)
    # the two orders are permutations of the cards
    for order in data["sorts"].values():
        assert order is None or sorted(order) == list(range(len(sheets)))


def test_filter_file_of_every_listing_is_published(planned: tuple[Path, Any]) -> None:
    _root, catalogue = planned
    plan = plan_site(catalogue)
    for listing in ("projets/", "comptes-rendus/", "exemples-inspirants/"):
        source = plan.assets[f"{listing}filtres.json"]
        data = json.loads(source.read_bytes())
        assert data["v"] == 1 and data["size"] == PAGE_SIZE
        html = plan.pages[f"{listing}index.md"].html
        assert 'data-filtres="filtres.json"' in html and "assets/listing.js" in html
    assert any(a.startswith("pays/") and a.endswith("/filtres.json") for a in plan.assets)
    assert any(a.startswith("themes/") and a.endswith("/filtres.json") for a in plan.assets)


def test_indexes_show_no_zero_entries(planned: tuple[Path, Any]) -> None:
    _root, catalogue = planned
    plan = plan_site(catalogue)
    for index in ("pays/index.md", "themes/index.md"):
        html = plan.pages[index].html
        assert not re.search(r'pk-count">0\b', html), index
        assert "0 fiche" not in html.replace("10 fiche", "")


def test_cards_carry_a_webp_thumbnail_with_its_text_or_a_placeholder(
    planned: tuple[Path, Any],
) -> None:
    root, catalogue = planned
    with_image = sorted(_sheets(root))[:3]
    plan = plan_site(catalogue)
    thumbs = [a for a in plan.assets if a.startswith("medias/vignettes/")]
    assert len(thumbs) == 3 and all(t.endswith(".webp") for t in thumbs)
    html = "".join(p.html for u, p in plan.pages.items() if u.startswith("projets/"))
    for slug in with_image:
        assert re.search(rf'src="[./]*medias/vignettes/{slug}-[0-9a-f]+\.webp" alt="Photo du', html)
    assert "pk-card__image--none" in html
    # places and years on the cards
    assert 'class="pk-card__countries"' in html and 'class="pk-card__years"' in html


def test_thumbnails_are_made_once_and_identical(tmp_path: Path) -> None:
    from PIL import Image

    image = tmp_path / "photo.jpg"
    _jpeg(image, (2000, 1000))
    first = thumbnail(image, "x", tmp_path / "cache")
    assert first is not None
    data = first.source.read_bytes()
    with Image.open(first.source) as made:
        assert made.size == (320, 180)
    first.source.touch()
    mtime = first.source.stat().st_mtime_ns
    again = thumbnail(image, "x", tmp_path / "cache")
    assert again == first and again.source.stat().st_mtime_ns == mtime  # not made again
    again.source.unlink()
    remade = thumbnail(image, "x", tmp_path / "cache")
    assert remade is not None and remade.source.read_bytes() == data  # byte for byte


def test_an_unreadable_image_gives_no_thumbnail_and_no_crash(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not an image at all")
    assert thumbnail(broken, "x", tmp_path / "cache") is None
    huge = tmp_path / "huge.png"
    huge.write_bytes(png_header(9000, 6000))
    assert thumbnail(huge, "x", tmp_path / "cache") is None


@pytest.mark.parametrize(
    ("content", "said"),
    [
        pytest.param(
            png_header(9000, 6000), "9000 × 6000 pixels (54 megapixels): at most 40", id="huge"
        ),
        pytest.param(b"PK\x03\x04 a word file", "cannot be read as an image", id="broken"),
    ],
)
def test_check_names_the_file_and_field_of_a_bad_image(
    example_repo: Path, content: bytes, said: str
) -> None:
    sheet = "projects/femmes-poisson-seche-senegal.md"
    (example_repo / "projects" / "images").mkdir(exist_ok=True)
    (example_repo / "projects" / "images" / "photo.png").write_bytes(content)
    set_field(example_repo, sheet, "image", 'image:\n  src: images/photo.png\n  alt: "Une photo"')
    found = [d for d in errors(example_repo) if "photo.png" in d.message]
    assert len(found) == 1, [d.as_text() for d in errors(example_repo)]
    assert found[0].path == sheet and found[0].field == "image.src"
    assert said in found[0].message


def test_downloads_page_puts_programme_reports_first(planned: tuple[Path, Any]) -> None:
    _root, catalogue = planned
    programme = sorted(catalogue.programmes)[0]
    sheet = sorted(catalogue.projects)[0]
    pdfs = {
        f"projets/{sheet}/": PdfLink(f"projets/{sheet}/fiche.pdf", "30 Ko", "Fiche projet", "T"),
        f"programmes/{programme}/#tome-1": PdfLink(
            "telechargements/r-1.pdf",
            "1,2 Mo",
            "Rapport de programme",
            "R, tome 1 sur 2",
            "",
            pages=80,
        ),
        f"programmes/{programme}/#tome-2": PdfLink(
            "telechargements/r-2.pdf",
            "1,1 Mo",
            "Rapport de programme",
            "R, tome 2 sur 2",
            "",
            pages=75,
        ),
    }
    html = plan_site(catalogue, pdfs=pdfs).pages["telechargements/index.md"].html
    assert html.index("Rapports de programme") < html.index("Fiches et comptes-rendus en PDF")
    assert "Tome 1 sur 2" in html and "Tome 2 sur 2" in html and "80 pages" in html
    assert "<table" not in html  # a stacked list, readable on a phone
    assert re.search(r"Fiche projet · \S", html)  # the sheet's PDF has a date (its years)


def test_theme_and_country_reports_are_offered_on_their_pages(planned: tuple[Path, Any]) -> None:
    """With ``reports: [theme, country]``, each report is on `telechargements/` in its own
    section and on the page of its theme or country."""
    _root, catalogue = planned
    theme = sorted(catalogue.themes)[0]
    country = catalogue.countries()[0]
    pdfs = {
        urls.theme(theme): PdfLink(
            f"telechargements/themes/rapport-{theme}.pdf", "90 Ko", "Rapport thématique", "RT"
        ),
        f"{country.url}#tome-1": PdfLink(
            "telechargements/pays/rapport-x-tome-1.pdf", "1 Mo", "Rapport par pays", "RP, t1"
        ),
        f"{country.url}#tome-2": PdfLink(
            "telechargements/pays/rapport-x-tome-2.pdf", "1 Mo", "Rapport par pays", "RP, t2"
        ),
    }
    pages = plan_site(catalogue, pdfs=pdfs).pages
    downloads = pages["telechargements/index.md"].html
    assert "Rapports thématiques" in downloads and "Rapports par pays" in downloads
    assert f"themes/rapport-{theme}.pdf" in downloads
    assert downloads.index("rapport-x-tome-1.pdf") < downloads.index("rapport-x-tome-2.pdf")
    theme_page = pages[f"{urls.theme(theme)}index.md"].html
    assert f'href="../../telechargements/themes/rapport-{theme}.pdf" download' in theme_page
    country_page = pages[f"{country.url}index.md"].html
    assert "rapport-x-tome-1.pdf" in country_page and "rapport-x-tome-2.pdf" in country_page
    other = catalogue.countries()[1]
    assert "telechargements/pays/" not in pages[f"{other.url}index.md"].html


def test_page_count_reads_weasyprint_pdfs(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    from weasyprint import HTML

    target = tmp_path / "three.pdf"
    HTML(string="<p>1</p>" + '<p style="break-before: page">n</p>' * 2).write_pdf(target)
    assert page_count(target) == 3
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7 nothing")
    assert page_count(tmp_path / "bad.pdf") == 0


# --------------------------------------------------------------------------- the browser


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("listings-site")
    root = _corpus(base / "repo")
    _with_images(root, 3)
    (root / "mkdocs.yml").write_text(
        (root / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace(
            "      projects_dir: projects\n", "      projects_dir: projects\n      pdf: false\n"
        ),
        encoding="utf-8",
    )
    site = base / "site"
    build_site(site, root)
    return root, site


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_browser("the browser tests of listings cannot run") as found:
        yield found


def _cards(page: Any) -> list[str]:
    """The slugs of the sheets shown, in order."""
    hrefs = page.eval_on_selector_all(
        ".pk-listing li.pk-card:not([hidden]) h3 a",
        "links => links.filter(a => a.offsetParent !== null).map(a => a.href)",
    )
    return [h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs]


def _all_results(page: Any) -> list[str]:
    """The cards of every page of results, following the script's pager."""
    seen = _cards(page)
    while True:
        following = page.locator(".pk-results .pk-pager--bas button", has_text="Page suivante")
        if following.count() == 0:
            return seen
        following.click()
        page.wait_for_function(
            "n => document.querySelector('.pk-results .pk-pager__status')"
            "?.textContent.includes('Page ' + n)",
            arg=str(len(seen) // PAGE_SIZE + 1),
        )
        seen += _cards(page)


@pytest.mark.slow
def test_filters_and_sort_give_the_right_cards_and_count(
    built: tuple[Path, Path], browser: Any
) -> None:
    root, site = built
    sheets = _sheets(root)
    countries: dict[str, set[str]] = {}
    for slug, meta in sheets.items():
        for code in meta["countries"]:
            countries.setdefault(code, set()).add(slug)
    code, expected = max(countries.items(), key=lambda item: (len(item[1]), item[0]))
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        errors_seen: list[str] = []
        page.on("console", lambda m: errors_seen.append(m.text) if m.type == "error" else None)
        page.goto(base + "projets/")
        page.wait_for_selector(".pk-filters select#pk-filtre-pays")
        assert page.locator(".pk-listing__count").inner_text() == f"{len(sheets)} fiches"
        # pager above and below the cards, without a filter
        assert page.locator(".pk-listing__pages .pk-pager--haut").is_visible()
        assert page.locator(".pk-listing__pages .pk-pager--bas").is_visible()
        offered = page.eval_on_selector_all(
            "#pk-filtre-pays option", "options => options.map(o => o.value)"
        )
        assert set(offered) == {"", *countries}  # no country without a sheet
        page.select_option("#pk-filtre-pays", code)
        page.wait_for_selector(".pk-results:not([hidden])")
        count = page.locator(".pk-listing__count").inner_text()
        assert count == f"{len(expected)} fiches sur {len(sheets)}"
        shown = _all_results(page)
        assert sorted(shown) == sorted(expected) and len(shown) == len(set(shown))
        # by title, as the front matter says
        by_title = sorted(expected, key=lambda s: (_fold(sheets[s]["title"]), s))
        assert shown == by_title
        # newest first: the end years of the sheets that have one never grow
        page.select_option("#pk-filtre-tri", "recent")
        page.wait_for_function("() => location.search.includes('tri=recent')")
        newest = _all_results(page)
        assert sorted(newest) == sorted(expected)
        ends = [sheets[s]["period"]["end"] for s in newest if sheets[s]["period"].get("end")]
        assert ends == sorted(ends, reverse=True)
        assert "pays=" + code in page.url
        # the choice survives a reload, and « Tout afficher » brings the pages back
        page.reload()
        page.wait_for_selector(".pk-results:not([hidden])")
        assert page.locator(".pk-listing__count").inner_text().startswith(f"{len(expected)} ")
        page.click(".pk-filters__reset")
        page.wait_for_selector(".pk-results", state="hidden")
        assert page.locator(".pk-listing__pages").is_visible()
        assert not errors_seen, errors_seen


def _fold(text: str) -> str:
    from generator.french import sort_key

    return sort_key(text)


@pytest.mark.slow
def test_thumbnails_load_with_their_text(built: tuple[Path, Path], browser: Any) -> None:
    _root, site = built
    with serve(site) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(base + "projets/")
        images = page.locator(".pk-listing__pages img.pk-card__image")
        images.first.scroll_into_view_if_needed()
        found = images.evaluate_all(
            "imgs => imgs.map(i => [i.getAttribute('alt'), i.currentSrc || i.src])"
        )
        assert found and all(alt.startswith("Photo du projet") for alt, _src in found)
        assert all(src.endswith(".webp") for _alt, src in found)
        for _alt, src in found:
            response = page.request.get(src)
            assert response.ok and response.headers["content-type"] == "image/webp"
        # on a phone the filters are behind « Filtrer et trier », closed
        assert page.locator("details.pk-filters").get_attribute("open") is None


@pytest.mark.slow
def test_without_javascript_the_plain_pages_remain(built: tuple[Path, Path], browser: Any) -> None:
    _root, site = built
    with serve(site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base + "projets/page/2/")
        assert page.locator(".pk-filters").count() == 0
        assert page.locator(".pk-pager--haut a[rel=prev]").is_visible()
        assert page.locator(".pk-listing__pages li.pk-card").count() == PAGE_SIZE
        context.close()


@pytest.mark.slow
def test_filter_data_weight(built: tuple[Path, Path]) -> None:
    _root, site = built
    data = (site / "projets" / "filtres.json").read_bytes()
    assert len(gzip.compress(data)) < 50_000


def test_a_document_in_two_sections_is_counted_and_offered_once(
    planned: tuple[Path, Any],
) -> None:
    _root, catalogue = planned
    slugs = sorted(catalogue.projects)[:3]
    documents = [catalogue.projects[s] for s in [*slugs, slugs[1]]]
    data = filter_data(catalogue, documents, PAGE_SIZE, "titre", {})
    assert data["total"] == 3 and len(data["cards"]["theme"]) == 4
    for order in ("titre", "recent"):
        assert sorted(data["sorts"][order]) == [0, 1, 2]
    assert data["sorts"]["pages"] == [0, 1, 2]


def test_cache_files_unused_for_a_month_are_pruned(tmp_path: Path) -> None:
    import os
    import time

    from generator.render.cache_files import prune

    old, recent, other = (tmp_path / f"{c * 64}.json" for c in "abc")
    stranger = tmp_path / "notes.json"
    for path in (old, recent, other, stranger):
        path.write_text("{}")
    month_ago = time.time() - 31 * 86400
    for path in (old, stranger):
        os.utime(path, (month_ago, month_ago))
    assert prune(tmp_path, ".json", now=time.time()) == [old]
    assert recent.exists() and other.exists() and stranger.exists()
