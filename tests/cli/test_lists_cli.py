"""`lists add | advance | show` and `print board`: contract forms, JSON keys, refusals exit 2."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from storage.core.db import Database
from tests.helpers import run_cli, run_json
from tests.list_fixtures import lists, seed_registry, written


def _path(db: Database) -> Path:
    assert db.path is not None
    return db.path


def test_add_advance_show(village_db: Database) -> None:
    seed_registry(village_db)
    path = _path(village_db)
    code, out, err = run_cli(["--db", str(path), "lists", "add", "--household", "12", "--list", "yellow",
                              "--period", "2026-11", "--article", "第12条", "--facts", "11月2日在村道旁堆放建筑垃圾未清理",
                              "--proposer", "网格员龙德军"])
    assert code == 0, err
    entry_id = out.strip()
    assert run_cli(["--db", str(path), "lists", "advance", entry_id, "--note", "评议同意"])[0] == 0
    code, data = run_json(path, "lists", "show", "--period", "2026-11")
    assert code == 0
    assert data == {"entries": [{"id": entry_id, "household": "12", "display_name": "三组第12号户", "list": "yellow",
                                 "state": "assessed", "article": "第十二条", "names_villager": False,
                                 "villager_id": "", "named": False}]}


def test_refusals_exit_2_with_reason(village_db: Database) -> None:
    seed_registry(village_db)
    path = _path(village_db)
    code, _, err = run_cli(["--db", str(path), "lists", "add", "--household", "12", "--list", "yellow",
                            "--period", "2026-11", "--facts", "此人是老赖"])
    assert code == 2 and "侮辱性或贬损性用语" in err
    code, out, _ = run_cli(["--db", str(path), "lists", "add", "--household", "12", "--list", "yellow",
                            "--period", "2026-11", "--facts", "未按约定清理房前杂物"])
    entry_id = out.splitlines()[0]
    assert code == 0 and "必须引用现行村规民约" in out
    code, _, err = run_cli(["--db", str(path), "lists", "advance", entry_id])
    assert code == 2 and "必须引用现行村规民约" in err
    code, out, _ = run_cli(["--db", str(path), "lists", "add", "--household", "12", "--list", "red",
                            "--period", "2026-11", "--article", "8", "--facts", "照顾老人"])
    run_cli(["--db", str(path), "lists", "advance", out.strip()])
    code, _, err = run_cli(["--db", str(path), "lists", "advance", out.strip()])
    assert code == 2 and "不能是提名人本人" in err  # the command line proposed it itself


def test_print_board_without_published_entries_refuses(village_db: Database, tmp_path: Path) -> None:
    seed_registry(village_db)
    code, _, err = run_cli(["--db", str(_path(village_db)), "print", "board", "--period", "2026-11",
                            "--out", str(tmp_path / "board.pdf")])
    assert code == 2 and "没有已发布的条目" in err and not (tmp_path / "board.pdf").exists()


def test_print_board_writes_pdf_and_logs_it(village_db: Database, tmp_path: Path) -> None:
    from tests.printing.test_board_pdf import publish
    from models.lists.entries import ListKind
    from tests.list_fixtures import CLERK

    seed_registry(village_db)
    publish(village_db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    out = tmp_path / "board.pdf"
    code, data = run_json(_path(village_db), "print", "board", "--period", "2025-03", "--date", "2025-03-12",
                          "--out", str(out))
    assert code == 0 and data["pages"] == 1 and out.read_bytes().startswith(b"%PDF-")
    log = lists(village_db, CLERK).board_log.board_log("2025-03")
    assert [(row["action"], row["actor_name"], row["fingerprint"]) for row in log] == \
        [("printed", "命令行", data["fingerprint"])]


def test_print_removal_notice_and_certificate(village_db: Database, tmp_path: Path) -> None:
    from models.lists.entries import ListKind, WithdrawReason
    from tests.list_fixtures import APPROVER, CLERK, store
    from tests.printing.test_board_pdf import publish

    seed_registry(village_db)
    publish(village_db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    publish(village_db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    red, yellow = store(village_db, CLERK).entries("2025-03")
    store(village_db, APPROVER).withdraw(yellow.id, WithdrawReason.RECTIFIED, "已清理")
    code, data = run_json(_path(village_db), "print", "list-removal", "--period", "2025-03", "--out",
                          str(tmp_path / "removal.pdf"))
    assert code == 0 and data["pages"] == 1
    code, data = run_json(_path(village_db), "print", "honour-certificate", "--entry", red.id, "--date", "2025-03-20",
                          "--out", str(tmp_path / "certificate.pdf"))
    assert code == 0 and (tmp_path / "certificate.pdf").read_bytes().startswith(b"%PDF-")
    code, _, err = run_cli(["--db", str(_path(village_db)), "print", "honour-certificate", "--entry", yellow.id,
                            "--out", str(tmp_path / "no.pdf")])
    assert code == 2 and "只发给红榜" in err


def test_print_publicity_notice_of_an_entry_and_of_a_period(village_db: Database, tmp_path: Path) -> None:
    from models.lists.workflow import Nomination
    from models.lists.entries import ListKind
    from tests.list_fixtures import APPROVER, CLERK, SUPERVISOR, store
    from tests.printing.pdfcheck import text_of
    from tests.printing.test_board_pdf import DAY

    seed_registry(village_db)
    clerk = store(village_db, CLERK)
    entry = written(clerk, clerk.nominate(Nomination(ListKind.YELLOW, "2025-03", "3月2日在村道旁堆放建筑垃圾未清理",
                                                     "网格员龙德军"), "12", "第12条", on=DAY))
    code, _, err = run_cli(["--db", str(_path(village_db)), "print", "list-publicity", "--entry", entry.id,
                            "--out", str(tmp_path / "no.pdf")])
    assert code == 2 and "不在公示阶段" in err and not (tmp_path / "no.pdf").exists()
    store(village_db, APPROVER).advance(entry.id, "评议同意", on=DAY)
    store(village_db, SUPERVISOR).advance(entry.id, "审核同意", on=DAY)
    store(village_db, APPROVER).advance(entry.id, "书面告知", on=DAY)
    out = tmp_path / "publicity.pdf"
    code, data = run_json(_path(village_db), "print", "list-publicity", "--entry", entry.id, "--date", "2025-03-03",
                          "--out", str(out))
    assert code == 0 and data["pages"] == 1
    text = text_of(out.read_bytes())
    assert "三组第12号户" in text and "杨老三" not in text and "公示" in text
    code, period_data = run_json(_path(village_db), "print", "list-publicity", "--period", "2025-03", "--date",
                                 "2025-03-03", "--out", str(tmp_path / "period.pdf"))
    assert code == 0 and period_data["fingerprint"] == data["fingerprint"]
    log = lists(village_db, CLERK).board_log.board_log("2025-03")
    assert [(row["action"], row["note"].split()[0]) for row in log] == [("printed", "公示"), ("printed", "公示")]


def test_print_products_take_a_signer_and_a_future_date_ends_nothing(village_db: Database, tmp_path: Path) -> None:
    from models.lists.entries import EntryState, ListKind, WithdrawReason
    from tests.list_fixtures import APPROVER, CLERK, store
    from tests.printing.pdfcheck import text_of
    from tests.printing.test_board_pdf import PUBLISHED, publish

    seed_registry(village_db)
    publish(village_db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    publish(village_db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    red, yellow = store(village_db, CLERK).entries("2025-03")
    store(village_db, APPROVER).withdraw(yellow.id, WithdrawReason.RECTIFIED, "已清理", on=PUBLISHED)
    for product, extra, day in (("honour-certificate", ["--entry", red.id], "2025-03-20"),
                                ("list-removal", ["--period", "2025-03"], "2025-03-21")):
        out = tmp_path / f"{product}.pdf"
        code, _ = run_json(_path(village_db), "print", product, *extra, "--date", day, "--signer", "青石村两委",
                           "--out", str(out))
        text = text_of(out.read_bytes())
        assert code == 0 and "青石村两委" in text and f"2025年3月{day[-2:]}日" in text, product
    future = str(date.today() + timedelta(days=400))
    code, _, err = run_cli(["--db", str(_path(village_db)), "print", "list-removal", "--period", "2025-03", "--date",
                            future, "--out", str(tmp_path / "later.pdf")])
    assert code == 0, err
    code, _, err = run_cli(["--db", str(_path(village_db)), "print", "board", "--period", "2026-12", "--date",
                            future, "--out", str(tmp_path / "no.pdf")])
    assert code == 2
    states = {e.id: (e.state, e.ended_on) for e in store(village_db, CLERK).entries("2025-03")}
    assert states[red.id][1] is None or states[red.id][1] <= date.today()  # never ended on a date still to come
    code, _, err = run_cli(["--db", str(_path(village_db)), "print", "honour-certificate", "--entry", red.id,
                            "--signer", "村委会 13812345678", "--out", str(tmp_path / "phone.pdf")])
    assert code == 2 and "手机号" in err and not (tmp_path / "phone.pdf").exists()
    assert EntryState.WITHDRAWN in {state for state, _ in states.values()}


def test_add_records_when_and_consequence_and_refuses_a_statutory_one(village_db: Database) -> None:
    from tests.list_fixtures import CLERK, store

    seed_registry(village_db)
    path = _path(village_db)
    common = ["--db", str(path), "lists", "add", "--household", "12", "--list", "yellow", "--period", "2026-11",
              "--article", "第12条", "--facts", "11月2日在村道旁堆放建筑垃圾未清理", "--occurred-on", "2026-11-02"]
    code, _, err = run_cli([*common, "--consequence", "取消养老金"])
    assert code == 2 and "法定权益" in err
    code, out, err = run_cli([*common, "--consequence", "本年度不参加评优评先"])
    assert code == 0, err
    entry = store(village_db, CLERK).entry(out.strip())
    assert (entry.occurred_on, entry.consequence) == (date(2026, 11, 2), "本年度不参加评优评先")
