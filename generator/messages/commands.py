"""Sentences of the commands: ``check``, ``build``, ``serve`` and ``new`` themselves."""

from __future__ import annotations

from ._catalogue import entry

entry(
    "cmd-resume",
    "text",
    "{errors} erreur(s), {warnings} avertissement(s)",
    "{errors} error(s), {warnings} warning(s)",
)
entry(
    "cmd-contenu-ok",
    "text",
    "contenu correct : aucun problème trouvé",
    "content OK: no problem found",
)
entry("cmd-avertissement", "text", "avertissement : ", "warning: ")
entry("cmd-erreur", "text", "erreur : ", "error: ")
entry(
    "cmd-pas-un-dossier",
    "text",
    "{root} n'est pas un dossier",
    "{root} is not a folder",
)
entry(
    "cmd-projet-introuvable",
    "text",
    "aucun projet ici : pas de mkdocs.yml dans {root} ni dans les dossiers au-dessus "
    "(lancez la commande depuis le dossier du dépôt, ou donnez --root)",
    "no project here: no mkdocs.yml in {root} or any folder above it "
    "(run the command from the repository's folder, or give --root)",
)
entry(
    "cmd-echec-inattendu",
    "text",
    "le vérificateur a échoué de façon inattendue ({detail}) ; merci de le signaler, avec le "
    "fichier qui l'a provoqué",
    "the checker failed unexpectedly ({detail}); please report this, with the file that caused it",
)
