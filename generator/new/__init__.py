"""``python -m generator new``: a correct starting point for a sheet, a write-up or a
registry entry (:mod:`.command`)."""
