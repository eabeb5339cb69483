"""BER-TLV as OpenPGP cards use it (ISO 7816-4 §5.2): parse and build.

Tags are kept as integers (``0x7F49``, ``0x86``); constructed objects are
parsed recursively on demand with :func:`find`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ceremony.cards.errors import CardOperationError


def _read_tag(data: bytes, pos: int) -> tuple[int, int]:
    first = data[pos]
    tag = first
    pos += 1
    if first & 0x1F == 0x1F:
        while True:
            if pos >= len(data):
                raise CardOperationError("truncated BER-TLV tag")
            byte = data[pos]
            tag = (tag << 8) | byte
            pos += 1
            if not byte & 0x80:
                break
    return tag, pos


def _read_length(data: bytes, pos: int) -> tuple[int, int]:
    if pos >= len(data):
        raise CardOperationError("truncated BER-TLV length")
    first = data[pos]
    pos += 1
    if first < 0x80:
        return first, pos
    count = first & 0x7F
    if count == 0 or count > 3 or pos + count > len(data):
        raise CardOperationError("bad BER-TLV length")
    return int.from_bytes(data[pos : pos + count], "big"), pos + count


def is_constructed(tag: int) -> bool:
    first = tag
    while first > 0xFF:
        first >>= 8
    return bool(first & 0x20)


def iter_tlv(data: bytes) -> Iterator[tuple[int, bytes]]:
    """Top-level (tag, value) pairs; padding bytes 00/FF between objects are skipped."""
    pos = 0
    while pos < len(data):
        if data[pos] in (0x00, 0xFF):
            pos += 1
            continue
        tag, pos = _read_tag(data, pos)
        length, pos = _read_length(data, pos)
        if pos + length > len(data):
            raise CardOperationError(f"BER-TLV value of tag {tag:X} overruns its container")
        yield tag, data[pos : pos + length]
        pos += length


def find(data: bytes, tag: int) -> bytes | None:
    """The value of the first ``tag`` found, searching constructed objects depth-first."""
    for current, value in iter_tlv(data):
        if current == tag:
            return value
        if is_constructed(current):
            inner = find(value, tag)
            if inner is not None:
                return inner
    return None


def encode_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    if length <= 0xFF:
        return bytes([0x81, length])
    if length <= 0xFFFF:
        return b"\x82" + length.to_bytes(2, "big")
    raise ValueError("BER-TLV value too long")


def encode(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")
    return tag_bytes + encode_length(len(value)) + value
