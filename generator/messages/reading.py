"""Sentences about reading files: encodings, YAML syntax, the folders, Markdown bodies."""

from __future__ import annotations

from ._catalogue import entry

entry(
    "fichier-non-utf8",
    "error",
    "le fichier n'est pas enregistré en UTF-8",
    "file is not valid UTF-8",
    about="Les fichiers s'enregistrent en UTF-8 (le choix par défaut des éditeurs "
    "récents) ; un autre encodage abîme les accents.",
    example="un fichier enregistré en « Windows-1252 » → enregistrez-le en UTF-8",
)
entry(
    "fichier-illisible",
    "error",
    "le fichier ne peut pas être lu : {reason}",
    "cannot be read: {reason}",
    about="Le système refuse de lire le fichier (droits, fichier verrouillé…) : ce n'est "
    "pas son contenu qui est en cause.",
    example="un fichier sans droit de lecture → `chmod a+r fichier.md`",
)
entry(
    "yaml-syntaxe",
    "error",
    "erreur de syntaxe YAML : {problem}",
    "YAML syntax error: {problem}",
    about="Le texte ne suit pas la syntaxe YAML ; la ligne indiquée est celle à corriger.",
    example='`title: Bilan: 2022` → `title: "Bilan: 2022"`',
)
entry("indice-utf8", "hint", "enregistrez-le en UTF-8", "save it as UTF-8")
