"""Chinese names of the columns named in audit summaries, so a clerk reads 姓名 where the log stores `name`.

The stored summary keeps the column names (it is hashed into the chain and must not depend on wording);
only what is shown is translated.
"""
from __future__ import annotations

import functools
import re

FIELD_LABELS = {
    "action": "操作", "active": "有效", "activity": "活动", "actor_name": "操作人", "after_text": "修改后",
    "agency": "机关", "answer": "答复", "answered_on": "答复日期", "article_key": "条款", "article_label": "条款名",
    "article_number": "条号", "article_text": "条文", "authorisation_ref": "授权依据", "away": "外出",
    "away_place": "外出地点", "background": "背景", "based_on": "依据", "before_text": "修改前",
    "birth_date": "出生日期", "capacity": "身份", "carried_from": "沿用自", "chair": "主持人", "channel": "渠道",
    "chapter_key": "章", "chapters": "章节", "code": "代码", "consequence": "后果", "content": "内容",
    "convener": "召集人", "counter": "计数", "county": "县", "date": "日期", "discussion": "讨论情况",
    "display_name": "名称", "disposition": "处理", "done_on": "完成日期", "due_date": "应完成日期",
    "editor": "编辑人", "effective_date": "生效日期", "end_date": "结束日期", "end_reason": "结束原因",
    "end_time": "结束时间", "ended_on": "结束日期", "entry_ids": "上榜记录", "ethnicity": "民族",
    "evaluation": "评价", "evidence_ids": "证据", "expected": "应到", "expected_computed": "应到（计算）",
    "expected_households": "应到户数", "expected_reason": "应到说明", "expires_on": "到期日期", "facts": "事实",
    "failed_attempts": "失败次数", "field_name": "字段", "filing_days": "备案天数", "finalised_at": "定稿时间",
    "finalised_by": "定稿人", "fingerprint": "指纹", "form_serial": "表单编号", "from_state": "原状态",
    "gender": "性别", "group_name": "村民小组", "honour": "荣誉", "host": "主持人", "host_post": "主持人职务",
    "hours": "时长", "household_no": "户号", "households_represented": "代表户数", "id_number": "身份证号",
    "cycle": "榜单周期", "answer_days": "答复期限（天）", "stigmatising_words": "禁用贬损词",
    "name_black_list": "黑榜具名", "all_members": "涵盖全体成员", "items": "事项", "kind": "类别", "last_failed_at": "上次失败时间", "list_kind": "榜单", "lists": "榜单",
    "matter": "事项", "meeting_type": "会议类型", "merged_first_stages": "合并前两环节", "mode": "模式",
    "motion_source": "提议来源", "name": "姓名", "name_initials": "拼音首字母", "name_pinyin": "拼音",
    "note": "备注", "notice_date": "通知日期", "notice_on": "通知日期", "notice_override_reason": "通知期说明",
    "number": "编号", "observers": "列席", "occurred_on": "发生日期", "on_date": "日期",
    "override_by": "确认人", "override_reason": "确认理由", "owner_name": "户主", "passed": "通过",
    "password_hash": "密码", "period": "期间", "phone": "电话", "place": "地点", "political_status": "政治面貌",
    "position": "排序", "post": "职务", "present": "实到", "proposer": "提议人", "proposer_name": "提议人",
    "preamble": "前言", "closing": "落款", "verse": "韵文体",
    "proxy_for": "代表", "publication": "公布", "publicity_days": "公示天数", "publicity_min_days": "最少公示天数",
    "publicity_start": "公示开始", "publicity_end": "公示结束", "signed_off_by": "监委会签字人", "signed_off_on": "签字日期", "route": "方式", "proposed_on": "申报日期",
    "verdict": "评议结果", "review_note": "评议意见", "reviewed_on": "评议日期", "reviewed_by": "主持人", "published_on": "公布日期", "raised_by": "提出人", "reason": "理由",
    "received_on": "收到日期", "recorded_on": "记录日期", "recorder": "记录人", "relation": "与户主关系",
    "reopen_reason": "重开理由", "replied_by": "答复人", "replied_on": "答复日期", "reply": "答复",
    "representatives_may_vote": "代表可表决", "resolution": "决议", "resolution_due": "决议期限",
    "resolution_owner": "责任人", "result": "结果", "result_report": "结果报告", "retry_articles": "重新表决条款",
    "revoked_on": "撤销日期", "revoked_reason": "撤回原因", "role": "身份", "scrutineer": "监票人", "sent_on": "发出日期", "seq": "序号",
    "source": "来源", "stage": "环节", "start_date": "开始日期", "start_time": "开始时间", "started_on": "开始日期",
    "state": "状态", "status": "状态", "status_date": "状态日期", "step": "步骤", "subject_is_minor": "未成年人",
    "subject_name": "对象", "summary": "摘要", "supervision_opinion": "监督意见", "target_date": "目标日期",
    "text": "内容", "title": "标题", "to_state": "新状态", "township": "乡镇", "township_attendees": "乡镇参会人员",
    "type_code": "类型", "upheld": "维持", "username": "用户名", "village": "村", "village_unit": "村民小组",
    "vote_method": "表决方式", "votes_abstain": "弃权票", "votes_against": "反对票", "votes_for": "赞成票",
    "category": "类别", "posted_by": "张贴人", "frequent_finance": "财务每月公开", "month": "月份",
    "income": "收入（分）", "expense": "支出（分）", "stars": "星目", "star": "星", "adopted_on": "通过日期",
    "awarded_on": "评定日期", "withdrawn_on": "撤销日期", "withdraw_reason": "撤销理由",
    "women_present": "妇女到会", "womens_representative": "妇女代表", "written_by": "撰写人", "year": "年份",
    "address": "住址", "care_level": "关爱等级", "notes": "备注", "sha256": "校验值", "file_name": "文件名", "owner_kind": "所属",
    "size": "大小", "added_by": "添加人", "label": "名称", "letter": "字母代号", "composition": "组成",
    "quorum": "法定人数", "majority": "通过比例", "notice_days": "提前通知天数", "rule_note": "规则说明",
    "area": "领域", "version_number": "版本号", "version_digest": "版本摘要", "filing_hlc": "备案版本戳",
    "decision": "决定", "authority": "审查机关", "reviewer": "审查人", "filing_number": "备案号",
    "reasons": "理由", "article_notes": "条款意见", "conclusion": "结论", "due_on": "应报日期",
    "submitted_on": "报送日期", "receipt_number": "回执号", "receipt_date": "回执日期", "week_start": "周起始",
    "members": "成员", "holiday": "节假日", "signed_on": "签字日期", "sheet_ref": "签字表", "leader": "组长",
    "by_article": "逐条表决", "tallies": "计票", "speaker": "发言人", "choice": "表决意见", "body": "会议",
    "subject": "提议事项", "signatures": "联名人数", "base": "基数", "lead_signer": "领衔人", "key": "设置项",
    "value": "值", "product": "打印品种", "document": "文件", "printed_on": "打印日期", "ref_kind": "对象类别",
    "ref_id": "对象", "posted": "已张贴", "printed_by": "打印人", "name_public": "同意公开姓名", "version": "版本",
    "level": "层级或等级", "parent_id": "上级网格", "member_id": "网格员", "household_id": "户", "grid_id": "网格",
    "line": "联系线", "villager_id": "村民", "reason_class": "原因类别", "reason_note": "原因说明",
    "review_date": "复核日期", "decided_by": "评定人", "visitor": "走访人", "visit_date": "走访日期",
    "findings": "走访情况", "matter_id": "群众事项", "red_days": "连心户走访间隔（天）",
    "yellow_days": "关心户走访间隔（天）", "grid_low": "网格户数下限", "grid_high": "网格户数上限",
    # points
    "by_name": "经手人", "cap": "每期上限", "change": "数量变化", "class_name": "类别",
    "clause": "村规民约条款", "clerk_name": "经办人", "confirmed_at": "确认时间", "confirmed_by": "确认人",
    "confirmed_by_name": "确认人", "rejected_by": "退回人", "rejected_by_name": "退回人",
    "rejected_at": "退回时间", "reject_reason": "退回理由", "deduction_share": "扣分占比上限", "evidence": "依据", "goods_name": "商品",
    "item_code": "项目代码", "item_name": "项目", "period_kind": "积分周期", "points": "积分", "price": "所需积分",
    "quantity": "数量", "recorded_by": "录入人", "recorded_by_name": "录入人", "scheme_version": "细则版本",
    "period_code": "公示周期", "days": "公示天数", "closes_on": "公示截止日期", "recorded_at": "登记时间",
    "publication_id": "积分公示", "purpose": "用途", "project": "项目", "approved": "同意", "application_id": "积分换项目申请",
    # 群众说事
    "raised_on": "说事日期", "class": "事项类别", "urgency": "紧急程度", "raiser_kind": "说事人类别",
    "raiser_ref": "说事人编号", "raiser_name": "说事人", "raiser_group": "说事人所在小组", "raiser_via": "联系途径",
    "public": "可公开", "public_basis": "公开依据", "assignee": "交办对象", "to_township": "交办乡镇",
    "rating": "回访评价", "attempted": "回访未果", "reopened": "已重新办理", "closed_on": "销号日期",
    "close_reason": "销号说明", "at": "日期", "event": "事件", "officer": "信息员",
    "estimate": "估算金额（元）", "funding": "资金来源", "item_number": "议题序号", "project_name": "项目名称",
    "deadline": "办理期限",
}

