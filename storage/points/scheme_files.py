"""Reading a scheme table (积分细则) from .xlsx (first sheet), .docx (first table) or .md (a pipe table), with the
scheme's settings written around it as lines "计分周期：季度" and "扣分占比上限：30%": in a .md file or a .docx
document as lines of text, in a workbook as rows above the table (or on a sheet named 设置), one setting a row."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.core.errors import DomainError
from models.points.scheme import SchemeSettings, settings_from_lines
from storage.core.archive_guard import check_office_file

SETTINGS_SHEET = "设置"
Table = list[list[str]]


def read_scheme_table(path: Path) -> list[dict[str, str]]:
    """Rows keyed by the header row's cells (stripped); blank rows skipped."""
    return read_scheme_file(path)[0]


@dataclass(frozen=True)
class SchemeSheet:
    """A scheme file's table: its header row, the data rows with their row numbers as the clerk sees them (a
    workbook's own row numbers, as the roster import names rows; in a .docx or .md table the header is row 1), and
    the settings written with it."""

    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    settings: SchemeSettings

    @property
    def values(self) -> list[dict[str, str]]:
        return [values for _, values in self.rows]

    @property
    def numbers(self) -> list[int]:
        return [number for number, _ in self.rows]


def read_scheme_file(path: Path) -> tuple[list[dict[str, str]], SchemeSettings]:
    """The table's rows keyed by its header row (the first row holding 代码) and the settings written with it."""
    sheet = read_scheme_sheet(path)
    return sheet.values, sheet.settings


def read_scheme_sheet(path: Path) -> SchemeSheet:
    """The table's header row (the first row holding 代码), its rows keyed by it, and the settings written with it."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise DomainError(f"找不到文件 {path}。")
    if suffix == ".xlsx":
        table, lines = _xlsx(path)
    elif suffix == ".docx":
        table, lines = _docx(path)
    elif suffix in (".md", ".txt"):
        text = _decode(path)
        table, lines = _markdown(text), [line for line in text.splitlines() if not line.strip().startswith("|")]
    else:
        raise DomainError(f"积分细则只能从 .xlsx、.docx 或 .md 文件导入，{path.name} 不是这几种。")
    if not table:
        raise DomainError(f"{path.name} 中没有找到积分细则表格。")
    start = next((i for i, row in enumerate(table) if "代码" in (cell.strip() for cell in row)), 0)
    lines += [_line(row) for row in table[:start]]  # a workbook's rows above the table
    header = [cell.strip() for cell in table[start]]
    rows = [(number, dict(zip(header, (cell.strip() for cell in row))))
            for number, row in enumerate(table[start + 1:], start=start + 2) if any(c.strip() for c in row)]
    return SchemeSheet(header, rows, settings_from_lines(lines))


def _line(row: list[str]) -> str:
    """A row as a setting line: ("计分周期", "季度") reads as 计分周期：季度; a single cell as written."""
    cells = [cell.strip() for cell in row if cell.strip()]
    return "：".join(cells[:2]) if len(cells) >= 2 else "".join(cells)


def _xlsx(path: Path) -> tuple[Table, list[str]]:
    from openpyxl import load_workbook

    check_office_file(path)  # damaged, size bombs and XML entities, before openpyxl inflates anything
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise DomainError(f"无法打开 Excel 文件“{path.name}”：文件可能已损坏或不是 .xlsx 格式。"
                          "请用 Excel 或 WPS 打开后“另存为”.xlsx 再导入。未导入任何内容。") from error

    def cells(sheet: object) -> Table:
        return [["" if value is None else str(value) for value in row]
                for row in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]

    try:
        settings = [_line(row) for row in cells(book[SETTINGS_SHEET])] if SETTINGS_SHEET in book.sheetnames else []
        return cells(book.worksheets[0]), settings
    finally:
        book.close()


def _docx(path: Path) -> tuple[Table, list[str]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_office_file(path)  # damaged, size bombs and XML entities, before python-docx inflates anything
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:  # lxml's XMLSyntaxError is one
        raise DomainError(f"“{path.name}”不是有效的 Word（.docx）文件。请用 Word 或 WPS 打开后重新保存为 .docx "
                          "再导入。未导入任何内容。") from error
    tables = document.tables
    table = [[cell.text for cell in row.cells] for row in tables[0].rows] if tables else []
    return table, [paragraph.text for paragraph in document.paragraphs]


def _decode(path: Path) -> str:
    """UTF-8 (BOM or not), else GB18030 (Chinese Windows saves plain text as GBK), as the rules area reads text."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DomainError(f"“{path.name}”的文字编码无法识别。请用记事本或 WPS 以 UTF-8 编码另存后再导入。未导入任何内容。")


def _markdown(text: str) -> Table:
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if all(set(cell) <= set("-: ") for cell in cells):
            continue  # the |---|---| rule under the header
        rows.append(cells)
    return rows


TEMPLATE_FILE = Path(__file__).resolve().parents[2] / "resources" / "points_scheme_template.md"
