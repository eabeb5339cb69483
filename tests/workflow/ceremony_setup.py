"""A small real ceremony for the engine's tests: training cards, simulator, real store.

The description is the shipped demo's, cut to one bureau with two contests so
a whole ceremony takes seconds; everything else (protocol, cards, bundles,
store) is the real code.
"""

from __future__ import annotations

import copy
import shutil
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from ceremony.cards.training import TrainingCard
from ceremony.simulator.description import load_description
from ceremony.simulator.platform import PlatformSimulator
from ceremony.store.workstation_key import FileKeySource
from ceremony.workflow import rollcall
from ceremony.workflow.demo import DemoPins, open_simulated_bureau
from ceremony.workflow.engine import Bureau
from ceremony.workflow.holders import PresentCard

SEED = "engine-tests"
BALLOTS = 16


def small_description() -> dict[str, Any]:
    description = copy.deepcopy(load_description())
    csn = next(b for b in description["bureaux"] if b["bureau_id"] == "csn")
    csn["contests"] = csn["contests"][:2]
    for contest in csn["contests"]:
        # Four seats: with 16 ballots the demo's six would need a drawing of lots.
        contest["seats"] = 4
    description["bureaux"] = [csn]
    return description


@dataclass
class Ceremony:
    """A bureau over a store in ``folder``, with its training cards and the platform."""

    folder: Path
    bureau: Bureau
    simulator: PlatformSimulator
    cards: dict[str, PresentCard]

    def quorum(self) -> list[PresentCard]:
        return [self.cards["presidente"], self.cards["del-aph"], self.cards["del-inph"]]

    def close(self) -> None:
        self.bureau.store.close()


def simulator() -> PlatformSimulator:
    return PlatformSimulator(seed=SEED, ballots=BALLOTS, description=small_description(), workers=2)


def open_ceremony(folder: Path, sim: PlatformSimulator) -> Ceremony:
    bureau = open_simulated_bureau(
        folder / "store", sim.bureau().schedule, FileKeySource(folder / "workstation-key")
    )
    cards: dict[str, PresentCard] = {}
    for member in sim.bureau().members:
        path = folder / f"{member.member_id}.card"
        card = TrainingCard(path) if path.exists() else TrainingCard.create(path)
        cards[member.member_id] = PresentCard(
            member.member_id, card, DemoPins(SEED, member.member_id)
        )
    return Ceremony(folder, bureau, sim, cards)


def build_sealed(folder: Path, sim: PlatformSimulator) -> None:
    """Preparation, key ceremony, test vote and seal, then close the store."""
    ceremony = open_ceremony(folder, sim)
    bureau = ceremony.bureau
    bureau.confirm_platform_key(sim.platform_key_id)
    bureau.import_definition(sim.definition_bundle(), "csn")
    for card in ceremony.cards.values():
        bureau.register_member(card)
    rollcall.open_session(bureau, "sealing", bureau.now(), list(ceremony.cards))
    bureau.generate_keys(list(ceremony.cards.values()))
    bureau.run_test_vote(list(ceremony.cards.values()))
    for card in ceremony.quorum():
        bureau.sign_seal(card)
    sim.accept_seal(bureau.export_seal())
    sealed_at = bureau.store.entries()[-1].moment
    rollcall.close_session(bureau, "sealing", sealed_at + timedelta(minutes=2))
    ceremony.close()


def open_count_session(ceremony: Ceremony, absent: tuple[str, ...] = ()) -> None:
    """The count session's roll-call (phase EXPERT): everyone present but ``absent``."""
    present = [m for m in ceremony.cards if m not in absent]
    rollcall.open_session(ceremony.bureau, "count", ceremony.bureau.now(), present, absent)


def close_count_session(ceremony: Ceremony) -> None:
    rollcall.close_session(ceremony.bureau, "count", ceremony.bureau.now())


def copy_ceremony(source: Path, target: Path, sim: PlatformSimulator) -> Ceremony:
    shutil.copytree(source, target)
    return open_ceremony(target, sim)
