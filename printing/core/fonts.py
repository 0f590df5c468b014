"""Chinese fonts for printing: find TrueType faces, validate them once (cached), register them lazily by role.

reportlab embeds TrueType-outline fonts only (it rejects the CFF outlines of Noto CJK and Source Han), so the
search looks for the TrueType faces an office PC has (Windows: SimSun/SimHei/FangSong/KaiTi/YaHei; Linux:
WenQuanYi, AR PL, LXGW WenKai). Each candidate file is opened once, its character map probed, and the verdict
kept in a JSON cache keyed by path, mtime and size. Fonts are registered with reportlab only when a document
first asks for a role, and reportlab embeds only the glyphs used (subsets). reportlab's built-in STSong-Light
(never embedded) is the last resort, and only when the caller allows it.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from models.core.errors import DomainError

log = logging.getLogger(__name__)

LAST_RESORT = "STSong-Light"
CACHE_VERSION = 2
# GB2312-only faces (6,763 ideographs) lose villagers' names; GBK and Big5-derived faces (18,000+) pass.
MIN_IDEOGRAPHS = 10000
PROBE = "村民委员会关于公示通知特此年月日（）。，、；：？！"

# (file name, index in a .ttc, kind, bold, fallback only). Order = preference within a kind.
KNOWN_FACES: tuple[tuple[str, int, str, bool, bool], ...] = (
    ("fzxbsjw.ttf", 0, "title", True, False),        # 方正小标宋简体
    ("stzhongs.ttf", 0, "title", True, False),       # 华文中宋
    ("simfang.ttf", 0, "fangsong", False, False),    # 仿宋
    ("stfangso.ttf", 0, "fangsong", False, False),   # 华文仿宋
    ("simsun.ttc", 0, "song", False, False),         # 宋体
    ("uming.ttc", 0, "song", False, False),          # AR PL UMing
    ("simhei.ttf", 0, "hei", True, False),           # 黑体
    ("msyhbd.ttc", 0, "hei", True, False),           # 微软雅黑 粗体
    ("msyh.ttc", 0, "hei", False, False),            # 微软雅黑
    ("wqy-zenhei.ttc", 0, "hei", False, False),      # 文泉驿正黑
    ("wqy-microhei.ttc", 0, "hei", False, False),    # 文泉驿微米黑
    ("simkai.ttf", 0, "kai", False, False),          # 楷体
    ("stkaiti.ttf", 0, "kai", False, False),         # 华文楷体
    ("lxgwwenkai-regular.ttf", 0, "kai", False, False),  # 霞鹜文楷
    ("ukai.ttc", 0, "kai", False, False),            # AR PL UKai
    ("lxgwwenkai-bold.ttf", 0, "kai", True, False),
    ("simsunb.ttf", 0, "song", False, True),         # SimSun-ExtB: rare characters (𠮷) only
)
KNOWN_BY_NAME = {entry[0]: entry for entry in KNOWN_FACES}

# The Chinese name shown to the clerk for a known file; an unknown file is shown by its file name.
CHINESE_NAMES: dict[str, str] = {
    "fzxbsjw.ttf": "方正小标宋简体", "stzhongs.ttf": "华文中宋", "simfang.ttf": "仿宋", "stfangso.ttf": "华文仿宋",
    "simsun.ttc": "宋体", "uming.ttc": "文鼎PL细上海宋", "simhei.ttf": "黑体", "msyhbd.ttc": "微软雅黑（粗体）",
    "msyh.ttc": "微软雅黑", "wqy-zenhei.ttc": "文泉驿正黑", "wqy-microhei.ttc": "文泉驿微米黑", "simkai.ttf": "楷体",
    "stkaiti.ttf": "华文楷体", "lxgwwenkai-regular.ttf": "霞鹜文楷", "ukai.ttc": "文鼎PL中楷",
    "lxgwwenkai-bold.ttf": "霞鹜文楷（粗体）", "simsunb.ttf": "宋体-方正超大字符集",
}

# Which kinds each role prefers, best first (DOMAIN.md R44: title 小标宋, body 仿宋, 一、黑体, （一）楷体).
ROLE_KINDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "hei", "song"),
    "body": ("fangsong", "song", "kai", "hei"),
    "heading1": ("hei", "title", "song"),
    "heading2": ("kai", "fangsong", "song"),
    "signature": ("kai", "fangsong", "song"),
    "number": ("song", "fangsong", "hei"),
}


class FontUnavailable(DomainError):
    """No embeddable Chinese font was found on this computer."""


@dataclass(frozen=True)
class FontFace:
    """One validated TrueType face usable for Chinese text."""

    path: str
    index: int
    family: str
    kind: str
    bold: bool
    ideographs: int
    fallback_only: bool = False

    @property
    def display_name(self) -> str:
        """The Chinese name shown to the clerk (文泉驿微米黑), else the file name (never the English family)."""
        file_name = Path(self.path).name
        return CHINESE_NAMES.get(file_name.lower(), file_name)

    @property
    def name(self) -> str:
        """The name the face is registered under in reportlab."""
        return f"XY-{Path(self.path).stem}-{self.index}"


@dataclass(frozen=True)
class FontSetup:
    """The faces found: one per role, then every face in fallback order; warnings for the clerk."""

    roles: dict[str, FontFace]
    fallbacks: tuple[FontFace, ...]
    warnings: tuple[str, ...]

    @property
    def last_resort(self) -> bool:
        return not self.roles


def search_dirs() -> list[Path]:
    """Folders to look in. XIANGYUE_FONT_DIRS (os.pathsep-separated) replaces the system search entirely."""
    override = os.environ.get("XIANGYUE_FONT_DIRS")
    if override is not None:
        return [Path(p) for p in override.split(os.pathsep) if p]
    bundled = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", str(Path.home() / "AppData" / "Local")))
        return [bundled, windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [bundled, Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    return [bundled, Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts"]


def candidate_files() -> list[Path]:
    """Known Chinese TrueType files in the search folders, plus what fontconfig lists for Chinese."""
    found: dict[str, Path] = {}
    for folder in search_dirs():
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.name.lower() in KNOWN_BY_NAME and path.is_file():
                    found.setdefault(path.name.lower(), path)
    if "XIANGYUE_FONT_DIRS" not in os.environ:
        for path in _fontconfig_files():
            found.setdefault(path.name.lower(), path)
    return sorted(found.values(), key=_preference)


def _fontconfig_files() -> list[Path]:
    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = {line.split(":")[0].strip() for line in out.splitlines() if line.strip()}
    return [Path(f) for f in sorted(files) if f.lower().endswith((".ttf", ".ttc"))]


def _preference(path: Path) -> tuple[int, str]:
    names = [entry[0] for entry in KNOWN_FACES]
    name = path.name.lower()
    return (names.index(name) if name in names else len(names), name)


def _guess_kind(family: str) -> str:
    lowered = family.lower()
    for needle, kind in (("kai", "kai"), ("楷", "kai"), ("fang", "fangsong"), ("仿宋", "fangsong"),
                         ("hei", "hei"), ("黑", "hei"), ("song", "song"), ("ming", "song"), ("宋", "song")):
        if needle in lowered:
            return kind
    return "song"


def validate(path: Path) -> dict[str, Any]:
    """Open one file with reportlab and probe its character map; a JSON-able verdict."""
    from reportlab.pdfbase.ttfonts import TTFont

    known = KNOWN_BY_NAME.get(path.name.lower())
    index = known[1] if known else 0
    try:
        face = TTFont(f"probe-{path.stem}", str(path), subfontIndex=index)
    except Exception as error:  # reportlab raises TTFError and others for CFF or broken files
        return {"ok": False, "reason": f"unreadable: {error}"}
    charmap = face.face.charToGlyph
    family = face.face.name.decode("latin-1") if isinstance(face.face.name, bytes) else str(face.face.name)
    ideographs = sum(1 for code in charmap if 0x4E00 <= code <= 0x9FFF)
    fallback_only = bool(known and known[4])
    verdict = {"ok": True, "reason": "", "index": index, "family": family, "ideographs": ideographs,
               "kind": known[2] if known else _guess_kind(family), "bold": bool(known and known[3]),
               "fallback_only": fallback_only}
    if not fallback_only and (ideographs < MIN_IDEOGRAPHS or any(ord(c) not in charmap for c in PROBE)):
        verdict.update(ok=False, reason=f"covers only {ideographs} ideographs (GB2312-only or partial)")
    return verdict


def cache_path() -> Path:
    override = os.environ.get("XIANGYUE_FONT_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir
    return Path(user_cache_dir("xiangyue", appauthor=False)) / "fonts.json"


def _read_cache(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("entries", {}) if data.get("version") == CACHE_VERSION else {}


def _write_cache(path: Path, entries: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"version": CACHE_VERSION, "entries": entries}, ensure_ascii=False,
                                        indent=1), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:  # a read-only cache folder costs a rescan next time, nothing more
        log.warning("font cache not written: %s", error)


def scan_faces() -> list[FontFace]:
    """Every usable face, validating only files that are new or changed since the cached verdict."""
    path = cache_path()
    cached = _read_cache(path)
    entries: dict[str, Any] = {}
    for file in candidate_files():
        stat = file.stat()
        key = str(file)
        entry = cached.get(key)
        if not entry or entry.get("mtime") != stat.st_mtime_ns or entry.get("size") != stat.st_size:
            entry = {"mtime": stat.st_mtime_ns, "size": stat.st_size, **validate(file)}
        entries[key] = entry
    if entries != cached:
        _write_cache(path, entries)
    return [FontFace(key, e["index"], e["family"], e["kind"], e["bold"], e["ideographs"], e["fallback_only"])
            for key, e in entries.items() if e["ok"]]


def choose(faces: list[FontFace]) -> FontSetup:
    """Pick a face per role (kind preference, bold first for titles) and order the fallbacks by coverage."""
    usable = [f for f in faces if not f.fallback_only]
    roles: dict[str, FontFace] = {}
    for role, kinds in ROLE_KINDS.items():
        ranked = sorted(usable, key=lambda f: (kinds.index(f.kind) if f.kind in kinds else len(kinds),
                                               not f.bold if role == "title" else f.bold))
        if ranked:
            roles[role] = ranked[0]
    fallbacks = tuple(sorted(faces, key=lambda f: -f.ideographs))
    warnings: list[str] = []
    if not roles:
        warnings.append("未找到可嵌入的中文 TrueType 字体，只能使用不嵌入的 STSong-Light："
                        "有些电脑或打印机可能显示为空白。请安装宋体/仿宋/黑体/楷体或文泉驿、文鼎、霞鹜文楷字体。")
    elif "title" in roles and roles["title"].kind not in ("title",):
        warnings.append(f"未找到方正小标宋，标题改用“{roles['title'].display_name}”。")
    return FontSetup(roles, fallbacks, tuple(warnings))


@lru_cache(maxsize=1)
def font_setup() -> FontSetup:
    """The fonts of this computer, found once per process."""
    setup = choose(scan_faces())
    for warning in setup.warnings:
        log.info(warning)
    return setup


def require_fonts(allow_last_resort: bool) -> FontSetup:
    """The font setup, or a clerk-readable refusal when nothing embeddable exists and that is not allowed."""
    setup = font_setup()
    if setup.last_resort and not allow_last_resort:
        raise FontUnavailable("找不到可嵌入 PDF 的中文字体（TrueType）。请安装宋体、仿宋、黑体、楷体，或文泉驿微米黑、"
                              "文鼎明体、霞鹜文楷后重试；若只求临时预览，可允许使用不嵌入的 STSong-Light 字体"
                              "（命令行加 --allow-unembedded-font）。")
    return setup


@cache
def register(face: FontFace) -> str:
    """Register one face with reportlab (once) and return its name; reportlab embeds used glyphs only."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from printing.core import unicode_map as unicode_map
    unicode_map.install()
    pdfmetrics.registerFont(TTFont(face.name, face.path, subfontIndex=face.index))
    return face.name


