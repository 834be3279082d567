"""Property-based, end to end: random front matter and bodies through ``check`` and ``build``.

Each example writes one project sheet of a small corpus with a random front matter (from
:mod:`tests.test_property`'s strategies, or the sheet's own fields with a few changed) and a
random body made of the pieces an editor, or a hostile one, writes: headings named like the
page's sections, ids, links and images to every kind of target, raw HTML with scripts and
handlers, control and bidirectional characters. Then, as a person would, ``check`` and
``build`` run from the command line:

- neither ever prints a traceback; ``check`` exits 0 or 1, every message names the sheet's
  file (or another file of the corpus) at a line;
- ``build`` fails exactly when ``check`` finds an error, and then writes nothing;
- a clean build holds the sheet's page (and its PDF, when PDFs are on), and nothing active
  from the body reaches it.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from .conftest import ROOT
from .helpers import run_cli
from .test_corpus_mistakes import BASE
from .test_property import structures

SHEET = "projects/puits.md"
ORIGINAL = (BASE / SHEET).read_text(encoding="utf-8")
_, FRONT_TEXT, _ = ORIGINAL.split("---\n", 2)
FRONT = yaml.safe_load(FRONT_TEXT)

TARGETS = [
    "images/puits.svg",
    "images/absente.png",
    "../mkdocs.yml",
    "puits.md",
    "../content/comptes-rendus/atelier.md",
    "atelier.md#x",
    "https://example.org/a",
    "//example.org/pixel.png",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(2)",
    "#reperes",
    "mailto:a@example.org",
    "/absolu",
    "",
    "<>",
    "images/puits.svg?x=1",
    "%00",
    "data:text/html,<script>alert(3)</script>",
    "vbscript:x",
    "images/.cachee.png",
    "../theme/main.html",
    "images",
    "fichier.html",
    "images/puits.svg#frag",
]
WORDS = st.sampled_from(
    [
        "Bonnes pratiques",
        "Repères",
        "Bibliographie",
        "Difficultés",
        "Présenté dans",
        "Contexte",
        "titre",
        "Licence et crédits",
    ]
)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
HTML = st.sampled_from(
    [
        "<script>alert(4)</script>",
        "<img src=x onerror=alert(5)>",
        '<iframe src="//e.org">',
        '<a href="javascript:alert(6)">a</a>',
        '<div id="__drawer">d</div>',
        "<svg onload=alert(7)>",
        "<style>body{display:none}</style>",
        "<!-- note -->",
        "<details><summary>s</summary>d",
        '<p id="titre" onclick="alert(8)">p</p>',
        "<object data=x></object>",
        "</div></article>",
        '<img src="images/puits.svg" alt="ok">',
        '<a href="../mkdocs.yml">m</a>',
        "<br/>",
        "<math><mi>x</mi></math>",
        "<form action=//e.org><input name=q></form>",
    ]
)
PIECES = st.one_of(
    st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 6), st.one_of(WORDS, TEXT)),
    st.builds(
        lambda t, a: f"## {t} {a}",
        WORDS,
        st.sampled_from(
            [
                "{#titre}",
                "{#bonnes-pratiques}",
                "{: onclick='alert(9)' }",
                "{: .pk-doc }",
                "{#__toc}",
                '{: data-toc-label="<script>alert(10)</script>" }',
                "{#x}",
            ]
        ),
    ),
    st.builds(lambda t, u: f"[{t}]({u})", TEXT, st.sampled_from(TARGETS)),
    st.builds(lambda t, u: f"![{t}]({u})", TEXT, st.sampled_from(TARGETS)),
    st.builds(lambda u: f"[lien][r]\n\n[r]: {u}", st.sampled_from(TARGETS)),
    st.builds(lambda u: f"![image][i]\n\n[i]: {u}", st.sampled_from(TARGETS)),
    HTML,
    st.sampled_from(
        [
            "| a | b |\n| - | - |\n| 1 | 2 |",
            "```\n<script>alert(11)</script>\n```",
            "- un\n- deux\n  - trois",
            "> citation",
            "***",
            "\x00",
            "\u202eàl'envers",
            "\u2067isolé\u2069",
            "\t\tindenté",
            "ligne  \nsuite",
            "&amp; &lt; &#0;",
            "---",
            "...",
            "\r\n\r\n",
            "\ufeff",
        ]
    ),
    TEXT,
)
BODIES = st.lists(PIECES, max_size=12).map("\n\n".join)
FRONTS = st.one_of(
    st.just(FRONT),
    st.builds(lambda key, value: {**FRONT, key: value}, st.sampled_from(sorted(FRONT)), structures),
    structures,
)
ACTIVE = re.compile(
    r"<script>alert|<[a-z][^>]*\son[a-z]+\s*=|href=\"\s*(javascript|vbscript"
    r"|data):|<iframe|<object|<form|<style",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("property-build") / "repo"
    shutil.copytree(BASE, root)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "theme", root / "theme")
    yield root


def _write(root: Path, front: object, body: str) -> None:
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    (root / SHEET).write_bytes(f"---\n{text}---\n{body}\n".encode("utf-8", "surrogatepass"))


def _check_then_build(root: Path, pdf: bool) -> None:
    checked = run_cli("check", "--root", str(root), "--format", "json", timeout=60)
    assert "Traceback" not in checked.stdout + checked.stderr, checked.stderr
    assert checked.returncode in (0, 1), checked.stderr
    found = json.loads(checked.stdout)
    for item in found:
        assert item["path"] and item["line"] >= 1 and item["message"], item
        assert (root / item["path"]).exists() or item["path"] == "mkdocs.yml", item
    errors = [item for item in found if item["severity"] == "error"]
    event("check found an error" if errors else "check passed")
    assert (checked.returncode == 1) == bool(errors)

    out = root.parent / "out"
    if out.exists():
        shutil.rmtree(out)
    built = run_cli(
        "build",
        "--root",
        str(root),
        "--site-dir",
        str(out),
        env={"PROGRAMME_PDF": "1" if pdf else "0"},
        timeout=300,
    )
    assert "Traceback" not in built.stdout + built.stderr, built.stderr
    if errors:
        assert built.returncode == 1, built.stderr
        assert not out.exists()
        assert errors[0]["message"][:40] in built.stderr
        return
    assert built.returncode == 0, built.stderr
    page = (out / "projets" / "puits" / "index.html").read_text(encoding="utf-8")
    assert 'class="pk-body"' in page
    body = page.split('class="pk-body"', 1)[-1].split("</article>", 1)[0]
    assert not ACTIVE.search(body), ACTIVE.search(body)
    assert (out / "projets" / "puits" / "fiche-puits.pdf").is_file() == pdf


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(front=FRONTS, body=BODIES)
# found by this test: an unquoted src was not read by check, then refused by the build
@example(front=FRONT, body="<img src=x onerror=alert(1)>")
def test_random_sheets_check_and_build_without_pdfs(corpus: Path, front: object, body: str) -> None:
    _write(corpus, front, body)
    _check_then_build(corpus, pdf=False)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(body=BODIES)
def test_random_bodies_build_with_pdfs(corpus: Path, body: str) -> None:
    _write(corpus, FRONT, body)
    _check_then_build(corpus, pdf=True)
