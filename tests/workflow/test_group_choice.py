"""The definition chooses the Belenios group; the engine takes it from there."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ceremony.protocol.election import Election
from ceremony.simulator.platform import PlatformSimulator
from tests.workflow.ceremony_setup import BALLOTS, SEED, open_ceremony, small_description


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [(None, "Ed25519"), ("Ed25519", "Ed25519"), ("BELENIOS-2048", "BELENIOS-2048")],
)
def test_the_engine_takes_the_group_of_the_imported_definition(
    tmp_path: Path, chosen: str | None, expected: str
) -> None:
    sim = PlatformSimulator(
        seed=SEED, ballots=BALLOTS, description=small_description(), workers=1, group=chosen
    )
    assert sim.definition.group == expected  # new ceremonies: Ed25519 unless chosen otherwise
    ceremony = open_ceremony(tmp_path, sim)
    try:
        bureau = ceremony.bureau
        bureau.confirm_platform_key(sim.platform_key_id)
        bureau.import_definition(sim.definition_bundle(), "csn")
        assert bureau.group.name == expected
    finally:
        ceremony.close()


def test_the_keys_and_elections_are_made_in_the_definition_s_group(tmp_path: Path) -> None:
    # The default definition is in Ed25519: the key ceremony and the elections follow it.
    sim = PlatformSimulator(seed=SEED, ballots=BALLOTS, description=small_description(), workers=1)
    ceremony = open_ceremony(tmp_path, sim)
    try:
        bureau = ceremony.bureau
        bureau.confirm_platform_key(sim.platform_key_id)
        bureau.import_definition(sim.definition_bundle(), "csn")
        for card in ceremony.cards.values():
            bureau.register_member(card)
        bureau.generate_keys(list(ceremony.cards.values()))
        state = bureau.state
        assert state.keys is not None
        groups = {
            Election.from_bytes(bureau.store.get_blob(blob)).group.name
            for blob in state.keys["elections"].values()
        }
        assert groups == {"Ed25519"}
        trustees = json.loads(bureau.store.get_blob(state.keys["trustees"]))
        singles = [item for kind, item in trustees if kind == "Single"]
        assert singles and all(re.fullmatch("[0-9a-f]{64}", s["public_key"]) for s in singles)
    finally:
        ceremony.close()
