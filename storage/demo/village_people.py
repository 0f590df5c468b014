"""Plausible households of a Dong/Miao village in Liping County: names, ages, ID numbers (522631…)."""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from models.registry.id_numbers import make_id_number
from models.registry.households import Gender
from models.registry.roster import RosterRow

REGION = "522631"  # 黎平县
REFERENCE = date(2026, 1, 1)  # ages are drawn against a fixed day, so a seed always gives the same village
SURNAMES = ("吴" * 9 + "杨" * 8 + "石" * 6 + "龙" * 5 + "潘" * 5 + "陆" * 3 + "欧" * 3 + "粟" * 2 + "姚" * 2
            + "王李张罗胡谢黄陈刘蒙滚林梁彭银")
MALE_CHARS = "光明生文武建国华金银德福寿永海平安顺强军荣波成忠兴林富贵志勇"
FEMALE_CHARS = "秀英梅兰花珍芳丽春玉桂红妹凤莲燕翠菊香琴云娥"
ETHNICITIES = ("侗族",) * 12 + ("苗族",) * 5 + ("汉族",) * 3


@dataclass
class PersonSeed:
    """One generated person before it becomes a roster row."""

    name: str
    relation: str
    gender: Gender
    born: date


class VillageGenerator:
    """Deterministic for an `rng`: households of 1–7 people, about 3.7 on average."""

    def __init__(self, rng: random.Random, children: tuple[int, ...] = (10, 27, 38, 25)) -> None:
        self.rng = rng
        self.children = children  # weights of 0, 1, 2, 3 children
        self._ids: set[str] = set()
        self._counter = 0

    def roster(self, households: int, groups: int = 6) -> list[RosterRow]:
        rows: list[RosterRow] = []
        for index in range(households):
            number, group = f"{index + 1:04d}", f"第{index * groups // households + 1}组"
            surname = self.rng.choice(SURNAMES)
            ethnicity = self.rng.choice(ETHNICITIES)
            for person in self.household(surname):
                rows.append(self._row(len(rows) + 2, number, group, person, ethnicity))
        return rows

    def household(self, surname: str) -> list[PersonSeed]:
        rng = self.rng
        head_gender = Gender.MALE if rng.random() < 0.85 else Gender.FEMALE
        head_born = self._born(28, 78)
        people = [PersonSeed(self.name(surname, head_gender), "户主", head_gender, head_born)]
        if rng.random() < 0.85:
            other = Gender.FEMALE if head_gender is Gender.MALE else Gender.MALE
            people.append(PersonSeed(self.name(rng.choice(SURNAMES), other), "配偶", other,
                                     _shift(head_born, rng.randint(-2000, 3000))))
        for _ in range(rng.choices((0, 1, 2, 3), self.children)[0]):
            gender = rng.choice((Gender.MALE, Gender.FEMALE))
            born = _shift(head_born, rng.randint(22 * 365, 38 * 365))
            if born < REFERENCE:
                people.append(PersonSeed(self.name(surname, gender), "子" if gender is Gender.MALE else "女",
                                         gender, born))
        if head_born.year > 1965 and rng.random() < 0.25:
            gender = rng.choice((Gender.MALE, Gender.FEMALE))
            people.append(PersonSeed(self.name(surname if gender is Gender.MALE else rng.choice(SURNAMES), gender),
                                     "父亲" if gender is Gender.MALE else "母亲", gender,
                                     _shift(head_born, -rng.randint(22 * 365, 32 * 365))))
        return people

    def name(self, surname: str, gender: Gender) -> str:
        chars = MALE_CHARS if gender is Gender.MALE else FEMALE_CHARS
        given = self.rng.choice(chars) + (self.rng.choice(chars) if self.rng.random() < 0.7 else "")
        return surname + given

    def _born(self, youngest: int, oldest: int) -> date:
        return _shift(REFERENCE, -self.rng.randint(youngest * 365, oldest * 365))

    def id_number(self, born: date, gender: Gender) -> str:
        while True:
            self._counter += 1
            number = make_id_number(REGION, born, self._counter, gender)
            if number not in self._ids:
                self._ids.add(number)
                return number

    def _row(self, number: int, household_no: str, group: str, person: PersonSeed, ethnicity: str) -> RosterRow:
        rng = self.rng
        adult = (REFERENCE - person.born).days >= 18 * 365
        phone = f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}" if person.relation == "户主" else ""
        party = adult and rng.random() < (0.12 if person.gender is Gender.MALE else 0.05)
        political = "中共党员" if party else ("共青团员" if 14 <= (REFERENCE - person.born).days // 365 <= 28
                                               and rng.random() < 0.3 else "群众")
        own_ethnicity = ethnicity if rng.random() < 0.8 else rng.choice(ETHNICITIES)
        return RosterRow(number, household_no, group, person.name, person.relation, person.gender,
                         self.id_number(person.born, person.gender), person.born, own_ethnicity, phone, political)


def _shift(day: date, days: int) -> date:
    return day + timedelta(days=days)
