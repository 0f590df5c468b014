"""Demo: 青石村's village rules — the 2019 revision through all nine steps (第1版 draft, 第2版 in force since
2019-07-01, storage/demo/rules_2019.py) and the 2026 revision's draft, 第3版 (its steps: b60_workflow.py)."""
from __future__ import annotations

import random

from models.core.accounts import Actor, Role
from models.rules.document import RuleVersion, delete_article, insert_article, move_article, update_article
from models.rules.text import parse_rules_text
from storage.core.db import Database
from storage.demo import DemoOptions, rules_2019
from storage.rules.reasons import SqliteChangeReasonStore
from storage.rules.store import SqliteRulebookStore

TITLE = "青石村村规民约"

DRAFT_2019 = """# 青石村村规民约

## 第一章 总则

第一条 为维护本村社会秩序，树立良好村风民风，根据有关法律法规，结合本村实际，制定本村规民约。

第二条 本村规民约适用于本村全体村民和在本村居住的其他人员。

## 第二章 社会治安

第三条 村民应当遵纪守法，不参与赌博、吸毒、传销等违法活动。

第四条 抵制黑恶势力，发现欺行霸市、强揽工程等线索，及时向村委会或派出所报告。

第五条 治安巡逻队按排班开展夜间巡逻，每户应配合做好联户联防。

第六条 村民之间发生纠纷，应当协商解决；协商不成的，可申请村调解委员会调解，不得聚众闹事。

## 第三章 消防安全

第七条 严禁在山林、田边野外用火，祭扫用火须在指定地点进行。

第八条 木房集中的寨子每户应备有灭火器或储水缸，不得私拉乱接电线。

## 第四章 村容村貌

第九条 生活垃圾倒入指定地点，不得倾倒入河道、沟渠。

第十条 各户负责房前屋后卫生，畜禽实行圈养。

第十一条 每月最后一个星期六为全村卫生日，每户出一名劳力参加。

## 第五章 移风易俗

第十二条 婚事新办、丧事简办。

第十三条 除婚丧嫁娶外，不得以升学、参军、乔迁等名义大操大办。

第十四条 反对索要高额彩礼，反对借婚姻索取财物。

第十五条 倡导孝老爱亲，子女应当履行赡养义务，不得虐待、遗弃老人。

第十六条 家庭成员平等相待，反对家庭暴力。

第十七条 倡导勤劳致富，反对等靠要，反对炫富攀比、铺张浪费。

## 第六章 权益保障

第十八条 男女平等，出嫁、入赘及离婚、丧偶的妇女依法平等享有村民的各项权益。

第十九条 父母应当送适龄子女接受义务教育，不得让其辍学。

第二十条 保护耕地，不得在承包地上乱建房屋、取土挖沙。

第二十一条 村道、水渠、路灯等公共设施人人爱护；损坏的，应当照价修复。

## 第七章 奖惩

第二十二条 遵守本村规民约、热心公益的农户，年终评为文明户。

第二十三条 违反本村规民约的，由村委会批评教育、责令改正；情节较重的，取消当年评优评先资格。

## 第八章 附则

第二十四条 本村规民约未尽事宜，按国家法律法规执行。

第二十五条 本村规民约经村民会议通过，自二〇一九年七月一日起施行。
"""


def build(db: Database, rng: random.Random, options: DemoOptions) -> None:
    row = db.conn.execute("SELECT id, display_name FROM users WHERE username = 'admin'").fetchone()
    if row is None or db.conn.execute("SELECT 1 FROM rulebooks WHERE title = ? AND deleted = 0", (TITLE,)).fetchone():
        options.counts["rulebooks"] = 0
        return
    actor = Actor(row[0], row[1], Role.ADMIN)
    store = SqliteRulebookStore(db, actor)
    rulebook = store.create_rulebook(TITLE)
    parsed = parse_rules_text(DRAFT_2019)
    store.add_version(RuleVersion("", rulebook.id, 0, tuple(parsed.chapters), title=TITLE), "2019年修订初稿")
    rules_2019.record(db, rng, rulebook.id, actor)  # 第2版 in force, through the nine steps
    store.new_version(rulebook.id)
    revised, reasons = revise(store.load_version(rulebook.id))
    store.save_version(revised)
    for key, reason in reasons.items():
        SqliteChangeReasonStore(db, actor).set_change_reason(revised.id, key, reason)
    options.counts["rulebooks"] = 1
    options.counts["rule_versions"] = 3


def revise(draft: RuleVersion) -> tuple[RuleVersion, dict[str, str]]:
    """The 2026 revision: the fine goes, sanctions follow the guideline, banquets get a limit, one article moves."""
    keys = [a.key for a in draft.articles]
    version = update_article(draft, keys[8], "生活垃圾分类投放至指定收集点，不得倾倒入河道、沟渠和公路两侧。")
    version = update_article(version, keys[22], "违反本村规民约的，由执行委员会批评教育、责令改正；情节较重或拒不改正的，"
                                                "经村务监督委员会审核后列入黄榜，并取消当年评优评先资格。")
    version = update_article(version, keys[11], "婚事新办、丧事简办，红白喜事宴席不超过二十桌，礼金标准按红白理事会公布的标准执行。")
    version, added = insert_article(version, 4, 4, "鼓励在外务工村民通过电话、微信等方式参与村务，对本村规民约提出意见。")
    version = move_article(version, keys[15], 5, 1)  # domestic violence: from customs to rights, after equality
    version = delete_article(version, keys[21])
    version, rewarded = insert_article(version, 6, 0, "遵守本村规民约、积极参与公益事业的农户，经评议可列入红榜，"
                                                      "优先推荐参加文明户、星级户评选。")
    reasons = {keys[8]: "按垃圾分类的要求修改", keys[22]: "按指导意见改为批评教育为主",
               keys[11]: "采纳红白理事会意见，明确宴席规模", added: "采纳外出务工村民的意见",
               keys[21]: "与新的表彰条款合并", rewarded: "增加红榜表彰", keys[15]: "调整到权益保障一章"}
    return version, reasons
