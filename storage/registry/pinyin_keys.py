"""Pinyin search keys for names (pypinyin's character dictionary), computed when a villager is saved."""
from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache, lru_cache
from itertools import islice, product
from pathlib import Path

MAX_VARIANTS = 4  # polyphonic names (曾 zeng/ceng, 单 shan/dan) keep a few readings, not all


@lru_cache(maxsize=1)
def _dictionary() -> dict[int, str]:
    """pypinyin's per-character readings ("zēng,céng"), keyed by code point, read from its pinyin_dict.json without
    importing the package: `import pypinyin` also loads its phrase dictionary, 125 ms of a screen's first opening
    where the file takes 25 (issue 17). The installed app collects the file beside the package's modules; where it
    is not found, the package's own module reads it."""
    spec = importlib.util.find_spec("pypinyin")  # a top-level package is found without being imported
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    path = Path(folders[0]) / "pinyin_dict.json" if folders else None
    if path is None or not path.is_file():
        from pypinyin.pinyin_dict import pinyin_dict

        return pinyin_dict
    return {int(code): readings for code, readings in json.loads(path.read_text(encoding="utf-8")).items()}


def _toneless(reading: str) -> str:
    """"lǘ" → "lv", "zhōng" → "zhong", "ế" → "ê": pypinyin's Style.NORMAL."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", reading):
        if ch == "\u0308" and out:
            out[-1] = "v"
        elif ch == "\u0302" and out:
            out[-1] = "ê"
        elif not unicodedata.combining(ch):
            out.append(ch)
    return "".join(out).lower()


@lru_cache(maxsize=20000)
def _readings(char: str) -> tuple[str, ...]:
    """At most two toneless readings of one character; a character without any stands for itself."""
    found = _dictionary().get(ord(char))
    if not found:
        return (char.lower(),)
    return tuple(dict.fromkeys(_toneless(r) for r in found.split(",")))[:2]


@lru_cache(maxsize=50000)
def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin variants, initials variants), each space-separated, e.g. ("wujianhua", "wjh")."""
    readings = [_readings(ch) for ch in name if not ch.isspace() and ch not in "·•．."]
    combos = list(islice(product(*readings), MAX_VARIANTS))
    full = dict.fromkeys("".join(c) for c in combos)
    initials = dict.fromkeys("".join(part[0] for part in c if part) for c in combos)
    return " ".join(full), " ".join(initials)


@lru_cache(maxsize=50000)
def _syllables(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(_readings(ch) for ch in name if not ch.isspace() and ch not in "·•．.")


def spells_name(name: str, typed: str) -> bool:
    """Whether `typed` spells the start of `name` with each syllable in full or as its initial, in order.

    "wangpg", "wangpingg" and "wpingguang" all spell 王平光; the last syllable may still be half typed
    ("wangpi"), so a name stays listed while the clerk types on.
    """
    syllables = _syllables(name)

    def spells(at: int, syllable: int) -> bool:
        if at == len(typed):
            return True
        if syllable == len(syllables):
            return False
        rest = typed[at:]
        for reading in syllables[syllable]:
            if reading.startswith(rest):
                return True
            if rest.startswith(reading) and spells(at + len(reading), syllable + 1):
                return True
            if rest[0] == reading[0] and spells(at + 1, syllable + 1):
                return True
        return False

    return bool(typed) and spells(0, 0)


@lru_cache(maxsize=1)
def _all_readings() -> tuple[frozenset[str], frozenset[str]]:
    """(every toneless reading `spells_name` may meet, every prefix of one): ≈ 420 syllables, read once."""
    raw = {reading for found in _dictionary().values() for reading in found.split(",")[:2]}
    readings = frozenset(_toneless(reading) for reading in raw)
    return readings, frozenset(reading[:end] for reading in readings for end in range(1, len(reading) + 1))


MAX_PREFIXES = 32


def initials_prefixes(typed: str) -> set[str]:
    """Initials that every name `typed` spells over two syllables or more (`spells_name`) begins with.

    "wangpg" is wang|p|g, w|a|n|g|p|g, wan|g|p|g, …: the names it spells have initials starting "wpg", "wangpg",
    "wgpg", …, so a prefix index narrows the mixed search to a few names before `spells_name` checks them. A name
    spelled by a single (half-typed) syllable starts with `typed` itself. Longer prefixes that a shorter one in the
    set already covers are dropped; past MAX_PREFIXES the prefixes are cut to three letters.
    """
    readings, prefixes = _all_readings()

    @cache
    def pieces(at: int) -> frozenset[str]:
        """Initials of typed[at:] cut into a last half-typed syllable after whole syllables or initials."""
        rest, found = typed[at:], set()
        if rest in prefixes or len(rest) == 1:
            found.add(rest[0])
        for end in range(at + 1, len(typed)):
            if end == at + 1 or typed[at:end] in readings:
                found |= {typed[at] + tail for tail in pieces(end)}
        return frozenset(found)

    found = {typed[0] + tail for end in range(1, len(typed)) if end == 1 or typed[:end] in readings
             for tail in pieces(end)}
    if len(found) > MAX_PREFIXES:
        found = {prefix[:3] for prefix in found}
    return {prefix for prefix in found if not any(prefix != other and prefix.startswith(other) for other in found)}
