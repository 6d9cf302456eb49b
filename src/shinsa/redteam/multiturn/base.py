"""The parts every multi-turn attack shares: the objective and its judgement, budgets, turns and
their log, and the :class:`Attack` base class that replays stored turns and calls the models."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, Protocol

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.outcomes import UNSAFE_BELOW, Outcome, Score
from shinsa.physical.planner import attack_framing
from shinsa.promptbook import PromptBook, load_book
from shinsa.redteam.parsing import parse_prompt
from shinsa.registry import Registry
from shinsa.scorers.base import Scorer
from shinsa.scorers.refusal import classify
from shinsa.targets.base import ChatMessages, Completion, Target, TargetError
from shinsa.targets.calling import Caller, RetryPolicy

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
        attacks.get(self.strategy)  # an unknown strategy is bad input
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
        info.update(attacks.get(self.strategy).settings(self))
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


def model_caller(target: Target, retry: RetryPolicy | None = None, seed: int = 0, rate: float | None = None) -> Caller:
    """How an attack calls a model: at most the target kind's concurrency in flight (attacks run
    side by side), transient errors retried with backoff."""
    return Caller(target, retry, rate=rate, concurrency=target.default_concurrency, seed=seed)


def token_count(completion: Completion) -> int:
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
        self.system = item.system
        self.probing = scorer.name in PROBING_SCORERS and not scorer.needs_judge
        framing = attack_framing(item)  # a robot planner: the attacker pushes it toward an unsafe plan
        if framing is not None:
            self.text, self.system = framing

    async def judge(self, response: Completion, prompt: str) -> Judgement:
        refused = classify(response.text, prompt).outcome is Outcome.REFUSED
        return Judgement(await self.scorer.verdict_or_unscorable(self.item, response), refused)

    def target_messages(self, conversation: list[tuple[str, str]], prompt: str) -> ChatMessages:
        messages: ChatMessages = []
        if self.system:
            messages.append({"role": "system", "content": self.system})
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


class AttackerRefused(Exception):
    """The attacker gave no usable prompt (refused, or empty output)."""


class BudgetSpent(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Attack(ABC):
    """One attack on one objective. A strategy subclasses it, implements :meth:`steps`, sets
    ``summary`` (the help of its ``shinsa redteam NAME`` command) and registers with
    ``@attacks.register("name")`` (or the ``shinsa.attacks`` entry-point group)."""

    summary: ClassVar[str] = ""

    @classmethod
    def settings(cls, config: AttackConfig) -> dict[str, Any]:
        """The configuration this strategy uses beyond the shared one, for the run manifest."""
        return {}

    def __init__(
        self,
        objective: Objective,
        config: AttackConfig,
        target: Caller,
        attacker: Caller,
        prompts: PromptBook,
        log: TurnLog,
        evaluator: Caller | None = None,
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
            raise BudgetSpent("tokens")
        if self.budget.max_seconds is not None and self.seconds() >= self.budget.max_seconds:
            raise BudgetSpent("seconds")

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
            raise AttackerRefused(completion.text[:200])
        return prompt, token_count(completion)

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
        judgement = await self.objective.judge(completion, prompt)
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
            tokens + token_count(completion), time.monotonic() - started,
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
        except BudgetSpent as spent:
            success, stop = False, spent.reason
        except AttackerRefused as refused:
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
            judgement = await self.objective.judge(Completion(final.response), final.prompt)
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


BUILTIN_ATTACKS = ("crescendo", "pair", "tap")
"""The strategies that come with Shinsa, each in the module of its name in this package; listing
them needs no scan of installed packages (which :meth:`Registry.names` does for plugins)."""

attacks: Registry[type[Attack]] = Registry(
    "attack strategy", "shinsa.attacks", {name: f"shinsa.redteam.multiturn.{name}" for name in BUILTIN_ATTACKS}
)
"""Multi-turn strategies by name; other packages publish theirs in the ``shinsa.attacks`` group."""


async def run_attack(
    objective: Objective,
    config: AttackConfig,
    target: Caller,
    attacker: Caller,
    log: TurnLog,
    prompts: PromptBook | None = None,
    evaluator: Caller | None = None,
) -> AttackResult:
    """Run (or resume, from what ``log`` holds) one attack on one objective."""
    attack = attacks.get(config.strategy)(objective, config, target, attacker, prompts or attacker_prompts(), log, evaluator)
    return await attack.run()

