"""SqliteFinanceSheets: the month's finance lines; and reading the accounts' export (.xlsx or .csv) into rows."""
from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from models.core.accounts import Permission
from models.core.changes import Changed, Entity
from models.core.errors import DomainError
from models.disclosures.finance import FinanceLine, FinanceSheet, check_month, parse_sheet, yuan
from storage.core.archive_guard import check_office_file
from storage.core.store_base import SqliteStore
from storage.disclosures.rows import dict_rows


MAX_FILE_BYTES = 4 * 1024 * 1024  # a month of a village's accounts is a few KB
MAX_CELLS = 200_000  # a padded sheet (to column XFD) is refused before it is all in memory


def read_rows(path: Path) -> list[list[object]]:
    """The cells of the file's first sheet (.xlsx) or of the CSV (UTF-8, or GB18030 as Excel saves it); a file too
    large, a damaged or entity-laden .xlsx (checked before openpyxl inflates it) or too many cells are refused."""
    if path.suffix.lower() not in (".xlsx", ".csv"):
        raise DomainError(f"{path.name}：只能导入 .xlsx 或 .csv 文件。")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise DomainError(f"“{path.name}”超过 {MAX_FILE_BYTES // 1024 ** 2} MB，不像一个月的收支明细。未导入任何内容。")
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        check_office_file(path)
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001  (openpyxl raises many kinds for a damaged or mislabelled file)
            raise DomainError(f"无法打开“{path.name}”：文件可能已损坏或不是 .xlsx 格式。") from None
        try:
            return _bounded(book.worksheets[0].iter_rows(values_only=True), path)
        finally:
            book.close()
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return _bounded(csv.reader(raw.decode(encoding).splitlines()), path)
        except UnicodeDecodeError:
            continue
    raise DomainError(f"{path.name} 的编码看不懂。请另存为 UTF-8 的 CSV。")


def _bounded(rows: Iterable[Sequence[object]], path: Path) -> list[list[object]]:
    table: list[list[object]] = []
    cells = 0
    for row in rows:
        cells += len(row)
        if cells > MAX_CELLS:
            raise DomainError(f"“{path.name}”的单元格超过 {MAX_CELLS:,} 个，不像收支明细。请删去多余的行和列。未导入任何内容。")
        table.append(list(row))
    return table


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
