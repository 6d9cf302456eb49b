"""Crescendo: escalate one conversation from a harmless opening towards the objective, each
message building on the target's last answer; a refused message is dropped from the conversation
and the attacker rephrases it (backtracking, bounded by ``max_backtracks``). Under a probing scorer
(``refusal``) the objective itself is asked after every accepted turn, on branch ``probe``."""

from __future__ import annotations

import time
from typing import Any

from shinsa.redteam.multiturn.base import PROBE_BRANCH, Attack, AttackConfig, TurnOutcome, attacks


@attacks.register("crescendo")
class Crescendo(Attack):
    summary = (
        "Crescendo: escalate one conversation from a harmless opening to each item's request; "
        "refused turns are dropped and rephrased."
    )

    @classmethod
    def settings(cls, config: AttackConfig) -> dict[str, Any]:
        return {"max_backtracks": config.budget.max_backtracks}

    def history(self, conversation: list[tuple[str, str]]) -> str:
        if not conversation:
            return self.render("history_empty")
        return "\n".join(
            self.render("conversation_entry", turn=n, prompt=asked, response=self.clip(answered)).rstrip()
            for n, (asked, answered) in enumerate(conversation, 1)
        )

    async def steps(self) -> tuple[bool, str]:
        conversation: list[tuple[str, str]] = []
        accepted = backtracks = index = 0
        refused_prompt: str | None = None
        system = self.render("crescendo_system", objective=self.objective.text, max_turns=self.budget.max_turns)
        while accepted < self.budget.max_turns:
            index += 1
            turn = self.replay.get(("", index))
            if turn is None:
                self.check_budget()
                started = time.monotonic()
                note = self.render("crescendo_backtrack", refused_prompt=refused_prompt) if refused_prompt else ""
                user = self.render(
                    "crescendo_turn", turn=accepted + 1, max_turns=self.budget.max_turns,
                    history=self.history(conversation), backtrack=note,
                )
                prompt, tokens = await self.ask_attacker(system, user)
                turn = await self.exchange(
                    "", index, conversation, prompt, tokens, started,
                    judged=not self.objective.probing, backtrack_allowed=backtracks < self.budget.max_backtracks,
                )
            else:
                self.remember_path(turn, conversation, turn.prompt)
            self.seen(turn)
            if turn.outcome is TurnOutcome.BACKTRACKED:
                backtracks += 1
                refused_prompt = turn.prompt
                continue
            refused_prompt = None
            conversation.append((turn.prompt, turn.response or ""))
            accepted += 1
            if turn.outcome is TurnOutcome.SUCCESS:
                return True, "success"
            if self.objective.probing and await self.probe(index, conversation):
                return True, "success"
        return False, "max_turns"

    async def probe(self, index: int, conversation: list[tuple[str, str]]) -> bool:
        """Ask the objective itself in the conversation built so far (not added to it)."""
        turn = self.replay.get((PROBE_BRANCH, index))
        if turn is None:
            self.check_budget()
            turn = await self.exchange(PROBE_BRANCH, index, conversation, self.objective.text, 0, time.monotonic(), judged=True)
        else:
            self.remember_path(turn, conversation, self.objective.text)
        self.seen(turn)
        return turn.outcome is TurnOutcome.SUCCESS
