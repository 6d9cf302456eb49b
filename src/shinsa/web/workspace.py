"""Systems under assessment, the runs filed under them, saved run configurations and the state of
the jobs running them. Every query that lists takes the set of visible projects (None: all, for
admins), so a page cannot forget project isolation."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from shinsa.errors import InputError
from shinsa.store.schema import attempts, project_runs, project_systems, projects, run_configs, runs

JOB_STATES = ("queued", "running", "finished", "failed", "interrupted", "attached")
ACTIVE_STATES = ("queued", "running")


def _visible(query: Any, visible: set[int] | None) -> Any:
    return query if visible is None else query.where(project_systems.c.project_id.in_(visible))


class Workspace:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # systems ----------------------------------------------------------------------------------
    def add_system(self, project_id: int, system_id: str, name: str, description: str = "") -> None:
        system_id = system_id.strip()
        if not system_id or len(system_id) > 100:
            raise InputError("a system id needs 1 to 100 characters")
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(project_systems).values(
                        system_id=system_id, project_id=project_id, name=name.strip() or system_id,
                        description=description, created_at=time.time(),
                    )
                )
        except IntegrityError:
            raise InputError(f"system {system_id!r} already exists (or project {project_id} does not)") from None

    def systems(self, visible: set[int] | None) -> list[dict[str, Any]]:
        query = (
            select(project_systems, projects.c.name.label("project_name"))
            .join(projects, projects.c.project_id == project_systems.c.project_id)
            .order_by(projects.c.name, project_systems.c.name)
        )
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(_visible(query, visible)).mappings()]

    def system(self, system_id: str) -> dict[str, Any] | None:
        """A system with its project, whoever asks: callers check access (see ``web.deps``)."""
        query = (
            select(project_systems, projects.c.name.label("project_name"))
            .join(projects, projects.c.project_id == project_systems.c.project_id)
            .where(project_systems.c.system_id == system_id)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return None if row is None else dict(row)

    # runs -------------------------------------------------------------------------------------
    def file_run(self, run_id: str, system_id: str, *, state: str, started_by: int | None, config_id: int | None = None) -> None:
        """File ``run_id`` under ``system_id`` (a queued web run, or an existing run ``attached``)."""
        now = time.time()
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(project_runs).values(
                        run_id=run_id, system_id=system_id, config_id=config_id, started_by=started_by,
                        job_state=state, progress="{}", message="", created_at=now, updated_at=now,
                    )
                )
        except IntegrityError:
            raise InputError(f"run {run_id!r} is already filed under a system") from None

    def run_project(self, run_id: str) -> tuple[int, str] | None:
        """``(project_id, system_id)`` of a filed run, or None for a run filed nowhere."""
        query = (
            select(project_systems.c.project_id, project_systems.c.system_id)
            .join(project_runs, project_runs.c.system_id == project_systems.c.system_id)
            .where(project_runs.c.run_id == run_id)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else (int(row[0]), str(row[1]))

    def runs(self, visible: set[int] | None, system_id: str | None = None) -> list[dict[str, Any]]:
        """Filed runs with their job state and the store's run status (None before the run starts)."""
        query = (
            select(
                project_runs, project_systems.c.project_id, project_systems.c.name.label("system_name"),
                runs.c.status, runs.c.total,
            )
            .join(project_systems, project_systems.c.system_id == project_runs.c.system_id)
            .outerjoin(runs, runs.c.run_id == project_runs.c.run_id)
            .order_by(project_runs.c.created_at.desc())
        )
        if system_id is not None:
            query = query.where(project_runs.c.system_id == system_id)
        with self.engine.connect() as conn:
            rows = [dict(row) for row in conn.execute(_visible(query, visible)).mappings()]
        for row in rows:
            row["progress"] = json.loads(row["progress"])
        return rows

    def unfiled_runs(self) -> list[dict[str, Any]]:
        """Runs in the store filed under no system (CLI runs): only admins see and file them."""
        query = (
            select(runs.c.run_id, runs.c.status, runs.c.total, runs.c.created_at)
            .outerjoin(project_runs, project_runs.c.run_id == runs.c.run_id)
            .where(project_runs.c.run_id.is_(None))
            .order_by(runs.c.created_at.desc())
        )
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def job(self, run_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(project_runs).where(project_runs.c.run_id == run_id)).mappings().first()
        if row is None:
            return None
        job = dict(row)
        job["progress"] = json.loads(job["progress"])
        return job

    def set_job(self, run_id: str, state: str | None = None, progress: dict[str, Any] | None = None, message: str | None = None) -> None:
        values: dict[str, Any] = {"updated_at": time.time()}
        if state is not None:
            values["job_state"] = state
        if progress is not None:
            values["progress"] = json.dumps(progress)
        if message is not None:
            values["message"] = message
        with self.engine.begin() as conn:
            conn.execute(update(project_runs).where(project_runs.c.run_id == run_id).values(**values))

    def attempts_page(
        self, run_id: str, perspective: int | None, outcome: str | None, offset: int, limit: int
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of a run's attempts (drill-down), optionally of one perspective and outcome,
        and how many match in all."""
        where = [attempts.c.run_id == run_id]
        if perspective is not None:
            where.append(attempts.c.perspective == perspective)
        if outcome:
            where.append(attempts.c.outcome == outcome)
        columns = [attempts.c[name] for name in (
            "suite", "item_id", "attack_id", "perspective", "language", "benign", "prompt", "response",
            "outcome", "score", "scorer", "explanation", "error",
        )]
        page = select(*columns).where(*where).order_by(attempts.c.suite, attempts.c.item_id, attempts.c.attack_id)
        with self.engine.connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(attempts).where(*where)).scalar_one())
            rows = [dict(row) for row in conn.execute(page.offset(offset).limit(limit)).mappings()]
        return rows, total

    # saved configurations ---------------------------------------------------------------------
    def save_config(self, system_id: str, name: str, parameters: dict[str, Any], created_by: int | None) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(run_configs).values(
                    system_id=system_id, name=name.strip()[:200] or "config", parameters=json.dumps(parameters, ensure_ascii=False),
                    created_by=created_by, created_at=time.time(),
                )
            )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def configs(self, system_id: str) -> list[dict[str, Any]]:
        query = select(run_configs).where(run_configs.c.system_id == system_id).order_by(run_configs.c.name)
        with self.engine.connect() as conn:
            rows = [dict(row) for row in conn.execute(query).mappings()]
        for row in rows:
            row["parameters"] = json.loads(row["parameters"])
        return rows

    def config(self, config_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(run_configs).where(run_configs.c.config_id == config_id)).mappings().first()
        if row is None:
            return None
        config = dict(row)
        config["parameters"] = json.loads(config["parameters"])
        return config
