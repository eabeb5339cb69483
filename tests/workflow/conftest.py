from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ceremony.simulator.platform import PlatformSimulator
from tests.workflow.ceremony_setup import Ceremony, build_sealed, copy_ceremony, simulator


@pytest.fixture(scope="session")
def platform() -> PlatformSimulator:
    return simulator()


@pytest.fixture(scope="session")
def sealed_template(tmp_path_factory: pytest.TempPathFactory, platform: PlatformSimulator) -> Path:
    folder = tmp_path_factory.mktemp("sealed") / "ceremony"
    folder.mkdir()
    build_sealed(folder, platform)
    return folder


@pytest.fixture
def sealed(
    tmp_path: Path, sealed_template: Path, platform: PlatformSimulator
) -> Iterator[Ceremony]:
    """A fresh copy of a sealed ceremony (vote not yet open)."""
    ceremony = copy_ceremony(sealed_template, tmp_path / "ceremony", platform)
    yield ceremony
    ceremony.close()


@pytest.fixture(scope="session")
def demo_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A complete small demo ceremony archive (run once per session).

    In BELENIOS-2048, the group belenios-tool 2.0 reads (it has no Ed25519): the
    default Ed25519 demo is checked against belenios-tool 3.3 in tests/interop33.
    """
    import io

    from ceremony.workflow.demo import run_demo
    from tests.workflow.ceremony_setup import BALLOTS, SEED, small_description

    out = tmp_path_factory.mktemp("demo") / "archive"
    run_demo(
        out,
        BALLOTS,
        seed=SEED,
        description=small_description(),
        stream=io.StringIO(),
        group="BELENIOS-2048",
    )
    return out
