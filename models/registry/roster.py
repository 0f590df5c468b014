"""The roster spreadsheet (花名册): its columns, header synonyms, and validation of one row."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime
from typing import Any, Mapping

from models.registry.id_numbers import birth_date_of, gender_of, id_number_problem, normalize_id_number
from models.registry.households import Gender

# (key, header written on export) in the order of the clerks' sheet (samples/roster_qingshi.csv).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("household_no", "户号"), ("group", "组别"), ("name", "姓名"), ("relation", "与户主关系"),
    ("gender", "性别"), ("id_number", "身份证号"), ("birth_date", "出生日期"), ("ethnicity", "民族"),
    ("phone", "联系电话"), ("political_status", "政治面貌"),
)
HEADERS = dict(COLUMNS)
REQUIRED = ("household_no", "group", "name")
SYNONYMS: dict[str, tuple[str, ...]] = {
    "household_no": ("户号", "户编号", "户籍编号", "家庭户号", "户代码"),
    "group": ("组别", "村民小组", "小组", "组", "所在组", "组名"),
    "name": ("姓名", "名字", "村民姓名", "成员姓名"),
    "relation": ("与户主关系", "户主关系", "与户主的关系", "关系", "家庭关系"),
    "gender": ("性别",),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "居民身份证号码"),
    "birth_date": ("出生日期", "出生年月日", "出生年月", "生日"),
    "ethnicity": ("民族",),
    "phone": ("联系电话", "电话", "手机", "手机号", "手机号码", "电话号码", "联系方式"),
    "political_status": ("政治面貌", "政治身份"),
}
ETHNIC_GROUPS = frozenset(
    "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 "
    "黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 "
    "撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 "
    "京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族".split())
POLITICAL_STATUSES = {"中共党员": "中共党员", "党员": "中共党员", "中共预备党员": "中共预备党员",
                      "预备党员": "中共预备党员", "共青团员": "共青团员", "团员": "共青团员", "群众": "群众",
                      "民主党派": "民主党派成员", "民主党派成员": "民主党派成员", "无党派人士": "无党派人士"}
GENDERS = {"男": Gender.MALE, "女": Gender.FEMALE, "male": Gender.MALE, "female": Gender.FEMALE}
_NAME = re.compile(r"^[\u3400-\u9fffA-Za-z·•．. ]{1,30}$")
_HOUSEHOLD_NO = re.compile(r"^[0-9A-Za-z\-]{1,20}$")
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class Rejection:
    """被拒行 — one problem of one row: spreadsheet row number (header = 1), column header, Chinese reason."""

    row: int
    column: str
    reason: str


@dataclass(frozen=True)
class RosterRow:
    """花名册行 — one valid, normalised row of the roster."""

    row: int
    household_no: str
    group: str
    name: str
    relation: str
    gender: Gender | None
    id_number: str
    birth_date: date | None
    ethnicity: str
    phone: str
    political_status: str

    def values(self) -> dict[str, str]:
        """The row as export writes it, keyed by column key."""
        return {"household_no": self.household_no, "group": self.group, "name": self.name,
                "relation": self.relation, "gender": self.gender.label if self.gender else "",
                "id_number": self.id_number, "birth_date": self.birth_date.isoformat() if self.birth_date else "",
                "ethnicity": self.ethnicity, "phone": self.phone, "political_status": self.political_status}


def map_headers(headers: list[str]) -> tuple[dict[str, int], list[str]]:
    """Column key → index for the recognised headers, and the headers that were not understood."""
    lookup = {_squash(s): key for key, names in SYNONYMS.items() for s in names}
    found: dict[str, int] = {}
    unknown: list[str] = []
    for index, header in enumerate(headers):
        key = lookup.get(_squash(header))
        if key is not None and key not in found:
            found[key] = index
        elif _squash(header):
            unknown.append(str(header).strip())
    return found, unknown


def missing_headers(found: Mapping[str, int]) -> list[str]:
    return [HEADERS[key] for key in REQUIRED if key not in found]


def _squash(header: Any) -> str:
    return re.sub(r"[\s*＊:：（）()]", "", str(header or "")).lower()


def parse_row(number: int, cells: Mapping[str, Any], today: date) -> tuple[RosterRow | None, list[Rejection]]:
    """Validate one row (cells keyed by column key). Returns the row, or None and every problem found."""
    problems: list[Rejection] = []

    def reject(key: str, reason: str) -> None:
        problems.append(Rejection(number, HEADERS[key], reason))

    text = {key: cell_text(cells.get(key)) for key, _ in COLUMNS}
    if isinstance(cells.get("id_number"), (int, float)):
        reject("id_number", "身份证号被表格存成了数字，后几位可能已丢失；请把该列设为“文本”后重新录入。")
        text["id_number"] = ""  # the digits cannot be trusted: check nothing else against them
    fields = _check_fields(text, reject, today)
    if problems:
        return None, problems
    return RosterRow(number, **fields), []


def _check_fields(text: dict[str, str], reject: Any, today: date) -> dict[str, Any]:
    for key in REQUIRED:
        if not text[key]:
            reject(key, f"{HEADERS[key]}不能为空。")
    if text["household_no"] and not _HOUSEHOLD_NO.match(text["household_no"]):
        reject("household_no", "户号只能由数字、字母和“-”组成，最长 20 位。")
    if text["name"] and not _NAME.match(text["name"]):
        reject("name", "姓名只能含汉字、字母和间隔号“·”，不能有数字或符号。")
    gender = _gender(text["gender"], reject)
    id_number, id_valid = _id_number(text["id_number"], reject, today)
    born = _birth_date(text["birth_date"], reject, today)
    if id_valid:
        born = _consistent(id_number, born, gender, reject)
        gender = gender or gender_of(id_number)
    return {"household_no": text["household_no"], "group": normalize_group(text["group"]), "name": text["name"],
            "relation": text["relation"], "gender": gender, "id_number": id_number, "birth_date": born,
            "ethnicity": _ethnicity(text["ethnicity"], reject), "phone": _phone(text["phone"], reject),
            "political_status": _political(text["political_status"], reject)}


def _gender(value: str, reject: Any) -> Gender | None:
    if not value:
        return None
    if value not in GENDERS:
        reject("gender", f"性别应填“男”或“女”，这里是“{value}”。")
        return None
    return GENDERS[value]


def _id_number(value: str, reject: Any, today: date) -> tuple[str, bool]:
    """The normalised number, and whether it is a valid one."""
    number = normalize_id_number(value)
    if not number:
        return "", False
    if problem := id_number_problem(number, today):
        reject("id_number", problem)
        return number, False
    return number, True


def _birth_date(value: str, reject: Any, today: date) -> date | None:
    if not value:
        return None
    born = parse_date(value)
    if born is None:
        reject("birth_date", f"出生日期“{value}”无法识别，请写成 1975-01-03 的格式。")
    elif born > today or born.year < 1890:
        reject("birth_date", f"出生日期 {born.isoformat()} 不合理（在未来或过于久远）。")
        return None
    return born


def _consistent(number: str, born: date | None, gender: Gender | None, reject: Any) -> date | None:
    from_id = birth_date_of(number)
    if born is not None and born != from_id:
        reject("birth_date", f"出生日期 {born.isoformat()} 与身份证号中的 {from_id} 不一致，请核对。")
    if gender is not None and gender is not gender_of(number):
        reject("gender", f"性别“{gender.label}”与身份证号（第 17 位表示{gender_of(number).label}）不一致，请核对。")
    return from_id


def _ethnicity(value: str, reject: Any) -> str:
    if not value:
        return ""
    name = value if value.endswith("族") else value + "族"
    if name not in ETHNIC_GROUPS:
        reject("ethnicity", f"民族“{value}”不是 56 个民族之一，请写全称，如“侗族”。")
        return ""
    return name


def _phone(value: str, reject: Any) -> str:
    phone = re.sub(r"[\s()（）]", "", value).replace("+86", "")
    if phone and not _PHONE.match(phone):
        reject("phone", f"联系电话“{value}”格式不对：手机号为 11 位，座机写成 0855-1234567。")
        return ""
    return phone


def _political(value: str, reject: Any) -> str:
    if not value:
        return ""
    if value not in POLITICAL_STATUSES:
        reject("political_status", f"政治面貌“{value}”无法识别，请填 中共党员、中共预备党员、共青团员 或 群众。")
        return ""
    return POLITICAL_STATUSES[value]


@lru_cache(maxsize=1024)
def normalize_group(value: str) -> str:
    """"1", "1组", "一组", "第一组" → "第1组"; other names (e.g. 上寨组) are kept as written."""
    match = re.fullmatch(r"第?([0-9]{1,3}|[一二三四五六七八九十])(组|小组|村民小组)?", value)
    if not match:
        return value
    number = match.group(1)
    return f"第{_CN_DIGITS.get(number, number)}组"


@lru_cache(maxsize=65536)  # a 20,000-row roster repeats many dates; caching keeps imports fast
def parse_date(value: str) -> date | None:
    value = value.strip().split(" ")[0].split("T")[0]
    if len(value) == 10 and value[4] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%Y年%m月%d日"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def cell_text(value: Any) -> str:
    """A cell as text: dates as ISO, whole floats without ".0", None as ""."""
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
