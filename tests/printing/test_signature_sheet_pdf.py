"""Household signature sheet: grouped by 村民小组, header (group and columns) on every page of 1,000 households."""
from __future__ import annotations

from pathlib import Path

from models.registry.households import Household, HouseholdSummary, VillageGroup
from printing.workflow.signature_sheet_pdf import SheetGroup, SignatureSheet, render_signature_sheet_pdf, sheet_groups
from tests.helpers import run_cli, run_json
from tests.printing import pdfcheck

NAMES = ("王堌", "李垕", "张䶮", "吉𠮷", "赵德明")


def thousand() -> SignatureSheet:
    groups = tuple(SheetGroup(f"第{g}村民小组", tuple((f"{g:02d}{n:03d}", NAMES[n % 5]) for n in range(1, 201)))
                   for g in range(1, 6))
    return SignatureSheet("青石村村规民约户代表签字表", "请户主签字并按手印。", groups, "v2")


def test_thousand_households_header_on_every_page() -> None:
    sheet = thousand()
    assert sheet.households == 1000
    data = render_signature_sheet_pdf(sheet)
    pages = pdfcheck.reader(data).pages
    assert len(pages) > 50
    assert set(pdfcheck.page_sizes_mm(data)) == {(210, 297)}
    groups_seen, texts = [], ["".join(page.extract_text().split()) for page in pages]
    for text in texts:
        assert "序号户号户主签字手印" in text
        caption = next(f"第{g}村民小组（共200户）" for g in range(1, 6) if f"第{g}村民小组（共200户）" in text)
        groups_seen.append(caption)
    assert groups_seen == sorted(groups_seen)  # each group on its own run of pages, in order
    whole, position = "".join(texts), 0
    for piece in ["第1村民小组（共200户）", "01001", "李垕", "01002", "张䶮", "01003", "吉𠮷", "第5村民小组", "05200"]:
        position = whole.index(piece, position) + len(piece)
    pdfcheck.assert_fonts_embedded(data)


def test_groups_follow_their_order_and_skip_empty_households() -> None:
    groups = [VillageGroup("g2", "二组", 2), VillageGroup("g1", "一组", 1), VillageGroup("g3", "三组", 3)]
    households = [HouseholdSummary(Household("h2", "0002", "g1"), "一组", "", "李垕", 3, 0),
                  HouseholdSummary(Household("h1", "0001", "g1"), "一组", "", "王堌", 2, 0),
                  HouseholdSummary(Household("h3", "0003", "g2"), "二组", "", "", 1, 0),
                  HouseholdSummary(Household("h4", "0004", "g2"), "二组", "", "迁出户", 0, 0)]
    assert sheet_groups(groups, households) == (
        SheetGroup("一组", (("0001", "王堌"), ("0002", "李垕"))), SheetGroup("二组", (("0003", "（未登记户主）"),)))


def test_cli_signature_sheet(demo_path: Path, rulebook_id: str, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    code, data = run_json(demo_path, "print", "signature-sheet", rulebook_id, "--out", str(out))
    assert code == 0, data
    pdf = out.read_bytes()
    pdfcheck.assert_in_order(pdf, ["青石村村规民约户代表签字表", "《青石村村规民约》（第3版）", "序号户号户主签字手印",
                                   "0001"])
    for page in pdfcheck.reader(pdf).pages:
        assert "序号户号户主签字手印" in "".join(page.extract_text().split())
    pdfcheck.assert_text_inside_pages(pdf)
    code, _, err = run_cli(["--db", str(demo_path), "print", "signature-sheet", "nope", "--out", str(out)])
    assert code == 2 and "rules list" in err
