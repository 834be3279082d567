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
# build: the frame of the command and the site folder (the machine, never content)
entry("cmd-pas-de-mkdocs", "text", "pas de mkdocs.yml dans {root}", "no mkdocs.yml in {root}")
entry(
    "cmd-site-dans-sources",
    "text",
    "le dossier du site {target} est le projet ou contient ses sources ; choisissez un autre "
    "--site-dir (rien n'a été fait)",
    "the site folder {target} is the project or holds its sources; choose another "
    "--site-dir (nothing was done)",
)
entry(
    "cmd-point-de-montage",
    "text",
    "{target} est un point de montage : une construction ne peut pas le remplacer ; prenez "
    "un dossier à l'intérieur comme dossier du site",
    "{target} is a mount point: a build cannot replace it; set the site folder to a folder "
    "inside it",
)
entry(
    "cmd-reste-supprime",
    "text",
    "{name} supprimé : une construction interrompue l'avait laissé",
    "removed {name}, left by an interrupted build",
)
entry(
    "cmd-echec-construction",
    "text",
    "la construction a échoué ; {target} est resté tel quel",
    "build failed; {target} was left as it was",
)
entry(
    "cmd-construction-interrompue",
    "text",
    "construction interrompue ; {target} est resté tel quel",
    "build interrupted; {target} was left as it was",
)
entry("cmd-site-construit", "text", "site construit dans {target}", "site built in {target}")
entry(
    "cmd-site-a-jour",
    "text",
    "rien n'a changé depuis la dernière construction : {target} est à jour",
    "nothing changed since the last build: {target} is up to date",
)
entry("mot-dossier-site", "word", "dossier de site", "site folder")
entry("mot-corpus-demo", "word", "corpus de démonstration", "demo corpus")
entry(
    "cmd-autre-site-dir",
    "text",
    "Choisissez un autre --site-dir, ou ajoutez --force pour le remplacer.",
    "Choose another --site-dir, or add --force to replace it.",
)
entry(
    "cmd-vider-site-dir",
    "text",
    "Choisissez un autre site_dir, ou videz-le vous-même.",
    "Choose another site_dir, or empty it yourself.",
)
entry(
    "cmd-autre-out",
    "text",
    "Donnez à --out un dossier nouveau ou vide.",
    "Give --out a new or empty folder.",
)
entry(
    "dossier-pas-un-dossier",
    "text",
    "{target} n'est pas un dossier (un fichier ou un lien est là) ; il est resté tel quel. {hint}",
    "{target} is not a folder (a file or a link is there); it was left as it is. {hint}",
)
entry(
    "dossier-illisible",
    "text",
    "{target} ne peut pas être lu ({reason}) ; il est resté tel quel. {hint}",
    "{target} cannot be read ({reason}); it was left as it is. {hint}",
)
entry(
    "dossier-pas-a-nous",
    "text",
    "{target} n'est pas vide et n'est pas un {what} écrit par ce générateur (pas de fichier "
    "{marker} dedans ; il contient {sample}). Le remplacer supprimerait ces fichiers : rien "
    "n'a été fait. {hint}",
    "{target} is not empty and is not a {what} written by this generator (no {marker} file "
    "in it; it holds {sample}). Replacing it would delete those files, so nothing was done. "
    "{hint}",
)
entry("dossier-et-autres", "text", "{shown} et {count} autres", "{shown} and {count} more")
entry(
    "dossier-verrou-impossible",
    "text",
    "impossible de créer le verrou de {target} dans {folder} ({reason})",
    "cannot create the lock of {target} in {folder} ({reason})",
)
entry(
    "dossier-autre-construction",
    "text",
    "une autre construction écrit {target} en ce moment ; attendez qu'elle finisse, puis relancez",
    "another build is writing {target} right now; wait until it ends, then build again",
)
entry(
    "dossier-creation-impossible",
    "text",
    "impossible de créer le site à côté de {target} ({reason}) : la construction écrit un "
    "nouveau dossier dans {parent} puis l'échange avec l'ancien site ; donnez à cet "
    "utilisateur le droit d'écrire dans {parent}, ou construisez ailleurs avec --site-dir",
    "cannot create the site beside {target} ({reason}): the build writes a new folder in "
    "{parent} and then exchanges it with the old site; make {parent} writable for this "
    "user, or build elsewhere with --site-dir",
)
entry(
    "dossier-remplacement-impossible",
    "text",
    "impossible de remplacer {target} ({reason})",
    "cannot replace {target} ({reason})",
)
# schemas
entry(
    "schema-perime",
    "text",
    "{name} : périmé, diffère des modèles (lancez `python -m generator schemas`)",
    "{name}: stale: differs from the models (run `python -m generator schemas`)",
)
entry("schema-ecrit", "text", "{name} : écrit", "{name}: written")
entry("schema-a-jour", "text", "{folder}/ : à jour", "{folder}/: up to date")
entry(
    "decap-pas-a-nous",
    "text",
    "{path} n’a pas été écrit par `python -m generator schemas` (sa première ligne le dirait) : "
    "rien n’y a été écrit ; déplacez-le et relancez la commande",
    "{path} was not written by `python -m generator schemas` (its first line would say so): "
    "nothing was written there; move it away and run the command again",
)
# edit (the browser editor)
entry(
    "edit-pas-installe",
    "text",
    "l’éditeur du navigateur n’est pas installé : lancez tools/decap/install.sh (il demande "
    "Node.js et npm ; voir docs/editing-in-the-browser.md)",
    "the browser editor is not installed: run tools/decap/install.sh (it needs Node.js and "
    "npm; see docs/editing-in-the-browser.md)",
)
entry(
    "edit-formulaires",
    "text",
    "Formulaires : {url} (Ctrl+C pour arrêter)",
    "Forms: {url} (Ctrl+C to stop)",
)
entry(
    "cache-pdf-impossible",
    "text",
    "impossible d'écrire le cache des PDF dans {folder} ({reason}) : rendez ce dossier "
    "accessible en écriture, ou choisissez cache_dir dans les options du plugin",
    "cannot write the PDF cache in {folder} ({reason}): make that folder writable, or set "
    "cache_dir in the plugin options",
)
# thumbnails of the PDFs (generator/reports/thumbnails.py)
entry(
    "vignettes-sans-pypdfium2",
    "text",
    "vignettes des PDF non faites : la bibliothèque pypdfium2 manque (pip install pypdfium2) ; "
    "les liens de téléchargement restent",
    "no thumbnails of the PDFs: the pypdfium2 library is missing (pip install pypdfium2); "
    "the download links stay",
)
entry(
    "vignette-impossible",
    "text",
    "{file} : vignette de la première page impossible ({reason}) ; le lien reste, sans image",
    "{file}: cannot draw its first page as a thumbnail ({reason}); the link stays, without image",
)
entry(
    "progression-reste",
    "text",
    "encore environ {left}",
    "about {left} left",
)
