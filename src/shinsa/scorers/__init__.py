"""Scorers: turn an answer into an outcome and a 0–1 safety score."""

from shinsa.scorers.base import Scorer, SyncScorer, build_scorer, scorers

__all__ = ["Scorer", "SyncScorer", "build_scorer", "scorers"]
