"""Roster files on disk: reading CSV (UTF-8 with or without BOM, GBK) and XLSX, and writing the export."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.core.errors import DomainError
from models.registry.roster import COLUMNS, map_headers
from storage.core.db import Database

HEADER_SEARCH_ROWS = 10  # a title line such as “青石村花名册” may sit above the header


@dataclass(frozen=True)
class SheetData:
    """The cells of a roster file: its header row and the data rows with their spreadsheet row numbers."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]]


def read_sheet(path: Path) -> SheetData:
    """Read a CSV or XLSX roster; raise DomainError with advice if it cannot be read."""
    if not path.exists():
        raise DomainError(f"找不到文件“{path}”。请检查路径。")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        table = list(csv.reader(io.StringIO(decode_text(path.read_bytes()), newline="")))
    elif suffix == ".xls":
        raise DomainError("不支持旧版 .xls 文件。请在 Excel 或 WPS 中“另存为”.xlsx 或 CSV 后再导入。")
    else:
        raise DomainError(f"不认识“{path.suffix}”格式。请导入 .csv 或 .xlsx 文件。")
    return _find_header(table)


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM or not) first; otherwise GB18030, a superset of the GBK that Excel writes on Chinese Windows."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise DomainError("文件编码无法识别（既不是 UTF-8 也不是 GBK）。请用 Excel 另存为“CSV UTF-8”后再导入。") from error


def _read_xlsx(path: Path) -> list[list[Any]]:
    import openpyxl
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise DomainError(f"无法打开 Excel 文件“{path.name}”：文件可能已损坏或不是 .xlsx 格式。") from error
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def _find_header(table: list[list[Any]]) -> SheetData:
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        found, _ = map_headers([_text(c) for c in row])
        if len(found) >= 3:
            rows = [(number, cells) for number, cells in enumerate(table[index + 1:], start=index + 2)
                    if any(_text(c) for c in cells)]
            return SheetData([_text(c) for c in row], rows)
    raise DomainError("没有找到表头行。花名册第一行应是列名，如：" + "、".join(h for _, h in COLUMNS) + "。")


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


EXPORT_SQL = """
    SELECT h.household_no, g.name, v.name, v.relation, v.gender, v.id_number, v.birth_date, v.ethnicity,
           v.phone, v.political_status
    FROM villagers v JOIN households h ON h.id = v.household_id JOIN village_groups g ON g.id = h.group_id
    WHERE v.deleted = 0 AND h.deleted = 0 AND v.status = 'active'
    ORDER BY h.household_no, v.position, v.name"""
_GENDER = {"male": "男", "female": "女", None: ""}


def export_rows(db: Database) -> list[list[str]]:
    return [[*row[:4], _GENDER[row[4]], row[5], row[6] or "", *row[7:]] for row in db.conn.execute(EXPORT_SQL)]


def export_roster(db: Database, path: Path) -> int:
    """Write the active villagers in the roster's columns (CSV with BOM for Excel, or XLSX as text cells)."""
    rows = export_rows(db)
    headers = [header for _, header in COLUMNS]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerows([headers, *rows])
        path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    elif suffix == ".xlsx":
        _write_xlsx(path, headers, rows)
    else:
        raise DomainError("导出文件名应以 .csv 或 .xlsx 结尾。")
    return len(rows)


def _write_xlsx(path: Path, headers: list[str], rows: list[list[str]]) -> None:
    from storage.core.sheets import write_sheet
    write_sheet(path, "花名册", headers, rows)  # text cells: 户号 0001 and ID numbers stay as typed


REJECT_HEADER = "问题（改正后可删去此列）"


def write_rejects(source: Path, rejected: list[Any], target: Path) -> int:
    """Write the rejected rows of `source` as they were, plus a column naming each problem, for fixing.

    The extra column is ignored on re-import, so the clerk corrects the cells and imports this file.
    """
    sheet = read_sheet(source)
    reasons: dict[int, list[str]] = {}
    for item in rejected:
        reasons.setdefault(item.row, []).append(f"{item.column}：{item.reason}")
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([*sheet.headers, REJECT_HEADER])
    count = 0
    for number, cells in sheet.rows:
        if number in reasons:
            padded = [_text(c) for c in cells] + [""] * (len(sheet.headers) - len(cells))
            writer.writerow([*padded[:len(sheet.headers)], "；".join(reasons[number])])
            count += 1
    target.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return count
