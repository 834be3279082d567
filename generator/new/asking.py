"""Asking, in a terminal, for what the options did not say, with Tab completion of ids.

The terminal is a :class:`Terminal`: three functions, so that a test can play a person
(answers from a list, what was offered for completion recorded). :func:`readline_terminal`
is the real one: ``input`` with the ``readline`` module's completion, where Python has it
(not on Windows' own Python: there, questions are asked without completion).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..messages import text
from .kinds import LIST_FACTS, Kind
from .starting_points import Facts

Completer = Callable[[str, int], "str | None"]

DELIMITERS = " ,;"
"""What separates the items of an answer (and so the word Tab completes)."""
_IDS = re.compile(r"[,\s]+")
_TEXTS = re.compile(r"\s*;\s*")


def _no_completion(candidates: Sequence[str]) -> None:
    return None


@dataclass
class Terminal:
    read: Callable[[str], str] = input
    """Shows a prompt, returns the answer (EOFError at the end of input)."""
    show: Callable[[str], None] = print
    offer: Callable[[Sequence[str]], None] = field(default=_no_completion)
    """Sets what Tab completes during the next :attr:`read`."""


def completer(candidates: Iterable[str]) -> Completer:
    """A ``readline`` completer: the ``state``-th candidate that starts with ``word``
    (case does not matter: ``sn`` completes to ``SN``)."""
    pool = sorted(set(candidates))

    def complete(word: str, state: int) -> str | None:
        lowered = word.lower()
        matches = [c for c in pool if c.lower().startswith(lowered)]
        return matches[state] if state < len(matches) else None

    return complete


def readline_terminal() -> Terminal:
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows' Python has no readline
        return Terminal()
    readline.set_completer_delims(DELIMITERS)
    if "libedit" in (readline.__doc__ or ""):  # pragma: no cover - macOS' Python
        readline.parse_and_bind("bind ^I rl_complete")
    else:
        readline.parse_and_bind("tab: complete")

    def offer(candidates: Sequence[str]) -> None:
        readline.set_completer(completer(candidates) if candidates else None)

    return Terminal(input, print, offer)


def parse_answer(fact: str, answer: str) -> object:
    """An answer as the fact it gives: a text, a list of ids or texts, or people."""
    answer = answer.strip()
    if fact not in LIST_FACTS:
        return answer
    if fact in ("places", "authors"):
        items = [item for item in _TEXTS.split(answer) if item]
        return [person(item) for item in items] if fact == "authors" else items
    return [item for item in _IDS.split(answer) if item]


def person(written: str) -> tuple[str, str]:
    """``Nom`` or ``Nom:id-organisation`` as (name, organisation id or "")."""
    name, colon, organisation = written.rpartition(":")
    if not colon:
        return written.strip(), ""
    return name.strip(), organisation.strip()


QUESTIONS: dict[str, str] = {
    "title": "new-q-titre",
    "summary": "new-q-resume",
    "programme": "new-q-programme",
    "lead": "new-q-porteur",
    "partners": "new-q-partenaires",
    "countries": "new-q-pays",
    "places": "new-q-lieux",
    "themes": "new-q-themes",
    "start": "new-q-debut",
    "end": "new-q-fin",
    "status": "new-q-etat",
    "date": "new-q-date",
    "event": "new-q-rencontre",
    "organisations": "new-q-organisations",
    "authors": "new-q-auteurs",
    "examples": "new-q-exemples",
    "short_name": "new-q-sigle",
    "country": "new-q-pays-siege",
    "url": "new-q-adresse",
    "description": "new-q-description",
    "organisation": "new-q-organisation-programme",
    "started": "new-q-lancement",
    "name": "new-q-nom",
    "label": "new-q-libelle",
}
"""The question for each fact (a key of the catalogue)."""

TRIES = 3
"""Answers refused in a row before a question is left for later (the field stays empty)."""


def ask_missing(
    kind: Kind,
    title: str,
    facts: Facts,
    terminal: Terminal,
    candidates: Callable[[str], list[str]],
    problems: Callable[[str, str, Facts], list[str]],
) -> tuple[str, Facts]:
    """Ask for the title if missing, then for each fact of ``kind`` not given.

    ``problems(fact, title, facts)`` says what ``check`` would say of that fact (one line
    each): an answer with problems is shown them and asked again. An empty answer leaves
    the fact for later. The end of input (Ctrl-D) stops the questions.
    """
    facts = dict(facts)
    terminal.show(text("new-questions-intro"))
    order = [kind.title_field] if not title else []
    order += [fact for fact in kind.facts if not facts.get(fact)]
    try:
        for fact in order:
            terminal.offer(candidates(fact))
            for _try in range(TRIES):
                answer = terminal.read(text("new-invite", question=text(QUESTIONS[fact])))
                value = parse_answer(fact, answer)
                if not value:
                    break
                if fact == kind.title_field:
                    trial_title, trial = str(value), facts
                else:
                    trial_title, trial = title, {**facts, fact: value}
                said = problems(fact, trial_title, trial)
                for line in said:
                    terminal.show(line)
                if not said:
                    title, facts = trial_title, trial
                    break
            if not title:  # no title, no document: the command says so
                break
    except EOFError:
        terminal.show("")
    finally:
        terminal.offer([])
    return title, facts
