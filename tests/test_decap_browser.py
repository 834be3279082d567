"""The browser editor in chromium with Decap's local backend, as an editor uses it.

decap-server (tools/decap/install.sh) is started on a free port for a copy of the example
content; the page's calls to the local backend (http://<host>:8081/api/v1, fixed in Decap)
are sent to it, and every request that would leave the machine is refused and recorded.
A sheet (organisations, countries and themes picked from lists, an image with credit and
alternative text) and a write-up are created through the forms; the files appear in the
copy, in the order of ``new``, and ``check`` accepts them. A required field left empty and
an invalid id are refused in the form with a French message.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from generator import decap_checks
from generator.decap_edit import server_env, server_program
from generator.messages import set_language
from generator.new.kinds import SHEET, WRITEUP

from .conftest import ROOT
from .helpers import errors, run_cli
from .optional_tools import missing
from .search_support import launch_browser, serve

pytestmark = pytest.mark.slow
VENDOR = ROOT / "content" / "admin" / "vendor" / "decap-cms.js"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def backend(example_repo: Path) -> Iterator[str]:
    """decap-server for ``example_repo``; yields its API address."""
    program = server_program(ROOT)
    if program is None or not VENDOR.is_file():
        missing("Decap CMS is not installed: run tools/decap/install.sh (needs npm)")
    port = _free_port()
    env = {**server_env(example_repo), "PORT": str(port), "LOG_LEVEL": "warn"}
    server = subprocess.Popen([str(program)], cwd=example_repo, env=env)
    api = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(100):
            try:
                request = urllib.request.Request(
                    api, data=b'{"action":"info"}', headers={"Content-Type": "application/json"}
                )
                with urllib.request.urlopen(request, timeout=1) as answer:
                    assert json.load(answer)["type"] == "local_fs"
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("decap-server did not start")
        yield api
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def check_url(example_repo: Path) -> Iterator[str]:
    """The check server of ``make edit`` for ``example_repo``; yields its address."""
    checks = decap_checks.serve(example_repo, port=0)
    try:
        yield f"http://127.0.0.1:{checks.server_address[1]}/check"
    finally:
        checks.shutdown()
        checks.server_close()


class Editor:
    """The admin page, with its requests watched."""

    def __init__(self, page: Any, base: str, api: str, checks: str = "") -> None:
        self.page = page
        self.base = base
        self.checks = checks
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        page.route("**/*", lambda route: self._route(route, api))
        page.on("dialog", self._dialog)

    @property
    def refusals(self) -> list[str]:
        """What the checker said, of the dialogs the page opened."""
        return [said for said in self.dialogs if said.startswith("Le vérificateur")]

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.accept()  # « leave unsaved changes? », the checker's messages

    def _route(self, route: Any, api: str) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.port == 8081 and parts.path == "/api/v1":
            route.fulfill(response=route.fetch(url=api))
        elif parts.port == 8082 and parts.path == "/check":
            if self.checks:
                route.fulfill(response=route.fetch(url=self.checks))
            else:  # no check server, as on a Git host: the page saves without
                route.abort()
        elif parts.hostname in ("127.0.0.1", "localhost") and url.startswith(self.base):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, hash_path: str) -> None:
        """The page at ``hash_path``, loaded afresh (a change of hash alone would leave
        the previous form on the page for a while)."""
        self.page.goto(f"{self.base}admin/#{hash_path}")
        self.page.reload()
        login = self.page.get_by_role("button", name="Se connecter")
        title = self.field("title")
        login.or_(title).first.wait_for(timeout=20_000)
        if login.is_visible():
            login.click()
            self.page.get_by_text("Fiches projet").first.wait_for(timeout=15_000)
            self.page.goto(f"{self.base}admin/#{hash_path}")
        title.wait_for(timeout=15_000)

    def field(self, name: str, index: int = 0) -> Any:
        return self.page.locator(f"[id^='{name}-field-']").nth(index)

    def pick(self, name: str, typed: str, index: int = 0) -> None:
        """Choose in a list (a relation or select widget) by typing, as an editor does."""
        found = self.field(name, index)
        found.click()
        found.press_sequentially(typed, delay=20)
        self.page.locator("[class*='-option']").first.wait_for(timeout=10_000)
        found.press("Enter")

    def publish(self) -> None:
        self.page.wait_for_timeout(1000)  # the form's last change reaches its state
        self.page.get_by_role("button", name="Publier").first.click()
        self.page.get_by_text("Publier maintenant").click()


def _front_keys(path: Path) -> list[str]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1]))


def _wait_for(path: Path, editor: Editor) -> None:
    for _ in range(100):
        if path.is_file():
            return
        editor.page.wait_for_timeout(100)
    shot = path.parent / "not-written.png"
    editor.page.screenshot(path=str(shot), full_page=True)
    pytest.fail(f"{path} was not written; the page: {shot}")


def _model_order(keys: list[str], model: Any) -> list[str]:
    return [name for name in model.model_fields if name in keys]


def test_sheet_and_write_up_created_through_the_forms_pass_check(
    example_repo: Path, backend: str, check_url: str
) -> None:
    (example_repo / "ruche.png").write_bytes(PNG)
    with (
        launch_browser("the browser tests of the editor cannot run") as browser,
        serve(example_repo / "content") as base,
    ):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        editor = Editor(page, base, backend, check_url)
        editor.open("/collections/fiches/new")
        editor.field("title").fill("Des ruches partagées à Kaolack")
        editor.field("summary").fill("Des apiculteurs de Kaolack partagent ruches et miellerie.")
        editor.pick("programme", "Coop")
        editor.pick("lead", "Comité")
        editor.pick("partners", "Fonda")
        editor.pick("countries", "Sénég")
        editor.pick("themes", "Protection")
        editor.field("start").fill("2023")
        editor.pick("status", "En cours")
        page.get_by_role("button", name="Choisir une image").click()
        page.locator("input[type=file]").first.set_input_files(str(example_repo / "ruche.png"))
        page.get_by_text("ruche.png").wait_for()
        page.get_by_role("button", name="Choisir les éléments sélectionnés").click()
        editor.field("alt").fill("Des ruches sous un manguier")
        editor.field("credit").fill("Photo : réseau exemple")
        editor.publish()
        sheet = example_repo / "projects" / "des-ruches-partagees-a-kaolack.md"
        _wait_for(sheet, editor)

        editor.open("/collections/comptes-rendus/new")
        editor.field("title").fill("Atelier des apiculteurs")
        editor.field("summary").fill("Ce que les apiculteurs de Kaolack ont appris ensemble.")
        editor.field("date").fill("2025-06-12")
        page.get_by_role("button", name="Ajouter auteurs et autrices").click()
        editor.field("name").fill("Awa Diop")
        editor.pick("organisation", "Comité")
        editor.pick("themes", "Protection")
        editor.pick("examples", "Sénégal")
        editor.publish()
        writeup = example_repo / "content" / "comptes-rendus" / "atelier-des-apiculteurs.md"
        _wait_for(writeup, editor)
        page.wait_for_timeout(500)  # the image is written with the sheet
        assert editor.outside == []
        assert editor.refusals == []  # the checker found nothing to refuse

    meta = yaml.safe_load(sheet.read_text(encoding="utf-8").split("---\n")[1])
    assert meta["lead"] == "cfsi"
    assert meta["partners"] == ["fonda"]
    assert meta["countries"] == ["SN"]
    assert meta["themes"] == ["protection-sociale"]
    assert meta["image"] == {
        "src": "images/ruche.png",
        "alt": "Des ruches sous un manguier",
        "credit": "Photo : réseau exemple",
    }
    assert (example_repo / "projects" / "images" / "ruche.png").read_bytes() == PNG
    assert _front_keys(sheet) == _model_order(_front_keys(sheet), SHEET.model)
    written = yaml.safe_load(writeup.read_text(encoding="utf-8").split("---\n")[1])
    assert written["authors"] == [{"name": "Awa Diop", "organisation": "cfsi"}]
    assert written["examples"] == ["femmes-poisson-seche-senegal"]
    assert _front_keys(writeup) == _model_order(_front_keys(writeup), WRITEUP.model)
    (example_repo / "ruche.png").unlink()
    assert [d.as_text() for d in errors(example_repo)] == []
    (example_repo / "theme").symlink_to(ROOT / "theme", target_is_directory=True)
    built = run_cli(
        "build",
        "--root",
        str(example_repo),
        cwd=example_repo,
        env={"PROGRAMME_PDF": "0"},
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    site = example_repo / "site"
    page = (site / "projets" / "des-ruches-partagees-a-kaolack" / "index.html").read_text("utf-8")
    assert "Des ruches partagées à Kaolack" in page
    assert "Des ruches sous un manguier" in page  # the image's alternative text
    shown = (site / "comptes-rendus" / "atelier-des-apiculteurs" / "index.html").read_text("utf-8")
    assert "Awa Diop" in shown


def test_empty_required_field_and_invalid_id_are_refused_in_french(
    example_repo: Path, backend: str
) -> None:
    before = sorted(p.name for p in (example_repo / "projects").glob("*.md"))
    with (
        launch_browser("the browser tests of the editor cannot run") as browser,
        serve(example_repo / "content") as base,
    ):
        editor = Editor(browser.new_page(viewport={"width": 1280, "height": 900}), base, backend)
        page = editor.page
        editor.open("/collections/fiches/new")
        editor.field("summary").fill("Un résumé sans titre.")
        editor.publish()
        page.get_by_text("Le champ Titre est requis.", exact=False).wait_for()
        assert page.get_by_text("il manque un champ requis", exact=False).first.is_visible()

        page.goto(f"{base}admin/#/collections/registres/entries/organisations")
        page.get_by_role("button", name="Ajouter organisations").click()
        last = page.locator("[id^='id-field-']").last
        last.fill("Côte d'Ivoire")
        page.locator("[id^='name-field-']").last.fill("Une organisation")
        editor.publish()
        page.get_by_text("Identifiant invalide", exact=False).first.wait_for()
        assert editor.outside == []
    assert sorted(p.name for p in (example_repo / "projects").glob("*.md")) == before
    registry = (example_repo / "content" / "_data" / "organisations.yml").read_text("utf-8")
    assert "Côte d'Ivoire" not in registry


def test_without_the_editor_files_admin_says_how_to_get_them(tmp_path: Path) -> None:
    """The page the project writes (admin/ before tools/decap/install.sh): a French
    message, no request off the site, and no axe-core violation."""
    axe = ROOT / "tests" / "quality" / "node_modules" / "axe-core" / "axe.min.js"
    admin = tmp_path / "admin"
    admin.mkdir()
    for name in ("index.html", "config.yml"):
        (admin / name).write_bytes((ROOT / "content" / "admin" / name).read_bytes())
    with (
        launch_browser("the browser tests of the editor cannot run") as browser,
        serve(tmp_path) as base,
    ):
        page = browser.new_page(locale="fr-FR")
        outside: list[str] = []
        page.on(
            "request",
            lambda r: None if r.url.startswith(base) else outside.append(r.url),
        )
        page.goto(f"{base}admin/")
        heading = page.get_by_role("heading", name="L’éditeur n’est pas installé")
        heading.wait_for()
        assert "tools/decap/install.sh" in page.inner_text("main")
        assert outside == []
        if not axe.is_file():
            missing("axe-core is not installed (tests/quality/install.sh)")
        page.add_script_tag(path=str(axe))
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        )
        assert [v["id"] for v in result["violations"]] == []


def test_the_checkers_rules_a_form_cannot_say_refuse_the_save_in_french(
    example_repo: Path, backend: str, check_url: str
) -> None:
    set_language("fr")  # as `edit` speaks unless --lang en (the tests run in English)
    try:
        with (
            launch_browser("the browser tests of the editor cannot run") as browser,
            serve(example_repo / "content") as base,
        ):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            editor = Editor(page, base, backend, check_url)
            editor.open("/collections/fiches/new")
            editor.field("title").fill("Une fiche à refuser")
            editor.field("summary").fill("Le porteur est aussi partenaire.")
            editor.pick("programme", "Coop")
            editor.pick("lead", "Comité")
            editor.pick("partners", "Comité")
            editor.pick("countries", "Sénég")
            editor.pick("themes", "Protection")
            editor.field("start").fill("2023")
            editor.field("end").fill("2020")
            editor.pick("status", "En cours")
            editor.publish()
            for _ in range(100):
                if editor.refusals:
                    break
                page.wait_for_timeout(100)
            assert editor.outside == []
    finally:
        set_language("en")
    (said,) = editor.refusals
    assert said.startswith("Le vérificateur refuse l’enregistrement")
    assert "ne peut pas être aussi partenaire" in said
    assert "la fin (2020) précède le début (2023)" in said
    assert not (example_repo / "projects" / "une-fiche-a-refuser.md").exists()
