"""The PC/SC test stack really serves an OpenPGP card through pcscd."""

from __future__ import annotations

import pytest
from smartcard.System import readers

from tests.pcsc_stack import PcscStack, VirtualCard

OPENPGP_RID_PIX = bytes.fromhex("D27600012401")
SELECT_OPENPGP = bytes.fromhex("00A4040006") + OPENPGP_RID_PIX + b"\x00"


def _transmit(connection: object, apdu: bytes) -> tuple[bytes, int]:
    """Send one APDU, following 61xx with GET RESPONSE."""
    data, sw1, sw2 = connection.transmit(list(apdu))  # type: ignore[attr-defined]
    out = bytes(data)
    while sw1 == 0x61:
        data, sw1, sw2 = connection.transmit([0x00, 0xC0, 0x00, 0x00, sw2])  # type: ignore[attr-defined]
        out += bytes(data)
    return out, (sw1 << 8) | sw2


def _read_aid(reader_name: str) -> bytes:
    (reader,) = [r for r in readers() if str(r) == reader_name]
    connection = reader.createConnection()
    connection.connect()
    try:
        _, sw = _transmit(connection, SELECT_OPENPGP)
        assert sw == 0x9000, f"SELECT OpenPGP answered {sw:04X}"
        aid, sw = _transmit(connection, bytes.fromhex("00CA004F00"))
        assert sw == 0x9000, f"GET DATA 4F answered {sw:04X}"
        return aid
    finally:
        connection.disconnect()


@pytest.mark.pcsc
def test_reads_openpgp_aid_through_pcscd(openpgp_card: VirtualCard) -> None:
    aid = _read_aid(openpgp_card.reader)
    print(f"emulated card in {openpgp_card.reader!r}: AID {aid.hex().upper()}")
    assert len(aid) == 16
    assert aid.startswith(OPENPGP_RID_PIX)
    assert aid[6] >= 2  # OpenPGP card specification version (major)


@pytest.mark.pcsc
def test_two_cards_and_restart_keep_identity(pcsc_stack: PcscStack) -> None:
    first = pcsc_stack.card(0, serial="0000AA01")
    second = pcsc_stack.card(1, serial="0000AA02")
    aid_first = _read_aid(first.reader)
    aid_second = _read_aid(second.reader)
    assert aid_first[10:14] == bytes.fromhex("0000AA01")
    assert aid_second[10:14] == bytes.fromhex("0000AA02")
    first.remove()
    assert not first.inserted
    first.insert()
    assert _read_aid(first.reader) == aid_first
