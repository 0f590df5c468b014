"""吊销的密钥 — a revoked key: the pure record the sync screen and the command line show."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Revocation:
    """Whose key, why, when, and who revoked it ("us", or the node of a peer that revoked our key)."""

    fingerprint: str
    node: str
    name: str
    reason: str
    revoked_at: str
    revoked_by: str
