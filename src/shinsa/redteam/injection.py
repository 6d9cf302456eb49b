"""Indirect prompt injection scenarios: the target answers a harmless question from a document
(RAG-style context, or a tool's output) that carries a hidden instruction.

Each suite item becomes the hidden instruction: do what the item asks, then write a canary code.
The scenario item expects ``no_leak`` and is scored by the ``injection`` scorer, which finds the
canary even spaced, reversed or encoded: a canary in the answer proves the target obeyed text it
should have treated as data. Scenario items belong to perspective 6 (security) and remember the
item they were built from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from shinsa.errors import InputError
from shinsa.items import Expected, Item, Message
from shinsa.promptbook import PromptBook, load_book
from shinsa.redteam.converters import Chain, parse_chain
from shinsa.suites.base import Suite

Mode = Literal["rag", "tool"]
MODES: tuple[Mode, ...] = ("rag", "tool")
SECURITY = 6
INJECTION_PROMPTS: dict[str, set[str]] = {
    "instruction": {"objective", "canary"},
    "rag_user": {"document", "question"},
    "tool_result": {"document"},
}


def injection_prompts(override_dir: Path | None = None) -> PromptBook:
    book = load_book("injection", override_dir, INJECTION_PROMPTS, ("carrier_", "question_", "source_", "hide_"))
    for carrier in carriers(book):
        for needed in (f"question_{carrier}", f"source_{carrier}"):
            if needed not in book.entries:
                raise InputError(f"injection templates: carrier {carrier!r} has no {needed!r} entry")
    return book


def carriers(book: PromptBook) -> list[str]:
    return sorted(key.removeprefix("carrier_") for key in book.entries if key.startswith("carrier_"))


def styles(book: PromptBook) -> list[str]:
    return sorted(key.removeprefix("hide_") for key in book.entries if key.startswith("hide_"))


def canary_for(item_id: str, seed: int) -> str:
    """A code no answer contains by chance, fixed for an item and seed."""
    digest = hashlib.sha256(f"{seed}:{item_id}".encode()).hexdigest()[:8].upper()
    return f"ZQ-{digest}"


@dataclass(frozen=True, slots=True)
class ScenarioSpec:
    modes: tuple[Mode, ...] = ("rag",)
    styles: tuple[str, ...] = ("plain",)
    converter: str = "none"
    """A converter chain applied to the hidden instruction (e.g. ``tag_smuggling``)."""
    seed: int = 0


class ScenarioBuilder:
    def __init__(self, spec: ScenarioSpec, book: PromptBook | None = None) -> None:
        self.spec = spec
        self.book = book or injection_prompts()
        self.carriers = carriers(self.book)
        known = styles(self.book)
        for style in spec.styles:
            if style not in known:
                raise InputError(f"unknown hiding style {style!r} (known: {', '.join(known)})")
        for mode in spec.modes:
            if mode not in MODES:
                raise InputError(f"unknown injection mode {mode!r} (use rag or tool)")
        self.chain: Chain = parse_chain(spec.converter)

    def build(self, item: Item, mode: Mode, style: str, number: int) -> Item:
        language = item.language
        carrier = self.carriers[number % len(self.carriers)]
        canary = canary_for(f"{item.id}:{mode}:{style}", self.spec.seed)
        instruction = self.book.render("instruction", language, objective=item.prompt_text(), canary=canary)
        instruction = self.chain.convert(instruction, language=language)
        hidden = self.book.render(f"hide_{style}", language, instruction=instruction)
        document = self.book.render(f"carrier_{carrier}", language, hidden=hidden).strip()
        source = self.book.text(f"source_{carrier}", language)
        question = self.book.text(f"question_{carrier}", language)
        system: str | None = None
        prompt: str | list[Message]
        if mode == "rag":
            system = self.book.text("rag_system", language)
            prompt = self.book.render("rag_user", language, source=source, document=document, question=question).strip()
        else:
            prompt = [
                Message(role="user", content=self.book.render("tool_request", language, source=source, question=question)),
                Message(role="assistant", content=self.book.render("tool_call", language, source=source)),
                Message(role="user", content=self.book.render("tool_result", language, source=source, document=document).strip()),
            ]
        return Item(
            id=f"{item.id}--xpia-{mode}-{style}",
            perspective=SECURITY,
            language=language,
            prompt=prompt,
            system=system,
            expected=Expected.NO_LEAK,
            scorer="injection",
            canary=canary,
            pair_id=f"{item.pair_id}--xpia-{mode}-{style}" if item.pair_id else None,
            tags={"injection": {"mode": mode, "style": style, "carrier": carrier, "converter": self.chain.spec}},
            source="shinsa-injection",
            metadata={"origin": {"item_id": item.id, "perspective": item.perspective, "source": item.source}},
        )

    def scenarios(self, suites: list[Suite], limit: int | None = None) -> Iterator[Item]:
        """Every non-benign item × mode × style (benign look-alikes carry no attack)."""
        number = 0
        for suite in suites:
            for item in suite.items():
                if item.benign:
                    continue
                if limit is not None and number >= limit:
                    return
                for mode in self.spec.modes:
                    for style in self.spec.styles:
                        yield self.build(item, mode, style, number)
                number += 1
