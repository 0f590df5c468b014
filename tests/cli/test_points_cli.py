"""The points command line is a contract (issue 21): command names, exit codes and JSON keys."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from models.points.scheme import AdoptionMeeting, adoption_problems
from storage.points.scheme_files import TEMPLATE_FILE
from storage.points.sources import MinutesAdoptionMeetings
from models.lists.entries import Period
from models.points.ledger import EntryDraft
from models.points.sheets import signed
from tests.helpers import run_cli, run_json
from tests.points_fixtures import FUTURE, Village, village  # noqa: F401  (fixture)
from tests.printing.pdfcheck import text_of

DEMO_PASSWORD = "demo1234"


def _usable_meetings(village: Village) -> list[AdoptionMeeting]:
    meetings = village.clerk.meetings
    adoption = MinutesAdoptionMeetings(meetings, village.clerk.meeting_types)
    found = [adoption.adoption_meeting(m.id) for m in meetings.list_meetings()]
    return [m for m in sorted(found, key=lambda m: m.on) if not adoption_problems(m)]


def _adopting_meetings(village: Village) -> list[str]:
    """Ids of final, quorate villagers' (representatives') meetings; `--item` names their first passed item."""
    return [m.id for m in _usable_meetings(village)]


def _item(village: Village, meeting_id: str) -> str:
    found = next(m for m in _usable_meetings(village) if m.id == meeting_id)
    return str(next(i.number for i in found.items if i.passed))


def _import(village: Village, path: Path, meeting_id: str, *more: str) -> tuple[int, Any]:
    return run_json(village.path, "points", "scheme", "import", str(path), "--meeting", meeting_id,
                    "--item", _item(village, meeting_id), *more)


def test_only_a_passed_item_about_the_scheme_adopts_it_r35(village: Village) -> None:
    """A meeting that passed other matters (a 低保 review, a budget) adopts no scheme unless the clerk names the
    item with --item, which must have passed; the demo's scheme came from its meeting's item about 积分."""
    usable = _usable_meetings(village)
    other = next(m for m in usable if not any(i.passed and i.about_points for i in m.items))
    code, _, err = run_cli(["--db", str(village.path), "points", "scheme", "import", str(TEMPLATE_FILE),
                            "--meeting", other.id])
    assert code == 2 and "没有表决通过关于积分细则的议题" in err and "R35" in err and "中央农办" in err
    assert village.clerk.points.scheme.current().version == 1  # type: ignore[union-attr]
    unpassed = next((m, i) for m in usable for i in m.items if not i.passed)
    code, _, err = run_cli(["--db", str(village.path), "points", "scheme", "import", str(TEMPLATE_FILE),
                            "--meeting", unpassed[0].id, "--item", str(unpassed[1].number)])
    assert code == 2 and "没有表决通过" in err and "R35" in err
    adopted = village.clerk.points.scheme.current()
    assert adopted is not None and "积分" in adopted.resolution and adopted.resolution.startswith("第3项")


def test_scheme_import_makes_a_new_version_from_the_meeting_and_show_lists_its_items(village: Village) -> None:
    latest = _adopting_meetings(village)[-1]
    code, out = _import(village, TEMPLATE_FILE, latest)
    assert code == 0, out
    assert set(out) == {"id", "version", "items"} and out["version"] == 2 and out["items"] == 9
    code, shown = run_json(village.path, "points", "scheme", "show")
    assert code == 0 and {"id", "version", "adopted_on", "items"} <= set(shown) and shown["id"] == out["id"]
    assert set(shown["items"][0]) == {"code", "name", "points", "cap", "class"}
    assert {"code": "B11", "name": "房前屋后乱堆乱放，经提醒未清理", "points": -3, "cap": 6,
            "class": "人居环境"} in shown["items"]


def test_scheme_import_refuses_an_unlawful_row_naming_it_and_a_missing_meeting(village: Village,
                                                                                 tmp_path: Path) -> None:
    bad = tmp_path / "细则.md"
    bad.write_text("| 代码 | 类别 | 名称 | 分值 | 每期上限 | 所需依据 | 村规民约条款 |\n|---|---|---|---|---|---|---|\n"
                   "| B01 | 人居环境 | 参加卫生日 | 5 | 10 | 签到表 | |\n"
                   "| X9 | 遵规守约 | 不参加卫生日的取消集体分红 | -20 | | 检查记录 | 第十条 |\n", encoding="utf-8")
    meeting = _adopting_meetings(village)[-1]
    code, _, err = run_cli(["--db", str(village.path), "points", "scheme", "import", str(bad), "--meeting", meeting,
                            "--item", _item(village, meeting)])
    assert code == 2 and "第3行（X9" in err and "分红" in err  # as in Excel: the header is row 1
    code, _, err = run_cli(["--db", str(village.path), "points", "scheme", "import", str(TEMPLATE_FILE)])
    assert code == 2 and "--meeting" in err


@pytest.mark.cli_login
def test_add_confirm_list_balance_and_reverse(village: Village, monkeypatch: pytest.MonkeyPatch) -> None:
    """Logged in as 文书 wenshu (the recorder); 书记 shuji confirms with --user and a password on stdin (R36)."""
    db = village.path
    monkeypatch.setenv("XIANGYUE_USER", "wenshu")
    monkeypatch.setenv("XIANGYUE_PASSWORD", DEMO_PASSWORD)
    code, before = run_json(db, "points", "balance", "--household", "0009")
    assert code == 0 and set(before) == {"household", "confirmed", "pending", "redeemable", "deficit", "expiry"}
    code, added = run_json(db, "points", "add", "--household", "0009", "--item", "E01", "--date", "2027-06-03",
                           "--note", "志愿服务签到表")
    assert code == 0 and added == {"id": added["id"], "confirmed": False}
    code, _, err = run_cli(["--db", str(db), "points", "confirm", added["id"], "--user", "wenshu"], DEMO_PASSWORD + "\n")
    assert code == 2 and "另一位工作人员" in err
    code, _ = run_json(db, "points", "confirm", added["id"], "--user", "shuji", stdin=DEMO_PASSWORD + "\n")
    assert code == 0
    code, after = run_json(db, "points", "balance", "--household", "0009")
    assert after["confirmed"] == before["confirmed"] + 3 and after["pending"] == before["pending"]
    code, reversed_ = run_json(db, "points", "reverse", added["id"], "--reason", "重复录入")
    assert code == 0 and set(reversed_) == {"id"}
    code, listed = run_json(db, "points", "list", "--household", "0009", "--pending")
    assert code == 0 and set(listed["rows"][0]) == {"id", "date", "item", "points", "confirmed", "reverses",
                                                    "rejected", "evidence"}
    assert {"id": reversed_["id"], "date": "2027-06-03", "item": "E01", "points": -3, "confirmed": False,
            "reverses": added["id"], "rejected": False, "evidence": ""} in listed["rows"]


@pytest.mark.cli_login
def test_reject_a_pending_entry_as_a_second_account(village: Village, monkeypatch: pytest.MonkeyPatch) -> None:
    """`points reject ID --reason T` (R36): as another account than the recorder; the rejected entry is listed as
    such and never counts; confirming it, or rejecting a confirmed one, exits 2 saying what to do instead."""
    db = village.path
    monkeypatch.setenv("XIANGYUE_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("XIANGYUE_USER", "wenshu")
    code, before = run_json(db, "points", "balance", "--household", "0010")
    code, added = run_json(db, "points", "add", "--household", "0010", "--item", "E01", "--date", "2027-06-03")
    code, other = run_json(db, "points", "add", "--household", "0010", "--item", "E01", "--date", "2027-06-04")
    code, _, err = run_cli(["--db", str(db), "points", "reject", added["id"], "--reason", "签到表上没有"])
    assert code == 2 and "另一位工作人员退回" in err
    monkeypatch.setenv("XIANGYUE_USER", "shuji")
    code, rejected = run_json(db, "points", "reject", added["id"], "--reason", "签到表上没有")
    assert code == 0 and rejected == {"id": added["id"], "rejected": True}
    code, _, err = run_cli(["--db", str(db), "points", "confirm", added["id"], "--user", "shuji"], DEMO_PASSWORD + "\n")
    assert code == 2 and "已由" in err and "退回" in err and "points add" in err
    code, _ = run_json(db, "points", "confirm", other["id"], "--user", "shuji", stdin=DEMO_PASSWORD + "\n")
    code, _, err = run_cli(["--db", str(db), "points", "reject", other["id"], "--reason", "录错"])
    assert code == 2 and f"points reverse {other['id']}" in err
    code, listed = run_json(db, "points", "list", "--household", "0010")
    row = next(r for r in listed["rows"] if r["id"] == added["id"])
    assert row["rejected"] is True and row["confirmed"] is False
    code, text, _ = run_cli(["--db", str(db), "points", "list", "--household", "0010"])
    assert "已退回（签到表上没有）" in text
    code, after = run_json(db, "points", "balance", "--household", "0010")
    assert (after["confirmed"], after["pending"]) == (before["confirmed"] + 3, before["pending"])


def test_the_acting_member_must_be_a_villager_of_that_household(village: Village) -> None:
    """`points add --villager`: an unknown id, or a villager of another household, is refused (exit 2); a member
    named by id or by name within the household is recorded by id."""
    db, rows = village.path, village.db.conn.execute(
        "SELECT v.id, v.name, h.household_no FROM villagers v JOIN households h ON h.id = v.household_id "
        "WHERE v.deleted = 0 AND h.household_no IN ('0003', '0004') ORDER BY h.household_no, v.position").fetchall()
    own = next(r for r in rows if r[2] == "0003")
    other = next(r for r in rows if r[2] == "0004" and not any(o[1] == r[1] for o in rows if o[2] == "0003"))
    add = ["--db", str(db), "points", "add", "--household", "0003", "--item", "E01", "--date", f"{FUTURE}-03"]
    code, _, err = run_cli([*add, "--villager", "NOSUCH"])
    assert code == 2 and "户籍中没有编号或姓名为“NOSUCH”的村民" in err
    code, _, err = run_cli([*add, "--villager", other[0]])
    assert code == 2 and "不是户号 0003 的成员（属户号 0004）" in err
    assert not [e for e in village.clerk.points.ledger.entries("0003") if e.on.isoformat() == f"{FUTURE}-03"]
    code, by_id = run_json(db, *add[2:], "--villager", own[0])
    code_name, by_name = run_json(db, *add[2:], "--villager", own[1])
    assert code == code_name == 0
    assert {village.clerk.points.ledger.entry(e["id"]).villager_id for e in (by_id, by_name)} == {own[0]}


def test_tally_by_group_and_village(village: Village) -> None:
    code, groups = run_json(village.path, "points", "tally", "--period", "2026-05", "--by", "group")
    assert code == 0 and groups["period"] == "2026-05" and set(groups["rows"][0]) == {"key", "plus", "minus", "total"}
    code, whole = run_json(village.path, "points", "tally", "--period", "2026-05", "--by", "village")
    assert [r["total"] for r in whole["rows"]] == [sum(r["total"] for r in groups["rows"])]


def test_goods_redeem_and_the_receipt_read_back(village: Village, tmp_path: Path) -> None:
    db = village.path
    code, goods = run_json(db, "goods", "add", "香皂", "--price", "5", "--stock", "1")
    assert code == 0 and goods == {"id": goods["id"], "stock": 1}
    code, listed = run_json(db, "goods", "list")
    assert {"id": goods["id"], "name": "香皂", "price": 5, "stock": 1} in listed["rows"]
    tally = village.clerk.points.tally
    number = next(h.household_no for h in tally.households()  # confirmed points not all spendable yet (R37)
                  if tally.balance(h.household_no).redeemable >= 5
                  and tally.balance(h.household_no).confirmed != tally.balance(h.household_no).redeemable)
    code, redeemed = run_json(db, "points", "redeem", "--household", number, "--goods", goods["id"])
    assert code == 0 and set(redeemed) == {"id", "number", "balance", "stock"} and redeemed["stock"] == 0
    _, left = run_json(db, "points", "balance", "--household", number)
    assert redeemed["balance"] == left["redeemable"] != left["confirmed"]  # what is left to spend
    code, _, err = run_cli(["--db", str(db), "points", "redeem", "--household", number, "--goods", goods["id"]])
    assert code == 2 and "库存只有 0 件" in err
    out = tmp_path / "凭证.pdf"
    code, _, err = run_cli(["--db", str(db), "print", "points-receipt", redeemed["id"], "--out", str(out)])
    assert code == 0, err
    text = text_of(out.read_bytes())
    assert "兑换凭证" in text and redeemed["number"] in text and "香皂" in text and f"{redeemed['balance']}分" in text
    assert "积分长期有效" in text.replace(" ", "")  # the expiry rule on the slip (R39)


def test_points_expiry_shown_set_and_on_the_balance_and_receipt(village: Village, tmp_path: Path) -> None:
    """`points expiry [never|year-end]` (R39): never by default; year-end shown as a sentence with every balance."""
    db = village.path
    code, shown = run_json(db, "points", "expiry")
    assert code == 0 and shown["expiry"] == "never" and "长期有效" in shown["rule"]
    code, _, err = run_cli(["--db", str(db), "points", "expiry", "monthly"])
    assert code == 2
    code, text, _ = run_cli(["--db", str(db), "points", "expiry", "year-end"])
    assert code == 0 and "已设置积分有效期：每年清零" in text and "12 月 31 日清零" in text
    code, balance = run_json(db, "points", "balance", "--household", "0003")
    assert code == 0 and balance["expiry"] == "year-end"
    code, text, _ = run_cli(["--db", str(db), "points", "balance", "--household", "0003"])
    assert f"可兑换积分只计{date.today().year} 年的记录" in text and "上一年的扣分也不带入新的一年" in text
    redemption = village.clerk.points.redemptions.redemptions()[0]
    out = tmp_path / "凭证.pdf"
    code, _, err = run_cli(["--db", str(db), "print", "points-receipt", redemption.id, "--out", str(out)])
    assert code == 0, err
    assert "12月31日清零" in text_of(out.read_bytes()).replace(" ", "")
    code, shown = run_json(db, "points", "expiry")
    assert shown["expiry"] == "year-end"


def test_the_period_kind_and_deduction_share_are_set_on_import_and_shown(village: Village, tmp_path: Path) -> None:
    """--period-kind and --deduction-share over the file's 计分周期/扣分占比上限 lines; a later version without them
    keeps the one before's; the export writes them, so it imports back the same."""
    _, first = run_json(village.path, "points", "scheme", "show")
    assert (first["period_kind"], first["deduction_share"]) == ("month", 30) and "积分" in first["resolution"]
    meetings = _adopting_meetings(village)
    code, _ = _import(village, TEMPLATE_FILE, meetings[-2], "--period-kind", "quarter", "--deduction-share", "20%")
    assert code == 0
    _, shown = run_json(village.path, "points", "scheme", "show")
    assert (shown["version"], shown["period_kind"], shown["deduction_share"]) == (2, "quarter", 20)
    out = tmp_path / "细则.md"
    run_json(village.path, "points", "scheme", "export", str(out))
    assert "计分周期：季度" in out.read_text(encoding="utf-8")
    code, _ = _import(village, out, meetings[-1])
    _, again = run_json(village.path, "points", "scheme", "show")
    assert code == 0 and (again["version"], again["period_kind"], again["deduction_share"]) == (3, "quarter", 20)
    code, _, err = run_cli(["--db", str(village.path), "points", "scheme", "import", str(TEMPLATE_FILE), "--meeting",
                            meetings[-1], "--item", _item(village, meetings[-1]), "--deduction-share", "0"])
    assert code == 2 and "扣分占比上限应为 1%–100%" in err


