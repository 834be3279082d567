"""The progress bar of long stages: drawn on a terminal only, with the time left."""

from __future__ import annotations

import io

from generator.messages import text
from generator.progress import ProgressBar, bar_line, time_left


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_line_says_what_is_done_and_the_time_left() -> None:
    line = bar_line("PDF", 250, 1000, 60.0)  # 4 a second: 750 left, 3 minutes
    assert "250/1000" in line
    assert line.endswith(text("progression-reste", left="3 min"))
    assert "·" not in bar_line("PDF", 1000, 1000, 240.0)


def test_time_left_is_rounded_as_said() -> None:
    assert time_left(5.2) == "5 s"
    assert time_left(44) == "40 s"
    assert time_left(600) == "10 min"


def test_drawn_on_a_terminal_only_and_ended_by_a_new_line() -> None:
    terminal, log = _Terminal(), io.StringIO()
    for stream in (terminal, log):
        bar = ProgressBar("PDF", stream)
        bar.update(1, 2)
        bar.update(2, 2)
    assert log.getvalue() == ""
    assert terminal.getvalue().endswith("2/2\n")
    assert "\r" in terminal.getvalue()
