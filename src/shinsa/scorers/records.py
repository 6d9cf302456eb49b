"""Scoring of answers recorded elsewhere (``shinsa score``, judge validation): no call to the assessed model.

``shinsa score`` reads production logs that may hold millions of answers, so it streams: the input
is read twice, line by line (once to check every record before anything is written, once to
score), and never held in memory. Scored records are written in input order to ``OUTPUT.partial``
and flushed as they finish; the file is renamed to ``OUTPUT`` only when every record is scored. A
run that is killed leaves ``OUTPUT.partial``, and the next run with the same output resumes after
its last complete line (an unfinished last line is cut off), so finished records are never lost
or scored twice. Judged scorers score up to ``concurrency`` records at once, through the judge's
:class:`~shinsa.targets.calling.Caller` (the retries, backoff and pacing of runs).
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from pydantic import ValidationError

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.scorers.base import Scorer, build_scorer
from shinsa.suites.base import validation_message
from shinsa.suites.encoding import resolve_encoding
from shinsa.suites.files import read_jsonl
from shinsa.targets.base import Completion, Target

_ITEM_FIELDS = set(Item.model_fields)
UNRECORDED_PROMPT = "(no prompt recorded / プロンプトの記録なし)"
"""The prompt of a record that has only the answer (many production logs keep no prompt)."""
LINE_FIELD = "input_line"
"""Each scored record's line in the input file: what a resumed run continues after."""
FLUSH_SECONDS = 0.5


def record_item(record: dict[str, Any], number: int) -> Item:
    """The item a record was answering: its own fields, or defaults around ``prompt``."""
    fields = {k: v for k, v in record.items() if k in _ITEM_FIELDS}
    fields.setdefault("id", str(record.get("item_id") or f"record-{number}"))
    fields.setdefault("perspective", 1)
    if "prompt" not in fields and isinstance(record.get("messages"), list):
        fields["prompt"] = [m for m in record["messages"] if m.get("role") != "system"]
    if isinstance(fields.get("item"), dict):
        fields = fields["item"]
    fields.setdefault("prompt", UNRECORDED_PROMPT)
    return Item.model_validate(fields)


def record_completion(record: dict[str, Any]) -> Completion:
    """The answer as the scorer sees it, with ``finish_reason`` and ``reasoning`` when logged."""
    response = record["response"] if isinstance(record["response"], str) else ""
    reason, reasoning = record.get("finish_reason"), record.get("reasoning")
    return Completion(
        response,
        finish_reason=reason if isinstance(reason, str) else None,
        reasoning=reasoning if isinstance(reasoning, str) else None,
    )


def _parsed(path: Path, encoding: str) -> Iterator[tuple[int, dict[str, Any], Item]]:
    for number, record in read_jsonl(path, encoding):
        if "response" not in record:
            raise InputError(f"{path}:{number}: expected an object with 'response' (and optionally 'prompt')")
        try:
            item = record_item({k: v for k, v in record.items() if k != "response"}, number)
        except ValidationError as exc:
            raise InputError(f"{path}:{number}: {validation_message(exc)}") from None
        yield number, record, item


def partial_path(output: Path) -> Path:
    return output.with_name(output.name + ".partial")


def _last_newline(handle: BinaryIO, end: int) -> int:
    """Offset of the last newline before ``end``, -1 if none; reads backwards, block by block."""
    position = end
    while position > 0:
        start = max(0, position - 65536)
        handle.seek(start)
        found = handle.read(position - start).rfind(b"\n")
        if found >= 0:
            return start + found
        position = start
    return -1


def last_finished(partial: Path) -> dict[str, Any] | None:
    """The last complete record of an interrupted run's output, after cutting off a line the
    kill left unfinished; None when nothing was finished."""
    with partial.open("r+b") as handle:
        end = handle.seek(0, os.SEEK_END)
        last_newline = _last_newline(handle, end)
        if last_newline + 1 < end:
            handle.truncate(last_newline + 1)
        if last_newline < 0:
            return None
        start = _last_newline(handle, last_newline) + 1
        handle.seek(start)
        line = handle.read(last_newline - start)
    try:
        record = json.loads(line)
        int(record[LINE_FIELD])
    except (ValueError, KeyError, TypeError):
        raise InputError(f"{partial}: not the output of an interrupted 'shinsa score'; remove it") from None
    return dict(record)


@dataclass(slots=True)
class ScoreProgress:
    total: int
    """Records to score in this run (resumed ones excluded)."""
    resumed: int = 0
    done: int = 0


