# ruff: noqa: E501  (one mistake per line reads best in the tables below)
"""Unit tests of every rule of the content format, one mistake at a time.

Each case breaks one field of a copy of the example content and asserts the single error
it causes: its file, line, field path and the gist of its message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import (
    ORGANISATIONS,
    PROGRAMMES,
    SHEET,
    THEMES,
    WRITEUP,
    append,
    diagnostics,
    errors,
    only_error,
    set_field,
)

# (id, file, field to replace, new YAML, line offset from the field, field path, message part)
# fmt: off
FIELD_CASES = [
    # --- project sheet: text fields and lengths
    ("title-too-short", SHEET, "title", 'title: "ab"', 0, "title", "3 to 200 characters"),
    ("title-too-long", SHEET, "title", f'title: "{"a" * 201}"', 0, "title", "(it has 201)"),
    ("title-blank", SHEET, "title", 'title: "   "', 0, "title", "is empty"),
    ("title-null", SHEET, "title", "title:", 0, "title", "has no value"),
    ("title-list", SHEET, "title", "title: [a, b]", 0, "title", "expected a text, not a list"),
    ("title-mapping", SHEET, "title", "title:\n  fr: x", 0, "title", "not a set of fields"),
    ("title-number", SHEET, "title", "title: 2022", 0, "title", 'put it in quotes: "2022"'),
    ("title-float", SHEET, "title", "title: 3.14", 0, "title", "YAML reads 3.14 as a number"),
    ("title-bool", SHEET, "title", "title: yes", 0, "title", "yes/no value (boolean)"),
    ("title-date", SHEET, "title", "title: 2022-03-18", 0, "title", "YAML reads 2022-03-18 as a date"),
    ("summary-too-long", SHEET, "summary", f'summary: "{"b" * 401}"', 0, "summary", "at most 400"),
    ("places-number", SHEET, "places", "places:\n  - Kindia\n  - 44", 2, "places[2]", "quotes"),
    ("places-duplicate", SHEET, "places", "places:\n  - Yenne\n  - Yenne", 2, "places[2]", "listed twice"),
    # --- references to registries, with suggestions
    ("programme-unknown", SHEET, "programme", "programme: caca", 0, "programme", "did you mean 'caac'?"),
    ("programme-case", SHEET, "programme", "programme: CAAC", 0, "programme", "did you mean 'caac'?"),
    ("lead-unknown", SHEET, "lead", "lead: cfdtt", 0, "lead", "did you mean 'cfdt'?"),
    ("lead-number", SHEET, "lead", "lead: 44", 0, "lead", "quotes"),
    ("partner-unknown", SHEET, "partners", "partners:\n  - essentiel\n  - unsass", 2, "partners[2]", "did you mean 'unsas'?"),
    ("partner-is-lead", SHEET, "partners", "partners:\n  - essentiel\n  - cfdt", 2, "partners[2]", "is the lead"),
    ("partner-twice", SHEET, "partners", "partners:\n  - unsas\n  - essentiel\n  - unsas", 3, "partners[3]", "listed twice"),
    ("partners-scalar", SHEET, "partners", "partners: unsas", 0, "partners", "expected a list"),
    ("theme-unknown", SHEET, "themes", "themes:\n  - sante\n  - santé", 2, "themes[2]", "did you mean 'sante'?"),
    ("themes-empty", SHEET, "themes", "themes: []", 0, "themes", "at least one"),
    ("theme-twice", SHEET, "themes", "themes:\n  - sante\n  - sante", 2, "themes[2]", "listed twice"),
    ("licence-unknown", SHEET, "licence", "licence: CC-BY-ZZ", 0, "licence", "not a known licence"),
    # --- ISO country codes
    ("country-lower-case", SHEET, "countries", "countries:\n  - sn", 1, "countries[1]", "did you mean 'SN'?"),
    ("country-french-name", SHEET, "countries", "countries:\n  - Sénégal", 1, "countries[1]", "did you mean 'SN'?"),
    ("country-english-name", SHEET, "countries", "countries:\n  - Guinea", 1, "countries[1]", "did you mean 'GN'?"),
    ("country-alpha-3", SHEET, "countries", "countries:\n  - SEN", 1, "countries[1]", "did you mean 'SN'?"),
    ("country-unknown", SHEET, "countries", "countries:\n  - XX", 1, "countries[1]", "ISO 3166-1 alpha-2"),
    ("country-norway-unquoted", SHEET, "countries", "countries:\n  - SN\n  - NO", 2, "countries[2]", 'put it in quotes: "NO"'),
    ("country-twice", SHEET, "countries", "countries:\n  - SN\n  - 'SN'", 2, "countries[2]", "listed twice"),
    ("countries-empty", SHEET, "countries", "countries: []", 0, "countries", "at least one"),
    ("countries-scalar", SHEET, "countries", "countries: SN", 0, "countries", "write `countries: [SN]`"),
    # --- period and years
    ("period-end-before-start", SHEET, "period", "period:\n  start: 2019\n  end: 2018", 2, "period.end", "end (2018) is before start (2019)"),
    ("period-no-start", SHEET, "period", "period:\n  end: 2021", 0, "period.start", "required field is missing"),
    ("period-scalar", SHEET, "period", "period: 2019-2021", 0, "period", "expected fields"),
    ("year-text", SHEET, "period", "period:\n  start: deux mille", 1, "period.start", "expected a year"),
    ("year-two-digits", SHEET, "period", "period:\n  start: 19", 1, "period.start", "not a plausible year"),
    ("year-date", SHEET, "period", "period:\n  start: 2019-01-01", 1, "period.start", "expected a year"),
    ("year-float", SHEET, "period", "period:\n  start: 2019.5", 1, "period.start", "expected a year"),
    ("year-bool", SHEET, "period", "period:\n  start: true", 1, "period.start", "expected a year"),
    ("period-unknown-key", SHEET, "period", "period:\n  start: 2019\n  fin: 2021", 2, "period.fin", "did you mean 'end'?"),
    # --- controlled values and booleans
    ("status-french", SHEET, "status", "status: terminé", 0, "status", "did you mean 'completed'?"),
    ("status-en-cours", SHEET, "status", "status: en cours", 0, "status", "did you mean 'ongoing'?"),
    ("status-typo", SHEET, "status", "status: planed", 0, "status", "use one of planned, ongoing, completed"),
    ("inspiring-quoted", SHEET, "inspiring", 'inspiring: "true"', 0, "inspiring", "true or false"),
    ("inspiring-oui", SHEET, "inspiring", "inspiring: oui", 0, "inspiring", "true or false"),
    # --- dates
    ("date-invalid", SHEET, "updated", "updated: 2022-02-30", 0, "updated", "'2022-02-30' is not a real date"),
    ("date-with-time", SHEET, "updated", "updated: 2022-02-03 10:00:00", 0, "updated", "without a time"),
    ("date-french-form", SHEET, "updated", "updated: 03/02/2022", 0, "updated", "YYYY-MM-DD"),
    ("date-year-only", SHEET, "updated", "updated: 2022", 0, "updated", "YYYY-MM-DD"),
    ("date-short-month", SHEET, "updated", "updated: 2022-3-18", 0, "updated", "YYYY-MM-DD"),
    # --- URLs
    ("url-javascript", SHEET, "links", 'links:\n  - title: "x"\n    url: "javascript:alert(1)"', 2, "links[1].url", "http://, https:// or mailto:"),
    ("url-ftp", SHEET, "links", 'links:\n  - title: "x"\n    url: "ftp://example.org/f"', 2, "links[1].url", "http://, https:// or mailto:"),
    ("url-no-scheme", SHEET, "links", 'links:\n  - title: "x"\n    url: "www.example.org"', 2, "links[1].url", "write 'https://www.example.org'"),
    ("url-no-host", SHEET, "links", 'links:\n  - title: "x"\n    url: "https:///x"', 2, "links[1].url", "no host name"),
    ("url-space", SHEET, "links", 'links:\n  - title: "x"\n    url: "https://a.org/b c"', 2, "links[1].url", "space"),
    ("url-bad-mailto", SHEET, "links", 'links:\n  - title: "x"\n    url: "mailto:nobody"', 2, "links[1].url", "not an e-mail address"),
    ("link-no-title", SHEET, "links", 'links:\n  - url: "https://a.org"', 1, "links[1].title", "required field is missing"),
    ("link-unknown-key", SHEET, "links", 'links:\n  - title: "x"\n    url: "https://a.org"\n    lien: y', 3, "links[1].lien", "unknown field 'lien'"),
    # --- image paths
    ("image-missing-file", SHEET, "image", 'image:\n  src: ../projects/images/kindia-jeune.svg\n  alt: "x"\n  credit: "y"', 1, "image.src", "did you mean '../projects/images/kindia-jeunes.svg'?"),
    ("image-escapes-repo", SHEET, "image", 'image:\n  src: ../../../etc/x.png\n  alt: "x"\n  credit: "y"', 1, "image.src", "points outside the repository"),
    ("image-absolute", SHEET, "image", 'image:\n  src: /etc/x.png\n  alt: "x"\n  credit: "y"', 1, "image.src", "not an absolute path"),
    ("image-windows-absolute", SHEET, "image", 'image:\n  src: "C:\\\\img\\\\x.png"\n  alt: "x"\n  credit: "y"', 1, "image.src", "not an absolute path"),
    ("image-backslash", SHEET, "image", 'image:\n  src: images\\kindia-jeunes.svg\n  alt: "x"\n  credit: "y"', 1, "image.src", "use '/' instead: 'images/kindia-jeunes.svg'"),
    ("image-url", SHEET, "image", 'image:\n  src: https://a.org/x.png\n  alt: "x"\n  credit: "y"', 1, "image.src", "not a URL"),
    ("image-wrong-extension", SHEET, "image", 'image:\n  src: images/kindia-jeunes.pdf\n  alt: "x"\n  credit: "y"', 1, "image.src", "is not an image"),
    ("image-no-alt", SHEET, "image", 'image:\n  src: images/kindia-jeunes.svg\n  credit: "y"', 0, "image.alt", "required field is missing"),
    ("image-scalar", SHEET, "image", "image: images/kindia-jeunes.svg", 0, "image", "expected fields"),
    # --- unknown keys, with the closest known key
    ("unknown-key-typo", SHEET, "countries", "countires:\n  - SN", 0, "countires", "did you mean 'countries'?"),
    ("unknown-key-pays", SHEET, "countries", "pays:\n  - SN", 0, "pays", "did you mean 'countries'?"),
    ("unknown-key-titre", SHEET, "title", 'titre: "Un titre"', 0, "titre", "did you mean 'title'?"),
    ("unknown-key-porteur", SHEET, "lead", "porteur: cfdt", 0, "porteur", "did you mean 'lead'?"),
    ("unknown-key-statut", SHEET, "status", "statut: completed", 0, "statut", "did you mean 'status'?"),
    ("unknown-key-unrelated", SHEET, "zzzzzz", "zzzzzz: 1", 0, "zzzzzz", "known fields: countries,"),
    # --- write-up
    ("writeup-date-invalid", WRITEUP, "date", "date: 2022-02-30", 0, "date", "not a real date"),
    ("writeup-date-datetime", WRITEUP, "date", "date: 2022-03-18T10:00:00+02:00", 0, "date", "without a time"),
    ("writeup-date-text", WRITEUP, "date", "date: 18 mars 2022", 0, "date", "YYYY-MM-DD"),
    ("writeup-event-number", WRITEUP, "event", "event: 2022", 0, "event", "quotes"),
    ("writeup-programme-unknown", WRITEUP, "programme", "programme: caak", 0, "programme", "did you mean 'caac'?"),
    ("writeup-organisation-unknown", WRITEUP, "organisations", "organisations:\n  - cfsii", 1, "organisations[1]", "did you mean 'cfsi'?"),
    ("writeup-organisations-twice", WRITEUP, "organisations", "organisations:\n  - cfsi\n  - cfsi", 2, "organisations[2]", "listed twice"),
    ("writeup-authors-empty", WRITEUP, "authors", "authors: []", 0, "authors", "at least one"),
    ("writeup-author-no-name", WRITEUP, "authors", "authors:\n  - organisation: fonda", 1, "authors[1].name", "required field is missing"),
    ("writeup-author-text", WRITEUP, "authors", "authors:\n  - Luc Hansen", 1, "authors[1]", "expected fields"),
    ("writeup-author-organisation", WRITEUP, "authors", "authors:\n  - name: A\n  - name: B\n    organisation: fondaa", 3, "authors[2].organisation", "did you mean 'fonda'?"),
    ("writeup-author-unknown-key", WRITEUP, "authors", "authors:\n  - name: A\n    nom: B", 2, "authors[1].nom", "did you mean 'name'?"),
    ("writeup-reviewer-organisation", WRITEUP, "reviewers", "reviewers:\n  - name: A\n    organisation: cfs", 2, "reviewers[1].organisation", "did you mean 'cfsi'?"),
    ("writeup-example-missing", WRITEUP, "examples", "examples:\n  - femmes-poisson-seche", 1, "examples[1]", "did you mean 'femmes-poisson-seche-senegal'?"),
    ("writeup-example-twice", WRITEUP, "examples", "examples:\n  - femmes-poisson-seche-senegal\n  - femmes-poisson-seche-senegal", 2, "examples[2]", "listed twice"),
    ("writeup-practice-number", WRITEUP, "good_practices", "good_practices:\n  - 42", 1, "good_practices[1]", "quotes"),
    ("writeup-difficulty-empty", WRITEUP, "difficulties", 'difficulties:\n  - ""', 1, "difficulties[1]", "is empty"),
    ("writeup-bibliography-no-title", WRITEUP, "bibliography", 'bibliography:\n  - author: "CFSI"', 1, "bibliography[1].title", "required field is missing"),
    ("writeup-bibliography-year", WRITEUP, "bibliography", 'bibliography:\n  - author: "A"\n    title: "T"\n    year: "vingt"', 3, "bibliography[1].year", "expected a year"),
    ("writeup-bibliography-url", WRITEUP, "bibliography", 'bibliography:\n  - author: "A"\n    title: "T"\n    url: "ftp://a.org"', 3, "bibliography[1].url", "http://, https:// or mailto:"),
    ("writeup-report-missing", WRITEUP, "report", "report: rapport.pdf", 0, "report", "does not exist"),
    ("writeup-report-escapes", WRITEUP, "report", "report: ../../../x.pdf", 0, "report", "points outside the repository"),
    ("writeup-report-absolute", WRITEUP, "report", "report: /tmp/x.pdf", 0, "report", "not an absolute path"),
    ("writeup-report-extension", WRITEUP, "report", "report: rapport.docx", 0, "report", "is not a PDF file"),
    ("writeup-licence-unknown", WRITEUP, "licence", "licence: CC-BY-NC-SA", 0, "licence", "not a known licence"),
    ("writeup-unknown-key-exemples", WRITEUP, "examples", "exemples:\n  - femmes-poisson-seche-senegal", 0, "exemples", "did you mean 'examples'?"),
    ("writeup-unknown-key-auteurs", WRITEUP, "reviewers", "auteurs:\n  - name: A", 0, "auteurs", "did you mean 'authors'?"),
]
# fmt: on


@pytest.mark.parametrize(
    ("rel", "key", "text", "offset", "field", "part"),
    [pytest.param(*case[1:], id=case[0]) for case in FIELD_CASES],
)
def test_one_mistake_one_error(
    example_repo: Path, rel: str, key: str, text: str, offset: int, field: str, part: str
) -> None:
    line = set_field(example_repo, rel, key, text)
    error = only_error(example_repo)
    assert (error.path, error.line, error.field) == (rel, line + offset, field), error.as_text()
    assert part in error.full_message(), error.as_text()


SHEET_REQUIRED = [
    "title",
    "summary",
    "programme",
    "lead",
    "countries",
    "themes",
    "period",
    "status",
]
WRITEUP_REQUIRED = ["title", "summary", "date", "authors", "themes"]


@pytest.mark.parametrize(
    ("rel", "key"),
    [(SHEET, key) for key in SHEET_REQUIRED] + [(WRITEUP, key) for key in WRITEUP_REQUIRED],
)
def test_required_field_missing(example_repo: Path, rel: str, key: str) -> None:
    set_field(example_repo, rel, key, None)
    found = errors(example_repo)
    missing = [e for e in found if e.field == key]
    assert len(missing) == 1, [e.as_text() for e in found]
    assert missing[0].path == rel
    assert missing[0].line == 2  # the first line of the front matter
    assert missing[0].full_message() == f"required field is missing (add `{key}: …`)"


def test_optional_fields_may_be_absent(example_repo: Path) -> None:
    for key in ("partners", "places", "inspiring", "links", "licence", "updated", "image"):
        set_field(example_repo, SHEET, key, None)
    for key in (
        "event",
        "programme",
        "organisations",
        "reviewers",
        "examples",
        "good_practices",
        "difficulties",
        "bibliography",
        "licence",
        "report",
    ):
        set_field(example_repo, WRITEUP, key, None)
    assert errors(example_repo) == []


def test_valid_variants_are_accepted(example_repo: Path) -> None:
    """Things the format allows must not be refused."""
    set_field(example_repo, SHEET, "period", "period:\n  start: 2019")  # end optional
    set_field(example_repo, SHEET, "updated", "updated: 2023-01-31")
    set_field(example_repo, SHEET, "countries", "countries: [SN, 'NO', \"FR\"]")
    set_field(
        example_repo,
        SHEET,
        "links",
        'links:\n  - title: "Écrire"\n    url: "mailto:contact@example.org"\n'
        '  - title: "Site"\n    url: "http://example.org/a?b=c"',
    )
    set_field(
        example_repo,
        SHEET,
        "image",
        "image:\n  src: ../projects/images/kindia-jeunes.svg"
        '\n  alt: "Illustration"\n  credit: "Auteur"',
    )
    set_field(example_repo, SHEET, "licence", "licence: CC-BY-4.0")
    set_field(example_repo, SHEET, "status", "status: planned")
    set_field(example_repo, SHEET, "title", "title: Un titre écrit sans guillemets")
    assert errors(example_repo) == []


def test_all_mistakes_reported_in_one_run(example_repo: Path) -> None:
    set_field(example_repo, SHEET, "status", "status: fini")
    set_field(example_repo, SHEET, "lead", "lead: nobody")
    set_field(example_repo, WRITEUP, "date", "date: 2022-13-01")
    append(example_repo, ORGANISATIONS, "- id: cfsi\n  name: Doublon\n")
    fields = sorted((e.path, e.field) for e in errors(example_repo))
    assert fields == [
        (ORGANISATIONS, f"organisations[{_count_entries(example_repo, ORGANISATIONS)}].id"),
        (WRITEUP, "date"),
        (SHEET, "lead"),
        (SHEET, "status"),
    ]


def _count_entries(root: Path, rel: str) -> int:
    return sum(1 for line in (root / rel).read_text().split("\n") if line.startswith("- "))


# --- paths and symbolic links ----------------------------------------------------------


def test_image_symlink_pointing_outside_is_refused(
    example_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "photo.png"
    outside.write_bytes(b"\x89PNG")
    (example_repo / "projects/images/photo.png").symlink_to(outside)
    line = set_field(
        example_repo, SHEET, "image", 'image:\n  src: images/photo.png\n  alt: "x"\n  credit: "y"'
    )
    found = {(e.path, e.line, e.field): e.message for e in errors(example_repo)}
    # at the field that uses it, and at the link itself (which MkDocs would not publish
    # here, but would anywhere in content/)
    assert len(found) == 2, found
    assert "points outside the repository" in found[(SHEET, line + 1, "image.src")]
    assert (
        "leads outside content/ and projects/" in found[("projects/images/photo.png", 1, "(file)")]
    )


def test_folder_symlink_pointing_outside_is_refused(
    example_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "photo.png").write_bytes(b"\x89PNG")
    (example_repo / "projects/ailleurs").symlink_to(outside, target_is_directory=True)
    set_field(
        example_repo, SHEET, "image", 'image:\n  src: ailleurs/photo.png\n  alt: "x"\n  credit: "y"'
    )
    messages = sorted(e.message for e in errors(example_repo))
    assert len(messages) == 2 and "points outside the repository" in messages[0]
    assert "symbolic link that leads outside content/ and projects/" in messages[1]


def test_symlink_inside_repository_is_accepted(example_repo: Path) -> None:
    (example_repo / "projects/images/alias.svg").symlink_to("kindia-jeunes.svg")
    set_field(
        example_repo, SHEET, "image", 'image:\n  src: images/alias.svg\n  alt: "x"\n  credit: "y"'
    )
    assert errors(example_repo) == []


def test_sheet_symlink_pointing_outside_is_refused(
    example_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "sheet.md"
    outside.write_text((example_repo / SHEET).read_text())
    (example_repo / "projects/lien.md").symlink_to(outside)
    error = only_error(example_repo)
    assert (error.path, error.line, error.field) == ("projects/lien.md", 1, "(file)")
    assert "symbolic link that leads outside content/ and projects/" in error.message


def test_report_pdf_that_exists_is_accepted(example_repo: Path) -> None:
    (example_repo / "content/comptes-rendus/rapport.pdf").write_bytes(b"%PDF-1.4\n")
    set_field(example_repo, WRITEUP, "report", "report: rapport.pdf")
    assert errors(example_repo) == []


# --- file names (slugs) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fixed"),
    [
        ("Femmes-Poisson.md", "femmes-poisson.md"),
        ("femmes_poisson.md", "femmes-poisson.md"),
        ("femmes--poisson.md", "femmes-poisson.md"),
        ("sénégal.md", "senegal.md"),
        ("-femmes.md", "femmes.md"),
    ],
)
def test_file_name_must_be_a_slug(example_repo: Path, name: str, fixed: str) -> None:
    (example_repo / SHEET).rename(example_repo / "projects" / name)
    set_field(example_repo, WRITEUP, "examples", "examples:\n  - jeunes-ruraux-kindia-guinee")
    error = only_error(example_repo)
    assert (error.path, error.line, error.field) == (f"projects/{name}", 1, "(file name)")
    assert f"rename the file to {fixed}" in error.suggestion


def test_writeup_file_name_must_be_a_slug(example_repo: Path) -> None:
    (example_repo / WRITEUP).rename(example_repo / "content/comptes-rendus/CAAC 2022.md")
    error = only_error(example_repo)
    assert error.path == "content/comptes-rendus/CAAC 2022.md"
    assert error.field == "(file name)"
    assert "caac-2022.md" in error.suggestion


def test_other_markdown_extension_is_a_warning(example_repo: Path) -> None:
    (example_repo / "projects/brouillon.markdown").write_text("---\ntitle: x\n---\n")
    found = diagnostics(example_repo)
    assert [(d.path, d.line, d.field, d.is_error) for d in found] == [
        ("projects/brouillon.markdown", 1, "(file name)", False)
    ]


# --- registries --------------------------------------------------------------------------

# fmt: off
REGISTRY_CASES = [
    ("organisation-duplicate-id", ORGANISATIONS, "- id: cfsi\n  name: Doublon\n", 0, "id",
     "id 'cfsi' is already used"),
    ("organisation-id-not-slug", ORGANISATIONS, "- id: Nouvelle Asso\n  name: N\n", 0, "id",
     "for example 'nouvelle-asso'"),
    ("organisation-country-lower", ORGANISATIONS, "- id: n\n  name: N\n  country: fr\n", 2,
     "country", "did you mean 'FR'?"),
    ("organisation-country-norway", ORGANISATIONS, "- id: n\n  name: N\n  country: NO\n", 2,
     "country", 'put it in quotes: "NO"'),
    ("organisation-url", ORGANISATIONS, "- id: n\n  name: N\n  url: n.org\n", 2, "url",
     "write 'https://n.org'"),
    ("organisation-no-name", ORGANISATIONS, "- id: n\n  short_name: N\n", 0, "name",
     "required field is missing"),
    ("organisation-unknown-key", ORGANISATIONS, "- id: n\n  name: N\n  nom_court: X\n", 2,
     "nom_court", "unknown field 'nom_court'"),
    ("organisation-entry-text", ORGANISATIONS, "- nouvelle\n", 0, "", "expected fields"),
    ("programme-duplicate-id", PROGRAMMES, "- id: caac\n  name: Doublon\n", 0, "id",
     "already used"),
    ("programme-organisation", PROGRAMMES, "- id: p\n  name: P\n  organisation: cfsj\n", 2,
     "organisation", "did you mean 'cfsi'?"),
    ("programme-started-text", PROGRAMMES, "- id: p\n  name: P\n  started: bientôt\n", 2,
     "started", "expected a year"),
    ("programme-started-quoted-date", PROGRAMMES, "- id: p\n  name: P\n  started: 2014-01-01\n",
     2, "started", "expected a year"),
    ("theme-duplicate-id", THEMES, "- id: sante\n  label: Santé bis\n", 0, "id", "already used"),
    ("theme-no-label", THEMES, "- id: t\n", 0, "label", "required field is missing"),
    ("theme-libelle", THEMES, "- id: t\n  libellé: T\n", 1, "libellé", "did you mean 'label'?"),
    ("theme-id-number", THEMES, "- id: 12\n  label: T\n", 0, "id", 'put it in quotes: "12"'),
]
# fmt: on


@pytest.mark.parametrize(
    ("rel", "entry", "offset", "key", "part"),
    [pytest.param(*case[1:], id=case[0]) for case in REGISTRY_CASES],
)
def test_registry_mistake(
    example_repo: Path, rel: str, entry: str, offset: int, key: str, part: str
) -> None:
    name = Path(rel).stem
    index = _count_entries(example_repo, rel)
    line = append(example_repo, rel, entry)
    error = only_error(example_repo)
    field = f"{name}[{index + 1}]" + (f".{key}" if key else "")
    assert (error.path, error.line, error.field) == (rel, line + offset, field), error.as_text()
    assert part in error.full_message(), error.as_text()


@pytest.mark.parametrize("rel", [ORGANISATIONS, PROGRAMMES, THEMES])
def test_registry_that_is_not_a_list(example_repo: Path, rel: str) -> None:
    (example_repo / rel).write_text("cfsi:\n  name: CFSI\n", encoding="utf-8")
    error = only_error(example_repo)  # references to it are not all reported as unknown
    name = Path(rel).stem
    assert (error.path, error.line, error.field) == (rel, 1, name)
    assert "must be a list" in error.message


@pytest.mark.parametrize("rel", [ORGANISATIONS, PROGRAMMES, THEMES])
def test_missing_registry_file(example_repo: Path, rel: str) -> None:
    (example_repo / rel).rename((example_repo / rel).with_suffix(".yaml"))
    error = only_error(example_repo)
    name = Path(rel).stem
    assert (error.path, error.line, error.field) == (rel, 1, name)
    assert error.message == "registry file is missing"
    assert error.suggestion == f"rename content/_data/{name}.yaml to {name}.yml"


def test_registry_with_broken_yaml(example_repo: Path) -> None:
    index = _count_entries(example_repo, THEMES)
    line = append(example_repo, THEMES, '- id: t\n  label: "Thème\n')
    error = only_error(example_repo)
    assert (error.path, error.line, error.field) == (THEMES, line + 1, f"themes[{index + 1}].label")
    assert "quote" in error.message


def test_empty_registry_makes_references_unknown(example_repo: Path) -> None:
    (example_repo / THEMES).write_text("# aucun thème\n", encoding="utf-8")
    found = errors(example_repo)
    assert found and all("is not a theme id" in e.message for e in found)
