"""``bureau session open|close`` through the command-line entry, on a real store.

The bureau is opened on the simulated calendar (the engine tests' clock) instead
of the wall clock; parsing, checks, messages and the journal are the real ones.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from ceremony.cli import main
from ceremony.simulator.platform import PlatformSimulator
from ceremony.store.workstation_key import FileKeySource
from ceremony.workflow import command, rollcall
from ceremony.workflow.demo import open_simulated_bureau
from ceremony.workflow.engine import Bureau
from ceremony.workflow.session_command import PARIS
from tests.workflow.ceremony_setup import open_ceremony

MEMBERS = ["presidente", "secretaire", "del-aph", "del-inph", "del-cmh-snam"]


@pytest.fixture
def registered(
    tmp_path: Path, platform: PlatformSimulator, monkeypatch: pytest.MonkeyPatch
) -> Path:
    ceremony = open_ceremony(tmp_path, platform)
    bureau = ceremony.bureau
    bureau.confirm_platform_key(platform.platform_key_id)
    bureau.import_definition(platform.definition_bundle(), "csn")
    for card in ceremony.cards.values():
        bureau.register_member(card)
    ceremony.close()
    schedule = platform.bureau().schedule

    def simulated(args: object) -> Bureau:
        return open_simulated_bureau(
            tmp_path / "store", schedule, FileKeySource(tmp_path / "workstation-key")
        )

    monkeypatch.setattr(command, "_bureau", simulated)
    return tmp_path


def _run(folder: Path, *argv: str) -> int:
    return main(["session", *argv, "--store", str(folder / "store")])


def _journal_length(folder: Path, platform: PlatformSimulator) -> int:
    ceremony = open_ceremony(folder, platform)
    try:
        return len(ceremony.bureau.store.entries())
    finally:
        ceremony.close()


def test_session_open_refuses_bad_roll_calls_in_french(
    registered: Path, platform: PlatformSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _journal_length(registered, platform)
    assert _run(registered, "open", "sealing", "--present", *MEMBERS[:4], "del-xyz") == 1
    assert "Membre inconnu : del-xyz" in capsys.readouterr().err
    assert _run(registered, "open", "sealing", "--present", *MEMBERS[:4]) == 1
    assert "Non nommé : del-cmh-snam" in capsys.readouterr().err
    assert _run(registered, "open", "sealing", "--present", *MEMBERS, "--absent", "del-aph") == 1
    assert "nommé deux fois" in capsys.readouterr().err
    assert _run(registered, "open", "sealing", "--present", *MEMBERS, "--at", "hier") == 1
    assert "Heure illisible" in capsys.readouterr().err
    bad = ["--replaced", "secretaire"]
    assert _run(registered, "open", "sealing", "--present", *MEMBERS[:1], *MEMBERS[2:], *bad) == 1
    assert "Remplacement illisible" in capsys.readouterr().err
    assert _journal_length(registered, platform) == before


def test_session_open_and_close_record_the_roll_call(
    registered: Path, platform: PlatformSimulator, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["open", "sealing", "--present", *MEMBERS[1:3], "del-inph"]
    argv += ["--absent", "del-cmh-snam", "--replaced", "presidente=secretaire"]
    assert _run(registered, *argv) == 0
    assert "Séance de scellement ouverte" in capsys.readouterr().out
    ceremony = open_ceremony(registered, platform)
    bureau = ceremony.bureau
    call = rollcall.roll_call(bureau.state, "sealing")
    assert call is not None
    assert call.replaced == {"presidente": "secretaire"}
    assert call.absent == ("del-cmh-snam",)
    cards = list(ceremony.cards.values())
    bureau.generate_keys(cards)
    bureau.run_test_vote(cards)
    for card in ceremony.quorum():
        bureau.sign_seal(card)
    platform.accept_seal(bureau.export_seal())
    arrived = call.opened_at + timedelta(minutes=2)
    closed = bureau.store.entries()[-1].moment + timedelta(minutes=1)
    ceremony.close()
    paris = arrived.astimezone(PARIS).replace(tzinfo=None).isoformat()
    assert (
        _run(
            registered,
            "close",
            "sealing",
            "--at",
            closed.isoformat(),
            "--arrived",
            f"nobody@{paris}",
        )
        == 1
    )
    assert "Membre inconnu : nobody" in capsys.readouterr().err
    move = f"del-cmh-snam@{paris}"
    assert _run(registered, "close", "sealing", "--at", closed.isoformat(), "--arrived", move) == 0
    ceremony = open_ceremony(registered, platform)
    try:
        done = rollcall.roll_call(ceremony.bureau.state, "sealing")
        assert done is not None
        assert done.closed_at == closed
        assert [(m.member_id, m.at) for m in done.arrivals] == [("del-cmh-snam", arrived)]
        assert "del-cmh-snam" in done.present_at_close()
    finally:
        ceremony.close()


def test_session_refused_before_its_phase_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a fresh store: no definition yet, so nobody to call
    assert main(["session", "open", "sealing", "--store", str(tmp_path / "store")]) == 1
    err = capsys.readouterr().err
    assert "La séance de scellement ne peut pas être ouverte maintenant" in err
    assert "Traceback" not in err
    assert main(["session", "close", "count", "--store", str(tmp_path / "store")]) == 1
    assert "La séance de dépouillement ne peut pas être close maintenant" in capsys.readouterr().err


def test_status_names_the_roll_call_due_then_the_step_after_it(
    registered: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ["--store", str(registered / "store")]
    assert main(["status", *store]) == 0
    assert "Étape suivante : bureau session open sealing --present" in capsys.readouterr().out
    members = ["presidente", "secretaire", "del-aph", "del-inph", "del-cmh-snam"]
    assert _run(registered, "open", "sealing", "--present", *members) == 0
    capsys.readouterr()
    assert main(["status", *store]) == 0
    assert "Étape suivante : bureau keys --card" in capsys.readouterr().out
