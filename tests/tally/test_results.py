"""Contest results from a Belenios result, checked against belenios-tool 2.0 itself."""

from __future__ import annotations

import json
import tarfile
from fractions import Fraction
from pathlib import Path

import pytest

from ceremony.tally.common_lists import UnionShare
from ceremony.tally.errors import InconsistentCountError
from ceremony.tally.results import (
    CandidateList,
    ContestCount,
    ContestDefinition,
    ContestResult,
    compute_contest_result,
    compute_results,
)
from tests.conftest import BeleniosTool

DEFINITION = ContestDefinition(
    "csn-psy",
    "CSN — Psychiatrie",
    3,
    (
        CandidateList("L1", "Liste 1", (UnionShare("U1"),)),
        CandidateList("L2", "Liste 2", (UnionShare("U2"),)),
        CandidateList(
            "L3", "Liste 3", (UnionShare("U1", Fraction(1, 4)), UnionShare("U3", Fraction(3, 4)))
        ),
    ),
)


def test_figures_of_a_contest() -> None:
    count = ContestCount("csn-psy", registered=1000, voters_cast=300, result=(20, 150, 70, 60))
    result = compute_contest_result(DEFINITION, count)
    assert (result.registered, result.voters_cast, result.blank, result.expressed) == (
        1000,
        300,
        20,
        280,
    )
    assert result.participation == Fraction(3, 10)
    assert [(lst.votes, lst.seats) for lst in result.lists] == [(150, 2), (70, 1), (60, 0)]
    assert [(u.union, u.votes) for u in result.lists[2].union_votes] == [("U1", 15), ("U3", 45)]
    assert result.union_totals == (
        ("U1", Fraction(165)),
        ("U2", Fraction(70)),
        ("U3", Fraction(45)),
    )
    assert ContestResult.from_dict(json.loads(json.dumps(result.to_dict()))) == result


@pytest.mark.parametrize(
    "count",
    [
        ContestCount("csn-psy", 1000, 300, (20, 150, 70)),  # one list missing
        ContestCount("csn-psy", 1000, 301, (20, 150, 70, 60)),  # ballots != blank + votes
        ContestCount("csn-psy", 200, 300, (20, 150, 70, 60)),  # more votants than inscrits
        ContestCount("csn-psy", 1000, 280, (-20, 170, 70, 60)),
        ContestCount("other", 1000, 300, (20, 150, 70, 60)),
    ],
)
def test_inconsistent_counts_are_refused(count: ContestCount) -> None:
    with pytest.raises(InconsistentCountError):
        compute_contest_result(DEFINITION, count)


def test_altered_derived_figure_in_json_is_refused() -> None:
    count = ContestCount("csn-psy", 1000, 300, (20, 150, 70, 60))
    data = compute_contest_result(DEFINITION, count).to_dict()
    data["expressed"] = 281
    with pytest.raises(InconsistentCountError):
        ContestResult.from_dict(data)


def test_compute_results_matches_counts_to_contests() -> None:
    count = ContestCount("csn-psy", 1000, 300, (20, 150, 70, 60))
    assert len(compute_results([DEFINITION], [count])) == 1
    with pytest.raises(InconsistentCountError):
        compute_results([DEFINITION], [count, count])


def test_definition_round_trips() -> None:
    assert ContestDefinition.from_dict(json.loads(json.dumps(DEFINITION.to_dict()))) == DEFINITION


def _result_payload(bel: Path) -> dict[str, object]:
    with tarfile.open(bel) as tar:
        for member in tar.getmembers():
            handle = tar.extractfile(member)
            if handle is None:
                continue
            try:
                data = json.loads(handle.read())
            except ValueError:
                continue
            if isinstance(data, dict) and "result" in data:
                return data
    raise AssertionError("no Result payload in the archive")


