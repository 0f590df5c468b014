"""Item 4: small files that inflate to hundreds of MB are refused in bounded memory (peak RSS < 200 MB).

Each import runs in a fresh process (the command line, as a clerk runs it) that reports its own peak RSS.
"""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.hostile.forge import big_line_bundle
from tests.sync.conftest import PASSWORD, Pair, export, state, write_notes

ROOT = Path(__file__).resolve().parents[2]
LIMIT_KB = 200 * 1024
BOMB = 300 * 1024 * 1024  # inflated bytes in each hostile file
# VmHWM is this process image's own peak (ru_maxrss would include the forked pytest process before exec).
_MEASURE = """
import resource, sys, main
code = main.main(sys.argv[1:])
try:
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("MAXRSS", peak, file=sys.stderr)
sys.exit(code)
"""


def run_measured(*args: str) -> tuple[int, str, int]:
    """(exit code, stderr, peak RSS in KB) of `python main.py ARGS` in a process of its own."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "XIANGYUE_USER": "admin", "XIANGYUE_PASSWORD": PASSWORD})
    rss = int(done.stderr.rsplit("MAXRSS", 1)[1].split()[0])
    print(f"peak RSS {rss // 1024} MB: {args[2:]}")
    return done.returncode, done.stderr, rss


def _stream_member(zf: zipfile.ZipFile, name: str, head: bytes, filler: bytes, tail: bytes) -> None:
    with zf.open(name, "w", force_zip64=True) as member:
        member.write(head)
        block = filler * ((1 << 20) // len(filler))
        for _ in range(BOMB // len(block)):
            member.write(block)
        member.write(tail)


def _office_bomb(tmp_path: Path, name: str, template: Path, part: str, head: bytes, tail: bytes) -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(template) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename == part:
                _stream_member(target, part, head, b" ", tail)
            else:
                target.writestr(info.filename, source.read(info))
    assert path.stat().st_size < 2 * 1024 * 1024
    return path


@pytest.mark.parametrize("held", [False, True], ids=["trusted", "hold-path"])
def test_a_bundle_with_one_huge_line(request: pytest.FixtureRequest, tmp_path: Path, held: bool) -> None:
    nodes: Pair = request.getfixturevalue("half_paired" if held else "pair")
    write_notes(nodes.village, 1)
    bomb = big_line_bundle(export(nodes.village, nodes.stick), nodes.village, nodes.township,
                           tmp_path / "line.xybundle", BOMB)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    before = state(nodes.township)
    code, err, rss = run_measured("--db", str(nodes.township.path), "sync", "import", str(bomb))
    assert code == 2 and "超过" in err, err
    assert rss < LIMIT_KB, f"peak RSS {rss // 1024} MB"
    assert state(nodes.township) == before


def test_a_docx_bomb(pair: Pair, tmp_path: Path) -> None:
    import docx
    template = tmp_path / "plain.docx"
    docx.Document().save(str(template))
    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    bomb = _office_bomb(tmp_path, "bomb.docx", template, "word/document.xml",
                        b"<w:document " + ns + b"><w:body><w:p><w:r><w:t>", b"</w:t></w:r></w:p></w:body></w:document>")
    code, err, rss = run_measured("--db", str(pair.village.path), "rules", "import", str(bomb))
    assert code == 2 and "bomb.docx" in err, err
    assert rss < LIMIT_KB, f"peak RSS {rss // 1024} MB"


def test_an_xlsx_bomb(pair: Pair, tmp_path: Path) -> None:
    import openpyxl
    template = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["户号", "组别", "姓名", "与户主关系", "性别", "身份证号"])
    book.save(template)
    with zipfile.ZipFile(template) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
    cut = sheet.index(b"</sheetData>")
    bomb = _office_bomb(tmp_path, "bomb.xlsx", template, "xl/worksheets/sheet1.xml",
                        sheet[:cut] + b'<row r="2"><c r="A2" t="inlineStr"><is><t>', b"</t></is></c></row>" + sheet[cut:])
    code, err, rss = run_measured("--db", str(pair.village.path), "roster", "import", str(bomb))
    assert code == 2 and "bomb.xlsx" in err, err
    assert rss < LIMIT_KB, f"peak RSS {rss // 1024} MB"


def test_a_csv_of_millions_of_tiny_cells(pair: Pair, tmp_path: Path) -> None:
    bomb = tmp_path / "cells.csv"
    bomb.write_bytes(("户号,组别,姓名\n" + ("ab," * 30 + "ab\n") * 120_000).encode())
    assert bomb.stat().st_size < 16 * 1024 * 1024
    code, err, rss = run_measured("--db", str(pair.village.path), "roster", "import", str(bomb))
    assert code == 2 and "cells.csv" in err and "单元格超过" in err, err
    assert rss < LIMIT_KB, f"peak RSS {rss // 1024} MB"


def test_an_xlsx_padded_to_the_last_column(pair: Pair, tmp_path: Path) -> None:
    import openpyxl
    path = tmp_path / "wide.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["户号", "组别", "姓名"])
    book.active["XFD5000"] = "x"  # every row read back padded to 16,384 columns
    book.save(path)
    code, err, rss = run_measured("--db", str(pair.village.path), "roster", "import", str(path))
    assert code == 2 and "wide.xlsx" in err, err
    assert rss < LIMIT_KB, f"peak RSS {rss // 1024} MB"
