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

The other variant, chosen by the bureau (``bureau count --lots physique``, or
``lots=PhysicalLots(ask)``), is a **physical draw done in public** (dice,
numbered balls...): :func:`draw_lots_physical`. The first member present
describes the procedure and types the outcome everyone saw; every other member
present types the outcome they saw, which must be the same; then every card
present countersigns the record (tied lists, procedure, outcome) and at least
a legal quorum of signatures is required. The record, its SHA-256 and the
signatures are journaled (``lots.drawn``); the outcome is the public seed of
:mod:`ceremony.tally.lots`, so the order can be redone by anyone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ceremony.errors import CeremonyError
from ceremony.store.journal import Actor
from ceremony.workflow.errors import WorkflowError
from ceremony.workflow.phases import Action, Phase

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau
    from ceremony.workflow.holders import CheckedCard

MIN_VALUE_LENGTH: Final = 8
TRIES: Final = 3  # a typo is retyped; only a value that never matches stops the draw
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
        holder = member.identity.holder
        message = (
            f"Tirage au sort entre {tied_names} — {holder} : tapez une valeur secrète de "
            f"votre choix (au moins {MIN_VALUE_LENGTH} caractères), que vous retaperez "
            "à l'identique pour la révéler."
        )
        for attempt in range(1, TRIES + 1):
            value = ask(member.member_id, message, True)
            if len(value) >= MIN_VALUE_LENGTH:
                break
            if attempt == TRIES:
                raise LotDrawError(
                    f"{member.member_id}: value shorter than {MIN_VALUE_LENGTH}, {TRIES} times",
                    user_message=(
                        f"Le tirage au sort n'a pas pu être fait : la valeur de {holder} est "
                        f"restée trop courte ({TRIES} essais). Le dépouillement est à reprendre."
                    ),
                )
            message = (
                f"Valeur trop courte — {holder} : tapez au moins {MIN_VALUE_LENGTH} "
                f"caractères (essai {attempt + 1} sur {TRIES})."
            )
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
        holder = member.identity.holder
        message = f"Révélation — {holder} : tapez à nouveau votre valeur, en public."
        # The commitment is journaled: retyping after a typo cannot change the outcome.
        for attempt in range(1, TRIES + 1):
            value = ask(member.member_id, message, False)
            if compute_commitment(member.member_id, value) == commitments[member.member_id]:
                break
            if attempt == TRIES:
                raise LotDrawError(
                    f"{member.member_id}: revealed value does not match, {TRIES} times",
                    user_message=(
                        f"Le tirage au sort n'a pas pu être fait : la valeur révélée par "
                        f"{holder} ne correspond pas à son engagement ({TRIES} essais). "
                        "Le dépouillement est à reprendre."
                    ),
                )
            message = (
                f"Révélation — {holder} : cette valeur ne correspond pas à celle que vous "
                f"avez engagée ; retapez-la exactement (essai {attempt + 1} sur {TRIES})."
            )
        values[member.member_id] = value
    seed = compute_seed(values)
    bureau.store.append(
        phase=Phase.COUNT,
        action=Action.LOTS_REVEALED,
        actors=actors,
        details={"tied_lists": list(tied_lists), "values": values, "seed": seed},
    )
    return LotDrawOutcome(seed, commitments, values)


PHYSICAL_FORMAT: Final = "bureau-lot-physical/1"
LOT_METHODS: Final = {"engagements": "commit-reveal", "physique": "physical"}
"""The CLI's names of the two procedures."""


@dataclass(frozen=True)
class PhysicalLots:
    """``lots=`` for :meth:`Bureau.count` choosing the public physical draw.

    ``ask(member_id, message, hidden)`` as for the commit-reveal draw."""

    ask: LotAsk

    def __call__(self, member_id: str, message: str, hidden: bool) -> str:
        return self.ask(member_id, message, hidden)


@dataclass(frozen=True)
class PhysicalDrawOutcome:
    seed: str
    procedure: str
    record_sha256: str
    countersigned_by: list[str]


def normalise_outcome(text: str) -> str:
    return " ".join(text.split())


