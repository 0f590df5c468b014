"""Our .docx and .xlsx opened in a real office suite: LibreOffice headless converts them to PDF (as WPS or Word would
print them), and the PDF is read back. `.ci/setup --test` installs libreoffice-writer-nogui and -calc-nogui."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here; .ci/setup "
                                                          "--test installs libreoffice-writer-nogui and -calc-nogui")
# A Song (宋体/明体) face that a Linux machine has, standing in for 仿宋 and 宋体 as a Chinese Windows has them.
SONG_STAND_IN, SONG_STAND_IN_PDF = "AR PL UMing CN", "UMingCN"  # family, and its name in a PDF


def has_family(family: str) -> bool:
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    return any(family in line.split(",") for line in listed.splitlines())


def _font_config(folder: Path) -> Path:
    """A fontconfig file: the system's fonts, with 仿宋 and 宋体 resolved to the Song face this machine has."""
    aliases = "".join(f"<alias binding=\"same\"><family>{name}</family><prefer><family>{SONG_STAND_IN}</family>"
                      "</prefer></alias>" for name in ("仿宋", "宋体", "FangSong", "SimSun"))
    path = folder / "fonts.conf"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    f"<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>{aliases}</fontconfig>",
                    encoding="utf-8")
    return path


def office_pdf(source: Path, song_faces: bool = False) -> bytes:
    """`source` converted to PDF by LibreOffice, in its own profile (parallel runs do not share one); with
    `song_faces`, the fonts 仿宋 and 宋体 exist on the machine (as SONG_STAND_IN)."""
    folder = source.parent / f"office-{source.stem}"
    folder.mkdir()
    environment = None
    if song_faces:
        import os
        environment = {**os.environ, "FONTCONFIG_FILE": str(_font_config(folder))}
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=240, env=environment)
    return (folder / f"{source.stem}.pdf").read_bytes()


def fonts_of_text(data: bytes) -> dict[str, str]:
    """Each text run of the PDF (whitespace removed) and the base name of the font it is set in (subset tag
    dropped)."""
    from tests.printing import pdfcheck

    found: dict[str, str] = {}
    for page in pdfcheck.reader(data).pages:
        def visit(text: str, _cm: object, _tm: object, font: dict | None, _size: float) -> None:
            run = "".join(text.split())
            if run and font is not None:
                found[run] = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]
        page.extract_text(visitor_text=visit)
    return found
