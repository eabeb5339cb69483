"""A crash anywhere resumes at the last completed step and ends with the same results.

The demo runs in a child process that is killed with SIGKILL inside a journal
append (inside the step's transaction, before commit), then rerun, and so on:
each rerun completes the interrupted step and dies inside the next, so every
step of the ceremony is interrupted once. The results must equal those of an uninterrupted
run, and the journal must verify.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ceremony.store.export import verify_journal_export

ROOT = Path(__file__).resolve().parents[2]


def run(folder: Path, kill_at: int) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.workflow.kill_driver", str(folder), str(kill_at)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if "COMPLETED" in proc.stdout:
        assert proc.returncode == 0, proc.stderr
        return "COMPLETED"
    assert proc.returncode == -9, f"exit {proc.returncode}: {proc.stderr[-2000:]}"
    assert "KILLED in" in proc.stdout
    return proc.stdout.strip().split("KILLED in ")[-1]


@pytest.mark.slow
def test_killed_in_every_step_resumes_to_the_same_results(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    assert run(reference, 0) == "COMPLETED"

    resumed = tmp_path / "resumed"
    # The first run dies inside its first step; each later run redoes the step that
    # was interrupted (its first append) and dies inside the next one (its second).
    interrupted: list[str] = [run(resumed, 1)]
    for _ in range(80):
        outcome = run(resumed, 2)
        if outcome == "COMPLETED":
            break
        interrupted.append(outcome)
    else:
        pytest.fail("the demo never completed")

    # Every kind of step was interrupted once at least.
    expected_actions = {
        "platform_key.confirmed",
        "definition.imported",
        "member.registered",
        "keys.generated",
        "test_vote.passed",
        "seal.signed",
        "seal.exported",
        "status.imported",
        "urn.imported",
        "expert.recorded",
        "count.done",
        "pv.made",
        "pv.signed",
        "results.exported",
        "archive.exported",
    }
    assert expected_actions <= set(interrupted), set(interrupted) ^ expected_actions

    def results(folder: Path) -> object:
        data = json.loads((folder / "results.json").read_text(encoding="utf-8"))
        return [
            (
                c["contest_id"],
                c["blank"],
                [(x["list_id"], x["votes"], x["seats"]) for x in c["lists"]],
            )
            for c in data["contests"]
        ]

    assert results(resumed) == results(reference)
    report = verify_journal_export((resumed / "journal.jsonl").read_bytes())
    assert report.checkpoints >= 1 and report.unsigned_tail == 0
    # One entry per completed step: the interrupted attempts left nothing behind.
    reference_report = verify_journal_export((reference / "journal.jsonl").read_bytes())
    assert report.entries == reference_report.entries
