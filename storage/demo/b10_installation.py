"""Demo: the village profile (青石村) and one account per role."""
from __future__ import annotations

import random

from models.core.accounts import Actor, Role
from models.core.village import make_profile
from storage.core.accounts import create_user_unchecked
from storage.core.db import Database
from storage.demo import DemoOptions
from storage.core.installation import initialise, is_initialised

DEMO_PASSWORD = "demo1234"
DEMO_USERS = (("wenshu", "吴晓梅", Role.CLERK), ("shuji", "杨光明", Role.APPROVER),
              ("jianwei", "石秀英", Role.SUPERVISOR), ("xinxiyuan", "龙德军", Role.CLERK))  # 龙德军: 议事信息员


def build(db: Database, rng: random.Random, options: DemoOptions) -> None:
    if is_initialised(db):
        options.counts["users"] = 0
        return
    profile = make_profile("青石村", "德化乡", "黎平县", "522631101201")
    admin = initialise(db, profile, "admin", DEMO_PASSWORD, admin_name="村管理员")
    with db.atomic():
        for username, name, role in DEMO_USERS:
            create_user_unchecked(db, admin.as_actor(), username, name, role, DEMO_PASSWORD)
    options.counts["users"] = 1 + len(DEMO_USERS)
