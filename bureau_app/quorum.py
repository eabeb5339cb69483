"""Who may bring a card to a step that needs several (DESIGN.md §1), and who still must.

The law asks for the president's card, or the secretary's when the president is
absent, plus ``k`` list delegates' cards among all of them (``k`` from the
definition). These rules tell the card prompt whom to ask for ("la présidente
ou le secrétaire", "deux délégués de liste parmi trois"), whether the card just
inserted is still useful, and when enough cards are present. The engine checks
the same rule again (``ceremony.workflow.holders.check_quorum``): this module
only decides what to ask, never what is valid.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from bureau_app.roles import gender, role_word
from bureau_app.text import fill
from ceremony.bundles.payloads.definition import BureauDefinition, Member

translate = QCoreApplication.translate

HEAD_ROLES = ("president", "secretary")


@dataclass(frozen=True)
class Need:
    """Which members may come, and how many of each kind are needed.

    ``everyone``: every eligible member must come (the key ceremony), not a quorum.
    A quorum always needs one head's card, even when none of the heads may come (both
    absent from the session): it then cannot be reached, and says so.
    """

    heads: tuple[Member, ...]
    delegates: tuple[Member, ...]
    delegate_quorum: int
    everyone: bool = False
    head_quorum: int = 1

    @property
    def members(self) -> tuple[Member, ...]:
        return (*self.heads, *self.delegates)

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.member_id == member_id), None)

    def heads_needed(self, present: Collection[str]) -> int:
        if self.everyone:
            return sum(1 for m in self.heads if m.member_id not in present)
        have = sum(1 for m in self.heads if m.member_id in present)
        return max(0, self.head_quorum - have)

    def delegates_needed(self, present: Collection[str]) -> int:
        if self.everyone:
            return sum(1 for m in self.delegates if m.member_id not in present)
        have = sum(1 for m in self.delegates if m.member_id in present)
        return max(0, self.delegate_quorum - have)

    def missing(self, present: Collection[str]) -> int:
        """How many more cards are needed (the whole quorum when nobody has come)."""
        return self.heads_needed(present) + self.delegates_needed(present)

    def complete(self, present: Collection[str]) -> bool:
        return self.heads_needed(present) == 0 and self.delegates_needed(present) == 0

    def may_join(self, member_id: str, present: Collection[str]) -> bool:
        """Whether this member's card still counts towards the need."""
        if member_id in present:
            return False
        member = self.member(member_id)
        if member is None:
            return False
        if member.role in HEAD_ROLES:
            return self.heads_needed(present) > 0
        return self.delegates_needed(present) > 0

    def reachable(self, present: Collection[str], unavailable: Collection[str]) -> bool:
        """Whether the need can still be met without the members in ``unavailable``."""
        gone = set(unavailable) - set(present)
        heads_left = sum(
            1 for m in self.heads if m.member_id not in present and m.member_id not in gone
        )
        delegates_left = sum(
            1 for m in self.delegates if m.member_id not in present and m.member_id not in gone
        )
        return heads_left >= self.heads_needed(present) and delegates_left >= self.delegates_needed(
            present
        )


def _ordered_heads(definition: BureauDefinition) -> tuple[Member, ...]:
    return tuple(m for role in HEAD_ROLES for m in definition.members if m.role == role)


def quorum_need(definition: BureauDefinition, eligible: Collection[str] | None = None) -> Need:
    """President or secretary, plus ``delegate_quorum`` delegates; ``eligible`` narrows who
    may come (for the results: only those who signed the procès-verbal)."""

    def keep(member: Member) -> bool:
        return eligible is None or member.member_id in eligible

    return Need(
        heads=tuple(m for m in _ordered_heads(definition) if keep(m)),
        delegates=tuple(m for m in definition.members if m.role == "delegate" and keep(m)),
        delegate_quorum=definition.delegate_quorum,
    )


