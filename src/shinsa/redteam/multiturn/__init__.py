"""Multi-turn adaptive attacks: an attacker model works on a suite item's prompt (the objective)
over several turns, guided by a scorer. One module per strategy, registered by name in
:data:`attacks` (entry-point group ``shinsa.attacks``); what they share is in ``base``.

* **crescendo** escalates one conversation from a harmless opening towards the objective, each
  message building on the target's last answer; a refused message is dropped from the
  conversation and the attacker rephrases it (backtracking, bounded by ``max_backtracks``).
* **PAIR** has the attacker rewrite a single prompt for up to ``max_turns`` iterations, each time
  shown the target's answer and a 1–10 score.
* **TAP** grows a tree of PAIR refinements: ``width`` roots, ``branching`` children per kept
  branch and level, children that drift off the objective pruned before they reach the target,
  and only the ``width`` best-scoring children kept for the next level.

Every turn is recorded through a :class:`TurnLog` as soon as it finishes. The attacks are written
as deterministic replays: a turn already in the log is taken from it instead of calling any
model, so re-running a killed attack rebuilds its conversation from the stored turns and continues
at the first unfinished one.

Success is judged by a scorer. A verdict below 0.5 (the unsafe behaviour) means the attack
reached its objective. The refusal scorer only judges an answer to the item's own prompt, so under
it crescendo *probes* after every accepted turn: it asks the objective itself in the built-up
conversation (probe turns are stored on branch ``probe`` and never join the conversation). An LLM
judge (``requirement``, ``rubric``) or a canary scorer judges every answer directly.
"""

from shinsa.redteam.multiturn.base import (
    ATTACKER_PROMPTS,
    BUILTIN_ATTACKS,
    PROBE_BRANCH,
    PROBING_SCORERS,
    Attack,
    AttackConfig,
    AttackerRefused,
    AttackResult,
    Budget,
    BudgetSpent,
    Judgement,
    MemoryTurnLog,
    Objective,
    Turn,
    TurnLog,
    TurnOutcome,
    attacker_prompts,
    attacks,
    model_caller,
    run_attack,
)

__all__ = [
    "ATTACKER_PROMPTS",
    "BUILTIN_ATTACKS",
    "PROBE_BRANCH",
    "PROBING_SCORERS",
    "Attack",
    "AttackConfig",
    "AttackResult",
    "AttackerRefused",
    "Budget",
    "BudgetSpent",
    "Judgement",
    "MemoryTurnLog",
    "Objective",
    "Turn",
    "TurnLog",
    "TurnOutcome",
    "attacker_prompts",
    "attacks",
    "model_caller",
    "run_attack",
]
