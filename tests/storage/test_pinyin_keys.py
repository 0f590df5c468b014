"""Name keys read pypinyin's character dictionary directly: the same readings pypinyin itself gives."""
from __future__ import annotations

from itertools import product
from pathlib import Path

from pypinyin import Style, pinyin

from storage.registry.pinyin_keys import _dictionary, _readings, name_keys


def _pypinyin_readings(char: str) -> tuple[str, ...]:
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="default")
    readings = tuple(dict.fromkeys(r.lower() for r in found[0])) if found else (char.lower(),)
    return readings[:2] or (char.lower(),)


def test_readings_match_pypinyin_across_the_dictionary() -> None:
    chars = [chr(code) for code in list(_dictionary())[::15]]  # ≈ 2,800 characters, every block
    chars += list("曾单绿吕女欸嗯呣〇吴建华谢芳杨秀A1·")
    assert [_readings(c) for c in chars] == [_pypinyin_readings(c) for c in chars]


def test_name_keys_as_before() -> None:
    """The keys stored by earlier versions (through pypinyin.pinyin) stay the keys computed now."""
    for name in ("吴建华", "曾 单", "吕绿", "阿依·古丽", "欧阳修"):
        combos = list(product(*(_pypinyin_readings(c) for c in name if not c.isspace() and c != "·")))[:4]
        expected = (" ".join(dict.fromkeys("".join(c) for c in combos)),
                    " ".join(dict.fromkeys("".join(p[0] for p in c) for c in combos)))
        assert name_keys(name) == expected
    assert "wjh" in name_keys("吴建华")[1].split()
    assert {"zd", "cd"} <= set(name_keys("曾单")[1].split())


def test_the_dictionary_is_pypinyins_read_without_importing_the_package() -> None:
    """Issue 17: `import pypinyin` loads its phrase dictionary too (125 ms of 积分制's first opening)."""
    import subprocess
    import sys

    probe = ("import sys; from storage.registry.pinyin_keys import _dictionary; d = _dictionary(); "
             "print(len(d), 'pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    count, imported = out.stdout.split()
    from pypinyin.pinyin_dict import pinyin_dict
    assert int(count) == len(pinyin_dict) and imported == "False"
    _dictionary.cache_clear()
    assert _dictionary() == pinyin_dict
