"""Pinyin search keys for names (pypinyin), computed when a villager is saved."""
from __future__ import annotations

from functools import lru_cache
from itertools import product

MAX_VARIANTS = 4  # polyphonic names (曾 zeng/ceng, 单 shan/dan) keep a few readings, not all


@lru_cache(maxsize=20000)
def _readings(char: str) -> tuple[str, ...]:
    # pypinyin loads its dictionaries (about 0.2 s, 60 MB) on import: only when a name is first keyed.
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="default")
    readings = tuple(dict.fromkeys(r.lower() for r in found[0])) if found else (char.lower(),)
    return readings[:2] or (char.lower(),)


@lru_cache(maxsize=50000)
def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin variants, initials variants), each space-separated, e.g. ("wujianhua", "wjh")."""
    chars = [ch for ch in name if not ch.isspace() and ch not in "·•．."]
    combos = []
    for combo in product(*(_readings(ch) for ch in chars)):
        combos.append(combo)
        if len(combos) >= MAX_VARIANTS:
            break
    full = dict.fromkeys("".join(c) for c in combos)
    initials = dict.fromkeys("".join(part[0] for part in c if part) for c in combos)
    return " ".join(full), " ".join(initials)
