"""An OpenPGP card as a Bureau :class:`~ceremony.cards.interface.CardClient`.

Each operation opens its own session (connect, SELECT, work, disconnect with
a card reset so no PIN verification outlives it). A card pulled out mid-way
raises ``CardRemovedError`` from the transport; every operation is arranged so
that this leaves nothing half-done that matters:

- initialisation writes keys and data first and changes the PINs last, and
  returns the identity only at the end: the caller records nothing until then,
  and running it again (with the card's current PINs) starts over;
- the wrapped secret is written with one PUT DATA, which a card applies
  whole or not at all, then read back and compared;
- signing and unwrapping write nothing.

Where the holder's identity lives on the card: holder/role/bureau in the
Login data DO (5E) as ``bureau-card/1`` lines (UTF-8), the holder's name also
in the Name DO (5B) for other tools such as ``gpg --card-status``; the wrapped
secret in private-use DO 0103 (PIN-protected) when the card has private DOs
large enough, else in the cardholder certificate DO 7F21.
"""

from __future__ import annotations

import secrets
import time
import unicodedata
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final, Protocol, TypeVar

from cryptography.hazmat.primitives.asymmetric import x25519

from ceremony.cards import cardkeys, tlv
from ceremony.cards.apdu import ApduChannel, Transport
from ceremony.cards.errors import (
    CardError,
    CardNotInitialisedError,
    CardOperationError,
    CardSignatureError,
    CardUnblockError,
    DataObjectTooSmallError,
    MissingAlgorithmError,
    NoWrappedSecretError,
    PinBlockedError,
    UnwrapError,
    WrongCardError,
)
from ceremony.cards.interface import (
    ECDSA_P256_SHA256,
    RSA_PKCS1V15_SHA256,
    X25519,
    CardIdentity,
    CardSetup,
    PinHandler,
    PinKind,
    PinPrompt,
    Signature,
    WrapContext,
    check_pin_policy,
    verify_card_signature,
)
from ceremony.cards.keylabel import KeyLabel, holds_key_error
from ceremony.cards.openpgp import (
    ATTR_ECDSA_P256,
    ATTR_RSA_2048,
    ATTR_X25519,
    DO_CERTIFICATE,
    DO_LOGIN,
    DO_NAME,
    DO_PRIVATE_1,
    DO_PRIVATE_3,
    DO_RESETTING_CODE,
    PW1_OTHER,
    PW1_SIGN,
    PW3,
    Capabilities,
    KeySlot,
    OpenPGPApp,
)
from ceremony.cards.signing import compute_signature_input, ecdsa_der_to_raw
from ceremony.cards.wrapping import MAGIC, WrappedSecret, make_wrapped_secret, open_wrapped_secret

_T = TypeVar("_T")

LOGIN_FORMAT: Final = "bureau-card/1"
NAME_MAX: Final = 39
KEYGEN_WAIT: Final = 15.0


class Connector(Protocol):
    """Opens a session with one card (a PC/SC reader, or a test emulation)."""

    @property
    def name(self) -> str: ...

    def connect(self) -> AbstractContextManager[Transport]: ...


@dataclass(frozen=True)
class _Session:
    app: OpenPGPApp
    caps: Capabilities


def _iso_name(holder: str) -> bytes:
    """Holder name for DO 5B: ISO 7501 style, spaces as '<', Latin-1, 39 bytes."""
    ascii_name = unicodedata.normalize("NFKD", holder).encode("latin-1", "ignore").decode("latin-1")
    return "<".join(ascii_name.split()).encode("latin-1", "replace")[:NAME_MAX]


def encode_login_record(setup: CardSetup) -> bytes:
    for field in (setup.holder, setup.role, setup.bureau_id):
        if not field or "\n" in field:
            raise ValueError("holder, role and bureau id must be non-empty single lines")
    return "\n".join((LOGIN_FORMAT, setup.bureau_id, setup.role, setup.holder)).encode("utf-8")


def decode_login_record(data: bytes | None) -> CardSetup | None:
    if not data:
        return None
    try:
        lines = data.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        return None
    if len(lines) != 4 or lines[0] != LOGIN_FORMAT:
        return None
    return CardSetup(holder=lines[3], role=lines[2], bureau_id=lines[1])


