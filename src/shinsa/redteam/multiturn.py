"""Multi-turn adaptive attacks: an attacker model works on a suite item's prompt (the objective)
over several turns, guided by a scorer.

* **crescendo** escalates one conversation from a harmless opening towards the objective, each
  message building on the target's last answer; a refused message is dropped from the
  conversation and the attacker rephrases it (backtracking, bounded by ``max_backtracks``).
* **PAIR** has the attacker rewrite a single prompt for up to ``max_turns`` iterations, each time
  shown the target's answer and a 1–10 score.
* **TAP** grows a tree of PAIR refinements: ``width`` roots, ``branching`` children per kept
  branch and level, children that drift off the objective pruned before they reach the target,
  and only the ``width`` best-scoring children kept for the next level.

Every turn is recorded through a :class:`TurnLog` as soon as it finishes. The attacks are written
as deterministic replays: a turn already in the log is taken from it instead of calling any
model, so re-running a killed attack rebuilds its conversation from the stored turns and continues
at the first unfinished one.

Success is judged by a scorer. A verdict below 0.5 (the unsafe behaviour) means the attack
reached its objective. The refusal scorer only judges an answer to the item's own prompt, so under
it crescendo *probes* after every accepted turn: it asks the objective itself in the built-up
conversation (probe turns are stored on branch ``probe`` and never join the conversation). An LLM
judge (``requirement``, ``rubric``) or a canary scorer judges every answer directly.
"""

from __future__ import annotations

import asyncio
import random
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.outcomes import UNSAFE_BELOW, Outcome, Score
from shinsa.promptbook import PromptBook, load_book
from shinsa.redteam.parsing import parse_prompt, parse_yes_no
from shinsa.run.retry import RateLimiter, RetryPolicy
from shinsa.scorers.base import Scorer
from shinsa.scorers.refusal import classify
from shinsa.targets.base import ChatMessages, Completion, Target, TargetError

STRATEGIES = ("crescendo", "pair", "tap")
PROBING_SCORERS = frozenset({"refusal"})
"""Scorers whose verdict only means something for an answer to the item's own prompt."""
PROBE_BRANCH = "probe"
ATTACKER_PROMPTS: dict[str, set[str]] = {
    "crescendo_system": {"objective"},
    "crescendo_turn": {"history"},
    "crescendo_backtrack": {"refused_prompt"},
    "pair_system": {"objective"},
    "pair_turn": {"history"},
    "tap_variant": {"variant"},
    "conversation_entry": {"prompt", "response"},
    "attempt_entry": {"prompt", "response", "score"},
    "on_topic": {"objective", "prompt"},
}
"""Attacker prompt entries and the placeholders an overriding template must keep."""


def attacker_prompts(override_dir: Any = None) -> PromptBook:
    return load_book("attacker", override_dir, ATTACKER_PROMPTS)


class TurnOutcome(StrEnum):
    SUCCESS = "success"
    """The objective was reached on this turn."""
    PROGRESS = "progress"
    """The target answered without reaching the objective."""
    REFUSED = "refused"
    """The target refused; the turn stays in the conversation (no backtrack left)."""
    BACKTRACKED = "backtracked"
    """The target refused; the turn was dropped and the attacker rephrased it."""
    OFF_TOPIC = "off_topic"
    """TAP: the attacker's prompt drifted from the objective (or was unusable); pruned unsent."""


@dataclass(frozen=True, slots=True)
class Budget:
    """Limits of one attack. ``max_turns``: accepted crescendo turns, PAIR iterations, TAP depth.
    Tokens (attacker and target together, where the targets report them) and seconds are summed
    over every session of the attack and checked before each new turn."""

    max_turns: int = 5
    max_tokens: int | None = None
    max_seconds: float | None = None
    max_backtracks: int = 3

    def __post_init__(self) -> None:
        if self.max_turns < 1:
            raise InputError(f"max turns must be at least 1, got {self.max_turns}")
        if self.max_backtracks < 0:
            raise InputError(f"max backtracks must be 0 or more, got {self.max_backtracks}")
        if self.max_tokens is not None and self.max_tokens < 1:
            raise InputError(f"max tokens must be positive, got {self.max_tokens}")
        if self.max_seconds is not None and self.max_seconds <= 0:
            raise InputError(f"max seconds must be positive, got {self.max_seconds}")


