"""Wording the law asks for: R32 refusals cite Civil Code Art. 1024; the honour certificate says its date once."""
from __future__ import annotations

from datetime import date

import pytest

from models.core.errors import DomainError
from models.lists.entries import check_wording
from models.lists.honours import HonourCertificate


def test_stigmatising_word_refusal_names_civil_code_article_1024() -> None:
    with pytest.raises(DomainError, match=r"“老赖”.*R32，《中华人民共和国民法典》第一千零二十四条"):
        check_wording("杨老三是个老赖")


def test_certificate_does_not_prefix_a_period_to_facts_that_carry_their_date() -> None:
    dated = HonourCertificate("青石村", "杨老三户", "2026年12月", "2026年11月带头清理村道积雪", "青石村村民委员会",
                              date(2026, 12, 2), "2026-12-AB12CD")
    assert dated.texts[2].startswith("2026年11月带头清理村道积雪，经执委会评议")
    undated = HonourCertificate("青石村", "杨老三户", "2026年12月", "带头清理村道积雪", "青石村村民委员会",
                                date(2026, 12, 2), "2026-12-AB12CD")
    assert undated.texts[2].startswith("在2026年12月带头清理村道积雪")
