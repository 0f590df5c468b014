"""Shared data for registry tests: the sample roster and a few hand-made people."""
from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from models.registry.id_numbers import make_id_number
from models.core.ids import new_id
from models.registry.households import Gender, Household, VillageGroup, Villager

if TYPE_CHECKING:
    from models.core.ports import Stores

# A copy of the clerks' sample roster (shared/samples/roster_qingshi.csv), kept with the tests.
SAMPLE = Path(__file__).resolve().parent / "data" / "roster_qingshi.csv"


def sample_rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8-sig"))))


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def make_family(stores: Stores) -> tuple[Household, Villager, Villager]:
    """吴建华's household in 第1组, saved through a session's `stores`."""
    group = VillageGroup(new_id(), "第1组", 1)
    household = Household(new_id(), "0101", group.id, phone="13800000001")
    head = Villager(new_id(), household.id, "吴建华", "户主", Gender.MALE,
                    make_id_number("522631", date(1970, 5, 1), 1, Gender.MALE), date(1970, 5, 1), "侗族",
                    "13800000001", "中共党员")
    child = Villager(new_id(), household.id, "吴小梅", "女", Gender.FEMALE,
                     make_id_number("522631", date(2012, 3, 4), 2, Gender.FEMALE), date(2012, 3, 4), "侗族",
                     position=1)
    stores.groups.save_group(group)
    stores.households.save_household(household)
    stores.villagers.save_villager(head)
    stores.villagers.save_villager(child)
    household = Household(household.id, household.household_no, group.id, head_id=head.id, phone=household.phone)
    stores.households.save_household(household)
    return household, head, child


# Roles seated by `seat_committees` (sample roster names), from 2025-01-01; 欧梅 stopped being a representative.
COMMITTEE_POSTS = {"李兰建": "党支部书记、村委会主任", "石兰芳": "党支部副书记", "陈文": "村委委员（妇女主任）", "张金": ""}
REPRESENTATIVES = ("龙金寿", "龙梅银", "黄秀珍")


def seat_committees(db: object, actor: object) -> dict[str, str]:
    """Import the sample roster and seat the two committees and three representatives; returns name → id."""
    from models.registry.households import RoleCode, RoleHolding
    from storage.core.backend import build_stores

    stores = build_stores(db, actor)  # type: ignore[arg-type]
    stores.roster.import_roster(SAMPLE)
    ids = {name: uid for uid, name in db.conn.execute(  # type: ignore[attr-defined]
        "SELECT id, name FROM villagers WHERE deleted = 0")}
    start = date(2025, 1, 1)
    for name, post in COMMITTEE_POSTS.items():
        stores.villagers.save_role(RoleHolding(new_id(), ids[name], RoleCode.TWO_COMMITTEES_MEMBER, post, start))
    for name in REPRESENTATIVES:
        stores.villagers.save_role(RoleHolding(new_id(), ids[name], RoleCode.REPRESENTATIVE, "", start))
    stores.villagers.save_role(RoleHolding(new_id(), ids["欧梅"], RoleCode.REPRESENTATIVE, "", start, date(2025, 6, 30)))
    return ids
