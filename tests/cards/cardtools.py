"""Helpers shared by the card integration tests: fresh PINs and secrets, initialisation."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from ceremony.cards.interface import CardIdentity, CardSetup, PinKind, WrapContext
from ceremony.cards.openpgp_card import OpenPGPCard
from ceremony.cards.pcsc import PcscReader
from tests.cards.pins import ScriptedPins
from tests.pcsc_stack import VirtualCard

FACTORY_USER_PIN = "123456"
FACTORY_ADMIN_PIN = "12345678"

USED_SECRETS: set[bytes] = set()
"""Every PIN and secret made by these helpers in this session, for the leak scan."""


def _remember(value: bytes) -> bytes:
    USED_SECRETS.add(value)
    return value


def fresh_pin(digits: int) -> str:
    """A random PIN, never trivial, so a scan for it in files is meaningful."""
    while True:
        pin = "".join(secrets.choice("0123456789") for _ in range(digits))
        if len(set(pin)) > 3:
            _remember(pin.encode())
            return pin


def fresh_secret() -> bytes:
    """A random, recognisable stand-in for a Belenios seed."""
    return _remember(b"seed:" + secrets.token_hex(24).encode())


@dataclass
class Member:
    """A key holder in a test: their PINs, and every secret the test used."""

    holder: str
    role: str
    bureau_id: str = "bureau-test-1"
    user_pin: str = field(default_factory=lambda: fresh_pin(6))
    admin_pin: str = field(default_factory=lambda: fresh_pin(8))

    def init_pins(self) -> ScriptedPins:
        return ScriptedPins(
            {
                PinKind.CURRENT_ADMIN: [FACTORY_ADMIN_PIN],
                PinKind.CURRENT_USER: [FACTORY_USER_PIN],
                PinKind.NEW_USER: [self.user_pin],
                PinKind.NEW_ADMIN: [self.admin_pin],
            }
        )

    def pins(self) -> ScriptedPins:
        return ScriptedPins({PinKind.USER: [self.user_pin], PinKind.ADMIN: [self.admin_pin]})

    def setup(self) -> CardSetup:
        return CardSetup(self.holder, self.role, self.bureau_id)

    def context(self, identity: CardIdentity, kind: str = "belenios-single-key") -> WrapContext:
        return WrapContext(self.bureau_id, self.role, identity.serial, "fp-election-key-1", kind)


def client_for(card: VirtualCard) -> OpenPGPCard:
    return OpenPGPCard(PcscReader(card.reader))


def initialise(card: VirtualCard, member: Member) -> tuple[OpenPGPCard, CardIdentity]:
    client = client_for(card)
    identity = client.initialise(member.setup(), member.init_pins())
    return client, identity
