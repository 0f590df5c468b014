"""撤回同意 (PIPL Art. 15): a withdrawn consent names no one from its date on; refusals; audited on a real file."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from models.core.errors import DomainError, NotFound
from models.lists.entries import ListKind
from storage.core.db import Database
from tests.list_fixtures import CLERK, lists, store
from tests.storage.test_list_consent_per_person import ON, _publish, _seed_with_son, _who

WITHDRAWN = date(2025, 3, 20)


def test_board_names_before_and_not_after_the_withdrawal(village_db: Database) -> None:
    _seed_with_son(village_db)
    son = _publish(village_db, villager_id="p-9")
    stores = lists(village_db, CLERK)
    clerk = stores.naming
    basis = clerk.naming_basis(clerk.record_naming_basis("12", "consent", "杨明本人书面同意", on=date(2025, 3, 2),
                                                         villager="杨明").id)
    assert basis.villager_id == "p-9" and basis.revoked_on is None
    assert _who(village_db)[son] == "三组 杨明"
    stores.board_log.log_board("2025-03", "printed", "fp-before", (son,), "打印（撤回前）")
    assert clerk.withdraw_naming_basis(basis.id, "杨明本人书面撤回", on=WITHDRAWN).id == basis.id
    withdrawn = clerk.naming_basis(basis.id)
    assert (withdrawn.revoked_on, withdrawn.revoked_reason) == (WITHDRAWN, "杨明本人书面撤回")
    reopened = lists(Database(village_db.path, key=village_db.key), CLERK)  # read back from the file
    assert reopened.naming.naming_basis(basis.id) == withdrawn
    after = reopened.board("2025-03", on=WITHDRAWN + timedelta(1))
    assert [line.who for line in after.red] == ["三组第12号户"]
    # A board made now but dated before the withdrawal no longer names either: printing again is new processing.
    assert _who(village_db)[son] == "三组第12号户" and ON < WITHDRAWN
    # What was printed before stays on record as it was.
    (logged,) = [row for row in reopened.board_log.board_log("2025-03") if row["fingerprint"] == "fp-before"]
    assert logged["entry_ids"] and "撤回前" in str(logged["note"])
    (view,) = reopened.naming.naming_basis_views("12")
    assert (view.subject, view.status) == ("杨明", "2025-03-20 撤回：杨明本人书面撤回")
    audit = village_db.conn.execute("SELECT action, summary FROM audit_log WHERE table_name = 'list_consents' "
                                    "ORDER BY seq").fetchall()
    assert [row[0] for row in audit] == ["create", "withdraw_consent"] and "杨明本人书面撤回" in audit[1][1]
    changes = village_db.conn.execute("SELECT COUNT(*) FROM change_log WHERE table_name = 'list_consents'").fetchone()
    assert changes[0] == 2


def test_a_consent_that_is_not_yet_withdrawn_still_names_up_to_the_day_before(village_db: Database) -> None:
    from models.lists.boards import build_board
    from models.lists.entries import Period

    _seed_with_son(village_db)
    son = _publish(village_db, villager_id="p-9")
    stores = lists(village_db, CLERK)
    clerk, settings = stores.naming, stores.settings.settings
    basis = clerk.record_naming_basis("12", "consent", "杨明本人书面同意", on=date(2025, 3, 2), villager="杨明")
    clerk.withdraw_naming_basis(basis.id, "本人撤回", on=WITHDRAWN)
    withdrawn = clerk.naming_basis(basis.id)
    entries = store(village_db, CLERK).entries("2025-03")
    before = build_board(Period.parse("2025-03"), entries, [withdrawn], WITHDRAWN - timedelta(1), settings)
    on_day = build_board(Period.parse("2025-03"), entries, [withdrawn], WITHDRAWN, settings)
    assert [line.who for line in before.red] == ["三组 杨明"] and [line.who for line in on_day.red] == ["三组第12号户"]
    assert clerk.bases_in_effect() == [] and clerk.naming_bases() == [withdrawn] and son


def test_refusals(village_db: Database) -> None:
    _seed_with_son(village_db)
    clerk = lists(village_db, CLERK).naming
    consent = clerk.record_naming_basis("12", "consent", "户主书面同意", on=date(2025, 3, 1))
    statutory = clerk.record_naming_basis("12", "statutory", "法院判决公开", on=date(2025, 3, 1),
                                          lists=(ListKind.BLACK,))
    with pytest.raises(DomainError, match="法定依据"):
        clerk.withdraw_naming_basis(statutory.id, "本人不同意")
    with pytest.raises(NotFound, match="lists consents"):
        clerk.withdraw_naming_basis("no-such-id", "本人撤回")
    with pytest.raises(DomainError, match="早于"):
        clerk.withdraw_naming_basis(consent.id, "本人撤回", on=date(2025, 2, 1))
    with pytest.raises(DomainError, match="晚于今天"):
        clerk.withdraw_naming_basis(consent.id, "本人撤回", on=date.today() + timedelta(1))
    with pytest.raises(DomainError, match="撤回原因"):
        clerk.withdraw_naming_basis(consent.id, "  ")
    clerk.withdraw_naming_basis(consent.id, "本人撤回", on=WITHDRAWN)
    with pytest.raises(DomainError, match="不能再次撤回"):
        clerk.withdraw_naming_basis(consent.id, "又撤回", on=WITHDRAWN + timedelta(1))
    assert [b.revoked_on for b in clerk.naming_bases()] == [WITHDRAWN, None]


def test_bases_recorded_on_one_day_keep_the_order_they_were_recorded(village_db: Database,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Two bases written in one millisecond get ids in random order (UUIDv7): here, the second a smaller one."""
    _seed_with_son(village_db)
    clerk = lists(village_db, CLERK).naming
    ids = iter(["01900000-0000-7000-8000-00000000000f", "01900000-0000-7000-8000-000000000001"])
    monkeypatch.setattr("storage.lists.naming.new_id", lambda: next(ids))
    clerk.record_naming_basis("12", "consent", "户主书面同意", on=date(2025, 3, 1))
    clerk.record_naming_basis("12", "statutory", "法院判决公开", on=date(2025, 3, 1), lists=(ListKind.BLACK,))
    assert [b.kind for b in clerk.naming_bases()] == ["consent", "statutory"]
