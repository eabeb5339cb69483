"""The card interface: what the rest of Bureau knows about a key holder's card.

Three parts, as in Electrum's hardware-device plugins:

- the **stored identity** (:class:`CardIdentity`): which card, whose, which
  role in which bureau, and its public keys. It is plain data, recorded in the
  journal at initialisation and used later to check signatures and to
  recognise the card;
- the **live client** (:class:`CardClient`): a card present in a reader (or a
  training card file) that signs and wraps/unwraps secrets;
- the **PIN handler** (:class:`PinHandler`), supplied by the caller (command
  line or GUI): the client calls ``get_pin(prompt, tries_left)`` whenever it
  needs a code. It is called on the card I/O thread; a GUI handler must hand
  the request to the Qt thread and block until the member answers. Raising
  :class:`~ceremony.cards.errors.PinEntryCancelledError` cancels cleanly.

Key and signature encodings are the ones of ``ceremony.bundles.keys`` so a
card key is directly a bundle key:

``ecdsa-p256-sha256``
    public key: SEC1 uncompressed point (65 bytes); signature: raw ``r || s``
    (64 bytes) over SHA-256(data).
``rsa-pkcs1v15-sha256``
    public key: DER SubjectPublicKeyInfo; signature: RSASSA-PKCS1-v1_5 SHA-256.
``x25519``
    decryption key: the raw 32-byte public key (RFC 7748).

The key id is the lowercase hex SHA-256 of the RFC 8785 canonical JSON
``{"algorithm": ..., "public_key": <hex>}`` (same as bundles).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, Protocol, runtime_checkable

import rfc8785
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, x25519
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from ceremony.cards.errors import (
    CardSignatureError,
    PinPolicyError,
    TrainingCardRefusedError,
    WrongCardError,
)

if TYPE_CHECKING:
    from ceremony.cards.keylabel import KeyLabel

ECDSA_P256_SHA256: Final = "ecdsa-p256-sha256"
RSA_PKCS1V15_SHA256: Final = "rsa-pkcs1v15-sha256"
X25519: Final = "x25519"
SIGNATURE_ALGORITHMS: Final = frozenset({ECDSA_P256_SHA256, RSA_PKCS1V15_SHA256})

CardSerial = str
"""``"<manufacturer hex>-<serial hex>"`` from the OpenPGP AID, e.g. ``"FF00-0000AA01"``;
``"TRAINING-<hex>"`` for a training card."""

ROLES: Final = frozenset({"president", "secretary", "delegate"})

MIN_PIN_LENGTH: Final = 6
MIN_ADMIN_PIN_LENGTH: Final = 8
FACTORY_PINS: Final = frozenset({"123456", "12345678", "1234567890", "000000", "00000000"})


def compute_key_id(algorithm: str, public_bytes: bytes) -> str:
    """Key id of a public key: SHA-256 of its canonical JSON (module docstring)."""
    body = rfc8785.dumps({"algorithm": algorithm, "public_key": public_bytes.hex()})
    return hashlib.sha256(body).hexdigest()


@dataclass(frozen=True)
class PublicKeyInfo:
    """One public key of a card: algorithm name and public bytes (module docstring)."""

    algorithm: str
    public_bytes: bytes

    @property
    def key_id(self) -> str:
        return compute_key_id(self.algorithm, self.public_bytes)

    def to_dict(self) -> dict[str, Any]:
        return {"algorithm": self.algorithm, "public_key": self.public_bytes.hex()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PublicKeyInfo:
        return cls(str(data["algorithm"]), bytes.fromhex(str(data["public_key"])))


@dataclass(frozen=True)
class CardIdentity:
    """What is recorded about a card at initialisation (no secret in it).

    ``training`` is True for a software training card: such a card is refused
    for a real election (:func:`check_card_allowed`).
    """

    serial: CardSerial
    holder: str
    role: str
    bureau_id: str
    signature_key: PublicKeyInfo
    decryption_key: PublicKeyInfo
    training: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "serial": self.serial,
            "holder": self.holder,
            "role": self.role,
            "bureau_id": self.bureau_id,
            "signature_key": self.signature_key.to_dict(),
            "decryption_key": self.decryption_key.to_dict(),
            "training": self.training,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CardIdentity:
        return cls(
            serial=str(data["serial"]),
            holder=str(data["holder"]),
            role=str(data["role"]),
            bureau_id=str(data["bureau_id"]),
            signature_key=PublicKeyInfo.from_dict(data["signature_key"]),
            decryption_key=PublicKeyInfo.from_dict(data["decryption_key"]),
            training=bool(data.get("training", False)),
        )


@dataclass(frozen=True)
class Signature:
    """A signature made on a card over ``data`` (encoding: module docstring)."""

    key_id: str
    algorithm: str
    value: bytes
    card_serial: CardSerial

    def to_dict(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "algorithm": self.algorithm,
            "value": self.value.hex(),
            "card_serial": self.card_serial,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Signature:
        return cls(
            key_id=str(data["key_id"]),
            algorithm=str(data["algorithm"]),
            value=bytes.fromhex(str(data["value"])),
            card_serial=str(data["card_serial"]),
        )


@dataclass(frozen=True)
class WrapContext:
    """Associated data bound to a wrapped secret (authenticated, not secret).

    ``secret_kind`` names what is wrapped, e.g. ``"belenios-pedersen-seed"`` or
    ``"belenios-single-key"``; ``card_serial`` is the card the blob is for, so
    a blob copied onto another card does not open.
    """

    bureau_id: str
    role: str
    card_serial: CardSerial
    election_key_fingerprint: str
    secret_kind: str

    def to_bytes(self) -> bytes:
        """RFC 8785 canonical JSON, versioned: the AES-GCM associated data."""
        return rfc8785.dumps(
            {
                "format": "bureau-card-wrap-context/1",
                "bureau_id": self.bureau_id,
                "role": self.role,
                "card_serial": self.card_serial,
                "election_key_fingerprint": self.election_key_fingerprint,
                "secret_kind": self.secret_kind,
            }
        )


@dataclass(frozen=True)
class CardSetup:
    """What initialisation writes on a card (the PINs come from the handler)."""

    holder: str
    role: str
    bureau_id: str


class PinKind(Enum):
    """Which code the card needs."""

    USER = "user"  # PW1: unwrap, sign, write the wrapped secret
    ADMIN = "admin"  # PW3: initialisation, personal data
    CURRENT_USER = "current-user"  # factory or previous PW1, during initialisation
    CURRENT_ADMIN = "current-admin"  # factory or previous PW3, during initialisation
    NEW_USER = "new-user"  # the holder chooses their PIN
    NEW_ADMIN = "new-admin"  # the replacement admin PIN
    RESET = "reset"  # the resetting code (RC), to unblock PW1 without the admin PIN
    NEW_RESET = "new-reset"  # the resetting code being set (under the admin PIN)


@dataclass(frozen=True)
class PinPrompt:
    """A request for a code: its kind, the French sentence to show, the card."""

    kind: PinKind
    message: str
    card_serial: CardSerial
    holder: str = ""


class PinHandler(Protocol):
    """Supplied by the caller; returns the code typed by the member.

    ``tries_left`` is the card's retry counter when known (``None`` for a new
    PIN). Raise ``PinEntryCancelledError`` to cancel.
    """

    def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str: ...


class CardEventKind(Enum):
    INSERTED = "inserted"
    REMOVED = "removed"


@dataclass(frozen=True)
class CardEvent:
    """A card arrived in or left a reader."""

    kind: CardEventKind
    reader: str
    atr: bytes = b""


CardEventCallback = Callable[[CardEvent], None]


@runtime_checkable
class CardClient(Protocol):
    """A live card: an OpenPGP card in a reader, or a training card file.

    Every method may ask the PIN handler for a code, and raises only
    ``CardError`` subclasses (wrong PIN with tries left, PIN blocked, card
    removed, ...). A removed card ends the operation with
    ``CardRemovedError`` and nothing half-written.
    """

    @property
    def is_training(self) -> bool: ...

    def read_identity(self) -> CardIdentity:
        """The identity written at initialisation (raises CardNotInitialisedError)."""
        ...

    def initialise(self, setup: CardSetup, pins: PinHandler) -> CardIdentity:
        """Set the holder's PIN and a new admin PIN, generate the keys on the card,
        write holder/role/bureau, and return the identity to record."""
        ...

    def sign(self, data: bytes, pins: PinHandler) -> Signature:
        """Sign ``data`` (hashed with SHA-256 here, signed on the card)."""
        ...

    def wrap_secret(
        self,
        secret: bytes,
        context: WrapContext,
        pins: PinHandler,
        ceremony_id: str = "",
    ) -> None:
        """Encrypt ``secret`` to the card's X25519 key and store the blob on the card.

        The key's label records ``ceremony_id``. A card that already holds a key
        is refused (``CardHoldsKeyError``) unless that key was written under the
        same non-empty ``ceremony_id``: an interrupted attempt of this very key
        ceremony, whose keys were never recorded nor used."""
        ...

    def unwrap_secret(self, context: WrapContext, pins: PinHandler) -> bytearray:
        """Decrypt the stored blob with the card (after PIN).

        The caller must clear the returned buffer after use
        (:func:`clear_secret`)."""
        ...

    def read_key_label(self) -> KeyLabel | None:
        """The label of the ceremony key the card holds (no PIN asked), None if it holds none.

        Cards are never overwritten: ``initialise`` and ``wrap_secret`` raise
        ``CardHoldsKeyError`` on a card that holds a key."""
        ...

    def erase_key(self, pins: PinHandler) -> KeyLabel | None:
        """Erase the wrapped secret and its label, after the holder's current PIN.

        Only the confirmed wipe (:mod:`ceremony.workflow.card_wipe`) calls it."""
        ...

    def unblock(self, pins: PinHandler) -> None:
        """Reset a blocked personal PIN with the card's admin PIN, setting a new one."""
        ...

    def unblock_with_reset_code(self, pins: PinHandler) -> None:
        """Reset a blocked personal PIN with the card's resetting code (RC), setting a new one."""
        ...

    def set_reset_code(self, pins: PinHandler) -> None:
        """Set (or replace) the card's resetting code, under the admin PIN."""
        ...

    def close(self) -> None: ...


