"""兑换凭证 — the receipt slip of one redemption at the love supermarket, numbered, with who handed it over (R39)."""
from __future__ import annotations

from collections.abc import Callable

from models.core.notices import chinese_date
from models.points.goods import Redemption
from models.points.print_sources import ReceiptSource
from printing.core.catalogue import PrintJob
from printing.core.layout import table_page
from printing.core.tables import TableDocument, render_table_pdf, table_fingerprint


def receipt_document(village: str, redemption: Redemption, balance: int, rule: str = "") -> TableDocument:
    """`balance`: what the household may still spend when the slip is printed (as `points redeem` reports it);
    `rule`: the expiry rule it follows (R39)."""
    rows = (("凭证编号", redemption.number), ("户号", redemption.household_no),
            ("户主", redemption.head_name or "—"), ("兑换商品", redemption.goods_name),
            ("数量", str(redemption.quantity)), ("单价（积分）", str(redemption.price)),
            ("扣减积分", str(redemption.points)), ("兑换日期", chinese_date(redemption.on)),
            ("经办人", redemption.clerk_name), ("打印时可兑换积分", f"{balance} 分"))
    after = ((("本次兑换已冲正，积分和商品已退回。",) if redemption.reversed else ()) + ((rule,) if rule else ())
             + ("领取人签字：", "经办人签字："))
    return TableDocument(f"{village}爱心超市兑换凭证", ("项目", "内容"), rows, (1, 2), (), after, "兑换凭证",
                         redemption.number, min_row_height=20)


def render_receipt_pdf(document: TableDocument, progress: Callable[[int], None] | None = None) -> bytes:
    return render_table_pdf(document, table_page("A4", landscape=False), progress=progress)


def receipt_job(source: ReceiptSource) -> PrintJob:
    """The receipt of one redemption."""
    document = receipt_document(source.village, source.redemption, source.balance, source.rule)
    return PrintJob(document.title, table_fingerprint(document), lambda progress: render_receipt_pdf(document, progress))
