"""APDU encoding, GET RESPONSE / 6Cxx handling and BER-TLV, byte for byte."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ceremony.cards import tlv
from ceremony.cards.apdu import ApduChannel, encode_apdu
from ceremony.cards.errors import CardOperationError, NotOpenPGPCardError
from ceremony.cards.openpgp import parse_capabilities


def test_encode_apdu_cases() -> None:
    assert encode_apdu(0, 0xCA, 0, 0x6E) == bytes.fromhex("00CA006E")
    assert encode_apdu(0, 0xCA, 0, 0x6E, le=0) == bytes.fromhex("00CA006E00")
    assert encode_apdu(0, 0x20, 0, 0x81, b"\x31\x32") == bytes.fromhex(
        "002000810231 32".replace(" ", "")
    )
    assert encode_apdu(0, 0x2A, 0x9E, 0x9A, b"\xaa", le=0) == bytes.fromhex("002A9E9A01AA00")
    assert encode_apdu(0, 0x47, 0x81, 0, b"\xb6\x00", le=65536, extended=True) == bytes.fromhex(
        "00478100000002B6000000"
    )
    assert encode_apdu(0, 0xCA, 0, 0x6E, le=65536, extended=True) == bytes.fromhex("00CA006E000000")
    with pytest.raises(ValueError):
        encode_apdu(0, 0xDA, 0, 0x5E, bytes(256))


class Scripted:
    def __init__(self, answers: list[bytes]) -> None:
        self.answers = answers
        self.sent: list[bytes] = []

    def transmit(self, apdu: bytes) -> bytes:
        self.sent.append(apdu)
        return self.answers.pop(0)


def test_get_response_and_wrong_le() -> None:
    transport = Scripted([b"ab\x61\x02", b"cd\x61\x01", b"e\x90\x00"])
    response = ApduChannel(transport).send(0xCA, 0, 0x6E)
    assert response.data == b"abcde" and response.ok
    assert transport.sent[1] == bytes.fromhex("00C0000002")
    transport = Scripted([b"\x6c\x05", b"12345\x90\x00"])
    assert ApduChannel(transport).send(0xCA, 0, 0x4F).data == b"12345"
    assert transport.sent[1] == bytes.fromhex("00CA004F05")


def test_endless_61xx_is_an_error() -> None:
    transport = Scripted([b"x\x61\x01"] * 400)
    with pytest.raises(CardOperationError):
        ApduChannel(transport).send(0xCA, 0, 0x6E)


def test_chaining_splits_long_commands() -> None:
    transport = Scripted([b"\x90\x00", b"\x90\x00"])
    ApduChannel(transport, extended=False).send(0xDA, 0x7F, 0x21, bytes(300), le=None)
    assert [a[0] for a in transport.sent] == [0x10, 0x00]
    assert [a[4] for a in transport.sent] == [255, 45]


@given(st.integers(min_value=1, max_value=0x7F7F), st.binary(max_size=600))
def test_tlv_round_trip(tag: int, value: bytes) -> None:
    if tag > 0xFF:
        tag = 0x5F00 | (tag & 0x7F)  # a valid two-byte tag
    elif tag & 0x1F == 0x1F:
        tag &= 0xFE
    encoded = tlv.encode(tag, value)
    assert list(tlv.iter_tlv(encoded)) == [(tag, value)]


def test_tlv_nested_find_and_truncation() -> None:
    data = tlv.encode(0x6E, tlv.encode(0x73, tlv.encode(0xC0, b"\x01\x02")))
    assert tlv.find(data, 0xC0) == b"\x01\x02"
    assert tlv.find(data, 0xC9) is None
    with pytest.raises(CardOperationError):
        list(tlv.iter_tlv(data[:-1]))


def test_capabilities_refuse_non_openpgp_aid() -> None:
    with pytest.raises(NotOpenPGPCardError):
        parse_capabilities(tlv.encode(0x4F, bytes(16)), None)


def test_capabilities_of_a_version_2_card() -> None:
    aid = bytes.fromhex("D2760001240102000005000012340000")
    ext = bytes.fromhex("7C000000080008000800")  # v2 layout: max command/response, not DO size
    caps = parse_capabilities(tlv.encode(0x4F, aid) + tlv.encode(0xC0, ext), None)
    assert caps.version == (2, 0) and caps.serial == "0005-00001234"
    assert caps.private_dos and caps.special_do_max == 254 and caps.certificate_max == 0x0800
    assert caps.algorithms is None and caps.chaining and not caps.extended_length