def test_a_redemption_is_reversed_by_its_receipt_number_giving_points_and_stock_back(village: Village) -> None:
    """`points reverse` on a redemption's entry names `points redeem-reverse`, which refunds the points and returns
    the goods to stock (both rows stay; a second reversal is refused)."""
    db = village.path
    _, goods = run_json(db, "goods", "add", "香皂", "--price", "5", "--stock", "1")
    _, before = run_json(db, "points", "balance", "--household", "0002")
    _, redeemed = run_json(db, "points", "redeem", "--household", "0002", "--goods", goods["id"])
    spent = next(r for r in run_json(db, "points", "list", "--household", "0002")[1]["rows"]
                 if r["item"] == "redemption" and r["points"] == -5)
    code, _, err = run_cli(["--db", str(db), "points", "reverse", spent["id"], "--reason", "拿错了"])
    assert code == 2 and f"points redeem-reverse {redeemed['number']}" in err
    code, out = run_json(db, "points", "redeem-reverse", redeemed["number"], "--reason", "拿错了商品")
    assert code == 0 and set(out) == {"id", "redemption", "number", "balance", "stock"}
    assert out["redemption"] == redeemed["id"] and out["stock"] == 1
    _, after = run_json(db, "points", "balance", "--household", "0002")
    assert after["redeemable"] == out["balance"] == before["redeemable"] and after["confirmed"] == before["confirmed"]
    refund = next(r for r in run_json(db, "points", "list", "--household", "0002")[1]["rows"] if r["id"] == out["id"])
    assert refund["points"] == 5 and refund["reverses"] == spent["id"]
    code, _, err = run_cli(["--db", str(db), "points", "redeem-reverse", redeemed["id"], "--reason", "再冲一次"])
    assert code == 2 and "已经冲正" in err


