"""Reading a scheme table (积分细则) from .xlsx (first sheet), .docx (first table) or .md (a pipe table)."""
from __future__ import annotations

from pathlib import Path

from models.core.errors import DomainError


def read_scheme_table(path: Path) -> list[dict[str, str]]:
    """Rows keyed by the header row's cells (stripped); blank rows skipped."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise DomainError(f"找不到文件 {path}。")
    if suffix == ".xlsx":
        table = _xlsx(path)
    elif suffix == ".docx":
        table = _docx(path)
    elif suffix in (".md", ".txt"):
        table = _markdown(path.read_text(encoding="utf-8"))
    else:
        raise DomainError(f"积分细则只能从 .xlsx、.docx 或 .md 文件导入，{path.name} 不是这几种。")
    if not table:
        raise DomainError(f"{path.name} 中没有找到积分细则表格。")
    header = [cell.strip() for cell in table[0]]
    return [dict(zip(header, (cell.strip() for cell in row))) for row in table[1:] if any(c.strip() for c in row)]


def _xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    return [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]


def _docx(path: Path) -> list[list[str]]:
    import docx

    tables = docx.Document(str(path)).tables
    return [[cell.text for cell in row.cells] for row in tables[0].rows] if tables else []


def _markdown(text: str) -> list[list[str]]:
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
