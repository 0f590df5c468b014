"""积分细则 printed for the display board: the adopted version's items by class, with the meeting that adopted it
(R35) and the published point prices of the love supermarket (R39: prices are public)."""
from __future__ import annotations

from collections.abc import Callable

from models.core.notices import chinese_date
from models.points.goods import Goods
from models.points.print_sources import SchemeSource
from models.points.scheme import Scheme
from printing.core.catalogue import PrintJob
from printing.core.layout import table_page
from printing.core.tables import TableDocument, render_table_pdf, table_fingerprint


def scheme_document(village: str, scheme: Scheme, goods: list[Goods]) -> TableDocument:
    rows = tuple((i.code, i.class_name, i.name, f"{i.points:+d}", str(i.cap) if i.cap else "不限",
                  i.evidence, i.clause) for i in scheme.items)
    before = (f"第{scheme.version}版，{chinese_date(scheme.adopted_on)}经会议表决通过，自通过之日起施行；"
              f"每期上限按{scheme.period.label}计算。扣分项目均依据现行村规民约。",)
    prices = "；".join(f"{g.name} {g.price} 分" for g in goods)
    after = (f"爱心超市兑换价格：{prices}。",) if prices else ()
    return TableDocument(f"{village}积分细则", ("代码", "类别", "名称", "分值", "每期上限", "所需依据", "村规民约条款"),
                         rows, (1, 1.4, 4, 1, 1.2, 2, 2.6), before, after, "积分细则", f"v{scheme.version}")


def render_scheme_pdf(document: TableDocument, progress: Callable[[int], None] | None = None) -> bytes:
    return render_table_pdf(document, table_page("A4", landscape=True), progress=progress)


def scheme_job(source: SchemeSource) -> PrintJob:
    """The scheme in force with the goods' prices."""
    document = scheme_document(source.village, source.scheme, list(source.goods))
    return PrintJob(document.title, table_fingerprint(document), lambda progress: render_scheme_pdf(document, progress))
