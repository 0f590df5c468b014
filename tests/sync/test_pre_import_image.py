"""The day's pre-import safety copy is an image of the encrypted file, taken under the write lock (issue 17)."""
from __future__ import annotations

import errno
import hashlib
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from models.core.accounts import Role
from models.core.errors import DomainError
from storage.core import backup_image, backups
from storage.core.accounts import SqliteAccountStore
from storage.core.backup_image import ImageUnavailable, write_image
from storage.core.backups import backup_dir_for, pre_import_backup_if_due, restore_into
from storage.core.db import Database, is_plain, readonly_uri
from storage.core.driver import connect as driver_connect
from storage.core.driver import sqlite
from storage.core.keyring import keyring_file_for, unlock
from tests.conftest import admin_of
from tests.sync.conftest import PASSWORD, Pair, export, import_, notes, state, write_notes

PAGE = 4096  # SQLCipher 4's page


def _township(pair: Pair) -> tuple[Database, Path, Path]:
    db = pair.township
    assert db.path is not None and db.key is not None  # the tests' nodes are encrypted, as every node is
    return db, db.path, backup_dir_for(db.path)


def _wal(path: Path) -> Path:
    return Path(f"{path}-wal")


def _opened(path: Path, key: bytes) -> Database:
    return Database(driver_connect(readonly_uri(path), key, uri=True))


