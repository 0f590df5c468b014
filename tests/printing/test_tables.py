"""Long tables: header repeated on every page, landscape, rare names read back."""
from __future__ import annotations

from printing.core.tables import TableDocument, render_table_pdf
from tests.printing import pdfcheck

NAMES = ("王堌", "李垕", "张䶮", "吉𠮷", "赵德明")


def test_header_repeats_on_every_page_and_names_survive() -> None:
    rows = tuple((f"{n:04d}", f"第{(n - 1) // 40 + 1}村民小组", NAMES[n % 5], "", "") for n in range(1, 121))
    document = TableDocument("青石村村规民约表决签字表", ("户号", "村民小组", "户主", "签字", "手印"), rows,
                             (1.2, 2, 2, 3, 1.5), before=("请户主本人签字并按手印。",), min_row_height=28)
    data = render_table_pdf(document)
    pages = pdfcheck.reader(data).pages
    assert len(pages) > 3
    assert set(pdfcheck.page_sizes_mm(data)) == {(297, 210)}
    for page in pages:
        text = "".join(page.extract_text().split())
        assert "户号村民小组户主签字手印" in text
    pdfcheck.assert_in_order(data, ["0001", "0002", "王堌", "李垕", "张䶮", "吉𠮷", "0120"])
    pdfcheck.assert_fonts_embedded(data)
    pdfcheck.assert_text_inside_pages(data)
