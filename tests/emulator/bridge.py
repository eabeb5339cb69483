"""Bridge between vsmartcard-vpcd and the ``smartcard-app-openpgp`` card emulator.

Run with ``.venv-emulator/bin/python`` (the emulator's top-level package
``smartcard`` clashes with pyscard's, so it lives in its own venv).

vpcd listens on a TCP port per virtual reader; a "virtual ICC" connects to it
and answers its messages. Each message, both ways, is a 2-byte big-endian
length followed by that many bytes. A 1-byte message from vpcd is a control
command (power off / power on / reset / get ATR); anything longer is an APDU.

The card lives in a ZODB FileStorage file, so stopping this process and
starting it again with the same ``--state`` file brings the same card back
(the card "goes home and comes back"). Stopping the process is how a test
removes the card from the reader.

Nothing is logged at debug level: the emulator's debug log contains every
APDU, PINs included.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import sys
import time
from types import FrameType

import ZODB.DB
import ZODB.FileStorage
from smartcard import MASTER_FILE_IDENTIFIER, Card
from smartcard.app.openpgp import OpenPGP
from smartcard.utils import transaction_manager

VPCD_CTRL_OFF = 0
VPCD_CTRL_ON = 1
VPCD_CTRL_RESET = 2
VPCD_CTRL_ATR = 4

# Any 2-byte value: the application is selected by its AID, not by this.
OPENPGP_FILE_IDENTIFIER = b"\x12\x34"


class StopRequestedError(Exception):
    """Raised from the SIGTERM handler to leave the serving loop cleanly."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise StopRequestedError


def open_card(state_path: str, serial: bytes | None) -> tuple[ZODB.DB, object, Card]:
    """Open (or create) the card stored in ``state_path``."""
    db = ZODB.DB(storage=ZODB.FileStorage.FileStorage(file_name=state_path), pool_size=1)
    connection = db.open(transaction_manager=transaction_manager)
    root = connection.root
    try:
        card = root.card
    except AttributeError:
        with transaction_manager:
            card = root.card = Card(name=b"py-openpgp")
            kwargs = {}
            if serial is not None:
                # Manufacturer 0xff00..0xfffe is the range for test cards.
                kwargs = {"manufacturer": b"\xff\x00", "serial": serial}
            openpgp = OpenPGP(identifier=OPENPGP_FILE_IDENTIFIER, **kwargs)
            openpgp.activateSelf()
            card.createFile(card.traverse((MASTER_FILE_IDENTIFIER,)), openpgp)
    # Load the application now so the first APDU is not slow.
    with transaction_manager:
        card.traverse(path=(MASTER_FILE_IDENTIFIER, OPENPGP_FILE_IDENTIFIER))
    return db, connection, card


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = sock.recv(size)
        if not chunk:
            raise ConnectionError("vpcd closed the connection")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(len(payload).to_bytes(2, "big") + payload)


def connect(host: str, port: int, timeout: float) -> socket.socket:
    """Connect to vpcd, retrying for at most ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            sock = socket.create_connection((host, port), timeout=5)
        except OSError as exc:
            if time.monotonic() > deadline:
                raise SystemExit(f"bridge: cannot reach vpcd on {host}:{port}: {exc}") from exc
            time.sleep(0.05)
            continue
        sock.settimeout(None)
        return sock


def serve(sock: socket.socket, card: Card) -> None:
    """Answer vpcd until it closes the connection."""
    while True:
        length = int.from_bytes(_recv_exact(sock, 2), "big")
        message = _recv_exact(sock, length)
        if length == 1:
            command = message[0]
            if command in (VPCD_CTRL_OFF, VPCD_CTRL_ON, VPCD_CTRL_RESET):
                # Power cycling drops PIN verification and selection, as on a real card.
                card.clearVolatile()
            elif command == VPCD_CTRL_ATR:
                _send(sock, bytes(card.getATR()))
            continue
        _send(sock, bytes(card.runAPDU(bytearray(message))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--state", required=True, help="ZODB FileStorage file of the card")
    parser.add_argument("--port", type=int, required=True, help="vpcd TCP port of the reader")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--serial", help="4-byte card serial in hex (new cards only)")
    parser.add_argument("--connect-timeout", type=float, default=10.0)
    args = parser.parse_args()
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    signal.signal(signal.SIGTERM, _on_sigterm)
    serial = bytes.fromhex(args.serial) if args.serial else None
    db, connection, card = open_card(os.path.abspath(args.state), serial)
    sock = None
    try:
        sock = connect(args.host, args.port, args.connect_timeout)
        print("bridge: connected", flush=True)
        serve(sock, card)
    except (StopRequestedError, KeyboardInterrupt, ConnectionError):
        pass
    finally:
        if sock is not None:
            sock.close()
        connection.close()  # type: ignore[attr-defined]
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
