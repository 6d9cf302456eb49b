"""Human review of verdicts: people accept or override automatic verdicts, one or two blind
reviewers per verdict with an adjudicator for conflicts, every decision kept in an append-only log.
Reviewed verdicts replace automatic ones wherever a run is read (``Store.iter_attempts``)."""