@pytest.mark.belenios
def test_belenios_result_layout_is_blank_first(belenios: BeleniosTool, tmp_path: Path) -> None:
    """A real belenios-tool 2.0 election: 2 blank, 1 for list 1, 2 for list 3."""
    work = belenios.workdir
    uuid = belenios.run(["setup", "generate-token"]).strip()
    group = ["--group", "BELENIOS-2048"]
    (work / "voters.txt").write_text("".join(f"v{i}@x,v{i},1\n" for i in range(5)))
    belenios.run(["setup", "generate-credentials", "--uuid", uuid, *group, "--file", "voters.txt"])
    next(work.glob("*.pubcreds")).rename(work / "public_creds.json")
    privcreds = next(work.glob("*.privcreds"))
    belenios.run(["setup", "generate-trustee-key", *group])
    (work / "public_keys.jsons").write_text(next(work.glob("*.pubkey")).read_text())
    belenios.run(["setup", "make-trustees"])
    template = {
        "description": "d",
        "name": "CSN Psychiatrie",
        "questions": [
            {
                "answers": ["Liste 1", "Liste 2", "Liste 3"],
                "blank": True,
                "min": 1,
                "max": 1,
                "question": "q",
            }
        ],
    }
    (work / "template.json").write_text(json.dumps(template))
    belenios.run(["setup", "make-election", "--uuid", uuid, *group, "--template", "template.json"])
    belenios.run(["archive", "init"])
    # Plaintext answers: [blank flag, list 1, list 2, list 3].
    plain = ["[[1,0,0,0]]", "[[0,1,0,0]]", "[[0,0,0,1]]", "[[1,0,0,0]]", "[[0,0,0,1]]"]
    for line, vote in zip(privcreds.read_text().splitlines(), plain, strict=True):
        cred = line.split()[1]
        (tmp_path / "cred").write_text(cred + "\n")
        (tmp_path / "vote").write_text(vote + "\n")
        ballot = belenios.run(
            [
                "election",
                "generate-ballot",
                "--privcred",
                str(tmp_path / "cred"),
                "--ballot",
                str(tmp_path / "vote"),
            ]
        )
        belenios.run(["archive", "add-event", "--type=Ballot"], stdin=ballot)
    belenios.run(["archive", "add-event", "--type=EndBallots"], stdin="")
    tally = belenios.run(["election", "compute-encrypted-tally"])
    belenios.run(["archive", "add-event", "--type=EncryptedTally"], stdin=tally)
    privkey = next(work.glob("*.privkey"))
    partial = belenios.run(["election", "decrypt", "--privkey", privkey.name, "--trustee-id", "1"])
    belenios.run(["archive", "add-event", "--type=PartialDecryption"], stdin=partial)
    result_json = belenios.run(["election", "compute-result"])
    belenios.run(["archive", "add-event", "--type=Result"], stdin=result_json)
    belenios.run(["election", "verify"])

    payload = _result_payload(work / f"{uuid}.bel")
    assert payload["result"] == [[2, 1, 0, 2]]
    count = ContestCount.from_belenios_result("csn-psy", 5, 5, payload)
    result = compute_contest_result(DEFINITION, count)
    assert result.blank == 2
    assert [lst.votes for lst in result.lists] == [1, 0, 2]
    # 3 exprimés, 3 seats, quotient 1: L1 -> 1, L3 -> 2.
    assert [lst.seats for lst in result.lists] == [1, 0, 2]


def test_results_document_verifies_and_detects_altered_seats() -> None:
    from dataclasses import replace

    from ceremony.tally.results import results_from_dict, results_to_dict, verify_contest_result

    count = ContestCount("csn-psy", 1000, 300, (20, 150, 70, 60))
    result = compute_contest_result(DEFINITION, count)
    (back,) = results_from_dict(json.loads(json.dumps(results_to_dict([result]))))
    verify_contest_result(DEFINITION, back)
    # Move a seat from list 1 to list 2 in the (signed) document: the recount disagrees.
    lists = (replace(back.lists[0], seats=1), replace(back.lists[1], seats=2), back.lists[2])
    with pytest.raises(InconsistentCountError):
        verify_contest_result(DEFINITION, replace(back, lists=lists))
    # A changed vote count also changes the recomputed allocation.
    with pytest.raises(InconsistentCountError):
        verify_contest_result(
            DEFINITION, replace(back, lists=(replace(back.lists[0], votes=10), *back.lists[1:]))
        )
