"""Demo: the star list adopted at the year's first finalised villagers' (representatives') meeting, a year of
stars for a third of the households (three heads agreed to be named), and one star withdrawn with its reason."""
from __future__ import annotations

import random
from datetime import date

from models.core.accounts import Actor, Role
from models.lists.entries import ListKind
from storage.core.backend import build_stores
from storage.core.db import Database
from storage.demo import DemoOptions
from storage.demo.b40_minutes import YEAR

CLERK = Actor("demo-clerk", "吴晓梅", Role.CLERK)


def build(db: Database, rng: random.Random, options: DemoOptions, today: date | None = None) -> None:
    meeting = db.conn.execute(
        "SELECT id, date FROM meetings WHERE deleted = 0 AND status = 'final' AND type_code IN "
        "('villagers_meeting', 'representatives_meeting') AND date >= ? ORDER BY date LIMIT 1",
        (f"{YEAR}-01-01",)).fetchone()  # this year's: not the 2019 rules revision's vote
    numbers = [r[0] for r in db.conn.execute("SELECT household_no FROM households WHERE deleted = 0 "
                                             "ORDER BY household_no")]
    if meeting is None or not numbers or db.conn.execute("SELECT 1 FROM star_lists LIMIT 1").fetchone():
        options.counts["star_awards"] = 0
        return
    stores = build_stores(db, CLERK)
    stars = stores.star_lists.default_stars()
    stores.star_lists.adopt(stars, meeting[0])
    year = date.fromisoformat(meeting[1]).year
    awarded = 0
    chosen = rng.sample(numbers, max(1, len(numbers) // 3))
    for number in chosen[:3]:  # three heads agreed in writing to be named on the board (R31)
        stores.naming_bases.record_naming_basis(number, "consent", "户主书面同意在十星级文明户公示栏公开姓名",
                                                date(year, 1, 10), (ListKind.RED,))
    for number in chosen:
        for star in rng.sample(stars, rng.randint(3, len(stars))):
            stores.star_awards.award(number, star, year, meeting[0])
            awarded += 1
    first = stores.star_awards.awards(year)[0]
    stores.star_awards.withdraw(first.household_no, first.star, "违反村规民约，经村民代表会议认定在河道倾倒垃圾",
                                max(first.awarded_on, (today or date.today()).replace(month=1, day=1)))
    options.counts["star_awards"] = awarded
