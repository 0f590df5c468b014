"""Benchmark: minutes search over 10 years × 30 villages (~40,000 meetings), target ≤ 30 ms per query.

Run: /tmp/venv/bin/python -m benchmarks.minutes [--meetings 40000] [--db PATH]
Rows are written the way a township's sync import writes them (change log silenced), with the search
triggers live, so the index is built exactly as in use.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from storage.core.db import Database
from storage.migrations import migrations
from storage.minutes.search import search
from storage.core.tracking import now_iso

TOPICS = ("低保户民主评议", "村道硬化项目", "医保缴费动员", "宅基地使用方案", "集体经济收益分配", "人居环境整治",
          "防汛应急预案", "茶叶合作社入股", "饮水安全工程", "红白喜事简办", "森林防火责任", "土地承包调整",
          "产业发展规划", "困难群众临时救助", "党员发展对象公示", "村规民约修订", "路灯维修", "垃圾清运")
SPEECH = ("同意，建议尽快实施", "要把账目公开清楚", "希望照顾困难户", "先征求各组意见", "资金来源要讲明白",
          "建议由监委会全程监督", "外出务工人员可以电话表决", "按照四议两公开程序办理")
NAMES = "杨吴石龙潘陆欧王李张"
GIVEN = ("光明", "秀英", "晓梅", "正华", "金花", "德富", "春兰", "永清", "桂芝", "昌明")
TYPES = (("representatives_meeting", "代"), ("joint_committees_meeting", "联"), ("party_general_meeting", "党"),
         ("villagers_meeting", "民"), ("deliberation_meeting", "议"), ("courtyard_meeting", "院"))
QUERIES = ("低保户", "村道硬化", "宅基地使用", "监委会全程监督", "第 17 村会议", "低保", "医保", "路灯", "水", "低保 评议",
           "缺水", "旱", "不存在的事项")


def _name(rng: random.Random) -> str:
    return rng.choice(NAMES) + rng.choice(GIVEN)


def generate(db: Database, meetings: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    stamp = now_iso()
    with db.atomic():
        db.execute("INSERT INTO sync_applying(bundle_id) VALUES('benchmark')")
        for number in range(meetings):
            _meeting(db, rng, number, stamp)
        db.execute("DELETE FROM sync_applying")


def _meeting(db: Database, rng: random.Random, number: int, stamp: str) -> None:
    village = number % 30
    year = 2016 + (number // 30) % 10
    type_code, letter = TYPES[number % len(TYPES)]
    meeting_id = f"m{number:06d}"
    db.execute("INSERT INTO meetings(id, owner, hlc, created_at, updated_at, number, year, seq, type_code, date, "
               "place, host, recorder, summary, status) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,'final')",
               [meeting_id, f"V-{village:02d}", f"{number:013d}-00000-x", stamp, stamp,
                f"{year}-{letter}-{number % 97 + 1:02d}", year, number % 97 + 1, type_code,
                f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "村委会议室", _name(rng), _name(rng),
                f"第 {village + 1} 村会议，{rng.choice(TOPICS)}等事项。"])
    for position in range(rng.randint(1, 3)):
        topic = rng.choice(TOPICS)
        speeches = [(_name(rng), rng.choice(SPEECH)) for _ in range(rng.randint(2, 5))]
        item_id = f"{meeting_id}-{position}"
        db.execute("INSERT INTO agenda_items(id, owner, hlc, created_at, updated_at, meeting_id, position, title, "
                   "discussion, resolution, resolution_owner) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                   [item_id, "V", "0", stamp, stamp, meeting_id, position, topic, f"发言 {len(speeches)} 人次",
                    f"同意{topic}方案", "村委会"])
        for order, (speaker, said) in enumerate(speeches):  # each speech is its own searchable row (m034)
            db.execute("INSERT INTO agenda_item_speeches(id, owner, hlc, created_at, updated_at, meeting_id, item_id, "
                       "position, speaker, content) VALUES(?,?,?,?,?,?,?,?,?,?)",
                       [f"{item_id}-s{order}", "V", "0", stamp, stamp, meeting_id, item_id, order, speaker, said])
        if position == 0:
            db.execute("INSERT INTO follow_ups(id, owner, hlc, created_at, updated_at, meeting_id, item_id, "
                       "meeting_type, title, owner_name, status, result_report) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                       [f"f{item_id}", "V", "0", stamp, stamp, meeting_id, item_id, type_code, topic, "村委会",
                        "done", f"{topic}已按决议完成，结果已公开"])


def measure(db: Database, runs: int = 30) -> list[tuple[str, int, float, float]]:
    """(query, hits, median ms, worst ms) for each query, first 50 hits as the screen asks."""
    results = []
    for query in QUERIES:
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            hits = search(db, query, limit=50)
            timings.append((time.perf_counter() - start) * 1000)
        results.append((query, len(hits), statistics.median(timings), max(timings)))
    return results


def measure_like_fallback(db: Database, query: str = "路灯 医保", runs: int = 10) -> tuple[int, float]:
    """Worst case of the LIKE path: common short terms that never occur together (full scan)."""
    import storage.minutes.search as module
    saved, module.MAX_EXPANSION = module.MAX_EXPANSION, 0
    try:
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            hits = search(db, query, limit=50)
            timings.append((time.perf_counter() - start) * 1000)
    finally:
        module.MAX_EXPANSION = saved
    return len(hits), statistics.median(timings)


def measure_list_filter(db: Database, query: str = "低保户", runs: int = 10,
                        limit: int | None = None) -> tuple[int, float]:
    """The meeting list's text filter: the matching ids, then the meetings with their counts (all, or the first
    `limit`: what the screen's list model fetches before the clerk scrolls)."""
    from models.core.accounts import COMMAND_LINE_ACTOR
    from storage.core.backend import build_stores
    store = build_stores(db, COMMAND_LINE_ACTOR).meetings
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        found = store.list_meetings(text=query, limit=limit)
        timings.append((time.perf_counter() - start) * 1000)
    return len(found), statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meetings", type=int, default=40000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "minutes-bench.sqlite3"
    db = Database(path)
    migrations.apply(db)
    if not db.conn.execute("SELECT COUNT(*) FROM meetings").fetchone()[0]:
        start = time.perf_counter()
        generate(db, args.meetings)
        print(f"generated {args.meetings} meetings in {time.perf_counter() - start:.1f} s")
    documents = db.conn.execute("SELECT COUNT(*) FROM search_documents").fetchone()[0]
    print(f"{documents} searchable records, database {path.stat().st_size / 1e6:.0f} MB")
    print("| query | hits (first 50) | median ms | worst ms |\n|---|---|---|---|")
    for query, hits, median, worst in measure(db):
        print(f"| {query} | {hits} | {median:.2f} | {worst:.2f} |")
    hits, median = measure_like_fallback(db)
    print(f"LIKE fallback worst case (路灯 医保, forced): {hits} hits, median {median:.1f} ms")
    rows, median = measure_list_filter(db)
    print(f"meeting list filtered by 低保户: {rows} meetings, median {median:.1f} ms")
    from ui.minutes.table_model import PAGE
    rows, median = measure_list_filter(db, limit=PAGE)
    print(f"first page of that list ({PAGE} rows, what the screen loads): median {median:.1f} ms")


if __name__ == "__main__":
    main()
