"""Every StrEnum member in models/ has a non-empty Chinese label."""
from __future__ import annotations

import importlib
import pkgutil
import re
from enum import StrEnum

import models

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _enums() -> list[type[StrEnum]]:
    found = []
    for info in pkgutil.walk_packages(models.__path__, "models."):
        module = importlib.import_module(info.name)
        found += [v for v in vars(module).values()
                  if isinstance(v, type) and issubclass(v, StrEnum) and v is not StrEnum and v.__module__ == info.name]
    return found


def test_every_enum_member_has_a_chinese_label() -> None:
    enums = _enums()
    assert len(enums) >= 3
    missing = [f"{e.__name__}.{m.name}" for e in enums for m in e if not CHINESE.search(getattr(m, "label", "") or "")]
    assert missing == []
