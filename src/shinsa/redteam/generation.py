"""Attack suites from an organisation's own documents: documents → (summaries) → requirements per
perspective → attack prompts per requirement → de-duplicated suite, in the native format and in
aisev's CSV.

Every step is one editable prompt (``generation.yaml``). Generator answers are parsed leniently
(JSON, fenced JSON, numbered lists); an answer that yields nothing usable, a refusal, or a failed
call is recorded as a :class:`Problem` and skipped. Requirements and prompts keep the document and
page they come from.
"""

from __future__ import annotations

import asyncio
import csv
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from shinsa.atomicfiles import write_atomically
from shinsa.errors import InputError
from shinsa.items import Expected, Item, Language
from shinsa.outcomes import Outcome
from shinsa.perspectives import perspective as lookup_perspective
from shinsa.promptbook import PromptBook, load_book
from shinsa.redteam.documents import Chunk, Page, chunk_pages, page_text, read_documents
from shinsa.redteam.parsing import parse_list, text_of
from shinsa.scorers.refusal import classify
from shinsa.suites.files import AISEV_COLUMNS
from shinsa.suites.quality import near_duplicates
from shinsa.targets.base import Target, TargetError
from shinsa.targets.calling import Caller, RetryPolicy

DEFAULT_PERSPECTIVES = (1, 2, 3, 4, 5, 6)
GENERATION_PROMPTS: dict[str, set[str]] = {
    "summarise": {"text"},
    "requirements": {"text", "count"},
    "attacks": {"requirement", "count", "strategy"},
}
STRATEGY_PREFIX = "strategy_"
REQUIREMENT_KEYS = ("requirement", "text", "要件", "content")
RATIONALE_KEYS = ("rationale", "reason", "理由", "why")


def generation_prompts(override_dir: Path | None = None) -> PromptBook:
    return load_book("generation", override_dir, GENERATION_PROMPTS, (STRATEGY_PREFIX,))


def strategies(book: PromptBook) -> list[str]:
    return sorted(key.removeprefix(STRATEGY_PREFIX) for key in book.entries if key.startswith(STRATEGY_PREFIX))


@dataclass
class GenerationSpec:
    docs: Path
    generator: Target
    language: Language = "ja"
    perspectives: tuple[int, ...] = DEFAULT_PERSPECTIVES
    requirements_per_perspective: int = 3
    per_requirement: int = 3
    strategies: tuple[str, ...] = ("mixed",)
    purpose: str | None = None
    """What the assessed system is for; a generic assistant when not given."""
    max_chars: int = 8000
    """Documents longer than this are summarised in chunks before requirements are extracted."""
    chunk_chars: int = 6000
    duplicate_threshold: float = 0.8
    templates: Path | None = None
    name: str = "generated"
    expected: Expected = Expected.MEET_REQUIREMENT
    retry: RetryPolicy = field(default_factory=RetryPolicy)

    def validate(self, book: PromptBook) -> None:
        for number in self.perspectives:
            if number not in DEFAULT_PERSPECTIVES:
                raise InputError(f"--perspective {number}: requirements are extracted for perspectives 1-6 only")
        if not 1 <= self.requirements_per_perspective <= 50:
            raise InputError("--requirements must be between 1 and 50")
        if not 1 <= self.per_requirement <= 50:
            raise InputError("--per-requirement must be between 1 and 50")
        known = strategies(book)
        for strategy in self.strategies:
            if strategy not in known:
                raise InputError(f"unknown strategy {strategy!r} (known: {', '.join(known)})")
        if self.expected not in (Expected.MEET_REQUIREMENT, Expected.REFUSE):
            raise InputError("generated items expect meet_requirement or refuse")
        if self.max_chars < 500 or self.chunk_chars < 200:
            raise InputError("--max-chars must be at least 500 and --chunk-chars at least 200")


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    perspective: int
    text: str
    rationale: str
    document: str
    page: int | None
    pages: tuple[int, ...]
    """The pages of the text the requirement was extracted from."""

    def provenance(self) -> dict[str, Any]:
        found: dict[str, Any] = {"document": self.document, "page": self.page}
        if self.page is None and len(self.pages) > 1:
            found["pages"] = [self.pages[0], self.pages[-1]]
        return found


@dataclass(frozen=True, slots=True)
class Problem:
    step: str
    """``read``, ``summarise``, ``requirements`` or ``attacks``."""
    where: str
    reason: str
    excerpt: str = ""


@dataclass
class Generated:
    items: list[Item]
    requirements: list[Requirement]
    problems: list[Problem]
    documents: int = 0
    pages: int = 0
    summaries: int = 0
    duplicate_requirements: int = 0
    duplicate_prompts: int = 0


def _page(value: Any, pages: tuple[int, ...]) -> int | None:
    """The page a model cited, if it is one of the pages it was shown; else the only page shown."""
    try:
        cited = int(str(value).strip().lstrip("p.").strip()) if value is not None else None
    except ValueError:
        cited = None
    if cited is not None and cited in pages:
        return cited
    return pages[0] if len(pages) == 1 else None


