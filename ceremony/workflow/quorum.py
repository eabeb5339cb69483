"""Who may open the urn: the quorum of the definition, and who is missing (DESIGN.md §1).

A legal quorum is the president's *or* the secretary's card (both hold the
Single key) plus any ``delegate_quorum`` list delegates' cards, ``k`` taken
from the bureau's definition. Refusals name the members who could complete it,
by name, from the definition: never a hard-coded "two delegates".

Engine API (also for the GUI): :func:`missing_for_quorum` tells what is still
missing for a set of member ids (None when they form a quorum);
:func:`require_quorum` raises :class:`QuorumError` with that sentence.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Final

from ceremony.bundles.payloads.definition import BureauDefinition, Member
from ceremony.workflow.errors import QuorumError

HEAD_ROLES: Final = frozenset({"president", "secretary"})
ROLE_LABELS: Final = {
    "president": "présidence",
    "secretary": "secrétariat",
    "delegate": "délégué de liste",
}


def _who(member: Member) -> str:
    return f"{member.name} ({ROLE_LABELS.get(member.role, member.role)})"


def is_quorum(bureau: BureauDefinition, member_ids: Collection[str]) -> bool:
    return missing_for_quorum(bureau, member_ids) is None


def missing_for_quorum(
    bureau: BureauDefinition, member_ids: Iterable[str], unavailable: Iterable[str] = ()
) -> str | None:
    """The French sentence naming what lacks for a quorum, or None if ``member_ids`` is one.

    Members in ``unavailable`` (their card failed in this step) are not suggested."""
    present = set(member_ids)
    gone = set(unavailable)
    heads = [m for m in bureau.members if m.role in HEAD_ROLES]
    delegates = [m for m in bureau.members if m.role == "delegate"]
    parts = []
    if not any(m.member_id in present for m in heads):
        able = [m for m in heads if m.member_id not in gone] or heads
        parts.append("la carte de " + " ou de ".join(_who(m) for m in able))
    need = bureau.delegate_quorum - sum(1 for m in delegates if m.member_id in present)
    if need > 0:
        others = ", ".join(
            m.name for m in delegates if m.member_id not in present and m.member_id not in gone
        )
        cards = "une carte" if need == 1 else f"{need} cartes"
        parts.append(f"{cards} de délégué de liste (parmi : {others})")
    if not parts:
        return None
    return "Il manque " + ", et ".join(parts) + "."


def quorum_rule(bureau: BureauDefinition) -> str:
    """The rule in words, for prompts and the PV."""
    k = bureau.delegate_quorum
    delegates = "une carte" if k == 1 else f"{k} cartes"
    return (
        "la carte de la présidence ou du secrétariat, et "
        f"{delegates} de délégué de liste, quels qu'ils soient"
    )


def require_quorum(
    bureau: BureauDefinition,
    member_ids: Iterable[str],
    failures: Iterable[str] = (),
    unavailable: Iterable[str] = (),
) -> None:
    """Raise :class:`QuorumError` naming who is missing (and which cards failed) if needed."""
    ids = list(member_ids)
    missing = missing_for_quorum(bureau, ids, unavailable)
    if missing is None:
        return
    failed = list(failures)
    extra = f" Cartes qui n'ont pas pu servir : {'; '.join(failed)}." if failed else ""
    raise QuorumError(
        f"cards usable: {sorted(ids)}; quorum is a head and {bureau.delegate_quorum} delegate(s)",
        user_message=f"Quorum non atteint : {missing}{extra} Il faut {quorum_rule(bureau)}.",
    )


def require_every_member(bureau: BureauDefinition, member_ids: Iterable[str], step: str) -> None:
    """Steps that need every member's card (key ceremony, test vote): name who is missing."""
    present = set(member_ids)
    missing = [m for m in bureau.members if m.member_id not in present]
    if missing:
        raise QuorumError(
            f"{step}: every member's card is needed; missing {[m.member_id for m in missing]}",
            user_message=(
                f"À cette étape ({step}), la carte de chaque membre du bureau est nécessaire. "
                f"Il manque : {', '.join(_who(m) for m in missing)}."
            ),
        )
