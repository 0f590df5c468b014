"""R21: opinion-givers are shown masked on what is printed for the village (surname + 某), unless the person agreed
to be named. Units (驻村单位 …) are not persons and keep their names."""
from __future__ import annotations

from models.workflow.records import Opinion

COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
                     "夏侯", "令狐", "独孤", "端木", "南宫", "西门", "百里", "呼延", "申屠", "澹台", "轩辕", "钟离")
UNIT_WORDS = ("村委", "单位", "学校", "小学", "中学", "卫生院", "卫生室", "合作社", "公司", "工作队", "派出所", "政府",
              "委员会", "小组", "支部", "协会", "中心", "银行", "邮政", "供销社", "所", "站", "厂", "店")


def masked_name(name: str) -> str:
    """杨老三 → 杨某; 欧阳春 → 欧阳某; a unit's name unchanged."""
    name = name.strip()
    if not name or any(word in name for word in UNIT_WORDS):
        return name
    surname = next((s for s in COMPOUND_SURNAMES if name.startswith(s) and len(name) > len(s)), name[0])
    return surname + "某"


def shown_name(opinion: Opinion) -> str:
    """The name printed for the village: as given when the person agreed (name_public), else masked."""
    return opinion.name if opinion.name_public else masked_name(opinion.name)
