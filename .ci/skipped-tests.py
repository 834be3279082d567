"""Print, quoted for PYTEST_ADDOPTS, the node ids of the tests a JUnit report says skipped.

.ci/run runs the whole suite once on the fresh machine (optional tools hidden), then only
the tests that skipped there, with every tool present: each test runs once with what it
needs, and the run stays under its time budget. No report, or no skipped test: prints
nothing, and the second pass runs the whole suite.
"""

from __future__ import annotations

import shlex
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def node_id(classname: str, name: str) -> str:
    parts = classname.split(".")
    split = next((i for i, part in enumerate(parts) if part[:1].isupper()), len(parts))
    return "::".join(["/".join(parts[:split]) + ".py", *parts[split:], name])


def main(report: Path) -> int:
    if not report.is_file():
        return 0
    ids = [
        node_id(case.get("classname", ""), case.get("name", ""))
        for case in ET.parse(report).iter("testcase")
        if case.find("skipped") is not None
    ]
    print(" ".join(shlex.quote(i) for i in dict.fromkeys(ids)))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
