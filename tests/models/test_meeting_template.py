"""R18: the record-book template may rename, reorder and add fields, never drop an R12 field."""
from __future__ import annotations

import pytest

from models.core.errors import DomainError
from models.minutes.template import (
    DEFAULT_KEYS, FIELD_CATALOGUE, default_template, make_template, template_from_json,
)


def test_default_is_the_r12_record_book_and_round_trips_through_json() -> None:
    template = default_template()
    assert tuple(f.key for f in template.fields) == DEFAULT_KEYS
    assert all(f.key in DEFAULT_KEYS for f in template.fields if f.required)
    assert template_from_json(template.to_json()) == template


def test_rename_reorder_and_add_optional_fields() -> None:
    fields = [("place", "开会地点"), ("when", "时间"), *[(k, FIELD_CATALOGUE[k][0]) for k in DEFAULT_KEYS[2:]],
              ("notice", "通知时间")]
    template = make_template(fields, ["主持人签名：", "记录人签名：", "参会人员签名："])
    assert [f.heading for f in template.fields[:2]] == ["开会地点", "时间"] and template.fields[-1].key == "notice"
    assert len(template.signatures) == 3


@pytest.mark.parametrize("fields, signatures, message", [
    ([(k, FIELD_CATALOGUE[k][0]) for k in DEFAULT_KEYS if k != "quorum"], ["主持人：", "记录人："], "法定人数"),
    ([(k, FIELD_CATALOGUE[k][0]) for k in DEFAULT_KEYS] + [("weather", "天气")], ["主持人：", "记录人："], "weather"),
    ([(k, FIELD_CATALOGUE[k][0]) for k in DEFAULT_KEYS] + [("place", "地点")], ["主持人：", "记录人："], "两次"),
    ([(k, "" if k == "when" else FIELD_CATALOGUE[k][0]) for k in DEFAULT_KEYS], ["主持人：", "记录人："], "1–16"),
    ([(k, FIELD_CATALOGUE[k][0]) for k in DEFAULT_KEYS], ["主持人："], "签字栏"),
])
def test_bad_templates_are_refused_with_the_reason(fields: list, signatures: list, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        make_template(fields, signatures)
    with pytest.raises(DomainError, match="fields"):
        template_from_json({"fields": "x"})
