"""Demo: a year of the three disclosures on the demo village (one posted late, one never), and last month's
finance lines with their 合计 checked, as the accountant's export would give them."""
from __future__ import annotations

import random
from datetime import date, timedelta

from models.core.accounts import Actor, Role
from models.disclosures.calendar import Status
from models.disclosures.finance import FinanceLine, FinanceSheet
from storage.core.backend import build_stores
from storage.core.db import Database
from storage.demo import DemoOptions

CLERK = Actor("demo-clerk", "吴晓梅", Role.CLERK)
INCOME = ("上级转移支付", "村集体林地承包费", "光伏电站收益", "农家乐场地租金")
EXPENSE = ("村道路灯维修", "保洁员工资", "办公用品", "饮水管网维护", "五保户慰问", "村务公开栏更新")


def build(db: Database, rng: random.Random, options: DemoOptions, today: date | None = None) -> None:
    day = today or date.today()
    if db.conn.execute("SELECT 1 FROM disclosure_publications LIMIT 1").fetchone():
        options.counts["disclosures"] = 0
        return
    stores = build_stores(db, CLERK)
    year_ago = day - timedelta(days=365)
    due = [(o, s) for year in (year_ago.year, day.year) for o, s in stores.disclosures.due(day, year)
           if o.opens >= year_ago and s is Status.OVERDUE]
    finance = [o for o, _ in due if o.category == "财务收支"]
    late, missing = (finance[-3], finance[-2]) if len(finance) >= 3 else (None, None)
    posted = 0
    for obligation, _ in due:
        if obligation is missing:
            continue
        start = obligation.due + timedelta(days=6) if obligation is late else \
            obligation.opens + timedelta(days=min(rng.randint(1, 8), (obligation.due - obligation.opens).days))
        stores.publications.record(obligation.kind, obligation.category, start, start + timedelta(days=14),
                                   posted_by=CLERK.name, period=obligation.period)
        posted += 1
    options.counts["disclosures"] = posted
    options.counts["finance_lines"] = _finance(stores, rng, day)


def _finance(stores: object, rng: random.Random, day: date) -> int:
    last = day.replace(day=1) - timedelta(days=1)
    lines = [FinanceLine(last.replace(day=rng.randint(1, last.day)), rng.choice(INCOME), rng.randint(50, 900) * 10000,
                         0) for _ in range(3)]
    lines += [FinanceLine(last.replace(day=rng.randint(1, last.day)), rng.choice(EXPENSE), 0,
                          rng.randint(300, 90000) * 10) for _ in range(9)]
    sheet = FinanceSheet(f"{last.year}-{last.month:02d}", tuple(sorted(lines, key=lambda line: line.on)))
    stores.finance_sheets.import_sheet(sheet)  # type: ignore[attr-defined]
    return len(sheet.lines)


