"""Pairing on the command line: public key files, trust with fingerprints, peers, key backup and restore."""
from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PASSWORD
from tests.helpers import run_json


def _init(path: Path, mode: str = "village") -> None:
    extra = ["--village", "青石村"] if mode == "village" else []
    code, _ = run_json(path, "init", *extra, "--township", "德化乡", "--county", "黎平县", "--admin", "admin",
                       "--mode", mode, stdin=PASSWORD + "\n")
    assert code == 0


def test_pubkey_trust_and_peers_show_the_same_fingerprint(tmp_path: Path) -> None:
    village, township = tmp_path / "v.db", tmp_path / "t.db"
    _init(village)
    _init(township, "township")
    code, exported = run_json(township, "sync", "pubkey", "--out", str(tmp_path / "t.pub"))
    assert code == 0 and len(exported["fingerprint"].split()) == 8
    code, trusted = run_json(village, "sync", "trust", str(tmp_path / "t.pub"))
    assert code == 0 and trusted["fingerprint"] == exported["fingerprint"] and trusted["kind"] == "township"
    code, listed = run_json(village, "sync", "peers")
    assert [p["node"] for p in listed["peers"]] == [exported["node"]]
    assert run_json(village, "sync", "trust", str(tmp_path / "t.pub"))[0] == 0  # idempotent


def test_tampered_public_key_file_is_refused(tmp_path: Path) -> None:
    village, township = tmp_path / "v.db", tmp_path / "t.db"
    _init(village)
    _init(township, "township")
    run_json(township, "sync", "pubkey", "--out", str(tmp_path / "t.pub"))
    payload = json.loads((tmp_path / "t.pub").read_text(encoding="utf-8"))
    payload["encryption_public_key"] = payload["signing_public_key"]
    (tmp_path / "t.pub").write_text(json.dumps(payload), encoding="utf-8")
    code, message = run_json(village, "sync", "trust", str(tmp_path / "t.pub"))
    assert code == 2 and "指纹不符" in message


def test_own_key_is_not_trusted(tmp_path: Path) -> None:
    village = tmp_path / "v.db"
    _init(village)
    run_json(village, "sync", "pubkey", "--out", str(tmp_path / "v.pub"))
    code, message = run_json(village, "sync", "trust", str(tmp_path / "v.pub"))
    assert code == 2 and "本机自己的公钥" in message


def test_key_backup_restores_the_same_keys_and_refuses_a_wrong_passphrase(tmp_path: Path) -> None:
    township = tmp_path / "t.db"
    _init(township, "township")
    assert run_json(township, "sync", "backup-keys", "--out", str(tmp_path / "k.bak"), stdin="passphrase1\n")[0] == 0
    keys = tmp_path / "t.db.keys"
    original = keys.read_bytes()
    keys.unlink()
    assert run_json(township, "sync", "restore-keys", str(tmp_path / "k.bak"), stdin="wrong-pass\n")[0] == 2
    assert not keys.exists()
    assert run_json(township, "sync", "restore-keys", str(tmp_path / "k.bak"), stdin="passphrase1\n")[0] == 0
    assert keys.read_bytes() == original
    code, message = run_json(township, "sync", "restore-keys", str(tmp_path / "k.bak"), stdin="passphrase1\n")
    assert code == 2 and "--force" in message
