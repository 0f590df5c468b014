"""The opinion register (意见登记) as a table: one row per opinion or objection, read-only."""
from __future__ import annotations

from typing import Callable

from models.workflow.records import Opinion
from ui.widgets.rows_model import ROW_ROLE, RowsTableModel

OPINION_ROLE = ROW_ROLE  # the Opinion itself


def _reply(o: Opinion) -> str:
    if o.reply is None:
        return "未答复"
    return o.reply.disposition.label + (f"：{o.reply.reason}" if o.reply.reason else "")


class OpinionTableModel(RowsTableModel):
    """Fed by the screen (`set_rows`) with the opinions of the open revision."""

    COLUMNS: tuple[tuple[str, Callable[[Opinion], str]], ...] = (
        ("编号", lambda o: o.title),
        ("渠道", lambda o: o.channel.label),
        ("日期", lambda o: o.on.isoformat()),
        ("条款", lambda o: o.article_label or "全文"),
        ("意见内容", lambda o: o.text),
        ("表单号", lambda o: o.form_serial),
        ("答复", _reply),
    )

    def __init__(self) -> None:
        super().__init__(tips=False)
