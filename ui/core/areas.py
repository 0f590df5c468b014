"""The product areas in the navigation sidebar, and where each area's screen is built.

Each area names its screen factory as "module:function" so that a screen's module (and what it
imports, reportlab included) loads only when the clerk first opens it. An area with no factory is
shown disabled as 尚未开放: never a fake screen.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    factory: str | None  # "ui.<area>:create_screen", called as create_screen(stores, bus)

    def load_factory(self) -> Callable[..., Any]:
        assert self.factory is not None
        module, function = self.factory.split(":")
        return getattr(importlib.import_module(module), function)


AREAS: tuple[Area, ...] = (
    Area("home", "首页", "ui.core.home:create_screen"),
    Area("registry", "户籍花名册", "ui.registry:create_screen"),
    Area("rules", "村规民约", "ui.rules:create_screen"),
    Area("workflow", "九步工作法", "ui.workflow:create_screen"),
    Area("minutes", "会议记录", "ui.minutes:create_screen"),
    Area("lists", "红黑榜", "ui.lists:create_screen"),
    Area("care", "网格关怀", "ui.care:create_screen"),
    Area("points", "积分制", "ui.points:create_screen"),
    Area("matters", "群众说事", "ui.matters:create_screen"),
    Area("disclosures", "三务公开", "ui.disclosures:create_screen"),
    Area("stars", "十星级文明户", "ui.stars:create_screen"),
    Area("printing", "打印中心", "ui.printing:create_screen"),
    Area("sync", "同步", "ui.sync:create_screen"),
    Area("settings", "设置", "ui.core.settings:create_screen"),
)

# In township mode (乡镇端) the sidebar shows the township's areas: its villages and their requests,
# sync and settings. A village's own areas (registry, minutes…) hold nothing of the township's.
TOWNSHIP_AREAS: tuple[Area, ...] = (
    Area("township", "乡镇审查", "ui.township:create_screen"),
    Area("matters_desk", "交办事项", "ui.matters:create_desk"),
    Area("points_desk", "各村积分", "ui.points:create_desk"),
    Area("sync", "同步", "ui.sync:create_screen"),
    Area("settings", "设置", "ui.core.settings:create_screen"),
)


def areas_for(mode: str) -> tuple[Area, ...]:
    """The sidebar for an installation's mode ("village" or "township")."""
    return TOWNSHIP_AREAS if mode == "township" else AREAS