def everyone_need(definition: BureauDefinition, eligible: Collection[str] | None = None) -> Need:
    """Every member (``eligible``: every member present), e.g. to share the bureau's key
    between all cards, or for each member present to sign the procès-verbal."""

    def keep(member: Member) -> bool:
        return eligible is None or member.member_id in eligible

    delegates = tuple(m for m in definition.members if m.role == "delegate" and keep(m))
    return Need(
        heads=tuple(m for m in _ordered_heads(definition) if keep(m)),
        delegates=delegates,
        delegate_quorum=len(delegates),
        everyone=True,
    )


def present_need(need: Need, present: Collection[str]) -> Need:
    """``need`` with only the members present at the session (the others cannot come)."""
    return Need(
        heads=tuple(m for m in need.heads if m.member_id in present),
        delegates=tuple(m for m in need.delegates if m.member_id in present),
        delegate_quorum=(
            sum(1 for m in need.delegates if m.member_id in present)
            if need.everyone
            else need.delegate_quorum
        ),
        everyone=need.everyone,
        head_quorum=need.head_quorum,
    )


def number_word(value: int) -> str:
    """Small counts in words, as they are said at the table ("deux parmi trois")."""
    word = {
        1: translate("Quorum", "un"),
        2: translate("Quorum", "deux"),
        3: translate("Quorum", "trois"),
        4: translate("Quorum", "quatre"),
        5: translate("Quorum", "cinq"),
        6: translate("Quorum", "six"),
        7: translate("Quorum", "sept"),
        8: translate("Quorum", "huit"),
        9: translate("Quorum", "neuf"),
        10: translate("Quorum", "dix"),
    }.get(value)
    return word if word is not None else str(value)


def member_label(member: Member, lists: Mapping[str, str]) -> str:
    return f"{member.name} ({role_word(member, lists)})"


def _heads_phrase(heads: Sequence[Member], lists: Mapping[str, str]) -> str:
    words = [f"{role_word(m, lists)} ({m.name})" for m in heads]
    if len(words) == 1:
        return words[0]
    return fill(translate("Quorum", "%1 ou %2"), ", ".join(words[:-1]), words[-1])


def who_may_come(need: Need, present: Collection[str], lists: Mapping[str, str]) -> list[str]:
    """One French line per kind of card still needed, naming who may bring it."""
    lines: list[str] = []
    heads = [m for m in need.heads if m.member_id not in present]
    delegates = [m for m in need.delegates if m.member_id not in present]
    heads_needed = need.heads_needed(present)
    delegates_needed = need.delegates_needed(present)
    if heads_needed and need.everyone:
        lines.extend(
            fill(translate("Quorum", "la carte de %1"), member_label(m, lists)) for m in heads
        )
    elif heads_needed:
        lines.append(
            _heads_phrase(heads, lists)
            if len(heads) > 1
            else fill(translate("Quorum", "la carte de %1"), member_label(heads[0], lists))
            if heads
            else translate("Quorum", "la carte de la présidence ou du secrétariat")
        )
    if delegates_needed:
        names = ", ".join(m.name for m in delegates)
        if delegates_needed >= len(delegates):
            one = {
                "f": translate("Quorum", "la carte de la déléguée de liste : %2"),
                "m": translate("Quorum", "la carte du délégué de liste : %2"),
            }.get(
                gender(delegates[0]) if len(delegates) == 1 else "",
                translate("Quorum", "la carte de la délégation de liste : %2"),
            )
            template = (
                one
                if delegates_needed == 1
                else translate("Quorum", "les cartes des %1 délégués de liste : %2")
            )
            lines.append(fill(template, number_word(delegates_needed), names))
        else:
            template = (
                translate("Quorum", "un délégué de liste parmi %2 : %3")
                if delegates_needed == 1
                else translate("Quorum", "%1 délégués de liste parmi %2 : %3")
            )
            lines.append(
                fill(template, number_word(delegates_needed), number_word(len(delegates)), names)
            )
    return lines
