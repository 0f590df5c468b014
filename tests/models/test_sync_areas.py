"""A bundle's summary counts changes per area, not per table."""
from __future__ import annotations

from models.sync.bundles import area_of, area_summary


def test_tables_fall_into_their_areas() -> None:
    assert [area_of(t) for t in ("households", "villagers", "rule_articles", "meeting_attendees", "agenda_items",
                                 "workflow_filings", "list_entries", "township_reviews", "notes")] == \
        ["户籍", "户籍", "村规民约", "会议记录", "会议记录", "九步工作法", "红黑榜", "乡镇审查与备案", "其他"]


def test_summary_adds_tables_of_one_area_in_fixed_order() -> None:
    assert area_summary({"meetings": 2, "villagers": 30, "households": 10, "agenda_items": 5}) == \
        "户籍 40 条，会议记录 7 条"
    assert area_summary({}) == ""
