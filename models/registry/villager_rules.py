"""Rules a villager record must satisfy before it is saved (the same as a roster row)."""
from __future__ import annotations

from datetime import date

from models.core.errors import DomainError
from models.registry.id_numbers import birth_date_of, gender_of, id_number_problem
from models.registry.households import Villager, VillagerStatus


def check_villager(villager: Villager, today: date) -> None:
    """Raise DomainError (Chinese, saying what to fix) if the record is not consistent."""
    if not villager.name.strip():
        raise DomainError("姓名不能为空。")
    if villager.id_number and "*" not in villager.id_number:
        problem = id_number_problem(villager.id_number, today)
        if problem:
            raise DomainError(problem)
        if villager.birth_date and villager.birth_date != birth_date_of(villager.id_number):
            raise DomainError("出生日期与身份证号中的出生日期不一致，请核对。")
        if villager.gender and villager.gender is not gender_of(villager.id_number):
            raise DomainError("性别与身份证号（第 17 位）不一致，请核对。")
    if villager.birth_date and villager.birth_date > today:
        raise DomainError("出生日期不能晚于今天。")
    if villager.status is not VillagerStatus.ACTIVE and villager.status_date is None:
        raise DomainError(f"标记为“{villager.status.label}”时请填写日期。")
    if villager.away and not villager.away_place.strip():
        raise DomainError("外出的村民请填写外出地点（如“广东东莞”）。")