def clear_secret(buffer: bytearray) -> None:
    """Overwrite a secret buffer in place (best effort in Python)."""
    buffer[:] = bytes(len(buffer))


def check_pin_policy(pin: str, kind: PinKind) -> None:
    """Refuse factory PINs and PINs that are too short (``PinPolicyError``)."""
    minimum = (
        MIN_ADMIN_PIN_LENGTH if kind in (PinKind.NEW_ADMIN, PinKind.NEW_RESET) else MIN_PIN_LENGTH
    )
    if len(pin) < minimum:
        raise PinPolicyError(
            f"new {kind.value} PIN shorter than {minimum} characters",
            user_message=f"Ce code est trop court : il faut au moins {minimum} caractères.",
        )
    if pin in FACTORY_PINS or len(set(pin)) == 1:
        raise PinPolicyError(f"new {kind.value} PIN is a factory or trivial value")


def check_card_allowed(identity: CardIdentity, *, training_allowed: bool) -> None:
    """Refuse a training card where a real election is run."""
    if identity.training and not training_allowed:
        raise TrainingCardRefusedError(f"training card {identity.serial} in a real election")


def check_expected_card(
    identity: CardIdentity,
    *,
    bureau_id: str,
    role: str | None = None,
    holder: str | None = None,
    serial: CardSerial | None = None,
    signature_key_id: str | None = None,
) -> None:
    """Raise ``WrongCardError`` unless the card is the one the ceremony expects."""
    mismatches = [
        name
        for name, expected, actual in (
            ("bureau_id", bureau_id, identity.bureau_id),
            ("role", role, identity.role),
            ("holder", holder, identity.holder),
            ("serial", serial, identity.serial),
            ("signature_key_id", signature_key_id, identity.signature_key.key_id),
        )
        if expected is not None and expected != actual
    ]
    if mismatches:
        raise WrongCardError(f"card {identity.serial}: mismatch on {', '.join(mismatches)}")


