"""Per-person votes (逐人表决) and speeches (发言) of an agenda item, with the checks that tie votes to attendance."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from models.minutes.quorum import Tally


class VoteChoice(StrEnum):
    """表决意见 of one person: for, against, abstain, or present without voting."""

    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"
    NOT_VOTING = "not_voting"

    @property
    def label(self) -> str:
        return {"for": "赞成", "against": "反对", "abstain": "弃权", "not_voting": "未投票"}[self.value]

    @classmethod
    def parse(cls, text: str) -> VoteChoice | None:
        """A choice from its code or its Chinese label; None when it is neither."""
        for choice in cls:
            if text in (choice.value, choice.label):
                return choice
        return None


@dataclass(frozen=True)
class PersonVote:
    """One person's vote on one item (a named ballot or a show of hands recorded by name)."""

    name: str
    choice: VoteChoice
    villager_id: str | None = None


@dataclass(frozen=True)
class Speech:
    """发言 — who spoke on an item and the gist of what they said."""

    speaker: str
    content: str
    villager_id: str | None = None


def tally_from_votes(votes: tuple[PersonVote, ...]) -> Tally:
    """The counts a per-person record adds up to (未投票 is counted by nobody: it is present minus cast)."""
    counts = Counter(vote.choice for vote in votes)
    return Tally(counts[VoteChoice.FOR], counts[VoteChoice.AGAINST], counts[VoteChoice.ABSTAIN])


def vote_problems(votes: tuple[PersonVote, ...], secret: bool, tally: Tally | None, present: int,
                  present_names: frozenset[str]) -> list[str]:
    """What is wrong with a per-person vote record (empty: consistent). R12: yes + no + abstain + not voting = P."""
    if not votes:
        return []
    if secret:
        return ["无记名投票不能逐人记录表决意见。请只填票数，或把表决方式改为记名投票或举手表决。"]
    problems = [f"“{key[1]}”重复表决，每人只能有一个表决意见。"
                for key, n in Counter((v.villager_id or "", v.name) for v in votes).items() if n > 1]
    if present_names:
        problems += [f"“{v.name}”不在到会名单中，不能参加表决。请先在出席情况中勾选此人。"
                     for v in votes if v.name not in present_names]
    if len(votes) != present:
        problems.append(f"逐人表决记录了 {len(votes)} 人，与到会 {present} 人不符"
                        f"（赞成 + 反对 + 弃权 + 未投票 应等于到会人数）。请补齐或删去多余的人。")
    if tally is not None and tally != tally_from_votes(votes):
        counted = tally_from_votes(votes)
        problems.append(f"票数（赞成 {tally.for_}、反对 {tally.against}、弃权 {tally.abstain}）与逐人表决"
                        f"（赞成 {counted.for_}、反对 {counted.against}、弃权 {counted.abstain}）不一致。")
    return problems


def parse_speeches(text: str) -> tuple[Speech, ...]:
    """Speeches typed one per line as “姓名：发言要点”. Nothing is dropped: a line without a speaker is kept with
    an empty speaker (a draft saved mid-typing loses nothing) and reported by `speech_problems`."""
    speeches: list[Speech] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        speaker, sep, content = line.replace(":", "：", 1).partition("：")
        speeches.append(Speech(speaker.strip(), content.strip()) if sep else Speech("", line))
    return tuple(speeches)


def speech_problems(speeches: tuple[Speech, ...]) -> list[str]:
    """Each speech needs a speaker and what they said."""
    problems: list[str] = []
    for number, speech in enumerate(speeches, start=1):
        if not speech.speaker or not speech.content:
            problems.append(f"第 {number} 条发言应写成“发言人：发言要点”，例如“张三：同意修路”。")
    return problems


def speeches_text(speeches: tuple[Speech, ...]) -> str:
    """The inverse of `parse_speeches`: one “姓名：要点” line per speech."""
    return "\n".join(f"{s.speaker}：{s.content}" if s.speaker else s.content for s in speeches)
