"""Password hashing with scrypt and a per-user random salt; never stored in clear."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class ScryptCost:
    n: int
    r: int
    p: int


PRODUCTION_COST = ScryptCost(2 ** 14, 8, 1)
_LEN = 32
# The cost new hashes are made with. Only the test suite changes it (tests/conftest.py, through
# use_cost_for_tests): at n=2¹⁴ every hash costs ~40 ms, paid by every database a test sets up. Each stored
# hash records its own parameters, so hashes made at either cost verify.
_cost = PRODUCTION_COST


def use_cost_for_tests(cost: ScryptCost) -> None:
    """Make new hashes at `cost`. Refused outside pytest, so the app can never weaken its hashes by accident."""
    if "pytest" not in sys.modules:
        raise RuntimeError("use_cost_for_tests is for the test suite only")
    global _cost
    _cost = cost


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    n, r, p = _cost.n, _cost.r, _cost.p
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_LEN)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = base64.b64decode(digest)
    actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt),
                            n=int(n), r=int(r), p=int(p), dklen=len(expected))
    return hmac.compare_digest(actual, expected)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
