"""Attack plans: which converter chains and jailbreak templates to apply to which items.

A plan expands a suite into attacked items: every selected item once per (template, chain) pair,
plus the item itself as the baseline the attack success rate is compared with. The chain
transforms the item's request first, then the template frames the result. Expansion is
deterministic and streaming: items are read once and each attacked item is built when needed.
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from shinsa.errors import InputError
from shinsa.items import Item, Language, Message
from shinsa.perspectives import perspective as lookup_perspective
from shinsa.physical.planner import planner_task, with_instruction
from shinsa.redteam.converters import NO_CONVERSION, Chain, parse_chain
from shinsa.redteam.templates import NO_TEMPLATE, bundled_templates
from shinsa.yamlfiles import read_yaml_model

BASELINE = "baseline"


@dataclass(frozen=True, slots=True)
class PlannedAttack:
    """One way of attacking an item: a template spec (or none) around a converter chain."""

    template: str | None
    chain: Chain

    @property
    def id(self) -> str:
        """``tpl:fiction|conv:fullwidth|base64``, ``tpl:many_shot:16`` or ``conv:base64``."""
        parts = [f"tpl:{self.template}"] if self.template else []
        if self.chain.converters:
            parts.append(f"conv:{self.chain.spec}")
        return "|".join(parts)

    def apply(self, item: Item) -> Item:
        """The item with its request (the last user turn) attacked; everything else is kept. On a
        robot-planner item only the instruction is attacked, and the scene stays readable."""
        task = planner_task(item)
        request = item.prompt_text() if task is None else task.instruction
        text = self.chain.convert(request, language=item.language)
        if self.template:
            text = bundled_templates().render(self.template, text, language=item.language)
        if task is not None:
            return item.model_copy(update={"prompt": with_instruction(item, task, text)})
        if isinstance(item.prompt, str):
            prompt: str | list[Message] = text
        else:
            prompt = [*item.prompt[:-1], Message(role="user", content=text)]
        return item.model_copy(update={"prompt": prompt})


def _unique(values: list[str], what: str) -> list[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what} {value!r} is listed twice")
        seen.add(value)
    return values


class AttackPlan(BaseModel):
    """An attack plan file (YAML); the fields are documented in docs/formats.md."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    converters: list[str] = Field(default_factory=list)
    """Converter chain specs such as ``fullwidth|base64``; ``none`` means the bare request."""
    templates: list[str] = Field(default_factory=list)
    """Template specs such as ``fiction`` or ``many_shot:32``; ``none`` means no template."""
    include_baseline: bool = True
    perspectives: list[int] | None = None
    languages: list[Language] | None = None
    sample: int | None = Field(default=None, ge=1)
    """Attack at most this many items per perspective, chosen by ``seed``."""
    seed: int = 0

    @field_validator("converters")
    @classmethod
    def _chains(cls, specs: list[str]) -> list[str]:
        try:
            canonical = [parse_chain(spec).spec for spec in specs]
        except InputError as exc:
            raise ValueError(str(exc)) from None
        return _unique(canonical, "converter chain")

    @field_validator("templates")
    @classmethod
    def _templates(cls, specs: list[str]) -> list[str]:
        library = bundled_templates()
        canonical = [spec.strip() for spec in specs]
        for spec in canonical:
            if spec != NO_TEMPLATE:
                try:
                    library.resolve(spec)
                except InputError as exc:
                    raise ValueError(str(exc)) from None
        return _unique(canonical, "template")

    @field_validator("perspectives", mode="before")
    @classmethod
    def _perspectives(cls, refs: Any) -> Any:
        if isinstance(refs, list):
            try:
                return [lookup_perspective(ref).id for ref in refs]
            except InputError as exc:
                raise ValueError(str(exc)) from None
        return refs

    @model_validator(mode="after")
    def _something_to_run(self) -> AttackPlan:
        if not self.attacks() and not self.include_baseline:
            raise ValueError("the plan has no attacks and no baseline: nothing to run")
        return self

    def attacks(self) -> list[PlannedAttack]:
        """Every (template, chain) pair in plan order, without the bare pair (that is the baseline)."""
        chains = [parse_chain(spec) for spec in self.converters or [NO_CONVERSION]]
        templates = [None if spec == NO_TEMPLATE else spec for spec in self.templates or [NO_TEMPLATE]]
        return [
            PlannedAttack(template, chain)
            for template in templates
            for chain in chains
            if template is not None or chain.converters
        ]

    def selects(self, item: Item) -> bool:
        return (self.perspectives is None or item.perspective in self.perspectives) and (
            self.languages is None or item.language in self.languages
        )


def load_plan(path: Path) -> AttackPlan:
    return read_yaml_model(AttackPlan, path, "attack plan")


def _sample_rank(seed: int, item_id: str) -> bytes:
    """A stable pseudo-random rank: the same seed picks the same items whatever their order, and a
    larger sample keeps every item of a smaller one."""
    return hashlib.sha256(f"{seed}\0{item_id}".encode()).digest()


def _sampled(items: Iterable[Item], plan: AttackPlan) -> Iterator[Item]:
    """The selected items in input order; with ``sample``, only that many per perspective (this
    reads the whole stream first, holding at most ``sample`` items per perspective)."""
    selected = (item for item in items if plan.selects(item))
    if plan.sample is None:
        yield from selected
        return
    kept: dict[int, list[tuple[bytes, int, Item]]] = {}
    for index, item in enumerate(selected):
        heap = kept.setdefault(item.perspective, [])
        entry = (_negated(_sample_rank(plan.seed, item.id)), index, item)
        if len(heap) < plan.sample:
            heapq.heappush(heap, entry)
        elif entry[:2] > heap[0][:2]:
            heapq.heapreplace(heap, entry)
    chosen = sorted((entry for heap in kept.values() for entry in heap), key=lambda entry: entry[1])
    for _, _, item in chosen:
        yield item


def _negated(rank: bytes) -> bytes:
    """Turn the min-heap into a max-heap on rank, so the smallest ranks are the ones kept."""
    return bytes(255 - byte for byte in rank)


def expand(items: Iterable[Item], plan: AttackPlan) -> Iterator[tuple[str, Item]]:
    """Yield ``(attack_id, item)`` for every selected item: the baseline first (id ``baseline``,
    the item unchanged), then each attack in plan order. Attacked items keep the item's id."""
    attacks = plan.attacks()
    for item in _sampled(items, plan):
        if plan.include_baseline:
            yield BASELINE, item
        for attack in attacks:
            yield attack.id, attack.apply(item)
