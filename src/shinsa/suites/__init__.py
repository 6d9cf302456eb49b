"""Suites: where items come from (bundled, native files, imported datasets)."""

from shinsa.suites.base import Suite, SuiteScan
from shinsa.suites.loader import load_suite

__all__ = ["Suite", "SuiteScan", "load_suite"]
