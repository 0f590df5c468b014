"""A smaller ICU data library for the Linux frozen app (issue 20: the folder's target is 180 MB).

Qt Core links ICU, and PySide6's `libicudata.so.NN` is 31 MB: every locale's names of languages, regions,
currencies, units and time zones, transliterators, spelled-out numbers, and the break rules and dictionaries. Qt itself uses ICU
for collation (QCollator), the text codecs (QStringConverter: GBK, GB18030, Big5 …) and case mapping; its locale data
is its own (CLDR, built in) and so is its line breaking. This keeps every converter, every non-locale table
(pools, supplemental data, zone info) and the locales of Chinese, Cantonese and English in every tree, and drops the
rest: about 10 MB remain. A locale that is gone falls back to root, as ICU does for any locale it lacks.

    python packaging/trim_icu.py <libicudata.so.NN> <output libicudata.so.NN>

Needs ICU's `icupkg` (Debian: icu-devtools; its version need not match, the package format is stable) and gcc.
The spec calls `trim()` and, when a tool is missing, keeps the whole library with a warning.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEPT_LANGUAGES = {"root", "zh", "yue", "en"}
# Transliterators, rule-based number spelling, break rules and dictionaries: Qt uses none of them (its line breaking
# is its own), and an ICU break iterator asked for anyway reports missing data instead of crashing.
DROPPED_TREES = {"translit", "rbnf", "brkitr"}
_LOCALE = re.compile(r"([a-z]{2,3})(_[A-Za-z0-9]*)*\.res")  # de_.res: a variant of de


def dropped(item: str) -> bool:
    """Whether a data item (`coll/de.res`, `zh.res`, `brkitr/cjdict.dict`, `gb18030.cnv`) is left out."""
    tree, _, name = item.rpartition("/")
    if tree in DROPPED_TREES or name == "unames.icu":  # unames: Unicode character names
        return True
    locale = _LOCALE.fullmatch(name)
    return bool(locale) and locale.group(1) not in KEPT_LANGUAGES


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _data_bytes(library: Path, symbol: str) -> bytes:
    """The bytes of the data symbol (`icudt73_dat`), found through the symbol table and its section's offset."""
    address = size = None
    for line in _run("nm", "-D", "-S", "--defined-only", str(library)).splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[3] == symbol:
            address, size = int(fields[0], 16), int(fields[1], 16)
    if address is None or size is None:
        raise ValueError(f"{library} has no symbol {symbol}")
    for line in _run("readelf", "-S", "-W", str(library)).splitlines():
        section = re.search(r"\]\s+\S+\s+\S+\s+([0-9a-f]{16})\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if section:
            start, offset, length = (int(value, 16) for value in section.groups())
            if start <= address < start + length:
                with library.open("rb") as file:
                    file.seek(offset + address - start)
                    return file.read(size)
    raise ValueError(f"no section of {library} holds {symbol}")


def _shared_library(data: Path, symbol: str, soname: str, output: Path) -> None:
    """A shared library exporting `symbol` as the data, 16-byte aligned as ICU's own is."""
    source = data.with_suffix(".S")
    source.write_text(f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n'
                      f'.incbin "{data}"\n.size {symbol}, . - {symbol}\n.section .note.GNU-stack,"",@progbits\n')
    _run("gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-Wl,-z,noexecstack", "-o", str(output), str(source))


def trim(library: Path, output: Path) -> tuple[int, int]:
    """Writes the trimmed copy of `library` to `output`; returns (items before, items after)."""
    major = re.fullmatch(r"libicudata\.so\.(\d+)", library.name)
    if not major:
        raise ValueError(f"{library.name} is not libicudata.so.NN")
    symbol = f"icudt{major.group(1)}_dat"
    for tool in ("icupkg", "gcc", "nm", "readelf"):
        if shutil.which(tool) is None:
            raise FileNotFoundError(tool)
    with tempfile.TemporaryDirectory() as folder:
        # icupkg names the items after the output file (icudt73l/coll/zh.res): both files keep ICU's own name
        name = f"icudt{major.group(1)}l.dat"
        (Path(folder) / "small").mkdir()
        whole, small = Path(folder) / name, Path(folder) / "small" / name
        whole.write_bytes(_data_bytes(library, symbol))
        items = _run("icupkg", "-l", str(whole)).split()
        removed = Path(folder) / "removed.txt"
        removed.write_text("".join(f"{item}\n" for item in items if dropped(item)))
        _run("icupkg", "-r", str(removed), str(whole), str(small))
        left = _run("icupkg", "-l", str(small)).split()
        _shared_library(small, symbol, library.name, output)
    return len(items), len(left)


if __name__ == "__main__":
    before, after = trim(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sys.argv[2]}: {after} of {before} ICU data items")
