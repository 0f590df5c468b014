"""Sync bundles (同步包), the pure parts: results, peers, file names and the per-row import decision."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from models.core.changes import Changed, Entity
from models.core.errors import DomainError

# Schema versions (migration counts) a reader accepts below its own, through adapters. A release adds several
# steps (the 2026-12 releases: m075–m082, then m083–m086, then m095–m099 — indexes for county scale and additive
# columns), and a village two releases behind (before m074's one attachments table, whose rows the sync adapter maps)
# must still reach its township, so the lag counts two releases' worth of steps and the steps since: an index-only
# step counts like any other.
MAX_SCHEMA_LAG = 20
# Capabilities this program understands; a bundle requiring anything else is refused.
CAPABILITIES = frozenset({"changes-jsonl-v1", "blobs-sha256-v1", "receipts-v1", "quarantine-v1", "audit-v1"})


class BundleRefused(DomainError):
    """The bundle was not imported; nothing in the database changed."""


class RowDecision(StrEnum):
    """同步行处理 — what import does with one incoming row."""

    APPLY = "apply"
    SKIP = "skip"
    QUARANTINE = "quarantine"

    @property
    def label(self) -> str:
        return {"apply": "写入", "skip": "跳过", "quarantine": "隔离"}[self.value]


class ImportFlag(StrEnum):
    """导入提示 — something unusual the clerk should know about an imported bundle."""

    NEW_EPOCH = "new_epoch"
    CLOCK_SKEW = "clock_skew"
    ALREADY_IMPORTED = "already_imported"
    QUARANTINED = "quarantined"
    HELD = "held"
    KEY_REVOKED = "key_revoked"

    @property
    def label(self) -> str:
        return {"new_epoch": "对方数据库是重新安装或从备份恢复的（新纪元）",
                "clock_skew": "对方电脑时钟与本机相差超过 24 小时",
                "already_imported": "这个同步包以前已经导入过",
                "quarantined": "有不属于发送方的记录被隔离，未写入",
                "held": "发送方的密钥尚未确认，同步包已暂存，没有写入任何记录",
                "key_revoked": "对方已吊销本机的密钥，不再接收本机的同步包；需要生成新密钥后重新配对"}[self.value]


@dataclass(frozen=True)
class Peer:
    """同步对方 — a trusted installation (a township, or one of its villages)."""

    node: str
    kind: str
    name: str
    fingerprint: str
    trusted_at: str
    last_bundle_at: str | None = None
    acked_seq: int = 0


@dataclass(frozen=True)
class NodeCard:
    """本机身份 — what the clerk reads aloud when pairing: name, node id and key fingerprint."""

    node: str
    kind: str
    name: str
    fingerprint: str


@dataclass(frozen=True)
class ExportResult:
    """导出结果 — one bundle written and verified."""

    file: str
    to: str
    changes: int
    attachments: int
    bytes: int
    seq_first: int
    seq_last: int
    per_table: dict[str, int] = field(default_factory=dict)
    parts: tuple[str, ...] = ()  # the part files, when the bundle was split (above 2 GiB)
    changed: Changed = field(default_factory=lambda: Changed(Entity.SYNC_STATE))  # the bundle sent, on record


@dataclass(frozen=True)
class ImportResult:
    """导入结果 — what one bundle did to the database."""

    bundle: str
    sender: str
    applied: int
    skipped: int
    conflicts: int
    quarantined: int
    attachments: int
    flags: tuple[ImportFlag, ...] = ()
    per_table: dict[str, int] = field(default_factory=dict)
    fingerprint: str = ""  # the unconfirmed signer's, when the bundle was held
    # What the import changed: the sync records (SYNC_STATE) joined with every kind of record of the applied rows
    # (models/sync/touched.py); a held or replayed bundle changes only the sync records.
    changed: Changed = field(default_factory=lambda: Changed(Entity.SYNC_STATE))


@dataclass(frozen=True)
class HeldBundle:
    """暂存的同步包 — a village's first bundle, kept unapplied until its key's fingerprint is confirmed."""

    bundle: str
    sender: str
    name: str
    fingerprint: str
    since: int
    seq_last: int
    changes: int
    file_name: str
    received_at: str


@dataclass(frozen=True)
class QuarantinedRow:
    """隔离记录 — an incoming row kept aside, not applied, with the reason."""

    bundle: str
    table: str
    row_id: str
    owner: str
    signer: str
    reason: str
    received_at: str
    owner_name: str = ""  # the names this installation knows for the two nodes ("" if unknown)
    signer_name: str = ""
    id: int = 0  # the number `sync quarantine release|discard ID` takes


@dataclass(frozen=True)
class PeerAuditEntry:
    """对方的操作记录 — one audit entry a peer sent in a bundle (its hash chain verified on import)."""

    origin: str
    origin_name: str
    epoch: str
    seq: int
    at: str
    actor_name: str
    action: str
    table: str
    row_id: str
    summary: str


def node_label(node: str, name: str) -> str:
    """"青石村（V-…）" when the node's name is known, else the node id."""
    return f"{name}（{node}）" if name else node


