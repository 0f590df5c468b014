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
SUGGESTION = "可改为：批评教育、说服劝导、取消当年评优评先资格、暂停村集体自主设立的奖励性福利、积分扣减等。"

# Words that, shortly before the match in the same clause, mean the text forbids or rejects the act.
# (取消 is not one: 取消评优资格并罚款 still fines.)
CLAUSE_NEGATORS = ("不得", "不准", "不许", "禁止", "严禁", "不应", "不能", "不允许", "不可", "杜绝", "反对",
                   "废止", "废除", "无权", "不再", "一律不", "不搞", "不采取", "不采用", "避免", "防止")
# "不得以……为由，……" negates the rest of the sentence, whatever the clause.
SENTENCE_NEGATORS = ("不得以", "不能以", "不以", "不因", "禁止以", "严禁以", "不得借", "任何组织和个人不得")
WOMEN_PROTECTIVE = ("不得以", "不能以", "不以", "不因", "禁止以", "严禁以", "反对", "保障", "平等", "同等",
                    "不得取消", "不得收回", "不得剥夺", "不受影响", "不得侵害", "照常")

_AMOUNT = r"[\d０-９一二三四五六七八九十百千万两]+\s*(?:元|块)"
_KIN = r"(?:三代|直系|旁系|亲属|家属|家人|子女|父母|全家|全户|家庭成员|血亲)"


@dataclass(frozen=True)
class LegalityRule:
    """One row of the rule table: a pattern and what a match means."""

    category: FindingCategory
    severity: Severity
    pattern: str
    reason: str
    basis: str
    negators: tuple[str, ...] = CLAUSE_NEGATORS
    scope: str = "clause"  # where negators are looked for before the match: "clause" or "sentence"
    excludes: str = ""  # a match containing this is not a finding (e.g. 阻挠子女入学 is a duty, not a sanction)
    negate_inside: bool = False  # protective words inside the match also negate it


