"""Training card: a software card in a file, for ``bureau demo`` and training.

**TRAINING ONLY.** Its identity says ``training: true``, its serial starts
with ``TRAINING-``, its file says so in words, and
:func:`~ceremony.cards.interface.check_card_allowed` refuses it for a real
election.

It behaves like a real card through the same :class:`CardClient` interface:
a PIN with 3 tries then blocked, keys made "on the card" (ECDSA P-256 for
signatures, X25519 for decryption), the wrapped secret stored "on the card".
Its private keys are never on disk in clear: they are sealed with AES-256-GCM
under a key derived from the PIN with scrypt (the public identity is the
associated data). The retry counter is in clear, as on a card it would be
in the chip; tampering with it only affects this training file.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import rfc8785
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, x25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ceremony.cards.errors import (
    CardNotInitialisedError,
    CardUnblockError,
    NoWrappedSecretError,
    PinBlockedError,
    TrainingCardFileError,
    WrongCardError,
    WrongPinError,
)
from ceremony.cards.interface import (
    ECDSA_P256_SHA256,
    X25519,
    CardIdentity,
    CardSetup,
    PinHandler,
    PinKind,
    PinPrompt,
    PublicKeyInfo,
    Signature,
    WrapContext,
    check_pin_policy,
)
from ceremony.cards.keylabel import KeyLabel, holds_key_error
from ceremony.cards.signing import ecdsa_der_to_raw
from ceremony.cards.wrapping import WrappedSecret, make_wrapped_secret, open_wrapped_secret

FORMAT: Final = "bureau-training-card/1"
WARNING: Final = "CARTE D'ENTRAÎNEMENT - refusée pour une élection réelle / TRAINING CARD"
SERIAL_PREFIX: Final = "TRAINING-"
PIN_TRIES: Final = 3
SCRYPT_N: Final = 2**15
SCRYPT_R: Final = 8
SCRYPT_P: Final = 1


@dataclass(frozen=True)
class _Keys:
    signature: ec.EllipticCurvePrivateKey
    decryption: x25519.X25519PrivateKey


def _pin_key(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(pin.encode("utf-8"))


def _write_atomically(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


class TrainingCard:
    """A training card stored in ``path`` (module docstring). Implements ``CardClient``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._state = self._load()

    @classmethod
    def create(cls, path: Path) -> TrainingCard:
        """A blank training card (like a new card out of its box)."""
        if path.exists():
            raise TrainingCardFileError(f"{path} already exists")
        _write_atomically(
            path,
            {
                "format": FORMAT,
                "warning": WARNING,
                "training": True,
                "serial": SERIAL_PREFIX + secrets.token_hex(4).upper(),
                "identity": None,
                "tries_left": PIN_TRIES,
                "kdf": None,
                "sealed_keys": None,
                "wrapped_secret": None,
            },
        )
        return cls(path)

    @property
    def is_training(self) -> bool:
        return True

    @property
    def serial(self) -> str:
        return str(self._state["serial"])

    def _load(self) -> dict[str, Any]:
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise TrainingCardFileError(f"cannot read {self.path.name}: {exc}") from exc
        if not isinstance(state, dict) or state.get("format") != FORMAT:
            raise TrainingCardFileError(f"{self.path.name} is not a training card file")
        return state

    def _save(self) -> None:
        _write_atomically(self.path, self._state)

    def read_identity(self) -> CardIdentity:
        if self._state.get("identity") is None:
            raise CardNotInitialisedError(f"training card {self.serial} not initialised")
        identity = CardIdentity.from_dict(self._state["identity"])
        if not identity.training or not identity.serial.startswith(SERIAL_PREFIX):
            raise TrainingCardFileError("training card file claims not to be a training card")
        return identity

    def _prompt(self, kind: PinKind, message: str) -> PinPrompt:
        holder = ""
        if self._state.get("identity") is not None:
            holder = str(self._state["identity"]["holder"])
        return PinPrompt(kind, f"[ENTRAÎNEMENT] {message}", self.serial, holder)

    def initialise(self, setup: CardSetup, pins: PinHandler) -> CardIdentity:
        """Make keys and seal them under the holder's new PIN (no admin PIN here).

        A card that holds a key is refused, as a real card is."""
        label = self.read_key_label()
        if label is not None:
            raise holds_key_error(label, "initialisation")
        new_pin = pins.get_pin(
            self._prompt(PinKind.NEW_USER, "Choisissez votre code personnel (6 chiffres ou plus)."),
            None,
        )
        check_pin_policy(new_pin, PinKind.NEW_USER)
        keys = _Keys(ec.generate_private_key(ec.SECP256R1()), x25519.X25519PrivateKey.generate())
        identity = CardIdentity(
            serial=self.serial,
            holder=setup.holder,
            role=setup.role,
            bureau_id=setup.bureau_id,
            signature_key=PublicKeyInfo(
                ECDSA_P256_SHA256,
                keys.signature.public_key().public_bytes(
                    serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
                ),
            ),
            decryption_key=PublicKeyInfo(
                X25519,
                keys.decryption.public_key().public_bytes(
                    serialization.Encoding.Raw, serialization.PublicFormat.Raw
                ),
            ),
            training=True,
        )
        self._state["identity"] = identity.to_dict()
        self._seal(keys, new_pin)
        self._state["tries_left"] = PIN_TRIES
        self._state["wrapped_secret"] = None
        self._state["key_label"] = None
        self._save()
        return identity

    def _seal(self, keys: _Keys, pin: str) -> None:
        salt = secrets.token_bytes(16)
        key = _pin_key(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        plain = rfc8785.dumps(
            {
                "signature": keys.signature.private_bytes(
                    serialization.Encoding.DER,
                    serialization.PrivateFormat.PKCS8,
                    serialization.NoEncryption(),
                ).hex(),
                "decryption": keys.decryption.private_bytes(
                    serialization.Encoding.Raw,
                    serialization.PrivateFormat.Raw,
                    serialization.NoEncryption(),
                ).hex(),
            }
        )
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(key).encrypt(nonce, plain, self._associated_data())
        self._state["kdf"] = {
            "name": "scrypt",
            "salt": salt.hex(),
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
        }
        self._state["sealed_keys"] = (nonce + sealed).hex()

    def _associated_data(self) -> bytes:
        return rfc8785.dumps({"format": FORMAT, "identity": self._state["identity"]})

    def _unlock(self, pins: PinHandler, message: str) -> _Keys:
        """Ask the PIN and open the sealed keys, counting tries like a card."""
        self.read_identity()
        tries = int(self._state["tries_left"])
        if tries <= 0:
            raise PinBlockedError(f"training card {self.serial}: PIN blocked")
        pin = pins.get_pin(self._prompt(PinKind.USER, message), tries)
        kdf = self._state["kdf"]
        key = _pin_key(pin, bytes.fromhex(kdf["salt"]), int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
        blob = bytes.fromhex(self._state["sealed_keys"])
        try:
            plain = AESGCM(key).decrypt(blob[:12], blob[12:], self._associated_data())
        except InvalidTag:
            self._state["tries_left"] = tries - 1
            self._save()
            if tries - 1 == 0:
                raise PinBlockedError(f"training card {self.serial}: PIN blocked") from None
            raise WrongPinError(
                f"training card {self.serial}: wrong PIN", tries_left=tries - 1
            ) from None
        if tries != PIN_TRIES:
            self._state["tries_left"] = PIN_TRIES
            self._save()
        data = json.loads(plain)
        signature = serialization.load_der_private_key(bytes.fromhex(data["signature"]), None)
        if not isinstance(signature, ec.EllipticCurvePrivateKey):
            raise TrainingCardFileError("sealed signature key is not ECDSA")
        decryption = x25519.X25519PrivateKey.from_private_bytes(bytes.fromhex(data["decryption"]))
        return _Keys(signature, decryption)

    def sign(self, data: bytes, pins: PinHandler) -> Signature:
        keys = self._unlock(pins, "Code personnel pour signer.")
        identity = self.read_identity()
        der = keys.signature.sign(data, ec.ECDSA(hashes.SHA256()))
        return Signature(
            key_id=identity.signature_key.key_id,
            algorithm=identity.signature_key.algorithm,
            value=ecdsa_der_to_raw(der),
            card_serial=identity.serial,
        )

    def wrap_secret(
        self,
        secret: bytes,
        context: WrapContext,
        pins: PinHandler,
        ceremony_id: str = "",
    ) -> None:
        identity = self.read_identity()
        if context.card_serial != identity.serial:
            raise WrongCardError(
                f"context is for card {context.card_serial}, not {identity.serial}"
            )
        # Writing needs the PIN, as the PIN-protected data object of a real card.
        self._unlock(pins, "Code personnel pour ranger la clé sur la carte.")
        held = self.read_key_label()
        if held is not None and not (ceremony_id and held.ceremony_id == ceremony_id):
            raise holds_key_error(held, "writing a new key")
        wrapped = make_wrapped_secret(
            identity.decryption_key,
            secret,
            context,
            ephemeral_private=x25519.X25519PrivateKey.generate(),
            nonce=secrets.token_bytes(12),
        )
        self._state["wrapped_secret"] = wrapped.to_bytes().hex()
        self._state["key_label"] = KeyLabel(
            context.bureau_id,
            context.role,
            identity.holder,
            context.election_key_fingerprint,
            datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            context.secret_kind,
            identity.serial,
            ceremony_id or "?",
        ).to_dict()
        self._save()

    def read_key_label(self) -> KeyLabel | None:
        label = self._state.get("key_label")
        if isinstance(label, dict):
            return KeyLabel(**{k: str(v) for k, v in label.items()})
        if self._state.get("wrapped_secret"):
            identity = self._state.get("identity") or {}
            return KeyLabel.unlabelled(
                self.serial, str(identity.get("holder", "?")), str(identity.get("bureau_id", "?"))
            )
        return None

    def erase_key(self, pins: PinHandler) -> KeyLabel | None:
        label = self.read_key_label()
        self._unlock(pins, "Code personnel actuel pour EFFACER la clé.")
        self._state["wrapped_secret"] = None
        self._state["key_label"] = None
        self._save()
        return label

    def unblock(self, pins: PinHandler) -> None:
        """A training card has no admin PIN: it cannot be unblocked (use another member's)."""
        raise CardUnblockError(
            f"training card {self.serial} has no admin PIN",
            user_message=(
                "Une carte d'entraînement n'a pas de code administrateur : elle ne peut pas "
                "être débloquée. Utilisez la carte d'un autre membre habilité."
            ),
        )

    def unblock_with_reset_code(self, pins: PinHandler) -> None:
        self.unblock(pins)

    def set_reset_code(self, pins: PinHandler) -> None:
        raise CardUnblockError(
            f"training card {self.serial} has no resetting code",
            user_message=(
                "Une carte d'entraînement n'a pas de code de déblocage : elle ne peut pas "
                "être débloquée. Utilisez la carte d'un autre membre habilité."
            ),
        )

    def unwrap_secret(self, context: WrapContext, pins: PinHandler) -> bytearray:
        identity = self.read_identity()
        stored = self._state.get("wrapped_secret")
        if not stored:
            raise NoWrappedSecretError(f"training card {identity.serial}: no wrapped secret")
        wrapped = WrappedSecret.from_bytes(bytes.fromhex(stored))
        keys = self._unlock(pins, "Code personnel pour ouvrir la clé.")
        shared = keys.decryption.exchange(
            x25519.X25519PublicKey.from_public_bytes(wrapped.ephemeral_public)
        )
        return open_wrapped_secret(wrapped, shared, identity.decryption_key, context)

    def close(self) -> None:
        """Nothing to release: the file is read and written per operation."""
