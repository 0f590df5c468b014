"""Legality classes of issue 18: each blocking with its basis, tested with positive, negated and lawful-neighbour text."""
from __future__ import annotations

import pytest

from models.rules.legality import check_text
from models.rules.legality_table import FindingCategory, Severity

# class → (unlawful clauses, the same clause negated, lawful neighbours), and a word its legal basis must name.
CLASSES: dict[str, tuple[list[str], list[str], list[str], str]] = {
    "levy": (["乱倒垃圾的，交100元。", "外寨喝酒吵闹3000-5000元。", "未婚住在一起每年500元。"],
             ["不得向乱倒垃圾的村民收取100元。"],
             ["考上重点大学的，给予奖励500元。", "损坏公共设施的，照价赔偿200元。", "彩礼不超过三万元。"], "行政处罚法"),
    "fine": (["违者重罚。", "违者给予经济处罚。", "违者罚款200元。"],
             ["禁止对村民罚款。", "任何组织和个人不得以违反村规民约为由对村民罚款。"],
             ["违反治安管理的，由公安机关依法处以警告或者罚款。", "不得乱堆乱放，违者批评教育。"], "行政处罚法"),
    "mediation_fee": (["调解纠纷，由双方各交调解费200元。", "夫妻吵架干部来处理罚500元/人。"],
                      ["严禁收取调解费。"], ["调解纠纷不收取任何费用。"], "人民调解法"),
    "marriage": (["外省结婚交1500元。", "禁止与外村人通婚。", "未婚先孕罚款3000元。", "育龄妇女生育后必须放环，否则取消其分红。"],
                 ["不得以与外地人结婚为由取消其分红。"],
                 ["婚姻自由，任何人不得干涉他人与外地人结婚。", "育龄夫妻自主选择避孕节育措施。"], "民法典"),
    "women": (["户无男性的，不得参与宅基地分配。", "离婚妇女不再享有土地承包。", "嫁出本村的妇女，自行脱产。",
               "出嫁女户口必须迁出。", "入赘女婿及其子女不享受安置补助费。"],
              ["不得以出嫁、离婚为由取消妇女的土地承包权。"],
              ["出嫁后户口未迁出的，与其他村民同等享受分配。", "妇女离婚、丧偶的，其承包地不受影响。"], "妇女权益保障法"),
    "membership": (["户在人不在的村民，不再享受村民待遇。", "屡教不改的，开除村籍。"],
                   ["任何人不得开除村籍。"], ["户在人不在的村民，依法享有村民待遇。"], "组织法"),
    "entitlements": (["不参加义务劳动的，停止享受一切公共福利。", "违者不得享受集体分红。"],
                     ["不得以违约为由停止享受集体分红。"],
                     ["违反本村规民约的，暂停其享受村集体自主设立的奖励性福利。"], "组织法"),
    "services": (["越级上访的，取消其粮食补贴。", "无理上访的，停发其低保。", "超生子女不予上户口。",
                  "不履行赡养义务的，村委会对其宅基地申请不予报批。", "欠交卫生费的，不给办理医保。"],
                 ["村委会不得拒绝出具证明。", "严禁以上访为由取消其粮食补贴。"],
                 ["不符合村庄规划和一户一宅规定的，不予审批宅基地。", "户口登记由派出所依法办理。"], "户口登记条例"),
    "land": (["承包地撂荒两年以上的，由村集体收回承包地。", "承包地不得流转给外村人。", "禁止将承包地转包给本村以外的人员。"],
             ["承包期内，发包方不得收回承包地。"],
             ["因自然灾害严重毁损承包地需要个别调整的，须经村民会议三分之二以上成员同意并报批。",
              "土地经营权流转给外村人的，在同等条件下本村村民享有优先权。"], "农村土地承包法"),
    "detention": (["形迹可疑的外来人员，先扣留再说。", "对小偷可关押一夜后交派出所。"],
                  ["禁止对违约村民游街示众或者限制其人身自由。"], ["对违法人员由公安机关依法拘留。"], "组织法"),
    "violence": (["进村偷盗者格杀勿论。"], ["反对打死偷牛贼的说法。"], ["发现偷盗及时报警。"], "组织法"),
    "collective": (["违者由其家属连带承担责任。", "违者血亲三代取消入学优先权和奖学金。"],
                   ["不搞株连，不得让其家属连带承担责任。"], ["未成年子女损坏他人财物的，由其监护人依法承担赔偿责任。"], "组织法"),
    "exclusion": (["外来人员一律不准进村。", "外地人不得在本村租住。"], [],
                  ["外来人员租住本村房屋的，房主应当及时到村委会登记。"], "组织法"),
    "crime_label": (["彩礼超两万元按贩卖妇女或诈骗罪论处。", "索要彩礼过多者，严重者以贩卖人口或诈骗论处。"],
                    ["不得把彩礼纠纷按诈骗罪论处。"], ["构成犯罪的，移交司法机关依法追究刑事责任。"], "刑法"),
}