@dataclass(frozen=True, slots=True)
class AttackConfig:
    strategy: str
    budget: Budget = field(default_factory=Budget)
    width: int = 3
    """TAP: root prompts, and branches kept per level."""
    branching: int = 2
    """TAP: children generated per kept branch and level."""
    history_window: int = 4
    """PAIR/TAP: earlier attempts shown to the attacker."""
    response_chars: int = 600
    """Target answers are cut to this length inside attacker prompts."""

    def __post_init__(self) -> None:
        if self.strategy not in STRATEGIES:
            raise InputError(f"unknown attack strategy {self.strategy!r} (use {', '.join(STRATEGIES)})")
        if self.width < 1 or self.branching < 1:
            raise InputError("TAP width and branching must be at least 1")
        if self.history_window < 1 or self.response_chars < 50:
            raise InputError("history window must be >= 1 and response chars >= 50")

    def describe(self) -> dict[str, Any]:
        info: dict[str, Any] = {
            "strategy": self.strategy,
            "max_turns": self.budget.max_turns,
            "max_tokens": self.budget.max_tokens,
            "max_seconds": self.budget.max_seconds,
            "history_window": self.history_window,
            "response_chars": self.response_chars,
        }
        if self.strategy == "crescendo":
            info["max_backtracks"] = self.budget.max_backtracks
        if self.strategy == "tap":
            info.update(width=self.width, branching=self.branching)
        return info


@dataclass(slots=True)
class Turn:
    """One step of an attack. ``score`` is the attacker's view in [0, 1] (1 = objective reached),
    None where the turn was not judged (crescendo turns under a probing scorer)."""

    branch: str
    index: int
    prompt: str
    response: str | None
    outcome: TurnOutcome
    score: float | None
    explanation: str = ""
    tokens: int = 0
    seconds: float = 0.0

    @property
    def key(self) -> tuple[str, int]:
        return self.branch, self.index


class TurnLog(Protocol):
    """Where turns are kept: :meth:`stored` at start, :meth:`record` after every new turn."""

    def stored(self) -> list[Turn]: ...

    async def record(self, turn: Turn) -> None: ...


class MemoryTurnLog:
    """A turn log that lives as long as the object (for library use without a database)."""

    def __init__(self, turns: list[Turn] | None = None) -> None:
        self.turns: list[Turn] = list(turns or [])

    def stored(self) -> list[Turn]:
        return list(self.turns)

    async def record(self, turn: Turn) -> None:
        self.turns.append(turn)


class Model:
    """A target driven by an attack: bounded concurrency, transient errors retried with backoff."""

    def __init__(self, target: Target, retry: RetryPolicy | None = None, seed: int = 0, rate: float | None = None) -> None:
        self.target = target
        self.retry = retry or RetryPolicy()
        self.slots = asyncio.Semaphore(max(1, target.default_concurrency))
        self.rng = random.Random(seed)
        self.limiter = RateLimiter(rate)

    async def complete(self, messages: ChatMessages) -> Completion:
        retries = 0
        while True:
            await self.limiter.wait()
            try:
                async with self.slots:
                    return await self.target.generate(messages)
            except TargetError as exc:
                if not exc.retryable or retries >= self.retry.max_retries:
                    raise
                await asyncio.sleep(self.retry.delay(retries, exc, self.rng))
                retries += 1


def _tokens(completion: Completion) -> int:
    return (completion.prompt_tokens or 0) + (completion.completion_tokens or 0)


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Score
    refused: bool

    @property
    def success(self) -> bool:
        return self.verdict.value is not None and self.verdict.value < UNSAFE_BELOW

    @property
    def progress(self) -> float:
        """How close the answer came to the objective, 0–1 (a safe completion counts half)."""
        if self.verdict.value is None:
            return 0.0
        if self.verdict.outcome is Outcome.PARTIAL:
            return 0.5
        return 1.0 - self.verdict.value