# A part of a summary starts at the beginning or after "; " with `column: `.
_FIELD = re.compile(r"(^|; )([a-z][a-z0-9_]*): ")
_ARROW = " → "


def readable_summary(summary: str) -> str:
    """The summary with known column names and coded values in Chinese (`渠道：院坝会；…`)."""
    matches = list(_FIELD.finditer(summary))
    if not matches:
        return summary
    parts = [summary[:matches[0].start()]]
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(summary)
        field = match.group(2)
        value = _ARROW.join(_value_label(side, field) for side in summary[match.end():end].split(_ARROW))
        name = FIELD_LABELS.get(match.group(2))
        parts.append(("；" if match.group(1) else "") + (f"{name}：" if name else match.group(2) + ": ") + value)
    return "".join(parts)


def value_label(value: str, field: str) -> str:
    """A stored code's Chinese label (`door_to_door` → 入户走访, `red,yellow` → 红榜、黄榜); other text as it is."""
    return _value_label(value, field)


def _value_label(value: str, field: str) -> str:
    """A code's label; a code two enums share (`representatives`) is read by its column's enum."""
    if "," in value:  # a tuple of codes (`lists: red,yellow`); free text with a comma stays as it is
        parts = [_code_label(part, field) for part in value.split(",")]
        return value if None in parts else "、".join(str(part) for part in parts)
    return _code_label(value, field) or value


