"""A drawing of lots no single person controls: commit, then reveal, among the members present.

When the seats end on a perfect tie the count does not stop: it runs the draw
right away, with the decrypted results still in hand:

1. **commit** — each member present types a random value of their own choosing
   (hidden, at least :data:`MIN_VALUE_LENGTH` characters); only its commitment
   ``SHA-256("bureau-lot-commit-v1|<member id>|<value>")`` is kept, and every
   commitment is journaled (``lots.committed``) before anything is revealed;
2. **reveal** — each member types the value again, in the open; it must match its
   commitment; the values are journaled (``lots.revealed``);
3. the seed is ``SHA-256("bureau-lot-seed-v1|" + "|".join(values in member order))``
   in hex, and the tied lists are ordered by :mod:`ceremony.tally.lots` from it.

No member can choose the outcome: every value is fixed (committed) before any is
known, and any single honest member's value makes the seed unpredictable. Anyone
can redo the seed and the order from the journal with ``sha256sum``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ceremony.store.journal import Actor
from ceremony.workflow.errors import WorkflowError
from ceremony.workflow.phases import Action, Phase

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau
    from ceremony.workflow.holders import CheckedCard

MIN_VALUE_LENGTH: Final = 8
COMMIT_PREFIX: Final = "bureau-lot-commit-v1"
SEED_PREFIX: Final = "bureau-lot-seed-v1"

LotAsk = Callable[[str, str, bool], str]
"""``ask(member_id, message, hidden)`` returns what that member typed."""


class LotDrawError(WorkflowError):
    default_message = (
        "Le tirage au sort n'a pas pu être fait : une valeur révélée ne correspond pas à "
        "celle engagée, ou une valeur est trop courte. Le dépouillement est à reprendre."
    )


@dataclass(frozen=True)
class LotDrawOutcome:
    seed: str
    commitments: dict[str, str]
    values: dict[str, str]


def compute_commitment(member_id: str, value: str) -> str:
    return hashlib.sha256(f"{COMMIT_PREFIX}|{member_id}|{value}".encode()).hexdigest()


def compute_seed(values: dict[str, str]) -> str:
    joined = "|".join(values[m] for m in sorted(values))
    return hashlib.sha256(f"{SEED_PREFIX}|{joined}".encode()).hexdigest()


def _list_names(bureau: Bureau, tied_lists: Sequence[str]) -> str:
    """The tied lists as the members know them (their names), not their identifiers."""
    names = {
        candidate_list.list_id: candidate_list.name
        for contest in bureau.bureau_definition().contests
        for candidate_list in contest.lists
    }
    return ", ".join(f"« {names.get(list_id, list_id)} »" for list_id in tied_lists)


def draw_lots(
    bureau: Bureau,
    members: Sequence[CheckedCard],
    tied_lists: Sequence[str],
    ask: LotAsk,
) -> LotDrawOutcome:
    """Run the commit-reveal draw among ``members`` (module docstring); journal both phases."""
    actors = [Actor(m.role, m.identity.serial) for m in members]
    tied_names = _list_names(bureau, tied_lists)
    commitments: dict[str, str] = {}
    for member in members:
        value = ask(
            member.member_id,
            f"Tirage au sort entre {tied_names} — {member.identity.holder} : tapez une "
            f"valeur secrète de votre choix (au moins {MIN_VALUE_LENGTH} caractères).",
            True,
        )
        if len(value) < MIN_VALUE_LENGTH:
            raise LotDrawError(f"{member.member_id}: value shorter than {MIN_VALUE_LENGTH}")
        commitments[member.member_id] = compute_commitment(member.member_id, value)
        del value
    bureau.store.append(
        phase=Phase.COUNT,
        action=Action.LOTS_COMMITTED,
        actors=actors,
        details={"tied_lists": list(tied_lists), "commitments": commitments},
    )
    values: dict[str, str] = {}
    for member in members:
        value = ask(
            member.member_id,
            f"Révélation — {member.identity.holder} : tapez à nouveau votre valeur, en public.",
            False,
        )
        if compute_commitment(member.member_id, value) != commitments[member.member_id]:
            raise LotDrawError(f"{member.member_id}: revealed value does not match")
        values[member.member_id] = value
    seed = compute_seed(values)
    bureau.store.append(
        phase=Phase.COUNT,
        action=Action.LOTS_REVEALED,
        actors=actors,
        details={"tied_lists": list(tied_lists), "values": values, "seed": seed},
    )
    return LotDrawOutcome(seed, commitments, values)
