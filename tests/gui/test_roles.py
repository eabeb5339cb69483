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


def test_the_definitions_civility_is_preferred_to_the_name() -> None:
    # pv4's definitions say each member's civility: "Dr Julie Caron" is "Mme" there, and
    # the PV prints "déléguée"; the screens agree with it.
    caron = Member("d", "Dr Julie Caron", "delegate", ("aph",), civility="Mme")
    assert role_word(caron, LISTS) == "déléguée de la liste Action Praticiens Hôpital"
    perrin = Member("d", "Dr Yves Perrin", "delegate", ("aph",), civility="M.")
    assert role_word(perrin, LISTS) == "délégué de la liste Action Praticiens Hôpital"


def test_a_replaced_president_agrees_with_her_civility() -> None:
    from datetime import datetime

    from bureau_app.rollcall_model import call_lines
    from ceremony.simulator.platform import PlatformSimulator
    from ceremony.store.timefmt import PARIS
    from ceremony.workflow.rollcall import RollCall

    definition = PlatformSimulator(seed="roles", ballots=4, workers=1).bureau()
    president = next(m for m in definition.members if m.role == "president")
    assert president.civility == "Mme"
    others = tuple(m.member_id for m in definition.members if m is not president)
    call = RollCall(
        "count",
        datetime(2024, 12, 11, 10, 0, tzinfo=PARIS),
        present=others,
        absent=(),
        replaced={president.member_id: "secretaire"},
    )
    lines = " | ".join(call_lines(call, definition)).replace("\u00a0", " ")
    assert f"{president.name} (présidente) remplacée par M. Paul Mercier" in lines, lines


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
