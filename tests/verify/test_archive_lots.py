"""count.lots: the verifier redoes the drawing of lots from the journal, and refuses a
seed that the recorded procedure does not justify."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from ceremony.cards.interface import CardIdentity
from ceremony.store.journal import JournalEntry
from ceremony.verify.archive_context import ArchiveContext
from ceremony.verify.archive_lots import LotDrawRecordError, verify_lots
from ceremony.verify.archive_record import Note
from ceremony.workflow.engine import Bureau
from ceremony.workflow.lots_draw import PhysicalLots
from ceremony.workflow.phases import Action
from tests.workflow.test_lots_draw import _quorum, _until_count

Edit = Callable[[list[dict[str, Any]]], None]


@dataclass
class _Journal:
    entries: list[JournalEntry]


def _context(bureau: Bureau, tmp: Path, edit: Edit | None = None, seed: object = ...) -> Any:
    raw = [e.to_dict() for e in bureau.store.entries()]
    if edit is not None:
        edit(raw)
    state = bureau.state
    if seed is not ...:
        state = replace(state, count={**(state.count or {}), "lot_seed": seed})
    ctx = ArchiveContext(folder=tmp)
    ctx.provide("journal", _Journal([JournalEntry.from_dict(r) for r in raw]))
    ctx.provide("state", state)
    ctx.provide("bureau", bureau.bureau_definition())
    ctx.provide("members", {m: CardIdentity.from_dict(dict(v)) for m, v in state.members.items()})
    return ctx


def _entry(raw: list[dict[str, Any]], action: Action) -> dict[str, Any]:
    return [e for e in raw if e["action"] == action.value][-1]


def _refused(bureau: Bureau, tmp: Path, edit: Edit | None = None, seed: object = ...) -> str:
    with pytest.raises(LotDrawRecordError) as caught:
        verify_lots(_context(bureau, tmp, edit, seed))
    return caught.value.technical


def test_a_commit_reveal_draw_is_redone_and_each_forgery_is_named(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    bureau = _until_count(out)
    try:
        values = {"presidente": "pile-ou-face-1", "del-aph": "dé-à-six-2", "del-inph": "hasard-33"}

        def ask(member_id: str, message: str, hidden: bool) -> str:
            return values[member_id]

        outcome = bureau.count(_quorum(out), lots=ask)
        assert outcome.lot_seed
        result = verify_lots(_context(bureau, tmp_path))
        assert isinstance(result, Note) and outcome.lot_seed in result.fr

        def change_value(raw: list[dict[str, Any]]) -> None:
            _entry(raw, Action.LOTS_REVEALED)["details"]["values"]["del-aph"] = "autre-valeur"

        assert "does not open the commitment" in _refused(bureau, tmp_path, change_value)

        def drop_commitment(raw: list[dict[str, Any]]) -> None:
            raw.remove(_entry(raw, Action.LOTS_COMMITTED))

        assert "no commitment journaled before" in _refused(bureau, tmp_path, drop_commitment)

        def reveal_first(raw: list[dict[str, Any]]) -> None:
            committed = _entry(raw, Action.LOTS_COMMITTED)
            revealed = _entry(raw, Action.LOTS_REVEALED)
            committed["sequence"], revealed["sequence"] = (
                revealed["sequence"],
                committed["sequence"],
            )

        assert "no commitment journaled before" in _refused(bureau, tmp_path, reveal_first)

        def one_member_less(raw: list[dict[str, Any]]) -> None:
            del _entry(raw, Action.LOTS_REVEALED)["details"]["values"]["del-inph"]

        assert "are not those who revealed" in _refused(bureau, tmp_path, one_member_less)
        # A seed chosen by hand, whatever the journal says.
        assert "SHA-256 of the revealed values" in _refused(bureau, tmp_path, seed="0" * 64)

        def no_draw(raw: list[dict[str, Any]]) -> None:
            raw[:] = [e for e in raw if not e["action"].startswith("lots.")]

        assert "no drawing of lots journaled" in _refused(bureau, tmp_path, no_draw)
    finally:
        bureau.store.close()


def test_a_physical_draw_needs_its_countersignatures(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    bureau = _until_count(out)
    try:
        typed = {
            "presidente": ["deux dés lancés par la présidente", "5 3"],
            "del-aph": ["5 3"],
            "del-inph": ["5 3"],
        }

        def ask(member_id: str, message: str, hidden: bool) -> str:
            return typed[member_id].pop(0)

        bureau.count(_quorum(out), lots=PhysicalLots(ask))
        result = verify_lots(_context(bureau, tmp_path))
        assert isinstance(result, Note) and "contresigné" in result.fr

        def other_outcome(raw: list[dict[str, Any]]) -> None:
            details = _entry(raw, Action.LOTS_DRAWN)["details"]
            details["outcome"] = details["seed"] = "6 6"

        assert "not the journaled one" in _refused(bureau, tmp_path, other_outcome, seed="6 6")

        def forged_signature(raw: list[dict[str, Any]]) -> None:
            signatures = _entry(raw, Action.LOTS_DRAWN)["details"]["countersignatures"]
            signatures["del-aph"] = signatures["del-inph"]

        assert "countersignature does not verify" in _refused(bureau, tmp_path, forged_signature)

        def below_quorum(raw: list[dict[str, Any]]) -> None:
            signatures = _entry(raw, Action.LOTS_DRAWN)["details"]["countersignatures"]
            del signatures["del-aph"], signatures["del-inph"]

        assert "legal quorum" in _refused(bureau, tmp_path, below_quorum)
    finally:
        bureau.store.close()


def test_no_tie_no_draw(tmp_path: Path) -> None:
    out = tmp_path / "archive"
    bureau = _until_count(out)
    try:
        result = verify_lots(_context(bureau, tmp_path, seed=None))
        assert isinstance(result, Note) and "aucun tirage" in result.fr

        def stray_reveal(raw: list[dict[str, Any]]) -> None:
            raw.append({**raw[-1], "action": Action.LOTS_REVEALED.value, "details": {}})

        assert "no lot seed was used" in _refused(bureau, tmp_path, stray_reveal, seed=None)
    finally:
        bureau.store.close()
