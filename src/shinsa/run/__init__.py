"""Run: drive suites through a target, score, and store every finished attempt."""

from shinsa.run.engine import PreparedRun, RunProgress, RunSpec, execute, new_run_id, prepare

__all__ = ["PreparedRun", "RunProgress", "RunSpec", "execute", "new_run_id", "prepare"]
