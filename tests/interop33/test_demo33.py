"""The demo ceremony's records: 3.3 in Ed25519 by default, accepted by belenios-tool 3.3;
ceremonies begun in BELENIOS-2048 or with 2.0 keys still count and verify.

Before Bureau wrote the 3.3 threshold formats, belenios-tool 3.3 refused the
demo's `.bel` files ("Assertion failed" in its trustee check); before the
definition chose the group, the demo ran in BELENIOS-2048 only.
"""

from __future__ import annotations

import functools
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from ceremony.cli import main
from ceremony.protocol.archive import (
    PendingEvent,
    iter_events,
    iter_records,
    read_header,
    write_archive,
)
from ceremony.protocol.version import FORMAT_2_0
from ceremony.simulator.urn import tamper_ballot
from ceremony.verify.archive import format_archive_report, verify_ceremony_archive
from tests.conftest import BeleniosTool
from tests.interop33.conftest import BeleniosTool33


def _run_demo(out: Path, group: str | None = None) -> None:
    from ceremony.workflow.demo import run_demo
    from tests.workflow.ceremony_setup import BALLOTS, SEED, small_description

    run_demo(
        out, BALLOTS, seed=SEED, description=small_description(), stream=io.StringIO(), group=group
    )


def _election(bel: Path) -> dict[str, Any]:
    for resolved in iter_events(iter_records(bel)):
        election: dict[str, Any] = json.loads(resolved.nested["election"])
        return election
    raise AssertionError("no Setup event")


def _setup_only_and_ballots(bel: Path, target: Path) -> list[bytes]:
    """Write the record cut after its Setup event to ``target``; return its ballots.

    belenios-tool's ``election verify`` does not wait for its ballot checks, and
    its ``verify-ballot`` refuses a ballot already in the record (DuplicateBallot):
    each ballot is checked fully against the record as it stood before any vote.
    """
    events = list(iter_events(iter_records(bel)))
    setup = events[0]
    assert setup.event.type == "Setup" and setup.payload is not None
    files = tuple(setup.nested[key] for key in setup.nested)
    write_archive(target, read_header(bel), [PendingEvent("Setup", (*files, setup.payload))])
    return [e.payload for e in events if e.event.type == "Ballot" and e.payload is not None]


def _pedersen_certs(bel: Path) -> list[dict[str, object]]:
    for resolved in iter_events(iter_records(bel)):
        trustees = json.loads(resolved.nested["trustees"])
        (pedersen,) = [v for kind, v in trustees if kind == "Pedersen"]
        return [json.loads(c["message"]) for c in pedersen["certs"]]
    raise AssertionError("no Setup event")


@pytest.fixture(scope="module")
def demo33(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo33") / "archive"
    _run_demo(out)  # the group the shipped description chooses: Ed25519
    return out


@pytest.mark.belenios
def test_belenios_tool_33_accepts_every_bel_the_demo_writes(
    demo33: Path, belenios33: BeleniosTool33
) -> None:
    bels = sorted(demo33.glob("*.bel"))
    assert len(bels) == 2
    for bel in bels:
        assert _election(bel)["group"] == "Ed25519"  # the demo's default group
        assert all("context" in cert for cert in _pedersen_certs(bel))  # written in 3.3
        for stale in belenios33.workdir.glob("*.bel"):
            stale.unlink()
        shutil.copy(bel, belenios33.workdir / bel.name)
        proc = belenios33.run_raw(["election", "verify"])
        assert proc.returncode == 0, proc.stderr
        assert "all checks passed" in proc.stderr + proc.stdout


@pytest.mark.belenios
def test_belenios_tool_33_accepts_every_ballot_of_the_demo(
    demo33: Path, belenios33: BeleniosTool33
) -> None:
    checked = 0
    for bel in sorted(demo33.glob("*.bel")):
        record = belenios33.workdir / bel.stem
        record.mkdir()
        ballots = _setup_only_and_ballots(bel, record / bel.name)
        for ballot in ballots:
            (belenios33.workdir / "ballot.json").write_bytes(ballot + b"\n")
            proc = belenios33.run_raw(
                ["election", "verify-ballot", "--dir", str(record), "--ballot", "ballot.json"]
            )
            assert proc.returncode == 0, proc.stderr
            checked += 1
        assert ballots
    # The check can fail: an altered demo ballot is refused by the same command.
    (belenios33.workdir / "ballot.json").write_bytes(tamper_ballot(ballots[0]) + b"\n")
    proc = belenios33.run_raw(
        ["election", "verify-ballot", "--dir", str(record), "--ballot", "ballot.json"]
    )
    assert proc.returncode != 0 and "Invalid" in proc.stderr, proc.stderr
    assert checked >= 2


def test_bureau_verify_passes_the_demo_archive(
    demo33: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify", str(demo33), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["passed"] is True


@pytest.mark.belenios
def test_a_ceremony_begun_in_2_0_formats_and_2048_still_counts_and_verifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, belenios: BeleniosTool
) -> None:
    # A ceremony as Bureau ran them before this version: a definition without a
    # ``group`` field (so BELENIOS-2048), keys made in the 2.0 formats. The
    # engine takes the group from that definition, the count opens the AES-CCM
    # shares, and both the expert verification and belenios-tool 2.0 accept the
    # records. (The voters' credentials are the platform's; the simulator signs
    # in spawned workers.)
    import ceremony.simulator.description as description
    import ceremony.workflow.keyceremony as keyceremony
    from ceremony.protocol.pedersen import make_threshold_keys

    monkeypatch.setattr(
        keyceremony, "make_threshold_keys", functools.partial(make_threshold_keys, fmt=FORMAT_2_0)
    )
    # The platform's credentials in BELENIOS-2048; the definition written without the field.
    monkeypatch.setattr(description, "description_group", lambda _description: None)
    out = tmp_path / "archive"
    _run_demo(out, group="BELENIOS-2048")  # the count opens the 2.0 (AES-CCM) shares, or raises
    with zipfile.ZipFile(out / "bundles" / "definition.zip") as bundle:
        assert "group" not in json.loads(bundle.read("definition.json"))
    report = verify_ceremony_archive(out)
    assert report.passed, format_archive_report(report, "en")
    bels = sorted(out.glob("*.bel"))
    assert len(bels) == 2
    for bel in bels:
        assert _election(bel)["group"] == "BELENIOS-2048"
        assert not any("context" in cert for cert in _pedersen_certs(bel))  # 2.0 keys
        shutil.copy(bel, belenios.workdir / bel.name)
        belenios.run(["election", "verify"])
        (belenios.workdir / bel.name).unlink()
