"""The plugin's configuration for MkDocs, derived from :class:`generator.settings.Options`.

The options are declared once, in that model; MkDocs gets one config option per field (its
type and default), and :func:`options_of` gives the model back, validated by pydantic
(bounds such as ``listing_page_size >= 1`` included).
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config
from mkdocs.config.defaults import MkDocsConfig
from pydantic import ValidationError
from pydantic.fields import FieldInfo

from ..render.gfm import with_gfm
from ..settings import Options, Settings, make_settings


def _option(field: FieldInfo) -> BaseConfigOption[Any]:
    default = field.get_default(call_default_factory=True)
    annotation = field.annotation
    origin = typing.get_origin(annotation) or annotation
    if origin is list:
        (item,) = typing.get_args(annotation)
        if typing.get_origin(item) is typing.Literal:  # a list of choices: pydantic says
            return c.ListOfItems(c.Choice(typing.get_args(item)), default=default)
        return c.ListOfItems(c.Type(item), default=default)
    assert isinstance(origin, type)
    return c.Type(origin, default=default)


CONFIG_SCHEME = tuple((name, _option(field)) for name, field in Options.model_fields.items())
"""The ``config_scheme`` of the plugin: one MkDocs option per field of :class:`Options`."""


def options_of(config: Config) -> Options:
    """The plugin's options; raises ValueError with the option named when one is wrong."""
    try:
        return Options.model_validate(dict(config))
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(part) for part in first["loc"])
        raise ValueError(
            f"mkdocs.yml: plugins.programme.{name}: {first['msg']} (got {first.get('input')!r})"
        ) from error


def settings_of(config: MkDocsConfig, options: Options, serving: bool = False) -> Settings:
    """The core's settings from MkDocs' configuration and the plugin's options (the
    preview shows drafts)."""
    root = Path(config.config_file_path).resolve().parent
    return make_settings(
        root,
        options,
        content_dir=Path(config.docs_dir),
        site_dir=Path(config.site_dir),
        site_name=config.site_name or "",
        site_url=config.site_url or "",
        site_description=config.site_description or "",
        extensions=list(config.markdown_extensions),
        extension_configs=dict(config.mdx_configs),
        show_drafts=serving,
    )


def render_as_github(config: MkDocsConfig) -> None:
    """Editorial pages render as bodies do, as GitHub's preview shows them: the same
    Markdown extensions (:mod:`generator.render.gfm`) added to ``mkdocs.yml``'s."""
    config.markdown_extensions, config.mdx_configs = with_gfm(
        list(config.markdown_extensions), dict(config.mdx_configs)
    )
