"""A progress bar on a terminal for the long stages (a cold PDF build takes minutes).

On a terminal, one line redrawn in place (at most five times a second): what is done, out of
how many, and the time left, estimated from the pace so far. Elsewhere (a log, CI) nothing is
drawn: the build's ``-v`` lines say the stage once in a while instead.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .messages import text

WIDTH = 24
"""Characters of the bar itself."""
REDRAW_EVERY = 0.2


def time_left(seconds: float) -> str:
    """« 2 min », « 40 s »: rounded, as a person says it."""
    if seconds >= 90:
        return f"{round(seconds / 60)} min"
    return f"{max(1, round(seconds / 10) * 10 if seconds > 10 else round(seconds))} s"


def bar_line(label: str, done: int, total: int, elapsed: float) -> str:
    """The line drawn for ``done`` of ``total`` after ``elapsed`` seconds."""
    share = done / total if total else 1.0
    filled = round(WIDTH * share)
    line = f"{label} {'█' * filled}{'░' * (WIDTH - filled)} {done}/{total}"
    if 0 < done < total:
        line += " · " + text("progression-reste", left=time_left(elapsed / done * (total - done)))
    return line


class ProgressBar:
    """Draws :func:`bar_line` on ``stream`` when it is a terminal; does nothing otherwise."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.shown = bool(getattr(self.stream, "isatty", lambda: False)())
        self.started = time.monotonic()
        self.drawn = 0.0

    def update(self, done: int, total: int) -> None:
        if not self.shown:
            return
        now = time.monotonic()
        if done < total and now - self.drawn < REDRAW_EVERY:
            return
        self.drawn = now
        line = bar_line(self.label, done, total, now - self.started)
        self.stream.write("\r\x1b[2K" + line + ("\n" if done >= total else ""))
        self.stream.flush()