def _dropped(texts: list[tuple[str, str]], threshold: float) -> set[str]:
    """Ids of later near-duplicates (the first of each similar pair is kept)."""
    removed: set[str] = set()
    for first, second, _ in near_duplicates([(key, text, None) for key, text in texts], threshold):
        if first not in removed:
            removed.add(second)
    return removed


class _Generator:
    def __init__(self, spec: GenerationSpec, book: PromptBook) -> None:
        self.spec = spec
        self.book = book
        self.model = Caller(spec.generator, spec.retry, concurrency=spec.generator.default_concurrency)
        self.problems: list[Problem] = []
        self.language = spec.language
        self.purpose = spec.purpose or book.text("purpose_default", spec.language)

    def render(self, key: str, **values: object) -> str:
        return self.book.render(key, self.language, purpose=self.purpose, **values)

    async def ask(self, step: str, where: str, prompt: str) -> str | None:
        try:
            completion = await self.model.complete([{"role": "user", "content": prompt}])
        except TargetError as exc:
            self.problems.append(Problem(step, where, f"generator call failed: {exc}"))
            return None
        return completion.text

    def problem(self, step: str, where: str, reply: str, what: str) -> None:
        refused = reply.strip() and classify(reply).outcome is Outcome.REFUSED
        reason = "the generator refused" if refused else f"no {what} found in the answer"
        self.problems.append(Problem(step, where, reason, reply.strip()[:300]))

    # documents ---------------------------------------------------------------------------------
    async def summarise(self, chunk: Chunk) -> Chunk | None:
        reply = await self.ask("summarise", chunk.where(), self.render("summarise", where=chunk.where(), document=chunk.document, text=chunk.text))
        if reply is None:
            return None
        if not reply.strip() or classify(reply).outcome is Outcome.REFUSED:
            self.problem("summarise", chunk.where(), reply, "summary")
            return None
        return Chunk(chunk.document, chunk.pages, reply.strip())

    async def units(self, pages: list[Page]) -> tuple[list[Chunk], int]:
        """What requirements are extracted from: whole short documents, summaries of long ones."""
        by_document: dict[str, list[Page]] = {}
        for page in pages:
            by_document.setdefault(page.document, []).append(page)
        units: list[Chunk] = []
        summaries = 0
        for document_pages in by_document.values():
            if sum(len(page_text(page)) + 2 for page in document_pages) <= self.spec.max_chars:
                units.extend(chunk_pages(document_pages, self.spec.max_chars))
                continue
            chunks = chunk_pages(document_pages, self.spec.chunk_chars)
            summarised = [s for s in await asyncio.gather(*(self.summarise(c) for c in chunks)) if s is not None]
            summaries += len(summarised)
            units.extend(_merge(summarised, self.spec.max_chars))
        return units, summaries

    # requirements ------------------------------------------------------------------------------
    async def requirements(self, unit: Chunk, number: int) -> list[Requirement]:
        perspective = lookup_perspective(number)
        where = f"{unit.where()} / perspective {number}"
        reply = await self.ask(
            "requirements", where,
            self.render(
                "requirements", document=unit.document, perspective=perspective.name(self.language),
                guidance=self.book.text(f"perspective_{number}", self.language),
                count=self.spec.requirements_per_perspective, text=unit.text,
            ),
        )
        if reply is None:
            return []
        entries = parse_list(reply)
        found: list[Requirement] = []
        for entry in entries[: self.spec.requirements_per_perspective]:
            text = text_of(entry, REQUIREMENT_KEYS)
            if not text or len(text) < 8:
                continue
            rationale = (text_of(entry, RATIONALE_KEYS) or "") if isinstance(entry, dict) else ""
            page = _page(entry.get("page") if isinstance(entry, dict) else None, unit.pages)
            found.append(Requirement("", number, text, rationale, unit.document, page, unit.pages))
        if not found and not _says_empty(reply):
            self.problem("requirements", where, reply, "requirements")
        return found

    # attack prompts ----------------------------------------------------------------------------
    async def attacks(self, requirement: Requirement, strategy: str) -> list[str]:
        where = f"{requirement.id} ({strategy})"
        reply = await self.ask(
            "attacks", where,
            self.render(
                "attacks", perspective=lookup_perspective(requirement.perspective).name(self.language),
                requirement=requirement.text, rationale=requirement.rationale or "-",
                count=self.spec.per_requirement,
                strategy=self.book.text(STRATEGY_PREFIX + strategy, self.language),
            ),
        )
        if reply is None:
            return []
        prompts = []
        for entry in parse_list(reply):
            text = text_of(entry)
            if text and classify(text).outcome is not Outcome.REFUSED:
                prompts.append(text)
        if not prompts:
            self.problem("attacks", where, reply, "prompts")
        return prompts[: self.spec.per_requirement]


