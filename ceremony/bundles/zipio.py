"""The bundle's zip container: deterministic writing and defensive reading.

Writing: entries sorted by name, a fixed timestamp (1980-01-01 00:00:00),
fixed attributes (regular file, 0644, Unix), **stored** (no compression), no
comment, no extra fields, no directory entries. The same entries give the same
bytes on every machine (deflate output depends on the zlib build), and writing
a 1 GiB urn runs at disk speed: deflate took about 140 s per GiB of ballots
here, for a medium (a USB key) where the space saved does not matter.

Reading accepts stored and deflated entries (other tools may compress).
Reading is the first import check (:class:`ZipSanityError`): entry names are
relative paths made of safe components only, with no duplicates even up to
case (removable media may be FAT or case-insensitive); no symlinks, directories
or encrypted entries; caps on the number of entries, on each and on the total
uncompressed size, and on the compression ratio (zip bombs).
"""

from __future__ import annotations

import io
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import IO, Final

from ceremony.bundles.errors import ZipSanityError

FIXED_DATE_TIME: Final = (1980, 1, 1, 0, 0, 0)
_CHUNK: Final = 1 << 20
_COMPONENT_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
MAX_NAME_LENGTH: Final = 255
MAX_DEPTH: Final = 4
RATIO_FLOOR: Final = 64 * 1024
"""Entries smaller than this are not ratio-checked: tiny files compress oddly and cannot bomb."""

_UNIX: Final = 3


@dataclass(frozen=True)
class ZipLimits:
    """Caps applied while reading a bundle; raise them for a very large urn."""

    max_entries: int = 10_000
    max_entry_size: int = 1 << 30
    max_total_size: int = 2 << 30
    max_ratio: int = 100


DEFAULT_LIMITS: Final = ZipLimits()
"""For bundles read into memory."""

FILE_LIMITS: Final = ZipLimits(max_entry_size=64 << 30, max_total_size=64 << 30)
"""For bundles streamed from a file: a 2-million-ballot urn is about 25 GB of
``.bel`` (Belenios ballots of a 5-list question are about 12 kB); memory stays
flat, and the ratio cap still stops deflate bombs."""


def check_entry_name(name: str) -> str | None:
    """Why ``name`` is not a safe entry name, or None when it is."""
    if not name or len(name) > MAX_NAME_LENGTH:
        return "empty or too long name"
    if name.startswith("/") or "\\" in name or ":" in name:
        return "absolute path or foreign separator"
    parts = name.split("/")
    if len(parts) > MAX_DEPTH:
        return "path too deep"
    for part in parts:
        if part in {"", ".", ".."}:
            return "path traversal or empty component"
        if not _COMPONENT_RE.fullmatch(part):
            return "unsafe characters in name"
    return None


def write_zip(entries: Mapping[str, bytes]) -> bytes:
    """Deterministic zip of ``entries`` (see module docstring)."""
    buffer = io.BytesIO()
    write_zip_stream(buffer, entries)
    return buffer.getvalue()


def write_zip_stream(out: IO[bytes], entries: Mapping[str, bytes]) -> None:
    """Deterministic zip of ``entries`` into ``out``; streams entries that can stream.

    ``entries`` may be a ``ceremony.bundles.sources`` mapping whose ``open`` and
    ``size`` stream a file instead of loading it.
    """
    folded = [name.casefold() for name in entries]
    if len(set(folded)) != len(folded):
        raise ZipSanityError("two entry names differ only by case")
    opener = getattr(entries, "open", None)
    sizer = getattr(entries, "size", None)
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(entries):
            if (why := check_entry_name(name)) is not None:
                raise ZipSanityError(f"refusing to write entry: {why}")
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = _UNIX
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            if opener is None or sizer is None:
                content = entries[name]
                info.file_size = len(content)
                with archive.open(info, "w") as dest:
                    dest.write(content)
                continue
            # The size is known up front so zipfile picks ZIP64 only when needed.
            info.file_size = sizer(name)
            with opener(name) as source, archive.open(info, "w") as dest:
                while chunk := source.read(_CHUNK):
                    dest.write(chunk)


def _check_info(info: zipfile.ZipInfo, limits: ZipLimits) -> None:
    if (why := check_entry_name(info.filename)) is not None:
        raise ZipSanityError(f"entry #{info.header_offset}: {why}")
    if info.flag_bits & 0x1:
        raise ZipSanityError("encrypted entry")
    if info.compress_type not in {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}:
        raise ZipSanityError(f"unsupported compression method {info.compress_type}")
    mode = info.external_attr >> 16
    if info.create_system == _UNIX and mode and not stat.S_ISREG(mode):
        raise ZipSanityError(f"entry {info.filename!r} is not a regular file (symlink or other)")
    if info.file_size > limits.max_entry_size:
        raise ZipSanityError(f"entry {info.filename!r} over {limits.max_entry_size} bytes")
    if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(
        info.compress_size, 1
    ):
        raise ZipSanityError(f"entry {info.filename!r} compression ratio over {limits.max_ratio}")


ZIP_ERRORS: Final = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    KeyError,
    IndexError,
    OverflowError,
)
"""What zipfile raises on hostile input; each means "not a sane zip"."""


def check_archive(archive: zipfile.ZipFile, limits: ZipLimits) -> list[zipfile.ZipInfo]:
    """The sanity checks on the central directory; the entries in archive order."""
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise ZipSanityError(f"{len(infos)} entries, cap {limits.max_entries}")
    folded = [info.filename.casefold() for info in infos]
    if len(set(folded)) != len(folded):
        raise ZipSanityError("duplicate entry names (possibly up to case)")
    total = 0
    for info in infos:
        _check_info(info, limits)
        total += info.file_size
        if total > limits.max_total_size:
            raise ZipSanityError(f"total uncompressed size over {limits.max_total_size}")
    return infos


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One entry's bytes; never more than its header declares."""
    with archive.open(info) as member:
        content = member.read(info.file_size + 1)
    if len(content) != info.file_size:
        raise ZipSanityError(f"entry {info.filename!r} size differs from its header")
    return content


def read_zip(data: bytes, limits: ZipLimits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Entries of a bundle zip after the sanity checks, in archive order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {
                info.filename: read_member(archive, info) for info in check_archive(archive, limits)
            }
    except ZipSanityError:
        raise
    except ZIP_ERRORS as exc:
        raise ZipSanityError(f"unreadable zip: {type(exc).__name__}: {exc}") from exc
