"""Ids, clocks, roles, lockout, profile validation, audit chaining and backup rotation."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from models.core.accounts import COMMAND_LINE_ACTOR, Actor, Permission, Role, login_delay_seconds, validate_password
from models.core.audit import GENESIS_HASH, AuditEntry, chain_hash, summarize_change
from models.core.backup_policy import backups_to_keep
from models.core.errors import DomainError, PermissionDenied
from models.core.hlc import Hlc, is_skewed, receive, tick
from models.core.ids import id_timestamp_ms, new_id
from models.core.village import Mode, make_profile, node_prefix


def test_ids_are_unique_and_sort_by_time() -> None:
    ids = [new_id(now_ms=1_700_000_000_000 + i) for i in range(200)]
    assert len(set(ids)) == 200
    assert ids == sorted(ids)
    assert id_timestamp_ms(ids[5]) == 1_700_000_000_005
    assert ids[0][14] == "7"  # version nibble


def test_hlc_string_order_is_time_order_even_with_counters() -> None:
    a = tick(None, 1000, "V-1")
    b = tick(a, 999, "V-1")  # wall clock went backwards
    c = tick(b, 2000, "V-1")
    assert a.encode() < b.encode() < c.encode()
    assert Hlc.decode(b.encode()) == b
    assert Hlc.decode("0000000001000-00003-V-522631-ab12") == Hlc(1000, 3, "V-522631-ab12")


def test_hlc_receive_moves_past_a_clock_that_runs_ahead() -> None:
    remote = Hlc(5_000_000, 7, "V-2")
    local = receive(tick(None, 1000, "T-1"), remote, 1000, "T-1")
    assert local.encode() > remote.encode()
    assert tick(local, 1001, "T-1").encode() > remote.encode()


def test_skew_over_a_day_is_flagged() -> None:
    day = 24 * 3600 * 1000
    assert is_skewed(Hlc(0, 0, "V"), day + 1)
    assert not is_skewed(Hlc(0, 0, "V"), day)


@pytest.mark.parametrize(("role", "permission", "allowed"), [
    (Role.ADMIN, Permission.MANAGE_USERS, True),
    (Role.CLERK, Permission.MANAGE_USERS, False),
    (Role.CLERK, Permission.EDIT_RECORDS, True),
    (Role.APPROVER, Permission.APPROVE, True),
    (Role.CLERK, Permission.APPROVE, False),
    (Role.SUPERVISOR, Permission.EDIT_RECORDS, False),
    (Role.TOWNSHIP_REVIEWER, Permission.REVIEW_FILINGS, True),
    (Role.ADMIN, Permission.REVIEW_FILINGS, False),
])
def test_role_permissions(role: Role, permission: Permission, allowed: bool) -> None:
    actor = Actor("u1", "张三", role)
    assert actor.can(permission) is allowed
    if not allowed:
        with pytest.raises(PermissionDenied, match="无权"):
            actor.require(permission)


def test_command_line_acts_as_administrator() -> None:
    assert COMMAND_LINE_ACTOR.can(Permission.BACKUP_RESTORE)


@pytest.mark.parametrize(("failures", "delay"), [(0, 0), (4, 0), (5, 30), (6, 60), (7, 120), (30, 900)])
def test_login_delay_starts_after_five_misses(failures: int, delay: int) -> None:
    assert login_delay_seconds(failures) == delay


def test_short_password_is_refused() -> None:
    with pytest.raises(DomainError, match="至少"):
        validate_password("12345")


def test_profile_validation_and_node_prefix() -> None:
    profile = make_profile(" 青石村 ", "德化乡", "黎平县", "522631101201")
    assert profile.village == "青石村" and profile.display_name == "德化乡青石村"
    assert node_prefix(profile) == "V-522631101201"
    assert node_prefix(make_profile("", "德化乡", "黎平县", mode=Mode.TOWNSHIP)) == "T"
    with pytest.raises(DomainError, match="村名"):
        make_profile("", "德化乡", "黎平县")
    with pytest.raises(DomainError, match="行政区划代码"):
        make_profile("青石村", "德化乡", "黎平县", "12ab")


def test_audit_chain_hash_depends_on_previous_and_content() -> None:
    entry = AuditEntry(1, "id1", "2026-01-01T00:00:00", "u1", "张三", "create", "users", "r1", "x")
    first = chain_hash(GENESIS_HASH, entry)
    assert first != chain_hash("1" * 64, entry)
    assert first != chain_hash(GENESIS_HASH, AuditEntry(*(list(entry.__dict__.values())[:-1] + ["y"])))


def test_change_summary_hides_secrets_and_skips_unchanged() -> None:
    text = summarize_change({"name": "张三", "phone": "1", "password_hash": "a"},
                            {"name": "张四", "phone": "1", "password_hash": "b"})
    assert text == "name: 张三 → 张四; password_hash: （已更改，不显示）"


def test_backup_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    start = datetime(2025, 1, 1, 9, 0)
    stamps = [start + timedelta(days=d) for d in range(400)]
    keep = backups_to_keep(stamps)
    newest = stamps[-1]
    assert {newest - timedelta(days=d) for d in range(7)} <= keep
    assert len({(s.year, s.month) for s in keep}) == 12
    assert len(keep) <= 7 + 4 + 12
    assert start not in keep


def test_hlc_counter_overflow_moves_a_millisecond_on() -> None:
    last = Hlc(1000, 99_999, "V-a")
    after = tick(last, 500, "V-a")  # wall clock behind: the counter would need six digits
    assert after == Hlc(1001, 0, "V-a") and after.encode() > last.encode()
