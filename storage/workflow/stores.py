"""SqliteWorkflowStores: the workflow's aggregate stores of one session, as storage/core/backend.py composes them."""
from __future__ import annotations

from dataclasses import dataclass

from storage.workflow.committee import SqliteCommitteeStore, SqliteTeamStore
from storage.workflow.invitations import SqliteInvitationStore
from storage.workflow.opinions import SqliteChangeLinkStore, SqliteOpinionStore
from storage.workflow.plan import SqlitePlanStore, SqliteWorkflowSettingsStore
from storage.workflow.publicity import SqlitePublicityStore
from storage.workflow.revisions import SqliteRevisionStore
from storage.workflow.votes import SqliteSignatureStore, SqliteVoteStore


@dataclass(frozen=True)
class SqliteWorkflowStores:
    """Implements models.workflow.ports.WorkflowStores."""

    revisions: SqliteRevisionStore
    settings: SqliteWorkflowSettingsStore
    plan: SqlitePlanStore
    invitations: SqliteInvitationStore
    committee: SqliteCommitteeStore
    teams: SqliteTeamStore
    opinions: SqliteOpinionStore
    links: SqliteChangeLinkStore
    publicity: SqlitePublicityStore
    votes: SqliteVoteStore
    signatures: SqliteSignatureStore
