"""A small real ceremony where some members hold emulated OpenPGP cards on the PC/SC stack.

The president's and the secretary's cards are emulated OpenPGP cards in the two
vpcd readers (the stack has two); the delegates hold training cards. Everything
else is the demo's real path (simulator, store, protocol), stopped after any step.
"""

from __future__ import annotations

import contextlib
import io
import secrets
import string
from dataclasses import dataclass, field
from pathlib import Path

from ceremony.cards.interface import PinKind, PinPrompt
from ceremony.cards.openpgp_card import OpenPGPCard
from ceremony.cards.pcsc import PcscReader
from ceremony.cards.training import TrainingCard
from ceremony.errors import CeremonyError
from ceremony.store.store import open_store
from ceremony.store.workstation_key import FileKeySource
from ceremony.workflow.demo import DemoPins, run_demo, store_folder
from ceremony.workflow.engine import Bureau
from ceremony.workflow.holders import PresentCard
from tests.cards.cardtools import FACTORY_ADMIN_PIN, FACTORY_USER_PIN, USED_SECRETS
from tests.pcsc_stack import PcscStack
from tests.workflow.ceremony_setup import BALLOTS, SEED, small_description


def word_pin(length: int) -> str:
    """A random PIN with letters: unlike a 6-digit one it cannot turn up by chance in the
    decimal numbers of a `.bel`, so the session's secret scan can look for it everywhere."""
    while True:
        pin = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(length))
        if any(c.isalpha() for c in pin) and any(c.isdigit() for c in pin):
            USED_SECRETS.add(pin.encode())
            return pin


@dataclass
class HolderPins:
    """A member typing codes: their own PINs, a script of wrong/cancelled ones first.

    Records every prompt (kind and message) so a test can tell what was asked."""

    user_pin: str = field(default_factory=lambda: word_pin(8))
    admin_pin: str = field(default_factory=lambda: word_pin(10))
    reset_code: str = field(default_factory=lambda: word_pin(12))
    factory: bool = True
    script: list[str | None] = field(default_factory=list)
    """Answers to the next USER prompts before the right PIN (None cancels)."""
    prompts: list[tuple[PinKind, str]] = field(default_factory=list)

    def get_pin(self, prompt: PinPrompt, tries_left: int | None) -> str:
        from ceremony.cards.errors import PinEntryCancelledError

        self.prompts.append((prompt.kind, prompt.message))
        if prompt.kind is PinKind.USER and self.script:
            answer = self.script.pop(0)
            if answer is None:
                raise PinEntryCancelledError("the holder cancelled")
            return answer
        return {
            PinKind.CURRENT_ADMIN: FACTORY_ADMIN_PIN if self.factory else self.admin_pin,
            PinKind.CURRENT_USER: FACTORY_USER_PIN if self.factory else self.user_pin,
            PinKind.NEW_USER: self.user_pin,
            PinKind.NEW_ADMIN: self.admin_pin,
            PinKind.USER: self.user_pin,
            PinKind.ADMIN: self.admin_pin,
            PinKind.RESET: self.reset_code,
            PinKind.NEW_RESET: self.reset_code,
        }[prompt.kind]

    def asked(self, kind: PinKind) -> int:
        return sum(1 for k, _ in self.prompts if k is kind)


class StopAtError(Exception):
    pass


def emulated(stack: PcscStack, reader: int, member_id: str, pins: HolderPins) -> PresentCard:
    card = stack.card(reader, serial=f"0000C{reader}0{reader}")
    return PresentCard(member_id, OpenPGPCard(PcscReader(card.reader)), pins)


def run_until(out: Path, cards: dict[str, PresentCard], step: str | None, seed: str = SEED) -> None:
    """Run (or resume) the small demo ceremony with ``cards``, stopping after ``step``."""

    def hook(name: str) -> None:
        if name == step:
            raise StopAtError(name)

    with contextlib.suppress(StopAtError):
        run_demo(
            out,
            BALLOTS,
            seed=seed,
            stream=io.StringIO(),
            description=small_description(),
            after_step=hook,
            cards=cards,
        )


def open_bureau(out: Path) -> Bureau:
    work = store_folder(out)
    return Bureau(open_store(work / "store"), key_source=FileKeySource(work / "workstation-key"))


def training(
    out: Path, member_id: str, pins: object | None = None, seed: str = SEED
) -> PresentCard:
    path = store_folder(out) / "cartes-entrainement" / f"{member_id}.card"
    return PresentCard(member_id, TrainingCard(path), pins or DemoPins(seed, member_id))  # type: ignore[arg-type]


def refusal(error: CeremonyError) -> str:
    return error.user_message
