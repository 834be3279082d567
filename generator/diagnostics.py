"""Diagnostics: what the checker tells editors, and how it prints them.

Every problem found in content becomes one :class:`Diagnostic` naming the file (relative
to the repository), the line, the field path and a message, with a suggestion when one
fits. The same objects serve ``check`` and the build.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from dataclasses import field as dc_field
from enum import StrEnum

from .messages import Said, text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one place of one file."""

    path: str
    line: int
    field: str
    message: str
    suggestion: str = ""
    severity: Severity = Severity.ERROR
    code: str = dc_field(default="", compare=False)

    @classmethod
    def of(
        cls, path: str, line: int, field: str, said: Said, severity: Severity = Severity.ERROR
    ) -> Diagnostic:
        """A diagnostic from a code's message said now (:func:`generator.messages.say`)."""
        return cls(path, line, field, said.message, said.suggestion, severity, said.code)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def full_message(self) -> str:
        text = self.message
        if self.suggestion:
            text += f" ({self.suggestion})"
        return text

    def as_text(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        prefix = "" if self.is_error else text("cmd-avertissement")
        fieldpart = f"{self.field}: " if self.field else ""
        code = f" [{self.code}]" if self.code else ""
        return f"{where}: {prefix}{fieldpart}{self.full_message()}{code}"

    def as_github(self) -> str:
        kind = "error" if self.is_error else "warning"
        title = self.field or "content"
        return (
            f"::{kind} file={_gh_prop(self.path)},line={max(self.line, 1)},"
            f"title={_gh_prop(title)}::{_gh_data(self.full_message())}"
        )

    def as_gitlab(self) -> dict[str, object]:
        """One issue of a GitLab Code Quality report (its fingerprint is stable: the same
        problem at the same place keeps it from one pipeline to the next)."""
        where = f"{self.path}\0{self.field}\0{self.code}\0{self.message}"
        return {
            "description": (f"{self.field}: " if self.field else "") + self.full_message(),
            "check_name": self.code or "contenu",
            "fingerprint": hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest(),
            "severity": "major" if self.is_error else "minor",
            "location": {"path": self.path, "lines": {"begin": max(self.line, 1)}},
        }

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _one_line(text: str) -> str:
    """Control characters (a newline in a key, say) shown escaped: one diagnostic, one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


class DiagnosticList:
    """Collects diagnostics while a run goes; sorted output, stable across runs."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def add(self, diagnostic: Diagnostic) -> None:
        self._items.append(
            replace(
                diagnostic,
                path=_one_line(diagnostic.path),  # a file name may hold a newline
                field=_one_line(diagnostic.field),
                message=_one_line(diagnostic.message),
                suggestion=_one_line(diagnostic.suggestion),
            )
        )

    def error(self, path: str, line: int, field: str, said: Said) -> None:
        """An error; ``said`` brings its code, message and hint (see ``messages.say``)."""
        self.add(Diagnostic.of(path, line, field, said, Severity.ERROR))

    def warning(self, path: str, line: int, field: str, said: Said) -> None:
        self.add(Diagnostic.of(path, line, field, said, Severity.WARNING))

    def extend(self, items: Iterable[Diagnostic]) -> None:
        self._items.extend(items)

    def items(self) -> list[Diagnostic]:
        """In the order they were found."""
        return list(self._items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self._items), key=_sort_key)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if not d.is_error]

    def __len__(self) -> int:
        return len(self._items)


def _sort_key(d: Diagnostic) -> tuple[str, int, str, str]:
    return (d.path, d.line, d.field, d.message)


def format_diagnostics(items: list[Diagnostic], fmt: str) -> str:
    """Render diagnostics as ``text`` (one per line), ``github`` annotations, ``json`` or a
    GitLab Code Quality report (``gitlab``)."""
    if fmt == "gitlab":
        return json.dumps([d.as_gitlab() for d in items], ensure_ascii=False, indent=2)
    if fmt == "json":
        return json.dumps([d.as_dict() for d in items], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(d.as_github() for d in items)
    return "\n".join(d.as_text() for d in items)


class ContentError(Exception):
    """Raised at a boundary (build, plugin) when content has errors; carries them all."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.is_error]
        super().__init__(f"{len(errors)} content error(s):\n" + format_diagnostics(errors, "text"))
