"""packaging/trim_icu.py: the trimmed ICU data library still gives Qt what it uses ICU for — the GBK, GB18030 and Big5
converters and the Chinese collator with its own rules (李 before 张 in pinyin order, 张 before 李 by strokes) —
answering exactly as the whole library does, and the locales it drops fall back as ICU's missing ones do.
The check runs in a child process: a malformed data package makes ICU crash, not fail."""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("trim_icu", ROOT / "packaging" / "trim_icu.py")
assert _spec is not None and _spec.loader is not None
trim_icu = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(trim_icu)

QT_LIB = Path(importlib.util.find_spec("PySide6").origin or "").parent / "Qt" / "lib"  # type: ignore[union-attr]
ICU = sorted(QT_LIB.glob("libicudata.so.*"))
CHECK = """
import ctypes, sys
folder, major = sys.argv[1], sys.argv[2]
uc = ctypes.CDLL(f"{folder}/libicuuc.so.{major}")
i18n = ctypes.CDLL(f"{folder}/libicui18n.so.{major}")
open_converter, open_collator = getattr(uc, f"ucnv_open_{major}"), getattr(i18n, f"ucol_open_{major}")
open_converter.restype = open_collator.restype = ctypes.c_void_p
compare = getattr(i18n, f"ucol_strcoll_{major}")
for name in (b"GBK", b"GB18030", b"Big5", b"windows-936"):
    status = ctypes.c_int(0)
    print(name.decode(), status.value if open_converter(name, ctypes.byref(status)) else None, status.value)
for locale in (b"zh", b"zh_CN", b"zh@collation=stroke", b"zh_Hant_TW", b"en", b"de", b"fr_FR"):
    status = ctypes.c_int(0)
    collator = ctypes.c_void_p(open_collator(locale, ctypes.byref(status)))
    print(locale.decode(), status.value, compare(collator, "李".encode("utf-16-le"), 1, "张".encode("utf-16-le"), 1))
"""


@pytest.mark.parametrize(("item", "gone"), [("coll/de.res", True), ("coll/de_.res", True), ("de_AT.res", True),
                                            ("zh.res", False), ("zh_Hant_TW.res", False), ("coll/zh.res", False),
                                            ("yue.res", False), ("en_GB.res", False), ("root.res", False),
                                            ("pool.res", False), ("zone/pool.res", False), ("gb18030.cnv", False),
                                            ("supplementalData.res", False), ("translit/el.res", True),
                                            ("brkitr/cjdict.dict", True), ("unames.icu", True)])
def test_what_is_dropped(item: str, gone: bool) -> None:
    assert trim_icu.dropped(item) is gone


def _answers(folder: Path, major: str) -> str:
    done = subprocess.run([sys.executable, "-c", CHECK, str(folder), major], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(not ICU or not all(shutil.which(tool) for tool in ("icupkg", "gcc", "nm", "readelf")),
                    reason="PySide6's ICU (Linux) and icupkg, gcc, binutils are needed")
def test_the_trimmed_library_answers_as_the_whole_one(tmp_path: Path) -> None:
    whole, small = tmp_path / "whole", tmp_path / "small"
    whole.mkdir()
    small.mkdir()
    major = ICU[0].name.rsplit(".", 1)[1]
    for name in (f"libicuuc.so.{major}", f"libicui18n.so.{major}"):  # their RUNPATH is $ORIGIN: data from beside
        shutil.copy(QT_LIB / name, whole)
        shutil.copy(QT_LIB / name, small)
    shutil.copy(ICU[0], whole)
    before, after = trim_icu.trim(ICU[0], small / ICU[0].name)
    assert after < before / 2
    assert (small / ICU[0].name).stat().st_size < ICU[0].stat().st_size / 2
    expected = _answers(whole, major)
    assert "GBK 0 0" in expected and "zh 0 -1" in expected and "zh@collation=stroke 0 1" in expected
    trimmed = _answers(small, major).splitlines()
    for line, whole_line in zip(trimmed, expected.splitlines()):
        locale, status, order = line.split()
        if locale in ("de", "fr_FR"):  # dropped: root's rules, with ICU's warning U_USING_DEFAULT_WARNING
            assert (status, order) == ("-127", whole_line.split()[2])
        else:
            assert line == whole_line
    assert len(trimmed) == len(expected.splitlines())
