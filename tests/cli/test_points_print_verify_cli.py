"""The 校验码 on a printed points board, scheme and receipt is the one the print log registers: `print verify` on
the code read off the paper finds the copy (it said 未找到 when the jobs registered a code of their own)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from printing.core.fingerprint import qr_modules, qr_payload
from tests.helpers import run_json
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)
from tests.printing.pdfcheck import reader, text_of


def printed_code(pdf: Path) -> str:
    """The one 校验码 the page carries, as read back from the PDF's text."""
    codes = set(re.findall(r"校验码([0-9A-F]{4}-[0-9A-F]{4})", text_of(pdf.read_bytes())))
    assert len(codes) == 1, codes
    return codes.pop()


def _receipt(village: Village) -> tuple[str, ...]:
    return ("points-receipt", village.clerk.points.redemptions.redemptions()[0].id)


PRODUCTS = {"board": lambda _v: ("points-board", "--period", "2026-05"), "scheme": lambda _v: ("points-scheme",),
            "receipt": _receipt}


@pytest.mark.parametrize("product", sorted(PRODUCTS))
def test_the_code_on_the_paper_is_the_registered_one_and_verifies(village: Village, tmp_path: Path,
                                                                   product: str) -> None:
    out = tmp_path / f"{product}.pdf"
    code, printed = run_json(village.path, "print", *PRODUCTS[product](village), "--out", str(out))
    assert code == 0, printed
    on_paper = printed_code(out)
    assert on_paper == printed["fingerprint"]
    code, found = run_json(village.path, "print", "verify", on_paper)
    assert code == 0, found
    assert found["printed_on"] and found["document"] in text_of(out.read_bytes())


def _rectangles(pdf: Path) -> int:
    return sum(page.get_contents().get_data().count(b" re") for page in reader(pdf.read_bytes()).pages)


def _dark_runs(payload: str) -> int:
    return sum(1 for row in qr_modules(payload) for i, dark in enumerate(row) if dark and (i == 0 or not row[i - 1]))


def test_the_board_prints_the_qr_code_of_its_code_when_asked(village: Village, tmp_path: Path) -> None:
    """`print points-board --qr`, as on the other boards: the footer's QR code says the 校验码 printed beside it."""
    plain, with_qr = tmp_path / "plain.pdf", tmp_path / "qr.pdf"
    assert run_json(village.path, "print", "points-board", "--period", "2026-05", "--out", str(plain))[0] == 0
    code, printed = run_json(village.path, "print", "points-board", "--period", "2026-05", "--qr", "--out",
                             str(with_qr))
    assert code == 0, printed
    assert printed_code(with_qr) == printed_code(plain) == printed["fingerprint"]
    after_code = text_of(with_qr.read_bytes()).split(printed["fingerprint"], 1)[1]  # the footer, then the title
    title = after_code[:after_code.index("积分榜") + 3]
    payload = qr_payload(printed["fingerprint"], title, "2026-05")
    pages = len(reader(with_qr.read_bytes()).pages)
    assert _rectangles(with_qr) - _rectangles(plain) == pages * _dark_runs(payload)
