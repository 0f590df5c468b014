"""Legality check: every category found in a forbidden clause, and not in text that forbids it."""
from __future__ import annotations

import pytest

from models.rules.legality import check_text, check_version, has_blocking
from models.rules.legality_table import FindingCategory, Severity
from models.rules.document import RuleVersion
from models.rules.text import parse_rules_text

FOUND = [
    ("fine", "乱倒垃圾的，罚款200元。"),
    ("fine", "违者罚500元。"),
    ("deposit", "建房前须交押金3000元。"),
    ("confiscation", "发现赌博的，没收赌资。"),
    ("confiscation", "对偷伐林木者扣押其车辆。"),
    ("detention", "对小偷可关押一夜后交派出所。"),
    ("detention", "形迹可疑的外来人员，可先扣留。"),
    ("detention", "必要时限制其人身自由。"),
    ("humiliation", "偷盗者游街示众。"),
    ("privacy", "在公开栏张贴违约人照片。"),
    ("membership", "屡教不改的，开除村籍。"),
    ("membership", "取消其村民资格。"),
    ("membership", "剥夺其选举权。"),
    ("membership", "违者不准其子女入学。"),
    ("entitlements", "违者不得享受集体分红。"),
    ("women", "外嫁女及其子女不享受土地补偿款分配。"),
    ("women", "出嫁女户口未迁出的，一律取消分红。"),
    ("women", "离婚妇女的承包地由村集体收回。"),
    ("women", "入赘男子不得享受村民待遇。"),
    ("collective", "违者三代以内直系亲属一并取消评优资格。"),
    ("collective", "实行连坐。"),
    ("utilities", "拖欠水费三个月的，断水断电。"),
    ("utilities", "对拒不整改的停止供电。"),
    ("services", "违者取消其低保。"),
    ("services", "对不交卫生费的农户，不予办理各类证明。"),
    ("services", "欠费户村委会不代收其养老保险。"),
    ("violence", "进村盗窃者格杀勿论。"),
    ("exclusion", "外来人员一律不准进村。"),
]

NOT_FOUND = [
    "不得罚款。",
    "任何组织和个人不得以违反村规民约为由，对村民罚款、没收或扣押财物。",
    "出嫁、入赘及离婚、丧偶的妇女，依法平等享有本村村民的各项权益。",
    "反对包办、买卖婚姻和索要高额彩礼。",
    "严禁游街示众、关押等侵犯人身权利的做法。",
    "不得以出嫁、离婚为由取消妇女的土地承包权。",
    "出嫁女与其他村民同等享有分红，任何人不得取消。",
    "不搞株连，一人违约由本人负责。",
    "家长不得阻挠子女入学。",
    "不得以升学、参军、乔迁等名义大操大办。",
    "村委会不得拒绝出具证明。",
    "停电期间注意用火安全。",
    "违反本村规民约的，由执行委员会批评教育，取消当年评优评先资格。",
    "损坏公共设施的，应当照价修复。",
    "不得对村民断水断电。",
]


@pytest.mark.parametrize("category, text", FOUND)
def test_forbidden_content_is_found(category: str, text: str) -> None:
    assert category in {f.category.value for f in check_text(text)}


@pytest.mark.parametrize("text", NOT_FOUND)
def test_text_that_forbids_or_protects_is_not_flagged(text: str) -> None:
    assert check_text(text) == []


def test_finding_carries_article_reason_and_basis() -> None:
    version = RuleVersion("v", "r", 1, tuple(parse_rules_text("第一条 讲卫生。\n第二条 乱倒垃圾的，罚款200元。").chapters))
    findings = check_version(version)
    fine = [f for f in findings if f.category is FindingCategory.FINE][0]
    assert fine.article_number == 2 and fine.severity is Severity.BLOCKING and fine.text == "罚款"
    assert "行政处罚法" in fine.basis and "批评教育" in fine.reason
    assert has_blocking(findings)


def test_form_hints_long_vague_and_missing_areas() -> None:
    long_text = "村民应当爱护环境" * 25
    text = f"第一条 {long_text}。\n第二条 村民要尽量讲卫生。"
    findings = check_version(RuleVersion("v", "r", 1, tuple(parse_rules_text(text).chapters)))
    categories = [(f.article_number, f.category) for f in findings]
    assert (1, FindingCategory.LONG_ARTICLE) in categories
    assert (2, FindingCategory.VAGUE_DUTY) in categories
    missing = {f.text for f in findings if f.category is FindingCategory.MISSING_AREA}
    assert {"调解群众纠纷", "天价彩礼", "家庭暴力"} <= missing
    assert all(f.severity is Severity.HINT for f in findings)


def test_a_general_sanction_article_answers_vague_duties() -> None:
    text = "第一条 村民要讲卫生。\n第二条 违反本村规民约的，由执行委员会批评教育。"
    findings = check_version(RuleVersion("v", "r", 1, tuple(parse_rules_text(text).chapters)))
    assert not [f for f in findings if f.category is FindingCategory.VAGUE_DUTY]


def test_a_reference_to_a_deleted_article_is_a_warning() -> None:
    from models.rules.document import delete_article
    version = RuleVersion("v", "r", 1, tuple(parse_rules_text("第一条 甲。\n第二条 违者依照第一条处理。").chapters))
    findings = check_version(delete_article(version, version.articles[0].key), kind_is_rules=False)
    assert [(f.category, f.severity, f.article_number) for f in findings] == [
        (FindingCategory.DANGLING_REFERENCE, Severity.WARNING, 1)]


def test_charters_get_no_missing_area_hints() -> None:
    version = RuleVersion("v", "r", 1, tuple(parse_rules_text("第一条 本章程适用于本村。").chapters))
    assert check_version(version, kind_is_rules=False) == []
