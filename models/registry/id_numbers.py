"""Resident ID numbers (GB 11643-1999, 18 characters): validation, birth date, gender and masking."""
from __future__ import annotations

from datetime import date

from models.registry.households import Gender

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# First two digits: province-level codes of GB/T 2260 (plus 71/81/82 Taiwan, Hong Kong, Macao and 83 Taiwan residents).
_PROVINCES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
                        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83})
EARLIEST_BIRTH = date(1890, 1, 1)


def normalize_id_number(text: str) -> str:
    """Strip spaces and a leading apostrophe (Excel's text marker); upper-case a final x."""
    return text.strip().lstrip("'").replace(" ", "").upper()


def check_digit(first17: str) -> str:
    """The 18th character for the first 17 digits (ISO 7064 MOD 11-2)."""
    total = sum(map(int.__mul__, map(int, first17), _WEIGHTS))  # map keeps this fast for 20,000-row imports
    return _CHECK[total % 11]


def id_number_problem(number: str, today: date | None = None) -> str | None:
    """Why `number` (already normalised) is not a valid ID number, in Chinese; None if valid."""
    if len(number) == 15 and number.isdigit():
        return "这是 15 位的旧身份证号，请换成 18 位的新号码。"
    if len(number) != 18:
        return f"身份证号应为 18 位，这里是 {len(number)} 位。"
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return "身份证号前 17 位应为数字，最后一位为数字或 X。"
    if int(number[:2]) not in _PROVINCES:
        return f"身份证号开头“{number[:2]}”不是有效的省级行政区划代码。"
    born = birth_date_of(number)
    if born is None:
        return f"身份证号中的出生日期“{number[6:14]}”不是真实的日期。"
    if born < EARLIEST_BIRTH or born > (today or date.today()):
        return f"身份证号中的出生日期 {born.isoformat()} 不合理（在未来或过于久远）。"
    if check_digit(number[:17]) != number[17]:
        return "身份证号校验位不对，可能有数字抄错了，请对照身份证核实。"
    return None


def birth_date_of(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def gender_of(number: str) -> Gender:
    """The 17th digit is odd for men and even for women."""
    return Gender.MALE if int(number[16]) % 2 == 1 else Gender.FEMALE


def mask_id_number(number: str) -> str:
    """First 6 and last 4 visible, the rest as *, the one masking scheme of the app (DOMAIN R30)."""
    if not number:
        return ""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def make_id_number(region: str, born: date, sequence: int, gender: Gender) -> str:
    """Build a valid number: 6-digit region, birth date, 3-digit sequence with the gender parity, check digit."""
    serial = sequence % 500 * 2 + (1 if gender is Gender.MALE else 0)
    first17 = f"{region}{born:%Y%m%d}{serial:03d}"
    return first17 + check_digit(first17)
