"""The minutes screen's stores as most minutes tests build it."""
from __future__ import annotations

import dataclasses

from models.core.ports import Stores
from ui.minutes.stores import MinutesStores


def only_follow_ups(stores: Stores) -> MinutesStores:
    """Records, types, settings, proposals and follow-ups; no 四议两公开 tab and no attachments panel."""
    return dataclasses.replace(MinutesStores.of(stores), four_two=None, attachments=None)
