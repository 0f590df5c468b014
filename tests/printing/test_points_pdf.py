"""The points board and the receipt slip, rendered and read back from the PDF."""
from __future__ import annotations

from datetime import date

from models.lists.entries import Period
from models.points.board import build_board
from models.points.goods import Redemption
from models.points.print_sources import BoardSource
from models.points.publication import Publication
from models.points.rollup import HouseholdSums, PointsHousehold
from printing.points.board_pdf import board_document, render_points_board_pdf
from printing.points.receipt_pdf import receipt_document, render_receipt_pdf
from tests.printing.pdfcheck import assert_in_order, text_of

HOUSEHOLDS = [PointsHousehold("h1", "0001", "王建华", "wjh", "第1组"), PointsHousehold("h2", "0002", "李红", "lh", "第2组")]


def _board(deductions: int) -> bytes:
    board = build_board("青石村", Period.parse("2026-03"), [HouseholdSums("h1", 12, -3), HouseholdSums("h2", 8, 0)],
                        HOUSEHOLDS, frozenset({"h2"}), 10, deductions, 30)
    return render_points_board_pdf(board_document(BoardSource(board, "青石村村民委员会", date(2026, 4, 2))))


def test_the_board_prints_ranks_names_only_with_a_basis_and_the_deduction_share() -> None:
    data = _board(3)
    assert_in_order(data, ["青石村2026年3月积分榜", "本期共10条积分记录，其中扣分3条，占30%。", "名次", "1",
                           "第1组第0001号户", "+12", "-3", "9", "2", "第2组李红", "+8", "青石村村民委员会",
                           "2026年4月2日"])
    assert "王建华" not in text_of(data) and "超过设定" not in text_of(data)


def test_the_board_warns_when_deductions_exceed_the_configured_share() -> None:
    assert "本期扣分记录占40%，超过设定的30%" in text_of(_board(4))


def test_the_receipt_slip_carries_its_number_goods_points_and_clerk() -> None:
    redemption = Redemption("r1", "DH2026-0007", "h1", "0001", "g1", "洗衣液", 2, 50, date(2026, 5, 3), "吴晓梅",
                            "e1", "王建华")
    data = render_receipt_pdf(receipt_document("青石村", redemption, 35))
    assert_in_order(data, ["青石村爱心超市兑换凭证", "凭证编号", "DH2026-0007", "户号", "0001", "户主", "王建华",
                           "兑换商品", "洗衣液", "数量", "2", "扣减积分", "100", "2026年5月3日", "经办人", "吴晓梅",
                           "打印时可兑换积分", "35分", "领取人签字"])


def test_the_board_prints_its_publication_window() -> None:
    board = build_board("青石村", Period.parse("2026-03"), [HouseholdSums("h1", 12, 0)], HOUSEHOLDS, frozenset(), 1, 0, 30)
    publication = Publication("p1", Period.parse("2026-03"), date(2026, 4, 2), 7)
    data = render_points_board_pdf(board_document(BoardSource(board, "青石村村民委员会", date(2026, 4, 2), publication)))
    assert_in_order(data, ["公示期：2026年4月2日至2026年4月8日", "公示期满无异议后，本期积分方可兑换"])
