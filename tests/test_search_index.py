"""The search index made from planned pages: reproducible, confined, cancellable."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import cbor2
import pytest

from generator.search import (
    BundleShapeError,
    IndexingRun,
    SearchDocument,
    SearchIndexError,
    normalise_bundle,
    pagefind,
    start_indexing,
)


def _documents() -> list[SearchDocument]:
    countries = ["Sénégal", "Mali", "Côte d’Ivoire", "Guinée", "Bénin", "Togo", "Niger"]
    themes = ["Eau", "Santé", "Jeunesse", "Agriculture", "Femmes"]
    documents = []
    for index in range(40):
        country, theme = countries[index % 7], themes[index % 5]
        documents.append(
            SearchDocument(
                f"projets/fiche-{index}/",
                f"<article data-pagefind-body><h1>Fiche {index} : l’eau à {country}</h1>"
                f'<p data-pagefind-meta="summary">Un projet d’accès à l’eau, numéro {index}.</p>'
                f'<div hidden><span data-pagefind-filter="pays">{country}</span>'
                f'<span data-pagefind-filter="theme">{theme}</span>'
                f'<span data-pagefind-filter="annee">{2010 + index % 9}</span></div></article>',
                f"Fiche {index}",
            )
        )
    return documents


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _read(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(b"pagefind_dcd")
    return cbor2.loads(data[len(b"pagefind_dcd") :])


def test_same_documents_same_bundle_byte_for_byte(tmp_path: Path) -> None:
    stats = []
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        stats.append(start_indexing(_documents()).install(tmp_path / name))
    assert stats[0].pages == 40
    trees = [_tree(tmp_path / name / "pagefind") for name in ("a", "b", "c")]
    assert trees[0] == trees[1] == trees[2]
    filters = sorted((tmp_path / "a" / "pagefind" / "filter").glob("*.pf_filter"))
    assert len(filters) == 3
    for path in filters:
        name, values = _read(path)  # type: ignore[misc]
        assert [v[0] for v in values] == sorted(v[0] for v in values), name


def test_the_bundle_points_to_its_renamed_files(tmp_path: Path) -> None:
    start_indexing(_documents()).install(tmp_path)
    bundle = tmp_path / "pagefind"
    import json

    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    meta_hash = entry["languages"]["fr"]["hash"]
    meta = _read(bundle / f"pagefind.{meta_hash}.pf_meta")
    assert isinstance(meta, list)
    names = {name for name, _hash in meta[3]}
    assert names == {"pays", "theme", "annee"}
    for _name, filter_hash in meta[3]:
        assert (bundle / "filter" / f"{filter_hash}.pf_filter").is_file()
    assert len(list(bundle.glob("*.pf_meta"))) == 1


def test_an_unknown_bundle_shape_is_left_alone(tmp_path: Path) -> None:
    start_indexing(_documents()).install(tmp_path)
    bundle = tmp_path / "pagefind"
    meta = next(bundle.glob("*.pf_meta"))
    meta.write_bytes(gzip.compress(b"pagefind_dcd" + cbor2.dumps({"not": "a list"})))
    before = _tree(bundle)
    with pytest.raises(BundleShapeError, match="not in the shape this generator knows"):
        normalise_bundle(bundle)
    assert _tree(bundle) == before


def test_a_bundle_that_cannot_be_normalised_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(bundle: Path) -> None:
        raise BundleShapeError("filter/x.pf_filter is not of the known shape")

    monkeypatch.setattr(pagefind, "normalise_bundle", refuse)
    stats = start_indexing(_documents()).install(tmp_path)
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert len(stats.warnings) == 1
    assert "could not be made reproducible: filter/x.pf_filter" in stats.warnings[0]


def test_a_folder_that_is_not_a_bundle_is_never_replaced(tmp_path: Path) -> None:
    mine = tmp_path / "pagefind"
    mine.mkdir()
    (mine / "notes.txt").write_text("à garder", "utf-8")
    with pytest.raises(SearchIndexError, match="not a search bundle written by Pagefind"):
        start_indexing(_documents()).install(tmp_path)
    assert (mine / "notes.txt").read_text("utf-8") == "à garder"


def test_a_document_address_cannot_leave_the_scratch_folder() -> None:
    with pytest.raises(SearchIndexError, match="unexpected page address"):
        start_indexing(
            [SearchDocument("projets/../../evil/", "<article data-pagefind-body>x</article>")]
        )


def test_cancel_stops_pagefind_and_cleans_up(tmp_path: Path) -> None:
    run = start_indexing(_documents())
    scratch = run.scratch
    assert scratch.is_dir()
    run.cancel()
    assert not scratch.exists()
    with pytest.raises(SearchIndexError, match="already installed or cancelled"):
        run.install(tmp_path)


def test_elisions_are_split_in_the_indexed_copy(tmp_path: Path) -> None:
    run = start_indexing(_documents())
    page = (run.scratch / "pages" / "projets" / "fiche-2" / "index.html").read_text("utf-8")
    run.install(tmp_path)
    assert "l’ eau à Côte d’ Ivoire" in page  # text split; the filter value is not
    assert 'data-pagefind-filter="pays">Côte d’Ivoire<' in page
    assert page.startswith('<!DOCTYPE html><html lang="fr">')


def test_copies_written_by_another_process_give_the_same_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    (tmp_path / "here").mkdir()
    start_indexing(_documents()).install(tmp_path / "here")
    monkeypatch.setattr(pagefind, "WRITE_ELSEWHERE", 1)
    run = start_indexing(_documents())
    assert run._executor is not None  # the spawned writer is really used
    (tmp_path / "there").mkdir()
    assert run.install(tmp_path / "there").pages == 40
    assert _tree(tmp_path / "there" / "pagefind") == _tree(tmp_path / "here" / "pagefind")


def test_a_failure_in_the_writer_process_is_reported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:

    monkeypatch.setattr(pagefind, "WRITE_ELSEWHERE", 1)
    run = start_indexing([SearchDocument("../evil/", "<article data-pagefind-body>x</article>")])
    with pytest.raises(SearchIndexError, match="unexpected page address"):
        run.install(tmp_path)
    assert not run.scratch.exists()


def test_batches_written_elsewhere_give_the_one_batch_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documents handed over in batches, written by the spawned writer (from the second
    batch on) or here (the first, smaller one), index as if handed over at once."""
    (tmp_path / "once").mkdir()
    (tmp_path / "batches").mkdir()
    start_indexing(_documents()).install(tmp_path / "once")
    monkeypatch.setattr(pagefind, "WRITE_ELSEWHERE", 10)
    documents = _documents()
    run = IndexingRun()
    run.add(documents[:7])  # below the threshold: written here
    assert run._executor is None
    run.add(documents[7:25])
    assert run._executor is not None
    run.add([])
    run.add(documents[25:])
    run.start()
    with pytest.raises(SearchIndexError, match="no longer takes documents"):
        run.add(documents[:1])
    stats = run.install(tmp_path / "batches")
    assert stats.pages == 40
    assert _tree(tmp_path / "batches" / "pagefind") == _tree(tmp_path / "once" / "pagefind")
    assert not run.scratch.exists()


def test_a_run_cancelled_before_it_starts_leaves_nothing() -> None:
    run = IndexingRun()
    run.add(_documents()[:3])
    assert (run.scratch / "pages" / "projets" / "fiche-0" / "index.html").is_file()
    run.cancel()
    assert not run.scratch.exists()
    with pytest.raises(SearchIndexError):
        run.add(_documents()[3:4])


def test_nothing_to_index_gives_no_bundle(tmp_path: Path) -> None:
    """A new site without sheets or write-ups: no Pagefind run (it would fail), no bundle,
    and a bundle left by an earlier build is removed."""
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "pagefind.js").write_text("old", "utf-8")
    stats = start_indexing([]).install(tmp_path)
    assert stats.pages == 0
    assert not (tmp_path / "pagefind").exists()