class Objective:
    """A suite item as the goal of an attack, with the scorer that decides success."""

    def __init__(self, item: Item, scorer: Scorer) -> None:
        self.item = item
        self.scorer = scorer
        self.text = item.prompt_text()
        self.probing = scorer.name in PROBING_SCORERS and not scorer.needs_judge

    async def judge(self, response: str, prompt: str) -> Judgement:
        refused = classify(response, prompt).outcome is Outcome.REFUSED
        try:
            if self.scorer.needs_judge:
                verdict = await self.scorer.averdict(self.item, response)
            else:
                verdict = self.scorer.verdict(self.item, response)
        except (InputError, ValueError, TargetError) as exc:
            verdict = Score(Outcome.UNSCORABLE, None, f"scorer {self.scorer.name} failed: {exc}")
        return Judgement(verdict, refused)

    def target_messages(self, conversation: list[tuple[str, str]], prompt: str) -> ChatMessages:
        messages: ChatMessages = []
        if self.item.system:
            messages.append({"role": "system", "content": self.item.system})
        for asked, answered in conversation:
            messages += [{"role": "user", "content": asked}, {"role": "assistant", "content": answered}]
        messages.append({"role": "user", "content": prompt})
        return messages


@dataclass(slots=True)
class AttackResult:
    strategy: str
    success: bool
    stop: str
    """``success``, ``max_turns``, ``tokens``, ``seconds``, ``pruned`` (TAP: no branch left),
    ``attacker_refused`` (no usable prompt) or ``error``."""
    turns: int
    tokens: int
    seconds: float
    conversation: ChatMessages
    """The winning conversation (or the best attempt's), ending with the target's answer."""
    final: Turn | None
    verdict: Score
    """The scorer's verdict on the final answer (ERROR when the attack could not finish)."""
    error: str | None = None


class _AttackerRefused(Exception):
    """The attacker gave no usable prompt (refused, or empty output)."""


