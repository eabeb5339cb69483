"""A perfect tie for the last seat: the drawing of lots happens inside the count, by
commit-reveal among the members present, commitments journaled before any reveal."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from ceremony.cards.training import TrainingCard
from ceremony.store.store import open_store
from ceremony.store.workstation_key import FileKeySource
from ceremony.tally.lots import compute_lot_order
from ceremony.workflow.demo import DemoPins, run_demo, store_folder
from ceremony.workflow.engine import Bureau
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.lots_draw import LotDrawError, compute_commitment, compute_seed
from ceremony.workflow.phases import Action
from tests.workflow.ceremony_setup import BALLOTS, small_description

TIE_SEED = "tie-1"
"""A simulator seed whose small ceremony ends on a perfect tie (lists aph, inph, cmh-snam)."""


class _StopError(Exception):
    pass


def _until_count(out: Path) -> Bureau:
    def hook(name: str) -> None:
        if name == "expert":
            raise _StopError

    with contextlib.suppress(_StopError):
        run_demo(
            out,
            BALLOTS,
            seed=TIE_SEED,
            description=small_description(),
            stream=io.StringIO(),
            after_step=hook,
        )
    work = store_folder(out)
    return Bureau(open_store(work / "store"), key_source=FileKeySource(work / "workstation-key"))


def _quorum(out: Path) -> list[PresentCard]:
    folder = store_folder(out) / "cartes-entrainement"
    return [
        PresentCard(m, TrainingCard(folder / f"{m}.card"), DemoPins(TIE_SEED, m))
        for m in ("presidente", "del-aph", "del-inph")
    ]


def test_a_tie_is_drawn_inside_the_count_by_commit_then_reveal(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    bureau = _until_count(out)
    try:
        values = {"presidente": "dés 4 2 6 1", "del-aph": "boule 17 et 3", "del-inph": "x9q!mz0p"}
        seen: list[tuple[str, bool, int]] = []
        messages: list[str] = []

        def ask(member_id: str, message: str, hidden: bool) -> str:
            messages.append(message)
            journal = [e.action for e in bureau.store.entries()]
            seen.append((member_id, hidden, journal.count(Action.LOTS_COMMITTED)))
            return values[member_id]

        outcome = bureau.count(_quorum(out), lots=ask)
        # every value committed (hidden) before the commitments were journaled, then revealed
        assert [s[:2] for s in seen] == [(m, True) for m in values] + [(m, False) for m in values]
        assert all(committed == 0 for _, hidden, committed in seen if hidden)
        assert all(committed == 1 for _, hidden, committed in seen if not hidden)
        entries = bureau.store.entries()
        actions = [e.action for e in entries]
        committed = actions.index(Action.LOTS_COMMITTED)
        revealed = actions.index(Action.LOTS_REVEALED)
        assert committed < revealed < actions.index(Action.COUNT_DONE)
        commitments = entries[committed].details["commitments"]
        assert commitments == {m: compute_commitment(m, v) for m, v in values.items()}
        assert not any(v in str(entries[committed].details) for v in values.values())
        seed = compute_seed(values)
        assert entries[revealed].details["seed"] == seed == outcome.lot_seed
        assert bureau.state.count is not None and bureau.state.count["lot_seed"] == seed
        tied = tuple(entries[committed].details["tied_lists"])
        drawn = [f for f in outcome.figures if f.allocation.lot_seed]
        assert drawn and all(f.allocation.lot_seed == seed for f in drawn)
        order = compute_lot_order(seed, drawn[0].contest_id, tied)
        assert order[0] in tied
        # The members are told which lists are tied by their names, never by identifiers.
        names = {c.list_id: c.name for k in bureau.bureau_definition().contests for c in k.lists}
        assert all(f"« {names[list_id]} »" in messages[0] for list_id in tied)
        assert f"({', '.join(tied)})" not in messages[0]
    finally:
        bureau.store.close()


def test_a_revealed_value_that_differs_from_its_commitment_stops_the_count(
    tmp_path: Path,
) -> None:
    out = tmp_path / "archive"
    bureau = _until_count(out)
    try:
        answers = {"presidente": ["valeur-une", "valeur-une"], "del-aph": ["aaaa-bbbb", "changée!"]}
        answers["del-inph"] = ["zzzz-1234", "zzzz-1234"]

        def ask(member_id: str, message: str, hidden: bool) -> str:
            return answers[member_id].pop(0)

        with pytest.raises(LotDrawError):
            bureau.count(_quorum(out), lots=ask)
        actions = [e.action for e in bureau.store.entries()]
        assert Action.LOTS_COMMITTED in actions
        assert Action.LOTS_REVEALED not in actions and Action.COUNT_DONE not in actions
        assert bureau.state.count is None
    finally:
        bureau.store.close()
