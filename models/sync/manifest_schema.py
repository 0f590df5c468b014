"""The shape of a bundle's manifest, checked field by field before any value is used (issue 16, items 1 and 7).

A manifest is signed by its sender, but on the hold path the sender's key is not yet trusted: every field is
hostile input until it has the type and shape this program writes. Nothing here builds a file name; the checks
only make sure that no later code meets a value of a type it does not expect.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from models.sync.bundles import BundleRefused

MAX_INT = 2 ** 53  # JSON numbers any reader agrees on; seqs, sizes and clocks stay far below
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_NODE = re.compile(r"^[VT](-[0-9A-Za-z]{1,32})?-[0-9a-f]{8}$")
_EPOCH = re.compile(r"^[0-9a-f]{16}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_TABLE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
_B64_SIGNATURE = re.compile(r"^[A-Za-z0-9+/]{86}==$")
_MEMBER = re.compile(r"^(changes\.jsonl|audit\.jsonl|audit_head\.json|blobs/[0-9a-f]{64})$")
_BAD = "同步包的清单有误（字段“{0}”{1}）。请让对方重新导出。未作任何更改。"


def is_node_id(value: object) -> bool:
    return isinstance(value, str) and _NODE.match(value) is not None


def is_int(value: object, low: int = 0, high: int = MAX_INT) -> bool:
    """An integer in range; a bool is not one (json gives True for `true`)."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _text(limit: int) -> Callable[[object], bool]:
    return lambda value: isinstance(value, str) and len(value) <= limit


def _match(pattern: re.Pattern[str]) -> Callable[[object], bool]:
    return lambda value: isinstance(value, str) and pattern.match(value) is not None


def _ints(value: object) -> bool:
    return isinstance(value, dict) and all(_match(_TABLE)(k) and is_int(v) for k, v in value.items())


def _ack(value: object) -> bool:
    return (isinstance(value, list) and len(value) <= 64 and all(
        isinstance(a, dict) and is_node_id(a.get("node")) and _match(_EPOCH)(a.get("epoch"))
        and is_int(a.get("seq")) and is_int(a.get("audit_seq", 0)) for a in value))


def _counts(value: object) -> bool:
    return (isinstance(value, dict) and all(is_int(value.get(k)) for k in ("changes", "blobs", "audit"))
            and _ints(value.get("per_table")))


def _members(value: object) -> bool:
    return isinstance(value, dict) and all(
        _match(_MEMBER)(name) and isinstance(spec, dict) and _match(_HEX64)(spec.get("sha256"))
        and is_int(spec.get("size")) for name, spec in value.items())


def _digests(value: object) -> bool:
    return isinstance(value, dict) and all(_match(_TABLE)(k) and _match(_HEX64)(v) for k, v in value.items())


def _keys(value: object) -> bool:
    return value is None or (isinstance(value, dict) and all(_text(64)(value.get(k))
                                                               for k in ("signing", "encryption")))


def _capabilities(value: object) -> bool:
    return isinstance(value, list) and len(value) <= 64 and all(_text(64)(c) for c in value)


FIELDS: dict[str, tuple[Callable[[object], bool], str]] = {
    "format": (_text(64), "不是短文本"), "format_version": (is_int, "不是整数"),
    "schema_version": (is_int, "不是整数"), "min_reader_schema": (is_int, "不是整数"),
    "algorithms": (lambda v: isinstance(v, dict), "不是对象"), "capabilities": (_capabilities, "不是文本列表"),
    "bundle_id": (_match(_UUID), "不是同步包编号"), "created_at": (_text(64), "不是时间"),
    "from": (is_node_id, "不是节点编号"), "from_kind": (lambda v: v in ("village", "township"), "不是村或乡镇"),
    "from_name": (_text(200), "不是名称"), "to": (is_node_id, "不是节点编号"),
    "origin_epoch": (_match(_EPOCH), "不是纪元编号"), "since": (is_int, "不是非负整数"),
    "clock_ms": (is_int, "不是时间戳"), "seq_first": (is_int, "不是非负整数"), "seq_last": (is_int, "不是非负整数"),
    "ack": (_ack, "不是回执列表"), "audit_since": (is_int, "不是非负整数"), "audit_last": (is_int, "不是非负整数"),
    "counts": (_counts, "不是计数"), "members": (_members, "不是文件清单"), "table_digests": (_digests, "不是摘要"),
}
def _head(value: object) -> bool:
    return (isinstance(value, dict) and is_int(value.get("seq")) and _match(_HEX64)(value.get("hash"))
            and is_int(value.get("count")) and _match(_B64_SIGNATURE)(value.get("signature"))
            and (value.get("rows") == "" or _match(_HEX64)(value.get("rows"))))


def _notice(value: object) -> bool:
    return (isinstance(value, dict) and _text(80)(value.get("fingerprint")) and _text(500)(value.get("reason"))
            and _text(64)(value.get("at")))


OPTIONAL = {"from_keys": (_keys, "不是公钥"), "audit_head": (_head, "不是签名的审计日志头"),
            "revocation": (_notice, "不是吊销通知")}


def check_manifest(manifest: object) -> dict[str, Any]:
    """The manifest if every field has its type and shape; else BundleRefused naming the first bad field.

    Fields this program does not know are left alone (a newer sender may add some; it never reads them)."""
    if not isinstance(manifest, dict):
        raise BundleRefused(_BAD.format("清单", "不是对象"))
    for name, (valid, what) in FIELDS.items():
        if name not in manifest:
            raise BundleRefused(_BAD.format(name, "缺失"))
        if not valid(manifest[name]):
            raise BundleRefused(_BAD.format(name, what))
    for name, (valid, what) in OPTIONAL.items():
        if name in manifest and not valid(manifest[name]):
            raise BundleRefused(_BAD.format(name, what))
    if manifest["from_kind"] != ("township" if manifest["from"].startswith("T") else "village"):
        raise BundleRefused(_BAD.format("from_kind", "与节点编号不符"))
    return manifest
