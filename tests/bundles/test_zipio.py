"""Zip sanity: the first import check, and deterministic writing."""

from __future__ import annotations

import io
import zipfile

import pytest

from ceremony.bundles.errors import ZipSanityError
from ceremony.bundles.zipio import ZipLimits, read_zip, write_zip
from tests.bundles.factory import raw_zip

ENTRIES = {"manifest.json": b"{}", "files/a.pdf": b"%PDF", "signatures.json": b"{}"}


def test_writing_is_deterministic_and_sorted() -> None:
    first = write_zip(ENTRIES)
    assert first == write_zip(dict(reversed(list(ENTRIES.items()))))
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist() == sorted(ENTRIES)
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}
    assert read_zip(first) == ENTRIES


@pytest.mark.parametrize(
    "name",
    [
        "../evil",
        "/etc/passwd",
        "a/../../b",
        "a\\b",
        "C:evil",
        "./a",
        "a//b",
        "a/",
        ".hidden",
        "é.txt",
    ],
)
def test_unsafe_names_are_refused(name: str) -> None:
    with pytest.raises(ZipSanityError):
        read_zip(raw_zip([(name, b"x")]))
    with pytest.raises(ZipSanityError):
        write_zip({name: b"x"})


def test_duplicate_names_are_refused_even_up_to_case() -> None:
    with pytest.warns(UserWarning, match="Duplicate name"):
        data = raw_zip([("a.json", b"1"), ("a.json", b"2")])
    with pytest.raises(ZipSanityError, match="duplicate"):
        read_zip(data)
    with pytest.raises(ZipSanityError, match="duplicate"):
        read_zip(raw_zip([("A.json", b"1"), ("a.json", b"2")]))


def test_symlinks_are_refused() -> None:
    with pytest.raises(ZipSanityError, match="symlink"):
        read_zip(raw_zip([("link", b"/etc/passwd")], symlink="link"))


def test_entry_count_cap() -> None:
    data = raw_zip([(f"f{i}", b"") for i in range(11)])
    assert len(read_zip(data, ZipLimits(max_entries=11))) == 11
    with pytest.raises(ZipSanityError, match="entries"):
        read_zip(data, ZipLimits(max_entries=10))


def test_entry_and_total_size_caps() -> None:
    data = raw_zip([("a", b"x" * 600), ("b", b"y" * 600)])
    with pytest.raises(ZipSanityError, match="over 500 bytes"):
        read_zip(data, ZipLimits(max_entry_size=500))
    with pytest.raises(ZipSanityError, match="total"):
        read_zip(data, ZipLimits(max_total_size=1000))


def test_deflated_entries_from_other_tools_are_read() -> None:
    assert read_zip(raw_zip([("a.json", b"{}" * 1000)])) == {"a.json": b"{}" * 1000}


def test_compression_ratio_cap_stops_a_zip_bomb() -> None:
    data = raw_zip([("bomb", b"\x00" * 5_000_000)])
    assert len(data) < 10_000
    with pytest.raises(ZipSanityError, match="ratio"):
        read_zip(data)


def test_a_size_lying_header_is_refused() -> None:
    data = bytearray(raw_zip([("a", b"hello world")]))
    # Patch the declared uncompressed size (central directory) to a smaller value.
    offset = data.rfind(b"PK\x01\x02") + 24
    data[offset : offset + 4] = (5).to_bytes(4, "little")
    with pytest.raises(ZipSanityError):
        read_zip(bytes(data))


def test_encrypted_entries_are_refused() -> None:
    data = bytearray(raw_zip([("a", b"hello")]))
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature) + flag_offset
        data[at] |= 1
    with pytest.raises(ZipSanityError):
        read_zip(bytes(data))


@pytest.mark.parametrize(
    "data", [b"", b"PK\x03\x04", b"not a zip at all", b"PK\x05\x06" + b"\x00" * 17]
)
def test_garbage_is_a_zip_sanity_error(data: bytes) -> None:
    with pytest.raises(ZipSanityError):
        read_zip(data)
