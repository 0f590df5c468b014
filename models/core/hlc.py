"""Hybrid logical clock: versions that order correctly even when PC clocks disagree."""
from __future__ import annotations

from dataclasses import dataclass

MAX_SKEW_MS = 24 * 3600 * 1000
MAX_COUNTER = 99_999  # five digits keep string order equal to time order


@dataclass(frozen=True, order=True)
class Hlc:
    """混合逻辑时钟 — one version stamp: wall ms, counter, node."""

    ms: int
    counter: int
    node: str

    def encode(self) -> str:
        # Fixed width so that string order is time order (DESIGN §2).
        return f"{self.ms:013d}-{self.counter:05d}-{self.node}"

    @staticmethod
    def decode(text: str) -> Hlc:
        ms, counter, node = text.split("-", 2)
        return Hlc(int(ms), int(counter), node)


def tick(last: Hlc | None, now_ms: int, node: str) -> Hlc:
    """The next local stamp after `last` at wall time `now_ms`."""
    if last is None or now_ms > last.ms:
        return Hlc(now_ms, 0, node)
    return _bump(last.ms, last.counter + 1, node)


def _bump(ms: int, counter: int, node: str) -> Hlc:
    # Past five digits the counter would break string order: move a millisecond on instead.
    return Hlc(ms + 1, 0, node) if counter > MAX_COUNTER else Hlc(ms, counter, node)


def receive(last: Hlc | None, remote: Hlc, now_ms: int, node: str) -> Hlc:
    """The local stamp after seeing `remote`, so later local writes sort after it."""
    candidates = [now_ms, remote.ms] + ([last.ms] if last else [])
    ms = max(candidates)
    counter = 0
    if last and ms == last.ms:
        counter = last.counter + 1
    if ms == remote.ms:
        counter = max(counter, remote.counter + 1)
    return _bump(ms, counter, node)


def is_skewed(remote: Hlc, now_ms: int) -> bool:
    """True when a stamp is more than 24 h away from our wall clock (flagged on import)."""
    return abs(remote.ms - now_ms) > MAX_SKEW_MS


def is_ahead(remote: Hlc, now_ms: int) -> bool:
    """True when a stamp is more than the allowed skew ahead of our wall clock: applying it would push our
    clock forward for good, so such a row is quarantined instead (issue 16, item 9)."""
    return remote.ms - now_ms > MAX_SKEW_MS
