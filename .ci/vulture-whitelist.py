# Names vulture (dead-code finder) cannot see used: read by MkDocs, Jinja templates,
# pydantic or tests. `make quick` and tests/test_structure.py run vulture with this file;
# anything else it reports is dead code to remove.
# ruff: noqa
from generator.adapter.plugin import ProgrammePlugin as _

# MkDocs calls the plugin's hooks and reads its schema
ProgrammePlugin
_.config_scheme
_.on_startup, _.on_config, _.on_files, _.on_nav, _.on_env, _.on_page_markdown
_.on_page_content, _.on_page_context, _.on_post_build, _.on_serve, _.on_pre_page
_.on_shutdown

dirty  # a keyword of on_startup's signature
# read by the theme's templates (theme/fragments, theme/print)
_.status_label
# signal handler signature; WeasyPrint's url_fetcher protocol
frame, signum
_.fetch
# pydantic: model settings, validators (called by the model) and fields read by name
model_config
_._end_after_start, _._lead_not_partner
cls
alt, links, serve_hosts
# a barometer's fields read by theme/fragments/barometre.html
gap, respondents, dont_know, reading, results_note
# SearchStats fields and index_site(): read by tests and bench/benchmark.py
index_bytes, bundle_dir, index_site
# yaml loader argument of a multi-constructor
loader
# pydantic's JSON Schema generator calls the hooks generator/json_schemas.py overrides
from generator.json_schemas import _EditorSchema as _schemas

_schemas.field_title_should_be_set
# Python-Markdown calls its processors' and extensions' protocol (generator/render/gfm_*)
from generator.render.gfm_extension import GfmExtension as _gfm

_gfm.extendMarkdown, _.makeExtension, _.test, _.lastChild, _.RE
# read by theme/print/programme.html
from generator.reports.build import _Subject as _subject

_subject.kind_label, _subject.more_facts

# JSON-LD of a document as text: tests/test_exports.py (the pages add breadcrumbs and dates to json_ld_data)
from generator.linked_data import json_ld

json_ld
_.thumbnail  # PdfLink.thumbnail, read by the templates (the download block)

_.bytecode_cache  # jinja2.Environment.bytecode_cache, set by the plugin (CompiledTemplates)
_.load_bytecode  # jinja2.BytecodeCache hooks, called by Jinja
_.dump_bytecode
