"""A process killed mid-write in rollback-journal mode leaves a hot journal: the next open recovers, not refuses."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from models.core.village import make_profile
from storage.core.backups import write_backup
from storage.core.installation import initialise, open_database

WRITER = """
import sys
import sqlcipher3.dbapi2 as sqlite3
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute(f\"PRAGMA key = \\"x'{sys.argv[2]}'\\"\")
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 10")
conn.execute("BEGIN IMMEDIATE")
print("writing", flush=True)
while True:
    conn.execute("INSERT INTO meta(key, value) VALUES(hex(randomblob(16)), hex(randomblob(200)))")
"""


def test_hot_rollback_journal_is_rolled_back_on_open(tmp_path: Path) -> None:
    db = open_database(tmp_path / "live.sqlite3", must_exist=False)
    initialise(db, make_profile("青石村", "德化乡", "黎平县"), "admin", "secret123")
    copy = write_backup(db, tmp_path / "copy")  # a backup copy is in rollback-journal mode, like a restored file
    assert db.key is not None
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(copy), db.key.hex()], stdout=subprocess.PIPE)
    assert process.stdout is not None and process.stdout.readline().strip() == b"writing"
    deadline = time.monotonic() + 10
    journal = Path(f"{copy}-journal")
    while not (journal.exists() and journal.stat().st_size > 4096) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert journal.exists()
    reopened = open_database(copy)
    assert reopened.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert reopened.conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 1
    assert reopened.conn.execute("SELECT COUNT(*) FROM meta WHERE length(key) = 32").fetchone()[0] == 0
