"""Item 3: an audit entry hashes the same before and after storage, whatever the type of the value it was given.

hypothesis is not installed, so a table of the types a hostile bundle's JSON (or a careless caller) can produce.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.audit import AuditEntry, as_text, canonical_entry, chain_hash
from storage.core.audit import append_audit, verify_audit_chain
from storage.core.db import Database
from storage.core.installation import open_database

VALUES: list[Any] = [12345, 0, -7, 10 ** 30, 10 ** 5000, 1.5, 1e300, float("inf"), True, False, None, "", "村",
                     "𠀀 emoji 😀", "a\x00b", b"\x00\xff", {"k": [1, 2]}, [1, "二", None], {"nested": {"x": {}}},
                     "12345", "true"]
FIELDS = ["row_id", "summary", "table_name", "action"]


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_database(tmp_path / "a.sqlite3", must_exist=False)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_any_value_hashes_the_same_after_storage(db: Database, field: str, value: Any) -> None:
    arguments = {"table": "sync_held_bundles", "row_id": "r", "summary": "s", "action": "sync_hold"}
    arguments[{"table_name": "table"}.get(field, field)] = value
    with db.atomic():
        append_audit(db, COMMAND_LINE_ACTOR, arguments["action"], arguments["table"], arguments["row_id"],
                     arguments["summary"])
        append_audit(db, COMMAND_LINE_ACTOR, "create", "notes", "next", "the entry after it")
    assert verify_audit_chain(db) == []


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_canonical_form_is_idempotent(value: Any) -> None:
    entry = AuditEntry(1, "id", "at", "a", "n", "create", "t", value, "s")
    once = canonical_entry(entry)
    assert isinstance(once.row_id, str) and canonical_entry(once) == once
    assert chain_hash("0" * 64, entry) == chain_hash("0" * 64, once)
    assert as_text(as_text(value)) == as_text(value)


def test_a_string_entry_hashes_as_it_always_did() -> None:
    """Entries already in the field (all text) keep their hashes: the canonical form of text is the text."""
    import hashlib
    import json
    from dataclasses import asdict
    entry = AuditEntry(3, "id", "2026-01-01T00:00:00", "cli", "命令行", "create", "notes", "r1", "标题: 修路")
    old = hashlib.sha256(("0" * 64 + "\n" + json.dumps(asdict(entry), ensure_ascii=False, sort_keys=True,
                                                         separators=(",", ":"))).encode()).hexdigest()
    assert chain_hash("0" * 64, entry) == old


def test_a_non_integer_seq_is_refused() -> None:
    with pytest.raises(TypeError):
        chain_hash("0" * 64, AuditEntry("1", "id", "at", "a", "n", "create", "t", "r", "s"))  # type: ignore[arg-type]


def test_a_peer_audit_entry_with_a_number_for_text_is_refused(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    from models.sync.bundles import BundleRefused
    from tests.hostile.forge import forge, open_bundle
    from tests.sync.conftest import export, import_, state, write_notes
    write_notes(pair.village, 1)
    bundle = export(pair.village, pair.stick)
    lines = open_bundle(bundle, pair.township)["audit.jsonl"].splitlines()
    entry = json.loads(lines[-1])
    entry["row_id"] = 12345
    entry["hash"] = chain_hash(entry["previous_hash"], AuditEntry(*(entry[f] for f in (
        "seq", "id", "at", "actor_id", "actor_name", "action", "table_name", "row_id", "summary"))))
    audit = b"\n".join([*lines[:-1], json.dumps(entry, ensure_ascii=False).encode()]) + b"\n"
    before = state(pair.township)
    with pytest.raises(BundleRefused, match="审计记录"):
        import_(pair.township, forge(bundle, pair.village, pair.township, tmp_path / "e.xybundle",
                                     members={"audit.jsonl": audit}))
    assert state(pair.township) == before
