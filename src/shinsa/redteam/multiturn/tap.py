"""TAP: a tree of PAIR refinements. ``width`` roots, ``branching`` children per kept branch and
level; children that drift off the objective are pruned before they reach the target (checked by
the evaluator model), and only the ``width`` best-scoring children are kept for the next level."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from shinsa.redteam.multiturn.base import (
    AttackConfig,
    AttackerRefused,
    Turn,
    TurnOutcome,
    attacks,
    token_count,
)
from shinsa.redteam.multiturn.pair import Pair
from shinsa.redteam.parsing import parse_yes_no


@attacks.register("tap")
class Tap(Pair):
    summary = "TAP: a tree of PAIR refinements; off-topic and low-scoring branches are pruned."

    @classmethod
    def settings(cls, config: AttackConfig) -> dict[str, Any]:
        return {"width": config.width, "branching": config.branching}

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
        except AttackerRefused as refused:
            pruned = Turn(branch, depth, "", None, TurnOutcome.OFF_TOPIC, None, f"no usable prompt: {refused}"[:300])
            return await self.keep(pruned)
        check = await self.evaluator.complete(
            [{"role": "user", "content": self.render("on_topic", objective=self.objective.text, prompt=prompt)}]
        )
        tokens += token_count(check)
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
