"""积分细则 — the scheme's items and the rules an item and an adoption must pass (R35, DOMAIN.md §4.3, R33).

A scheme counts only once adopted at a recorded villagers' (representatives') meeting; a change is a new version
from its adoption date. A deduction item names the village-rules clause it enforces and may never take away what
the law protects (land, dividends, schooling, marriage, registration, statutory benefits).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from models.core.errors import DomainError
from models.lists.entries import PeriodKind
from models.rules.legality import check_text
from models.rules.legality_table import Severity

ADOPTING_MEETINGS = ("villagers_meeting", "representatives_meeting")
DEFAULT_DEDUCTION_SHARE = 30  # per cent of a board's entries (R38: positive first)
# §4.3 / R33: what a deduction may never take away or make conditional. The rules area's legality table covers
# fines, detention, services and schooling; these name the entitlements a points item most often reaches for.
_TAKING = r"(取消|停发|停止|扣除|扣减|扣发|不予|不准|不得|不让|剥夺|收回|暂停|限制|冻结|减少)"
_PROTECTED = (r"(承包地|宅基地|土地|分红|集体收益|股份|补偿款?|入学|上学|就学|婚姻|结婚|离婚|户口|户籍|落户|"
              r"低保|养老金|医保|救助|补贴)")
_PROTECTED_PATTERN = re.compile(_TAKING + r".{0,6}" + _PROTECTED)


@dataclass(frozen=True)
class SchemeItem:
    """积分项目 — code, class, name, ± points, cap per period (None: no cap), evidence needed, rules clause."""

    code: str
    class_name: str
    name: str
    points: int
    cap: int | None = None
    evidence: str = ""
    clause: str = ""  # the 村规民约 clause a deduction enforces, as resolved ("第十二条 …")
    # the name's pinyin initials, space-separated readings ("cjqcwsryw…"), as storage reads an adopted item: for the
    # search at entry, never part of what an item is
    initials: str = field(default="", compare=False)

    @property
    def is_deduction(self) -> bool:
        return self.points < 0


@dataclass(frozen=True)
class Scheme:
    """An adopted version of the scheme: items, the period its caps count in, the meeting that adopted it."""

    id: str
    version: int
    adopted_on: date
    meeting_id: str
    items: tuple[SchemeItem, ...]
    period: PeriodKind = PeriodKind.MONTH
    resolution: str = ""
    deduction_share: int = DEFAULT_DEDUCTION_SHARE

    def item(self, code: str) -> SchemeItem:
        found = next((i for i in self.items if i.code == code.strip()), None)
        if found is None:
            raise DomainError(f"积分细则（第{self.version}版）中没有代码为“{code}”的项目。"
                              "请用 points scheme show 查看项目代码。")
        return found


@dataclass(frozen=True)
class MeetingItem:
    """One agenda item of a meeting record as adoption reads it: its place (1 = the first), title, resolution."""

    number: int
    title: str
    resolution: str
    passed: bool

    @property
    def about_points(self) -> bool:
        return "积分" in self.title or "积分" in self.resolution

    @property
    def text(self) -> str:
        """As the scheme records the resolution it was adopted by: 第2项 审议积分细则：通过……"""
        return f"第{self.number}项 {self.title}" + (f"：{self.resolution}" if self.resolution else "")


def find_items(items: tuple[SchemeItem, ...], typed: str, limit: int = 8) -> list[SchemeItem]:
    """Entry by code or search, as households are found (find_households): the item of this code first, then codes
    starting with the text, names holding it (卫生), and names whose pinyin initials start with it (cjq finds
    参加全村卫生日义务劳动)."""
    text = typed.strip().lower()
    if not text:
        return []
    exact = [i for i in items if i.code.lower() == text]
    others = [i for i in items if i not in exact and (i.code.lower().startswith(text) or text in i.name
                                                      or any(v.startswith(text) for v in i.initials.split()))]
    return (exact + others)[:limit]


@dataclass(frozen=True)
class AdoptionMeeting:
    """What adoption reads of a meeting record (through the minutes area's rules, R1–R3)."""

    id: str
    number: str
    type_code: str
    type_label: str
    on: date
    final: bool
    quorum_met: bool
    quorum_reason: str
    items: tuple[MeetingItem, ...]  # every agenda item, in order, with whether it passed

    @property
    def passed_items(self) -> tuple[str, ...]:
        """The titles of the items that passed."""
        return tuple(i.title for i in self.items if i.passed)


def adoption_problems(meeting: AdoptionMeeting) -> list[str]:
    """R35: why this meeting record cannot adopt a points scheme (empty: it can)."""
    problems = []
    if meeting.type_code not in ADOPTING_MEETINGS:
        problems.append(f"会议记录 {meeting.number} 是{meeting.type_label}，积分细则须经村民会议或村民代表会议通过")
    if not meeting.final:
        problems.append(f"会议记录 {meeting.number} 还未定稿")
    if not meeting.quorum_met:
        problems.append(f"会议未达法定人数：{meeting.quorum_reason}")
    if not meeting.passed_items:
        problems.append(f"会议记录 {meeting.number} 没有表决通过的议题")
    return problems


R35_SOURCE = ("R35；中央农办、农业农村部《关于在乡村治理中推广运用积分制有关工作的通知》（2020）："
              "积分制须通过民主程序确定")


def adopting_item(meeting: AdoptionMeeting, number: int | None = None) -> MeetingItem:
    """R35: the passed agenda item of `meeting` that adopts the scheme — the one the clerk names (`number`, checked
    to have passed), else the first passed item whose title or resolution is about points (积分). A meeting that
    passed only other matters (a 低保 review, a road plan) adopts no scheme."""
    if number is not None:
        found = next((i for i in meeting.items if i.number == number), None)
        if found is None:
            raise DomainError(f"会议记录 {meeting.number} 没有第{number}项议题（共 {len(meeting.items)} 项）。")
        if not found.passed:
            raise DomainError(f"会议记录 {meeting.number} 的第{number}项议题“{found.title}”没有表决通过，"
                              f"不能作为积分细则的通过依据（{R35_SOURCE}）。")
        return found
    found = next((i for i in meeting.items if i.passed and i.about_points), None)
    if found is None:
        passed = "、".join(f"第{i.number}项“{i.title}”" for i in meeting.items if i.passed)
        raise DomainError(f"会议记录 {meeting.number} 没有表决通过关于积分细则的议题（通过的是{passed}），"
                          f"不能作为积分细则的通过依据（{R35_SOURCE}）。"
                          "请选通过积分细则的会议记录；若议题名称未写“积分”，请用 --item N 指明是第几项议题。")
    return found


def item_problems(item: SchemeItem) -> list[str]:
    """Why an item cannot be part of a scheme (empty: it can)."""
    problems = []
    if not item.code.strip() or not item.name.strip() or not item.class_name.strip():
        problems.append("代码、类别和名称都必须填写")
    if item.points == 0:
        problems.append("分值不能为 0")
    if item.cap is not None and item.cap <= 0:
        problems.append("每期上限须为正数（不设上限请留空）")
    elif item.cap is not None and item.cap < abs(item.points):
        problems.append(f"每期上限 {item.cap} 分小于这一项一次的分值 {abs(item.points)} 分，一次也记不满"
                        "（上限应不小于分值，不设上限请留空）")
    if item.is_deduction and not item.clause.strip():
        problems.append("扣分项目必须写明所依据的村规民约条款")
    text = f"{item.name} {item.evidence}"
    problems += [f"{f.category.label}：{f.reason}" for f in check_text(text) if f.severity is Severity.BLOCKING]
    if item.is_deduction and _PROTECTED_PATTERN.search(text):
        problems.append("扣分不得以土地、分红、入学、婚姻、户籍登记或法定待遇作处罚（村规民约指导意见、R33）")
    return problems


FIRST_DATA_ROW = 2  # rows are named as the clerk sees them in Excel: the header is row 1


def _numbers(count: int, numbers: Sequence[int] | None) -> Sequence[int]:
    return numbers if numbers is not None else range(FIRST_DATA_ROW, FIRST_DATA_ROW + count)


def check_items(items: tuple[SchemeItem, ...], numbers: Sequence[int] | None = None) -> None:
    """Refuse the first bad item, naming its row: `numbers` as the file numbers its rows (an Excel sheet's own row
    numbers, as the roster import names them), else as if the header were row 1 (the first item is 第2行)."""
    seen: set[str] = set()
    for row, item in zip(_numbers(len(items), numbers), items):
        problems = item_problems(item)
        if item.code in seen:
            problems.append(f"代码“{item.code}”重复")
        seen.add(item.code)
        if problems:
            raise DomainError(f"第{row}行（{item.code} {item.name}）不能列入积分细则：{'；'.join(problems)}。")
    if not items:
        raise DomainError("积分细则没有任何项目。")


def parse_points(text: str, row: int, column: str) -> int:
    try:
        return int(str(text).strip().replace("＋", "+").replace("－", "-").replace("分", ""))
    except ValueError:
        raise DomainError(f"第{row}行的“{column}”应是整数，现在是“{text}”。") from None


SCHEME_COLUMNS = ("代码", "类别", "名称", "分值", "每期上限", "所需依据", "村规民约条款")


def check_columns(header: Iterable[str]) -> None:
    """Refuse a table whose header row lacks any of SCHEME_COLUMNS, naming the missing ones (a sheet without 每期上限
    would otherwise be adopted with no caps, one without 村规民约条款 refuse every deduction for want of a clause)."""
    present = {cell.strip() for cell in header}
    missing = [c for c in SCHEME_COLUMNS if c not in present]
    if missing:
        raise DomainError(f"积分细则表缺少列：{'、'.join(missing)}。表头一行应依次为：{'、'.join(SCHEME_COLUMNS)}"
                          "（不设上限、无需依据或条款的格可以留空，但列要有）。请补上这些列后再导入。")


def items_from_rows(rows: list[dict[str, str]], numbers: Sequence[int] | None = None) -> tuple[SchemeItem, ...]:
    """Scheme items from table rows keyed by SCHEME_COLUMNS (the clause as written: resolved by the store); rows
    named in refusals by `numbers` as check_items names them."""
    if rows:
        check_columns(rows[0])
    items = []
    for row, values in zip(_numbers(len(rows), numbers), rows):
        cap = values.get("每期上限", "").strip()
        items.append(SchemeItem(values["代码"].strip(), values["类别"].strip(), values["名称"].strip(),
                                parse_points(values["分值"], row, "分值"),
                                parse_points(cap, row, "每期上限") if cap else None,
                                values.get("所需依据", "").strip(), values.get("村规民约条款", "").strip()))
    return tuple(items)


SETTING_PERIOD, SETTING_SHARE = "计分周期", "扣分占比上限"
_PERIOD_WORDS = {PeriodKind.MONTH: ("月", "月度", "按月", "每月", "month"),
                 PeriodKind.QUARTER: ("季", "季度", "按季度", "每季度", "quarter"),
                 PeriodKind.YEAR: ("年", "年度", "按年", "每年", "year")}
_SETTING_LINE = re.compile(rf"^\s*[-*]?\s*({SETTING_PERIOD}|{SETTING_SHARE})\s*[:：]\s*([^\s（(，,；;]+)")


@dataclass(frozen=True)
class SchemeSettings:
    """What a scheme file (or `points scheme import`'s options) may set besides the items: the period its caps and
    boards count in, and the deduction share above which a board warns (R38). None: as the version before."""

    period: PeriodKind | None = None
    deduction_share: int | None = None

    def over(self, other: SchemeSettings) -> SchemeSettings:
        """These settings where given, `other`'s elsewhere (the command's options over the file's lines)."""
        return SchemeSettings(self.period or other.period,
                              other.deduction_share if self.deduction_share is None else self.deduction_share)


def parse_period_kind(text: str) -> PeriodKind:
    word = text.strip().lower()
    for kind, words in _PERIOD_WORDS.items():
        if word in words:
            return kind
    raise DomainError(f"{SETTING_PERIOD}应为 月、季度 或 年（month、quarter、year），现在是“{text}”。")


def parse_share(text: str) -> int:
    """扣分占比上限 as a whole per cent: "30%", "30％" or "30"."""
    digits = str(text).strip().rstrip("%％").strip()
    if not digits.isdigit() or not 0 < int(digits) <= 100:
        raise DomainError(f"{SETTING_SHARE}应为 1%–100% 之间的整数百分比，如 30%，现在是“{text}”。")
    return int(digits)


def settings_from_lines(lines: list[str]) -> SchemeSettings:
    """The settings written as lines "计分周期：季度" and "扣分占比上限：30%" (anything after the value, such as a
    note in brackets, is ignored; other lines are the file's prose)."""
    found: dict[str, str] = {}
    for line in lines:
        match = _SETTING_LINE.match(line)
        if match:
            found[match.group(1)] = match.group(2)
    return SchemeSettings(parse_period_kind(found[SETTING_PERIOD]) if SETTING_PERIOD in found else None,
                          parse_share(found[SETTING_SHARE]) if SETTING_SHARE in found else None)


def scheme_table(scheme: Scheme) -> str:
    """The version as a Markdown table with SCHEME_COLUMNS, which `points scheme import` reads back (the clause by
    its article label alone: the text is the rules' own and is looked up again on import)."""
    lines = ["| " + " | ".join(SCHEME_COLUMNS) + " |", "|" + "---|" * len(SCHEME_COLUMNS)]
    for i in scheme.items:
        cells = (i.code, i.class_name, i.name, str(i.points), str(i.cap or ""), i.evidence,
                 i.clause.split(" ", 1)[0] if i.clause else "")
        lines.append("| " + " | ".join(cell.replace("|", "／") for cell in cells) + " |")
    settings = (f"{SETTING_PERIOD}：{scheme.period.label}\n"
                f"{SETTING_SHARE}：{scheme.deduction_share}%\n")
    return (f"# 积分细则（第{scheme.version}版，{scheme.adopted_on.isoformat()} 通过）\n\n{settings}\n"
            + "\n".join(lines) + "\n")
