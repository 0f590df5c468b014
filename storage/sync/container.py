"""The outer `.xybundle` container: header, sealed stream key, XChaCha20-Poly1305 secretstream chunks.

Layout (all integers big-endian):
    "XYB1" | u16 container version | 32-byte recipient digest | u16 n | n-byte sealed stream key
    | 24-byte secretstream header | chunks: u32 length + ciphertext (≤ 1 MiB plaintext), the last tagged FINAL.
The header bytes up to the sealed key are the associated data of every chunk, so a changed header byte
fails authentication even where it is not otherwise checked.
"""
from __future__ import annotations

import struct
from typing import BinaryIO, Protocol

import nacl.bindings as sodium
import nacl.exceptions
from nacl.public import PrivateKey, PublicKey, SealedBox

from models.sync.bundles import BundleRefused, format_fingerprint

MAGIC = b"XYB1"
CONTAINER_VERSION = 1
CHUNK = 1024 * 1024
ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
STREAM_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_SEALED_MAX = 256
_TRUNCATED = "同步包不完整（文件被截断，可能是U盘提前拔出或复制中断）。请让对方重新导出，或重新复制一次。未作任何更改。"
_ALTERED = "同步包已损坏或被改动（校验未通过）。请让对方重新导出。未作任何更改。"


class Sink(Protocol):
    """Where an encrypted stream goes: a binary file, or a wrapper that hashes what passes through."""

    def write(self, data: bytes, /) -> int: ...


def encrypt_stream(source: BinaryIO, target: Sink, recipient_digest: bytes,
                   recipient_key: bytes) -> None:
    """Encrypt `source` to the recipient's X25519 key, chunk by chunk (memory stays at one chunk)."""
    key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
    sealed = SealedBox(PublicKey(recipient_key)).encrypt(key)
    prefix = MAGIC + struct.pack(">H", CONTAINER_VERSION) + recipient_digest + struct.pack(">H", len(sealed)) + sealed
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    stream_header = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    target.write(prefix + stream_header)
    current = source.read(CHUNK)
    while True:
        following = source.read(CHUNK) if len(current) == CHUNK else b""
        tag = 0 if following else TAG_FINAL
        cipher = sodium.crypto_secretstream_xchacha20poly1305_push(state, current, prefix, tag)
        target.write(struct.pack(">I", len(cipher)) + cipher)
        if tag == TAG_FINAL:
            return
        current = following


def read_recipient(source: BinaryIO) -> tuple[bytes, bytes]:
    """Check magic and version; return (recipient digest, header prefix). Reads nothing encrypted."""
    fixed = source.read(4 + 2 + 32 + 2)
    if len(fixed) < 40 or fixed[:4] != MAGIC:
        raise BundleRefused("这不是乡约同步包（文件开头不对），或文件已损坏。请确认选的是 .xybundle 文件。未作任何更改。")
    (version,) = struct.unpack(">H", fixed[4:6])
    if version != CONTAINER_VERSION:
        raise BundleRefused(f"同步包的容器版本（{version}）本机不认识。请先把乡约升级到最新版本。未作任何更改。")
    (sealed_length,) = struct.unpack(">H", fixed[38:40])
    if not 0 < sealed_length <= _SEALED_MAX:
        raise BundleRefused(_ALTERED)
    sealed = source.read(sealed_length)
    if len(sealed) < sealed_length:
        raise BundleRefused(_TRUNCATED)
    return fixed[6:38], fixed + sealed


def check_recipient(digest: bytes, my_digest: bytes) -> None:
    if digest != my_digest:
        raise BundleRefused(f"这个同步包不是发给本机的（收件方指纹 {format_fingerprint(digest.hex())}）。"
                            "可能是发给另一个乡镇或村的U盘。请交给正确的收件方。未作任何更改。")


def decrypt_stream(source: BinaryIO, target: BinaryIO, prefix: bytes, private_key: PrivateKey) -> None:
    """Decrypt after `read_recipient`; require every chunk authentic, a FINAL chunk and nothing after it."""
    try:
        key = SealedBox(private_key).decrypt(prefix[40:])
    except nacl.exceptions.CryptoError as error:
        raise BundleRefused(_ALTERED) from error
    stream_header = source.read(STREAM_HEADER)
    if len(stream_header) < STREAM_HEADER:
        raise BundleRefused(_TRUNCATED)
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, stream_header, key)
    while True:
        plain, tag = _pull_chunk(source, state, prefix)
        target.write(plain)
        if tag == TAG_FINAL:
            break
    if source.read(1):
        raise BundleRefused("同步包末尾有多余的数据（文件被追加或改动过）。请让对方重新导出。未作任何更改。")


def _pull_chunk(source: BinaryIO, state: sodium.crypto_secretstream_xchacha20poly1305_state, prefix: bytes) -> tuple[bytes, int]:
    length_bytes = source.read(4)
    if len(length_bytes) < 4:
        raise BundleRefused(_TRUNCATED)
    (length,) = struct.unpack(">I", length_bytes)
    if not ABYTES <= length <= CHUNK + ABYTES:
        raise BundleRefused(_ALTERED)
    cipher = source.read(length)
    if len(cipher) < length:
        raise BundleRefused(_TRUNCATED)
    try:
        return sodium.crypto_secretstream_xchacha20poly1305_pull(state, cipher, prefix)
    except nacl.exceptions.CryptoError as error:
        raise BundleRefused(_ALTERED) from error
