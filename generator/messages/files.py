"""Sentences about the repository's files and folders, registries and the settings."""

from __future__ import annotations

from ._catalogue import entry

entry(
    "registre-absent",
    "error",
    "le fichier du registre est absent",
    "registry file is missing",
    about="Les organisations, programmes et thèmes sont listés dans content/_data/ "
    "(organisations.yml, programmes.yml, themes.yml) ; les fiches y renvoient par leur id.",
    example="content/_data/themes.yaml → renommez-le en themes.yml",
)
entry(
    "registre-pas-une-liste",
    "error",
    "un registre est une liste d'entrées",
    "a registry must be a list of entries",
    about="Chaque entrée d'un registre commence par un tiret : « - id: … », puis ses champs "
    "indentés de deux espaces.",
    example="`id: eau` → `- id: eau`",
)
entry(
    "id-en-double",
    "error",
    "l'id « {value} » est déjà utilisé (ligne {first})",
    "id '{value}' is already used (line {first})",
    about="Deux entrées d'un registre ne peuvent pas avoir le même id : les fiches ne "
    "sauraient pas de laquelle elles parlent.",
    example="deux `- id: fonda` → renommez l'une d'elles (`fonda-idf`)",
)
entry(
    "lien-symbolique-sortant",
    "error",
    "lien symbolique qui sort de content/ et projects/ : ce qu'il désigne serait publié",
    "symbolic link that leads outside content/ and projects/: what it points to would be published",
    about="Un lien symbolique qui sort de content/ ou projects/ publierait un fichier que "
    "personne n'a relu dans le dépôt.",
    example="`projects/fiche.md` → lien vers `/home/…` : copiez le fichier lui-même",
)
entry(
    "lien-symbolique-casse",
    "error",
    "lien symbolique qui ne mène nulle part (cassé, ou une boucle)",
    "symbolic link to nothing (broken, or a loop)",
    about="Le fichier que le lien désignait a été déplacé ou supprimé.",
    example="retirez le lien, ou mettez le fichier lui-même à sa place",
)
entry(
    "lien-symbolique-dossier",
    "error",
    "lien symbolique vers un dossier : ces liens ne sont pas suivis",
    "symbolic link to a folder: links to folders are not followed",
    about="Un dossier lié pourrait contenir n'importe quoi, ou se contenir lui-même.",
    example="déplacez ou copiez le dossier ici",
)
entry(
    "lien-symbolique-special",
    "error",
    "lien symbolique vers {kind} : seuls les fichiers ordinaires sont lus",
    "symbolic link to {kind}: only ordinary files are read",
    about="Lire un tube ou un périphérique pourrait bloquer la vérification.",
    example="retirez le lien",
)
entry(
    "entree-speciale",
    "error",
    "{kind}, pas un fichier ordinaire : il n'est pas lu (le lire pourrait bloquer)",
    "{kind}, not an ordinary file: it is not read (reading it could hang or never end)",
    about="Le dossier du contenu ne contient que des fichiers et des dossiers ordinaires.",
    example="un tube nommé dans content/ → supprimez-le",
)
entry(
    "nom-avec-controle",
    "error",
    "le nom du fichier contient un caractère de contrôle (un saut de ligne, une tabulation…)",
    "the file name holds a control character (a line break, a tab…)",
    about="Un nom de fichier s'écrit avec des lettres, des chiffres et des tirets.",
    example="« fiche⏎.md » → « fiche.md »",
)
entry(
    "chemin-du-theme",
    "error",
    "a le même chemin qu'un fichier {owner}, qu'il remplacerait",
    "has the same path as a file of {owner}, which it would replace",
    about="Le contenu ne peut pas remplacer un fichier du thème ou du site (feuille de style, "
    "script) : une page pourrait changer toutes les autres.",
    example="content/assets/stylesheets/extra.css → renommez-le ou déplacez-le",
)
entry(
    "chemin-du-site",
    "error",
    "est à l'endroit où la construction écrit son propre « {rel} » (dossiers générés : "
    "medias/, pagefind/ ; fichiers : {files})",
    "lies where the build writes its own '{rel}' (generated folders: medias/, pagefind/; "
    "files: {files})",
    about="Certains dossiers et fichiers du site sont écrits par la construction ; un fichier "
    "du contenu au même endroit serait écrasé, ou l'écraserait.",
    example="content/pagefind/notes.md → déplacez-le dans content/notes/",
)
entry(
    "extension-ignoree",
    "warning",
    "ignoré : seuls les fichiers en « .md » sont lus",
    "ignored: only files ending in '.md' are read",
    about="Une fiche ou un compte-rendu porte l'extension .md, en minuscules ; un fichier "
    "« .MD » ou « .markdown » est laissé de côté.",
    example="`puits.markdown` → `puits.md`",
)
entry(
    "nom-de-fichier-invalide",
    "error",
    "« {slug} » n'est pas un nom de fichier valide : lettres minuscules a-z, chiffres et "
    "tirets simples",
    "'{slug}' is not a valid slug: use lower-case letters a-z, digits and single hyphens",
    about="Le nom du fichier devient l'adresse de la page : sans accent, espace ni "
    "majuscule, il reste lisible et stable dans tous les navigateurs.",
    example="`Puits partagés.md` → `puits-partages.md`",
)
entry(
    "page-dans-section-generee",
    "error",
    "cette page serait à l'adresse {address}, dans {section}, que le site génère : la page "
    "générée la remplacerait",
    "this page would be at {address}, inside {section}, which the site generates: the "
    "generated page would replace it",
    about="Les listes (pays/, thèmes/, organisations/…) sont écrites par le générateur ; une "
    "page éditoriale ne peut pas s'y placer.",
    example="content/pays/notes.md → content/notes-pays.md",
)
entry(
    "image-sans-credit",
    "warning",
    "l'image n'a pas de crédit",
    "the image has no credit",
    about="Le crédit d'une image (son auteur ou sa source) s'affiche avec elle et dans les "
    "PDF ; la licence du site l'exige le plus souvent.",
    example="ajoutez `credit: Photo : Awa Diallo` sous `image:`",
)
entry(
    "corps-vide",
    "warning",
    "le texte de la page est vide",
    "the text of the page is empty",
    about="Après l'en-tête vient le texte de la page, en Markdown ; une page sans texte "
    "n'apprend rien à ses lecteurs.",
    example="ajoutez au moins un paragraphe sous la ligne `---`",
)
entry(
    "image-sans-texte-alternatif",
    "warning",
    "image sans texte alternatif",
    "image without alternative text",
    about="Le texte entre crochets décrit l'image pour qui ne la voit pas (lecteur d'écran, "
    "connexion lente).",
    example="`![](images/puits.jpg)` → `![Le puits du quartier](images/puits.jpg)`",
)
entry(
    "caractere-bidi",
    "warning",
    "contient {what} : un caractère invisible qui montre le texte qui le suit dans un autre "
    "ordre que celui du fichier",
    "holds {what}: an invisible character that shows the text after it in another order "
    "than the file holds it",
    about="Ces caractères servent à l'écriture de droite à gauche ; ailleurs, ils font lire "
    "à un relecteur autre chose que ce que le site affichera.",
    example="un U+202E collé depuis un autre document → retapez le texte",
)
entry(
    "option-inconnue",
    "error",
    "l'option « {name} » de plugins.programme dans mkdocs.yml n'existe pas",
    "option '{name}' of plugins.programme in mkdocs.yml does not exist",
    about="Les options du générateur sont listées dans le README (« Settings ») ; une "
    "option mal orthographiée est ignorée, d'où l'erreur.",
    example="`listing_pagesize: 20` → `listing_page_size: 20`",
)
entry(
    "option-invalide",
    "error",
    "l'option « {name} » de plugins.programme dans mkdocs.yml est invalide : {detail}",
    "option '{name}' of plugins.programme in mkdocs.yml is invalid: {detail}",
    about="La valeur de l'option n'a pas la forme attendue (un nombre, oui/non, une liste).",
    example="`pdf: peut-être` → `pdf: true`",
)
entry(
    "licence-incomplete",
    "error",
    "la licence « {value} » de mkdocs.yml doit avoir un nom (name) et une adresse (url)",
    "licence '{value}' in mkdocs.yml needs a name and a url",
    about="Une licence ajoutée dans mkdocs.yml s'affiche avec son nom et un lien vers son texte.",
    example="ajoutez `name: …` et `url: https://…` sous l'id de la licence",
)
entry(
    "licence-du-site-inconnue",
    "error",
    "la licence du site « {value} » (mkdocs.yml) n'est pas une licence connue",
    "site licence '{value}' in mkdocs.yml is not a known licence",
    about="La licence du site est l'id d'une licence connue (listée sur la page des listes) "
    "ou ajoutée sous `licences:` dans mkdocs.yml.",
    example="`licence: cc-by-sa` → `licence: cc-by-sa-4.0`",
)
entry(
    "indice-renommer-registre",
    "hint",
    "renommez {other} en {name}.yml",
    "rename {other} to {name}.yml",
)
entry(
    "indice-creer-registre",
    "hint",
    "créez-le : une liste d'entrées, chacune commençant par « - id: … »",
    "create it: a list of entries, each starting with '- id: …'",
)
entry(
    "indice-entree-id",
    "hint",
    "commencez chaque entrée par « - id: … »",
    "start each entry with '- id: …'",
)
entry(
    "indice-ids-uniques",
    "hint",
    "les ids sont uniques : renommez l'un des deux",
    "ids must be unique: rename one of them",
)
entry(
    "indice-copier-ici",
    "hint",
    "copiez le fichier ici au lieu d'un lien",
    "copy the file here instead of linking to it",
)
entry(
    "indice-lien-casse",
    "hint",
    "retirez le lien, ou mettez le fichier lui-même ici",
    "remove it, or put the file itself here",
)
entry(
    "indice-deplacer-dossier",
    "hint",
    "déplacez ou copiez le dossier ici",
    "move or copy the folder here",
)
entry(
    "indice-nom-simple",
    "hint",
    "renommez-le avec des lettres, des chiffres et des tirets",
    "rename it with letters, digits and hyphens",
)
entry(
    "indice-ne-pas-remplacer",
    "hint",
    "renommez-le ou déplacez-le : le contenu ne peut pas remplacer un fichier du thème ou du site",
    "rename or move it: content cannot replace a file of the theme or of the site",
)
entry(
    "indice-renommer-fichier",
    "hint",
    "renommez le fichier en {fixed}",
    "rename the file to {fixed}",
)
entry("indice-deplacer-hors", "hint", "sortez-la de {section}", "move it out of {section}")
entry(
    "indice-deplacer-vers",
    "hint",
    "sortez-la de {section}, par exemple vers {target}",
    "move it out of {section}, for example to {target}",
)
entry(
    "indice-credit",
    "hint",
    "ajoutez « credit: … » avec l'auteur ou la source de l'image",
    "add `credit: …` naming the author or source of the image",
)
entry(
    "indice-texte-alternatif",
    "hint",
    "décrivez-la pour qui ne la voit pas : ![description](fichier.png)",
    "describe it for readers who cannot see it: ![description](file.png)",
)
entry(
    "indice-bidi",
    "hint",
    "supprimez-le, ou retapez le texte au lieu de le coller ; gardez-le seulement où "
    "l'écriture de droite à gauche en a besoin",
    "delete it, or retype the text instead of pasting it; keep it only where right-to-left "
    "writing needs it",
)
entry("mot-racine", "word", "la racine", "the root")
entry("mot-tube", "word", "un tube nommé (FIFO)", "a named pipe (FIFO)")
entry("mot-socket", "word", "une socket", "a socket")
entry("mot-peripherique", "word", "un périphérique", "a device")
entry("mot-fichier-special", "word", "un fichier spécial", "not a regular file")
entry(
    "pdf-non-fait",
    "error",
    "le PDF n'a pas pu être produit : {problem}",
    "PDF not made: {problem}",
    about="WeasyPrint n'a pas pu mettre la page en PDF, le plus souvent à cause d'une image "
    "ou d'un lien que le message nomme ; `check` refuse déjà la plupart de ces cas.",
    example="une image qui ne se lit pas → enregistrez-la à nouveau en PNG ou JPEG",
)
entry(
    "rapport-non-fait",
    "error",
    "le rapport du programme « {programme} » ({title}) n'a pas pu être produit : {problem}",
    "compiled report of programme '{programme}' ({title}) not made: {problem}",
    about="Le rapport d'un programme réunit ses fiches et comptes-rendus ; il a échoué alors "
    "que chaque document seul passait. Le message donne la cause.",
    example="un rapport trop gros pour la mémoire → réduisez `report_volume_size`",
)
entry("mot-theme-material", "word", "du thème mkdocs-material", "mkdocs-material's theme")
entry("mot-dossier-theme", "word", "du dossier du thème, theme/", "the theme folder theme/")
