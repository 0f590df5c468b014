"""`print list-notice-letter` (R28 告知书): reason, rule, right to object, deadline, marked internal; refused before
the entry reaches publicity; `print verify` on a board code whose entries expired."""
from __future__ import annotations

from pathlib import Path

from storage.core.db import Database
from tests.helpers import run_cli, run_json
from tests.list_fixtures import seed_registry
from tests.printing import pdfcheck


def test_notice_letter_of_an_entry_in_publicity(village_db: Database, tmp_path: Path) -> None:
    from models.lists.entries import ListKind
    from models.lists.workflow import Nomination
    from tests.list_fixtures import APPROVER, CLERK, SUPERVISOR, store
    from tests.printing.test_board_pdf import DAY

    assert village_db.path is not None
    path = village_db.path
    seed_registry(village_db)
    entry = store(village_db, CLERK).nominate(Nomination(ListKind.YELLOW, "2025-03", "3月2日在村道旁堆放建筑垃圾未清理",
                                                         "网格员龙德军"), "12", "第12条", on=DAY)
    out = tmp_path / "告知书.pdf"
    code, _, err = run_cli(["--db", str(path), "print", "list-notice-letter", "--entry", entry.id, "--out", str(out)])
    assert code == 2 and "不能打印告知书" in err and not out.exists()
    store(village_db, APPROVER).advance(entry.id, "评议同意", on=DAY)
    store(village_db, SUPERVISOR).advance(entry.id, "审核同意", on=DAY)
    store(village_db, APPROVER).advance(entry.id, "书面告知", on=DAY)
    code, data = run_json(path, "print", "list-notice-letter", "--entry", entry.id, "--out", str(out))
    assert code == 0
    data_bytes = out.read_bytes()
    pdfcheck.assert_in_order(data_bytes, [
        "黄榜拟上榜告知书", "三组杨老三户（户号12）：", "拟列入2025年3月黄榜：3月2日在村道旁堆放建筑垃圾未清理",
        "依据：村规民约第十二条（房前屋后不乱堆乱放）", "有权在2025年3月9日前（公示期共7天，自2025年3月3日起）", "向村务监督委员会提出", "日内答复",
        "整改到位的，经核实即行撤榜", "特此告知", "村民委员会", "签收人"])
    for page in pdfcheck.reader(data_bytes).pages:  # a letter to one household: internal (R30)
        assert "".join(page.extract_text().split()).count("内部资料请勿张贴") == 2
    code, found = run_json(path, "print", "verify", data["fingerprint"])
    assert code == 0 and found["document"] == "黄榜拟上榜告知书" and found["status"] == "current"


def test_verify_a_board_code_current_then_expired(village_db: Database, tmp_path: Path) -> None:
    from models.lists.entries import ListKind, WithdrawReason
    from tests.list_fixtures import APPROVER, CLERK, store
    from tests.printing.test_board_pdf import publish

    assert village_db.path is not None
    seed_registry(village_db)
    publish(village_db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    code, data = run_json(village_db.path, "print", "board", "--period", "2025-03", "--date", "2025-03-12",
                          "--out", str(tmp_path / "board.pdf"))
    assert code == 0
    code, found = run_json(village_db.path, "print", "verify", data["fingerprint"])
    assert code == 0 and found["status"] == "current" and found["version"] == "2025-03"
    red = store(village_db, CLERK).entries("2025-03")[0]
    store(village_db, APPROVER).withdraw(red.id, WithdrawReason.PERIOD_ENDED, "本月期满")
    assert run_json(village_db.path, "print", "verify", data["fingerprint"])[1]["status"] == "expired"
