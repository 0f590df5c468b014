"""Registry and rules for list tests, written through the real registry and rulebook stores."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.core.accounts import COMMAND_LINE_ACTOR, Actor, Role
from models.registry.id_numbers import make_id_number
from models.registry.households import Gender, Household, VillageGroup, Villager
from models.rules.document import RuleVersion
from models.rules.text import parse_rules_text
from models.core.changes import Changed
from models.lists.boards import Board
from models.lists.entries import ListEntry
from models.lists.services import make_board
from storage.core.db import Database
from storage.lists.board_log import SqliteBoardLog
from storage.lists.entries import SqliteListEntries
from storage.lists.naming import SqliteNamingBases
from storage.lists.settings import SqliteListSettings
from storage.lists.sources import SqliteArticleCatalogue, SqliteHouseholdDirectory
from storage.core.backend import build_stores
from storage.lists.volunteers import SqliteVolunteers
from storage.rules.store import SqliteRulebookStore


def _id(born: str, sequence: int) -> str:
    return make_id_number("522631", date.fromisoformat(born), sequence, Gender.MALE)


# (household id, number, group id, [(villager id, name, birth date, id number, phone, relation)])
HOUSEHOLDS = [
    ("h-1", "12", "g-3", [("p-1", "杨老三", "1962-04-09", _id("1962-04-09", 11), "13908551234", "户主"),
                          ("p-2", "杨小宝", "2015-06-01", _id("2015-06-01", 12), "", "孙子")]),
    ("h-2", "15", "g-3", [("p-3", "吴秀珍", "1970-02-11", _id("1970-02-11", 13), "13885509876", "户主")]),
    ("h-3", "31", "g-5", [("p-4", "石国富", "1958-12-30", _id("1958-12-30", 14), "15085551111", "户主")]),
]
GROUPS = [("g-3", "三组", 3), ("g-5", "五组", 5)]
# Article texts by number in the version in force (12 articles); the superseded version 1 had 13.
ARTICLES = {8: "孝敬老人，邻里和睦。", 12: "房前屋后不乱堆乱放，保持村容整洁。"}
FILLER = ("村民应当遵纪守法，维护本村社会秩序。", "抵制赌博、吸毒等违法活动。", "发生纠纷应当协商解决，不得聚众闹事。",
          "严禁在山林、田边野外用火。", "生活垃圾倒入指定地点，不得倾倒入河道。", "畜禽实行圈养。",
          "婚事新办、丧事简办。", "家庭成员平等相待，反对家庭暴力。", "倡导勤劳致富，反对铺张浪费。",
          "积极参加公益事业。", "爱护公共设施。", "保护饮用水源。", "本村规民约自表决通过之日起施行。")
CLERK = Actor("u-clerk", "吴晓梅", Role.CLERK)
APPROVER = Actor("u-approver", "杨光明", Role.APPROVER)
SUPERVISOR = Actor("u-super", "石秀英", Role.SUPERVISOR)


def _rules_text(count: int, articles: dict[int, str]) -> str:
    lines = ["# 青石村村规民约", ""]
    for number in range(1, count + 1):
        lines += [f"第{number}条 {articles.get(number, FILLER[number - 1])}", ""]
    return "\n".join(lines)


def seed_rules(db: Database) -> str:
    """A rulebook whose version 1 (13 articles) is superseded by version 2 (12 articles, in force); its id."""
    rules = SqliteRulebookStore(db, COMMAND_LINE_ACTOR)
    rulebook = rules.create_rulebook("青石村村规民约")
    for number, (count, articles) in enumerate(((13, {13: "旧条款"}), (12, ARTICLES)), start=1):
        parsed = parse_rules_text(_rules_text(count, articles))
        rules.add_version(RuleVersion("", rulebook.id, 0, tuple(parsed.chapters), title="青石村村规民约"), "测试")
        rules.put_in_force(rulebook.id, number, f"202{number}-01-01")
    return rules.load_version(rulebook.id, 2).id


def seed_registry(db: Database, with_rules: bool = True) -> None:
    """Groups 三组/五组, households 12, 15, 31 (one with a child) and, unless told not to, the rules."""
    registry = build_stores(db, COMMAND_LINE_ACTOR)
    for group_id, name, position in GROUPS:
        registry.groups.save_group(VillageGroup(group_id, name, position))
    for household_id, number, group, people in HOUSEHOLDS:
        registry.households.save_household(Household(household_id, number, group))
        for position, (uid, name, born, id_number, phone, relation) in enumerate(people):
            registry.villagers.save_villager(Villager(uid, household_id, name, relation, id_number=id_number,
                                            birth_date=date.fromisoformat(born), phone=phone, position=position))
        registry.households.save_household(Household(household_id, number, group, head_id=people[0][0]))
    if with_rules:
        seed_rules(db)


@dataclass(frozen=True)
class ListStores:
    """The list stores as storage/core/backend.py composes them, with the registry read as on `today`."""

    entries: SqliteListEntries  # also the ObjectionStore
    naming: SqliteNamingBases
    volunteers: SqliteVolunteers
    board_log: SqliteBoardLog
    settings: SqliteListSettings

    def board(self, period: str, on: date | None = None) -> Board:
        return make_board(self.entries, self.naming, self.settings, period, on)


def lists(db: Database, actor: Actor, today: date | None = None) -> ListStores:
    directory = SqliteHouseholdDirectory(db, today)
    settings, log = SqliteListSettings(db, actor), SqliteBoardLog(db, actor)
    entries = SqliteListEntries(db, actor, directory, SqliteArticleCatalogue(SqliteRulebookStore(db, actor)),
                                settings, log)
    return ListStores(entries, SqliteNamingBases(db, actor, directory), SqliteVolunteers(db, actor, directory),
                      log, settings)


def store(db: Database, actor: Actor, today: date | None = None) -> SqliteListEntries:
    """The entries (and objections) store."""
    return lists(db, actor, today).entries


def naming(db: Database, actor: Actor, today: date | None = None) -> SqliteNamingBases:
    return lists(db, actor, today).naming


def volunteers(db: Database, actor: Actor, today: date | None = None) -> SqliteVolunteers:
    return lists(db, actor, today).volunteers


def written(store: SqliteListEntries, changed: Changed) -> ListEntry:
    """The entry a write (nominate, advance, renew, …) made or changed, as stored."""
    return store.entry(changed.id)
