"""A perfect tie for the last seat: the drawing of lots happens inside the count, by
commit-reveal among the members present, commitments journaled before any reveal."""

from __future__ import annotations

import contextlib
import hashlib
import io
from pathlib import Path

import pytest

from ceremony.cards.interface import CardIdentity, Signature, verify_card_signature
from ceremony.cards.training import TrainingCard
from ceremony.errors import CeremonyError
from ceremony.store.store import open_store
from ceremony.store.workstation_key import FileKeySource
from ceremony.tally.lots import compute_lot_order
from ceremony.workflow.demo import DemoPins, run_demo, store_folder
from ceremony.workflow.engine import Bureau
from ceremony.workflow.holders import PresentCard
from ceremony.workflow.lots_draw import (
    LotDrawError,
    PhysicalLots,
    compute_commitment,
    compute_seed,
    physical_record,
)
from ceremony.workflow.phases import Action
from ceremony.workflow.pv_card_events import card_event_rows
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
        # ... and so does the PV's row for the drawing.
        from ceremony.workflow.pv_events import pv_events

        rows = [e.text for e in pv_events(bureau, bureau.state, entries) if e.kind == "lot_drawing"]
        lists = " ; ".join(names[list_id] for list_id in tied)
        assert any(f"égalité parfaite ({lists})" in row for row in rows), rows
    finally:
        bureau.store.close()


def test_a_revealed_value_that_differs_from_its_commitment_stops_the_count(
    tmp_path: Path,
) -> None:
    out = tmp_path / "archive"
    bureau = _until_count(out)
    try:
        answers = {"presidente": ["valeur-une", "valeur-une"]}
        answers["del-aph"] = ["aaaa-bbbb", "changée!", "aaaa-bbbX", "encore faux"]
        answers["del-inph"] = ["zzzz-1234", "zzzz-1234"]

        def ask(member_id: str, message: str, hidden: bool) -> str:
            return answers[member_id].pop(0)

        with pytest.raises(LotDrawError) as caught:
            bureau.count(_quorum(out), lots=ask)
        assert "(3 essais)" in caught.value.user_message
        holder = next(
            m.name for m in bureau.bureau_definition().members if m.member_id == "del-aph"
        )
        assert holder in caught.value.user_message
        actions = [e.action for e in bureau.store.entries()]
        assert Action.LOTS_COMMITTED in actions
        assert Action.LOTS_REVEALED not in actions and Action.COUNT_DONE not in actions
        assert bureau.state.count is None
    finally:
        bureau.store.close()


def test_a_typo_at_the_reveal_is_retyped_and_the_count_goes_on(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    bureau = _until_count(out)
    try:
        answers = {"presidente": ["court", "valeur-une", "valeur-une"]}
        answers["del-aph"] = ["aaaa-bbbb", "aaaa-bbbX", "aaaa-bbbb"]
        answers["del-inph"] = ["zzzz-1234", "zzzz-1234"]
        messages: list[str] = []

        def ask(member_id: str, message: str, hidden: bool) -> str:
            messages.append(message)
            return answers[member_id].pop(0)

        outcome = bureau.count(_quorum(out), lots=ask)
        assert outcome.lot_seed == compute_seed(
            {"presidente": "valeur-une", "del-aph": "aaaa-bbbb", "del-inph": "zzzz-1234"}
        )
        assert any("Valeur trop courte" in m for m in messages)
        assert any("ne correspond pas à celle que vous avez engagée" in m for m in messages)
        assert bureau.state.count is not None
    finally:
        bureau.store.close()


def test_a_tie_drawn_physically_in_public_is_entered_and_countersigned(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    bureau = _until_count(out)
    try:
        typed = {
            "presidente": ["trois dés lancés par la présidente devant l'assemblée", "4  2 6"],
            "del-aph": ["4 2 6"],
            "del-inph": [" 4 2 6 "],
        }
        asked: list[tuple[str, bool]] = []

        def ask(member_id: str, message: str, hidden: bool) -> str:
            asked.append((member_id, hidden))
            return typed[member_id].pop(0)

        outcome = bureau.count(_quorum(out), lots=PhysicalLots(ask))
        # the first member describes and enters, every other present member confirms, openly
        assert asked == [("presidente", False)] * 2 + [("del-aph", False), ("del-inph", False)]
        entries = bureau.store.entries()
        actions = [e.action for e in entries]
        assert Action.LOTS_COMMITTED not in actions
        drawn = entries[actions.index(Action.LOTS_DRAWN)]
        assert actions.index(Action.LOTS_DRAWN) < actions.index(Action.COUNT_DONE)
        d = drawn.details
        assert d["method"] == "physical" and d["outcome"] == d["seed"] == "4 2 6"
        assert outcome.lot_seed == "4 2 6" == bureau.state.count["lot_seed"]  # type: ignore[index]
        figures = [f for f in outcome.figures if f.allocation.lot_seed]
        assert figures and all(f.allocation.lot_seed == "4 2 6" for f in figures)
        # every card present countersigned the record; each signature checks with its key
        record = physical_record(
            "csn", d["tied_lists"], d["procedure"], "4 2 6", ["presidente", "del-aph", "del-inph"]
        )
        assert hashlib.sha256(record).hexdigest() == d["record_sha256"]
        assert sorted(d["countersignatures"]) == ["del-aph", "del-inph", "presidente"]
        for member, signature in d["countersignatures"].items():
            identity = CardIdentity.from_dict(dict(bureau.state.members[member]))
            verify_card_signature(identity.signature_key, record, Signature.from_dict(signature))
        with pytest.raises(CeremonyError):
            verify_card_signature(
                identity.signature_key,
                record.replace(b"4 2 6", b"4 2 5"),
                Signature.from_dict(signature),
            )
        # the PV row describes the procedure, the outcome and who countersigned
        names = {m.member_id: m.name for m in bureau.bureau_definition().members}
        (row,) = card_event_rows(names, drawn)
        assert "trois dés lancés par la présidente" in row.text and "« 4 2 6 »" in row.text
        assert all(names[m] in row.text for m in ("presidente", "del-aph", "del-inph"))
    finally:
        bureau.store.close()


def test_a_member_who_saw_another_outcome_stops_the_physical_draw(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    bureau = _until_count(out)
    try:
        typed = {"presidente": ["deux dés", "5 1"], "del-aph": ["5 1"], "del-inph": ["5 2"]}

        def ask(member_id: str, message: str, hidden: bool) -> str:
            return typed[member_id].pop(0)

        with pytest.raises(LotDrawError) as refused:
            bureau.count(_quorum(out), lots=PhysicalLots(ask))
        assert "n'a pas vu le même résultat" in refused.value.user_message
        actions = [e.action for e in bureau.store.entries()]
        assert Action.LOTS_DRAWN not in actions and Action.COUNT_DONE not in actions
        assert bureau.state.count is None
    finally:
        bureau.store.close()


def test_the_count_command_offers_both_procedures() -> None:
    from ceremony.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["count", "--lots", "physique"]).lots == "physique"
    assert parser.parse_args(["count"]).lots == "engagements"
    with pytest.raises(SystemExit):
        parser.parse_args(["count", "--lots", "graine-libre"])
