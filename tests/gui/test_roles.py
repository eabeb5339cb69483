"""Who must act, in French that agrees with the member's civility and names their list."""

from __future__ import annotations

import pytest

from bureau_app.roles import expected_card, role_word
from ceremony.bundles.payloads.definition import Member

pytestmark = pytest.mark.gui

LISTS = {"aph": "Action Praticiens Hôpital"}


@pytest.mark.parametrize(
    ("name", "role", "list_ids", "word"),
    [
        ("Mme Anne Rousseau", "president", (), "présidente"),
        ("M. Jean Roux", "president", (), "président"),
        ("Dr Claire Vidal", "president", (), "présidence du bureau"),
        ("M. Paul Mercier", "secretary", (), "secrétaire"),
        ("Mme Lina Haddad", "delegate", ("aph",), "déléguée de la liste Action Praticiens Hôpital"),
        ("Dr Julie Caron", "delegate", ("aph",), "représentant la liste Action Praticiens Hôpital"),
    ],
)
def test_role_words(name: str, role: str, list_ids: tuple[str, ...], word: str) -> None:
    assert role_word(Member("m", name, role, list_ids), LISTS) == word


def test_the_prompt_names_the_holder_and_the_known_serial() -> None:
    card = expected_card(Member("p", "Mme Anne Rousseau", "president", ()), "0001", LISTS)
    assert (card.of_role, card.role, card.serial) == ("de Mme Anne Rousseau", "présidente", "0001")


def test_roles_and_steps_are_translated(app) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.i18n import install_language
    from bureau_app.steps import StepKind, next_step
    from ceremony.workflow.state import CeremonyState

    install_language(app, "en")
    try:
        member = Member("d", "Dr Julie Caron", "delegate", ("aph",))
        assert role_word(member, LISTS) == "representing the list Action Praticiens Hôpital"
        step = next_step(CeremonyState(), None)
        assert step is not None and step.kind is StepKind.CONFIRM_KEY
        assert step.label == "Confirm the platform fingerprint"
    finally:
        install_language(app, "fr")