def verify_card_signature(
    public_key_info: PublicKeyInfo, data: bytes, signature: Signature
) -> None:
    """Raise ``CardSignatureError`` unless ``signature`` is a valid card signature of ``data``.

    Checks the key id and algorithm named in the signature against the
    recorded key, then the signature itself. Returns None on success.
    """
    if signature.key_id != public_key_info.key_id:
        raise CardSignatureError(f"signature names key {signature.key_id[:16]}…, not this key")
    if signature.algorithm != public_key_info.algorithm:
        raise CardSignatureError(f"signature algorithm {signature.algorithm} differs from key")
    try:
        if public_key_info.algorithm == ECDSA_P256_SHA256:
            key = ec.EllipticCurvePublicKey.from_encoded_point(
                ec.SECP256R1(), public_key_info.public_bytes
            )
            if len(signature.value) != 64:
                raise InvalidSignature
            r = int.from_bytes(signature.value[:32], "big")
            s = int.from_bytes(signature.value[32:], "big")
            key.verify(encode_dss_signature(r, s), data, ec.ECDSA(hashes.SHA256()))
        elif public_key_info.algorithm == RSA_PKCS1V15_SHA256:
            rsa_key = serialization.load_der_public_key(public_key_info.public_bytes)
            if not isinstance(rsa_key, rsa.RSAPublicKey) or rsa_key.key_size < 2048:
                raise CardSignatureError("RSA key of at least 2048 bits expected")
            rsa_key.verify(signature.value, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            raise CardSignatureError(f"{public_key_info.algorithm} is not a signature algorithm")
    except (InvalidSignature, ValueError, UnsupportedAlgorithm) as exc:
        raise CardSignatureError(
            f"{public_key_info.algorithm} signature by {public_key_info.key_id[:16]}… is invalid"
        ) from exc


def load_x25519_public(info: PublicKeyInfo) -> x25519.X25519PublicKey:
    """The card's decryption key as a ``cryptography`` object."""
    if info.algorithm != X25519 or len(info.public_bytes) != 32:
        raise WrongCardError(f"decryption key is {info.algorithm}, X25519 expected")
    return x25519.X25519PublicKey.from_public_bytes(info.public_bytes)


@dataclass(frozen=True)
class CardSigner:
    """Adapter making a card a bundle ``Signer`` (``ceremony.bundles.keys.Signer``).

    ``sign(message)`` returns the raw signature bytes the bundle format wants.
    """

    client: CardClient
    identity: CardIdentity
    pins: PinHandler

    @property
    def key_id(self) -> str:
        return self.identity.signature_key.key_id

    @property
    def role(self) -> str:
        return self.identity.role

    @property
    def algorithm(self) -> str:
        return self.identity.signature_key.algorithm

    def sign(self, message: bytes) -> bytes:
        signature = self.client.sign(message, self.pins)
        if signature.key_id != self.key_id:
            raise WrongCardError(f"card signed with {signature.key_id[:16]}…, not the expected key")
        return signature.value
