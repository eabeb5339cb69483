"""Property: any single change to a fully signed journal's lines fails verification."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.store.checkpoint import make_checkpoint
from ceremony.store.errors import JournalError
from ceremony.store.export import JournalExport, verify_journal_export
from ceremony.store.journal import Actor, JournalEntry, make_entry

KEY = Ed25519PrivateKey.generate()
START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

details = st.dictionaries(
    st.text(max_size=5), st.one_of(st.integers(-1000, 1000), st.text(max_size=8)), max_size=3
)


def _journal(all_details: list[dict[str, object]]) -> list[JournalEntry]:
    entries: list[JournalEntry] = []
    for number, detail in enumerate(all_details):
        entries.append(
            make_entry(
                previous=entries[-1] if entries else None,
                now=START + timedelta(seconds=number),
                phase="vote_open",
                action="status.import",
                actors=[Actor("president", "0001")],
                details=detail,
            )
        )
    return entries


def _export(entries: list[JournalEntry]) -> bytes:
    checkpoint = make_checkpoint(entries[-1], KEY, START)
    return JournalExport(tuple(entries), (checkpoint,), ()).to_bytes()


@settings(max_examples=60, deadline=None)
@given(st.lists(details, min_size=2, max_size=8), st.data())
def test_any_single_line_change_is_detected(
    all_details: list[dict[str, object]], data: st.DataObject
) -> None:
    exported = _export(_journal(all_details))
    public = KEY.public_key().public_bytes_raw().hex()
    verify_journal_export(exported, public, require_signed_head=True)
    lines = exported.rstrip(b"\n").split(b"\n")
    body = len(lines) - 1  # entries and the checkpoint, after the header
    change = data.draw(st.sampled_from(["drop", "swap", "flip"]))
    first = data.draw(st.integers(1, body))
    if change == "drop":
        del lines[first]
    elif change == "swap":
        second = data.draw(st.integers(1, body).filter(lambda n: lines[n] != lines[first]))
        lines[first], lines[second] = lines[second], lines[first]
    else:
        line = lines[first]
        # Change one hex digit of a hash or signature: still valid JSON, different meaning.
        at = data.draw(st.sampled_from([i for i, c in enumerate(line) if c in b"0123456789abcdef"]))
        digit = line[at : at + 1]
        replacement = b"1" if digit != b"1" else b"2"
        lines[first] = line[:at] + replacement + line[at + 1 :]
    tampered = b"\n".join(lines) + b"\n"
    try:
        verify_journal_export(tampered, public, require_signed_head=True)
    except JournalError:
        return
    raise AssertionError(f"{change} at line {first} went unnoticed")
