"""The installation's profile: which village (or township) this database belongs to."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from models.core.errors import DomainError


class Mode(StrEnum):
    """安装模式 — a village office, or a township desk that receives village bundles."""

    VILLAGE = "village"
    TOWNSHIP = "township"

    @property
    def label(self) -> str:
        return {"village": "村级", "township": "乡镇"}[self.value]


@dataclass(frozen=True)
class VillageProfile:
    """村庄信息 — names and administrative code of this installation's village or township."""

    village: str
    township: str
    county: str
    code: str = ""
    mode: Mode = Mode.VILLAGE

    @property
    def display_name(self) -> str:
        if self.mode is Mode.TOWNSHIP:
            return f"{self.county}{self.township}"
        return f"{self.township}{self.village}"


_CODE = re.compile(r"^(\d{6}|\d{9}|\d{12})$")


def make_profile(village: str, township: str, county: str, code: str = "",
                 mode: Mode = Mode.VILLAGE) -> VillageProfile:
    """Validate and normalise the profile fields; raise DomainError in Chinese."""
    village, township, county, code = (s.strip() for s in (village, township, county, code))
    if mode is Mode.VILLAGE and not village:
        raise DomainError("请填写村名，例如“青石村”。")
    if not township:
        raise DomainError("请填写所属乡镇，例如“德化乡”。")
    if not county:
        raise DomainError("请填写所属县（区），例如“黎平县”。")
    if code and not _CODE.match(code):
        raise DomainError("行政区划代码应为 6、9 或 12 位数字，可以不填。")
    return VillageProfile(village, township, county, code, mode)


def node_prefix(profile: VillageProfile) -> str:
    """`V-<code>` or `T-<code>` (DESIGN §2); without a code, just `V` or `T`."""
    letter = "T" if profile.mode is Mode.TOWNSHIP else "V"
    return f"{letter}-{profile.code}" if profile.code else letter
