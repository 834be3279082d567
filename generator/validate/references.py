"""What validation needs to know beyond one file: the ids that references may name."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ReferenceContext:
    """Known ids and where the file being validated sits (for relative paths)."""

    root: Path
    organisations: set[str] | None = field(default_factory=set)
    programmes: set[str] | None = field(default_factory=set)
    themes: set[str] | None = field(default_factory=set)
    projects: set[str] | None = field(default_factory=set)
    licences: set[str] | None = field(default_factory=set)
    file_dir: Path | None = None
    """None for a set of ids means "unknown" (its registry could not be read): references
    to it are not checked, so that one broken registry does not bury its own error under
    one message per reference."""


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate closest to ``word`` (case-insensitive), if any is close enough."""
    pool = sorted(set(candidates))
    lowered = {c.lower(): c for c in pool}
    match = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[match[0]] if match else None
