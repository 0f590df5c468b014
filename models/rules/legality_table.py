"""The legality checker's rule table (DOMAIN.md §4.3, R22, R23): patterns, negations, reasons, legal bases.

Data only: adding a pattern means adding a row here, not code. Bases quote the sources listed in
DOMAIN.md; the checker is an aid for the clerk and the township reviewer, not a legal decision.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """审查结论等级 — blocking must be fixed before the vote; warning should be reviewed; hint is about form."""

    BLOCKING = "blocking"
    WARNING = "warning"
    HINT = "hint"

    @property
    def label(self) -> str:
        return {"blocking": "必须修改", "warning": "建议修改", "hint": "提示"}[self.value]


class FindingCategory(StrEnum):
    """审查类别 — what kind of problem a finding reports."""

    FINE = "fine"
    DEPOSIT = "deposit"
    CONFISCATION = "confiscation"
    DETENTION = "detention"
    HUMILIATION = "humiliation"
    PRIVACY = "privacy"
    MEMBERSHIP = "membership"
    ENTITLEMENTS = "entitlements"
    WOMEN = "women"
    COLLECTIVE = "collective"
    UTILITIES = "utilities"
    SERVICES = "services"
    VIOLENCE = "violence"
    EXCLUSION = "exclusion"
    DANGLING_REFERENCE = "dangling_reference"
    LONG_ARTICLE = "long_article"
    VAGUE_DUTY = "vague_duty"
    MISSING_AREA = "missing_area"
    LEVY = "levy"
    MEDIATION_FEE = "mediation_fee"
    MARRIAGE = "marriage"
    LAND = "land"
    CRIME_LABEL = "crime_label"
    QUESTIONABLE = "questionable"

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS = {
    FindingCategory.FINE: "罚款", FindingCategory.DEPOSIT: "押金或收费",
    FindingCategory.CONFISCATION: "没收扣押财物", FindingCategory.DETENTION: "限制人身自由",
    FindingCategory.HUMILIATION: "侮辱人格", FindingCategory.PRIVACY: "公开肖像或个人信息",
    FindingCategory.MEMBERSHIP: "剥夺村民资格或权利", FindingCategory.ENTITLEMENTS: "停止法定待遇",
    FindingCategory.WOMEN: "侵害妇女权益", FindingCategory.COLLECTIVE: "株连亲属",
    FindingCategory.UTILITIES: "断水断电", FindingCategory.SERVICES: "以停办服务或补贴作处罚",
    FindingCategory.VIOLENCE: "暴力威胁", FindingCategory.EXCLUSION: "一概排斥外来人员",
    FindingCategory.DANGLING_REFERENCE: "引用的条款不存在", FindingCategory.LONG_ARTICLE: "条文过长",
    FindingCategory.VAGUE_DUTY: "义务含糊或无后果", FindingCategory.MISSING_AREA: "缺少应有内容",
    FindingCategory.LEVY: "变相罚款或收费", FindingCategory.MEDIATION_FEE: "调解收费",
    FindingCategory.MARRIAGE: "干涉婚姻生育自由", FindingCategory.LAND: "收回调整承包地或限制流转",
    FindingCategory.CRIME_LABEL: "私定罪名", FindingCategory.QUESTIONABLE: "可能不妥，建议斟酌",
}

ORGANIC_LAW = ("《村民委员会组织法》第二十七条：村规民约不得与宪法、法律、法规和国家的政策相抵触，"
               "不得有侵犯村民的人身权利、民主权利和合法财产权利的内容")
PENALTY_LAW = "《行政处罚法》：罚款等行政处罚只能由法律、法规、规章设定，村规民约无权设定"
GUIDELINE = ("民政部等七部门《关于做好村规民约和居民公约工作的指导意见》（2018）："
             "以批评教育为主，不得滥用强制处罚，避免简单粗暴")
WOMEN_LAW = ("《妇女权益保障法》（2022）第五十六条：村规民约不得以妇女未婚、结婚、离婚、丧偶、户无男性等为由，"
             "侵害妇女在农村集体经济组织中的各项权益")
REPUTATION = "《民法典》第一千零二十四条：任何组织或者个人不得以侮辱、诽谤等方式侵害他人的名誉权"
PORTRAIT = "《民法典》第一千零一十九条；《个人信息保护法》第二十五条：未经本人同意不得公开其肖像或个人信息"
COVERAGE = ("《指导意见》（2018）：村规民约一般包括规范日常行为、维护公共秩序、保障群众权益、调解群众纠纷、"
            "引导民风民俗等内容，并针对滥办酒席、天价彩礼、薄养厚葬等问题作出约束")
READABILITY = "本程序的文风建议：每条宜能一口气读完（约 150 字以内），义务应写明做不到时怎么办"
MARRIAGE_LAW = ("《民法典》第一千零四十一条、第一千零四十二条：实行婚姻自由，禁止干涉婚姻自由；"
                "《人口与计划生育法》第十七条：公民有生育的权利")
MEDIATION_LAW = "《人民调解法》第四条：人民调解委员会调解民间纠纷，不收取任何费用"
LAND_LAW = ("《农村土地承包法》第二十七条、第二十八条：承包期内发包方不得收回、调整承包地（个别调整须经三分之二以上"
            "成员同意并报批）；第三十一条：妇女结婚、离婚、丧偶，发包方不得收回其承包地；第三十八条：流转时本集体"
            "经济组织成员在同等条件下享有优先权，不得一概禁止")
CRIME_LAW = "《刑法》第三条：法律明文规定为犯罪行为的，依照法律定罪处刑；定罪只能由人民法院依法作出"
ENTITLEMENT_LAW = ("《社会保险法》、《社会救助暂行办法》、《户口登记条例》、《义务教育法》：养老医疗保险、低保救助、"
                   "户口登记、入学和宅基地审批是法定权利或行政事务，不能与无关事项挂钩作为处罚")
CUSTOM_ADVICE = ("民政部等七部门《指导意见》（2018）：移风易俗以倡导为主；私人宴请、丧事帮工、收费标准等事项"
                 "宜写成倡议或经村民会议依法决定，不宜设定审批或强制")
SUGGESTION = "可改为：批评教育、说服劝导、取消当年评优评先资格、暂停村集体自主设立的奖励性福利、积分扣减等。"

# Words that, before the match in the same clause, mean the text forbids or rejects the act (取消 is not one:
# 取消评优资格并罚款 still fines). The clause ends at punctuation of either width, or where a sanction starts.
CLAUSE_NEGATORS = ("不得", "不准", "不许", "禁止", "严禁", "不应", "不能", "不允许", "不可", "杜绝", "反对",
                   "废止", "废除", "无权", "不再", "一律不", "不搞", "不采取", "不采用", "避免", "防止")
# "不得以……为由，……" negates the rest of the sentence, whatever the clause.
SENTENCE_NEGATORS = ("不得以", "不能以", "不以", "不因", "禁止以", "严禁以", "不得借", "任何组织和个人不得")
WOMEN_PROTECTIVE = ("不得以", "不能以", "不以", "不因", "禁止以", "严禁以", "反对", "保障", "平等", "同等",
                    "不得取消", "不得收回", "不得剥夺", "不受影响", "不得侵害", "照常")

# A sanction starting inside a clause ends the scope of a prohibition before it: 禁止赌博违者罚款.
SCOPE_BREAKERS = ("违者", "否则", "违反者", "如有违反", "对违反", "一经发现", "发现后")


@dataclass(frozen=True)
class LegalityRule:
    """One row of the rule table: a pattern and what a match means."""

    category: FindingCategory
    severity: Severity
    pattern: str
    reason: str
    basis: str
    negators: tuple[str, ...] = CLAUSE_NEGATORS
    scope: str = "clause"  # negators before the match: in its clause, or "sentence"
    excludes: str = ""  # a match containing this is not a finding (e.g. 阻挠子女入学 is a duty, not a sanction)
    negate_inside: bool = False  # protective words inside the match also negate it
    context: str = ""  # the sentence must also contain this (e.g. a sanction) for the match to be a finding
    guard: str = ""  # the sentence containing this is lawful (a referral, a reward, a protective clause)
    clause_guard: str = ""  # the same, looked for in the match's own clause up to its end (由公安机关依法处以罚款)


# R23: the five content areas and the targeted problems (DOMAIN.md §4.1), each with words that show an
# article covers it. A rulebook with no article matching an entry gets a hint.
CONTENT_AREAS: tuple[tuple[str, str], ...] = (
    ("规范日常行为", r"文明|礼貌|遵纪守法|诚信|邻里|卫生|垃圾|公共场所"),
    ("维护公共秩序", r"治安|巡逻|消防|用火|安全|公共设施|秩序|交通"),
    ("保障群众权益", r"权益|平等|妇女|未成年|老人|残疾|承包|宅基地|依法享有"),
    ("调解群众纠纷", r"纠纷|调解|矛盾"),
    ("引导民风民俗", r"移风易俗|婚事新办|丧事简办|红白|孝老|风俗|民俗"),
    ("滥办酒席", r"酒席|宴席|大操大办"),
    ("天价彩礼", r"彩礼"),
    ("薄养厚葬", r"厚葬|丧事简办|薄养"),
    ("炫富攀比、铺张浪费", r"攀比|铺张|浪费|炫富"),
    ("等靠要、懒汉", r"等靠要|懒汉|勤劳|自力更生"),
    ("家庭暴力", r"家庭暴力|家暴"),
    ("不赡养老人", r"赡养"),
    ("侵害妇女权益", r"妇女|出嫁|男女平等"),
    ("涉黑涉恶", r"黑恶|涉黑|涉恶|黑社会|恶势力"),
    ("黄赌毒", r"赌博|吸毒|毒品|卖淫|嫖娼|黄赌毒"),
)
LONG_ARTICLE_CHARS = 150
DUTY = r"应当|应|须|必须|要|不得|禁止|严禁"
CONSEQUENCE = r"违反|违者|否则|批评教育|责令|列入|取消|扣减|扣分|通报|依法|追究|处理|调解|照价|赔偿|后果|撤榜"
GENERAL_SANCTION = r"违反本(?:村规民约|规约|章程|公约)"
VAGUE_WORDS = r"尽量|适当|酌情|原则上|有关规定|相关规定|视情况"
