"""French words for members and their roles, for prompts that name who must act.

The definition gives a member's civility only inside the name ("Mme Anne
Rousseau", "M. Paul Mercier", "Dr Julie Caron"): the role word agrees with it
where it says, and takes the written-out neutral form otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bureau_app.card_prompt import ExpectedCard
from ceremony.bundles.payloads.definition import Member


def _tr(text: str) -> str:
    return QCoreApplication.translate("Roles", text)


def _gender(name: str) -> str:
    first = name.split(" ", 1)[0].rstrip(".").lower()
    if first in {"mme", "madame", "mlle"}:
        return "f"
    if first in {"m", "monsieur"}:
        return "m"
    return ""


def role_word(member: Member) -> str:
    """ "présidente", "secrétaire", "délégué(e) de liste"..., agreeing with the civility."""
    gender = _gender(member.name)
    words = {
        "president": {
            "f": _tr("présidente"),
            "m": _tr("président"),
            "": _tr("président(e)"),
        },
        "secretary": {"f": _tr("secrétaire"), "m": _tr("secrétaire"), "": _tr("secrétaire")},
        "delegate": {
            "f": _tr("déléguée de liste"),
            "m": _tr("délégué de liste"),
            "": _tr("délégué(e) de liste"),
        },
    }
    return words.get(member.role, {}).get(gender, member.role)


def expected_card(member: Member, serial: str | None) -> ExpectedCard:
    """What the card prompt asks for: "Insérez la carte de Mme Anne Rousseau"."""
    return ExpectedCard(
        holder_name=member.name,
        role=role_word(member),
        of_role=_tr("de %1").replace("%1", member.name),
        serial=serial,
    )