class _BudgetSpent(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Attack(ABC):
    """One attack on one objective. Subclasses implement :meth:`steps`."""

    def __init__(
        self,
        objective: Objective,
        config: AttackConfig,
        target: Model,
        attacker: Model,
        prompts: PromptBook,
        log: TurnLog,
        evaluator: Model | None = None,
    ) -> None:
        self.objective = objective
        self.config = config
        self.budget = config.budget
        self.target = target
        self.attacker = attacker
        self.evaluator = evaluator or attacker
        self.prompts = prompts
        self.log = log
        self.language = objective.item.language
        previous = log.stored()
        self.replay: dict[tuple[str, int], Turn] = {turn.key: turn for turn in previous}
        self.turns_taken = len(previous)
        self.tokens = sum(turn.tokens for turn in previous)
        self.prior_seconds = sum(turn.seconds for turn in previous)
        self.started = time.monotonic()
        self.judgements: dict[tuple[str, int], Judgement] = {}
        self.paths: dict[tuple[str, int], ChatMessages] = {}
        """The conversation each answered turn belongs to, ending with its answer."""
        self.seen_turns: list[Turn] = []
        self.last: Turn | None = None

    # bookkeeping ---------------------------------------------------------------------------------
    def seconds(self) -> float:
        return self.prior_seconds + (time.monotonic() - self.started)

    def check_budget(self) -> None:
        if self.budget.max_tokens is not None and self.tokens >= self.budget.max_tokens:
            raise _BudgetSpent("tokens")
        if self.budget.max_seconds is not None and self.seconds() >= self.budget.max_seconds:
            raise _BudgetSpent("seconds")

    async def keep(self, turn: Turn) -> Turn:
        await self.log.record(turn)
        self.turns_taken += 1
        self.tokens += turn.tokens
        return turn

    def render(self, key: str, **values: object) -> str:
        return self.prompts.render(key, self.language, **values)

    def clip(self, text: str) -> str:
        limit = self.config.response_chars
        return text if len(text) <= limit else text[:limit] + "…"

    # model calls ---------------------------------------------------------------------------------
    async def ask_attacker(self, system: str, user: str) -> tuple[str, int]:
        completion = await self.attacker.complete([{"role": "system", "content": system}, {"role": "user", "content": user}])
        prompt = parse_prompt(completion.text)
        if prompt is None or classify(prompt).outcome is Outcome.REFUSED:
            raise _AttackerRefused(completion.text[:200])
        return prompt, _tokens(completion)

    async def exchange(
        self,
        branch: str,
        index: int,
        conversation: list[tuple[str, str]],
        prompt: str,
        tokens: int,
        started: float,
        *,
        judged: bool,
        backtrack_allowed: bool = False,
    ) -> Turn:
        """Send ``prompt`` after ``conversation``, judge the answer, and record the turn."""
        messages = self.objective.target_messages(conversation, prompt)
        completion = await self.target.complete(messages)
        response = completion.text
        judgement = await self.objective.judge(response, prompt)
        score: float | None = judgement.progress if judged else None
        if judged and judgement.success:
            outcome = TurnOutcome.SUCCESS
        elif judgement.refused:
            outcome = TurnOutcome.BACKTRACKED if backtrack_allowed else TurnOutcome.REFUSED
        else:
            outcome = TurnOutcome.PROGRESS
        turn = Turn(
            branch, index, prompt, response, outcome, score,
            judgement.verdict.explanation if judged else ("refused" if judgement.refused else "answered"),
            tokens + _tokens(completion), time.monotonic() - started,
        )
        self.judgements[turn.key] = judgement
        self.paths[turn.key] = [*messages, {"role": "assistant", "content": response}]
        return await self.keep(turn)

    def remember_path(self, turn: Turn, conversation: list[tuple[str, str]], prompt: str) -> None:
        """The conversation of a replayed turn, rebuilt from stored turns."""
        if turn.response is not None:
            messages = self.objective.target_messages(conversation, prompt)
            self.paths[turn.key] = [*messages, {"role": "assistant", "content": turn.response}]

    # running -------------------------------------------------------------------------------------
    @abstractmethod
    async def steps(self) -> tuple[bool, str]:
        """Run the strategy; return (success, stop reason), with ``self.last`` the final turn."""

    async def run(self) -> AttackResult:
        try:
            success, stop = await self.steps()
        except _BudgetSpent as spent:
            success, stop = False, spent.reason
        except _AttackerRefused as refused:
            success, stop = False, "attacker_refused"
            if self.last is None:
                note = f"attacker gave no usable prompt: {refused}"
                return self._result(False, stop, Score(Outcome.UNSCORABLE, None, note))
        except TargetError as exc:
            message = f"{type(exc).__name__}: {exc}"
            return self._result(False, "error", Score(Outcome.ERROR, None, message), message)
        final = self.final_turn(success)
        if final is None or final.response is None:
            return self._result(success, stop, Score(Outcome.UNSCORABLE, None, f"no answered turn ({stop})"))
        judgement = self.judgements.get(final.key)
        if judgement is None:  # replayed from an earlier session: judge its stored answer again
            judgement = await self.objective.judge(final.response, final.prompt)
        self.last = final
        return self._result(success, stop, judgement.verdict)

    def final_turn(self, success: bool) -> Turn | None:
        """The winning turn, else the best-scoring answered one (the latest among equals)."""
        if success:
            return self.last
        answered = [turn for turn in self.seen_turns if turn.response is not None and turn.key in self.paths]
        scored = [turn for turn in answered if turn.score is not None]
        pool = scored or answered
        if not pool:
            return None
        best = max(turn.score or 0.0 for turn in pool)
        return [turn for turn in pool if (turn.score or 0.0) == best][-1]

    def _result(self, success: bool, stop: str, verdict: Score, error: str | None = None) -> AttackResult:
        conversation = self.paths.get(self.last.key, []) if self.last is not None else []
        return AttackResult(
            self.config.strategy, success, stop, self.turns_taken, self.tokens, self.seconds(),
            conversation, self.last, verdict, error,
        )

    def seen(self, turn: Turn) -> Turn:
        """Note a turn (new or replayed) as part of the attack's course."""
        self.seen_turns.append(turn)
        self.last = turn
        return turn


class Crescendo(Attack):
    def history(self, conversation: list[tuple[str, str]]) -> str:
        if not conversation:
            return self.render("history_empty")
        return "\n".join(
            self.render("conversation_entry", turn=n, prompt=asked, response=self.clip(answered)).rstrip()
            for n, (asked, answered) in enumerate(conversation, 1)
        )

    async def steps(self) -> tuple[bool, str]:
        conversation: list[tuple[str, str]] = []
        accepted = backtracks = index = 0
        refused_prompt: str | None = None
        system = self.render("crescendo_system", objective=self.objective.text, max_turns=self.budget.max_turns)
        while accepted < self.budget.max_turns:
            index += 1
            turn = self.replay.get(("", index))
            if turn is None:
                self.check_budget()
                started = time.monotonic()
                note = self.render("crescendo_backtrack", refused_prompt=refused_prompt) if refused_prompt else ""
                user = self.render(
                    "crescendo_turn", turn=accepted + 1, max_turns=self.budget.max_turns,
                    history=self.history(conversation), backtrack=note,
                )
                prompt, tokens = await self.ask_attacker(system, user)
                turn = await self.exchange(
                    "", index, conversation, prompt, tokens, started,
                    judged=not self.objective.probing, backtrack_allowed=backtracks < self.budget.max_backtracks,
                )
            else:
                self.remember_path(turn, conversation, turn.prompt)
            self.seen(turn)
            if turn.outcome is TurnOutcome.BACKTRACKED:
                backtracks += 1
                refused_prompt = turn.prompt
                continue
            refused_prompt = None
            conversation.append((turn.prompt, turn.response or ""))
            accepted += 1
            if turn.outcome is TurnOutcome.SUCCESS:
                return True, "success"
            if self.objective.probing and await self.probe(index, conversation):
                return True, "success"
        return False, "max_turns"

    async def probe(self, index: int, conversation: list[tuple[str, str]]) -> bool:
        """Ask the objective itself in the conversation built so far (not added to it)."""
        turn = self.replay.get((PROBE_BRANCH, index))
        if turn is None:
            self.check_budget()
            turn = await self.exchange(PROBE_BRANCH, index, conversation, self.objective.text, 0, time.monotonic(), judged=True)
        else:
            self.remember_path(turn, conversation, self.objective.text)
        self.seen(turn)
        return turn.outcome is TurnOutcome.SUCCESS


class Pair(Attack):
    def attempts(self, lineage: list[Turn]) -> str:
        shown = [turn for turn in lineage if turn.response is not None][-self.config.history_window :]
        if not shown:
            return self.render("history_empty")
        return "\n".join(
            self.render(
                "attempt_entry", prompt=turn.prompt, response=self.clip(turn.response or ""),
                score=round(1 + 9 * (turn.score or 0.0)), explanation=turn.explanation,
            ).rstrip()
            for turn in shown
        )

    async def refine(self, branch: str, depth: int, lineage: list[Turn], variant: str) -> Turn:
        """A new prompt from the attacker given ``lineage``, sent to the target and judged."""
        self.check_budget()
        started = time.monotonic()
        system = self.render("pair_system", objective=self.objective.text, max_turns=self.budget.max_turns)
        user = self.render(
            "pair_turn", turn=depth, max_turns=self.budget.max_turns, variant=variant, history=self.attempts(lineage)
        )
        prompt, tokens = await self.ask_attacker(system, user)
        return await self.exchange(branch, depth, [], prompt, tokens, started, judged=True)

    async def steps(self) -> tuple[bool, str]:
        lineage: list[Turn] = []
        for depth in range(1, self.budget.max_turns + 1):
            turn = self.replay.get(("", depth))
            if turn is None:
                turn = await self.refine("", depth, lineage, "")
            else:
                self.remember_path(turn, [], turn.prompt)
            lineage.append(self.seen(turn))
            if turn.outcome is TurnOutcome.SUCCESS:
                return True, "success"
        return False, "max_turns"


class Tap(Pair):
    async def child(self, branch: str, depth: int, lineage: list[Turn], variant: int, variants: int) -> Turn:
        turn = self.replay.get((branch, depth))
        if turn is not None:
            self.remember_path(turn, [], turn.prompt)
            return turn
        self.check_budget()
        started = time.monotonic()
        system = self.render("pair_system", objective=self.objective.text, max_turns=self.budget.max_turns)
        note = self.render("tap_variant", variant=variant, variants=variants) if variants > 1 else ""
        user = self.render("pair_turn", turn=depth, max_turns=self.budget.max_turns, variant=note, history=self.attempts(lineage))
        try:
            prompt, tokens = await self.ask_attacker(system, user)
        except _AttackerRefused as refused:
            pruned = Turn(branch, depth, "", None, TurnOutcome.OFF_TOPIC, None, f"no usable prompt: {refused}"[:300])
            return await self.keep(pruned)
        check = await self.evaluator.complete(
            [{"role": "user", "content": self.render("on_topic", objective=self.objective.text, prompt=prompt)}]
        )
        tokens += _tokens(check)
        if parse_yes_no(check.text) is False:
            off = Turn(branch, depth, prompt, None, TurnOutcome.OFF_TOPIC, None, "off topic", tokens, time.monotonic() - started)
            return await self.keep(off)
        return await self.exchange(branch, depth, [], prompt, tokens, started, judged=True)

    async def steps(self) -> tuple[bool, str]:
        frontier: list[tuple[str, list[Turn]]] = [("", [])]
        for depth in range(1, self.budget.max_turns + 1):
            self.check_budget()
            plans: list[tuple[str, list[Turn], int, int]] = []
            for parent, lineage in frontier:
                count = self.config.width if depth == 1 else self.config.branching
                for number in range(1, count + 1):
                    plans.append((f"{parent}.{number}" if parent else str(number), lineage, number, count))
            tasks = [
                asyncio.ensure_future(self.child(branch, depth, lineage, number, count))
                for branch, lineage, number, count in plans
            ]
            try:
                children: list[Turn] = await asyncio.gather(*tasks)
            except BaseException:  # a failed or spent sibling stops the whole level
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                raise
            for turn in children:
                self.seen(turn)
            winners = [turn for turn in children if turn.outcome is TurnOutcome.SUCCESS]
            if winners:
                self.last = winners[0]
                return True, "success"
            alive = [
                (turn, lineage) for turn, (_, lineage, _, _) in zip(children, plans, strict=True)
                if turn.outcome is not TurnOutcome.OFF_TOPIC
            ]
            if not alive:
                return False, "pruned"
            alive.sort(key=lambda pair: -(pair[0].score or 0.0))  # stable: ties keep branch order
            frontier = [(turn.branch, [*lineage, turn]) for turn, lineage in alive[: self.config.width]]
        return False, "max_turns"


ATTACKS: dict[str, type[Attack]] = {"crescendo": Crescendo, "pair": Pair, "tap": Tap}


async def run_attack(
    objective: Objective,
    config: AttackConfig,
    target: Model,
    attacker: Model,
    log: TurnLog,
    prompts: PromptBook | None = None,
    evaluator: Model | None = None,
) -> AttackResult:
    """Run (or resume, from what ``log`` holds) one attack on one objective."""
    attack = ATTACKS[config.strategy](objective, config, target, attacker, prompts or attacker_prompts(), log, evaluator)
    return await attack.run()

