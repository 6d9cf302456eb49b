"""The government AI lifecycle around Shinsa's evidence: intake of a system, DS-920 risk triage,
an assessment plan from a versioned profile, signed evidence bundles with reproducibility
spot-checks, signed decisions, a registry with re-assessment dates, and a public page per system.
The flow is explained in docs/government.md."""
