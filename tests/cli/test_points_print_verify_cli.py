"""The 校验码 on a printed points board, scheme and receipt is the one the print log registers: `print verify` on
the code read off the paper finds the copy (it said 未找到 when the jobs registered a code of their own)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import run_json
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)
from tests.printing.pdfcheck import text_of


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
