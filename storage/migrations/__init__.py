"""The migration ledger: every schema step, in the order it shipped. Append only.

A fresh database runs LEDGER top to bottom; an older one runs the steps it lacks, in the same order. So both end
at the same schema by the same path. The order is the order the steps reached `main` (`git log --first-parent`),
not their numbers: the numbers of the shipped steps were per-area bands (m011 shipped after m070). From
`LAST_SHIPPED_OUT_OF_ORDER` on the numbers rise (tests/storage/test_migration_ledger.py checks it).

To add a step: write `mNNN_what_it_does(db)` in the module of its area below, NNN one more than the highest
number in the ledger, and append it at the end of LEDGER. Never rename, reorder, remove or edit a shipped step:
its name is recorded in `schema_migrations` and older versions refuse a database holding a name they do not know.
"""
from __future__ import annotations

from storage.migrations import (attachments, care, core, disclosures, lists, matters, minutes, points, registry,
                                rules, sync, township, workflow)
from storage.migrations.runner import Migration, Migrations, Step

LEDGER: tuple[Step, ...] = (
    # On main by 5517854 (the first landed stop: 5517854, or 4e7886f with its gap merges).
    core.m001_create_core,
    registry.m010_create_registry,
    rules.m020_create_rulebooks,
    minutes.m030_create_meetings,
    minutes.m031_create_minutes_search,
    sync.m040_create_sync_peers,
    sync.m041_create_sync_bundles,
    sync.m042_create_blobs,
    sync.m043_create_peer_audit,
    workflow.m070_create_workflow,
    township.m044_create_township_records,
    workflow.m071_workflow_retry_articles,
    lists.m060_create_list_entries,
    lists.m061_create_list_transitions,
    lists.m062_create_list_objections,
    lists.m063_create_list_consents,
    lists.m064_create_volunteer_participations,
    lists.m065_create_board_versions,
    minutes.m032_create_meeting_attachments,
    minutes.m033_index_open_follow_ups,
    # On main by 4e7886f.
    workflow.m072_workflow_filing_township_decision,
    sync.m045_create_sync_held,
    # On main by 291e04d (the second landed stop).
    workflow.m073_create_workflow_attachments,
    lists.m066_create_list_evidence,
    lists.m067_create_list_settings,
    minutes.m034_create_item_votes_and_speeches,
    minutes.m035_create_minutes_settings,
    minutes.m036_create_convene_proposals,
    sync.m046_quarantine_resolution,
    core.m011_change_log_plain_rowid,
    lists.m068_list_consents_per_villager,
    minutes.m047_search_progress_before_follow_up,
    lists.m069_list_consents_withdrawal_reason,
    # From here on: append only, numbers rising (m074, m075, …).
    attachments.m074_one_attachments_table,
    core.m075_hardening,
    rules.m076_rule_versions_preamble_closing,
    registry.m077_registry_search_index,
    core.m078_create_printed_copies,
    care.m079_create_care,
    points.m080_create_points,
    matters.m081_create_matters,
    disclosures.m082_create_disclosures_and_stars,
    points.m083_points_publications_and_applications,
    matters.m084_matter_projects_four_two,
    disclosures.m085_star_evaluation,
    disclosures.m086_disclosure_sign_off_and_grid_member_terms,
    registry.m095_villagers_living_index,
    points.m096_points_rejection_and_settings,
    sync.m097_peer_audit_newest_first,
    registry.m099_households_in_number_order,
)

# The last step shipped with a number out of order; every step after it has a higher number than all before it.
LAST_SHIPPED_OUT_OF_ORDER = "m069_list_consents_withdrawal_reason"

migrations = Migrations("village_clerk", LEDGER)

__all__ = ["LAST_SHIPPED_OUT_OF_ORDER", "LEDGER", "Migration", "Migrations", "Step", "migrations"]