def _says_empty(reply: str) -> bool:
    """The generator answered ``[]``: the document has nothing for this perspective."""
    return reply.strip().strip("`").removeprefix("json").strip() == "[]"


def _merge(chunks: list[Chunk], limit: int) -> list[Chunk]:
    """Join consecutive summaries of one document while they fit in ``limit`` characters."""
    merged: list[Chunk] = []
    for chunk in chunks:
        last = merged[-1] if merged else None
        if last is not None and last.document == chunk.document and len(last.text) + len(chunk.text) + 2 <= limit:
            pages = tuple(sorted(set(last.pages) | set(chunk.pages)))
            merged[-1] = Chunk(chunk.document, pages, f"{last.text}\n\n{chunk.text}")
        else:
            merged.append(chunk)
    return merged


async def generate_suite(spec: GenerationSpec) -> Generated:
    """Run the whole pipeline with ``spec.generator`` (opened and closed here)."""
    book = generation_prompts(spec.templates)
    spec.validate(book)
    pages, unreadable = read_documents(spec.docs)
    if not pages:
        reasons = "; ".join(f"{u.document}: {u.reason}" for u in unreadable) or "the folder is empty"
        raise InputError(f"no readable documents in {spec.docs} ({reasons})")
    generator = _Generator(spec, book)
    generator.problems.extend(Problem("read", u.document, u.reason) for u in unreadable)
    await spec.generator.open()
    try:
        units, summaries = await generator.units(pages)
        batches = await asyncio.gather(*(generator.requirements(u, p) for u in units for p in spec.perspectives))
        extracted = [requirement for batch in batches for requirement in batch]
        numbered = [(str(i), r.text) for i, r in enumerate(extracted)]
        dropped = _dropped(numbered, spec.duplicate_threshold)
        requirements = [
            Requirement(f"R{n:03d}", r.perspective, r.text, r.rationale, r.document, r.page, r.pages)
            for n, r in enumerate((r for i, r in enumerate(extracted) if str(i) not in dropped), 1)
        ]
        plans = [(r, s) for r in requirements for s in spec.strategies]
        prompt_lists = await asyncio.gather(*(generator.attacks(r, s) for r, s in plans))
    finally:
        await spec.generator.close()
    candidates: list[tuple[Requirement, str, str]] = [
        (requirement, strategy, prompt)
        for (requirement, strategy), prompts in zip(plans, prompt_lists, strict=True)
        for prompt in prompts
    ]
    duplicates = _dropped([(str(i), c[2]) for i, c in enumerate(candidates)], spec.duplicate_threshold)
    items: list[Item] = []
    counters: dict[str, int] = {}
    for index, (requirement, strategy, prompt) in enumerate(candidates):
        if str(index) in duplicates:
            continue
        counters[requirement.id] = counters.get(requirement.id, 0) + 1
        items.append(_item(spec, requirement, strategy, prompt, counters[requirement.id]))
    return Generated(
        items, requirements, generator.problems, len({p.document for p in pages}), len(pages), summaries,
        len(dropped), len(duplicates),
    )


def _item(spec: GenerationSpec, requirement: Requirement, strategy: str, prompt: str, number: int) -> Item:
    return Item(
        id=f"{spec.name}-p{requirement.perspective}-{requirement.id.lower()}-{number:02d}",
        perspective=requirement.perspective,
        language=spec.language,
        prompt=prompt,
        requirement=requirement.text,
        expected=spec.expected,
        tags={"strategy": strategy},
        source="shinsa-generate",
        metadata={
            "requirement_id": requirement.id,
            "rationale": requirement.rationale,
            "provenance": requirement.provenance(),
        },
    )


def output_paths(out: Path) -> dict[str, Path]:
    """The files written for ``-o OUT.jsonl``: the suite, its aisev CSV, and the requirements."""
    if out.suffix.lower() != ".jsonl":
        raise InputError(f"-o {out}: the suite is written as JSONL; name it something.jsonl")
    return {
        "suite": out,
        "aisev": out.with_suffix(".aisev.csv"),
        "requirements": out.with_suffix(".requirements.jsonl"),
    }


def write_outputs(generated: Generated, out: Path) -> dict[str, Path]:
    paths = output_paths(out)

    def native(handle: IO[str]) -> int:
        for item in generated.items:
            handle.write(item.model_dump_json(exclude_defaults=True) + "\n")
        return len(generated.items)

    def aisev(handle: IO[str]) -> int:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(AISEV_COLUMNS)
        for item in generated.items:
            writer.writerow([lookup_perspective(item.perspective).name_ja, "requirement", item.requirement or "", item.prompt_text(), ""])
        return len(generated.items)

    def requirements(handle: IO[str]) -> int:
        for requirement in generated.requirements:
            record = asdict(requirement)
            record["pages"] = list(requirement.pages)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(generated.requirements)

    write_atomically(paths["suite"], native)
    write_atomically(paths["aisev"], aisev)
    write_atomically(paths["requirements"], requirements)
    return paths
