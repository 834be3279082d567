"""``python -m generator edit`` (``make edit``): what it starts, where, and what it says
when the editor is not installed."""

from __future__ import annotations

from pathlib import Path

from generator import decap_checks, decap_edit

from .helpers import run_cli


def test_decap_server_writes_into_this_repository_on_the_loopback(tmp_path: Path) -> None:
    env = decap_edit.server_env(tmp_path, {"PATH": "/usr/bin"})
    assert env == {
        "PATH": "/usr/bin",
        "GIT_REPO_DIRECTORY": str(tmp_path),
        "PORT": "8081",  # the port Decap's local_backend calls
        "BIND_HOST": "127.0.0.1",
        "MODE": "fs",
    }


def test_the_forms_address_follows_site_url(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nsite_url: https://example.org/savoirs/\n", encoding="utf-8"
    )
    assert decap_edit.admin_url(tmp_path) == "http://127.0.0.1:8000/savoirs/admin/"
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert decap_edit.admin_url(tmp_path) == "http://127.0.0.1:8000/admin/"


def test_without_the_editor_it_says_how_to_install_it(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert decap_edit.server_program(tmp_path) is None
    found = run_cli("edit", "--root", str(tmp_path))
    assert found.returncode == 2
    assert "tools/decap/install.sh" in found.stderr


def test_the_check_server_says_the_checkers_errors_of_a_form(example_repo: Path) -> None:
    sheet = {
        "title": "Des ruches",
        "summary": "Un résumé.",
        "programme": "caac",
        "lead": "cfsi",
        "partners": ["cfsi"],
        "countries": ["SN"],
        "themes": ["sante"],
        "period": {"start": 2023, "end": 2020},
        "status": "ongoing",
        "image": {"src": "images/nouvelle.png", "alt": "Une ruche"},
        "body": "## Contexte\n",
    }
    said = decap_checks.messages(example_repo, "fiches", "des-ruches", sheet)
    assert len(said) == 2  # the image is written with the document, after the check
    assert "cfsi" in said[0] and "partner" in said[0]
    assert "2020" in said[1]
    good = {**sheet, "partners": [], "period": {"start": 2023}, "image": None}
    assert decap_checks.messages(example_repo, "fiches", "des-ruches", good) == []
    assert decap_checks.messages(example_repo, "registres", "organisations", {}) == []