@lru_cache(maxsize=1)
def _last_resort() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    log.warning("using the non-embedded CID font %s", LAST_RESORT)
    pdfmetrics.registerFont(UnicodeCIDFont(LAST_RESORT))
    return LAST_RESORT


def role_font(role: str) -> str:
    """The registered font name for a role ("title", "body", "heading1", "heading2", "signature", "number")."""
    face = font_setup().roles.get(role)
    return register(face) if face else _last_resort()


def title_font() -> str:
    return role_font("title")


def body_font() -> str:
    return role_font("body")


def signature_font() -> str:
    return role_font("signature")


@cache
def charmap(font_name: str) -> frozenset[int]:
    """The code points a registered font can draw."""
    if font_name == LAST_RESORT:
        # Adobe-GB1 through UCS-2: the Basic Multilingual Plane only, and no check finer than that is possible.
        return frozenset(range(0x20, 0xFFFF))
    from reportlab.pdfbase import pdfmetrics
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def fallback_names() -> list[str]:
    """Every face in fallback order (widest coverage first), registering each one lazily as it is asked for."""
    return [face.name for face in font_setup().fallbacks]


def fallback_face(name: str) -> FontFace:
    return next(face for face in font_setup().fallbacks if face.name == name)


def reset() -> None:
    """Forget the scan (tests, or after the clerk installs a font)."""
    font_setup.cache_clear()


def describe(setup: FontSetup) -> list[dict[str, Any]]:
    """The chosen faces as plain data (for the CLI's --json and the UI's font notice)."""
    return [{"role": role, **asdict(face)} for role, face in setup.roles.items()]
