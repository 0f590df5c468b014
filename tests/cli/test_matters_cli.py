"""`matter`, `project`, `officer-log`: the issue-22 contract — commands, JSON keys, exit 2 on refusals."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from models.core.accounts import Actor
from models.core.ids import new_id
from models.minutes.meetings import Meeting
from storage.core.backend import build_stores
from storage.core.db import Database
from tests.helpers import run_cli, run_json
from tests.registry_fixtures import make_family


def _add(db: Path, *extra: str) -> dict[str, str]:
    code, out = run_json(db, "matter", "add", "--text", "村口路灯坏了", "--class", "基础设施", "--channel", "说事室",
                         "--date", "2026-11-02", *extra)
    assert code == 0, out
    return out


def test_the_loop_from_add_to_close(village_db: Database) -> None:
    db = village_db.path
    added = _add(db)
    assert set(added) == {"id", "number"} and added["number"] == "2026-说-001"
    number = added["number"]
    assert run_json(db, "matter", "assign", number, "--to", "村主任", "--due", "2026-11-09", "--date", "2026-11-03")[0] == 0
    assert run_json(db, "matter", "note", number, "--text", "已报电工")[0] == 0
    assert run_json(db, "matter", "done", number, "--result", "已更换灯泡")[0] == 0
    code, refused = run_json(db, "matter", "close", number)
    assert code == 2 and "回访" in refused
    assert run_json(db, "matter", "feedback", number, "--rating", "满意", "--by", "龙德军", "--how", "电话")[0] == 0
    assert run_json(db, "matter", "close", number)[0] == 0
    code, shown = run_json(db, "matter", "show", number)
    assert code == 0 and set(shown) == {"id", "number", "status", "class", "public", "timeline"}
    assert shown["status"] == "closed" and shown["public"] is True
    assert [e["event"] for e in shown["timeline"]] == ["intake", "assign", "note", "done", "feedback", "close"]
    assert set(shown["timeline"][0]) == {"at", "event", "by", "text"}
    assert shown["timeline"][4]["text"] == "满意（电话）" and shown["timeline"][4]["by"] == "龙德军"


def test_list_with_status_and_overdue(village_db: Database) -> None:
    db = village_db.path
    late, fresh = _add(db), _add(db)
    run_json(db, "matter", "assign", late["id"], "--to", "网格员", "--due", "2026-11-05", "--date", "2026-11-03")
    run_json(db, "matter", "assign", fresh["id"], "--to", "网格员", "--due", "2999-01-01")
    code, listed = run_json(db, "matter", "list", "--overdue")
    assert code == 0 and listed["total"] == 1
    assert listed["rows"] == [{"id": late["id"], "number": late["number"], "status": "assigned", "class": "基础设施",
                               "due": "2026-11-05", "overdue": True}]
    assert run_json(db, "matter", "list", "--status", "open")[1]["total"] == 0


def test_attempt_allows_close_and_reopen_once(village_db: Database) -> None:
    db = village_db.path
    number = _add(db)["number"]
    run_json(db, "matter", "assign", number, "--to", "组长")
    run_json(db, "matter", "done", number, "--result", "已办")
    assert run_json(db, "matter", "feedback", number, "--attempt")[0] == 2  # an attempt says what was tried
    assert run_json(db, "matter", "feedback", number, "--attempt", "--note", "外出务工，电话停机")[0] == 0
    assert run_json(db, "matter", "close", number)[0] == 0
    assert run_json(db, "matter", "reopen", number, "--reason", "本人回村后反映未修好")[0] == 0
    run_json(db, "matter", "done", number, "--result", "再次修复")
    code, refused = run_json(db, "matter", "reopen", number, "--reason", "又坏了")
    assert code == 2 and "一次" in refused


def test_villager_by_name_or_id_and_an_ambiguous_name_refused(village_db: Database, admin: Actor) -> None:
    db = village_db.path
    stores = build_stores(village_db, admin)
    household, head, _ = make_family(stores)
    code, out = run_json(db, "matter", "add", "--text", "与邻居因宅基地界线争执", "--class", "矛盾纠纷",
                         "--channel", "院坝会", "--villager", "吴建华")
    assert code == 0
    assert run_json(db, "matter", "show", out["number"])[1]["public"] is False
    twin = replace(head, id=new_id(), id_number="", relation="其他", position=5)
    stores.villagers.save_villager(twin)
    code, refused = run_json(db, "matter", "add", "--text", "求助", "--class", "民生求助", "--channel", "电话",
                             "--villager", "吴建华")
    assert code == 2 and "2 位村民" in refused and head.id in refused and twin.id in refused
    assert run_json(db, "matter", "add", "--text", "求助", "--class", "民生求助", "--channel", "电话",
                    "--villager", twin.id)[0] == 0
    code, refused = run_json(db, "matter", "add", "--text", "纠纷", "--class", "矛盾纠纷", "--channel", "电话",
                             "--household", household.household_no, "--public")
    assert code == 2 and "依据" in refused


def _resolve(village_db: Database, admin: Actor, meeting_id: str) -> str:
    """The draft meeting filled in as held (its one item passed) and finalised."""
    from tests.models.meeting_fixtures import complete_meeting

    stores = build_stores(village_db, admin)
    draft, held = stores.meetings.get(meeting_id), complete_meeting()
    item = replace(held.items[0], title=draft.items[0].title, background=draft.items[0].background,
                   id=draft.items[0].id)
    stores.meetings.save_draft(replace(held, id=draft.id, number=draft.number, on=draft.on, items=(item,)))
    return stores.meetings.finalise(meeting_id, True, True).id


def test_to_meeting_then_a_project_from_its_item(village_db: Database, admin: Actor) -> None:
    db = village_db.path
    meeting_id = build_stores(village_db, admin).meetings.create(
        Meeting("representatives_meeting", date(2026, 11, 20))).id
    number = _add(db)["number"]
    assert run_json(db, "matter", "to-meeting", number, "--meeting", meeting_id)[0] == 0
    code, refused = run_json(db, "matter", "resolution", number)
    assert code == 2 and "尚未定稿" in refused
    code, refused = run_json(db, "project", "add", "--from-meeting", meeting_id, "--item", "1", "--name",
                             "村口路灯改造", "--estimate", "36000", "--matter", number)
    assert code == 2 and "项目库的项目来自会议通过的决议" in refused
    meeting_id = _resolve(village_db, admin, meeting_id)
    assert run_json(db, "matter", "resolution", number)[0] == 0
    code, project = run_json(db, "project", "add", "--from-meeting", meeting_id, "--item", "1", "--name",
                             "村口路灯改造", "--estimate", "36000", "--matter", number)
    assert code == 0 and project["status"] == "申报" and project["meeting"] == meeting_id
    code, refused = run_json(db, "project", "advance", project["id"])
    assert code == 2 and "不能立项" in refused  # its new 四议两公开 chain has no resolution yet
    code, listed = run_json(db, "project", "list")
    assert listed == {"rows": [{"id": project["id"], "name": "村口路灯改造", "status": "申报", "meeting": meeting_id,
                                "estimate": 36000, "four_two": project["four_two"]}]}
    chain = build_stores(village_db, admin).four_two.get(project["four_two"])
    assert chain.title == "村口路灯改造" and chain.motion_source == "党员群众建议"
    code, text, _ = run_cli(["--db", str(db), "project", "list"])
    assert "四议两公开：村口路灯改造，下一步：党支部会提议" in text


def test_officer_log_add(village_db: Database, admin: Actor) -> None:
    from models.core.accounts import Role

    accounts = build_stores(village_db, admin).accounts
    accounts.create_user("xinxiyuan", "龙德军", Role.CLERK, "secret123")
    code, out = run_json(village_db.path, "officer-log", "add", "--officer", "xinxiyuan", "--date", "2026-11-02",
                         "--text", "走访三组 6 户")
    assert code == 0 and set(out) == {"id"}
    assert run_json(village_db.path, "officer-log", "add", "--officer", "龙德军", "--text", "回访")[0] == 0
    [entry, _] = build_stores(village_db, admin).officer_log.entries("xinxiyuan")
    assert (entry.officer, entry.text) == ("龙德军", "走访三组 6 户")  # kept by the account's name


def test_officer_log_refuses_an_officer_who_is_not_an_active_account(village_db: Database, admin: Actor) -> None:
    from models.core.accounts import Role

    accounts = build_stores(village_db, admin).accounts
    stopped = accounts.create_user("laoyang", "杨老三", Role.CLERK, "secret123").id
    accounts.set_active(stopped, False)
    for officer in ("nobody", "laoyang"):
        code, refused = run_json(village_db.path, "officer-log", "add", "--officer", officer, "--text", "走访")
        assert code == 2 and f"没有在用的账户“{officer}”" in refused and "（admin）" in refused
    assert village_db.conn.execute("SELECT COUNT(*) FROM matter_officer_logs").fetchone()[0] == 0


def test_attach_a_photo_to_a_matter(village_db: Database, tmp_path: Path) -> None:
    from models.core.attachments import AttachmentOwner, OwnerKind
    from models.core.accounts import COMMAND_LINE_ACTOR

    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"0" * 100)
    added = _add(village_db.path)
    code, out = run_json(village_db.path, "matter", "attach", added["number"], "--file", str(photo), "--note", "塌方处")
    assert code == 0 and out["matter"] == added["id"]
    files = build_stores(village_db, COMMAND_LINE_ACTOR).attachments.attachments(
        AttachmentOwner(OwnerKind.MATTER, added["id"]))
    assert [(f.id, f.file_name, f.note) for f in files] == [(out["id"], "现场.jpg", "塌方处")]


def test_project_list_prints_a_short_form_each_and_advance_takes_it(village_db: Database, admin: Actor) -> None:
    """Ids made within a minute share their first 8 characters: the list prints as many as tell them apart."""
    from models.matters.records import Project

    meeting_id = _resolve(village_db, admin, _draft_with_a_matter(village_db, admin))
    store = build_stores(village_db, admin).projects
    made = [store.add_project(Project(f"项目{n}", 1000, meeting_id, 1)).id for n in range(3)]
    code, text, _ = run_cli(["--db", str(village_db.path), "project", "list"])
    shorts = [line.split("\t")[0] for line in text.splitlines()]
    assert code == 0 and len(set(shorts)) == 3 and all(i.startswith(s) for i, s in zip(made, shorts))
    code, refused = run_json(village_db.path, "project", "advance", shorts[1])
    assert code == 2 and "“项目1”" in refused and "不能立项" in refused  # found; its chain has no resolution yet


def test_short_ids_grow_until_each_is_unique() -> None:
    from models.matters.rules import short_ids

    same_ms = [new_id(now_ms=1_800_000_000_000) for _ in range(3)]
    shorts = short_ids(same_ms)
    assert len(set(shorts.values())) == 3 and all(len(s) > 12 for s in shorts.values())
    apart = [new_id(now_ms=0), new_id(now_ms=1 << 40)]
    assert short_ids(apart) == {i: i[:8] for i in apart}


def _draft_with_a_matter(village_db: Database, admin: Actor) -> str:
    meeting_id = build_stores(village_db, admin).meetings.create(
        Meeting("representatives_meeting", date(2026, 11, 20))).id
    number = _add(village_db.path)["number"]
    assert run_json(village_db.path, "matter", "to-meeting", number, "--meeting", meeting_id)[0] == 0
    return meeting_id


def test_assign_takes_a_cadre_or_grid_leader_by_name(village_db: Database, admin: Actor) -> None:
    from models.registry.households import RoleCode, RoleHolding

    stores = build_stores(village_db, admin)
    _, head, _ = make_family(stores)
    stores.villagers.save_role(RoleHolding(new_id(), head.id, RoleCode.TWO_COMMITTEES_MEMBER.value, "村委会主任",
                                           date(2025, 1, 1)))
    labels = [a.label for a in stores.raisers.assignees(date(2026, 11, 3))]
    assert labels[:1] == ["村委会主任吴建华"] and "人民调解委员会" in labels
    number = _add(village_db.path)["number"]
    assert run_json(village_db.path, "matter", "assign", number, "--to", "吴建华", "--date", "2026-11-03")[0] == 0
    assert stores.matters.matter(number).assignee == "村委会主任吴建华"
    other = _add(village_db.path)["number"]
    assert run_json(village_db.path, "matter", "assign", other, "--to", "三组老支书", "--date", "2026-11-03")[0] == 0
    assert stores.matters.matter(other).assignee == "三组老支书"  # free text still allowed
