"""Village-wide minutes settings: the province's rule on who may vote village rules and the charter (R8)."""
from __future__ import annotations

from dataclasses import dataclass

from models.core.errors import DomainError
from models.minutes.types import MeetingType, MeetingTypeSpec
from models.minutes.meetings import AgendaItem, MatterKind


@dataclass(frozen=True)
class ProvinceRules:
    """本省规定 (R8): by default village rules and the charter need a villagers' meeting; a province may let a
    representatives' meeting vote them, which is then configured here with its legal basis."""

    rules_by_representatives: bool = False
    basis: str = ""


def make_province_rules(allowed: bool, basis: str) -> ProvinceRules:
    """Validate: allowing it needs the provincial regulation that allows it (printed on the resolution)."""
    basis = basis.strip()
    if allowed and not basis:
        raise DomainError("请填写本省允许村民代表会议表决村规民约、自治章程的法规依据，例如"
                          "“《××省实施〈中华人民共和国村民委员会组织法〉办法》第××条”。")
    return ProvinceRules(allowed, basis if allowed else "")


def decided_under_province_rule(item: AgendaItem, spec: MeetingTypeSpec, rules: ProvinceRules) -> bool:
    """A rules/charter item voted by a representatives' meeting because the province allows it."""
    return (rules.rules_by_representatives and spec.code == MeetingType.REPRESENTATIVES
            and item.matter in (MatterKind.VILLAGE_RULES, MatterKind.CHARTER))


def province_flag(item: AgendaItem, spec: MeetingTypeSpec, rules: ProvinceRules) -> str:
    """The line R8 asks to print on the resolution when the province's override was used (else empty)."""
    if not decided_under_province_rule(item, spec, rules):
        return ""
    return (f"注：本项{item.matter.label}依据{rules.basis}的规定由村民代表会议表决，"
            "未经村民会议（按本省规定适用，非《村民委员会组织法》第二十七条的默认程序）。")
