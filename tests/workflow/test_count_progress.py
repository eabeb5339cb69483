"""The count reports each of its steps, up to the total, and the results stay the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ceremony.workflow.count import ARCHIVE, DECRYPTION, RESULT
from ceremony.workflow.phases import Action, Phase
from tests.workflow.ceremony_setup import Ceremony, copy_ceremony, open_count_session
from tests.workflow.test_preconditions import statuses, urn


def _to_count(ceremony: Ceremony) -> None:
    votes = ceremony.simulator.cast_votes()
    for status in statuses(ceremony, votes):
        ceremony.bureau.import_status(status)
    ceremony.bureau.import_urn(urn(ceremony, votes))
    open_count_session(ceremony)
    ceremony.bureau.record_expert("Expert", "Aucune altération constatée.", no_alteration=True)
    assert ceremony.bureau.phase is Phase.COUNT


def _details(ceremony: Ceremony) -> dict[str, Any]:
    (entry,) = [e for e in ceremony.bureau.store.entries() if e.action == Action.COUNT_DONE.value]
    return dict(entry.details)


def test_the_count_reports_every_step_and_gives_the_same_results(
    sealed: Ceremony, sealed_template: Path, platform: Any, tmp_path: Path
) -> None:
    twin = copy_ceremony(sealed_template, tmp_path / "twin", platform)
    try:
        _to_count(sealed)
        _to_count(twin)
        calls: list[tuple[str, int, int]] = []
        reported = sealed.bureau.count(sealed.quorum(), progress=lambda *call: calls.append(call))
        silent = twin.bureau.count(twin.quorum())

        contests = len(reported.results)
        shares = 3  # the president's card and the two delegates' of the quorum
        total = contests * (shares + 2)
        assert [done for _step, done, _total in calls] == list(range(1, total + 1))
        assert {t for _step, _done, t in calls} == {total}
        assert [step for step, _done, _total in calls] == (
            [DECRYPTION] * (contests * shares) + [RESULT] * contests + [ARCHIVE] * contests
        )

        assert {u: r.result for u, r in reported.results.items()} == {
            u: r.result for u, r in silent.results.items()
        }
        assert reported.figures == silent.figures
        # The journal entry says the same with or without a progress callback.
        assert _details(sealed).keys() == _details(twin).keys()
        for key in ("results", "figures", "lot_seed"):
            assert _details(sealed)[key] == _details(twin)[key]
    finally:
        twin.close()
