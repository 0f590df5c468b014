"""`sync`: pairing (public keys, trust, peers, key backup) and USB bundles (export, import)."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cli import Context, read_password
from models.core.errors import DomainError

if TYPE_CHECKING:
    from models.sync.bundles import QuarantinedRow
    from storage.core.db import Database


def register(commands: argparse._SubParsersAction) -> None:
    sync = commands.add_parser("sync", help="同步：配对密钥、导出和导入同步包")
    actions = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    pubkey = actions.add_parser("pubkey", help="导出本机公钥文件（交给对方导入）")
    pubkey.add_argument("--out", required=True, type=Path, help="公钥文件路径")
    pubkey.set_defaults(handler=run_pubkey)
    trust = actions.add_parser("trust", help="导入并信任对方的公钥文件（打印指纹供核对）")
    trust.add_argument("file", type=Path)
    trust.set_defaults(handler=run_trust)
    actions.add_parser("peers", help="列出已信任的同步对方").set_defaults(handler=run_peers)
    backup = actions.add_parser("backup-keys", help="用口令加密备份本机私钥")
    backup.add_argument("--out", required=True, type=Path, help="密钥备份文件路径")
    backup.set_defaults(handler=run_backup_keys)
    restore = actions.add_parser("restore-keys", help="从密钥备份恢复本机私钥")
    restore.add_argument("file", type=Path)
    restore.add_argument("--force", action="store_true", help="覆盖已有的密钥文件")
    restore.set_defaults(handler=run_restore_keys)
    export = actions.add_parser("export", help="把对方尚未确认的全部变更导出为同步包")
    export.add_argument("--to", required=True, type=Path, help="目标文件夹（通常是U盘）")
    export.add_argument("--peer", help="发给哪个对方（节点编号；只有一个对方时可省略）")
    export.set_defaults(handler=run_export)
    import_ = actions.add_parser("import", help="校验并导入一个同步包（全部成功或全部不变）")
    import_.add_argument("file", type=Path)
    import_.set_defaults(handler=run_import)
    actions.add_parser("pending", help="列出暂存的同步包（村的密钥尚待核对指纹）").set_defaults(handler=run_pending)
    accept = actions.add_parser("accept", help="核对指纹后信任村的密钥，并导入它暂存的同步包")
    accept.add_argument("fingerprint", help="村里电脑“同步”页上显示的指纹（8 组 4 位，空格可有可无）")
    accept.set_defaults(handler=run_accept)
    discard = actions.add_parser("discard", help="丢弃暂存的同步包（指纹核对不一致、不接受这把密钥时）")
    discard.add_argument("fingerprint", help="要丢弃的同步包所带的密钥指纹（sync pending 中显示的完整指纹）")
    discard.set_defaults(handler=run_discard)
    revoke = actions.add_parser("revoke", help="吊销已配对对方的密钥（丢失、被盗或不再信任）：此后拒收它签名的同步包")
    revoke.add_argument("fingerprint", help="要吊销的密钥指纹（sync peers 中显示的完整指纹）")
    revoke.add_argument("--reason", required=True, help="吊销理由（记入操作记录，并随下一个同步包告知对方）")
    revoke.set_defaults(handler=run_revoke)
    _register_quarantine(actions)
    audit = actions.add_parser("audit", help="列出对方随同步包送来的操作记录（只读）")
    audit.add_argument("--peer", help="只看这个对方的（名称或节点编号）")
    audit.add_argument("--limit", type=int, default=1000, help="最多列出几条（默认 1000，最新的在前）")
    audit.set_defaults(handler=run_audit)


def _register_quarantine(actions: argparse._SubParsersAction) -> None:
    quarantine = actions.add_parser("quarantine", help="隔离记录：列出、放行（重新检查后写入）或丢弃")
    forms = quarantine.add_subparsers(dest="quarantine_command", metavar="ACTION", required=True)
    listing = forms.add_parser("list", help="列出尚未处理的隔离记录（最新的在前）")
    listing.add_argument("--limit", type=int, default=1000, help="最多列出几条（默认 1000）")
    listing.set_defaults(handler=run_quarantine_list)
    release = forms.add_parser("release", help="放行一条隔离记录：按导入时的规则重新检查，原因已不存在才写入")
    release.add_argument("id", type=int, help="隔离记录编号（sync quarantine list 第一列）")
    release.set_defaults(handler=run_quarantine_release)
    drop = forms.add_parser("discard", help="丢弃一条隔离记录（不写入；记录留作凭据，不再列出）")
    drop.add_argument("id", type=int, help="隔离记录编号（sync quarantine list 第一列）")
    drop.set_defaults(handler=run_quarantine_discard)


def run_pubkey(context: Context, args: argparse.Namespace) -> int:
    from storage.sync.keys import write_public_key

    me = write_public_key(context.open_db(), args.out)
    context.emit(f"已导出本机公钥：{args.out}\n节点：{me.node}（{me.name}）\n指纹：{me.fingerprint}",
                 {"file": str(args.out), "node": me.node, "name": me.name, "fingerprint": me.fingerprint})
    return 0


def run_trust(context: Context, args: argparse.Namespace) -> int:
    from storage.sync.keys import read_public_key, trust_peer

    identity = read_public_key(args.file)
    db = _as_admin(context)
    peer = trust_peer(db, identity)
    context.emit(f"已信任：{peer.name}（{peer.node}）\n指纹：{peer.fingerprint}\n请与对方屏幕上显示的指纹逐组核对。",
                 {"node": peer.node, "kind": peer.kind, "name": peer.name, "fingerprint": peer.fingerprint})
    return 0


def run_peers(context: Context, args: argparse.Namespace) -> int:
    from storage.sync.keys import list_peers

    peers = list_peers(context.open_db())
    lines = [f"{p.name}\t{p.node}\t指纹 {p.fingerprint}\t最近收到：{p.last_bundle_at or '从未'}" for p in peers]
    context.emit("\n".join(lines) if lines else "还没有信任任何同步对方。请用 sync trust 导入对方的公钥文件。",
                 {"peers": [{"node": p.node, "kind": p.kind, "name": p.name, "fingerprint": p.fingerprint,
                             "last_bundle_at": p.last_bundle_at, "acked_seq": p.acked_seq} for p in peers]})
    return 0


def _as_admin(context: Context) -> Database:
    """The database, once the logged-in account is shown to manage accounts and keys (as on the sync screen)."""
    from models.core.accounts import Permission

    db = context.open_db()
    context.actor.require(Permission.MANAGE_USERS)
    return db


def run_backup_keys(context: Context, args: argparse.Namespace) -> int:
    from storage.sync.keys import backup_keys

    backup_keys(_as_admin(context), args.out, read_password("密钥备份口令："))
    context.emit(f"已把本机私钥加密备份到 {args.out}。请把口令记在纸上，和备份文件分开保管。", {"file": str(args.out)})
    return 0


def run_restore_keys(context: Context, args: argparse.Namespace) -> int:
    from storage.sync.keys import restore_keys

    key_file = restore_keys(_as_admin(context), args.file, read_password("密钥备份口令："), args.force)
    context.emit(f"已恢复本机私钥：{key_file}", {"file": str(key_file)})
    return 0


def run_export(context: Context, args: argparse.Namespace) -> int:
    from models.sync.bundles import area_summary
    from storage.core.backend import build_stores

    db = context.open_db()
    result = build_stores(db, context.actor).sync.export_to(args.to, args.peer)  # the GUI's role checks
    areas = area_summary(result.per_table) or "无新变更，只带回执"
    split = (f"\n同步包较大，已分成 {len(result.parts)} 个分卷（每个都已读回校验），导入时请把它们放在同一个文件夹：\n"
             + "\n".join(result.parts)) if result.parts else ""
    context.emit(f"已写入并校验同步包：{result.file}\n变更 {result.changes} 条（{areas}），附件 {result.attachments} 个，"
                 f"{result.bytes} 字节，序号 {result.seq_first}-{result.seq_last}。{split}\n可以安全拔出U盘。",
                 {"file": result.file, "changes": result.changes, "attachments": result.attachments,
                  "bytes": result.bytes} | ({"parts": list(result.parts)} if result.parts else {}))
    return 0


def run_import(context: Context, args: argparse.Namespace) -> int:
    from models.sync.bundles import area_summary
    from storage.core.backend import build_stores

    try:
        db = context.open_db()
        result = build_stores(db, context.actor).sync.import_file(args.file)
    except DomainError as error:  # the refusal names the file it is about
        raise DomainError(f"同步包“{args.file.name}”未导入：{error.message}") from error
    if result.fingerprint:
        context.emit(f"这个同步包由尚未登记的“{result.sender}”签名，已暂存，没有写入任何记录。\n"
                     f"它带来的密钥指纹：{result.fingerprint}\n请对方念出村里电脑“同步”页上的指纹，逐组核对一致后运行："
                     f"sync accept \"{result.fingerprint}\"\n如不一致，不要接受，可运行 sync discard \"{result.fingerprint}\" 丢弃。",
                     {"applied": 0, "skipped": 0, "conflicts": 0, "from": result.sender, "bundle": result.bundle,
                      "held": True, "fingerprint": result.fingerprint, "flags": [f.value for f in result.flags]})
        return 0
    notes = "".join(f"\n注意：{flag.label}。" for flag in result.flags)
    areas = f"（{area_summary(result.per_table)}）" if result.per_table else ""
    context.emit(f"已导入 {result.sender} 的同步包：写入 {result.applied} 条{areas}，跳过 {result.skipped} 条，"
                 f"冲突 {result.conflicts} 条（其中隔离 {result.quarantined} 条），附件 {result.attachments} 个。{notes}",
                 {"applied": result.applied, "skipped": result.skipped, "conflicts": result.conflicts,
                  "from": result.sender, "quarantined": result.quarantined, "bundle": result.bundle,
                  "flags": [flag.value for flag in result.flags]})
    return 0


def run_pending(context: Context, args: argparse.Namespace) -> int:
    from storage.sync.held import pending

    held = pending(context.open_db())
    lines = [f"{h.name}\t{h.sender}\t指纹 {h.fingerprint}\t变更 {h.changes} 条\t{h.file_name}\t收到 {h.received_at[:16]}"
             for h in held]
    context.emit("\n".join(lines) if lines else "没有暂存的同步包。",
                 {"pending": [{"bundle": h.bundle, "from": h.sender, "name": h.name, "fingerprint": h.fingerprint,
                               "since": h.since, "seq_last": h.seq_last, "changes": h.changes,
                               "file_name": h.file_name, "received_at": h.received_at} for h in held]})
    return 0


def run_accept(context: Context, args: argparse.Namespace) -> int:
    from storage.core.backend import build_stores

    db = context.open_db()
    peer, results = build_stores(db, context.actor).sync.accept_job(args.fingerprint)()  # role checked first
    lines = [f"已导入 {r.bundle[:8]}：写入 {r.applied} 条，跳过 {r.skipped} 条，冲突 {r.conflicts} 条" for r in results]
    context.emit("\n".join([f"指纹核对一致，已信任：{peer.name}（{peer.node}）"] + lines),
                 {"node": peer.node, "name": peer.name, "fingerprint": peer.fingerprint,
                  "imported": [{"bundle": r.bundle, "applied": r.applied, "skipped": r.skipped,
                                "conflicts": r.conflicts, "from": r.sender} for r in results]})
    return 0


def run_discard(context: Context, args: argparse.Namespace) -> int:
    from models.sync.bundles import normalise_fingerprint
    from storage.core.backend import build_stores

    db = context.open_db()
    sync = build_stores(db, context.actor).sync
    dropped = [h for h in sync.pending() if h.fingerprint == normalise_fingerprint(args.fingerprint)]
    sync.discard(args.fingerprint)  # the role check, then the held bundles go (refused when none match)
    lines = [f"已丢弃 {h.name}（{h.sender}）的同步包 {h.file_name}（变更 {h.changes} 条，未写入）" for h in dropped]
    context.emit("\n".join(lines + ["这把密钥没有被信任。若确是本乡镇的村，请核对指纹后让对方重新导出。"]),
                 {"discarded": [{"bundle": h.bundle, "from": h.sender, "name": h.name, "fingerprint": h.fingerprint,
                                 "file_name": h.file_name} for h in dropped]})
    return 0


def run_revoke(context: Context, args: argparse.Namespace) -> int:
    from storage.core.backend import build_stores

    db = context.open_db()
    done = build_stores(db, context.actor).sync.revoke(args.fingerprint, args.reason)
    context.emit(f"已吊销“{done.name}”（{done.node}）的密钥，指纹 {done.fingerprint}。此后由它签名的同步包一律拒收；"
                 "下一个发给对方的同步包只带吊销通知。重新配对需要对方生成新的密钥。",
                 {"node": done.node, "name": done.name, "fingerprint": done.fingerprint, "reason": done.reason,
                  "revoked_at": done.revoked_at})
    return 0


def _quarantine_json(entry: QuarantinedRow) -> dict[str, object]:
    return {"id": entry.id, "bundle": entry.bundle, "table": entry.table, "row_id": entry.row_id,
            "owner": entry.owner, "owner_name": entry.owner_name, "signer": entry.signer,
            "signer_name": entry.signer_name, "reason": entry.reason, "received_at": entry.received_at}


def run_quarantine_list(context: Context, args: argparse.Namespace) -> int:
    from models.sync.bundles import node_label
    from storage.sync.quarantine import quarantined_rows

    rows = quarantined_rows(context.open_db(), args.limit)
    lines = [f"{q.id}\t{q.received_at[:16]}\t{q.table}\t{q.row_id}\t所有者 {node_label(q.owner, q.owner_name)}\t"
             f"发送方 {node_label(q.signer, q.signer_name)}\t{q.reason}" for q in rows]
    context.emit("\n".join(lines) if lines else "没有待处理的隔离记录。",
                 {"quarantined": [_quarantine_json(q) for q in rows]})
    return 0


def run_quarantine_release(context: Context, args: argparse.Namespace) -> int:
    from storage.core.backend import build_stores

    db = context.open_db()
    entry = _quarantined(db, args.id)
    build_stores(db, context.actor).sync.release(args.id)  # the role check, the release and its audit entry
    context.emit(f"已放行隔离记录 {entry.id}：{entry.table} {entry.row_id} 已写入（原隔离原因：{entry.reason}，现已不存在）。",
                 {"released": _quarantine_json(entry)})
    return 0


def run_quarantine_discard(context: Context, args: argparse.Namespace) -> int:
    from storage.core.backend import build_stores

    db = context.open_db()
    entry = _quarantined(db, args.id)
    build_stores(db, context.actor).sync.discard_quarantined(args.id)
    context.emit(f"已丢弃隔离记录 {entry.id}：{entry.table} {entry.row_id} 未写入，记录留作凭据，不再列出。",
                 {"discarded": _quarantine_json(entry)})
    return 0


def run_audit(context: Context, args: argparse.Namespace) -> int:
    from models.core.audit import action_label
    from models.sync.bundles import node_label
    from storage.sync.audit_trail import peer_audit, resolve_peer

    db = context.open_db()
    entries = peer_audit(db, resolve_peer(db, args.peer) if args.peer else None, args.limit)
    lines = [f"{e.at[:16].replace('T', ' ')}\t{node_label(e.origin, e.origin_name)}\t{e.actor_name}\t"
             f"{action_label(e.action)}\t{e.summary}" for e in entries]
    context.emit("\n".join(lines) if lines else "还没有收到对方的操作记录。",
                 {"entries": [{"origin": e.origin, "origin_name": e.origin_name, "epoch": e.epoch, "seq": e.seq,
                               "at": e.at, "actor_name": e.actor_name, "action": e.action, "table": e.table,
                               "row_id": e.row_id, "summary": e.summary} for e in entries]})
    return 0


def _quarantined(db: Database, entry_id: int) -> QuarantinedRow:
    """The open quarantined row `entry_id`, for the message (NotFound, in words the clerk can act on, if none)."""
    from models.core.errors import NotFound
    from storage.sync.quarantine import quarantined_rows

    entry = next((row for row in quarantined_rows(db, limit=1_000_000) if row.id == entry_id), None)
    if entry is None:
        raise NotFound(f"没有编号为 {entry_id} 的待处理隔离记录。请用 sync quarantine 查看编号。")
    return entry
