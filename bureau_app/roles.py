"""French words for members and their roles, for prompts that name who must act.

The definition gives a member's civility ("Mme", "M.": ``Member.civility``, as
the PV uses it), or in older definitions only inside the name ("Mme Anne
Rousseau", "Dr Julie Caron"): the role word agrees with it where it says, and is
phrased without gender otherwise ("présidence du bureau", "représentant la liste …").
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from bureau_app.card_prompt import ExpectedCard
from bureau_app.text import fill
from ceremony.bundles.payloads.definition import BureauDefinition, Member

# A bare name lupdate recognises, so these strings reach the .ts file.
translate = QCoreApplication.translate


def gender(member: Member) -> str:
    """ "f", "m" or "" (not said): the definition's civility first, else the name's."""
    said = member.civility or member.name.split(" ", 1)[0]
    first = said.rstrip(".").lower()
    if first in {"mme", "madame", "mlle"}:
        return "f"
    if first in {"m", "monsieur"}:
        return "m"
    return ""


def list_names(definition: BureauDefinition) -> dict[str, str]:
    """list id → the list's name, over every scrutin of the bureau."""
    return {lst.list_id: lst.name for c in definition.contests for lst in c.lists}


def role_word(member: Member, lists: Mapping[str, str] | None = None) -> str:
    """The role as people say it ("présidente", "déléguée de la liste …")."""
    said = gender(member)
    if member.role == "president":
        return {"f": translate("Roles", "présidente"), "m": translate("Roles", "président")}.get(
            said, translate("Roles", "présidence du bureau")
        )
    if member.role == "secretary":
        return translate("Roles", "secrétaire")
    if member.role == "delegate":
        names = [(lists or {}).get(i, i) for i in member.list_ids]
        which = ", ".join(names)
        if not which:
            return {
                "f": translate("Roles", "déléguée de liste"),
                "m": translate("Roles", "délégué de liste"),
            }.get(said, translate("Roles", "délégation d'une liste"))
        if which.casefold().startswith(translate("Roles", "liste").casefold()):
            # "Liste commune CMH – SNAM-HP": never "de la liste Liste commune".
            template = {
                "f": translate("Roles", "déléguée de la %1"),
                "m": translate("Roles", "délégué de la %1"),
            }.get(said, translate("Roles", "représentant la %1"))
        else:
            template = {
                "f": translate("Roles", "déléguée de la liste %1"),
                "m": translate("Roles", "délégué de la liste %1"),
            }.get(said, translate("Roles", "représentant la liste %1"))
        return fill(template, which)
    return member.role


def expected_card(
    member: Member, serial: str | None, lists: Mapping[str, str] | None = None
) -> ExpectedCard:
    """What the card prompt asks for: "Insérez la carte de Mme Anne Rousseau"."""
    return ExpectedCard(
        holder_name=member.name,
        role=role_word(member, lists),
        of_role=fill(translate("Roles", "de %1"), member.name),
        serial=serial,
    )
