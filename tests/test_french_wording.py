"""The French of sentences that name organisations: articles, elision, counts, volumes."""

from __future__ import annotations

import pytest

from generator.credits import Credits
from generator.french import counted, of, the, volume_label
from generator.loader import load_catalogue
from generator.settings import load_settings

from .conftest import ROOT


@pytest.mark.parametrize(
    ("name", "article", "expected"),
    [
        ("Comité français pour la solidarité internationale", None, "du Comité français"),
        ("La Fonda", None, "de la Fonda"),
        ("Fonda", "la", "de la Fonda"),
        ("Fonda", None, "de Fonda"),
        ("Essentiel", None, "d’Essentiel"),
        ("ONG Essentiel", None, "de l’ONG Essentiel"),
        ("Association Guinée 44", None, "de l’Association Guinée 44"),
        ("Amis de la Terre", None, "des Amis de la Terre"),
        ("Maisons familiales rurales", None, "des Maisons familiales"),
        ("Haut conseil de la coopération", None, "du Haut conseil"),
        ("Le Monde associatif", None, "du Monde associatif"),
        ("Les Petits Frères", None, "des Petits Frères"),
        ("L'Atelier solidaire", None, "de l’Atelier solidaire"),
        ("Institut Belleville", "aucun", "d’Institut Belleville"),
        ("Réseau des femmes", "le", "du Réseau des femmes"),
    ],
)
def test_of_a_name(name: str, article: str | None, expected: str) -> None:
    assert of(name, article).startswith(expected)


def test_the() -> None:
    assert the("La Fonda") == "la Fonda"
    assert the("Union nationale des syndicats") == "l’Union nationale des syndicats"
    assert the("Guinée 44") == "Guinée 44"


def test_counts_and_volumes_agree() -> None:
    assert counted(0, "fiche", feminine=True) == "aucune fiche"
    assert counted(0, "compte-rendu", "comptes-rendus", feminine=False) == "aucun compte-rendu"
    assert counted(1, "fiche", feminine=True) == "1 fiche"
    assert counted(3, "compte-rendu", "comptes-rendus", feminine=False) == "3 comptes-rendus"
    assert volume_label(2, 5) == "tome 2 sur 5"
    assert volume_label(1, 1) == ""


def test_credit_sentences_of_the_example_content() -> None:
    catalogue = load_catalogue(load_settings(ROOT)).catalogue
    assert catalogue is not None
    credits = Credits(catalogue)
    assert credits.of_org("fonda") == "de la Fonda"
    assert credits.org("cfsi") == "le Comité français pour la solidarité internationale (CFSI)"
    assert credits.of_org("essentiel") == "de l’ONG Essentiel"
    documents = [*catalogue.projects.values(), *catalogue.writeups.values()]
    sentences = [credits.of(doc) for doc in documents]
    assert sentences and all("porté par " in s or "rédigé par " in s for s in sentences)
    joined = " ".join(sentences)
    assert "porté par CFSI" not in joined and "de Fonda" not in joined
