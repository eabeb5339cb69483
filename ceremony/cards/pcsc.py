"""PC/SC access through pyscard: readers, sessions with one card, card events.

pcscd's error codes become named errors: no pcscd (``PcscdNotRunningError``),
no reader, no card, card removed, card held by another program (GnuPG's
scdaemon keeps cards exclusively until ``gpgconf --kill scdaemon``).

The socket of pcscd is found by libpcsclite, which honours the
``PCSCLITE_CSOCK_NAME`` environment variable (the test stack uses it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final

from smartcard import scard

from ceremony.cards.errors import (
    CardInUseError,
    CardOperationError,
    CardRemovedError,
    NoCardError,
    NoReaderError,
    NotOpenPGPCardError,
    PcscdNotRunningError,
)
from ceremony.cards.interface import CardEvent, CardEventCallback, CardEventKind

_NO_READER: Final = {
    scard.SCARD_E_NO_READERS_AVAILABLE,
    scard.SCARD_E_UNKNOWN_READER,
    scard.SCARD_E_READER_UNAVAILABLE,
}
_REMOVED: Final = {
    scard.SCARD_W_REMOVED_CARD,
    scard.SCARD_E_NO_SMARTCARD,
    scard.SCARD_W_RESET_CARD,
    scard.SCARD_W_UNPOWERED_CARD,
}


def _hex(code: int) -> str:
    return f"0x{code & 0xFFFFFFFF:08X}"


def raise_for(hresult: int, what: str, *, during_operation: bool = False) -> None:
    """Turn a PC/SC error code into the named error (nothing on success)."""
    if hresult == scard.SCARD_S_SUCCESS:
        return
    detail = f"{what}: {scard.SCardGetErrorMessage(hresult)} ({_hex(hresult)})"
    if hresult in (scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED):
        raise PcscdNotRunningError(detail)
    if hresult in _NO_READER:
        raise NoReaderError(detail)
    if hresult == scard.SCARD_E_SHARING_VIOLATION:
        raise CardInUseError(detail)
    if hresult in _REMOVED:
        if during_operation:
            raise CardRemovedError(detail)
        raise NoCardError(detail)
    if hresult == scard.SCARD_W_UNRESPONSIVE_CARD:
        raise NotOpenPGPCardError(detail)
    raise CardOperationError(detail)


@contextmanager
def _context() -> Iterator[Any]:
    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    raise_for(hresult, "SCardEstablishContext")
    try:
        yield context
    finally:
        scard.SCardReleaseContext(context)


def list_readers() -> list[str]:
    """Names of the connected readers; ``NoReaderError`` when there is none."""
    with _context() as context:
        hresult, readers = scard.SCardListReaders(context, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            raise NoReaderError("no reader connected")
        raise_for(hresult, "SCardListReaders")
        if not readers:
            raise NoReaderError("no reader connected")
        return list(readers)


class _PcscTransport:
    def __init__(self, card: Any, protocol: int, reader: str) -> None:
        self.card = card
        self.protocol = protocol
        self.reader = reader

    def transmit(self, apdu: bytes) -> bytes:
        hresult, response = scard.SCardTransmit(self.card, self.protocol, list(apdu))
        raise_for(hresult, f"SCardTransmit on {self.reader!r}", during_operation=True)
        return bytes(response)


class PcscReader:
    """One PC/SC reader as a :class:`~ceremony.cards.openpgp_card.Connector`.

    A session connects exclusively (no other program interleaves commands),
    and disconnects with a card reset, so PIN verifications do not outlive it.
    """

    def __init__(self, reader: str) -> None:
        self.reader = reader

    @property
    def name(self) -> str:
        return self.reader

    @contextmanager
    def connect(self) -> Iterator[_PcscTransport]:
        with _context() as context:
            hresult, card, protocol = scard.SCardConnect(
                context,
                self.reader,
                scard.SCARD_SHARE_EXCLUSIVE,
                scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
            )
            raise_for(hresult, f"SCardConnect {self.reader!r}")
            try:
                yield _PcscTransport(card, protocol, self.reader)
            finally:
                scard.SCardDisconnect(card, scard.SCARD_RESET_CARD)


class CardMonitor:
    """Reports cards inserted in and removed from any reader, on its own thread.

    It only watches reader states (no card I/O). ``stop()`` wakes the thread
    with ``SCardCancel`` and joins it. Callbacks run on the monitor thread.
    """

    WAIT_MS: Final = 1000

    def __init__(self, callback: CardEventCallback) -> None:
        self.callback = callback
        self._stop = threading.Event()
        self._context: Any = None
        self._thread = threading.Thread(target=self._run, name="card-monitor", daemon=True)
        self._ready = threading.Event()

    def start(self) -> None:
        self._thread.start()
        self._ready.wait(timeout=5)

    def stop(self) -> None:
        self._stop.set()
        if self._context is not None:
            scard.SCardCancel(self._context)
        self._thread.join(timeout=5)

    def _run(self) -> None:
        hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            self._ready.set()
            return
        self._context = context
        present: dict[str, bool] = {}
        states: list[tuple[str, int]] = []
        try:
            while not self._stop.is_set():
                hresult, readers = scard.SCardListReaders(context, [])
                readers = list(readers) if hresult == scard.SCARD_S_SUCCESS else []
                known = {name for name, _ in states}
                if set(readers) != known:
                    for gone in known - set(readers):
                        if present.pop(gone, False):
                            self.callback(CardEvent(CardEventKind.REMOVED, gone))
                    states = [(r, scard.SCARD_STATE_UNAWARE) for r in readers]
                if not states:
                    self._ready.set()
                    self._stop.wait(self.WAIT_MS / 1000)
                    continue
                hresult, new_states = scard.SCardGetStatusChange(context, self.WAIT_MS, states)
                self._ready.set()
                if hresult == scard.SCARD_E_TIMEOUT:
                    continue
                if hresult != scard.SCARD_S_SUCCESS:
                    if self._stop.is_set():
                        break
                    self._stop.wait(self.WAIT_MS / 1000)
                    states = []
                    continue
                states = []
                for reader, event_state, atr in new_states:
                    is_present = bool(event_state & scard.SCARD_STATE_PRESENT)
                    if is_present != present.get(reader, False):
                        present[reader] = is_present
                        kind = CardEventKind.INSERTED if is_present else CardEventKind.REMOVED
                        self.callback(CardEvent(kind, reader, bytes(atr) if is_present else b""))
                    states.append((reader, event_state & ~scard.SCARD_STATE_CHANGED))
        finally:
            scard.SCardReleaseContext(context)