class OpenPGPCard:
    """A real (or emulated) OpenPGP card behind ``connector``. Implements ``CardClient``.

    ``clock`` gives the key creation time written for GnuPG (Unix seconds).
    """

    def __init__(self, connector: Connector, *, clock: Callable[[], float] = time.time) -> None:
        self.connector = connector
        self.clock = clock

    @property
    def is_training(self) -> bool:
        return False

    # -- sessions ---------------------------------------------------------

    def _run(self, work: Callable[[_Session], _T]) -> _T:
        with self.connector.connect() as transport:
            app = OpenPGPApp(ApduChannel(transport))
            app.select()
            caps = app.read_capabilities()
            return work(_Session(app, caps))

    @staticmethod
    def _ask(
        session: _Session, pins: PinHandler, kind: PinKind, message: str, holder: str = ""
    ) -> str:
        tries: int | None = None
        if kind in (PinKind.USER, PinKind.CURRENT_USER, PinKind.ADMIN, PinKind.CURRENT_ADMIN):
            status = session.app.pin_status()
            tries = (
                status.pw3_tries
                if kind in (PinKind.ADMIN, PinKind.CURRENT_ADMIN)
                else (status.pw1_tries)
            )
            if tries == 0:
                # Asking a code the card will refuse anyway only confuses the holder.
                raise PinBlockedError(f"card {session.caps.serial}: {kind.value} PIN blocked")
        return pins.get_pin(PinPrompt(kind, message, session.caps.serial, holder), tries)

    # -- identity ---------------------------------------------------------

    def _identity(self, session: _Session) -> CardIdentity:
        setup = decode_login_record(session.app.get_data(DO_LOGIN))
        if setup is None:
            raise CardNotInitialisedError(f"card {session.caps.serial} has no Bureau identity")
        sig_template = session.app.read_public_key(KeySlot.SIGNATURE)
        dec_template = session.app.read_public_key(KeySlot.DECRYPTION)
        if not sig_template or not dec_template:
            raise CardNotInitialisedError(f"card {session.caps.serial} lacks its keys")
        sig_algorithm = (
            RSA_PKCS1V15_SHA256 if tlv.find(sig_template, 0x81) is not None else ECDSA_P256_SHA256
        )
        return CardIdentity(
            serial=session.caps.serial,
            holder=setup.holder,
            role=setup.role,
            bureau_id=setup.bureau_id,
            signature_key=cardkeys.public_key_from_template(sig_template, sig_algorithm),
            decryption_key=cardkeys.public_key_from_template(dec_template, X25519),
        )

    def read_serial(self) -> str:
        """The card serial (works on any OpenPGP card, initialised or not)."""
        return self._run(lambda s: s.caps.serial)

    def read_identity(self) -> CardIdentity:
        return self._run(self._identity)

    # -- initialisation ---------------------------------------------------

    @staticmethod
    def _choose_signature_attributes(caps: Capabilities) -> list[tuple[bytes, str]]:
        choices = [(ATTR_ECDSA_P256, ECDSA_P256_SHA256), (ATTR_RSA_2048, RSA_PKCS1V15_SHA256)]
        listed = [c for c in choices if caps.supports(KeySlot.SIGNATURE, c[0]) is not False]
        if not listed:
            raise MissingAlgorithmError("card lists neither ECDSA P-256 nor RSA-2048 for signing")
        return listed

    @staticmethod
    def _set_attributes(session: _Session, slot: KeySlot, attributes: bytes) -> bool:
        current = session.app.get_data(slot.attributes_do) or b""
        if current.startswith(attributes):
            return True
        try:
            session.app.put_data(slot.attributes_do, attributes)
        except (CardOperationError, DataObjectTooSmallError):
            return False
        return (session.app.get_data(slot.attributes_do) or b"").startswith(attributes)

    def _generate(self, session: _Session, slot: KeySlot) -> bytes:
        # Some cards (the software emulator among them) build keys in the
        # background and answer 6F00 until ready: retry for a bounded time.
        deadline = time.monotonic() + KEYGEN_WAIT
        delay = 0.05
        while True:
            try:
                return session.app.generate_key(slot)
            except CardOperationError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    def initialise(self, setup: CardSetup, pins: PinHandler) -> CardIdentity:
        login_record = encode_login_record(setup)
        return self._run(lambda s: self._initialise(s, setup, login_record, pins))

    def _initialise(
        self, s: _Session, setup: CardSetup, login_record: bytes, pins: PinHandler
    ) -> CardIdentity:
        caps = s.caps
        if caps.supports(KeySlot.DECRYPTION, ATTR_X25519) is False:
            raise MissingAlgorithmError("card does not list X25519 for decryption")
        signature_choices = self._choose_signature_attributes(caps)
        if len(login_record) > caps.special_do_max:
            raise DataObjectTooSmallError(
                f"login data DO holds {caps.special_do_max} bytes, {len(login_record)} needed"
            )
        label = self._label(s)
        if label is not None:
            raise holds_key_error(label, "initialisation")
        status = s.app.pin_status()
        previous = decode_login_record(s.app.get_data(DO_LOGIN))
        # A card already prepared for Bureau has its holder's codes, not the factory's.
        whose = (
            f"(carte de {previous.holder}, bureau {previous.bureau_id})"
            if previous is not None
            else "(code d'usine)"
        )
        admin_pin = self._ask(
            s, pins, PinKind.CURRENT_ADMIN, f"Code administrateur actuel de la carte {whose}."
        )
        s.app.verify(PW3, admin_pin)
        user_pin = self._ask(
            s, pins, PinKind.CURRENT_USER, f"Code personnel actuel de la carte {whose}."
        )
        s.app.verify(PW1_OTHER, user_pin)
        held = self._held_blob(s)
        if held:
            raise holds_key_error(
                KeyLabel.unlabelled(
                    caps.serial,
                    previous.holder if previous else "?",
                    previous.bureau_id if previous else "?",
                ),
                "initialisation",
            )
        new_user = pins.get_pin(
            PinPrompt(
                PinKind.NEW_USER,
                "Choisissez votre code personnel (au moins 6 caractères).",
                caps.serial,
                setup.holder,
            ),
            None,
        )
        check_pin_policy(new_user, PinKind.NEW_USER)
        new_admin = pins.get_pin(
            PinPrompt(
                PinKind.NEW_ADMIN,
                "Nouveau code administrateur de la carte (au moins 8 caractères).",
                caps.serial,
                setup.holder,
            ),
            None,
        )
        check_pin_policy(new_admin, PinKind.NEW_ADMIN)
        if len(new_user.encode()) > status.pw1_max_length:
            raise DataObjectTooSmallError(f"card PW1 holds {status.pw1_max_length} bytes at most")
        if len(new_admin.encode()) > status.pw3_max_length:
            raise DataObjectTooSmallError(f"card PW3 holds {status.pw3_max_length} bytes at most")

        if not self._set_attributes(s, KeySlot.DECRYPTION, ATTR_X25519):
            raise MissingAlgorithmError("card refuses X25519 for the decryption key")
        for attributes, algorithm in signature_choices:
            if self._set_attributes(s, KeySlot.SIGNATURE, attributes):
                sig_algorithm = algorithm
                break
        else:
            raise MissingAlgorithmError("card refuses both ECDSA P-256 and RSA-2048 for signing")

        created = int(self.clock())
        sig_template = self._generate(s, KeySlot.SIGNATURE)
        dec_template = self._generate(s, KeySlot.DECRYPTION)
        for slot, template, algorithm in (
            (KeySlot.SIGNATURE, sig_template, sig_algorithm),
            (KeySlot.DECRYPTION, dec_template, X25519),
        ):
            fingerprint = cardkeys.compute_openpgp_fingerprint(template, algorithm, created)
            s.app.put_data(slot.fingerprint_do, fingerprint)
            s.app.put_data(slot.timestamp_do, created.to_bytes(4, "big"))
        s.app.put_data(DO_NAME, _iso_name(setup.holder))
        s.app.put_data(DO_LOGIN, login_record)

        s.app.change_reference_data(0x81, user_pin, new_user)
        s.app.change_reference_data(PW3, admin_pin, new_admin)
        return CardIdentity(
            serial=caps.serial,
            holder=setup.holder,
            role=setup.role,
            bureau_id=setup.bureau_id,
            signature_key=cardkeys.public_key_from_template(sig_template, sig_algorithm),
            decryption_key=cardkeys.public_key_from_template(dec_template, X25519),
        )

    # -- the key held: label, guard, wipe, unblock -------------------------

    @staticmethod
    def _label(s: _Session) -> KeyLabel | None:
        """The key label (DO 0101), or an unlabelled key seen in DO 7F21; no PIN needed."""
        if s.caps.private_dos:
            label = KeyLabel.from_bytes(s.app.get_data(DO_PRIVATE_1), s.caps.serial)
            if label is not None:
                return label
        if (s.app.get_data(DO_CERTIFICATE) or b"").startswith(MAGIC):
            setup = decode_login_record(s.app.get_data(DO_LOGIN))
            return KeyLabel.unlabelled(
                s.caps.serial,
                setup.holder if setup else "?",
                setup.bureau_id if setup else "?",
            )
        return None

    @staticmethod
    def _held_blob(s: _Session, *, private: bool = True) -> bool:
        """Whether a wrapped secret is stored (``private``: DO 0103 too, PW1 82 verified)."""
        if (
            private
            and s.caps.private_dos
            and (s.app.get_data(DO_PRIVATE_3) or b"").startswith(MAGIC)
        ):
            return True
        return (s.app.get_data(DO_CERTIFICATE) or b"").startswith(MAGIC)

    def read_key_label(self) -> KeyLabel | None:
        return self._run(self._label)

    def erase_key(self, pins: PinHandler) -> KeyLabel | None:
        def work(s: _Session) -> KeyLabel | None:
            label = self._label(s)
            setup = decode_login_record(s.app.get_data(DO_LOGIN))
            holder = setup.holder if setup else ""
            pin = self._ask(
                s, pins, PinKind.USER, "Code personnel actuel pour EFFACER la clé.", holder
            )
            s.app.verify(PW1_OTHER, pin)
            if s.caps.private_dos:
                s.app.put_data(DO_PRIVATE_3, b"")
                s.app.put_data(DO_PRIVATE_1, b"")
            if (s.app.get_data(DO_CERTIFICATE) or b"").startswith(MAGIC):
                admin = self._ask(
                    s, pins, PinKind.ADMIN, "Code administrateur pour EFFACER la clé.", holder
                )
                s.app.verify(PW3, admin)
                s.app.put_data(DO_CERTIFICATE, b"")
            return label

        return self._run(work)

    def unblock(self, pins: PinHandler) -> None:
        def work(s: _Session) -> None:
            setup = decode_login_record(s.app.get_data(DO_LOGIN))
            holder = setup.holder if setup else ""
            admin = self._ask(
                s, pins, PinKind.ADMIN, "Code administrateur pour débloquer la carte.", holder
            )
            s.app.verify(PW3, admin)
            new_user = _new_user_pin(s, pins, holder)
            try:
                s.app.reset_retry_counter_with_admin(new_user)
            except CardOperationError as exc:
                raise CardUnblockError(exc.technical) from exc

        self._run(work)

    def unblock_with_reset_code(self, pins: PinHandler) -> None:
        """RESET RETRY COUNTER P1=00: the resetting code and the new PIN in one command."""

        def work(s: _Session) -> None:
            setup = decode_login_record(s.app.get_data(DO_LOGIN))
            holder = setup.holder if setup else ""
            tries = s.app.pin_status().rc_tries
            if tries == 0:
                # No resetting code set (or it is blocked): nothing to ask.
                raise CardUnblockError(
                    f"card {s.caps.serial}: no usable resetting code",
                    user_message=(
                        "Cette carte n'a pas de code de déblocage utilisable (jamais défini, "
                        "ou bloqué) : débloquez-la avec son code administrateur."
                    ),
                )
            code = pins.get_pin(
                PinPrompt(PinKind.RESET, "Code de déblocage de la carte.", s.caps.serial, holder),
                tries,
            )
            new_user = _new_user_pin(s, pins, holder)
            s.app.reset_retry_counter_with_code(code, new_user)

        self._run(work)

    def set_reset_code(self, pins: PinHandler) -> None:
        """PUT DATA D3 under PW3 (§4.3.2): the resetting code, kept apart from the card."""

        def work(s: _Session) -> None:
            setup = decode_login_record(s.app.get_data(DO_LOGIN))
            holder = setup.holder if setup else ""
            admin = self._ask(
                s,
                pins,
                PinKind.ADMIN,
                "Code administrateur pour définir le code de déblocage.",
                holder,
            )
            s.app.verify(PW3, admin)
            code = pins.get_pin(
                PinPrompt(
                    PinKind.NEW_RESET,
                    "Nouveau code de déblocage de la carte (au moins 8 caractères).",
                    s.caps.serial,
                    holder,
                ),
                None,
            )
            check_pin_policy(code, PinKind.NEW_RESET)
            s.app.put_data(DO_RESETTING_CODE, code.encode("utf-8"))

        self._run(work)

    # -- signing ----------------------------------------------------------

    def sign(self, data: bytes, pins: PinHandler) -> Signature:
        def work(s: _Session) -> Signature:
            identity = self._identity(s)
            key = identity.signature_key
            pin = self._ask(s, pins, PinKind.USER, "Code personnel pour signer.", identity.holder)
            s.app.verify(PW1_SIGN, pin)
            raw = s.app.compute_signature(compute_signature_input(key.algorithm, data))
            if key.algorithm == ECDSA_P256_SHA256 and len(raw) != 64 and raw[:1] == b"\x30":
                raw = ecdsa_der_to_raw(raw)
            signature = Signature(key.key_id, key.algorithm, raw, identity.serial)
            try:
                verify_card_signature(key, data, signature)
            except CardSignatureError as exc:
                raise CardOperationError(
                    "the card returned a signature that does not verify"
                ) from exc
            return signature

        return self._run(work)

    # -- wrapped secret ---------------------------------------------------

    def wrap_secret(
        self,
        secret: bytes,
        context: WrapContext,
        pins: PinHandler,
        ceremony_id: str = "",
    ) -> None:
        def work(s: _Session) -> None:
            identity = self._identity(s)
            if context.card_serial != identity.serial:
                raise WrongCardError(f"context names card {context.card_serial}")
            blob = make_wrapped_secret(
                identity.decryption_key,
                secret,
                context,
                ephemeral_private=x25519.X25519PrivateKey.generate(),
                nonce=secrets.token_bytes(12),
            ).to_bytes()
            if s.caps.private_dos and len(blob) <= s.caps.special_do_max:
                pin = self._ask(
                    s, pins, PinKind.USER, "Code personnel pour ranger la clé.", identity.holder
                )
                s.app.verify(PW1_OTHER, pin)
                target = DO_PRIVATE_3
                held = self._label(s)
                if self._held_blob(s) and (
                    held is None or not (ceremony_id and held.ceremony_id == ceremony_id)
                ):
                    raise holds_key_error(
                        held
                        or KeyLabel.unlabelled(
                            identity.serial, identity.holder, identity.bureau_id
                        ),
                        "writing a new key",
                    )
            elif len(blob) <= s.caps.certificate_max:
                pin = self._ask(
                    s,
                    pins,
                    PinKind.ADMIN,
                    "Code administrateur pour ranger la clé.",
                    identity.holder,
                )
                s.app.verify(PW3, pin)
                target = DO_CERTIFICATE
                if self._held_blob(s, private=False):
                    raise holds_key_error(
                        KeyLabel.unlabelled(identity.serial, identity.holder, identity.bureau_id),
                        "writing a new key",
                    )
            else:
                raise DataObjectTooSmallError(
                    f"blob of {len(blob)} bytes; private DO max {s.caps.special_do_max}, "
                    f"certificate max {s.caps.certificate_max}"
                )
            s.app.put_data(target, blob)
            if s.app.get_data(target) != blob:
                raise CardOperationError(f"DO {target:04X} does not read back as written")
            if target == DO_PRIVATE_3:
                label = KeyLabel(
                    context.bureau_id,
                    context.role,
                    identity.holder,
                    context.election_key_fingerprint,
                    datetime.fromtimestamp(self.clock(), UTC).strftime("%Y-%m-%d %H:%M UTC"),
                    context.secret_kind,
                    identity.serial,
                    ceremony_id or "?",
                )
                s.app.put_data(DO_PRIVATE_1, label.to_bytes())

        self._run(work)

    def unwrap_secret(self, context: WrapContext, pins: PinHandler) -> bytearray:
        def work(s: _Session) -> bytearray:
            identity = self._identity(s)
            if context.card_serial != identity.serial:
                raise WrongCardError(f"context names card {context.card_serial}")
            pin = self._ask(
                s, pins, PinKind.USER, "Code personnel pour ouvrir la clé.", identity.holder
            )
            s.app.verify(PW1_OTHER, pin)
            blobs = []
            if s.caps.private_dos:
                blobs.append(s.app.get_data(DO_PRIVATE_3) or b"")
            blobs.append(s.app.get_data(DO_CERTIFICATE) or b"")
            candidates = [b for b in blobs if b.startswith(MAGIC)]
            if not candidates:
                raise NoWrappedSecretError(f"card {identity.serial} holds no wrapped secret")
            failure: CardError | None = None
            for blob in candidates:
                wrapped = WrappedSecret.from_bytes(blob)
                shared = s.app.decipher_ecdh(wrapped.ephemeral_public)
                try:
                    return open_wrapped_secret(wrapped, shared, identity.decryption_key, context)
                except UnwrapError as exc:
                    failure = exc
            assert failure is not None
            raise failure

        return self._run(work)

    def close(self) -> None:
        """Nothing is held between operations."""


def _new_user_pin(s: _Session, pins: PinHandler, holder: str) -> str:
    """The holder's new personal code after an unblock, checked against the PIN policy."""
    new_user = pins.get_pin(
        PinPrompt(
            PinKind.NEW_USER,
            "Choisissez votre nouveau code personnel (au moins 6 caractères).",
            s.caps.serial,
            holder,
        ),
        None,
    )
    check_pin_policy(new_user, PinKind.NEW_USER)
    return new_user
