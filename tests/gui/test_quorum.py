"""Any legal quorum: the president or the secretary, plus k delegates among all (DESIGN §1)."""

from __future__ import annotations

import pytest

from bureau_app.quorum import everyone_need, quorum_need, who_may_come
from ceremony.bundles.payloads.definition import Member

pytestmark = pytest.mark.gui

MEMBERS = (
    Member("p", "Mme Anne Rousseau", "president", ()),
    Member("s", "M. Paul Mercier", "secretary", ()),
    Member("a", "Dr Julie Caron", "delegate", ("la",)),
    Member("b", "Dr Yves Perrin", "delegate", ("lb",)),
    Member("c", "Dr Sarah Benali", "delegate", ("lc",)),
)
LISTS = {"la": "Liste A", "lb": "Liste B", "lc": "Liste C"}


class _Definition:
    members = MEMBERS
    delegate_quorum = 2


def test_the_secretary_stands_in_for_the_president_and_any_two_delegates_do() -> None:
    need = quorum_need(_Definition())  # type: ignore[arg-type]
    assert need.complete({"s", "a", "c"})
    assert need.complete({"p", "b", "c"})
    assert not need.complete({"p", "s", "a"})
    assert need.may_join("s", {"a"}) and not need.may_join("s", {"p"})
    assert not need.may_join("c", {"a", "b"})


def test_the_prompt_says_who_may_come_in_words() -> None:
    need = quorum_need(_Definition())  # type: ignore[arg-type]
    lines = who_may_come(need, set(), LISTS)
    assert lines[0] == "présidente (Mme Anne Rousseau) ou secrétaire (M. Paul Mercier)"
    assert lines[1] == (
        "deux délégués de liste parmi trois : Dr Julie Caron, Dr Yves Perrin, Dr Sarah Benali"
    )
    assert who_may_come(need, {"s", "a"}, LISTS) == [
        "un délégué de liste parmi deux : Dr Yves Perrin, Dr Sarah Benali"
    ]
    assert who_may_come(need, {"s", "a", "b"}, LISTS) == []


def test_a_blocked_card_is_replaced_until_the_quorum_cannot_be_reached() -> None:
    need = quorum_need(_Definition())  # type: ignore[arg-type]
    assert need.reachable({"p"}, {"a"})
    assert not need.reachable({"p"}, {"a", "b"})


def test_only_those_who_signed_the_pv_may_sign_the_results() -> None:
    need = quorum_need(_Definition(), eligible={"s", "a", "c"})  # type: ignore[arg-type]
    assert [m.member_id for m in need.members] == ["s", "a", "c"]


def test_the_key_ceremony_needs_everyone() -> None:
    need = everyone_need(_Definition())  # type: ignore[arg-type]
    assert not need.complete({"p", "a", "b", "c"})
    assert need.complete({"p", "s", "a", "b", "c"})