def test_the_board_names_only_households_with_a_recorded_basis(village: Village, tmp_path: Path) -> None:
    points = village.clerk.points
    scored = {s.household_id for s in points.tally.household_sums(Period.parse("2026-05"))}
    already = points.tally.board(Period.parse("2026-05"))  # what the demo's own consents name
    households = [h for h in points.tally.households() if h.id in scored and h.head_name
                  and all(h.head_name not in row.who for row in already.rows)]
    named, unnamed = households[0], households[1]
    village.clerk.naming_bases.record_naming_basis(named.household_no, "consent", "户主书面同意公开姓名，原件存村委会")
    out = tmp_path / "积分榜.pdf"
    code, _, err = run_cli(["--db", str(village.path), "print", "points-board", "--period", "2026-05",
                            "--date", date.today().isoformat(), "--out", str(out)])
    assert code == 0, err
    text = text_of(out.read_bytes())
    assert "2026年5月积分榜" in text and "扣分" in text
    assert f"{named.group_name}{named.head_name}" in text
    assert f"第{unnamed.household_no}号户" in text and unnamed.head_name not in text


def test_the_scheme_prints_for_the_board_with_the_supermarket_prices(village: Village, tmp_path: Path) -> None:
    out = tmp_path / "细则.pdf"
    code, _, err = run_cli(["--db", str(village.path), "print", "points-scheme", "--out", str(out)])
    assert code == 0, err
    text = text_of(out.read_bytes())
    assert "积分细则" in text and "第1版" in text and "房前屋后乱堆乱放" in text and "第十条" in text
    assert "爱心超市兑换价格" in text and "洗衣液50分" in text


