"""``shinsa judge``: check an LLM judge (or any scorer) against human labels."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from typing import Annotated, Any

import typer

from shinsa.cli.common import console, target_options
from shinsa.errors import InputError
from shinsa.scorers.base import Scorer, build_scorer
from shinsa.scorers.validate import Validation, load_labels, render, validate
from shinsa.targets.base import Target, build_target

app = typer.Typer(
    help="LLM judges: measure a judge's agreement with human labels before trusting its verdicts.",
    no_args_is_help=True,
)


@app.callback()
def judge_commands() -> None:
    """LLM judges: measure a judge's agreement with human labels before trusting its verdicts."""


async def _run(
    scorer: Scorer, judges: list[Target], labels: Path, rubric_scale: bool, concurrency: int
) -> Validation:
    answers = load_labels(labels, rubric_scale)
    async with contextlib.AsyncExitStack() as stack:
        for judge in judges:
            await stack.enter_async_context(judge)
        return await validate(scorer, answers, concurrency)


@app.command("validate")
def validate_command(
    labels: Annotated[
        Path, typer.Option("--labels", help="JSONL of {prompt, response, label, [requirement], ...}.")
    ],
    judge: Annotated[
        list[str] | None,
        typer.Option(
            "--judge", help="Judge target, e.g. openai:MODEL or local; repeat for a majority-vote ensemble."
        ),
    ] = None,
    scorer: Annotated[
        str, typer.Option("--scorer", help="Scorer to validate: requirement, rubric, refusal, ...")
    ] = "requirement",
    judge_base_url: Annotated[
        str | None, typer.Option(help="Base URL of the judge, if OpenAI-compatible.")
    ] = None,
    judge_api_key_env: Annotated[
        str | None, typer.Option(help="Environment variable with the judge's API key.")
    ] = None,
    max_tokens: Annotated[
        int, typer.Option(help="Token budget of each judge reply (reasons plus verdict).")
    ] = 512,
    seed: Annotated[int, typer.Option(help="Sampling seed of the judge (temperature is 0).")] = 0,
    timeout: Annotated[float, typer.Option(help="Seconds per judge call.")] = 120.0,
    min_valid: Annotated[
        int | None, typer.Option(help="Ensemble: verdicts needed (default: a majority).")
    ] = None,
    concurrency: Annotated[int, typer.Option(help="Answers scored at the same time.")] = 4,
    prompts: Annotated[
        Path | None,
        typer.Option(help="Folder with a judge.yaml whose prompts replace the bundled judge prompts."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the result as JSON instead of tables.")
    ] = False,
) -> None:
    """Agreement, Cohen's kappa and a confusion matrix of a scorer's verdicts against human labels."""
    specs = judge or []
    targets = [
        build_target(
            spec,
            target_options(
                spec, judge_base_url, judge_api_key_env, None, 0.0, max_tokens, seed, timeout, None
            ),
        )
        for spec in specs
    ]
    judge_options: dict[str, Any] = {"prompts": prompts} if prompts is not None else {}
    if len(targets) > 1:
        options: dict[str, Any] = {"min_valid": min_valid} if min_valid is not None else {}
        chosen: Scorer = build_scorer("ensemble", judges=targets, member=scorer, **options, **judge_options)
    else:
        chosen = build_scorer(scorer, judge=targets[0] if targets else None, **judge_options)
    if chosen.needs_judge and not targets:
        raise InputError(f"scorer {scorer!r} needs an LLM judge: pass --judge TARGET")
    result = asyncio.run(_run(chosen, targets, labels, scorer == "rubric", concurrency))
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        console.print(render(result))
