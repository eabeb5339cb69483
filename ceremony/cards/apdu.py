"""Command and response APDUs (ISO 7816-4 §5.1), with GET RESPONSE and chaining.

A :class:`Transport` moves raw bytes to a card (pyscard in production, an
in-process emulation in unit tests). :class:`ApduChannel` builds short or
extended APDUs as the card supports, chains long commands when it does not,
and follows ``61xx`` with GET RESPONSE and ``6Cxx`` with the right Le.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Protocol

from ceremony.cards.errors import CardOperationError

SW_OK: Final = 0x9000
INS_GET_RESPONSE: Final = 0xC0
MAX_SHORT: Final = 255
MAX_RESPONSE: Final = 65536
MAX_GET_RESPONSE_ROUNDS: Final = 300


class Transport(Protocol):
    """Sends one APDU and returns the raw response (data followed by SW1 SW2)."""

    def transmit(self, apdu: bytes) -> bytes: ...


@dataclass(frozen=True)
class Response:
    data: bytes
    sw: int

    @property
    def ok(self) -> bool:
        return self.sw == SW_OK


def encode_apdu(
    cla: int,
    ins: int,
    p1: int,
    p2: int,
    data: bytes = b"",
    le: int | None = None,
    *,
    extended: bool = False,
) -> bytes:
    """One APDU, cases 1-4, short or extended; ``le=0`` asks for "as much as possible"."""
    header = bytes([cla, ins, p1, p2])
    if not extended:
        if len(data) > MAX_SHORT:
            raise ValueError("short APDU data longer than 255 bytes")
        body = bytes([len(data)]) + data if data else b""
        if le is not None:
            body += bytes([le & 0xFF if le < 256 else 0])
        return header + body
    if len(data) > 0xFFFF:
        raise ValueError("extended APDU data longer than 65535 bytes")
    body = b"\x00" + len(data).to_bytes(2, "big") + data if data else b""
    if le is not None:
        le_bytes = (le if le < 65536 else 0).to_bytes(2, "big")
        body += le_bytes if data else b"\x00" + le_bytes
    return header + body


class ApduChannel:
    """Exchanges APDUs with one card (see module docstring)."""

    def __init__(self, transport: Transport, *, extended: bool = False, chaining: bool = True):
        self.transport = transport
        self.extended = extended
        self.chaining = chaining

    def _raw(self, apdu: bytes) -> Response:
        raw = self.transport.transmit(apdu)
        if len(raw) < 2:
            raise CardOperationError(f"response of {len(raw)} bytes has no status word")
        return Response(raw[:-2], int.from_bytes(raw[-2:], "big"))

    def send(
        self,
        ins: int,
        p1: int,
        p2: int,
        data: bytes = b"",
        *,
        cla: int = 0x00,
        le: int | None = 0,
    ) -> Response:
        """Send a command, chaining it if needed, and collect the whole response."""
        if len(data) > MAX_SHORT and not self.extended:
            if not self.chaining:
                raise CardOperationError(f"command of {len(data)} bytes and no chaining")
            chunks = [data[i : i + MAX_SHORT] for i in range(0, len(data), MAX_SHORT)]
            for chunk in chunks[:-1]:
                response = self._raw(encode_apdu(cla | 0x10, ins, p1, p2, chunk))
                if not response.ok:
                    return response
            data = chunks[-1]
        extended = self.extended and (len(data) > MAX_SHORT or (le is not None and le > 256))
        response = self._raw(encode_apdu(cla, ins, p1, p2, data, le, extended=extended))
        if response.sw >> 8 == 0x6C:
            response = self._raw(encode_apdu(cla, ins, p1, p2, data, response.sw & 0xFF))
        return self._collect(response, cla)

    def _collect(self, response: Response, cla: int) -> Response:
        data = bytearray(response.data)
        rounds = 0
        while response.sw >> 8 == 0x61:
            rounds += 1
            if rounds > MAX_GET_RESPONSE_ROUNDS or len(data) > MAX_RESPONSE:
                raise CardOperationError("card keeps answering 61xx")
            response = self._raw(
                encode_apdu(cla & 0x03, INS_GET_RESPONSE, 0, 0, le=response.sw & 0xFF or 256)
            )
            data += response.data
        return Response(bytes(data), response.sw)
