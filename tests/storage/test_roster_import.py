"""Roster import/export: encodings, synonym headers, rejects, idempotence, corrections and round trips."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from models.core.accounts import Actor
from models.core.changes import Entity
from models.core.errors import DomainError
from storage.core.db import Database
from storage.core.backend import SqliteStores, build_stores
from tests.registry_fixtures import SAMPLE, sample_rows, write_csv


@pytest.fixture
def store(village_db: Database, admin: Actor) -> SqliteStores:
    return build_stores(village_db, admin)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_encodings(store: SqliteStores, tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "roster.csv", sample_rows(), encoding)
    summary = store.roster.import_roster(path)
    assert (summary.households, summary.people, summary.created, summary.rejected) == (40, 139, 139, [])
    assert store.registry.search("李兰建")[0].household_no == "0001"


def test_xlsx_with_title_row_and_numbers_as_cells(store: SqliteStores, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["青石村村民花名册"])
    for row in sample_rows()[:4]:
        sheet.append(row)
    sheet.append(["0099", "第2组", "杨新", "户主", "男", 522631198001010012, "", "侗族", "", "群众"])
    book.save(tmp_path / "roster.xlsx")
    summary = store.roster.import_roster(tmp_path / "roster.xlsx")
    assert (summary.people, summary.created) == (3, 3)
    assert [(r.row, r.column) for r in summary.rejected] == [(6, "身份证号")]


def test_synonym_headers_in_another_order(store: SqliteStores, tmp_path: Path) -> None:
    rows = sample_rows()
    order = [2, 0, 1, 5, 3, 4, 6, 7, 8, 9]
    headers = ["村民姓名", "户编号", "村民小组", "公民身份号码", "户主关系", "性别", "出生年月日", "民族", "手机号码", "政治面貌"]
    path = write_csv(tmp_path / "r.csv", [headers] + [[r[i] for i in order] for r in rows[1:]])
    assert store.roster.import_roster(path).created == 139


def test_missing_required_column_refuses_the_file(store: SqliteStores, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [[c for i, c in enumerate(r) if i != 1] for r in sample_rows()])
    with pytest.raises(DomainError, match="组别"):
        store.roster.import_roster(path)


def test_bad_rows_are_reported_and_good_rows_imported(store: SqliteStores, tmp_path: Path) -> None:
    rows = sample_rows()
    rows[2][5] = rows[2][5][:17] + ("1" if rows[2][5][17] != "1" else "2")   # check digit (row 3)
    rows[4][4] = "女"                                                          # gender vs ID (row 5)
    rows[7][6] = "2001-01-01"                                                  # birth date vs ID (row 8)
    path = write_csv(tmp_path / "r.csv", rows)
    summary = store.roster.import_roster(path)
    assert [(r.row, r.column) for r in summary.rejected] == [(3, "身份证号"), (5, "性别"), (8, "出生日期")]
    assert summary.people == 136 and summary.created == 136
    target = tmp_path / "rejects.csv"
    assert store.roster.write_rejects(path, summary.rejected, target) == 3
    back = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert back[0][-1].startswith("问题") and back[1][2] == rows[2][2] and "校验位" in back[1][-1]
    fixed = [r[:-1] for r in back]
    fixed[1][5], fixed[2][4], fixed[3][6] = sample_rows()[2][5], sample_rows()[4][4], sample_rows()[7][6]
    again = store.roster.import_roster(write_csv(tmp_path / "fixed.csv", fixed))
    assert (again.created, again.rejected) == (3, [])


def test_reimport_is_idempotent_and_writes_nothing(village_db: Database, store: SqliteStores) -> None:
    first = store.roster.import_roster(SAMPLE)
    people = {uid for (uid,) in village_db.conn.execute("SELECT id FROM villagers")}
    groups = {uid for (uid,) in village_db.conn.execute("SELECT id FROM village_groups")}
    assert first.changed.ids_of(Entity.VILLAGER) == people and first.changed.ids_of(Entity.VILLAGE_GROUP) == groups
    assert len(first.changed.ids_of(Entity.HOUSEHOLD)) == first.new_households > 0
    logged = village_db.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    summary = store.roster.import_roster(SAMPLE)
    assert (summary.created, summary.updated, summary.new_households) == (0, 0, 0)
    assert summary.changed.concerns(Entity.VILLAGER) and not summary.changed.ids_of(Entity.VILLAGER)
    assert village_db.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0] == logged
    assert village_db.conn.execute("SELECT COUNT(*) FROM villagers").fetchone()[0] == 139


def test_corrected_file_updates_by_id_and_by_household_and_name(store: SqliteStores, tmp_path: Path) -> None:
    rows = sample_rows()
    rows[2][5], rows[2][6], rows[2][4] = "", "", ""   # 黄秀珍 first imported without an ID number
    store.roster.import_roster(write_csv(tmp_path / "first.csv", rows))
    corrected = sample_rows()
    corrected[1][8] = "13900000000"                    # 李兰建's phone, matched by ID number
    corrected[4][1] = "第3组"                           # household 0002 moves (rows 5 and 6)
    corrected[5][1] = "第3组"
    summary = store.roster.import_roster(write_csv(tmp_path / "second.csv", corrected))
    assert (summary.created, summary.updated, summary.changed_households) == (0, 4, 1)
    assert [c.describe() for c in summary.changes] == [
        "第 2 行 户号 0001 李兰建：联系电话", "第 3 行 户号 0001 黄秀珍：性别、身份证号、出生日期",
        "第 5 行 户号 0002 " + corrected[4][2] + "：组别", "第 6 行 户号 0002 " + corrected[5][2] + "：组别"]
    [hit] = store.registry.search("黄秀珍")
    assert store.villagers.get_villager(hit.villager_id or "").id_number == sample_rows()[2][5]
    assert store.registry.search("13900000000")[0].household_no == "0001"


def test_export_import_round_trip_csv_is_byte_identical(store: SqliteStores, tmp_path: Path) -> None:
    store.roster.import_roster(SAMPLE)
    assert store.roster.export_roster(tmp_path / "out.csv") == 139
    assert (tmp_path / "out.csv").read_bytes() == SAMPLE.read_bytes()


def test_export_import_round_trip_xlsx(village_db: Database, store: SqliteStores, tmp_path: Path) -> None:
    store.roster.import_roster(SAMPLE)
    store.roster.export_roster(tmp_path / "out.xlsx")
    summary = store.roster.import_roster(tmp_path / "out.xlsx")
    assert (summary.people, summary.created, summary.updated, summary.rejected) == (139, 0, 0, [])
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    assert sheet["A2"].value == "0001" and sheet["F2"].value == "522631197501030033"


def test_preview_writes_nothing(village_db: Database, store: SqliteStores) -> None:
    preview = store.roster.preview_roster(SAMPLE, rows=5)
    assert len(preview.first_rows) == 5 and preview.total_rows == 139 and preview.households == 40
    assert preview.detected["身份证号"] == "身份证号" and preview.rejected == []
    assert village_db.conn.execute("SELECT COUNT(*) FROM villagers").fetchone()[0] == 0


def test_import_is_one_audit_entry_with_a_summary(village_db: Database, store: SqliteStores) -> None:
    store.roster.import_roster(SAMPLE)
    [(summary,)] = village_db.conn.execute("SELECT summary FROM audit_log WHERE action = 'import'").fetchall()
    assert "139 人" in summary and "522631" not in summary
    assert village_db.conn.execute(
        "SELECT COUNT(*) FROM change_log WHERE table_name = 'villagers'").fetchone()[0] == 139


def test_unknown_format_and_old_excel_are_refused(store: SqliteStores, tmp_path: Path) -> None:
    (tmp_path / "r.xls").write_bytes(b"\xd0\xcf")
    with pytest.raises(DomainError, match="xlsx"):
        store.roster.import_roster(tmp_path / "r.xls")
    with pytest.raises(DomainError, match="表头"):
        store.roster.import_roster(write_csv(tmp_path / "r.csv", [["a", "b"], ["1", "2"]]))


def test_moving_a_head_to_another_household(store: SqliteStores, tmp_path: Path) -> None:
    store.roster.import_roster(SAMPLE)
    rows = sample_rows()
    rows[1][0], rows[1][3] = "0002", "父亲"   # 李兰建 moves into household 0002
    summary = store.roster.import_roster(write_csv(tmp_path / "moved.csv", rows))
    assert (summary.created, summary.updated) == (0, 1)
    old = next(s for s in store.households.list_households() if s.household.household_no == "0001")
    assert old.household.head_id is None and old.head_name == ""
    assert [v.name for v in store.villagers.members(next(s.household.id for s in store.households.list_households()
                                                if s.household.household_no == "0002"))][-1] == "李兰建"


def test_import_logs_every_row_as_the_triggers_would(village_db: Database, store: SqliteStores,
                                                     tmp_path: Path) -> None:
    """The import logs its rows in bulk with the triggers quiet: same rows, same JSON, in write order."""
    from storage.core.checks import run_checks

    rows = sample_rows()
    store.roster.import_roster(write_csv(tmp_path / "first.csv", rows))
    rows[1][8], rows[4][1], rows[5][1] = "13900000000", "第3组", "第3组"  # two updates and a household move
    store.roster.import_roster(write_csv(tmp_path / "second.csv", rows))
    conn = village_db.conn
    assert conn.execute("SELECT count(*) FROM sync_applying").fetchone()[0] == 0
    assert run_checks(village_db) == []
    logged = conn.execute("SELECT table_name, count(*) FROM change_log WHERE table_name IN "
                          "('village_groups', 'households', 'villagers') GROUP BY table_name").fetchall()
    assert dict(logged) == {"village_groups": 4, "households": 40 + 1, "villagers": 139 + 1}  # + 0002, 李兰建
    bulk = conn.execute("SELECT row_id, row_json FROM change_log WHERE table_name = 'villagers' "
                        "ORDER BY seq DESC LIMIT 1").fetchone()
    with village_db.atomic():
        village_db.execute("UPDATE villagers SET phone = phone WHERE id = ?", [bulk[0]])  # logged by the trigger
    by_trigger = conn.execute("SELECT row_json FROM change_log ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert by_trigger == bulk[1]
    order = [t for (t,) in conn.execute("SELECT table_name FROM change_log WHERE table_name IN "
                                        "('village_groups', 'households', 'villagers') ORDER BY seq")]
    assert order[:4 + 40 + 139] == ["village_groups"] * 4 + ["households"] * 40 + ["villagers"] * 139
