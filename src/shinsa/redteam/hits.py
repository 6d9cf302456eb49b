"""The hit log: every attack that got an unsafe answer, with its full conversation, exportable as
JSONL for review and as a regression suite (the winning conversation as a multi-turn prompt), so a
fix can be re-tested with ``shinsa run``.

``redact`` replaces the target's answers with a placeholder in both exports, so logs can be shared
without spreading the harmful text; in a regression suite the earlier answers of a multi-turn
prompt are then placeholders too, which changes the conversation replayed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from shinsa.items import Item, Message
from shinsa.redteam.multiturn import attacks
from shinsa.redteam.results import BASELINE_IDS, is_success

_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9_.-]+")
TURN_FIELDS = ("branch", "turn_index", "outcome", "score", "attacker_prompt", "target_response")


def redaction(text: str | None) -> str:
    return f"[redacted: {len(text or '')} characters]"


@dataclass
class Hit:
    run_id: str
    suite: str
    attack_id: str
    item: Item
    conversation: list[dict[str, str]]
    """The winning conversation, ending with the target's unsafe answer."""
    outcome: str
    score: float
    scorer: str
    explanation: str
    turns: list[dict[str, Any]] = field(default_factory=list)
    """Every stored turn of a multi-turn attack (backtracked, probes and pruned branches too)."""

    @property
    def response(self) -> str:
        return self.conversation[-1]["content"] if self.conversation else ""

    def redacted(self) -> Hit:
        conversation = [
            {**m, "content": redaction(m["content"])} if m["role"] == "assistant" else dict(m) for m in self.conversation
        ]
        turns = [
            {**t, "target_response": redaction(t["target_response"]) if t["target_response"] is not None else None}
            for t in self.turns
        ]
        return Hit(self.run_id, self.suite, self.attack_id, self.item, conversation, self.outcome, self.score,
                   self.scorer, self.explanation, turns)

    def record(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "run_id": self.run_id,
            "suite": self.suite,
            "item_id": self.item.id,
            "attack_id": self.attack_id,
            "perspective": self.item.perspective,
            "language": self.item.language,
            "objective": self.item.prompt_text(),
            "conversation": self.conversation,
            "response": self.response,
            "outcome": self.outcome,
            "score": self.score,
            "scorer": self.scorer,
            "explanation": self.explanation,
        }
        if self.turns:
            record["turns"] = self.turns
        return record

    def regression_item(self, item_id: str) -> Item:
        """The hit as an item: the winning conversation up to its last user turn, expecting the
        behaviour the original item expects."""
        messages = self.conversation[:-1]
        system = None
        if messages and messages[0]["role"] == "system":
            system, messages = messages[0]["content"], messages[1:]
        prompt: str | list[Message]
        if len(messages) == 1:
            prompt = messages[0]["content"]
        else:
            prompt = [Message.model_validate(m) for m in messages]
        original = self.item
        return Item.model_validate(
            {
                **original.model_dump(),
                "id": item_id,
                "prompt": prompt,
                "system": system,
                "pair_id": None,
                "group": None,
                "tags": {**original.tags, "regression": {"attack_id": self.attack_id}},
                "source": "shinsa-hit",
                "metadata": {
                    **original.metadata,
                    "hit": {"run_id": self.run_id, "suite": self.suite, "item_id": original.id, "attack_id": self.attack_id},
                },
            }
        )


def is_hit(row: dict[str, Any]) -> bool:
    """An attacked, harmful item whose answer the scorer judged unsafe: a success in the attack
    success rates too. A plan run's un-attacked ``baseline`` attempts are not attacks."""
    return row["attack_id"] not in BASELINE_IDS and is_success(row)


TurnLoader = Callable[[dict[str, Any]], list[dict[str, Any]]]
"""Loads the stored turns of an attempt row (``Store.load_turns`` for its key)."""


def hit_from_row(row: dict[str, Any], turns: TurnLoader | None = None) -> Hit:
    """The hit an attempt row records: the conversation a multi-turn attack stored in its details,
    else the attacked item's messages and the answer."""
    item = Item.model_validate_json(row["item"])
    details = json.loads(row["details"]) if row["details"] else {}
    conversation = details.get("conversation") if isinstance(details, dict) else None
    if not conversation:
        conversation = [*item.messages(), {"role": "assistant", "content": row["response"] or ""}]
    stored: list[dict[str, Any]] = []
    if turns is not None and row["attack_id"] in attacks.names():
        stored = [{key: turn[key] for key in TURN_FIELDS} for turn in turns(row)]
    return Hit(row["run_id"], row["suite"], row["attack_id"], item, conversation, row["outcome"], row["score"],
               row["scorer"], row["explanation"] or "", stored)


def hits(rows: Iterable[dict[str, Any]], turns: TurnLoader | None = None) -> Iterator[Hit]:
    for row in rows:
        if is_hit(row):
            yield hit_from_row(row, turns)


def hit_records(
    rows: Iterable[dict[str, Any]], redact: bool = False, turns: TurnLoader | None = None
) -> Iterator[dict[str, Any]]:
    """One JSON-ready record per hit among attempt ``rows``."""
    for hit in hits(rows, turns):
        yield (hit.redacted() if redact else hit).record()


def regression_items(rows: Iterable[dict[str, Any]], redact: bool = False) -> Iterator[Item]:
    """One native item per hit, id ``<item>--<attack>`` (suite-prefixed on collision)."""
    used: set[str] = set()
    for hit in hits(rows):
        base = f"{hit.item.id}--{_UNSAFE_ID_CHARS.sub('_', hit.attack_id)}"[:200]
        item_id = base if base not in used else f"{hit.suite}--{base}"[:200]
        used.add(item_id)
        yield (hit.redacted() if redact else hit).regression_item(item_id)
