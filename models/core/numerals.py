"""Chinese numerals for article and chapter numbers (第二十一条): formatting and parsing."""
from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_DIGIT_VALUES = {ch: i for i, ch in enumerate(DIGITS)} | {"〇": 0, "两": 2, "○": 0}
_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = DIGITS + "〇○两十百千" + "0123456789０１２３４５６７８９"


def to_chinese(number: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 110 → 一百一十 (up to 9999)."""
    if not 0 < number < 10000:
        raise ValueError(f"article numbers run from 1 to 9999, got {number}")
    parts: list[str] = []
    pending_zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(DIGITS[digit] + unit)
    text = "".join(parts)
    # 十一 to 十九 drop the leading 一 (as in 第十一条); 一百一十 keeps it.
    return text[1:] if text.startswith("一十") else text


def parse_number(text: str) -> int | None:
    """Parse 二十一 / 廿一-free Chinese numerals or Arabic (also full-width) digits; None if not a number."""
    text = text.strip()
    if not text:
        return None
    ascii_text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if ascii_text.isdigit():
        return int(ascii_text)
    return _parse_chinese(text)


def _parse_chinese(text: str) -> int | None:
    total, digit = 0, None
    for ch in text:
        if ch in _DIGIT_VALUES:
            if digit is not None and digit != 0:
                return _parse_positional(text)  # 二〇 style: digit after digit
            digit = _DIGIT_VALUES[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0) or None


def _parse_positional(text: str) -> int | None:
    """一二〇 as digit-by-digit 120 (seen in some Word files)."""
    if any(ch not in _DIGIT_VALUES for ch in text):
        return None
    return int("".join(str(_DIGIT_VALUES[ch]) for ch in text)) or None


def article_label(number: int) -> str:
    return f"第{to_chinese(number)}条"


def chapter_label(number: int) -> str:
    return f"第{to_chinese(number)}章"