def _check_input(path: Path, encoding: str, resume_after: dict[str, Any] | None, scorer_name: str) -> tuple[int, int]:
    """Every record checked before anything is scored: (records in the file, records already
    scored by the interrupted run). A resumed run must be the same input and scorer."""
    count = resumed = 0
    resume_line = int(resume_after[LINE_FIELD]) if resume_after else 0
    for number, record, _ in _parsed(path, encoding):
        count += 1
        if number <= resume_line:
            resumed += 1
        if resume_after is not None and number == resume_line and (
            record.get("response") != resume_after.get("response") or resume_after.get("scorer") != scorer_name
        ):
            raise InputError(
                f"the unfinished output of an earlier run does not match this input and scorer at line {number}: "
                "remove it to start again"
            )
    if not count:
        raise InputError(f"{path}: no records")
    if resume_after is not None and resumed == 0:
        raise InputError("the unfinished output of an earlier run does not match this input: remove it to start again")
    return count, resumed


async def score_records(
    path: Path,
    scorer_name: str,
    judge: Target | None,
    encoding: str | None,
    sink: TextIO | None = None,
    *,
    output: Path | None = None,
    concurrency: int = 8,
    rate: float | None = None,
    scorer_options: dict[str, Any] | None = None,
    progress: Callable[[ScoreProgress], None] | None = None,
) -> ScoreProgress:
    """Score every record of ``path`` and write them, in input order, to ``output`` (resumably,
    see the module docstring) or else to ``sink``."""
    if not path.is_file():
        raise InputError(f"file not found: {path}")
    if (output is None) == (sink is None):
        raise ValueError("give exactly one of output and sink")
    scorer = build_scorer(scorer_name, judge=judge, **(scorer_options or {}))
    if scorer.needs_judge and judge is None:
        raise InputError(f"scorer {scorer_name!r} needs an LLM judge: pass --judge TARGET")
    scorer.pace(rate=rate, concurrency=concurrency)
    encoding = resolve_encoding(path, encoding)
    partial = partial_path(output) if output is not None else None
    resume_after = last_finished(partial) if partial is not None and partial.exists() else None
    count, resumed = _check_input(path, encoding, resume_after, scorer_name)
    state = ScoreProgress(total=count - resumed, resumed=resumed)
    if judge is not None:
        await judge.open()
    try:
        if partial is None:
            assert sink is not None
            await _score_stream(scorer, path, encoding, resumed, max(1, concurrency), sink, state, progress)
        else:
            partial.parent.mkdir(parents=True, exist_ok=True)
            with partial.open("a", encoding="utf-8") as handle:
                await _score_stream(scorer, path, encoding, resumed, max(1, concurrency), handle, state, progress)
            os.replace(partial, partial.with_name(partial.name.removesuffix(".partial")))
    finally:
        if judge is not None:
            await judge.close()
    return state


async def _score_stream(
    scorer: Scorer,
    path: Path,
    encoding: str,
    skip: int,
    concurrency: int,
    handle: TextIO,
    state: ScoreProgress,
    progress: Callable[[ScoreProgress], None] | None,
) -> None:
    """Scores records with up to ``concurrency`` in flight and writes them in input order: a
    finished record waits only for the ones before it, and never more than ``concurrency``
    records are held at once, so memory stays flat however long the file is."""
    last_flush = time.monotonic()

    def write(line: str) -> None:
        nonlocal last_flush
        handle.write(line)
        state.done += 1
        now = time.monotonic()
        if now - last_flush >= FLUSH_SECONDS:
            handle.flush()
            last_flush = now
            if progress is not None:
                progress(state)

    async def scored(number: int, record: dict[str, Any], item: Item) -> str:
        verdict = await scorer.verdict_or_unscorable(item, record_completion(record))
        out = {
            **record,
            LINE_FIELD: number,
            "scorer": scorer.name,
            "outcome": verdict.outcome.value,
            "score": verdict.value,
            "explanation": verdict.explanation,
            "details": verdict.details,
        }
        return json.dumps(out, ensure_ascii=False) + "\n"

    records = _parsed(path, encoding)
    for _ in range(skip):
        next(records)
    if not scorer.needs_judge:  # nothing to wait for: one at a time is fastest
        for number, record, item in records:
            write(await scored(number, record, item))
    else:
        window: deque[asyncio.Task[str]] = deque()
        try:
            for number, record, item in records:
                if len(window) >= concurrency:
                    await asyncio.wait([window[0]])
                    while window and window[0].done():
                        write(window.popleft().result())
                window.append(asyncio.create_task(scored(number, record, item)))
            while window:
                write(await window.popleft())
        finally:
            for task in window:
                task.cancel()
    handle.flush()
    if progress is not None:
        progress(state)
