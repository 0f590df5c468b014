"""Sample documents shared by the printing benchmarks and the PNG samples in docs/print-samples/."""
from __future__ import annotations

from datetime import date

from models.core.notices import Notice, NoticeKind, paragraphs_from_text, publicity_period
from printing.core.tables import TableDocument

NOTICE_BODY = """根据《中华人民共和国村民委员会组织法》和《青石村村规民约》的有关规定，经2025年3月6日村民代表会议研究，现将青石村2025年度农村最低生活保障对象初审名单公示如下：
一、公示对象
（一）第一村民小组：王堌、李垕（户主）。
（二）第二村民小组：张䶮、吉𠮷。
1. 以上人员经本人申请、入户调查、民主评议产生，评议结果已经村“两委”联席会议审核。
二、异议渠道
公示期间，如对公示对象有异议，请以真实姓名向村务监督委员会或德化乡人民政府反映（电话：0855-1234567，地址：青石村村委会办公室）。单位反映的应加盖公章，反映问题应当实事求是。"""
NAMES = ("王堌", "李垕", "张䶮", "吉𠮷", "赵德明", "钱秀英", "孙家旺", "周桂兰")


def sample_notice() -> Notice:
    return Notice(NoticeKind.PUBLICITY, "关于青石村2025年度农村最低生活保障对象初审名单的公示",
                  paragraphs_from_text(NOTICE_BODY), "青石村村民委员会", date(2025, 3, 7),
                  publicity_period(date(2025, 3, 7)), version="3")


def sample_table(households: int = 120) -> TableDocument:
    rows = tuple((f"{n:04d}", f"第{(n - 1) // 40 + 1}村民小组", NAMES[n % len(NAMES)], "", "")
                 for n in range(1, households + 1))
    return TableDocument("青石村村规民约表决签字表（示例）", ("户号", "村民小组", "户主", "签字", "手印"), rows,
                         (1.2, 2, 2, 3, 1.5), before=("请户主本人签字，并在手印栏按手印。",),
                         after=("村民小组长（签字）：            日期：",), min_row_height=28)
