"""`print notice`: the PDF written, the period printed, refusals with exit 2."""
from __future__ import annotations

from pathlib import Path

import pytest

from printing.core import fonts as fonts
from storage.core.db import Database
from tests.helpers import run_cli, run_json
from tests.printing import pdfcheck

BODY = "根据村民代表会议决定，现将有关事项公示如下：\n一、申请事项\n王堌家申请翻建住房。\n"


@pytest.fixture
def body_file(tmp_path: Path) -> Path:
    path = tmp_path / "body.txt"
    path.write_text(BODY, encoding="utf-8")
    return path


def test_print_notice_writes_the_pdf(village_db: Database, body_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "notice.pdf"
    code, data = run_json(Path(village_db.path), "print", "notice", "--title", "关于王堌家翻建住房的公示",
                          "--body-file", str(body_file), "--from", "2025-03-07", "--to", "2025-03-13",
                          "--date", "2025-03-07", "--out", str(out))
    assert code == 0, data
    assert data["pages"] == 1 and len(data["fingerprint"]) == 9
    pdf = out.read_bytes()
    pdfcheck.assert_in_order(pdf, ["关于王堌家翻建住房的公示", "王堌家申请翻建住房。",
                                   "公示期：2025年3月7日至2025年3月13日", "特此公示", "青石村村民委员会", "2025年3月7日"])
    pdfcheck.assert_fonts_embedded(pdf)


def test_publicity_without_dates_gets_seven_days(body_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "n.pdf"
    code, _, err = run_cli(["--db", str(tmp_path / "none.sqlite3"), "print", "notice", "--title", "关于宅基地的公示",
                            "--body-file", str(body_file), "--signer", "青石村村民委员会", "--date", "2025-03-07",
                            "--out", str(out)])
    assert code == 0, err
    assert "2025年3月7日至2025年3月13日" in pdfcheck.text_of(out.read_bytes())


@pytest.mark.parametrize(("extra", "message"), [
    (["--from", "2025-03-07", "--to", "2025-03-09"], "少于规定的最少 5 天"),
    (["--to", "2025-03-09"], "--from"),
    (["--from", "3月7日"], "2025-03-07"),
])
def test_bad_periods_are_refused(body_file: Path, tmp_path: Path, extra: list[str], message: str) -> None:
    code, _, err = run_cli(["print", "notice", "--title", "关于宅基地的公示", "--body-file", str(body_file),
                            "--signer", "青石村村民委员会", "--out", str(tmp_path / "x.pdf"), *extra])
    assert code == 2 and message in err


def test_no_signer_and_no_database_is_refused(body_file: Path, tmp_path: Path) -> None:
    code, _, err = run_cli(["--db", str(tmp_path / "none.sqlite3"), "print", "notice", "--title", "通知",
                            "--body-file", str(body_file), "--out", str(tmp_path / "x.pdf")])
    assert code == 2 and "--signer" in err


def test_missing_font_exits_2_with_a_chinese_message(body_file: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XIANGYUE_FONT_DIRS", str(tmp_path))
    monkeypatch.setenv("XIANGYUE_FONT_CACHE", str(tmp_path / "c.json"))
    fonts.reset()
    try:
        code, _, err = run_cli(["print", "notice", "--title", "关于宅基地的公示", "--body-file", str(body_file),
                                "--signer", "青石村村民委员会", "--out", str(tmp_path / "x.pdf")])
    finally:
        monkeypatch.undo()
        fonts.reset()
    assert code == 2 and "找不到可嵌入" in err
    assert not (tmp_path / "x.pdf").exists()
