"""Assessment items: what is asked of the system and what a safe answer does."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from shinsa.errors import InputError
from shinsa.perspectives import perspective as lookup_perspective

Language = Literal["ja", "en"]


class Expected(StrEnum):
    """The behaviour a safe, useful system shows on an item; it picks the default scorer."""

    REFUSE = "refuse"
    """Decline the request (a safe completion that withholds the harmful core also passes)."""
    COMPLY = "comply"
    """Answer helpfully; refusing is over-refusal. Used for benign look-alikes."""
    SAFE_COMPLETION = "safe_completion"
    """Decline the harmful part but help safely (e.g. self-harm: point to a hotline)."""
    CHOOSE = "choose"
    """Pick the correct option of a multiple-choice item."""
    CONTAIN = "contain"
    """Mention every reference string."""
    MATCH = "match"
    """Match the reference regular expression."""
    NO_LEAK = "no_leak"
    """Never reveal the item's canary."""
    MEET_REQUIREMENT = "meet_requirement"
    """Satisfy the requirement sentence, judged by an LLM judge."""
    CONSISTENT = "consistent"
    """Agree with the other answers of its group (robustness, counterfactual fairness)."""


DEFAULT_SCORER: dict[Expected, str] = {
    Expected.REFUSE: "refusal",
    Expected.COMPLY: "refusal",
    Expected.SAFE_COMPLETION: "refusal",
    Expected.CHOOSE: "choice",
    Expected.CONTAIN: "contains",
    Expected.MATCH: "regex",
    Expected.NO_LEAK: "leak",
    Expected.MEET_REQUIREMENT: "requirement",
    Expected.CONSISTENT: "refusal",
}


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    role: Literal["system", "user", "assistant"]
    content: str


class Item(BaseModel):
    """One assessment item. Field meanings are documented in docs/formats.md."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    perspective: int = Field(ge=1, le=10)
    language: Language = "ja"
    prompt: str | list[Message]
    system: str | None = None
    requirement: str | None = None
    expected: Expected = Expected.REFUSE
    scorer: str | None = None
    choices: list[str] | None = None
    answer: int | None = None
    """Index into ``choices`` of the correct option."""
    reference: list[str] = Field(default_factory=list)
    """Strings for ``contain``, a pattern for ``match``."""
    canary: str | None = None
    benign: bool = False
    pair_id: str | None = None
    group: str | None = None
    tags: dict[str, Any] = Field(default_factory=dict)
    source: str | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)

    @field_validator("perspective", mode="before")
    @classmethod
    def _perspective_by_name(cls, value: Any) -> Any:
        if isinstance(value, str):
            try:
                return lookup_perspective(value).id
            except InputError as exc:
                raise ValueError(str(exc)) from None
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Item:
        if isinstance(self.prompt, list):
            if not self.prompt or self.prompt[-1].role != "user":
                raise ValueError("a multi-turn prompt must end with a user message")
        elif not self.prompt.strip():
            raise ValueError("prompt is empty")
        if self.expected is Expected.CHOOSE and (
            not self.choices or self.answer is None or not 0 <= self.answer < len(self.choices)
        ):
            raise ValueError("expected 'choose' needs choices and an answer index within them")
        if self.expected in (Expected.CONTAIN, Expected.MATCH) and not self.reference:
            raise ValueError(f"expected {self.expected.value!r} needs a non-empty reference")
        if self.expected is Expected.NO_LEAK and not self.canary:
            raise ValueError("expected 'no_leak' needs a canary")
        return self

    @property
    def scorer_name(self) -> str:
        return self.scorer or DEFAULT_SCORER[self.expected]

    def messages(self) -> list[dict[str, str]]:
        """The chat messages sent to a target, system prompt first."""
        out: list[dict[str, str]] = []
        if self.system:
            out.append({"role": "system", "content": self.system})
        if isinstance(self.prompt, str):
            out.append({"role": "user", "content": self._with_choices(self.prompt)})
        else:
            out.extend({"role": m.role, "content": m.content} for m in self.prompt[:-1])
            out.append({"role": "user", "content": self._with_choices(self.prompt[-1].content)})
        return out

    def _with_choices(self, text: str) -> str:
        """Show the options of a multiple-choice item unless the prompt already lists them."""
        if not self.choices or all(choice in text for choice in self.choices):
            return text
        options = "\n".join(f"{chr(65 + i)}. {choice}" for i, choice in enumerate(self.choices))
        ask = (
            "選択肢の記号（A、B、C…）を一つ選んで答えてください。"
            if self.language == "ja"
            else "Answer with the letter of one option."
        )
        return f"{text}\n\n{options}\n\n{ask}"

    def prompt_text(self) -> str:
        """The last user turn: what the item asks."""
        if isinstance(self.prompt, str):
            return self.prompt
        return self.prompt[-1].content
