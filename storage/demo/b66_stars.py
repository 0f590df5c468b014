"""Demo: the star list adopted at the year's first finalised villagers' (representatives') meeting, a year of
stars for a third of the households (each applied for by the household, reviewed by its group, decided at that
meeting and publicised for 7 days; three heads agreed to be named), one application the group did not pass, and
one star withdrawn with its reason."""
from __future__ import annotations

import random
from datetime import date, timedelta

from models.core.accounts import Actor, Role
from models.lists.entries import ListKind
from models.stars.evaluation import Route, Verdict
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
    decided_on = date.fromisoformat(meeting[1])
    candidacies = stores.star_awards.candidacies
    for number in chosen:
        for star in rng.sample(stars, rng.randint(3, len(stars))):
            applied = candidacies.propose(number, star, year, Route.APPLIED, on=decided_on - timedelta(days=20))
            candidacies.review(applied.id, Verdict.PASSED, "小组评议通过", decided_on - timedelta(days=10), "组长")
            stores.star_awards.award(number, star, year, meeting[0])
            awarded += 1
    other = next((n for n in numbers if n not in chosen), None)
    if other is not None:  # a nomination the group did not pass: it is never put to the meeting
        rejected = candidacies.propose(other, stars[0], year, Route.NOMINATED, "村民小组长",
                                       decided_on - timedelta(days=20))
        candidacies.review(rejected.id, Verdict.REJECTED, "小组评议认为本年度有邻里纠纷未化解",
                           decided_on - timedelta(days=10))
    stores.star_awards.publicize(year, decided_on + timedelta(days=1))
    first = stores.star_awards.awards(year)[0]
    stores.star_awards.withdraw(first.household_no, first.star, "违反村规民约，经村民代表会议认定在河道倾倒垃圾",
                                max(first.awarded_on, (today or date.today()).replace(month=1, day=1)))
    options.counts["star_awards"] = awarded
