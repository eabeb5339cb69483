"""An in-process OpenPGP card emulation at the APDU level, for unit tests.

Written from the OpenPGP card 3.4 specification and ISO 7816-4, independently
of ``ceremony.cards``; its knobs reproduce what differs between card models
(private-use DOs or not, DO sizes, algorithms, extended length or chaining,
how a wrong PIN is reported) and a card pulled out of its reader.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, x25519
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed, decode_dss_signature

from ceremony.cards.errors import CardRemovedError, NoCardError

AID_PREFIX = bytes.fromhex("D27600012401")
P256 = bytes.fromhex("132A8648CE3D030107")
RSA2048 = bytes.fromhex("010800002000")
X25519_ATTR = bytes.fromhex("122B060104019755010501")
SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def _sw(value: int) -> bytes:
    return value.to_bytes(2, "big")


def _tlv(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    elif n < 0x100:
        length = bytes([0x81, n])
    else:
        length = b"\x82" + n.to_bytes(2, "big")
    return tag_bytes + length + value


class CardError(Exception):
    def __init__(self, sw: int) -> None:
        super().__init__(f"{sw:04X}")
        self.sw = sw


@dataclass
class FakeOpenPGPCard:
    """Knobs (defaults: a modern card with everything)."""

    serial: int = 0x0000BEEF
    version: tuple[int, int] = (3, 4)
    openpgp: bool = True
    private_dos: bool = True
    special_do_max: int = 255
    certificate_max: int = 2048
    signature_algorithms: tuple[bytes, ...] = (P256, RSA2048)
    decryption_algorithms: tuple[bytes, ...] = (X25519_ATTR,)
    list_algorithms: bool = True
    extended: bool = True
    wrong_pin_answer: str = "63Cx"  # or "6982" (tries then read from C4)
    removed: bool = False

    data: dict[int, bytes] = field(default_factory=dict)
    pins: dict[int, bytes] = field(default_factory=lambda: {1: b"123456", 3: b"12345678"})
    tries: dict[int, int] = field(default_factory=lambda: {1: 3, 3: 3})
    keys: dict[int, object] = field(default_factory=dict)
    verified: set[int] = field(default_factory=set)
    apdu_log: list[bytes] = field(default_factory=list)
    _queue: bytes = b""
    _chain: bytes = b""

    def __post_init__(self) -> None:
        self.data.setdefault(0xC1, RSA2048)
        self.data.setdefault(0xC2, RSA2048)
        self.data.setdefault(0x5E, b"")
        self.data.setdefault(0x5B, b"")
        self.data.setdefault(0x7F21, b"")
        if self.private_dos:
            for tag in (0x0101, 0x0102, 0x0103, 0x0104):
                self.data.setdefault(tag, b"")

    # -- transport ---------------------------------------------------------

    def reset(self) -> None:
        self.verified.clear()
        self._queue = b""
        self._chain = b""

    def transmit(self, apdu: bytes) -> bytes:
        if self.removed:
            raise CardRemovedError("fake card removed")
        self.apdu_log.append(apdu)
        try:
            cla, ins, p1, p2, body, le = self._parse(apdu)
            if cla & 0x10:
                self._chain += body
                return _sw(0x9000)
            body, self._chain = self._chain + body, b""
            if ins == 0xC0:
                return self._get_response(le)
            self._queue = b""
            out = self._dispatch(ins, p1, p2, body)
        except CardError as err:
            return _sw(err.sw)
        if len(out) > le:
            self._queue = out[le:]
            more = min(len(self._queue), 0x100) & 0xFF
            return out[:le] + bytes([0x61, more])
        return out + _sw(0x9000)

    def _parse(self, apdu: bytes) -> tuple[int, int, int, int, bytes, int]:
        cla, ins, p1, p2 = apdu[:4]
        rest = apdu[4:]
        if not rest:
            return cla, ins, p1, p2, b"", 0
        if len(rest) == 1:
            return cla, ins, p1, p2, b"", rest[0] or 256
        if rest[0] == 0 and len(rest) >= 3:
            if not self.extended:
                raise CardError(0x6700)
            if len(rest) == 3:
                return cla, ins, p1, p2, b"", int.from_bytes(rest[1:3], "big") or 65536
            lc = int.from_bytes(rest[1:3], "big")
            body = rest[3 : 3 + lc]
            tail = rest[3 + lc :]
            le = (int.from_bytes(tail, "big") or 65536) if tail else 0
            return cla, ins, p1, p2, body, le
        lc = rest[0]
        body = rest[1 : 1 + lc]
        if len(body) != lc:
            raise CardError(0x6700)
        tail = rest[1 + lc :]
        le = (tail[0] or 256) if tail else 0
        return cla, ins, p1, p2, body, le

    def _get_response(self, le: int) -> bytes:
        if not self._queue:
            raise CardError(0x6985)
        out, self._queue = self._queue[:le], self._queue[le:]
        if self._queue:
            return out + bytes([0x61, min(len(self._queue), 0x100) & 0xFF])
        return out + _sw(0x9000)

    # -- commands ----------------------------------------------------------

    def _dispatch(self, ins: int, p1: int, p2: int, body: bytes) -> bytes:
        if ins == 0xA4:
            if not self.openpgp or not body.startswith(AID_PREFIX):
                raise CardError(0x6A82)
            return b""
        handlers = {
            0xCA: self._get_data,
            0xDA: self._put_data,
            0x20: self._verify,
            0x24: self._change,
            0x47: self._generate,
            0x2A: self._pso,
        }
        if ins not in handlers:
            raise CardError(0x6D00)
        return handlers[ins](p1, p2, body)

    def aid(self) -> bytes:
        return (
            AID_PREFIX
            + bytes(self.version)
            + b"\xff\x01"
            + self.serial.to_bytes(4, "big")
            + b"\x00\x00"
        )

    def _app_data(self) -> bytes:
        flags = (0x08 if self.private_dos else 0) | 0x04
        special = self.special_do_max if self.version[0] >= 3 else 0x0800
        ext = bytes([flags, 0]) + (0).to_bytes(2, "big") + self.certificate_max.to_bytes(2, "big")
        ext += special.to_bytes(2, "big") + b"\x00\x00"
        caps = bytes([0x00, 0x73, 0x00, 0x00, (0xC0 if self.extended else 0x80)])
        historical = caps + b"\x05\x90\x00"
        pw = self._pw_status()
        discretionary = (
            _tlv(0xC0, ext)
            + _tlv(0xC1, self.data[0xC1])
            + _tlv(0xC2, self.data[0xC2])
            + _tlv(0xC4, pw)
        )
        inner = _tlv(0x4F, self.aid()) + _tlv(0x5F52, historical)
        if self.extended:
            inner += _tlv(0x7F66, bytes.fromhex("0202080002020800"))
        return inner + _tlv(0x73, discretionary)

    def _pw_status(self) -> bytes:
        return bytes([0x00, 127, 127, 127, self.tries[1], 0, self.tries[3]])

    def _get_data(self, p1: int, p2: int, body: bytes) -> bytes:
        tag = (p1 << 8) | p2
        if tag == 0x6E:
            return _tlv(0x6E, self._app_data())
        if tag == 0x4F:
            return self.aid()
        if tag == 0xC4:
            return self._pw_status()
        if tag == 0xFA:
            if not self.list_algorithms:
                raise CardError(0x6A88)
            listed = [_tlv(0xC1, a) for a in self.signature_algorithms]
            listed += [_tlv(0xC2, a) for a in self.decryption_algorithms]
            return b"".join(listed)
        if tag in (0x0103, 0x0104) and 2 not in self.verified:
            raise CardError(0x6982)
        if tag not in self.data:
            raise CardError(0x6A88)
        return self.data[tag]

    def _put_data(self, p1: int, p2: int, body: bytes) -> bytes:
        tag = (p1 << 8) | p2
        needed = 2 if tag in (0x0101, 0x0103) else 3
        if needed not in self.verified:
            raise CardError(0x6982)
        if tag in (0x0101, 0x0102, 0x0103, 0x0104) and not self.private_dos:
            raise CardError(0x6A88)
        limit = {0x7F21: self.certificate_max}.get(tag, self.special_do_max)
        if len(body) > limit:
            raise CardError(0x6A84)
        if tag == 0xC1 and body not in self.signature_algorithms:
            raise CardError(0x6A80)
        if tag == 0xC2 and body not in self.decryption_algorithms:
            raise CardError(0x6A80)
        if tag in (0xC1, 0xC2):
            self.keys.pop(0xB6 if tag == 0xC1 else 0xB8, None)
        self.data[tag] = body
        return b""

    def _check_pin(self, ref: int, pin: bytes) -> None:
        index = 3 if ref == 0x83 else 1
        if self.tries[index] == 0:
            raise CardError(0x6983)
        if pin != self.pins[index]:
            self.tries[index] -= 1
            if self.wrong_pin_answer == "6982":
                raise CardError(0x6982)
            raise CardError(0x63C0 | self.tries[index])
        self.tries[index] = 3

    def _verify(self, p1: int, p2: int, body: bytes) -> bytes:
        self._check_pin(p2, body)
        self.verified.add({0x81: 1, 0x82: 2, 0x83: 3}[p2])
        return b""

    def _change(self, p1: int, p2: int, body: bytes) -> bytes:
        index = 3 if p2 == 0x83 else 1
        old_len = len(self.pins[index])
        self._check_pin(p2, body[:old_len])
        new = body[old_len:]
        if len(new) < (8 if index == 3 else 6):
            raise CardError(0x6A80)
        self.pins[index] = new
        return b""

    def _generate(self, p1: int, p2: int, body: bytes) -> bytes:
        crt = body[0]
        if p1 == 0x80:
            if 3 not in self.verified:
                raise CardError(0x6982)
            attributes = self.data[0xC1 if crt == 0xB6 else 0xC2]
            key: object
            if attributes == P256:
                key = ec.generate_private_key(ec.SECP256R1())
            elif attributes == RSA2048:
                key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            elif attributes == X25519_ATTR:
                key = x25519.X25519PrivateKey.generate()
            else:
                raise CardError(0x6A80)
            self.keys[crt] = key
        key = self.keys.get(crt)
        if key is None:
            raise CardError(0x6A88)
        if isinstance(key, ec.EllipticCurvePrivateKey):
            point = key.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
            inner = _tlv(0x86, point)
        elif isinstance(key, rsa.RSAPrivateKey):
            numbers = key.public_key().public_numbers()
            inner = _tlv(0x81, numbers.n.to_bytes(256, "big")) + _tlv(0x82, b"\x01\x00\x01")
        else:
            assert isinstance(key, x25519.X25519PrivateKey)
            inner = _tlv(
                0x86,
                key.public_key().public_bytes(
                    serialization.Encoding.Raw, serialization.PublicFormat.Raw
                ),
            )
        return _tlv(0x7F49, inner)

    def _pso(self, p1: int, p2: int, body: bytes) -> bytes:
        if (p1, p2) == (0x9E, 0x9A):
            if 1 not in self.verified:
                raise CardError(0x6982)
            self.verified.discard(1)  # PW1 valid for one signature only
            key = self.keys[0xB6]
            if isinstance(key, ec.EllipticCurvePrivateKey):
                der = key.sign(body, ec.ECDSA(Prehashed(hashes.SHA256())))
                r, s = decode_dss_signature(der)
                return r.to_bytes(32, "big") + s.to_bytes(32, "big")
            assert isinstance(key, rsa.RSAPrivateKey)
            if not body.startswith(SHA256_DIGEST_INFO):
                raise CardError(0x6A80)
            return key.sign(
                body[len(SHA256_DIGEST_INFO) :], padding.PKCS1v15(), Prehashed(hashes.SHA256())
            )
        if (p1, p2) == (0x80, 0x86):
            if 2 not in self.verified:
                raise CardError(0x6982)
            key = self.keys[0xB8]
            assert isinstance(key, x25519.X25519PrivateKey)
            # A6 { 7F49 { 86 { point } } } with short lengths: the point is the tail.
            point = body[-32:]
            if body[0] != 0xA6:
                raise CardError(0x6A80)
            return key.exchange(x25519.X25519PublicKey.from_public_bytes(point))
        raise CardError(0x6A86)


@dataclass
class FakeConnector:
    """A reader holding a :class:`FakeOpenPGPCard` (the ``Connector`` protocol)."""

    card: FakeOpenPGPCard
    name: str = "Fake Reader 00"
    sessions: int = 0

    @contextmanager
    def connect(self) -> Iterator[FakeOpenPGPCard]:
        if self.card.removed:
            raise NoCardError("fake reader is empty")
        self.sessions += 1
        self.card.reset()
        try:
            yield self.card
        finally:
            self.card.reset()  # disconnect with reset: PIN states do not survive
