"""A sealed ceremony made once by the real engine: the seal the simulator's urns answer to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from ceremony.bundles.importer import ImportContext
from ceremony.bundles.payloads.seal import SealPayload
from ceremony.simulator.platform import PlatformSimulator
from tests.workflow.ceremony_setup import build_sealed, open_ceremony, simulator


@dataclass(frozen=True)
class Sealed:
    """What the platform holds once the bureau's seal is accepted."""

    simulator: PlatformSimulator
    seal: SealPayload
    trustees: bytes
    elections: dict[str, bytes]
    context: ImportContext
    """The bureau's import context right after sealing (platform key, contests, fingerprints)."""


@pytest.fixture(scope="session")
def sealed(tmp_path_factory: pytest.TempPathFactory) -> Sealed:
    folder = tmp_path_factory.mktemp("simulator-sealed") / "ceremony"
    folder.mkdir()
    sim = simulator()
    build_sealed(folder, sim)
    ceremony = open_ceremony(folder, sim)
    try:
        bureau = ceremony.bureau
        state = bureau.state
        assert state.keys is not None
        store = bureau.store
        return Sealed(
            sim,
            bureau.sealed(state),
            store.get_blob(state.keys["trustees"]),
            {uuid: store.get_blob(blob) for uuid, blob in state.keys["elections"].items()},
            bureau.import_context(state),
        )
    finally:
        ceremony.close()


def urn_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    folder.mkdir()
    return folder
