"""The board poster: story text, A3 landscape, and no ID or phone number of anyone in the registry (R30)."""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from models.lists.boards import Board, BoardLine
from models.core.errors import DomainError
from models.lists.workflow import Nomination
from models.lists.entries import ListKind, Period
from printing.lists.board_pdf import BoardDocument, render_board_pdf
from storage.core.db import Database
from tests.list_fixtures import APPROVER, CLERK, HOUSEHOLDS, SUPERVISOR, lists, naming, seed_registry, store, written
from tests.printing.pdfcheck import assert_in_order, reader, text_of
from tests.templates import open_copy

DAY = date(2025, 3, 3)
PUBLISHED = DAY + timedelta(9)


def publish(db: Database, kind: ListKind, household: str, article: str, facts: str, override: str = "") -> None:
    clerk = store(db, CLERK)
    entry = written(clerk, clerk.nominate(Nomination(kind, "2025-03", facts, "网格员龙德军"), household, article, on=DAY))
    store(db, APPROVER).advance(entry.id, "评议同意", override, on=DAY)
    store(db, SUPERVISOR).advance(entry.id, "审核同意", on=DAY)
    store(db, APPROVER).advance(entry.id, "书面告知", on=DAY)
    store(db, APPROVER).advance(entry.id, "公示无异议", on=PUBLISHED)


@pytest.fixture(scope="module")
def board_pdf(_village_template: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The board of 2025-03 rendered once for the module's read-only checks (on its own copy of the village)."""
    village_db = open_copy(_village_template, tmp_path_factory.mktemp("board") / "village.sqlite3")
    seed_registry(village_db)
    naming(village_db, CLERK).record_naming_basis("15", "consent", "户主书面同意公开姓名", on=date(2025, 3, 1))
    publish(village_db, ListKind.RED, "15", "第8条", "悉心照顾瘫痪婆婆十年")
    publish(village_db, ListKind.RED, "31", "第8条", "3月带头清理河道垃圾")
    publish(village_db, ListKind.YELLOW, "12", "第12条", "3月2日在村道旁堆放建筑垃圾未清理")
    publish(village_db, ListKind.BLACK, "31", "第12条", "多次在河道倾倒垃圾", override="情节严重，经两委研究")
    board = lists(village_db, CLERK).board("2025-03", on=PUBLISHED)
    return render_board_pdf(BoardDocument("青石村", board, "青石村村民委员会", PUBLISHED))


def test_board_reads_back_in_order(board_pdf: bytes) -> None:
    assert_in_order(board_pdf, ["青石村2025年3月红黄黑榜", "红榜（表扬）", "黄榜（提醒）", "黑榜（曝光）",
                                "三组 吴秀珍", "悉心照顾瘫痪婆婆十年", "依据：村规民约第八条（孝敬老人）"])
    text = text_of(board_pdf)
    assert "五组第31号户" in text and "三组第12号户" in text
    assert "本月五组发现房前屋后不乱堆乱放1起" in text and "多次在河道倾倒垃圾" not in text
    page = reader(board_pdf).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height) > 840  # A3 landscape


def test_no_id_or_phone_number_of_anyone_in_the_registry(board_pdf: bytes) -> None:
    text = text_of(board_pdf)
    for _, _, _, people in HOUSEHOLDS:
        for _, _, birth, id_number, phone, _ in people:
            assert id_number not in text and (not phone or phone not in text)
            assert birth.replace("-", "") not in text
    assert re.search(r"\d{17}[\dX]", text) is None and re.search(r"1[3-9]\d{9}", text) is None
    assert "杨小宝" not in text  # nothing about minors


def test_personal_numbers_refused_at_print_time() -> None:
    line = BoardLine("三组第12号户", "联系电话13908551234", "村规民约第12条", ("e",))
    board = Board(Period.parse("2025-03"), (line,), (), ())
    with pytest.raises(DomainError, match="身份证号或手机号"):
        render_board_pdf(BoardDocument("青石村", board, "青石村村民委员会", PUBLISHED))
