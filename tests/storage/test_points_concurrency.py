"""R39: two windows (two connections to one file) redeeming at the same moment never both take the last item or
the last points: the redemption reads and writes in one BEGIN IMMEDIATE transaction."""
from __future__ import annotations

import threading
from pathlib import Path

from models.core.accounts import Actor
from models.core.errors import DomainError
from storage.core.backend import build_stores
from storage.core.installation import open_database
from tests.points_fixtures import Village, village  # noqa: F401  (fixture)


def _race(path: Path, actor: Actor, jobs: list[tuple[str, str]]) -> list[str]:
    """Run each (household, goods) redemption on its own thread and connection, all released at once."""
    barrier, outcomes = threading.Barrier(len(jobs)), [""] * len(jobs)

    def redeem(index: int, household: str, goods_id: str) -> None:
        points = build_stores(open_database(path), actor).points
        barrier.wait()
        try:
            outcomes[index] = "ok:" + points.redemptions.redeem(household, goods_id).id
        except DomainError as error:
            outcomes[index] = "refused:" + error.message

    threads = [threading.Thread(target=redeem, args=(i, *job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_windows_cannot_both_take_the_last_item(village: Village) -> None:
    goods_id = village.clerk.points.goods.add_goods("电饭锅（最后一台）", 1, 1).id
    outcomes = _race(village.path, village.clerk.actor, [("0001", goods_id), ("0002", goods_id)])
    assert sorted(o.split(":")[0] for o in outcomes) == ["ok", "refused"], outcomes
    assert any("库存只有 0 件" in o for o in outcomes)
    assert village.clerk.points.goods.goods(goods_id).stock == 0


def test_two_windows_cannot_both_spend_the_last_points(village: Village) -> None:
    points = village.clerk.points
    balance = points.tally.balance("0003").redeemable
    goods_id = points.goods.add_goods("整户积分的奖品", balance, 5).id
    outcomes = _race(village.path, village.clerk.actor, [("0003", goods_id), ("0003", goods_id)])
    assert sorted(o.split(":")[0] for o in outcomes) == ["ok", "refused"], outcomes
    assert any("余额 0 分" in o for o in outcomes)
    assert points.tally.balance("0003").redeemable == 0 and points.goods.goods(goods_id).stock == 4


