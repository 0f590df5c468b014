"""The disclosures and stars demo on the demo village: a year of postings with one late and one missing, a month
of finance lines that add up, a year of stars by a finalised meeting with one withdrawn; each added once."""
from __future__ import annotations

import random
from datetime import date

from models.core.accounts import COMMAND_LINE_ACTOR
from models.disclosures.calendar import Status
from storage.core.backend import build_stores
from storage.core.db import Database
from storage.demo import DemoOptions, b20_registry, b30_rules, b40_minutes
from storage.demo import b64_disclosures, b66_stars

TODAY = date(2026, 11, 23)


def test_a_year_of_disclosures_and_stars(village_db: Database) -> None:
    options = DemoOptions(households=60)
    for builder in (b20_registry, b30_rules, b40_minutes):
        builder.build(village_db, random.Random(1), options)
    b64_disclosures.build(village_db, random.Random(1), options, TODAY)
    b66_stars.build(village_db, random.Random(1), options, TODAY)
    stores = build_stores(village_db, COMMAND_LINE_ACTOR)
    statuses = [s for _, s in stores.disclosures.due(TODAY)]  # what the calendar and the home screen show
    assert statuses.count(Status.LATE) == 1 and statuses.count(Status.OVERDUE) == 1
    assert statuses.count(Status.DONE) >= 20
    events = {(o.subject, s) for o, s in stores.disclosures.due(TODAY) if o.category == "时间较长的建设项目"}
    assert events == {("青石村村道硬化项目（决策）", Status.DONE), ("青石村村道硬化项目（进展）", Status.DUE)}
    both_years = [s for y in (2025, 2026) for _, s in stores.disclosures.due(TODAY, y)]  # the township's --years 2
    assert both_years.count(Status.OVERDUE) == 1 and both_years.count(Status.LATE) == 1
    sheet = stores.finance_sheets.sheet("2026-10")
    assert len(sheet.lines) == 12 and sheet.income > 0 and sheet.expense > 0
    awards = stores.star_awards.awards()
    assert options.counts["star_awards"] == len(awards) >= 20
    assert sum(1 for a in awards if not a.in_force) == 1 and stores.star_lists.star_list() is not None
    b64_disclosures.build(village_db, random.Random(1), options, TODAY)
    b66_stars.build(village_db, random.Random(1), options, TODAY)
    assert options.counts["disclosures"] == 0 and options.counts["star_awards"] == 0


def test_the_demo_postings_are_signed_off_by_the_supervision_committee(village_db: Database) -> None:
    options = DemoOptions(households=20)
    for builder in (b20_registry, b30_rules, b40_minutes):
        builder.build(village_db, random.Random(1), options)
    b64_disclosures.build(village_db, random.Random(1), options, TODAY)
    posted = build_stores(village_db, COMMAND_LINE_ACTOR).publications.publications()
    signed = [p for p in posted if p.signed_off_by]
    assert signed and all(p.signed_off_by == "石秀英" and p.signed_off_on >= p.start for p in signed)
