"""Drawing of lots between tied lists, redoable by hand from a public seed.

The seed is drawn in public (dice, numbered balls...) and journaled before the
seats are allocated. Each tied list gets the SHA-256 of the UTF-8 text

    bureau-lot-v1|<seed>|<contest id>|<list id>

and the list with the *smallest* hexadecimal digest wins the drawing (then the
next smallest, and so on). Anyone can redo it with a shell::

    printf '%s' 'bureau-lot-v1|4 2 6 1 3|csn-c2-psy|L3' | sha256sum

A plain hash (not an HMAC) is used on purpose: the seed is public, nothing is
being authenticated, and `sha256sum` is on every machine an observer may have.
The order depends only on the seed and the ids, never on the votes, so a list
that gains votes can never lose a drawing it used to win.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from ceremony.tally.errors import InvalidContestDefinitionError

LOT_PREFIX = "bureau-lot-v1"


def compute_lot_text(seed: str, contest_id: str, list_id: str) -> str:
    """The exact text hashed for one list (shown in the PV so it can be redone)."""
    for part in (seed, contest_id, list_id):
        if "|" in part:
            raise InvalidContestDefinitionError(f"lot drawing input contains '|': {part!r}")
    if not seed.strip():
        raise InvalidContestDefinitionError("empty lot seed")
    return f"{LOT_PREFIX}|{seed}|{contest_id}|{list_id}"


def compute_lot_digest(seed: str, contest_id: str, list_id: str) -> str:
    """Lower-case hex SHA-256 of the lot text; smaller digest = drawn first."""
    text = compute_lot_text(seed, contest_id, list_id)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def compute_lot_order(seed: str, contest_id: str, list_ids: Iterable[str]) -> tuple[str, ...]:
    """The tied lists in drawing order (winner first)."""
    return tuple(sorted(list_ids, key=lambda lid: compute_lot_digest(seed, contest_id, lid)))
