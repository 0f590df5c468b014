"""Removal notice and honour certificate: what they say, what they refuse, and valid PDF bytes."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.core.errors import DomainError
from models.lists.honours import honour_certificate, removal_notice
from models.lists.entries import ListKind, Period, WithdrawReason
from printing.lists.board_pdf import intro_text
from printing.lists.certificate_pdf import render_certificate_pdf
from printing.core.notice_pdf import render_notice_pdf
from storage.core.db import Database
from tests.list_fixtures import APPROVER, CLERK, HOUSEHOLDS, naming, seed_registry, store, written
from tests.printing.pdfcheck import text_of
from tests.printing.test_board_pdf import DAY, PUBLISHED, publish


def _entries(db: Database) -> list:
    seed_registry(db)
    publish(db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    publish(db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    return store(db, CLERK).entries("2025-03")


def test_removal_notice_lists_what_came_down(village_db: Database) -> None:
    red, yellow = _entries(village_db)
    with pytest.raises(DomainError, match="没有已发布后撤下的条目"):
        removal_notice("青石村", Period.parse("2025-03"), [red, yellow], [], PUBLISHED)
    store(village_db, APPROVER).withdraw(yellow.id, WithdrawReason.RECTIFIED, "已清理", on=PUBLISHED + timedelta(3))
    entries = store(village_db, CLERK).entries("2025-03")
    notice = removal_notice("青石村", Period.parse("2025-03"), entries, [], PUBLISHED + timedelta(3))
    assert notice.title == "关于2025年3月红黄黑榜撤榜的公告"
    assert "1. 黄榜：三组第12号户，2025年3月15日撤榜（整改到位）。" in notice.paragraphs
    text = text_of(render_notice_pdf(notice))
    assert "三组第12号户" in text and "杨老三" not in text


def test_certificate_names_only_with_consent_and_only_red(village_db: Database) -> None:
    red, yellow = _entries(village_db)
    certificate = honour_certificate("青石村", red, [], PUBLISHED)
    assert certificate.recipient == "三组第15号户" and "列入青石村2025年3月红榜。" in certificate.texts[2]
    naming(village_db, CLERK).record_naming_basis("15", "consent", "户主书面同意", on=date(2025, 3, 1))
    named = honour_certificate("青石村", red, naming(village_db, CLERK).naming_bases(), PUBLISHED)
    assert named.recipient == "三组 吴秀珍"
    with pytest.raises(DomainError, match="只发给红榜"):
        honour_certificate("青石村", yellow, [], PUBLISHED)
    data = render_certificate_pdf(named)
    text = text_of(data)
    assert data.startswith(b"%PDF-") and "荣誉证书" in text and "吴秀珍" in text
    assert "执委会评议" in named.texts[2] and "执委会评议" in intro_text() and "村民委员会评议" not in text
    assert "— 1 —" not in text, "a one-page certificate carries no page number outside its frame"
    for _, _, _, people in HOUSEHOLDS:
        assert all(p[3] not in text and (not p[4] or p[4] not in text) for p in people)


def test_certificate_refused_before_publication(village_db: Database) -> None:
    seed_registry(village_db)
    from models.lists.workflow import Nomination
    clerk = store(village_db, CLERK)
    entry = written(clerk, clerk.nominate(Nomination(ListKind.RED, "2025-03", "照顾老人", "网格员龙德军"), "15", "8", on=DAY))
    with pytest.raises(DomainError, match="尚未发布"):
        honour_certificate("青石村", entry, [], DAY)
