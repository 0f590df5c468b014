"""Store interface (Protocol) of pairing and sync bundles (同步包)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol

if TYPE_CHECKING:
    from models.core.changes import Changed
    from models.sync.bundles import ExportResult, HeldBundle, NodeCard, Peer, PeerAuditEntry, QuarantinedRow
    from models.sync.bundles import ImportResult as SyncImportResult
    from models.sync.revocations import Revocation


class TownshipReturns(Protocol):
    """What a bundle import acts on when it brings a township's 退回修改 (the workflow's revisions: reopen step 6)."""

    def apply_township_returns(self, today: date) -> Changed | None: ...


class SyncService(Protocol):
    """Pairing and USB bundles (同步包). Export and import are irreversible acts, audit-logged.

    Writes to the database return what they changed: the sync records themselves (Entity.SYNC_STATE: peers,
    held bundles, quarantined rows, bundles received), joined, for an import or a released row, with every kind
    of record the applied rows belong to (`ImportResult.changed`; models/sync/touched.py). An export's result
    carries the change of the bundle sent (`ExportResult.changed`); the public key file is written outside the
    database."""

    def identity(self) -> NodeCard: ...

    def public_key_text(self) -> str:
        """The public key file's content, for a QR code a peer can scan."""
        ...

    def peers(self) -> list[Peer]: ...
    def peer(self, node: str) -> Peer: ...
    def trust_key_file(self, path: Path) -> Changed: ...
    def trust_key_text(self, text: str, source: str) -> Changed: ...
    def write_public_key(self, path: Path) -> NodeCard: ...

    def export_to(self, folder: Path, peer: str | None = None) -> ExportResult:
        """Write, fsync, rename and read back a bundle of everything the peer has not acknowledged."""
        ...

    def import_file(self, path: Path) -> SyncImportResult:
        """Verify and apply a bundle in one transaction; raises DomainError (nothing written) if refused. The
        result's `changed` names every kind of record it touched."""
        ...

    def export_job(self, folder: Path, peer: str | None = None) -> Callable[[], ExportResult]:
        """`export_to` as a job for a worker thread (permission checked now; the job opens its own connection)."""
        ...

    def import_job(self, bundle: Path) -> Callable[[], SyncImportResult]:
        """`import_file` as a job for a worker thread (permission checked now; the job opens its own connection)."""
        ...

    def pending(self) -> list[HeldBundle]:
        """Bundles held until their (village's) key fingerprint is confirmed."""
        ...

    def accept_job(self, fingerprint: str) -> Callable[[], tuple[Peer, list[SyncImportResult]]]:
        """Trust the held key with this fingerprint and import its bundles, as a worker-thread job."""
        ...

    def discard(self, fingerprint: str) -> Changed:
        """Drop the held bundles of the key with this fingerprint, unapplied (the change names them); audit-logged."""
        ...

    def revoke(self, fingerprint: str, reason: str) -> Revocation:
        """Revoke a trusted peer's key: its bundles are refused from now on and it is told in our next bundle."""
        ...

    # Open quarantined rows; release re-runs the import's checks, discard keeps the row as evidence. Peers' audit.
    def quarantined(self, limit: int = 1000) -> list[QuarantinedRow]: ...
    def release(self, entry_id: int) -> Changed: ...
    def discard_quarantined(self, entry_id: int) -> Changed: ...
    def peer_audit(self, origin: str | None = None, limit: int = 1000, offset: int = 0) -> list[PeerAuditEntry]:
        """Newest first, `limit` from the `offset`-th (the screen reads a page at a time)."""