def _code_label(value: str, field: str) -> str | None:
    return (_value_labels().get(value) or _field_value_labels().get((field, value))
            or _PLAIN_CODES.get((field, value)))


# Codes kept in plain str fields rather than enums.
_PLAIN_CODES = {("kind", "consent"): "单独同意（书面）", ("kind", "statutory"): "法定依据"}


@functools.cache
def _value_labels() -> dict[str, str]:
    """Codes of the models' enums with their Chinese labels, where a code means one thing only."""
    import enum
    import importlib
    import pkgutil

    import models
    seen: dict[str, set[str]] = {}
    for info in pkgutil.walk_packages(models.__path__, "models."):
        module = importlib.import_module(info.name)
        for kind in vars(module).values():
            if isinstance(kind, type) and issubclass(kind, enum.Enum) and kind.__module__ == module.__name__:
                for member in kind:
                    label = getattr(member, "label", None)
                    if isinstance(member.value, str) and member.value and isinstance(label, str):
                        seen.setdefault(member.value, set()).add(label)  # an empty code means nothing by itself
    return {code: next(iter(labels)) for code, labels in seen.items() if len(labels) == 1}


@functools.cache
def _field_value_labels() -> dict[tuple[str, str], str]:
    """(column, code) → label, from the models' dataclass fields annotated with one of their module's enums."""
    import dataclasses
    import enum
    import importlib
    import pkgutil

    import models
    seen: dict[tuple[str, str], set[str]] = {}
    for info in pkgutil.walk_packages(models.__path__, "models."):
        module = vars(importlib.import_module(info.name))
        for kind in list(module.values()):
            if not (isinstance(kind, type) and dataclasses.is_dataclass(kind)):
                continue
            for field in dataclasses.fields(kind):
                enum_type = module.get(re.sub(r"^tuple\[(\w+), \.\.\.\]$", r"\1", str(field.type).split(" | ")[0]))
                if isinstance(enum_type, type) and issubclass(enum_type, enum.Enum):
                    for member in enum_type:
                        label = getattr(member, "label", None)
                        if isinstance(member.value, str) and isinstance(label, str):
                            seen.setdefault((field.name, member.value), set()).add(label)
    return {key: next(iter(labels)) for key, labels in seen.items() if len(labels) == 1}
