"""``new sheet`` and ``new writeup``: a new file in ``projects/`` or the write-ups' folder."""

from __future__ import annotations

import argparse
import sys

from ..french import slug as slug_of
from ..messages import say, text
from ..validate.schema import MAX_SLUG, SLUG_RE
from . import files
from .kinds import Kind
from .known import Known, check_document
from .naming import folder_of, free_name, places_of, taken_names
from .saying import diagnostic_line, option_line, refuse, said_line
from .starting_points import Facts, document_text

WRITTEN = {"sheet": "new-ecrit-fiche", "writeup": "new-ecrit-compte-rendu"}


def new_document(
    kind: Kind, args: argparse.Namespace, title: str, facts: Facts, known: Known
) -> int:
    settings = known.settings
    folder = folder_of(kind, settings)
    if args.ident is not None:
        if not SLUG_RE.match(args.ident) or len(args.ident) > MAX_SLUG:
            suggestion = slug_of(args.ident)[:MAX_SLUG]
            said = say(
                "identifiant-invalide",
                hint="indice-exemple-id" if suggestion else "",
                value=args.ident,
                match=suggestion,
            )
            return refuse([option_line("--slug", said)])
        name = args.ident
    else:
        name = free_name(slug_of(title), taken_names(folder))
        if not name:
            return refuse(
                [said_line(say("new-slug-vide", hint="new-indice-donner-slug", title=title))]
            )
    path = folder / f"{name}.md"
    rel = settings.rel(path)
    draft = not args.no_draft
    found = check_document(
        kind, document_text(kind, title, facts, True, places_of(settings)), rel, known, folder
    )
    errors = [d for d in found if d.is_error]
    if errors:
        return refuse([diagnostic_line(kind, d) for d in errors])
    missing = [d.field for d in found if d.code == "brouillon-incomplet"]
    if missing and not draft:
        said = say(
            "new-faits-manquants", hint="new-indice-options-ou-brouillon", fields=", ".join(missing)
        )
        return refuse([said_line(said)])
    content = document_text(kind, title, facts, draft, places_of(settings))
    try:
        files.write_new(path, content)
    except files.Taken:
        hint = "new-indice-autre-slug"
        return refuse([said_line(say("new-fichier-existe", hint=hint, path=rel))])
    except OSError as error:
        print(
            text("cmd-erreur")
            + said_line(say("new-ecriture-impossible", path=rel, reason=error.strerror)),
            file=sys.stderr,
        )
        return 1
    print(text(WRITTEN[kind.name], path=rel) + (text("new-en-brouillon") if draft else ""))
    base = slug_of(title)[:MAX_SLUG].rstrip("-")
    if args.ident is None and name != base:
        print(text("new-nom-pris", taken=settings.rel(folder / f"{base}.md"), name=f"{name}.md"))
    if missing:
        print(text("new-encore-a-ecrire", fields=", ".join(missing)))
    print(text("new-ensuite"))
    print(text("new-etape-completer", data_dir=settings.rel(settings.data_dir)))
    print(text("new-etape-verifier"))
    print(text("new-etape-publier") if draft else text("new-etape-relire"))
    return 0
