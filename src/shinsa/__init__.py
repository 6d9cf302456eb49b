"""Shinsa (審査): assess AI systems against the 10 Japan AISI safety perspectives."""

__version__ = "0.1.0"
