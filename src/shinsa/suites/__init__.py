"""Suites: where items come from (bundled, native files, imported datasets); nothing is
re-exported, so reading one item format loads only its module."""