def _no_backup_api(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the image should have been taken, not a copy through the backup API")
    monkeypatch.setattr(backups, "_checked_copy", refuse)


def test_the_image_holds_the_rows_still_in_the_wal_and_opens_with_every_account(
        pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    township, path, folder = _township(pair)
    SqliteAccountStore(township, admin_of(township)).create_user("wenshu", "文书", Role.CLERK, "clerk-pass-1")
    write_notes(township, 30, "未检查点")
    assert _wal(path).stat().st_size > 0  # committed changes that live only in the WAL
    _no_backup_api(monkeypatch)
    made = pre_import_backup_if_due(township, folder)
    assert made is not None and not is_plain(made)
    assert sorted(p.name for p in folder.iterdir()) == [made.name, keyring_file_for(made).name]  # no -wal, -shm
    assert made.stat().st_mode & 0o077 == 0
    for user, password in (("admin", PASSWORD), ("wenshu", "clerk-pass-1")):
        assert unlock(keyring_file_for(made), user, password) == township.key
    copy = _opened(made, township.key)  # type: ignore[arg-type]
    try:
        assert state(copy) == state(township) and len(notes(copy)) == len(notes(township))
        assert copy.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    finally:
        copy.conn.close()


def test_no_page_is_decrypted_and_encrypted_again(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    township, path, folder = _township(pair)
    write_notes(township, 30)
    township.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _no_backup_api(monkeypatch)
    made = pre_import_backup_if_due(township, folder)
    assert made is not None
    image, source = made.read_bytes(), path.read_bytes()
    # The same bytes under the same salt (SQLCipher's first 16 bytes); only page 1, whose header now says
    # "rollback journal" instead of "WAL", was written again.
    assert image[:16] == source[:16] and image[PAGE:] == source[PAGE:] and image[16:PAGE] != source[16:PAGE]


def test_an_import_leaves_the_image_as_it_was_and_a_restore_gives_back_the_state_before(pair: Pair) -> None:
    township, _, folder = _township(pair)
    write_notes(pair.village, 5, "第一批")
    first = export(pair.village, pair.stick)
    before = notes(township)
    assert import_(township, first).applied >= 5
    made = next(folder.glob("xiangyue-pre-import-*.sqlite3"))
    digest = hashlib.sha256(made.read_bytes()).digest()
    write_notes(pair.village, 5, "第二批")
    assert import_(township, export(pair.village, pair.stick)).applied >= 5
    assert list(folder.glob("xiangyue-pre-import-*.sqlite3")) == [made]  # one a day
    assert hashlib.sha256(made.read_bytes()).digest() == digest
    restore_into(township, made, admin_of(township), source_key=unlock(keyring_file_for(made), "admin", PASSWORD))
    assert notes(township) == before
    assert import_(township, first).applied >= 5  # the bundles imported after the copy can be imported again


@pytest.mark.parametrize("checkpoint", [False, True])
def test_a_writer_waits_and_a_checkpoint_changes_nothing_while_the_files_are_copied(
        pair: Pair, monkeypatch: pytest.MonkeyPatch, checkpoint: bool) -> None:
    township, path, folder = _township(pair)
    write_notes(township, 30)
    wal_size, copy = _wal(path).stat().st_size, backup_image._copy_hashed
    seen: list[tuple[str, int]] = []

    def meanwhile(source: Path, target: Path) -> bytes:
        other = driver_connect(str(path), township.key, timeout=0.2, isolation_level=None)
        try:
            with pytest.raises(sqlite.OperationalError, match="locked|busy"):
                other.execute("INSERT INTO meta(key, value) VALUES('during-copy', 'x')")
            seen.append(("read", other.execute("SELECT count(*) FROM notes").fetchone()[0]))  # readers read on
            if checkpoint and not any(what == "checkpoint busy" for what, _ in seen):
                # TRUNCATE waits for no writer, is refused, and checkpoints passively instead: it writes WAL
                # frames into the main file, so the main file is seen to change and the backup API copies.
                seen.append(("checkpoint busy", other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]))
        finally:
            other.close()  # not the last connection: no checkpoint on close either
        assert _wal(path).stat().st_size == wal_size
        return copy(source, target)

    monkeypatch.setattr(backup_image, "_copy_hashed", meanwhile)
    if not checkpoint:
        _no_backup_api(monkeypatch)
    made = pre_import_backup_if_due(township, folder)
    assert made is not None and (("checkpoint busy", 1) in seen) == checkpoint
    image = _opened(made, township.key)  # type: ignore[arg-type]
    try:
        assert state(image) == state(township)
    finally:
        image.conn.close()
    write_notes(township, 1)  # the lock is given back


@pytest.mark.parametrize("failing_call", [1, 2])  # the main file, then its WAL
def test_a_full_disk_leaves_nothing_behind_and_the_import_is_refused(
        pair: Pair, monkeypatch: pytest.MonkeyPatch, failing_call: int) -> None:
    township, path, folder = _township(pair)
    write_notes(township, 30)
    write_notes(pair.village, 3)
    bundle, before, copy = export(pair.village, pair.stick), state(township), backup_image._copy_hashed
    calls: list[Path] = []

    def fills_the_disk(source: Path, target: Path) -> bytes:
        calls.append(target)
        if len(calls) < failing_call:
            return copy(source, target)
        target.write_bytes(source.read_bytes()[:PAGE * 2])  # written in part, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_image, "_copy_hashed", fills_the_disk)
    with pytest.raises(DomainError, match="磁盘已满，写不下导入前的安全副本：导入没有进行"):
        import_(township, bundle)
    assert len(calls) == failing_call and list(folder.iterdir()) == []
    assert state(township) == before
    write_notes(township, 1)  # the write lock was given back


def test_where_the_image_does_not_check_out_the_backup_api_copies(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    township, _, folder = _township(pair)
    write_notes(township, 30)

    def differs(path: Path, expected: bytes) -> None:
        raise ImageUnavailable(f"{path.name} read back differs")

    monkeypatch.setattr(backup_image, "_verify", differs)
    made = pre_import_backup_if_due(township, folder)
    assert made is not None and len(list(folder.iterdir())) == 2  # the copy and its keyring, no image's files
    copy = _opened(made, township.key)  # type: ignore[arg-type]
    try:
        assert state(copy) == state(township)
    finally:
        copy.conn.close()


def test_a_live_file_that_refuses_a_read_is_copied_through_the_backup_api(
        pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    township, path, folder = _township(pair)
    write_notes(township, 30)
    opener = Path.open

    class Refusing:  # as Windows refuses a read of a range another handle has locked
        def __init__(self, handle: BinaryIO) -> None:
            self.handle = handle

        def __enter__(self) -> Refusing:
            return self

        def __exit__(self, *_: object) -> None:
            self.handle.close()

        def read(self, size: int) -> bytes:
            raise OSError(errno.EACCES, "The process cannot access the file: another process has locked a portion")

    def open_(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = opener(self, mode, *args, **kwargs)
        return Refusing(handle) if self == path and mode == "rb" else handle

    checked, copied = backups._checked_copy, []

    def checked_copy(*args: Any) -> None:
        copied.append(True)
        checked(*args)

    monkeypatch.setattr(backups, "_checked_copy", checked_copy)
    monkeypatch.setattr(Path, "open", open_)
    made = pre_import_backup_if_due(township, folder)
    monkeypatch.undo()
    assert made is not None and copied and len(list(folder.iterdir())) == 2
    copy = _opened(made, township.key)  # type: ignore[arg-type]
    try:
        assert state(copy) == state(township)
    finally:
        copy.conn.close()


def test_a_database_without_a_file_has_no_image(tmp_path: Path) -> None:
    temp = tmp_path / "image.sqlite3"
    temp.touch()
    with pytest.raises(ImageUnavailable):
        write_image(Database(memory=True), temp)
    assert list(tmp_path.iterdir()) == []
