"""Property-based: whatever the front matter holds, the checker answers with diagnostics.

Random YAML-ish text, random nested structures dumped to YAML and random bytes are put in a
project sheet (and a registry); loading must never raise, and every diagnostic must name a
file, a line and a field.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.loader import load_catalogue
from generator.settings import load_settings

from .test_corpus_mistakes import BASE

SHEET = "projects/puits.md"
ORGANISATIONS = "content/_data/organisations.yml"
KEYS = [
    "title",
    "summary",
    "programme",
    "lead",
    "partners",
    "countries",
    "places",
    "themes",
    "period",
    "start",
    "end",
    "status",
    "inspiring",
    "image",
    "src",
    "alt",
    "credit",
    "links",
    "url",
    "licence",
    "updated",
    "id",
    "name",
    "pays",
    "<<",
    "?",
    "-",
    "~",
]
PROPERTY = settings(max_examples=200, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "NO",
            "yes",
            "2022-02-30",
            "SN",
            "eau",
            "prog",
            "asso-nord",
            "images/puits.svg",
            "../x.png",
            "javascript:x",
            "completed",
            "2019",
        ]
    ),
    st.dates(),
    st.datetimes(),
)
structures = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), children, max_size=5
        ),
    ),
    max_leaves=25,
)
yamlish = st.text(
    alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\"#%@`,?<~ \t\n0129.")) | st.characters(),
    max_size=200,
)


@pytest.fixture(scope="module")
def corpus() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="property-"))
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def _check(root: Path, rel: str, data: bytes) -> None:
    (root / rel).write_bytes(data)
    result = load_catalogue(load_settings(root))
    for diagnostic in result.diagnostics:
        assert diagnostic.path and diagnostic.line >= 1 and diagnostic.field
        assert diagnostic.message
        assert "\n" not in diagnostic.as_text()
    if rel == SHEET:
        assert result.catalogue is not None or any(
            d.is_error and d.path == SHEET for d in result.diagnostics
        )


@PROPERTY
@given(front=structures)
def test_random_structures_dumped_to_yaml(corpus: Path, front: object) -> None:
    body = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    _check(corpus, SHEET, f"---\n{body}---\nCorps.\n".encode())


@PROPERTY
@given(front=st.dictionaries(st.sampled_from(KEYS), structures, max_size=8))
def test_random_fields_dumped_to_yaml(corpus: Path, front: dict[str, object]) -> None:
    body = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    _check(corpus, SHEET, f"---\n{body}---\nCorps.\n".encode())


@PROPERTY
@given(text=yamlish)
def test_random_yamlish_text(corpus: Path, text: str) -> None:
    _check(corpus, SHEET, f"---\n{text}\n---\nCorps.\n".encode("utf-8", "surrogatepass"))


@PROPERTY
@given(data=st.binary(max_size=300))
def test_random_bytes(corpus: Path, data: bytes) -> None:
    _check(corpus, SHEET, data)


@PROPERTY
@given(data=st.binary(max_size=100), text=yamlish)
def test_random_front_matter_bytes(corpus: Path, data: bytes, text: str) -> None:
    _check(corpus, SHEET, b"---\n" + text.encode("utf-8", "surrogatepass") + data + b"\n---\n")


@PROPERTY
@given(entries=structures)
def test_random_registry(corpus: Path, entries: object) -> None:
    _check(corpus, ORGANISATIONS, yaml.safe_dump(entries, allow_unicode=True).encode())