def _blocking(text: str) -> list[str]:
    return [f.category.value for f in check_text(text) if f.severity is Severity.BLOCKING]


@pytest.mark.parametrize("category, text", [(c, t) for c, (pos, _, _, _) in CLASSES.items() for t in pos])
def test_unlawful_clause_is_blocking_with_its_basis(category: str, text: str) -> None:
    blocking = [f for f in check_text(text) if f.severity is Severity.BLOCKING]
    assert blocking, text
    basis_word = CLASSES[category][3]
    assert any(basis_word in f.basis for f in blocking), [f.basis for f in blocking]
    assert category in {f.category.value for f in blocking} or category in ("levy", "fine"), blocking


@pytest.mark.parametrize("text", [t for _, neg, lawful, _ in CLASSES.values() for t in neg + lawful])
def test_negated_or_lawful_neighbour_is_not_blocking(text: str) -> None:
    assert _blocking(text) == []


PROBES = {
    "户无男性的，不得参与宅基地分配": True,
    "违者由其家属连带承担责任": True,
    "离婚妇女不再享有土地承包": True,
    "出嫁后户口未迁出的，与其他村民同等享受分配": False,
    "禁止对违约村民游街示众或者限制其人身自由": False,
}


@pytest.mark.parametrize("text, blocked", PROBES.items())
def test_the_probe_cases_of_the_issue(text: str, blocked: bool) -> None:
    assert bool(_blocking(text)) is blocked


def test_negation_never_crosses_a_clause_or_sentence_mark_of_either_width() -> None:
    for mark in ("，", ",", "；", ";", "。", ":", "："):
        assert _blocking(f"禁止赌博{mark}违者游街示众") == ["humiliation"], mark
    assert _blocking("严禁乱倒垃圾违者罚款200元") == ["fine"]  # a sanction inside the clause ends the prohibition
    # a negator far before the match, still in its clause, governs it (no fixed window)
    assert _blocking("严格禁止任何组织、任何个人以任何形式对违约村民游街示众") == []


def test_traditional_characters_and_half_width_punctuation_read_alike() -> None:
    assert _blocking("嚴禁私自砍伐林木,違者重罰。") == ["fine"]
    finding = check_text("離婚婦女不再享有土地承包")[0]
    assert finding.category is FindingCategory.WOMEN and finding.text.startswith("離婚")  # quoted as written


QUESTIONABLE = ["村民办理婚宴、寿宴须经红白理事会审批同意后方可举办。", "村民家中办丧事，每户必须出一人帮忙抬棺。",
                "党员干部家庭办酒不超过10桌，群众家庭不超过15桌。", "每户每年交卫生保洁费60元。",
                "红事要求饭菜每桌不超过260元。"]


@pytest.mark.parametrize("text", QUESTIONABLE)
def test_questionable_content_is_a_suggestion_never_a_block(text: str) -> None:
    findings = check_text(text)
    assert findings and {f.severity for f in findings} == {Severity.WARNING}
    assert all(f.severity.label == "建议修改" for f in findings)


def test_a_spot_is_reported_once_at_its_highest_severity() -> None:
    findings = check_text("违者交纳违约金300元。")
    assert [f.severity for f in findings] == [Severity.BLOCKING]


def test_every_unlawful_category_has_a_class_test() -> None:
    tested = set(CLASSES) | {"confiscation", "humiliation", "privacy", "utilities", "deposit", "questionable"}
    table = {c.value for c in FindingCategory} - {"dangling_reference", "long_article", "vague_duty", "missing_area"}
    assert table <= tested
