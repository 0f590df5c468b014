"""Roster files on disk: reading CSV (UTF-8 with or without BOM, GBK) and XLSX, and writing the export."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from models.core.errors import DomainError
from models.core.spreadsheet_cells import neutralise, restore
from models.registry.roster import COLUMNS, map_headers
from storage.core.archive_guard import check_office_file
from storage.core.db import Database
from storage.core.files import atomic_write

HEADER_SEARCH_ROWS = 10  # a title line such as “青石村花名册” may sit above the header


@dataclass(frozen=True)
class SheetData:
    """The cells of a roster file: its header row and the data rows with their spreadsheet row numbers."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]]


def read_sheet(path: Path) -> SheetData:
    """Read a CSV or XLSX roster; raise DomainError with advice if it cannot be read."""
    return _find_header(read_cells(path))


def read_cells(path: Path) -> list[list[Any]]:
    """The cells of a CSV (UTF-8 or GBK) or XLSX file's first sheet, bounded and checked as a roster is (a sign-in
    sheet too); DomainError with advice if it cannot be read."""
    if not path.exists():
        raise DomainError(f"找不到文件“{path}”。请检查路径。")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        table = _read_csv(path)
    elif suffix == ".xls":
        raise DomainError("不支持旧版 .xls 文件。请在 Excel 或 WPS 中“另存为”.xlsx 或 CSV 后再导入。")
    else:
        raise DomainError(f"不认识“{path.suffix}”格式。请导入 .csv 或 .xlsx 文件。")
    return table


MAX_CSV_BYTES = 16 * 1024 * 1024  # a county's roster (20,000 people) is 2–3 MB
MAX_CELLS = 500_000  # 20,000 people × 10 columns is 200,000; memory stays bounded whatever the file holds


def _bounded(rows: Iterable[Sequence[Any]], path: Path) -> list[list[Any]]:
    """The rows, refused once they hold more than MAX_CELLS cells (a sheet padded to column XFD, a CSV of
    millions of tiny cells), before they are all in memory."""
    table, cells = [], 0
    for row in rows:
        cells += len(row)
        if cells > MAX_CELLS:
            raise DomainError(f"“{path.name}”的单元格超过 {MAX_CELLS:,} 个，不像花名册。请删去多余的行和列，"
                              "或分成几个文件导入。未导入任何内容。")
        table.append(list(row))
    return table


def _read_csv(path: Path) -> list[list[str]]:
    if path.stat().st_size > MAX_CSV_BYTES:
        raise DomainError(f"“{path.name}”超过 {MAX_CSV_BYTES // 1024 ** 2} MB，不像花名册。请分成几个文件导入。未导入任何内容。")
    try:
        return _bounded(csv.reader(io.StringIO(decode_text(path.read_bytes()), newline="")), path)
    except csv.Error as error:  # a cell over csv.field_size_limit() (128 KiB), a stray NUL, …
        raise DomainError(f"“{path.name}”不是有效的 CSV：有单元格超过 128 KB，或格式已损坏。"
                          "请用 Excel 另存为“CSV UTF-8”后再导入。未导入任何内容。") from error


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
    check_office_file(path)  # size bombs and XML entities, before openpyxl inflates anything
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise DomainError(f"无法打开 Excel 文件“{path.name}”：文件可能已损坏或不是 .xlsx 格式。") from error
    try:
        return _bounded(book.worksheets[0].iter_rows(values_only=True), path)
    finally:
        book.close()


def _find_header(table: list[list[Any]]) -> SheetData:
    for index, row in enumerate(table[:HEADER_SEARCH_ROWS]):
        found, _ = map_headers([_text(c) for c in row])
        if len(found) >= 3:
            rows = [(number, [restore(c) if isinstance(c, str) else c for c in cells])
                    for number, cells in enumerate(table[index + 1:], start=index + 2) if any(_text(c) for c in cells)]
            return SheetData([_text(c) for c in row], rows)
    raise DomainError("没有找到表头行。花名册第一行应是列名，如：" + "、".join(h for _, h in COLUMNS) + "。")


def _text(value: Any) -> str:
    return "" if value is None else restore(str(value).strip())


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
        writer.writerows([headers, *_safe(rows)])
        atomic_write(path, b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"), 0o600)
    elif suffix == ".xlsx":
        _write_xlsx(path, headers, rows)
    else:
        raise DomainError("导出文件名应以 .csv 或 .xlsx 结尾。")
    return len(rows)


def _safe(rows: list[list[str]]) -> list[list[str]]:
    return [[neutralise(cell) for cell in row] for row in rows]


def _write_xlsx(path: Path, headers: list[str], rows: list[list[str]]) -> None:
    from storage.core.sheets import write_sheet
    write_sheet(path, "花名册", headers, rows)  # text cells, formulas neutralised: 户号 0001 and ID numbers as typed


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
            writer.writerow([neutralise(c) for c in (*padded[:len(sheet.headers)], "；".join(reasons[number]))])
            count += 1
    atomic_write(target, b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"), 0o600)
    return count
