"""The publication record (R42): period and due day kept, objections answered, withdraw and restore, a photo
through the one attachment store, finance lines replaced by a re-import, the finance frequency setting."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR
from models.core.attachments import AttachmentOwner, OwnerKind
from models.core.changes import Entity
from models.core.errors import DomainError, NotFound
from models.disclosures.catalogue import DisclosureKind, Place
from models.disclosures.finance import FinanceLine, FinanceSheet
from storage.core.backend import build_stores
from storage.core.db import Database


def test_posting_objection_answer_withdraw_restore(village_db: Database, tmp_path: Path) -> None:
    stores = build_stores(village_db, COMMAND_LINE_ACTOR)
    changed = stores.publications.record(DisclosureKind.VILLAGE, "惠民资金和补贴发放", date(2026, 10, 12),
                                         date(2026, 10, 26), Place.SCREEN, "吴文书")
    assert changed.concerns(Entity.DISCLOSURE)
    posted = stores.publications.publication(changed.id)
    assert (posted.period, posted.due, posted.on_time) == ("2026-Q3", date(2026, 10, 10), False)
    stores.publications.add_objection(posted.id, date(2026, 10, 15), "杨老三", "低保名单里有不符合条件的户")
    (objection,) = stores.publications.objections(posted.id)
    with pytest.raises(DomainError, match="早于收到异议"):
        stores.publications.answer_objection(objection.id, "已核实", date(2026, 10, 14))
    stores.publications.answer_objection(objection.id, "经核实，该户已于九月退出低保", date(2026, 10, 18))
    assert stores.publications.objections(posted.id)[0].answered_on == date(2026, 10, 18)
    photo = tmp_path / "屏幕.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    owner = AttachmentOwner(OwnerKind.DISCLOSURE, posted.id)
    assert stores.attachments.attach(owner, photo).concerns(Entity.DISCLOSURE)
    assert [a.file_name for a in stores.attachments.attachments(owner)] == ["屏幕.png"]
    stores.publications.withdraw(posted.id)
    with pytest.raises(NotFound):
        stores.publications.publication(posted.id)
    stores.publications.restore(posted.id)
    assert stores.publications.publication(posted.id).category == "惠民资金和补贴发放"


def test_a_posting_before_any_period_closed_is_refused(village_db: Database) -> None:
    stores = build_stores(village_db, COMMAND_LINE_ACTOR)
    with pytest.raises(DomainError, match="还没有到期的公开事项"):
        stores.publications.record(DisclosureKind.VILLAGE, "村级重大事项决议（四议两公开）", date(2026, 3, 1),
                                   date(2026, 3, 10), posted_by="吴文书")


def test_quarterly_finance_and_reimport(village_db: Database) -> None:
    stores = build_stores(village_db, COMMAND_LINE_ACTOR)
    assert stores.disclosures.frequent_finance()
    stores.disclosures.set_frequent_finance(False)
    finance = [o for o in stores.disclosures.obligations(2026) if o.category == "财务收支"]
    assert [o.period for o in finance] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    first = FinanceSheet("2026-11", (FinanceLine(date(2026, 11, 3), "转移支付", 100, 0),))
    stores.finance_sheets.import_sheet(first)
    second = FinanceSheet("2026-11", (FinanceLine(date(2026, 11, 3), "转移支付", 100, 0),
                                      FinanceLine(date(2026, 11, 9), "路灯维修", 0, 40)))
    stores.finance_sheets.import_sheet(second)
    kept = stores.finance_sheets.sheet("2026-11").lines
    assert [(line.summary, line.income, line.expense) for line in kept] == [("转移支付", 100, 0), ("路灯维修", 0, 40)]
    assert stores.finance_sheets.months() == ["2026-11"]


def test_finance_files_that_are_not_a_month_of_accounts_are_refused(village_db: Database, tmp_path: Path) -> None:
    finance = build_stores(village_db, COMMAND_LINE_ACTOR).finance_sheets
    fake = tmp_path / "收支.xlsx"
    fake.write_bytes(b"not a zip at all")
    with pytest.raises(DomainError, match="收支.xlsx"):
        finance.import_file(fake, "2026-11")
    wide = tmp_path / "收支.csv"
    wide.write_text(("," * 1000 + "\n") * 250, encoding="utf-8")
    with pytest.raises(DomainError, match="单元格超过"):
        finance.import_file(wide, "2026-11")
    with pytest.raises(DomainError, match="只能导入"):
        finance.import_file(tmp_path / "收支.txt", "2026-11")
    assert finance.months() == []


def test_the_supervision_committee_signs_a_posting_off_once(village_db: Database) -> None:
    """R42: a supervisor (监委会) signs each posting off after it is up; a clerk cannot, nor twice, nor before."""
    from models.core.accounts import Actor, Role
    from models.core.errors import PermissionDenied

    clerk = build_stores(village_db, Actor("c1", "吴文书", Role.CLERK))
    posted_id = clerk.publications.record(DisclosureKind.FINANCE, "财务收支", date(2026, 11, 5), date(2026, 11, 20),
                                          Place.BOARD, "吴文书").id
    with pytest.raises(PermissionDenied):
        clerk.publications.sign_off(posted_id, date(2026, 11, 6))
    supervisor = build_stores(village_db, Actor("s1", "龙监督", Role.SUPERVISOR))
    with pytest.raises(DomainError, match="早于张贴日期"):
        supervisor.publications.sign_off(posted_id, date(2026, 11, 4))
    assert supervisor.publications.sign_off(posted_id, date(2026, 11, 6)).concerns(Entity.DISCLOSURE)
    posted = clerk.publications.publication(posted_id)
    assert (posted.signed_off_by, posted.signed_off_on) == ("龙监督", date(2026, 11, 6))
    with pytest.raises(DomainError, match="不必再签"):
        supervisor.publications.sign_off(posted_id, date(2026, 11, 7))
    (line,) = village_db.conn.execute("SELECT actor_name, action FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert tuple(line) == ("龙监督", "sign_off")
    admin = build_stores(village_db, Actor("a1", "村管理员", Role.ADMIN))  # holds every permission, not the committee
    other = clerk.publications.record(DisclosureKind.FINANCE, "财务收支", date(2026, 12, 5), date(2026, 12, 20),
                                      Place.BOARD, "吴文书").id
    with pytest.raises(PermissionDenied, match="监督人账户"):
        admin.publications.sign_off(other, date(2026, 12, 6))


def test_a_county_catalogue_beside_the_database_replaces_the_shipped_one(village_db: Database) -> None:
    assert village_db.path is not None
    (village_db.path.parent / "disclosures_catalogue.json").write_text(
        '{"items": [{"kind": "finance", "category": "村级财务收支", "frequency": "monthly", "days": 5, '
        '"items": ["收入", "支出"]}]}', encoding="utf-8")
    calendar = build_stores(village_db, COMMAND_LINE_ACTOR).disclosures
    assert [(i.category, i.days, i.items) for i in calendar.catalogue()] == [("村级财务收支", 5, ("收入", "支出"))]
    assert {o.category for o in calendar.obligations(2026)} == {"村级财务收支"}
    assert calendar.obligations(2026)[0].due == date(2026, 2, 5)
