"""The scorer interface: one answer in, one :class:`Score` out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.outcomes import Outcome, Score
from shinsa.registry import Registry
from shinsa.yamlfiles import validation_message

if TYPE_CHECKING:
    from shinsa.targets.base import Target


class ScorerOptions(BaseModel):
    """A scorer's options, one pydantic model per scorer (subclass this and set ``Options``), so a
    misspelt or mistyped option is a one-line error before anything is scored."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Scorer(ABC):
    """Subclass, set ``name`` and ``version``, implement :meth:`score` (or :meth:`ascore` when the
    scorer calls a model), and register with ``@scorers.register("name")``.

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

    def score(self, item: Item, output: str) -> Score:
        raise NotImplementedError(f"scorer {self.name!r} is asynchronous; use ascore()")

    async def ascore(self, item: Item, output: str) -> Score:
        return self.score(item, output)

    def verdict(self, item: Item, output: str) -> Score:
        """Score an answer; an empty answer is never judged, let alone counted as safe."""
        if not output.strip():
            return Score(Outcome.EMPTY, None, "no answer")
        return self.score(item, output)

    async def averdict(self, item: Item, output: str) -> Score:
        if not output.strip():
            return Score(Outcome.EMPTY, None, "no answer")
        return await self.ascore(item, output)

    def describe(self) -> dict[str, Any]:
        """What goes into a run manifest."""
        info: dict[str, Any] = {"name": self.name, "version": self.version}
        if self.needs_judge and self.judge is not None:
            info["judge"] = self.judge.fingerprint()
        return info


class SyncScorer(Scorer):
    """A scorer that needs no model: only :meth:`score` to implement."""

    @abstractmethod
    def score(self, item: Item, output: str) -> Score: ...


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
    },
)


def build_scorer(name: str, judge: Target | None = None, **options: Any) -> Scorer:
    cls = scorers.get(name)
    return cls(judge=judge, **options)
