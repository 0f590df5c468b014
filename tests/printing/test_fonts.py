"""Font discovery, validation cache, roles, and the rule that no character may vanish."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from printing.core import fonts as fonts
from printing.core import glyphs as glyphs

RARE = "堌垕䶮𠮷"


def test_roles_use_embeddable_truetype_faces() -> None:
    setup = fonts.font_setup()
    assert not setup.last_resort
    for role in ("title", "body", "heading1", "heading2", "signature", "number"):
        face = setup.roles[role]
        assert face.path.lower().endswith((".ttf", ".ttc"))
        assert face.ideographs >= fonts.MIN_IDEOGRAPHS
    assert setup.roles["signature"].kind == "kai"


def test_cff_fonts_are_rejected_and_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    noto = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    if not noto.exists():
        pytest.skip("Noto CJK not installed")
    verdict = fonts.validate(noto)
    assert verdict["ok"] is False and "postscript" in verdict["reason"]


def test_scan_is_cached_by_path_mtime_and_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "fonts.json"
    monkeypatch.setenv("XIANGYUE_FONT_CACHE", str(cache))
    first = fonts.scan_faces()
    entries = json.loads(cache.read_text(encoding="utf-8"))["entries"]
    assert first and all({"mtime", "size", "ok"} <= set(e) for e in entries.values())
    calls: list[Path] = []
    monkeypatch.setattr(fonts, "validate", lambda path: calls.append(path) or {"ok": False, "reason": "x"})
    assert fonts.scan_faces() == first
    assert calls == []  # nothing changed: no file reopened


def test_no_font_found_is_a_clear_refusal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XIANGYUE_FONT_DIRS", str(tmp_path))
    monkeypatch.setenv("XIANGYUE_FONT_CACHE", str(tmp_path / "c.json"))
    fonts.reset()
    try:
        with pytest.raises(fonts.FontUnavailable, match="找不到可嵌入"):
            fonts.require_fonts(allow_last_resort=False)
        setup = fonts.require_fonts(allow_last_resort=True)
        assert setup.last_resort and "STSong-Light" in setup.warnings[0]
        assert fonts.body_font() == fonts.LAST_RESORT
    finally:
        monkeypatch.undo()
        fonts.reset()


@pytest.mark.parametrize("character", list(RARE))
def test_rare_characters_have_a_font(character: str) -> None:
    font = glyphs.font_for(character, fonts.body_font())
    assert font is not None
    assert ord(character) in fonts.charmap(font)


def test_markup_sets_uncovered_characters_in_a_fallback_face() -> None:
    body = fonts.body_font()
    uncovered = [c for c in RARE if ord(c) not in fonts.charmap(body)]
    text = glyphs.markup("村民张" + RARE + "<&>", body, "测试")
    assert "&lt;&amp;&gt;" in text
    for character in uncovered:
        assert f'">{character}' in text or f"{character}</font>" in text


def test_a_character_no_font_has_is_named_with_its_record() -> None:
    private_use = "\ue000"
    with pytest.raises(glyphs.UnprintableCharacters) as caught:
        glyphs.markup("王" + private_use, fonts.body_font(), "户主“王某”的姓名")
    assert "U+E000" in caught.value.message and "户主“王某”的姓名" in caught.value.message
    assert glyphs.missing_characters("王" + private_use, fonts.body_font()) == private_use


def test_title_fallback_warning_names_the_font_in_chinese() -> None:
    def face(file_name: str, family: str) -> fonts.FontFace:
        return fonts.FontFace(f"/usr/share/fonts/x/{file_name}", 0, family, "hei", False, 20000)

    setup = fonts.choose([face("wqy-microhei.ttc", "WenQuanYiMicroHei")])
    assert setup.warnings == ("未找到方正小标宋，标题改用“文泉驿微米黑”。",)
    assert face("uming.ttc", "AR PL UMing").display_name == "文鼎PL细上海宋"
    assert face("LXGWWenKai-Regular.ttf", "LXGW WenKai").display_name == "霞鹜文楷"
    assert face("SomeOther.ttf", "Some Other").display_name == "SomeOther.ttf"