def test_stock_in_out_and_count_through_the_command_line(village: Village) -> None:
    code, goods = run_json(village.path, "goods", "add", "洗洁精", "--price", "30", "--stock", "5")
    assert code == 0
    code, moved = run_json(village.path, "goods", "stock", goods["id"], "--change", "-2", "--reason", "过期报损")
    assert code == 0 and moved == {"id": goods["id"], "stock": 3}
    code, _, err = run_cli(["--db", str(village.path), "goods", "count", goods["id"], "--counted", "1"])
    assert code == 2 and "差异须写明原因" in err
    code, counted = run_json(village.path, "goods", "count", goods["id"], "--counted", "1", "--reason", "盘点少 2 瓶")
    assert code == 0 and counted["stock"] == 1


def test_publish_object_answer_and_the_board_prints_the_window(village: Village, tmp_path: Path) -> None:
    """R37: `points publish`, `points object`, `points answer`, `points publications`; the board prints the window."""
    db = village.path
    village.checker.points.ledger.confirm(village.clerk.points.ledger.add(EntryDraft("0002", "B01", date(2027, 5, 8))).id)
    code, _, err = run_cli(["--db", str(db), "points", "publish", "--period", "2027-06", "--date", "2027-06-20"])
    assert code == 2 and "还没有结束" in err
    code, _, err = run_cli(["--db", str(db), "points", "publish", "--period", "2026-05", "--date", "2026-06-03"])
    assert code == 2 and "早于今天" in err  # dated back, its window would be long past (R37)
    code, published = run_json(db, "points", "publish", "--period", "2027-05", "--date", "2027-06-03", "--days", "7")
    assert code == 0 and published == {"id": published["id"], "period": "2027-05", "closes_on": "2027-06-09"}
    code, _, err = run_cli(["--db", str(db), "points", "object", published["id"], "--by", "李四", "--text", "记少了",
                            "--household", "0002", "--date", "2027-06-10"])
    assert code == 2 and "不在公示期内" in err
    code, raised = run_json(db, "points", "object", published["id"], "--by", "李四", "--text", "卫生日记少了一次",
                            "--household", "0002", "--date", "2027-06-05")
    assert code == 0 and set(raised) == {"id"}
    code, listed = run_json(db, "points", "publications", "--period", "2027-05")
    row = next(r for r in listed["rows"] if r["id"] == published["id"])
    assert row["objections"] == [{"id": raised["id"], "household": "0002", "by": "李四", "text": "卫生日记少了一次",
                                  "answered": False, "upheld": None}] and "待答复" in row["state"]
    code, _ = run_json(db, "points", "answer", raised["id"], "--text", "经核对签到表，确实漏记，已补记。", "--upheld",
                       "--date", "2027-06-06")
    assert code == 0
    out = tmp_path / "积分榜.pdf"
    code, _, err = run_cli(["--db", str(db), "print", "points-board", "--period", "2027-05", "--date", "2027-06-03",
                            "--out", str(out)])
    assert code == 0, err
    assert "公示期：2027年6月3日至2027年6月9日" in text_of(out.read_bytes())