RULES: tuple[LegalityRule, ...] = (
    LegalityRule(FindingCategory.FINE, Severity.BLOCKING,
                 rf"罚款|罚金|罚没|违约金|罚[^。；，]{{0,3}}?{_AMOUNT}|罚钱",
                 "村规民约不能设定罚款。" + SUGGESTION, f"{PENALTY_LAW}；{GUIDELINE}"),
    LegalityRule(FindingCategory.DEPOSIT, Severity.WARNING,
                 rf"押金|保证金|(?:交|缴|交纳|缴纳|上交)[^。；，]{{0,6}}?{_AMOUNT}",
                 "向村民收取押金或款项，容易变相罚款；如属一事一议筹资，应按规定程序另行决定。", f"{PENALTY_LAW}；{ORGANIC_LAW}"),
    LegalityRule(FindingCategory.CONFISCATION, Severity.BLOCKING,
                 r"没收|扣押|查扣|扣留[^。；，]{0,4}?(?:财物|物品|车辆|证件|身份证|牲畜|工具)|强行(?:拉走|牵走|收走)",
                 "没收、扣押财物侵犯合法财产权利，村民自治组织无此权力。", f"{ORGANIC_LAW}；{GUIDELINE}"),
    LegalityRule(FindingCategory.DETENTION, Severity.BLOCKING,
                 r"关押|拘禁|关禁闭|禁闭|拘留|捆绑|限制[^。；，]{0,4}?人身自由|"
                 r"扣留(?![^。；，]{0,4}?(?:财物|物品|车辆|证件|身份证|牲畜|工具))",
                 "限制人身自由侵犯人身权利，只有公安、司法机关依法才能采取。", ORGANIC_LAW),
    LegalityRule(FindingCategory.HUMILIATION, Severity.BLOCKING,
                 r"游街示众|游街|示众|戴高帽|批斗|挂牌游|罚跪",
                 "游街、示众等做法侮辱人格，侵犯名誉权和人身权利。", f"{REPUTATION}；{ORGANIC_LAW}"),
    LegalityRule(FindingCategory.PRIVACY, Severity.WARNING,
                 r"(?:张贴|公布|曝光|公开)[^。；，]{0,8}?(?:照片|头像|肖像|身份证号|身份证号码)",
                 "未经本人同意公开照片或身份证号，侵犯肖像权和个人信息；通报只写必要信息。", PORTRAIT),
    LegalityRule(FindingCategory.MEMBERSHIP, Severity.BLOCKING,
                 r"开除村籍|开除出村|取消村籍|注销户口|迁出户口|取消(?:其)?村民(?:资格|待遇|身份)|"
                 r"剥夺[^。；，]{0,6}?(?:选举权|被选举权|表决权|权利)|取消[^。；，]{0,4}?(?:选举权|被选举权)|"
                 r"(?:不准|不许|不让|不予|不得|禁止)[^。；，]{0,6}?(?:入学|上学|参军|当兵|参加选举)",
                 "开除村籍、剥夺选举权或限制子女入学，侵犯法定的民主权利和受教育权，法院通常认定无效。",
                 ORGANIC_LAW, excludes="阻挠|阻止|妨碍|耽误|辍学|干涉|不得以|不准以|名义|为由"),
    LegalityRule(FindingCategory.ENTITLEMENTS, Severity.WARNING,
                 r"不(?:得|能|再|予)享受[^。；，]{0,10}?(?:分配|分红|福利|补偿|补助|低保|养老|医保|入学|待遇)",
                 "集体收益分配、征地补偿等是成员的法定权益，不能作为处罚取消；只可暂停村集体自主设立的奖励性福利。",
                 f"{ORGANIC_LAW}；{GUIDELINE}"),
    LegalityRule(FindingCategory.WOMEN, Severity.BLOCKING,
                 r"(?:外嫁女|出嫁女|嫁出|出嫁|外嫁|入赘|招婿|上门女婿|离婚|丧偶|再婚|户无男性|寡妇)[^。；]{0,30}?"
                 r"(?:不享受|不得享受|不再享受|不能享受|不予|取消|收回|停止|无权|不分|不得分配|不参与分配|注销|迁出)",
                 "以出嫁、入赘、离婚、丧偶、再婚等为由取消妇女（及入赘男子、子女）的土地、分红或福利，违反男女平等。",
                 f"{WOMEN_LAW}；{ORGANIC_LAW}", negators=WOMEN_PROTECTIVE, scope="sentence", negate_inside=True),
    LegalityRule(FindingCategory.COLLECTIVE, Severity.BLOCKING,
                 rf"株连|连坐|{_KIN}[^。；，]{{0,12}}?(?:一并|连带|同时|均|也|一律)[^。；，]{{0,6}}?"
                 rf"(?:取消|停止|不予|不得享受|处罚|受罚|列入)|(?:取消|停止|不予)[^。；，]{{0,10}}?(?:三代|直系亲属|旁系亲属|家属)",
                 "一人违约，责任由本人承担，不能连带处罚其亲属。", f"{ORGANIC_LAW}；{GUIDELINE}"),
    LegalityRule(FindingCategory.UTILITIES, Severity.BLOCKING,
                 r"断水断电|停水停电|断水|断电|停水(?!期间|时)|停电(?!期间|时)|拉闸|停止(?:供水|供电)|切断[^。；，]{0,4}?(?:水|电)|"
                 r"(?:不予|不给)[^。；，]{0,4}?(?:供水|供电|通水|通电)",
                 "断水断电危及基本生活，是村规民约不能采取的强制手段。", f"{ORGANIC_LAW}；{GUIDELINE}"),
    LegalityRule(FindingCategory.SERVICES, Severity.BLOCKING,
                 r"(?:取消|停发|停止发放|扣发|扣减|暂停|不予发放|不予享受)[^。；，]{0,4}?"
                 r"(?:低保|最低生活保障|特困|救助|养老金|养老保险|医保|医疗保险|粮食补贴|种粮补贴|惠农补贴|政府补贴|国家补贴)|"
                 r"(?:不予|不给|拒绝|停止|暂停)[^。；，]{0,4}?(?:办理|出具|开具)[^。；，]{0,10}?(?:证明|手续|证件|户口)|"
                 r"不予盖章|(?:拒收|不收|不予收缴|不代收)[^。；，]{0,6}?(?:养老保险|医疗保险|医保|社保)",
                 "低保、补贴、证明等是法定的行政服务或待遇，不能作为违约的处罚停办或取消。", f"{ORGANIC_LAW}；{GUIDELINE}"),
    LegalityRule(FindingCategory.VIOLENCE, Severity.BLOCKING,
                 r"格杀勿论|打死勿论|打死不论|往死里打|打断[^。；，]{0,3}?腿",
                 "暴力威胁侵犯人身权利，也违反治安管理规定。", ORGANIC_LAW),
    LegalityRule(FindingCategory.EXCLUSION, Severity.WARNING,
                 r"(?:外来人员|外地人|陌生人|外村人)[^。；，]{0,4}?(?:不准|不得|禁止|一律不得|一律不准)[^。；，]{0,2}?进(?:村|寨)|"
                 r"(?:不准|禁止|严禁)[^。；，]{0,4}?(?:外来人员|外地人|陌生人|外村人)[^。；，]{0,2}?进(?:村|寨)",
                 "一概禁止外来人员进村限制了他人通行自由；可改为登记、提醒等管理方式。", ORGANIC_LAW,
                 negators=(), scope="sentence"),
)

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
