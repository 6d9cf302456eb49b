"""``shinsa redteam crescendo|pair|tap``: multi-turn adaptive attacks; ``shinsa redteam generate``:
attack suites from documents; ``shinsa redteam inject``: indirect prompt injection scenarios.

:func:`register` adds the commands to a typer app (the ``redteam`` group); ``app`` holds them on
their own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, cast, get_args

import typer
import typer.main
from rich.table import Table
from typer.core import TyperGroup

from shinsa.atomicfiles import write_atomically
from shinsa.cli.common import (
    ProgressBar,
    RunOptions,
    cancellable_on_sigterm,
    console,
    err_console,
    open_store,
    run_options,
    target_options,
    write_report_if_asked,
)
from shinsa.errors import InputError
from shinsa.items import Expected, Item, Language
from shinsa.perspectives import perspective as lookup_perspective
from shinsa.redteam.adaptive import AdaptiveParameters, AdaptiveProgress, run_adaptive, success_rates
from shinsa.redteam.generation import (
    GenerationSpec,
    generate_suite,
    generation_prompts,
    strategies,
    write_outputs,
)
from shinsa.redteam.injection import MODES, Mode, ScenarioBuilder, ScenarioSpec, injection_prompts
from shinsa.redteam.multiturn import BUILTIN_ATTACKS, AttackConfig, AttackResult, Budget, attacks
from shinsa.run.lifecycle import execute_run
from shinsa.stats import Proportion
from shinsa.suites.loader import load_suite
from shinsa.targets.base import build_target

if TYPE_CHECKING:
    from shinsa.store.store import Store

AttackerOption = Annotated[str, typer.Option("--attacker", "-A", help="Target that writes the attacks (any target spec).")]
AttackerUrlOption = Annotated[str | None, typer.Option(help="Base URL of the attacker, if OpenAI-compatible.")]
AttackerKeyOption = Annotated[str | None, typer.Option(help="Environment variable with the attacker's API key.")]
AttackerTemperatureOption = Annotated[float, typer.Option(help="Attacker sampling temperature.")]
AttackerTokensOption = Annotated[int, typer.Option(min=16, help="Longest attacker reply, in tokens.")]
ScorerOption = Annotated[
    str | None,
    typer.Option("--scorer", help="Scorer deciding success (default: the scorer the suite's items name, such as plan; else refusal, or requirement with --judge)."),
]
MaxTurnsOption = Annotated[int, typer.Option(min=1, help="Crescendo turns, PAIR iterations, TAP depth.")]
TokenBudgetOption = Annotated[int | None, typer.Option(min=1, help="Stop an attack after this many attacker+target tokens.")]
TimeBudgetOption = Annotated[float | None, typer.Option(min=0.1, help="Stop an attack after this many seconds.")]
BacktracksOption = Annotated[int, typer.Option(min=0, help="Crescendo: refused turns that may be dropped and rephrased.")]
WidthOption = Annotated[int, typer.Option(min=1, help="TAP: root prompts and branches kept per level.")]
BranchingOption = Annotated[int, typer.Option(min=1, help="TAP: children per kept branch and level.")]
TemplatesOption = Annotated[
    Path | None, typer.Option(help="Folder with attacker.yaml / generation.yaml / injection.yaml overriding bundled prompts.")
]
NoBaselineOption = Annotated[bool, typer.Option("--no-baseline", help="Skip the un-attacked baseline of the same items.")]


def _rate(proportion: Proportion) -> str:
    value = proportion.value
    if value is None:
        return "–"
    return f"{value * 100:.1f} [{proportion.low * 100:.0f}–{proportion.high * 100:.0f}]"


def _rates_table(store: Store, run_id: str, strategy: str) -> Table:
    table = Table(title=f"{strategy}: attack success rate, run {run_id}")
    for column in ("perspective", "ASR % [95% CI]", "attacks", "baseline unsafe % [95% CI]", "asked", "no verdict"):
        table.add_column(column, justify="left" if column == "perspective" else "right", overflow="fold", min_width=len(column) if len(column) < 12 else None)
    table.caption = "ASR: attacks that reached their objective; baseline: the same items asked as they are."
    for rate in success_rates(store, run_id, strategy):
        table.add_row(
            f"{rate.perspective} {rate.key}", _rate(rate.attack), str(rate.attack.n), _rate(rate.baseline),
            str(rate.baseline.n), str(rate.no_verdict),
        )
    return table


def suites_scorer(specs: tuple[str, ...], encoding: str | None) -> str | None:
    """The scorer every item of the suites names for itself (``plan`` for the physical-AI planner
    suites), so an attack is judged the way the suite is; None when items differ or name none."""
    names = {item.scorer for spec in specs for _, item in load_suite(spec, encoding).located_items()}
    return names.pop() if len(names) == 1 and None not in names else None


def _report_attack(suite: str, item: Item, result: AttackResult) -> None:
    verdict = "[red]objective reached[/]" if result.success else "held"
    if result.error:
        verdict = f"[yellow]error[/] {result.error}"
    err_console.print(f"{suite}/{item.id}: {verdict} ({result.stop}, {result.turns} turns, {result.tokens} tokens)")


def _attack(
    strategy: str,
    options: RunOptions,
    attacker: str,
    attacker_base_url: str | None,
    attacker_api_key_env: str | None,
    attacker_temperature: float,
    attacker_max_tokens: int,
    scorer: str | None,
    budget: Budget,
    width: int,
    branching: int,
    templates: Path | None,
    no_baseline: bool,
) -> None:
    run = options.parameters()
    parameters = AdaptiveParameters(
        **vars(replace(run, concurrency=None)),
        attacker=attacker,
        attacker_options=target_options(attacker, attacker_base_url, attacker_api_key_env, None, attacker_temperature,
                                        attacker_max_tokens, options.seed, options.timeout, None),
        config=AttackConfig(strategy, budget, width=width, branching=branching),
        scorer=scorer or suites_scorer(run.suites, run.encoding) or ("requirement" if run.judge is not None else "refusal"),
        templates=templates,
        attacks_in_flight=options.concurrency or 4,
        baseline=not no_baseline,
    )
    if options.shards is None:
        if options.ray_address is not None:
            raise InputError("--ray-address needs --shards N")
        spec = parameters.adaptive_spec()  # keys are read and the input checked here, before anything runs
    store = open_store(options.db)
    try:
        if options.shards is None:
            progress = AdaptiveProgress()
            work = run_adaptive(store, spec, progress, None if options.quiet else _report_attack)
            asyncio.run(cancellable_on_sigterm(work))
            footer = (
                f"{progress.done} attacks run ({progress.successes} reached their objective, {progress.errors} errors), "
                f"{progress.skipped} already finished."
            )
        else:
            with ProgressBar(parameters.run_id, options.quiet) as bar:
                sharded = execute_run(store, parameters, bar, shards=options.shards, ray_address=options.ray_address)
                summary = asyncio.run(cancellable_on_sigterm(sharded))
            footer = (
                f"{summary.done} baseline answers and attacks run ({summary.errors} errors, {summary.cached} from cache), "
                f"{summary.skipped} already finished."
            )
    except KeyboardInterrupt:
        shards = f" --shards {options.shards}" if options.shards else ""
        err_console.print(f"[yellow]interrupted; resume with:[/] shinsa redteam {strategy} ...{shards} --run-id {parameters.run_id}")
        raise typer.Exit(130) from None
    console.print(_rates_table(store, parameters.run_id, strategy))
    console.print(f"{footer} Run id: [bold]{parameters.run_id}[/]")
    write_report_if_asked(store, parameters.run_id, options.report)


def _attack_command(strategy: str) -> Callable[..., None]:
    @run_options()
    def command(
        *,
        options: RunOptions,
        attacker: AttackerOption,
        attacker_base_url: AttackerUrlOption = None,
        attacker_api_key_env: AttackerKeyOption = None,
        attacker_temperature: AttackerTemperatureOption = 0.7,
        attacker_max_tokens: AttackerTokensOption = 256,
        scorer: ScorerOption = None,
        max_turns: MaxTurnsOption = 5,
        token_budget: TokenBudgetOption = None,
        time_budget: TimeBudgetOption = None,
        max_backtracks: BacktracksOption = 3,
        width: WidthOption = 3,
        branching: BranchingOption = 2,
        templates: TemplatesOption = None,
        no_baseline: NoBaselineOption = False,
    ) -> None:
        budget = Budget(max_turns, token_budget, time_budget, max_backtracks)
        _attack(strategy, options, attacker, attacker_base_url, attacker_api_key_env, attacker_temperature,
                attacker_max_tokens, scorer, budget, width, branching, templates, no_baseline)

    return command


def generate(
    docs: Annotated[Path, typer.Option("--docs", help="Folder (or file) of PDF, Markdown, text and HTML documents.")],
    generator: Annotated[str, typer.Option("--generator", "-g", help="Target that writes requirements and prompts.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Suite to write (OUT.jsonl; also OUT.aisev.csv and OUT.requirements.jsonl).")],
    per_requirement: Annotated[int, typer.Option(min=1, max=50, help="Attack prompts per requirement and strategy.")] = 3,
    requirements: Annotated[int, typer.Option(min=1, max=50, help="Requirements per perspective and document part.")] = 3,
    strategy: Annotated[list[str] | None, typer.Option("--strategy", help="Attack technique (repeatable); see --list-strategies.")] = None,
    perspective: Annotated[list[int] | None, typer.Option("--perspective", help="Perspective 1-6 (repeatable; default all six).")] = None,
    language: Annotated[str, typer.Option(help="Language of requirements and prompts: ja or en.")] = "ja",
    purpose: Annotated[str | None, typer.Option(help="What the assessed AI system is for (improves the requirements).")] = None,
    name: Annotated[str, typer.Option(help="Prefix of the generated item ids.")] = "generated",
    expected: Annotated[str, typer.Option(help="What the items expect: meet_requirement (LLM-judged) or refuse.")] = "meet_requirement",
    max_chars: Annotated[int, typer.Option(min=500, help="Longer documents are summarised in chunks first.")] = 8000,
    chunk_chars: Annotated[int, typer.Option(min=200, help="Chunk size for summarising long documents.")] = 6000,
    templates: TemplatesOption = None,
    generator_base_url: Annotated[str | None, typer.Option(help="Base URL of the generator, if OpenAI-compatible.")] = None,
    generator_api_key_env: Annotated[str | None, typer.Option(help="Environment variable with the generator's API key.")] = None,
    temperature: Annotated[float, typer.Option(help="Generator sampling temperature.")] = 0.7,
    max_tokens: Annotated[int, typer.Option(min=16, help="Longest generator reply, in tokens.")] = 1024,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds per generator request.")] = 120.0,
    seed: Annotated[int, typer.Option(help="Generator seed.")] = 0,
    list_strategies: Annotated[bool, typer.Option("--list-strategies", help="List the attack techniques and exit.")] = False,
) -> None:
    """Turn a folder of documents into an attack suite: requirements per perspective (with their
    page), attack prompts per requirement, de-duplicated; native JSONL and aisev CSV."""
    if list_strategies:
        book = generation_prompts(templates)
        for known in strategies(book):
            typer.echo(f"{known}  {book.text('strategy_' + known, 'en')}")
        return
    if language not in get_args(Language):
        raise InputError(f"--language {language!r}: use ja or en")
    if expected not in (Expected.MEET_REQUIREMENT.value, Expected.REFUSE.value):
        raise InputError(f"--expected {expected!r}: use meet_requirement or refuse")
    target = build_target(
        generator,
        target_options(generator, generator_base_url, generator_api_key_env, None, temperature, max_tokens, seed, timeout, None),
    )
    spec = GenerationSpec(
        docs=docs, generator=target, language=cast(Language, language),
        perspectives=tuple(perspective or (1, 2, 3, 4, 5, 6)), requirements_per_perspective=requirements,
        per_requirement=per_requirement, strategies=tuple(strategy or ("mixed",)), purpose=purpose,
        max_chars=max_chars, chunk_chars=chunk_chars, templates=templates, name=name, expected=Expected(expected),
    )
    generated = asyncio.run(generate_suite(spec))
    for problem in generated.problems:
        excerpt = f": {problem.excerpt[:120]!r}" if problem.excerpt else ""
        err_console.print(f"[yellow]skipped[/] {problem.step} {problem.where}: {problem.reason}{excerpt}", soft_wrap=True)
    if not generated.items:
        raise InputError(f"no attack prompts were generated from {docs} ({len(generated.problems)} problems above)")
    paths = write_outputs(generated, output)
    console.print(
        f"{generated.documents} documents ({generated.pages} pages, {generated.summaries} summaries) → "
        f"{len(generated.requirements)} requirements ({generated.duplicate_requirements} duplicates dropped) → "
        f"{len(generated.items)} prompts ({generated.duplicate_prompts} duplicates dropped); "
        f"{len(generated.problems)} problems"
    )
    for kind, path in paths.items():
        console.print(f"{kind}: {path}")
    by_perspective: dict[int, int] = {}
    for item in generated.items:
        by_perspective[item.perspective] = by_perspective.get(item.perspective, 0) + 1
    console.print(", ".join(f"{p} {lookup_perspective(p).key}: {n}" for p, n in sorted(by_perspective.items())))


def inject(
    suite: Annotated[list[str], typer.Option("--suite", "-s", help="Suite(s) whose items become hidden instructions. Repeatable.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Scenario suite to write (JSONL).")],
    mode: Annotated[list[str] | None, typer.Option("--mode", help="rag (context documents) or tool (tool output); repeatable.")] = None,
    style: Annotated[list[str] | None, typer.Option("--style", help="How the instruction hides: plain, comment, css, footnote; repeatable.")] = None,
    converter: Annotated[str, typer.Option(help="Converter chain for the hidden instruction, e.g. tag_smuggling.")] = "none",
    templates: TemplatesOption = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N harmful items.")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the canary codes.")] = 0,
    encoding: Annotated[str | None, typer.Option(help="Encoding of suite files, e.g. cp932.")] = None,
) -> None:
    """Write indirect prompt injection scenarios: each item hidden with a canary in a document the
    target is asked to read; run them with 'shinsa run --suite OUT.jsonl' (injection scorer)."""
    modes: list[Mode] = []
    for chosen in mode or ["rag"]:
        if chosen not in MODES:
            raise InputError(f"--mode {chosen!r}: use rag or tool")
        modes.append(cast(Mode, chosen))
    builder = ScenarioBuilder(
        ScenarioSpec(modes=tuple(modes), styles=tuple(style or ("plain",)), converter=converter, seed=seed),
        injection_prompts(templates),
    )
    suites = [load_suite(spec, encoding) for spec in suite]

    def write(handle: IO[str]) -> int:
        count = 0
        for item in builder.scenarios(suites, limit):
            handle.write(item.model_dump_json(exclude_defaults=True) + "\n")
            count += 1
        return count

    count = write_atomically(output, write)
    console.print(f"{count} scenarios written to {output}; run them with: shinsa run --suite {output} --target ...")


class AttackGroup(TyperGroup):
    """A command group that also offers the multi-turn strategies other packages publish (entry-point
    group ``shinsa.attacks``) as commands. Installed packages are scanned only when a command name is
    not found or the group's help is shown, never at start-up."""

    # typer vendors click and does not export its Context and Command types: hence Any below
    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        return names + sorted(set(attacks.names()) - set(names))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in attacks.names():
            single = typer.Typer()
            single.command(name=cmd_name, help=attacks.get(cmd_name).summary)(_attack_command(cmd_name))
            command = typer.main.get_command(single)
        return command


def register(group: typer.Typer) -> None:
    """Add the commands to ``group`` (the built-in strategies; give the group ``cls=AttackGroup`` to
    offer published ones too)."""
    for strategy in BUILTIN_ATTACKS:
        group.command(name=strategy, help=attacks.get(strategy).summary)(_attack_command(strategy))
    group.command(name="generate")(generate)
    group.command(name="inject")(inject)


app = typer.Typer(
    help="Multi-turn adaptive attacks, attack suites from documents, indirect prompt injection.",
    no_args_is_help=True,
    cls=AttackGroup,
)
register(app)
