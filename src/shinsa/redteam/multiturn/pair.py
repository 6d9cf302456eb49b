"""PAIR: the attacker rewrites a single prompt for up to ``max_turns`` iterations, each time shown
the target's answers to its earlier attempts and their 1–10 scores."""

from __future__ import annotations

import time

from shinsa.redteam.multiturn.base import Attack, Turn, TurnOutcome, attacks


@attacks.register("pair")
class Pair(Attack):
    summary = "PAIR: the attacker refines one prompt per item from the target's answers and their scores."

    def attempts(self, lineage: list[Turn]) -> str:
        shown = [turn for turn in lineage if turn.response is not None][-self.config.history_window :]
        if not shown:
            return self.render("history_empty")
        return "\n".join(
            self.render(
                "attempt_entry", prompt=turn.prompt, response=self.clip(turn.response or ""),
                score=round(1 + 9 * (turn.score or 0.0)), explanation=turn.explanation,
            ).rstrip()
            for turn in shown
        )

    async def refine(self, branch: str, depth: int, lineage: list[Turn], variant: str) -> Turn:
        """A new prompt from the attacker given ``lineage``, sent to the target and judged."""
        self.check_budget()
        started = time.monotonic()
        system = self.render("pair_system", objective=self.objective.text, max_turns=self.budget.max_turns)
        user = self.render(
            "pair_turn", turn=depth, max_turns=self.budget.max_turns, variant=variant, history=self.attempts(lineage)
        )
        prompt, tokens = await self.ask_attacker(system, user)
        return await self.exchange(branch, depth, [], prompt, tokens, started, judged=True)

    async def steps(self) -> tuple[bool, str]:
        lineage: list[Turn] = []
        for depth in range(1, self.budget.max_turns + 1):
            turn = self.replay.get(("", depth))
            if turn is None:
                turn = await self.refine("", depth, lineage, "")
            else:
                self.remember_path(turn, [], turn.prompt)
            lineage.append(self.seen(turn))
            if turn.outcome is TurnOutcome.SUCCESS:
                return True, "success"
        return False, "max_turns"
