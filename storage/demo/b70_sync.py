"""Demo: 德化乡's township desk beside the demo village, paired, with one bundle each way (docs/sync.md)."""
from __future__ import annotations

import random
import shutil
import tempfile
from datetime import date
from pathlib import Path

from models.core.accounts import Actor, Role
from models.core.numerals import article_label
from models.township.reviews import ArticleNote, DecisionKind, RequestKind
from models.core.village import Mode, make_profile
from storage.core.accounts import create_user_unchecked
from storage.core.encryption import needs_key
from storage.core.keyring import keyring_file_for, save_keyring, unlock
from storage.core.backups import backup_dir_for
from storage.core.db import Database
from storage.demo import DemoOptions
from storage.demo.b10_installation import DEMO_PASSWORD
from storage.core.installation import initialise, is_initialised, open_database
from storage.core.profile import read_profile
from storage.sync.export import export_bundle
from storage.sync.importer import import_bundle
from storage.sync.keys import list_peers, my_identity, trust_peer
from storage.core.backend import build_stores, township_returns
from storage.township.store import SqliteTownshipStore

OWN_TRANSACTIONS = True  # export and import each keep their own transaction and files (storage/demo/__init__.py)
SUFFIX = ".township-demo.sqlite3"
REVIEWER = ("shenhe", "王审核")
FINE_NOTE = "罚款应由法律、法规规定，村规民约不宜设定，建议改为批评教育、取消当年评优资格"
PLAIN_NOTE = "表述清楚，无违反法律法规的内容"


def township_path(village_path: Path) -> Path:
    """`<db>.township-demo.sqlite3`, beside the demo village's database."""
    return village_path.with_name(village_path.name + SUFFIX)


def build(db: Database, rng: random.Random, options: DemoOptions) -> None:
    options.counts.update({"sync_peers": 0, "sync_bundles": 0, "township_reviews": 0, "township_decisions": 0})
    admin = _village_admin(db)
    if db.path is None or admin is None or _received_from_township(db):
        return
    path, peer = township_path(db.path), _township_peer(db)
    if peer is None:
        _remove_township(path)  # a leftover beside this path is paired with another (earlier) demo village
    elif not path.exists():
        return  # paired with a township whose demo file was deleted: nothing left to resume
    # The demo township's key opens with the demo password (a run that completes what an earlier one began).
    key = unlock(keyring_file_for(path), "admin", DEMO_PASSWORD) if needs_key(path) else None
    township = open_database(path, must_exist=False, key=key)
    try:
        if peer is None or peer == township.node_id:
            _round_trip(db, admin, township, peer is None, options)
    finally:
        township.conn.close()


def _village_admin(db: Database) -> Actor | None:
    return _actor(db, "admin", Role.ADMIN)


def _actor(db: Database, username: str, role: Role) -> Actor | None:
    row = db.conn.execute("SELECT id, display_name FROM users WHERE username = ?", (username,)).fetchone()
    return Actor(row[0], row[1], role, username) if row else None


def _township_peer(db: Database) -> str | None:
    return next((peer.node for peer in list_peers(db) if peer.kind == "township"), None)


def _received_from_township(db: Database) -> bool:
    return db.conn.execute("SELECT 1 FROM sync_bundles_received r JOIN sync_peers p ON p.node = r.sender "
                           "WHERE p.kind = 'township'").fetchone() is not None


def _round_trip(village: Database, admin: Actor, township: Database, pair: bool, options: DemoOptions) -> None:
    """Each step its own transaction; a run stopped half-way is resumed by the next (every step checks first)."""
    profile = read_profile(village)
    if not is_initialised(township):
        _set_up_township(township, profile.township, profile.county)
    town_admin, reviewer = _actor(township, "admin", Role.ADMIN), _actor(township, REVIEWER[0],
                                                                          Role.TOWNSHIP_REVIEWER)
    assert town_admin is not None and reviewer is not None
    if village.node_id not in {peer.node for peer in list_peers(township)}:
        trust_peer(township, my_identity(village))
    if pair:
        trust_peer(village, my_identity(township))
        options.counts["sync_peers"] = 1
    with tempfile.TemporaryDirectory(prefix="xiangyue-demo-stick-") as stick:
        backups = set(_backups(township))
        import_bundle(township, Path(export_bundle(village, Path(stick), admin).file), town_admin, township_returns)
        for made in set(_backups(township)) - backups:  # the township's pre-import copy would sit among the
            made.unlink()                                # village's own backups in the shared folder
            keyring_file_for(made).unlink(missing_ok=True)
        _answer(township, reviewer, village.node_id, options)
        import_bundle(village, Path(export_bundle(township, Path(stick), town_admin).file), admin, township_returns)
    options.counts["sync_bundles"] = 2


def _set_up_township(township: Database, name: str, county: str) -> None:
    """A township installation with its administrator and one 乡镇审核员 (demo password), in one transaction."""
    with township.atomic():
        user = initialise(township, make_profile("", name, county, mode=Mode.TOWNSHIP), "admin", DEMO_PASSWORD,
                          admin_name="乡镇管理员")
        create_user_unchecked(township, user.as_actor(), REVIEWER[0], REVIEWER[1], Role.TOWNSHIP_REVIEWER,
                              DEMO_PASSWORD)
    save_keyring(township)  # the reviewer's copy of the township's database key


def _answer(township: Database, reviewer: Actor, village: str, options: DemoOptions) -> None:
    """Review a draft awaiting its legality review (step 7); approve a filing request (step 9)."""
    desk = build_stores(township, reviewer).township
    today = date.today()
    for request in desk.requests(village):
        if request.decided:
            continue
        notes = _notes(desk, request.id)
        if request.kind is RequestKind.REVIEW:
            desk.record_review(request.id, today, "经审查，未发现违反法律法规的内容，请按逐条意见修改后提交村民会议表决。",
                               notes)
            options.counts["township_reviews"] += 1
        else:
            desk.decide(request.id, DecisionKind.APPROVE, today, filing_number=f"{read_profile(township).township[:1]}乡备〔{today.year}〕1号",
                        notes=notes)
            options.counts["township_decisions"] += 1


def _notes(desk: SqliteTownshipStore, request_id: str) -> tuple[ArticleNote, ...]:
    """One per-article opinion: on the article that sets a fine, else on the first article."""
    version = desk.review_context(request_id).version
    fined = [a for a in version.articles if "罚款" in a.text]
    article = (fined or version.articles)[0]
    return (ArticleNote(article.key, article_label(version.numbers()[article.key]),
                        FINE_NOTE if fined else PLAIN_NOTE),)


def _backups(township: Database) -> list[Path]:
    assert township.path is not None
    folder = backup_dir_for(township.path)
    return list(folder.glob("xiangyue-pre-import-*.sqlite3")) if folder.is_dir() else []


def _remove_township(path: Path) -> None:
    """Delete a demo township left beside this path, with its key file, inbox and outbox."""
    for item in (path, *(path.with_name(path.name + s) for s in (".keys", "-wal", "-shm", ".inbox", ".outbox"))):
        if item.is_dir():
            shutil.rmtree(item)
        elif item.exists():
            item.unlink()
