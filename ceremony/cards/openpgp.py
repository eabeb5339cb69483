"""The OpenPGP card application, command by command (OpenPGP card spec 3.4).

Section numbers below refer to "Functional Specification of the OpenPGP
application on ISO Smart Card Operating Systems", version 3.4.1.
Only what Bureau needs is here; every status word that means something to a
member becomes a named error (wrong PIN with tries left, PIN blocked, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final

from ceremony.cards import tlv
from ceremony.cards.apdu import ApduChannel, Response
from ceremony.cards.errors import (
    CardOperationError,
    DataObjectTooSmallError,
    NotOpenPGPCardError,
    PinBlockedError,
    WrongPinError,
)

OPENPGP_RID_PIX: Final = bytes.fromhex("D27600012401")

# Algorithm attributes (§4.4.3.10): algorithm id followed by OID or RSA sizes.
ATTR_ECDSA_P256: Final = bytes.fromhex("132A8648CE3D030107")
ATTR_RSA_2048: Final = bytes.fromhex("010800002000")
ATTR_X25519: Final = bytes.fromhex("122B060104019755010501")

# Data objects (§4.4.1).
DO_APPLICATION_DATA: Final = 0x6E
DO_AID: Final = 0x4F
DO_HISTORICAL: Final = 0x5F52
DO_EXTENDED_CAPABILITIES: Final = 0xC0
DO_PW_STATUS: Final = 0xC4
DO_RESETTING_CODE: Final = 0xD3
DO_NAME: Final = 0x5B
DO_LOGIN: Final = 0x5E
DO_PRIVATE_1: Final = 0x0101
DO_PRIVATE_3: Final = 0x0103
DO_CERTIFICATE: Final = 0x7F21
DO_ALGORITHM_INFORMATION: Final = 0xFA
DO_EXTENDED_LENGTH: Final = 0x7F66

PW1_SIGN: Final = 0x81
PW1_OTHER: Final = 0x82
PW3: Final = 0x83


class KeySlot(Enum):
    """A key slot: its control reference tag, attribute, fingerprint and date DOs."""

    SIGNATURE = (0xB6, 0xC1, 0xC7, 0xCE)
    DECRYPTION = (0xB8, 0xC2, 0xC8, 0xCF)

    @property
    def crt(self) -> int:
        return self.value[0]

    @property
    def attributes_do(self) -> int:
        return self.value[1]

    @property
    def fingerprint_do(self) -> int:
        return self.value[2]

    @property
    def timestamp_do(self) -> int:
        return self.value[3]


@dataclass(frozen=True)
class Capabilities:
    """What the card says it can do (§4.2.1 AID, §4.4.3.7 extended capabilities)."""

    aid: bytes
    version: tuple[int, int]
    manufacturer: int
    serial_number: int
    extended_length: bool
    chaining: bool
    private_dos: bool
    attributes_changeable: bool
    special_do_max: int
    certificate_max: int
    algorithms: dict[int, frozenset[bytes]] | None
    """Supported attributes per attribute DO (C1, C2) from DO FA; None if not listed."""

    @property
    def serial(self) -> str:
        return f"{self.manufacturer:04X}-{self.serial_number:08X}"

    def supports(self, slot: KeySlot, attributes: bytes) -> bool | None:
        """True/False when the card lists its algorithms, None when it does not say."""
        if self.algorithms is None:
            return None
        return any(a.startswith(attributes) for a in self.algorithms.get(slot.attributes_do, ()))


@dataclass(frozen=True)
class PinStatus:
    """PW status bytes (§4.4.3.5)."""

    pw1_max_length: int
    pw3_max_length: int
    pw1_tries: int
    pw3_tries: int
    rc_tries: int = 0  # 0 also when no resetting code is set


def _compact_tlv(data: bytes) -> dict[int, bytes]:
    """Historical bytes after the category indicator (ISO 7816-4 §8.1.1.2)."""
    out: dict[int, bytes] = {}
    pos = 1 if data[:1] == b"\x00" else len(data)
    while pos < len(data):
        tag, length = data[pos] >> 4, data[pos] & 0x0F
        out[tag] = data[pos + 1 : pos + 1 + length]
        pos += 1 + length
    return out


def parse_capabilities(app_data: bytes, algorithm_information: bytes | None) -> Capabilities:
    """Capabilities from the application related data (DO 6E) and DO FA."""
    aid = tlv.find(app_data, DO_AID)
    if aid is None or len(aid) != 16 or not aid.startswith(OPENPGP_RID_PIX):
        raise NotOpenPGPCardError("application related data lacks an OpenPGP AID")
    version = (aid[6], aid[7])
    historical = tlv.find(app_data, DO_HISTORICAL) or b""
    card_caps = _compact_tlv(historical).get(0x7, b"")
    third = card_caps[2] if len(card_caps) >= 3 else 0
    ext = tlv.find(app_data, DO_EXTENDED_CAPABILITIES) or bytes(10)
    if len(ext) < 8:
        ext = ext.ljust(10, b"\x00")
    flags = ext[0]
    certificate_max = int.from_bytes(ext[4:6], "big")
    # v3 bytes 6-7 give the special DO maximum; v2 meant "max command length" there.
    special_max = int.from_bytes(ext[6:8], "big") if version[0] >= 3 else 254
    algorithms: dict[int, frozenset[bytes]] | None = None
    if algorithm_information:
        listed: dict[int, set[bytes]] = {}
        for tag, value in tlv.iter_tlv(algorithm_information):
            listed.setdefault(tag, set()).add(value)
        algorithms = {tag: frozenset(values) for tag, values in listed.items()}
    return Capabilities(
        aid=aid,
        version=version,
        manufacturer=int.from_bytes(aid[8:10], "big"),
        serial_number=int.from_bytes(aid[10:14], "big"),
        extended_length=bool(third & 0x40) and tlv.find(app_data, DO_EXTENDED_LENGTH) is not None,
        chaining=bool(third & 0x80) or not card_caps,
        private_dos=bool(flags & 0x08),
        attributes_changeable=bool(flags & 0x04),
        special_do_max=special_max,
        certificate_max=certificate_max,
        algorithms=algorithms,
    )


def _pin_error(response: Response, what: str) -> None:
    sw = response.sw
    if sw >> 4 == 0x63C:
        tries = sw & 0x0F
        if tries == 0:
            raise PinBlockedError(f"{what}: 63C0, PIN blocked")
        raise WrongPinError(f"{what}: wrong PIN ({sw:04X})", tries_left=tries)
    if sw == 0x6983:
        raise PinBlockedError(f"{what}: 6983, PIN blocked")
    _expect_ok(response, what)


def _expect_ok(response: Response, what: str) -> None:
    if not response.ok:
        raise CardOperationError(f"{what} answered {response.sw:04X}")


class OpenPGPApp:
    """The OpenPGP application on one card, over an :class:`ApduChannel`."""

    def __init__(self, channel: ApduChannel) -> None:
        self.channel = channel

    def select(self) -> None:
        """SELECT the application by its RID+PIX (§7.2.1)."""
        response = self.channel.send(0xA4, 0x04, 0x00, OPENPGP_RID_PIX, le=None)
        if not response.ok:
            raise NotOpenPGPCardError(f"SELECT OpenPGP answered {response.sw:04X}")

    def get_data(self, tag: int) -> bytes | None:
        """GET DATA (§7.2.7); None when the card does not have the object."""
        response = self.channel.send(0xCA, tag >> 8, tag & 0xFF)
        if response.sw in (0x6A88, 0x6A82, 0x6A80, 0x6B00, 0x6A86):
            return None
        _pin_error(response, f"GET DATA {tag:04X}")
        return response.data

    def put_data(self, tag: int, value: bytes) -> None:
        """PUT DATA (§7.2.8); a too-long value raises DataObjectTooSmallError."""
        response = self.channel.send(0xDA, tag >> 8, tag & 0xFF, value, le=None)
        if response.sw in (0x6700, 0x6A84, 0x6581):
            raise DataObjectTooSmallError(
                f"PUT DATA {tag:04X} of {len(value)} bytes answered {response.sw:04X}"
            )
        _expect_ok(response, f"PUT DATA {tag:04X}")

    def read_capabilities(self) -> Capabilities:
        app_data = self.get_data(DO_APPLICATION_DATA)
        if app_data is None:
            raise NotOpenPGPCardError("no application related data (DO 6E)")
        try:
            algorithm_information = self.get_data(DO_ALGORITHM_INFORMATION)
        except CardOperationError:
            # Optional DO (3.4+); some cards fail on it: fall back to trying.
            algorithm_information = None
        caps = parse_capabilities(app_data, algorithm_information)
        self.channel.extended = caps.extended_length
        self.channel.chaining = caps.chaining
        return caps

    def pin_status(self) -> PinStatus:
        data = self.get_data(DO_PW_STATUS)
        if data is None or len(data) < 7:
            raise CardOperationError("PW status bytes (DO C4) missing")
        return PinStatus(data[1] & 0x7F, data[3] & 0x7F, data[4], data[6], data[5])

    def verify(self, reference: int, pin: str) -> None:
        """VERIFY (§7.2.2): PW1 (81 sign, 82 other) or PW3 (83)."""
        response = self.channel.send(0x20, 0x00, reference, pin.encode("utf-8"), le=None)
        if response.sw == 0x6982:
            # The spec's answer to a wrong PIN; the tries left are in DO C4.
            self._raise_wrong_pin(reference, f"VERIFY {reference:02X}")
        _pin_error(response, f"VERIFY {reference:02X}")

    def _raise_wrong_pin(self, reference: int, what: str) -> None:
        status = self.pin_status()
        tries = status.pw3_tries if reference == PW3 else status.pw1_tries
        if tries == 0:
            raise PinBlockedError(f"{what}: PIN blocked")
        raise WrongPinError(f"{what}: wrong PIN", tries_left=tries)

    def change_reference_data(self, reference: int, old: str, new: str) -> None:
        """CHANGE REFERENCE DATA (§7.2.3) for PW1 (81) or PW3 (83)."""
        data = old.encode("utf-8") + new.encode("utf-8")
        response = self.channel.send(0x24, 0x00, reference, data, le=None)
        if response.sw == 0x6982:
            self._raise_wrong_pin(reference, f"CHANGE REFERENCE DATA {reference:02X}")
        _pin_error(response, f"CHANGE REFERENCE DATA {reference:02X}")

    def reset_retry_counter_with_admin(self, new_pin: str) -> None:
        """RESET RETRY COUNTER (§7.2.4) P1=02: new PW1 after PW3 was verified."""
        response = self.channel.send(0x2C, 0x02, 0x81, new_pin.encode("utf-8"), le=None)
        _pin_error(response, "RESET RETRY COUNTER")

    def reset_retry_counter_with_code(self, reset_code: str, new_pin: str) -> None:
        """RESET RETRY COUNTER (§7.2.4) P1=00: the resetting code, then the new PW1."""
        data = reset_code.encode("utf-8") + new_pin.encode("utf-8")
        response = self.channel.send(0x2C, 0x00, 0x81, data, le=None)
        if response.sw == 0x6982:
            tries = self.pin_status().rc_tries
            if tries == 0:
                raise PinBlockedError("RESET RETRY COUNTER 00: resetting code blocked")
            raise WrongPinError("RESET RETRY COUNTER 00: wrong resetting code", tries_left=tries)
        _pin_error(response, "RESET RETRY COUNTER 00")

    def generate_key(self, slot: KeySlot) -> bytes:
        """GENERATE ASYMMETRIC KEY PAIR (§7.2.14); returns the 7F49 template."""
        return self._key_template(0x80, slot)

    def read_public_key(self, slot: KeySlot) -> bytes:
        """Read the public key of a slot (GENERATE with P1=81)."""
        return self._key_template(0x81, slot)

    def _key_template(self, p1: int, slot: KeySlot) -> bytes:
        response = self.channel.send(0x47, p1, 0x00, bytes([slot.crt, 0x00]), le=65536)
        if response.sw in (0x6A88, 0x6A82) and p1 == 0x81:
            return b""
        _expect_ok(response, f"GENERATE {p1:02X} {slot.name}")
        template = tlv.find(response.data, 0x7F49)
        if template is None:
            raise CardOperationError("public key template 7F49 missing")
        return template

    def compute_signature(self, signature_input: bytes) -> bytes:
        """PSO:COMPUTE DIGITAL SIGNATURE (§7.2.10)."""
        response = self.channel.send(0x2A, 0x9E, 0x9A, signature_input)
        _pin_error(response, "PSO:CDS")
        return response.data

    def decipher_ecdh(self, ephemeral_public: bytes) -> bytes:
        """PSO:DECIPHER with an ECDH public key (§7.2.11): returns the shared secret."""
        data = tlv.encode(0xA6, tlv.encode(0x7F49, tlv.encode(0x86, ephemeral_public)))
        response = self.channel.send(0x2A, 0x80, 0x86, data)
        _pin_error(response, "PSO:DECIPHER")
        return response.data
