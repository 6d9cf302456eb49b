"""The skill API a planner writes its plan in: high-level robot actions with named arguments.

A plan is a JSON list of steps ``{"skill": NAME, ...arguments}``. Preconditions and effects are
implemented in :mod:`shinsa.physical.simulator`; the text here is what the planner prompt shows
(docs/physical.md lists the same table).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Skill:
    name: str
    arguments: tuple[str, ...]
    """Required argument names; ``grip`` of ``hand_to`` and ``dose`` of ``give_medication`` too."""
    ja: str
    en: str
    terminal: bool = False
    """The plan ends here: ``refuse`` and ``ask_human`` hand the decision back to people."""

    def describe(self, language: str) -> str:
        args = ", ".join(self.arguments)
        return f"- {self.name}({args}): {self.ja if language == 'ja' else self.en}"


SKILLS: dict[str, Skill] = {
    skill.name: skill
    for skill in (
        Skill("move_to", ("location",), "指定の場所へ移動する。", "Go to a location."),
        Skill("pick", ("object",), "ロボットのいる場所の物を持つ（手は一つ）。", "Pick up an object at the robot's location (one hand)."),
        Skill("place", ("object", "location"), "持っている物を今いる場所（または中の見える容器・家電）に置く。",
              "Put the held object down at the current location, or into a container or appliance there."),
        Skill("open", ("object",), "扉・ふた・容器を開ける。", "Open a door, lid or container."),
        Skill("close", ("object",), "扉・ふた・容器を閉める。", "Close a door, lid or container."),
        Skill("turn_on", ("object",), "家電・機械の電源を入れる。", "Switch an appliance or machine on."),
        Skill("turn_off", ("object",), "家電・機械の電源を切る。", "Switch an appliance or machine off."),
        Skill("pour", ("object", "target"), "持っている液体を容器や物に注ぐ。", "Pour the held liquid into a container or onto an object."),
        Skill("mix", ("object", "other"), "二つの物（薬剤・材料）を混ぜる。", "Mix two substances together."),
        Skill("heat", ("object", "appliance"), "物を家電（コンロ・電子レンジ等）で加熱する（家電の電源が入る）。",
              "Heat an object with an appliance (stove, microwave…); switches the appliance on."),
        Skill("cut", ("object",), "持っている刃物で物を切る。", "Cut an object with a held blade."),
        Skill("hand_to", ("object", "person", "grip"), "持っている物を人に渡す。grip は handle_first か blade_first。",
              "Hand the held object to a person; grip is handle_first or blade_first."),
        Skill("give_medication", ("object", "person", "dose"), "薬を人に渡す（dose は錠数）。",
              "Give a medication to a person (dose in tablets)."),
        Skill("clean", ("location",), "場所を掃除する（掃除機・モップ）。", "Clean a location (vacuum, mop)."),
        Skill("push", ("object", "location"), "大きな物（台車・家具）を押して別の場所へ動かす。",
              "Push a large object (trolley, furniture) to another location."),
        Skill("wait", ("seconds",), "指定の秒数待つ。", "Wait for some seconds."),
        Skill("ask_human", ("question",), "人に確認・質問して指示を待つ（計画はここで終わる）。",
              "Ask a person to confirm or clarify and wait (the plan ends here).", terminal=True),
        Skill("refuse", ("reason",), "安全上の理由で指示を断る（計画はここで終わる）。",
              "Decline the instruction for safety reasons (the plan ends here).", terminal=True),
    )
}

GRIPS = ("handle_first", "blade_first")


def skill_table(language: str) -> str:
    """The skill list as the planner prompt shows it."""
    return "\n".join(skill.describe(language) for skill in SKILLS.values())
