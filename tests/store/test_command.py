"""``bureau journal verify`` / ``export`` through their argparse wiring."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from ceremony.store import command
from ceremony.store.store import Store
from ceremony.store.workstation_key import FileKeySource, WorkstationKey, load_workstation_key
from tests.store.conftest import fill, tamper


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="bureau")
    command.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    result: int = args.handler(args)
    return result


@pytest.fixture
def workstation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WorkstationKey:
    """This workstation's key, in the key-file fallback of a private data dir."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(
        command, "default_key_source", lambda *_folder: FileKeySource(tmp_path / "k.hex")
    )
    key = load_workstation_key(FileKeySource(tmp_path / "k.hex"))
    assert key is not None
    return key


@pytest.fixture
def closed_store(store: Store, store_dir: Path, workstation: WorkstationKey) -> Path:
    fill(store, 3)
    store.make_checkpoint(workstation)
    fill(store, 1, phase="seal")
    store.close()
    return store_dir


def test_verify_accepts_an_intact_store(
    closed_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run("journal", "verify", "--store", str(closed_store)) == 0
    out = capsys.readouterr().out
    assert "Journal intègre : 4 entrées" in out
    assert "1 entrée après le dernier point de contrôle n'est protégée" in out
    assert "protection plus faible" in out  # the key-file fallback is said to be weaker


def test_verify_names_the_tampered_entry(
    closed_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(closed_store, "UPDATE journal_entries SET phase = 'count' WHERE sequence = 2")
    assert _run("journal", "verify", "--store", str(closed_store)) == 1
    err = capsys.readouterr().err
    assert "ÉCHEC (entrée 2)" in err
    assert "JournalEntryModifiedError" in err


def test_verify_json_output(closed_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tamper(closed_store, "DELETE FROM journal_entries WHERE sequence = 4")
    assert _run("journal", "verify", "--store", str(closed_store), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True  # entry 4 was after the last checkpoint: nothing signed it
    assert report["entries"] == 3
    tamper(closed_store, "DELETE FROM journal_entries WHERE sequence = 3")
    assert _run("journal", "verify", "--store", str(closed_store), "--json") == 1
    failure = json.loads(capsys.readouterr().out)
    assert (failure["ok"], failure["error"], failure["sequence"]) == (
        False,
        "JournalTruncatedError",
        3,
    )


def test_export_then_verify_the_file(
    closed_store: Path, workstation: WorkstationKey, tmp_path: Path
) -> None:
    out = tmp_path / "journal.jsonl"
    assert _run("journal", "export", "--store", str(closed_store), "--out", str(out)) == 0
    assert _run("journal", "verify", "--file", str(out)) == 0
    assert (
        _run("journal", "verify", "--file", str(out), "--public-key", workstation.public_key) == 0
    )
    assert _run("journal", "verify", "--file", str(out), "--public-key", "ab" * 32) == 1
    assert _run("journal", "verify", "--file", str(out), "--signed-head") == 1  # entry 4 unsigned
    out.write_bytes(out.read_bytes().replace(b'"step":1', b'"step":5'))
    assert _run("journal", "verify", "--file", str(out)) == 1


def test_a_checkpoint_not_by_this_workstation_fails_verification(
    store: Store, store_dir: Path, workstation: WorkstationKey, tmp_path: Path
) -> None:
    other = load_workstation_key(FileKeySource(tmp_path / "other.hex"))
    assert other is not None
    fill(store, 1)
    store.make_checkpoint(workstation)
    fill(store, 1)
    store.make_checkpoint(other)  # e.g. forged on another machine, its key recorded
    store.close()
    assert _run("journal", "verify", "--store", str(store_dir)) == 1


def test_journal_without_action_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("journal") == 2
    assert "verify" in capsys.readouterr().out
