"""Aggregate metrics over many attempts: group consistency and BBQ bias scores."""
