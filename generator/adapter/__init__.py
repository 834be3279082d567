"""The only package that imports MkDocs (or ProperDocs, its maintained fork).

- :mod:`.engine` chooses the engine and makes ``mkdocs.*`` name it;
- :mod:`.config` derives the plugin's configuration from :class:`generator.settings.Options`;
- :mod:`.plugin` is the plugin: each hook hands MkDocs what :class:`generator.site_run.SiteRun`
  computed;
- :mod:`.serve` puts the request guard in front of the preview server;
- :mod:`.build` runs a build into a fresh folder and swaps it in (``python -m generator build``).
"""
