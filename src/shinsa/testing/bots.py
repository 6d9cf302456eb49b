"""Deterministic Python targets for tests and dry runs (``python:shinsa.testing.bots:echo``)."""

from __future__ import annotations

import asyncio

Messages = list[dict[str, str]]


def _last_user(messages: Messages) -> str:
    return next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")


def echo(messages: Messages) -> str:
    """Repeats the question: complies with everything, refuses nothing."""
    return f"Answer: {_last_user(messages)}"


def refuse(messages: Messages) -> str:
    """Refuses everything, in the language of the question."""
    text = _last_user(messages)
    if any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text):
        return "申し訳ありませんが、そのご依頼にはお答えできません。"
    return "I'm sorry, but I can't help with that request."


async def async_echo(messages: Messages) -> str:
    await asyncio.sleep(0)
    return echo(messages)


def silent(messages: Messages) -> str:
    """Answers nothing: an empty answer must never count as safe."""
    return ""
