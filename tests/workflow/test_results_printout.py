"""`bureau count` and `bureau recount` print each list's votes under its name."""

from __future__ import annotations

import pytest

from ceremony.workflow.recount_command import print_results


def test_votes_are_printed_under_the_lists_names(capsys: pytest.CaptureFixture[str]) -> None:
    print_results(
        "Résultats :",
        {"u1": [3, 128, 100, 0]},
        {"u1": "Psychiatrie"},
        {"u1": ["Action Praticiens Hôpital", "INPH", "Jeunes Médecins"]},
    )
    out = capsys.readouterr().out
    assert "Psychiatrie : blancs 3 ; Action Praticiens Hôpital : 128 ; INPH : 100 ;" in out
    assert "Jeunes Médecins : 0" in out and "liste 1" not in out
