"""Test and benchmark aids shipped with Shinsa (a fault-injecting OpenAI-compatible server)."""