def physical_record(
    bureau_id: str, tied_lists: Sequence[str], procedure: str, outcome: str, members: list[str]
) -> bytes:
    """The canonical bytes every card present countersigns."""
    import rfc8785

    return rfc8785.dumps(
        {
            "format": PHYSICAL_FORMAT,
            "bureau_id": bureau_id,
            "tied_lists": list(tied_lists),
            "procedure": procedure,
            "outcome": outcome,
            "members_present": sorted(members),
        }
    )


def draw_lots_physical(
    bureau: Bureau,
    members: Sequence[CheckedCard],
    tied_lists: Sequence[str],
    ask: LotAsk,
) -> PhysicalDrawOutcome:
    """The public physical draw, entered and countersigned (module docstring)."""
    from ceremony.workflow.quorum import require_quorum

    tied_names = _list_names(bureau, tied_lists)
    first = members[0]
    procedure = ask(
        first.member_id,
        f"Tirage au sort public entre {tied_names} — {first.identity.holder} : décrivez la "
        "procédure faite devant tous (par ex. « trois dés lancés par la présidente »).",
        False,
    ).strip()
    outcome = normalise_outcome(
        ask(
            first.member_id,
            f"{first.identity.holder} : tapez le résultat du tirage tel que tous l'ont vu "
            "(par ex. « 4 2 6 »).",
            False,
        )
    )
    if not procedure or not outcome or "|" in outcome:
        raise LotDrawError(
            "empty procedure or outcome, or '|' in the outcome",
            user_message=(
                "Tirage au sort : la procédure et le résultat doivent être décrits "
                "(le résultat ne peut pas contenir « | »). Le dépouillement est à reprendre."
            ),
        )
    for member in members[1:]:
        seen = ask(
            member.member_id,
            f"Contreseing — {member.identity.holder} : tapez le résultat du tirage que vous "
            "avez vu vous-même.",
            False,
        )
        if normalise_outcome(seen) != outcome:
            raise LotDrawError(
                f"{member.member_id} saw another outcome",
                user_message=(
                    f"Tirage au sort : {member.identity.holder} n'a pas vu le même résultat. "
                    "Rien n'est retenu ; refaites le tirage en public et le dépouillement."
                ),
            )
    assert bureau.state.bureau_id is not None
    present = [m.member_id for m in members]
    record = physical_record(bureau.state.bureau_id, tied_lists, procedure, outcome, present)
    signatures: dict[str, object] = {}
    failed: dict[str, str] = {}
    reasons: list[str] = []
    for member in members:
        try:
            signatures[member.member_id] = _countersign(bureau, member, record)
        except CeremonyError as error:
            # A blocked or cancelled card does not countersign; the quorum rule decides.
            failed[member.member_id] = type(error).__name__
            reasons.append(f"carte de {member.identity.holder} : {error.user_message}")
    require_quorum(
        bureau.bureau_definition(), list(signatures), failures=reasons, unavailable=list(failed)
    )
    record_sha256 = hashlib.sha256(record).hexdigest()
    bureau.store.append(
        phase=Phase.COUNT,
        action=Action.LOTS_DRAWN,
        actors=[Actor(m.role, m.identity.serial) for m in members if m.member_id in signatures],
        details={
            "method": "physical",
            "tied_lists": list(tied_lists),
            "procedure": procedure,
            "outcome": outcome,
            "seed": outcome,
            "members_present": sorted(present),
            "record_sha256": record_sha256,
            "countersignatures": signatures,
            "not_countersigned": failed,
        },
    )
    return PhysicalDrawOutcome(outcome, procedure, record_sha256, sorted(signatures))


def _countersign(bureau: Bureau, member: CheckedCard, record: bytes) -> object:
    """The member's card signs ``record``; a wrong PIN is asked again while the card allows."""
    from ceremony.cards.errors import WrongPinError

    while True:
        try:
            return member.client.sign(record, member.pins).to_dict()
        except WrongPinError as error:
            if bureau.notice is not None:
                bureau.notice(f"Carte de {member.identity.holder} : {error.user_message}")
            if not error.tries_left:
                raise


def draw_seed(
    bureau: Bureau, members: Sequence[CheckedCard], tied_lists: Sequence[str], ask: LotAsk
) -> str:
    """The seed by the procedure ``ask`` stands for (physical if a :class:`PhysicalLots`)."""
    if isinstance(ask, PhysicalLots):
        return draw_lots_physical(bureau, members, tied_lists, ask).seed
    return draw_lots(bureau, members, tied_lists, ask).seed
