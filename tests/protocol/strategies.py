"""Hypothesis strategies for the protocol tests (group elements, scalars, votes)."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import strategies as st

from ceremony.protocol.group import BELENIOS_2048, RFC_3526_2048, Group

groups = st.sampled_from([BELENIOS_2048, RFC_3526_2048])


def scalars(group: Group = BELENIOS_2048) -> st.SearchStrategy[Any]:
    """Elements of Zq."""
    return st.integers(min_value=0, max_value=int(group.q) - 1)


def elements(group: Group = BELENIOS_2048) -> st.SearchStrategy[Any]:
    """Elements of G, as g^x."""
    return scalars(group).map(group.g_pow)


def rngs() -> st.SearchStrategy[random.Random]:
    """Seeded, reproducible random sources for the ``rng`` parameters."""
    return st.integers(min_value=0, max_value=2**64).map(random.Random)


@st.composite
def homomorphic_votes(
    draw: st.DrawFn, answers: int, min_: int, max_: int, blank: bool
) -> list[int]:
    """A valid plaintext answer to a homomorphic question (§4.11.1), blank slot first."""
    if blank and draw(st.booleans()):
        return [1] + [0] * answers
    count = draw(st.integers(min_value=min_, max_value=max_))
    chosen = set(draw(st.permutations(range(answers)))[:count])
    values = [1 if i in chosen else 0 for i in range(answers)]
    return [0, *values] if blank else values
