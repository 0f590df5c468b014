"""SqliteFinanceSheets: the month's finance lines; and reading the accounts' export (.xlsx or .csv) into rows."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.disclosures.finance import FinanceLine, FinanceSheet, check_month, parse_sheet, yuan
from storage.core.store_base import SqliteStore
from storage.disclosures.rows import dict_rows


def read_rows(path: Path) -> list[list[object]]:
    """The cells of the file's first sheet (.xlsx) or of the CSV (UTF-8, or GB18030 as Excel saves it)."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except (OSError, ValueError, KeyError) as error:
            raise DomainError(f"无法读取 {path.name}：{error}。请确认它是 Excel（.xlsx）文件。") from None
        try:
            return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    if path.suffix.lower() != ".csv":
        raise DomainError(f"{path.name}：只能导入 .xlsx 或 .csv 文件。")
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return [list(row) for row in csv.reader(raw.decode(encoding).splitlines())]
        except UnicodeDecodeError:
            continue
    raise DomainError(f"{path.name} 的编码看不懂。请另存为 UTF-8 的 CSV。")


class SqliteFinanceSheets(SqliteStore):
    """Implements models.disclosures.ports.FinanceSheets."""

    def months(self) -> list[str]:
        return [r[0] for r in self._db.conn.execute(
            "SELECT DISTINCT month FROM disclosure_finance_lines WHERE deleted = 0 ORDER BY month DESC")]

    def sheet(self, month: str) -> FinanceSheet:
        check_month(month)
        found = dict_rows(self._db, "SELECT * FROM disclosure_finance_lines WHERE deleted = 0 AND month = ? "
                                    "ORDER BY position", (month,))
        if not found:
            raise DomainError(f"{month} 还没有导入财务收支明细。请先用 finance import 导入。")
        return FinanceSheet(month, tuple(FinanceLine(date.fromisoformat(r["on_date"]), r["summary"], r["income"],
                                                     r["expense"], r["id"]) for r in found))

    def import_file(self, path: Path, month: str) -> Changed:
        return self.import_sheet(parse_sheet(read_rows(path), month))

    def import_sheet(self, sheet: FinanceSheet) -> Changed:
        self._require(Permission.EDIT_RECORDS)
        old = [r[0] for r in self._db.conn.execute(
            "SELECT id FROM disclosure_finance_lines WHERE deleted = 0 AND month = ?", (sheet.month,))]
        with self._db.atomic():
            for line_id in old:
                self._tombstone("disclosure_finance_lines", line_id)
            for position, line in enumerate(sheet.lines):
                self._insert("disclosure_finance_lines", {
                    "month": sheet.month, "on_date": line.on.isoformat(), "summary": line.summary,
                    "income": line.income, "expense": line.expense, "position": position},
                    summary=f"财务公开 {sheet.month}：{line.on} {line.summary}"
                            + (f"，收入 {yuan(line.income)} 元" if line.income else "")
                            + (f"，支出 {yuan(line.expense)} 元" if line.expense else ""))
        return Changed.one(Entity.FINANCE_SHEET, sheet.month)
