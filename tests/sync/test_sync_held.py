"""A village's key arriving with its first bundle: held unapplied until the township confirms the fingerprint."""
from __future__ import annotations

from pathlib import Path

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.errors import DomainError
from models.sync.bundles import BundleRefused, ImportFlag
from models.core.village import Mode
from storage.sync.held import accept, pending
from storage.sync.keys import list_peers, my_identity, trust_peer
from tests.helpers import run_json
from tests.sync.conftest import Pair, copied_node, export, import_, notes, write_notes
from storage.core.backend import township_returns


@pytest.fixture
def half_paired(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Pair:
    """The village has the township's key file; the township has never seen the village's key."""
    village = copied_node(tmp_path_factory, tmp_path / "village" / "v.sqlite3", Mode.VILLAGE)
    township = copied_node(tmp_path_factory, tmp_path / "township" / "t.sqlite3", Mode.TOWNSHIP)
    trust_peer(village, my_identity(township))
    stick = tmp_path / "stick"
    stick.mkdir()
    return Pair(village, township, stick)


def _applied(township) -> int:  # type: ignore[no-untyped-def]
    return township.conn.execute("SELECT count(*) FROM sync_bundles_received").fetchone()[0]


def test_unconfirmed_key_holds_the_bundle_and_applies_nothing(half_paired: Pair) -> None:
    write_notes(half_paired.village, 3)
    result = import_(half_paired.township, export(half_paired.village, half_paired.stick))
    assert result.flags == (ImportFlag.HELD,) and result.applied == 0
    assert result.fingerprint == my_identity(half_paired.village).fingerprint
    assert notes(half_paired.township) == [] and _applied(half_paired.township) == 0
    assert list_peers(half_paired.township) == []
    [held] = pending(half_paired.township)
    assert (held.sender, held.fingerprint, held.changes) == (half_paired.village.node_id, result.fingerprint, 4)
    assert Path(half_paired.township.conn.execute("SELECT file FROM sync_held_bundles").fetchone()[0]).is_file()


def test_wrong_fingerprint_is_refused_and_trusts_nothing(half_paired: Pair) -> None:
    write_notes(half_paired.village, 2)
    import_(half_paired.township, export(half_paired.village, half_paired.stick))
    right = my_identity(half_paired.village).fingerprint
    wrong = ("0000" if not right.startswith("0000") else "1111") + right[4:]
    with pytest.raises(BundleRefused, match="不符"):
        accept(half_paired.township, wrong, COMMAND_LINE_ACTOR, township_returns)
    with pytest.raises(DomainError, match="完整的指纹"):
        accept(half_paired.township, right[:9], COMMAND_LINE_ACTOR, township_returns)  # a prefix is not a confirmation
    assert list_peers(half_paired.township) == [] and notes(half_paired.township) == []
    assert len(pending(half_paired.township)) == 1


def test_confirmed_fingerprint_verifies_and_applies_the_held_bundles(half_paired: Pair) -> None:
    write_notes(half_paired.village, 2)
    import_(half_paired.township, export(half_paired.village, half_paired.stick))
    write_notes(half_paired.village, 1, "再议")  # a second cumulative bundle before anyone confirmed
    import_(half_paired.township, export(half_paired.village, half_paired.stick))
    typed = my_identity(half_paired.village).fingerprint.replace(" ", "").lower()
    peer, results = accept(half_paired.township, typed, COMMAND_LINE_ACTOR, township_returns)
    assert peer.node == half_paired.village.node_id and peer.kind == "village"
    assert [r.applied for r in results] == [3, 1]
    assert notes(half_paired.township) == notes(half_paired.village)
    assert pending(half_paired.township) == [] and not list(half_paired.township.path.parent.glob("*.inbox/held/*"))
    write_notes(half_paired.village, 1, "三议")  # afterwards bundles import directly
    assert import_(half_paired.township, export(half_paired.village, half_paired.stick)).applied == 1


def test_a_village_never_holds_an_unknown_signer(half_paired: Pair) -> None:
    """Only a township takes a village's key on confirmation; a village refuses any unknown signer outright."""
    trust_peer(half_paired.township, my_identity(half_paired.village))
    write_notes(half_paired.township, 1)
    half_paired.village.execute("DELETE FROM sync_peers")
    with pytest.raises(BundleRefused, match="未登记"):
        import_(half_paired.village, export(half_paired.township, half_paired.stick))


def test_cli_pending_and_accept(half_paired: Pair) -> None:
    write_notes(half_paired.village, 2)
    bundle = export(half_paired.village, half_paired.stick)
    code, held = run_json(half_paired.township.path, "sync", "import", str(bundle))
    assert code == 0 and held["held"] and held["applied"] == 0
    code, listed = run_json(half_paired.township.path, "sync", "pending")
    assert code == 0 and [p["fingerprint"] for p in listed["pending"]] == [held["fingerprint"]]
    code, message = run_json(half_paired.township.path, "sync", "accept", "ABCD " * 8)
    assert code == 2 and "不符" in message
    code, accepted = run_json(half_paired.township.path, "sync", "accept", held["fingerprint"])
    assert code == 0 and accepted["imported"][0]["applied"] == 3
    assert notes(half_paired.township) == notes(half_paired.village)


def test_discard_drops_held_bundles_trusts_nothing_and_is_audited(half_paired: Pair) -> None:
    from storage.sync.held import discard

    write_notes(half_paired.village, 2)
    import_(half_paired.township, export(half_paired.village, half_paired.stick))
    import_(half_paired.township, export(half_paired.village, half_paired.stick))
    right = my_identity(half_paired.village).fingerprint
    wrong = ("0000" if not right.startswith("0000") else "1111") + right[4:]
    with pytest.raises(BundleRefused, match="未丢弃任何同步包"):
        discard(half_paired.township, wrong, COMMAND_LINE_ACTOR)
    assert len(pending(half_paired.township)) == 2
    dropped = discard(half_paired.township, right.lower(), COMMAND_LINE_ACTOR)
    assert len(dropped) == 2 and pending(half_paired.township) == []
    assert list_peers(half_paired.township) == [] and notes(half_paired.township) == []
    assert not list(half_paired.township.path.parent.glob("*.inbox/held/*"))
    audit = half_paired.township.conn.execute("SELECT action, summary FROM audit_log WHERE action = 'sync_discard'")
    assert [row[0] for row in audit] == ["sync_discard", "sync_discard"]
    with pytest.raises(BundleRefused, match="不符"):
        accept(half_paired.township, right, COMMAND_LINE_ACTOR, township_returns)  # nothing left to accept
    write_notes(half_paired.village, 1)  # the village lost nothing: its next bundle carries everything
    import_(half_paired.township, export(half_paired.village, half_paired.stick))
    _, results = accept(half_paired.township, right, COMMAND_LINE_ACTOR, township_returns)
    assert [r.applied for r in results] == [4]


def test_discard_from_the_command_line(half_paired: Pair) -> None:
    write_notes(half_paired.village, 1)
    import_(half_paired.township, export(half_paired.village, half_paired.stick))
    fingerprint = my_identity(half_paired.village).fingerprint
    code, data = run_json(half_paired.township.path, "sync", "discard", fingerprint)
    assert code == 0 and [d["from"] for d in data["discarded"]] == [half_paired.village.node_id]
    assert run_json(half_paired.township.path, "sync", "pending")[1] == {"pending": []}
    code, _ = run_json(half_paired.township.path, "sync", "discard", fingerprint)
    assert code == 2
