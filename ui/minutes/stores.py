"""The minutes area's stores, one per aggregate, as the screen and its panels receive them."""
from __future__ import annotations

from dataclasses import dataclass

from models.core.ports import AttachmentStore, Stores
from models.minutes.ports import (
    ConveneStore, FollowUpStore, FourTwoStore, MeetingStore, MeetingTypeStore, MinutesSettingsStore,
)


@dataclass(frozen=True)
class MinutesStores:
    """Records, their types and settings, proposals to convene; follow-ups, 四议两公开 and attachments may be left out
    (a screen without them shows no such panel)."""

    meetings: MeetingStore
    types: MeetingTypeStore
    settings: MinutesSettingsStore
    convene: ConveneStore
    follow_ups: FollowUpStore | None = None
    four_two: FourTwoStore | None = None
    attachments: AttachmentStore | None = None

    @classmethod
    def of(cls, stores: Stores) -> MinutesStores:
        return cls(stores.meetings, stores.meeting_types, stores.minutes_settings, stores.convene_proposals,
                   stores.follow_ups, stores.four_two, stores.attachments)