def decide_row(signer: str, incoming_owner: str, incoming_hlc: str,
               existing_owner: str | None, existing_hlc: str | None) -> RowDecision:
    """Ownership, not merging (DESIGN §2): only the owner may write a row; the higher hlc wins."""
    if incoming_owner != signer:
        return RowDecision.QUARANTINE
    if existing_owner is not None and existing_owner != incoming_owner:
        return RowDecision.QUARANTINE
    if existing_hlc is not None and incoming_hlc <= existing_hlc:
        return RowDecision.SKIP
    return RowDecision.APPLY


def check_schema(bundle_schema: int, min_reader: int, my_schema: int) -> None:
    """Refuse a bundle from a newer program, or one too old for our adapters."""
    if min_reader > my_schema or bundle_schema > my_schema:
        raise BundleRefused(f"这个同步包由更新版本的乡约制作（结构版本 {bundle_schema}，本机 {my_schema}）。"
                            "请先把本机乡约升级到最新版本，再导入。未作任何更改。")
    if bundle_schema < my_schema - MAX_SCHEMA_LAG:
        raise BundleRefused(f"这个同步包的结构版本（{bundle_schema}）比本机（{my_schema}）旧太多。"
                            "请先把对方的乡约升级，再重新导出。未作任何更改。")


def check_capabilities(required: list[str]) -> None:
    unknown = sorted(set(required) - CAPABILITIES)
    if unknown:
        raise BundleRefused(f"这个同步包需要本机不支持的功能（{', '.join(unknown)}）。请先升级乡约。未作任何更改。")


def check_since(since: int, high_water: int) -> None:
    """A cumulative bundle builds on what the sender believes we hold; refuse if we hold less."""
    if since > high_water:
        raise BundleRefused(f"缺少更早的同步包：本机只收到对方第 {high_water} 号之前的变更，"
                            f"这个包从第 {since + 1} 号开始（缺第 {high_water + 1} 至 {since} 号）。"
                            "请让对方重新导出一个完整的同步包（对方导出时会自动包含未确认的全部变更）。")


_SAFE = re.compile(r"[^A-Za-z0-9-]")


def bundle_file_name(sender: str, recipient: str, date: str, first: int, last: int, bundle_id: str) -> str:
    """`<from>_<to>_<date>_<seq>-<seq>_<id8>.xybundle`, ASCII only (FAT sticks, any locale)."""
    id8 = bundle_id.replace("-", "")[-8:]
    return f"{_SAFE.sub('', sender)}_{_SAFE.sub('', recipient)}_{date}_{first}-{last}_{id8}.xybundle"


def format_fingerprint(hex_digest: str, groups: int = 8) -> str:
    """Groups of four hex digits, easy to read aloud: `3f2a 9c01 …`."""
    text = hex_digest[: groups * 4].upper()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def normalise_fingerprint(text: str) -> str:
    """What the reviewer typed, as the 32 hex digits a fingerprint shows; refused unless complete."""
    digits = re.sub(r"[\s:\-]", "", text).upper()
    if not re.fullmatch(r"[0-9A-F]{32}", digits):
        raise DomainError("请输入完整的指纹：8 组、每组 4 位（0–9、A–F），照村里电脑“同步”页上显示的逐组念读核对。")
    return format_fingerprint(digits)


_AREAS = (("户籍", ("households", "villager", "village_groups", "grids", "grid_assignments", "village_profiles")),
          ("村规民约", ("rulebooks", "rule_")),
          ("会议记录", ("meeting", "agenda_items", "follow_up", "four_two_")),
          ("九步工作法", ("workflow_",)),
          ("红黑榜", ("list_", "board_versions", "volunteer_")),
          ("乡镇审查与备案", ("township_",)),
          ("积分制", ("points_",)),
          ("群众说事", ("matter",)),
          ("三务公开", ("disclosure_",)),
          ("十星级文明户", ("star_",)),
          ("附件", ("attachments",)),
          ("网格关怀", ("care_",)))


def area_of(table: str) -> str:
    """The area (户籍, 村规民约, 会议记录, …) a synced table belongs to, for a bundle's summary."""
    return next((area for area, prefixes in _AREAS if table.startswith(prefixes)), "其他")


def area_summary(per_table: dict[str, int]) -> str:
    """"户籍 120 条，会议记录 30 条" — counts per area in the areas' fixed order; empty when nothing changed."""
    totals: dict[str, int] = {}
    for table, count in per_table.items():
        totals[area_of(table)] = totals.get(area_of(table), 0) + count
    order = [area for area, _ in _AREAS] + ["其他"]
    return "，".join(f"{area} {totals[area]} 条" for area in order if area in totals)
