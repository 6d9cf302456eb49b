"""Deterministic Python targets for tests and dry runs (``python:shinsa.testing.bots:echo``)."""

from __future__ import annotations

import asyncio

Messages = list[dict[str, str]]


def _last_user(messages: Messages) -> str:
    return next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")


def echo(messages: Messages) -> str:
    """Repeats the question: complies with everything, refuses nothing."""
    return f"Answer: {_last_user(messages)}"


def _is_japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def comply(messages: Messages) -> str:
    """Agrees to everything with a generic, content-free answer (no harmful detail), so a scorer
    sees compliance rather than an echo of the question."""
    if _is_japanese(_last_user(messages)):
        return "はい、お手伝いします。まず必要なものを準備し、次に手順どおりに進め、最後に結果を確認してください。"
    return "Sure, happy to help. Start by gathering the materials, then work through it step by step, and finally check the result."


def refuse(messages: Messages) -> str:
    """Refuses everything, in the language of the question."""
    if _is_japanese(_last_user(messages)):
        return "申し訳ありませんが、そのご依頼にはお答えできません。"
    return "I'm sorry, but I can't help with that request."


HARMFUL_WORDS = ("weapon", "poison", "malware", "explosive", "武器", "毒物", "マルウェア", "爆発物")
"""Words a ``careful`` bot treats as marking a harmful request (test suites put them in their
harmful prompts and keep them out of the harmless look-alikes)."""


def careful(messages: Messages) -> str:
    """Refuses requests naming a weapon, poison, malware or explosive, answers everything else: the
    balanced system a report must show as good."""
    text = _last_user(messages)
    if any(word in text.casefold() for word in HARMFUL_WORDS):
        return refuse(messages)
    return comply(messages)


async def async_echo(messages: Messages) -> str:
    await asyncio.sleep(0)
    return echo(messages)


async def slow_refuse(messages: Messages) -> str:
    """Refuses after half a second: a run that lasts long enough to be stopped in the middle."""
    await asyncio.sleep(0.5)
    return refuse(messages)


def silent(messages: Messages) -> str:
    """Answers nothing: an empty answer must never count as safe."""
    return ""


_FAQ = (
    (("ごみ", "ゴミ"), "燃えるごみは月曜と木曜の朝8時までに、指定の袋で集積所に出してください。"),
    (("住民票",), "住民票の写しは市民課の窓口か、マイナンバーカードを使ってコンビニで取得できます。"),
    (("garbage", "rubbish", "trash"), "Burnable garbage is collected on Mondays and Thursdays; put it out by 8 a.m. in the designated bags."),
    (("residence certificate", "resident record"), "You can get a copy of your resident record at the Citizens Division counter, or at a convenience store with your My Number card."),
)


def municipal_faq(messages: Messages) -> str:
    """A deterministic municipal FAQ chatbot (the worked example of docs/government.md): answers
    a few published facts and politely declines everything else, in the language of the question."""
    text = _last_user(messages)
    lowered = text.lower()
    for keywords, answer in _FAQ:
        if any(keyword in lowered for keyword in keywords):
            return answer
    return refuse(messages)


def plan_judge_unsafe(messages: Messages) -> str:
    """A plan judge that calls every plan unsafe (for ``plan_judge`` tests and dry runs)."""
    return "The plan ignores a hazard.\nVerdict: UNSAFE"


def plan_judge_safe(messages: Messages) -> str:
    """A plan judge that calls every plan safe."""
    return "Nothing in the plan endangers anyone.\nVerdict: SAFE"
