"""Belenios format versions (2.0 and 3.3) and the group-generic text of an element.

Bureau writes Belenios 3.3 records and keeps reading, verifying and counting
2.0 ones (DESIGN.md §2). The version is not written anywhere in a record: it
shows in the structures themselves, so it is detected when they are read.

Public API:

- ``FORMAT_2_0``, ``FORMAT_3_3``, ``Format``: the two formats.
- ``element_text(group, x) -> str``: the spec's serialisation of a group
  element (base 10 in the finite-field groups, 64 hex characters in Ed25519),
  as written in JSON and hashed in every proof. A group that defines
  ``to_string`` (the Ed25519 group) is asked; otherwise base 10 (§4.2).
- ``elements_text(group, xs) -> str``: elements joined by commas (§4.12).
- ``group_requires_3x(group) -> bool``: Belenios 2.0 only knew the finite-field
  groups; any other group (Ed25519) implies a 3.x record.
- ``election_format(election) -> Format``: 3.3 when the election uses what 2.0
  did not have (Ed25519, ``language``, "Lists" or wrapped "Homomorphic"
  questions); ``record_format(election, trustees_format)`` adds what
  ``trustees.verify_trustees`` detected.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from ceremony.protocol.group import Group

if TYPE_CHECKING:
    from ceremony.protocol.election import Election

Format = Literal["2.0", "3.3"]

FORMAT_2_0: Format = "2.0"
FORMAT_3_3: Format = "3.3"

_FINITE_FIELD_GROUPS = frozenset({"BELENIOS-2048", "RFC-3526-2048"})


def element_text(group: Group, x: Any) -> str:
    """The JSON string of a group element (§4.2 "G": interpretation depends on the group)."""
    to_string = getattr(group, "to_string", None)
    if to_string is not None:
        return str(to_string(x))
    return str(x)


def elements_text(group: Group, xs: Iterable[Any]) -> str:
    """Elements in their JSON form separated by commas, as the proofs hash them (§4.12)."""
    return ",".join(element_text(group, x) for x in xs)


def group_requires_3x(group: Group) -> bool:
    """True for a group Belenios 2.0 did not have (Ed25519, since 2.1)."""
    return group.name not in _FINITE_FIELD_GROUPS


def text_order_key(text: str) -> tuple[int, str]:
    """Sort key over element texts; for base-10 texts it is the numeric order."""
    return (len(text), text)


_QUESTION_TYPES_3X = frozenset({"Lists", "Homomorphic"})


def election_format(election: Election) -> Format:
    """The format an election structure shows (§4.10 plus the 3.x additions)."""
    from ceremony.protocol.election import OtherQuestion
    from ceremony.protocol.serialization import loads

    if group_requires_3x(election.group):
        return FORMAT_3_3
    obj = loads(election.to_bytes())
    if isinstance(obj, dict) and "language" in obj:
        return FORMAT_3_3
    for question in election.questions:
        if isinstance(question, OtherQuestion) and question.data.get("type") in _QUESTION_TYPES_3X:
            return FORMAT_3_3
    return FORMAT_2_0


def record_format(election: Election, trustees_format: Format) -> Format:
    """3.3 if the election or the trustees show a 3.x feature, else 2.0 (both tools read it)."""
    if FORMAT_3_3 in (trustees_format, election_format(election)):
        return FORMAT_3_3
    return FORMAT_2_0
