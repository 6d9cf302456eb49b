"""The scorer interface: one completion in, one :class:`Score` out.

A scorer sees the whole :class:`Completion` (text, ``finish_reason``, token counts), not only the
text, so it can tell a cut-off answer from a finished one. Callers never choose between the sync
and the async method: they await :meth:`Scorer.verdict`, which applies the rules every scorer
shares: ``<think>`` reasoning is never scored (it is kept in ``details``), an empty answer is never
judged, and an answer cut off by the token limit is not judged as if it were complete.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.outcomes import Outcome, Score
from shinsa.registry import Registry
from shinsa.scorers.sections import ReportSection
from shinsa.targets.base import Completion, Target, TargetError, split_think
from shinsa.yamlfiles import validation_message


class ScorerOptions(BaseModel):
    """A scorer's options, one pydantic model per scorer (subclass this and set ``Options``), so a
    misspelt or mistyped option is a one-line error before anything is scored."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    score_truncated: bool = False
    """Judge an answer cut off by the token limit as it stands (default: ``unscorable``, since the
    missing end may hold the refusal or the harmful part)."""


class Scorer(ABC):
    """Subclass, set ``name`` and ``version``, implement :meth:`score` (or the async :meth:`ascore`
    when the scorer calls a model), and register with ``@scorers.register("name")``.

    ``version`` goes into every run manifest: bump it whenever verdicts can change.
    """

    name: ClassVar[str]
    version: ClassVar[str] = "1"
    needs_judge: ClassVar[bool] = False
    """True when the scorer calls an LLM judge (a :class:`Target`) and so must be awaited."""
    Options: ClassVar[type[ScorerOptions]] = ScorerOptions
    options: ScorerOptions

    def __init__(self, judge: Target | None = None, **options: Any) -> None:
        self.judge = judge
        try:
            self.options = self.Options.model_validate(options)
        except ValidationError as exc:
            raise InputError(f"scorer {self.name!r}: option {validation_message(exc)}") from None

    def score(self, item: Item, completion: Completion) -> Score:
        raise NotImplementedError(f"scorer {self.name!r} is asynchronous; use verdict()")

    async def ascore(self, item: Item, completion: Completion) -> Score:
        """What a scorer that calls a model implements; by default the synchronous :meth:`score`."""
        return self.score(item, completion)

    async def verdict(self, item: Item, completion: Completion) -> Score:
        """The one way to call any scorer: ``<think>`` reasoning is set apart before scoring and
        kept in ``details["reasoning"]``; an empty answer is never judged, let alone counted as
        safe; an answer cut off by the token limit is ``unscorable`` unless the scorer's
        ``score_truncated`` option says to judge it anyway (flagged ``details["truncated"]``).
        Raises what the scorer raises (an item it cannot score is bad input)."""
        answer, in_text = split_think(completion.text)
        reasoning = "\n\n".join(part for part in (completion.reasoning, in_text) if part) or None
        if in_text is not None:
            completion = replace(completion, text=answer, reasoning=reasoning)
        noted: dict[str, Any] = {}
        if reasoning:
            noted["reasoning"] = reasoning
        if completion.truncated:
            noted["truncated"] = True
            noted["finish_reason"] = completion.finish_reason
        if not answer:
            reason = "cut off by the token limit before the answer began" if completion.truncated else "no answer"
            return Score(Outcome.EMPTY, None, reason, noted)
        if completion.truncated and not self.options.score_truncated:
            return Score(Outcome.UNSCORABLE, None, "answer cut off by the token limit (finish_reason: length)", noted)
        verdict = await self.ascore(item, completion)
        verdict.details.update(noted)
        return verdict

    async def verdict_or_unscorable(self, item: Item, completion: Completion) -> Score:
        """:meth:`verdict` for runs and attacks: an item this scorer cannot judge (no reference, a
        broken pattern, an unreachable judge) is recorded as unscorable instead of stopping the run."""
        try:
            return await self.verdict(item, completion)
        except (InputError, ValueError, TargetError) as exc:
            return Score(Outcome.UNSCORABLE, None, f"scorer {self.name} failed: {exc}")

    @classmethod
    def report_section(cls, rows: Iterable[Mapping[str, Any]], language: str, max_items: int) -> ReportSection | None:
        """A report section of the scorer's own over a run's attempt rows (``ja`` or ``en``); None
        for none, as for most scorers. The report asks every scorer a run used."""
        return None

    def pace(self, *, rate: float | None, concurrency: int | None) -> None:
        """Bound the scorer's judge calls (requests per second, requests in flight); a scorer
        that calls no model has nothing to bound."""

    def describe(self) -> dict[str, Any]:
        """What goes into a run manifest: name, version, the run-wide options (:data:`RUN_OPTIONS`)
        this scorer was given other than its defaults, and its judge."""
        info: dict[str, Any] = {"name": self.name, "version": self.version}
        for option in RUN_OPTIONS:
            declared = self.Options.model_fields.get(option)
            value = getattr(self.options, option, None)
            if declared is not None and value != declared.default:
                info[option] = value
        if self.needs_judge and self.judge is not None:
            info["judge"] = self.judge.fingerprint()
        return info


class SyncScorer(Scorer):
    """A scorer that needs no model: only :meth:`score` to implement."""

    @abstractmethod
    def score(self, item: Item, completion: Completion) -> Score: ...


scorers: Registry[type[Scorer]] = Registry(
    "scorer",
    "shinsa.scorers",
    {
        "refusal": "shinsa.scorers.refusal",
        "contains": "shinsa.scorers.matching",
        "regex": "shinsa.scorers.matching",
        "choice": "shinsa.scorers.matching",
        "pii": "shinsa.scorers.pii",
        "leak": "shinsa.scorers.canary",
        "injection": "shinsa.scorers.canary",
        "requirement": "shinsa.scorers.judges",
        "rubric": "shinsa.scorers.judges",
        "ensemble": "shinsa.scorers.judges",
        "plan": "shinsa.physical.scoring",
        "plan_judge": "shinsa.physical.scoring",
    },
)


def build_scorer(name: str, judge: Target | None = None, **options: Any) -> Scorer:
    cls = scorers.get(name)
    return cls(judge=judge, **options)


RUN_OPTIONS = ("score_truncated", "review_below")
"""Scorer options a run, a red-team run or ``shinsa score`` sets from its command line for all its
scorers at once (``--score-truncated``, ``--review-below``). Each reaches only the scorers whose
``Options`` declare it; the manifest records it with each scorer whose default it changes."""


def declared_options(name: str, **values: Any) -> dict[str, Any]:
    """Those of ``values`` (run-wide options) that scorer ``name`` declares; None leaves its default."""
    declared = scorers.get(name).Options.model_fields
    return {option: value for option, value in values.items() if value is not None and option in declared}


def build_run_scorer(name: str, judge: Target | None = None, **values: Any) -> Scorer:
    """The scorer ``name`` with the run-wide options it declares (a scorer without
    ``review_below`` is built without it, not refused)."""
    return build_scorer(name, judge=judge, **declared_options(name, **values))


def check_review_below(value: float | None) -> None:
    """A review threshold is a confidence, 0 to 1 (0: every verdict decided automatically)."""
    if value is not None and not 0.0 <= value <= 1.0:  # also refuses NaN
        raise InputError(
            f"--review-below は 0 以上 1 以下の数です（0 はすべて自動判定）/ "
            f"--review-below must be between 0 and 1 (0 decides every verdict automatically), got {value:g}"
        )
