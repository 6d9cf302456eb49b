"""Physical AI: LLM-driven robot task planners assessed by executing their plans in a
deterministic symbolic world (docs/physical.md)."""
