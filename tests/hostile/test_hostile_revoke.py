"""Item 10: `sync revoke FINGERPRINT --reason T`, both ways; refused for an unknown fingerprint."""
from __future__ import annotations

from pathlib import Path

import pytest
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from models.core.errors import DomainError
from models.sync.bundles import BundleRefused
from storage.core.checks import run_checks
from storage.core.db import Database
from storage.sync.keys import Identity, my_identity, trust_peer, write_public_key
from tests.helpers import run_json
from tests.sync.conftest import Pair, export, state, write_notes


def _revoke(db: Database, fingerprint: str, reason: str = "电脑被盗") -> tuple[int, object]:
    return run_json(db.path, "sync", "revoke", fingerprint, "--reason", reason)


def _import(db: Database, bundle: Path) -> tuple[int, object]:
    return run_json(db.path, "sync", "import", str(bundle))


@pytest.mark.parametrize("revoker", ["township", "village"])
def test_revocation_works_both_ways(pair: Pair, revoker: str) -> None:
    revoking, revoked = (pair.township, pair.village) if revoker == "township" else (pair.village, pair.township)
    fingerprint = my_identity(revoked).fingerprint
    code, done = _revoke(revoking, fingerprint)
    assert code == 0 and done == {"node": revoked.node_id, "name": my_identity(revoked).name,
                                  "fingerprint": fingerprint, "reason": "电脑被盗", "revoked_at": done["revoked_at"]}
    write_notes(revoked, 2)
    before = state(revoking)
    code, err = _import(revoking, export(revoked, pair.stick))  # signed by the revoked key: refused
    assert code == 2 and "吊销" in err and state(revoking) == before
    write_notes(revoking, 1)
    notice = export(revoking, pair.stick)  # carries only the notice, not the new row
    code, result = _import(revoked, notice)
    assert code == 0 and result["applied"] == 0 and "key_revoked" in result["flags"]
    code, err = run_json(revoked.path, "sync", "export", "--to", str(pair.stick))
    assert code == 2 and "吊销" in err
    assert run_checks(revoking) == [] and run_checks(revoked) == []


def test_an_unknown_fingerprint_is_refused(pair: Pair) -> None:
    before = state(pair.township)
    code, err = _revoke(pair.township, "0000 0000 0000 0000 0000 0000 0000 0000")
    assert code == 2 and "没有使用指纹" in err and state(pair.township) == before
    code, err = _revoke(pair.township, my_identity(pair.village).fingerprint, "  ")
    assert code == 2 and "理由" in err and state(pair.township) == before


def test_re_pairing_needs_a_new_key(pair: Pair, tmp_path: Path) -> None:
    _revoke(pair.township, my_identity(pair.village).fingerprint)
    key_file = tmp_path / "village.pub.json"
    write_public_key(pair.village, key_file)
    code, err = run_json(pair.township.path, "sync", "trust", str(key_file))
    assert code == 2 and "吊销" in err
    old = my_identity(pair.village)
    fresh = Identity(old.node, old.kind, old.name, bytes(SigningKey.generate().verify_key),
                     bytes(PrivateKey.generate().public_key))
    assert trust_peer(pair.township, fresh).fingerprint == fresh.fingerprint
    with pytest.raises(DomainError, match="吊销"):
        trust_peer(pair.township, old)


def test_a_revoked_key_is_not_held_either(half_paired: Pair) -> None:
    """A village whose key the township revoked cannot come back through the hold path with the same key."""
    from models.core.accounts import COMMAND_LINE_ACTOR
    from storage.core.backend import township_returns
    from storage.sync.importer import import_bundle
    trust_peer(half_paired.township, my_identity(half_paired.village))
    _revoke(half_paired.township, my_identity(half_paired.village).fingerprint)
    write_notes(half_paired.village, 1)
    with pytest.raises(BundleRefused, match="吊销"):
        import_bundle(half_paired.township, export(half_paired.village, half_paired.stick), COMMAND_LINE_ACTOR,
                      township_returns)
