"""What a bundle import changed, for the screens: the kind of record (`Entity`) each synced table's rows are part
of, and the column of the row that names that record (the id a screen shows it by).

A row whose table names no such id (an article of a rule version, a step's state) makes its kind "possibly all"
(empty ids); a table this program does not know changes "possibly anything" (Entity.SYNC). A new synced table is
added here (tests/sync/test_sync_touched.py checks that every synced table is).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from models.core.attachments import OwnerKind
from models.core.changes import Changed, Entity

# table → (kind, column naming the record's id; "" when the row names none a screen uses), each kind it is part of
ROW_CHANGES: dict[str, tuple[tuple[Entity, str], ...]] = {
    "village_profiles": ((Entity.PROFILE, "id"),),
    "village_groups": ((Entity.VILLAGE_GROUP, "id"),),
    "grids": ((Entity.GRID, "id"),),
    "households": ((Entity.HOUSEHOLD, "id"),),
    "villagers": ((Entity.VILLAGER, "id"),),
    "villager_roles": ((Entity.VILLAGER, "villager_id"),),
    "rulebooks": ((Entity.RULEBOOK, "id"),),
    "rule_versions": ((Entity.RULEBOOK, "rulebook_id"),),
    "rule_articles": ((Entity.RULEBOOK, ""),),
    "rule_change_reasons": ((Entity.RULEBOOK, ""),),
    "rule_catalogue_articles": ((Entity.RULEBOOK, ""),),
    "meetings": ((Entity.MEETING, "id"),),
    **{table: ((Entity.MEETING, "meeting_id"),) for table in (
        "agenda_items", "agenda_item_speeches", "agenda_item_votes", "convene_proposals", "meeting_amendments",
        "meeting_attendees")},
    "meeting_types": ((Entity.MEETING, ""),),
    "minutes_settings": ((Entity.MEETING, ""),),
    "follow_ups": ((Entity.FOLLOW_UP, "id"), (Entity.MEETING, "meeting_id")),
    "follow_up_events": ((Entity.FOLLOW_UP, "follow_up_id"),),
    "four_two_matters": ((Entity.FOUR_TWO_MATTER, "id"),),
    "four_two_stages": ((Entity.FOUR_TWO_MATTER, "matter_id"), (Entity.MEETING, "meeting_id")),
    "workflow_revisions": ((Entity.WORKFLOW, "rulebook_id"),),  # a workflow is named by its rulebook
    "list_entries": ((Entity.LIST_ENTRY, "id"),),
    "list_objections": ((Entity.LIST_ENTRY, "entry_id"),),
    "list_transitions": ((Entity.LIST_ENTRY, "entry_id"),),
    **{table: ((Entity.LIST_ENTRY, ""),) for table in (
        "list_consents", "list_settings", "board_versions", "volunteer_participations")},
    "disclosure_publications": ((Entity.DISCLOSURE, "id"),),
    "disclosure_objections": ((Entity.DISCLOSURE, "publication_id"),),
    "disclosure_settings": ((Entity.DISCLOSURE_SETTINGS, "id"),),
    "disclosure_finance_lines": ((Entity.FINANCE_SHEET, "month"),),
    "star_lists": ((Entity.STAR_LIST, "id"),),
    "star_awards": ((Entity.STAR_AWARD, "id"),),
    "star_candidacies": ((Entity.STAR_CANDIDACY, "id"),),
    "star_objections": ((Entity.STAR_AWARD, "award_id"),),
    # the township's answer is part of the village's workflow of that rulebook (a return reopens step 6)
    "township_reviews": ((Entity.TOWNSHIP_REVIEW, "id"), (Entity.WORKFLOW, "rulebook_id")),
    "township_filing_decisions": ((Entity.TOWNSHIP_REVIEW, "id"), (Entity.WORKFLOW, "rulebook_id")),
    "printed_copies": ((Entity.PRINTED_COPY, "id"),),  # the print register travels, so codes check at the township
    "grid_assignments": ((Entity.HOUSEHOLD, "household_id"), (Entity.GRID, "grid_id")),
    "grid_member_terms": ((Entity.GRID, "grid_id"),),
    "disclosure_events": ((Entity.DISCLOSURE, "id"),),
    "care_contacts": ((Entity.CARE_CONTACT, "id"),),
    "care_levels": ((Entity.CARE_LEVEL, "id"), (Entity.HOUSEHOLD, "household_id")),
    "care_visits": ((Entity.CARE_VISIT, "id"),),
    "care_settings": ((Entity.CARE_SETTINGS, "id"),),
    "points_schemes": ((Entity.POINTS_SCHEME, "id"),),
    "points_items": ((Entity.POINTS_SCHEME, "scheme_id"),),
    "points_entries": ((Entity.POINTS_ENTRY, "id"),),
    "points_goods": ((Entity.POINTS_GOODS, "id"),),
    "points_stock_moves": ((Entity.POINTS_GOODS, "goods_id"),),
    "points_redemptions": ((Entity.POINTS_REDEMPTION, "id"), (Entity.POINTS_ENTRY, "entry_id")),
    "points_publications": ((Entity.POINTS_PUBLICATION, "id"),),
    "points_objections": ((Entity.POINTS_OBJECTION, "id"), (Entity.POINTS_PUBLICATION, "publication_id")),
    "points_applications": ((Entity.POINTS_APPLICATION, "id"),),
    "points_application_reviews": ((Entity.POINTS_APPLICATION, "application_id"),),
    "points_settings": ((Entity.POINTS_SETTINGS, "id"),),
    "matters": ((Entity.MATTER, "id"),),
    "matter_events": ((Entity.MATTER, "matter_id"),),  # the township's reply among them
    "matter_officer_logs": ((Entity.OFFICER_LOG, "id"),),
    "matter_projects": ((Entity.PROJECT, "id"), (Entity.MEETING, "meeting_id"), (Entity.FOUR_TWO_MATTER, "four_two_id")),
}
WORKFLOW_PREFIX = "workflow_"  # the revision's parts name their revision, not the rulebook: possibly all


def row_changes(table: str, row: Mapping[str, Any]) -> tuple[tuple[Entity, str | None], ...]:
    """Each (kind, id) one applied row of `table` is part of; id None: possibly all of that kind."""
    if table == "attachments":
        owner = OwnerKind(row["owner_kind"]) if row.get("owner_kind") in set(OwnerKind) else None
        if owner is None:
            return ((Entity.ATTACHMENT, _value(row, "id")), (Entity.SYNC, None))
        owner_id = None if owner is OwnerKind.WORKFLOW_STEP else _value(row, "owner_id")
        return ((Entity.ATTACHMENT, _value(row, "id")), (owner.entity, owner_id))
    spec = ROW_CHANGES.get(table) or (((Entity.WORKFLOW, ""),) if table.startswith(WORKFLOW_PREFIX) else None)
    if spec is None:
        return ((Entity.SYNC, None),)
    found: list[tuple[Entity, str | None]] = []
    for entity, column in spec:
        if not column or column not in row:  # (a peer's older shape may lack the link: possibly all)
            found.append((entity, None))
        elif row[column]:  # an unset link (a stage held outside a meeting) names no record of that kind
            found.append((entity, _value(row, column)))
    return tuple(found)


def _value(row: Mapping[str, Any], column: str) -> str | None:
    value = row.get(column)
    return str(value) if value else None


class Touched:
    """The records an import applied rows of, gathered row by row into one `Changed`."""

    def __init__(self) -> None:
        self._ids: dict[Entity, set[str] | None] = {}

    def add(self, table: str, row: Mapping[str, Any]) -> None:
        for entity, record_id in row_changes(table, row):
            self.add_kind(entity, record_id)

    def add_kind(self, entity: Entity, record_id: str | None = None) -> None:
        """One record of `entity` changed (None: possibly all of them, which no later id narrows)."""
        if entity in self._ids and self._ids[entity] is None:
            return
        if record_id is None:
            self._ids[entity] = None
        else:
            self._ids.setdefault(entity, set()).add(record_id)  # type: ignore[union-attr]  # None handled above

    def changed(self, lead: Changed) -> Changed:
        """`lead` (the sync records of the import itself) joined with every kind of record touched."""
        joined = lead
        for entity, ids in self._ids.items():
            joined = joined | Changed(entity, frozenset(ids or ()))
        return joined
