"""The demo ceremony's records: 3.3 now, accepted by belenios-tool 3.3; 2.0 ones still count.

Before Bureau wrote the 3.3 threshold formats, belenios-tool 3.3 refused the
demo's `.bel` files ("Assertion failed" in its trustee check).
"""

from __future__ import annotations

import functools
import io
import json
import shutil
from pathlib import Path

import pytest

from ceremony.protocol.archive import iter_events, iter_records
from ceremony.protocol.version import FORMAT_2_0
from ceremony.verify.archive import format_archive_report, verify_ceremony_archive
from tests.conftest import BeleniosTool
from tests.interop33.conftest import BeleniosTool33


def _run_demo(out: Path) -> None:
    from ceremony.workflow.demo import run_demo
    from tests.workflow.ceremony_setup import BALLOTS, SEED, small_description

    run_demo(out, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO())


def _pedersen_certs(bel: Path) -> list[dict[str, object]]:
    for resolved in iter_events(iter_records(bel)):
        trustees = json.loads(resolved.nested["trustees"])
        (pedersen,) = [v for kind, v in trustees if kind == "Pedersen"]
        return [json.loads(c["message"]) for c in pedersen["certs"]]
    raise AssertionError("no Setup event")


@pytest.fixture(scope="module")
def demo33(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo33") / "archive"
    _run_demo(out)
    return out


@pytest.mark.belenios
def test_belenios_tool_33_accepts_every_bel_the_demo_writes(
    demo33: Path, belenios33: BeleniosTool33
) -> None:
    bels = sorted(demo33.glob("*.bel"))
    assert len(bels) == 2
    for bel in bels:
        assert all("context" in cert for cert in _pedersen_certs(bel))  # written in 3.3
        for stale in belenios33.workdir.glob("*.bel"):
            stale.unlink()
        shutil.copy(bel, belenios33.workdir / bel.name)
        proc = belenios33.run_raw(["election", "verify"])
        assert proc.returncode == 0, proc.stderr
        assert "all checks passed" in proc.stderr + proc.stdout


@pytest.mark.belenios
def test_a_ceremony_with_2_0_keys_still_counts_and_verifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, belenios: BeleniosTool
) -> None:
    # A ceremony whose keys were made in the 2.0 formats (as Bureau made them
    # before this version): its count opens the AES-CCM shares, and both the
    # expert verification and belenios-tool 2.0 accept the records. (The voters'
    # credentials are the platform's; the simulator signs in spawned workers.)
    import ceremony.workflow.keyceremony as keyceremony
    from ceremony.protocol.pedersen import make_threshold_keys

    monkeypatch.setattr(
        keyceremony, "make_threshold_keys", functools.partial(make_threshold_keys, fmt=FORMAT_2_0)
    )
    out = tmp_path / "archive"
    _run_demo(out)  # the count opens the 2.0 (AES-CCM) shares, or raises
    report = verify_ceremony_archive(out)
    assert report.passed, format_archive_report(report, "en")
    bels = sorted(out.glob("*.bel"))
    assert len(bels) == 2
    for bel in bels:
        assert not any("context" in cert for cert in _pedersen_certs(bel))  # 2.0 keys
        shutil.copy(bel, belenios.workdir / bel.name)
        belenios.run(["election", "verify"])
        (belenios.workdir / bel.name).unlink()
