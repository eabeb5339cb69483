"""The .bel archive (§4.4): writing, streaming, appending, chain checks."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from ceremony.protocol.archive import (
    ArchiveChainError,
    ArchiveFormatError,
    ArchiveHashError,
    ArchiveHeader,
    ArchiveMissingDataError,
    Event,
    PendingEvent,
    append_events,
    iter_events,
    iter_records,
    last_event,
    sha256_hex,
    tar_member,
    write_archive,
)

HEADER = ArchiveHeader(version=1, timestamp=1700000000)
SETUP = (b'{"e":1}', b'{"t":2}', b'{"c":3}')


def _setup_payload() -> bytes:
    e, t, c = (sha256_hex(x) for x in SETUP)
    return f'{{"election":"{e}","trustees":"{t}","credentials":"{c}"}}'.encode()


def _write(path: Path) -> None:
    write_archive(
        path,
        HEADER,
        [
            PendingEvent("Setup", (*SETUP, _setup_payload())),
            PendingEvent("Ballot", (b'{"ballot":1}',)),
            PendingEvent("Ballot", (b'{"ballot":2}',)),
        ],
    )


def test_write_read_append(tmp_path: Path) -> None:
    path = tmp_path / "e.bel"
    _write(path)
    with tarfile.open(path) as tar:  # the standard library reads our V7 tar
        assert tar.getnames()[0] == "BELENIOS"
    events = list(iter_events(iter_records(path)))
    assert [e.event.type for e in events] == ["Setup", "Ballot", "Ballot"]
    assert events[0].nested["trustees"] == SETUP[1]
    assert events[2].event.parent == events[1].hash
    last_hash = append_events(path, [PendingEvent("EndBallots")])
    event, digest = last_event(path)
    assert (event.type, event.height, digest) == ("EndBallots", 3, last_hash)
    assert event.parent == events[2].hash


def _rewrite(path: Path, transform) -> Path:  # type: ignore[no-untyped-def]
    with tarfile.open(path) as tar:
        members = [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]
    members = transform(members)
    out = path.with_name("altered.bel")
    out.write_bytes(b"".join(tar_member(n, c, 0) for n, c in members))
    return out


def test_content_not_matching_its_name(tmp_path: Path) -> None:
    path = tmp_path / "e.bel"
    _write(path)

    def alter(members):  # type: ignore[no-untyped-def]
        name, content = members[-2]
        members[-2] = (name, content.replace(b"2", b"3"))
        return members

    with pytest.raises(ArchiveHashError):
        list(iter_events(iter_records(_rewrite(path, alter))))


def test_removed_event_breaks_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "e.bel"
    _write(path)

    def remove_middle_ballot(members):  # type: ignore[no-untyped-def]
        return members[:-4] + members[-2:]

    with pytest.raises(ArchiveChainError):
        list(iter_events(iter_records(_rewrite(path, remove_middle_ballot))))


def test_missing_payload(tmp_path: Path) -> None:
    path = tmp_path / "e.bel"
    _write(path)

    def drop_data(members):  # type: ignore[no-untyped-def]
        return members[:-2] + members[-1:]

    with pytest.raises(ArchiveMissingDataError):
        list(iter_events(iter_records(_rewrite(path, drop_data))))


def test_event_parsing_is_strict() -> None:
    with pytest.raises(ArchiveFormatError):
        Event.from_bytes(b'{"height":0,"type":"Vote"}')
    with pytest.raises(ArchiveFormatError):
        Event.from_bytes(b'{"height":-1,"type":"Setup"}')
    event = Event(height=2, type="Ballot", parent="a" * 64, payload="b" * 64)
    assert Event.from_bytes(event.to_bytes()) == event
    assert event.to_bytes().startswith(b'{"parent":')


def test_not_a_tar() -> None:
    with pytest.raises(ArchiveFormatError):
        list(iter_records(io.BytesIO(b"not a tar" * 100)))


def test_damaged_header_is_not_taken_for_the_end(tmp_path: Path) -> None:
    # tarfile would stop silently at a bad header and hide the events after it.
    path = tmp_path / "e.bel"
    _write(path)
    data = bytearray(path.read_bytes())
    data[-1024 + 400] ^= 1  # in the last member's header, outside any field
    path.write_bytes(bytes(data))
    with pytest.raises(ArchiveFormatError, match="checksum"):
        list(iter_events(iter_records(path)))


def test_zeros_after_the_last_member_are_refused(tmp_path: Path) -> None:
    # belenios-tool writes no end-of-archive blocks and refuses an archive that has them.
    path = tmp_path / "e.bel"
    _write(path)
    path.write_bytes(path.read_bytes() + bytes(1024))
    with pytest.raises(ArchiveFormatError, match="end-of-archive"):
        list(iter_events(iter_records(path)))


def test_a_data_file_given_twice_before_its_event_is_refused(tmp_path: Path) -> None:
    # belenios-tool: "generated archive is not identical to original one".
    path = tmp_path / "e.bel"
    _write(path)
    members = list(iter_records(path))
    data = members[-2]
    assert data.kind == "data"
    doubled = [*members[:-1], data, members[-1]]
    path.write_bytes(b"".join(tar_member(m.name, m.content, 0) for m in doubled))
    with pytest.raises(ArchiveFormatError, match="twice"):
        list(iter_events(iter_records(path)))


def test_truncated_archive(tmp_path: Path) -> None:
    path = tmp_path / "e.bel"
    _write(path)
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(ArchiveFormatError, match="truncated"):
        list(iter_events(iter_records(path)))
