"""The ``shinsa`` command: a table of its commands, each imported only when it is used.

``shinsa --help`` is printed from the table alone (:mod:`shinsa.cli.roothelp`), without importing
typer or any command, so it starts as fast as a bare ``import typer, rich``; every other call goes
through typer (:mod:`shinsa.cli.lazy`), which imports the one command it runs."""

from __future__ import annotations

import os
import sys
from typing import Any, NamedTuple

ROOT_HELP = "Shinsa (審査): assess AI systems against the 10 Japan AISI safety perspectives."


class LazyCommand(NamedTuple):
    module: str
    """Module that defines the command."""
    attribute: str
    """A function (one command) or a ``typer.Typer`` (a group of commands) in that module."""
    help: str
    """The first paragraph of its help, as ``shinsa --help`` lists it (a test checks they agree)."""


COMMANDS: dict[str, LazyCommand] = {
    # A new command is one line here, in the order ``shinsa --help`` lists it.
    "run": LazyCommand("shinsa.cli.run_commands", "run", "Run suites against a target; an unfinished --run-id resumes."),
    "runs": LazyCommand("shinsa.cli.run_commands", "runs", "List runs."),
    "show": LazyCommand("shinsa.cli.run_commands", "show", "Summarise one run."),
    "export": LazyCommand("shinsa.cli.run_commands", "export", "Write one record per attempt."),
    "report": LazyCommand("shinsa.cli.run_commands", "report", "Write the self-contained HTML report."),
    "score": LazyCommand("shinsa.cli.run_commands", "score", "Score recorded answers (e.g. production logs) without calling the assessed model."),
    "serve-model": LazyCommand("shinsa.cli.run_commands", "serve_model", "Serve the embedded model over an OpenAI-compatible HTTP API (needs the 'server' extra)."),
    "compare": LazyCommand("shinsa.cli.reports", "compare", "Per-perspective score deltas with p-values, and the items whose outcome changed."),
    "gate": LazyCommand("shinsa.cli.reports", "gate", "Exit 0 when every threshold of the policy holds, 1 when one fails, 2 on bad input."),
    "report-aisev": LazyCommand("shinsa.cli.reports", "report_aisev", "Score a run with aisev's GSN weighting and write aisev's evaluation-result JSON."),
    "triage": LazyCommand("shinsa.cli.gov", "triage_command", "The risk level and, per DS-920 aspect, the finding, its reason and its source. / リスク区分と、DS-920 の観点ごとの判定・理由・出典。"),
    "plan": LazyCommand("shinsa.cli.gov", "plan", "The assessment plan the risk level selects, with the vendor's commands. / リスク区分が選ぶ評価計画と、事業者が実行するコマンド。"),
    "registry": LazyCommand("shinsa.cli.gov", "registry_command", "Every system, its decision, conditions and next assessment date. / 全システムの判断・条件・次回評価日の台帳。"),
    "publish": LazyCommand("shinsa.cli.gov", "publish", "Write bilingual, accessible public pages and an index. / 市民向けの公開ページ(日英・アクセシブル)と一覧を書き出します。"),
    "suites": LazyCommand("shinsa.cli.suites", "app", "List, show, export and compare suites."),
    "judge": LazyCommand("shinsa.cli.judge", "app", "LLM judges: measure a judge's agreement with human labels before trusting its verdicts."),
    "redteam": LazyCommand("shinsa.cli.redteam", "app", "Red teaming: attack converters, jailbreak templates and attack plans. With --suite, --target and --attack (or as 'redteam run'), runs an attack plan."),
    "checklist": LazyCommand("shinsa.cli.reports", "checklist_app", "Qualitative checklist answers of a run."),
    "review": LazyCommand("shinsa.cli.review", "app", "Human review of verdicts: list what needs a person, decide, export the labels, measure agreement."),
    "system": LazyCommand("shinsa.cli.gov", "system_app", "Systems under assessment: add an intake, show, list. / 評価対象システムの登録・表示・一覧"),
    "bundle": LazyCommand("shinsa.cli.gov", "bundle_app", "Signed evidence bundles: keys, create, verify, spot-check. / 署名付きエビデンス一式"),
    "decision": LazyCommand("shinsa.cli.gov", "decision_app", "Decisions: record, sign, show. / 判断の記録・署名・表示"),
    "serve": LazyCommand("shinsa.cli.web", "serve", "Serve the team workspace (web): your SQLite database on 127.0.0.1, or --db postgresql+psycopg://… for a team."),
    "worker": LazyCommand("shinsa.cli.web", "worker", "Run the runs queued in a PostgreSQL workspace (team mode)."),
    "users": LazyCommand("shinsa.cli.web", "users_app", "Workspace accounts: add users, reset passwords, list them."),
    "projects": LazyCommand("shinsa.cli.web", "projects_app", "Workspace projects: create them, set members and their systems."),
}


def __getattr__(name: str) -> Any:
    """``app``, the typer app, is built on first use: importing this module stays cheap."""
    if name != "app":
        raise AttributeError(name)
    from shinsa.cli.lazy import build_app

    app = build_app(COMMANDS, ROOT_HELP)
    globals()["app"] = app
    return app


def main() -> None:
    rich_help = os.environ.get("TYPER_USE_RICH", "1").lower() not in ("n", "no", "f", "false", "off", "0")
    if sys.argv[1:] == ["--help"] and rich_help:  # typer's own switch to click's plain help
        from shinsa.cli.roothelp import print_root_help

        print_root_help(ROOT_HELP, COMMANDS)
        return
    from shinsa.errors import ShinsaError

    try:
        __getattr__("app")()
    except ShinsaError as exc:
        from rich.console import Console

        from shinsa.secrets import redact
        from shinsa.untrusted import printable

        Console(stderr=True, highlight=False).print(f"error: {printable(redact(str(exc)))}", markup=False, soft_wrap=True)
        sys.exit(2)
