"""`bureau verify PATH [--json]` on elections made by our code."""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

import pytest

from ceremony.verify.command import add_parser
from tests.protocol.our_election import make_our_election


def run_verify_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bureau")
    subparsers = parser.add_subparsers(dest="command")
    add_parser(subparsers)
    args = parser.parse_args(argv)
    result: int = args.handler(args)
    return result


@pytest.fixture(scope="module")
def election_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(41)
    directory = tmp_path_factory.mktemp("cmd")
    election = make_our_election(directory, rng, voters=3)
    election.cast([[0, 1, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0]], rng)
    election.tally(rng)
    return directory


def test_text_report_and_result(election_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_verify_command(["verify", str(election_dir), "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "[RÉUSSI] ballots.valid" in out and "Toutes les vérifications ont réussi." in out
    assert "Liste 1 : 2" in out and "blanc : 1" in out


def test_json_report(election_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (archive,) = election_dir.glob("*.bel")
    assert run_verify_command(["verify", str(archive), "--json", "--workers", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is True and data["result"] == [[1, 2, 0, 0]]
    assert data["details"]["questions"][0]["columns"] == ["blanc", "Liste 1", "Liste 2", "Liste 3"]


def test_failure_exits_non_zero_and_names_the_check(
    election_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (archive,) = election_dir.glob("*.bel")
    broken = tmp_path / "broken.bel"
    data = bytearray(archive.read_bytes())
    data[-600] ^= 1  # inside the last data file: its name no longer matches
    broken.write_bytes(bytes(data))
    assert run_verify_command(["verify", str(broken), "--json", "--workers", "1"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["passed"] is False and "result" not in out
    assert [c["name"] for c in out["checks"] if c["outcome"] == "failed"] == ["archive.format"]


def test_path_without_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_verify_command(["verify", str(tmp_path)]) == 1
    assert "[ÉCHEC] input.path" in capsys.readouterr().out
    (tmp_path / "a.bel").write_bytes(b"")
    shutil.copy(tmp_path / "a.bel", tmp_path / "b.bel")
    assert run_verify_command(["verify", str(tmp_path)]) == 1