def test_an_entrys_evidence_is_attached_through_the_one_attachment_store(village: Village, tmp_path: Path) -> None:
    db = village.path
    code, added = run_json(db, "points", "add", "--household", "0004", "--item", "B01", "--date", "2027-06-05")
    slip = tmp_path / "签到表.pdf"
    slip.write_bytes(b"%PDF-1.4\n" + b"0" * 50)
    code, attached = run_json(db, "points", "attach", added["id"], "--file", str(slip), "--note", "卫生日签到表")
    assert code == 0 and attached == {"id": attached["id"], "entry": added["id"]}
    text = tmp_path / "说明.txt"
    text.write_text("不是照片", encoding="utf-8")
    code, _, err = run_cli(["--db", str(db), "points", "attach", added["id"], "--file", str(text)])
    assert code == 2 and err


def test_tally_export_is_a_laid_out_sheet_with_the_tally(village: Village, tmp_path: Path) -> None:
    """`points export`, named like `lists export`: the tally as text cells under a frozen header, 户号 kept."""
    import openpyxl

    code, shown = run_json(village.path, "points", "tally", "--period", "2026-05")
    out = tmp_path / "积分.xlsx"
    code, made = run_json(village.path, "points", "export", "--period", "2026-05", "--out", str(out))
    assert code == 0 and made == {"file": str(out), "rows": len(shown["rows"])} and shown["rows"]
    sheet = openpyxl.load_workbook(out).active
    assert sheet.title.startswith("积分汇总") and sheet.freeze_panes == "A2" and sheet.print_title_rows in ("1:1", "$1:$1")
    assert [c.value for c in sheet[1]] == ["户号", "加分", "扣分", "合计"]
    first = shown["rows"][0]
    assert [(c.value, c.data_type) for c in sheet[2]] == [(first["key"], "s"), (str(first["plus"]), "s"),
                                                         (str(-first["minus"]), "s"), (signed(first["total"]), "s")]
    assert signed(-5) == "\u22125" and not any(str(c.value).startswith("'") for row in sheet.iter_rows() for c in row)
    assert first["key"].startswith("0") and sheet.column_dimensions["A"].width >= len(first["key"])
    code, _, err = run_cli(["--db", str(village.path), "points", "export", "--period", "2026-05", "--out",
                            str(tmp_path / "x.csv")])
    assert code == 2 and ".xlsx" in err
