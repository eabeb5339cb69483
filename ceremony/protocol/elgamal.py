"""El Gamal ciphertexts of Belenios (spec §4.3, §4.11.1) and the powers of g and y.

Public API:

- ``Ciphertext(alpha, beta)``: frozen; ``from_dict(group, d)`` (checks both
  elements), ``to_dict()`` in the spec's field order, ``mul``, ``pow``.
- ``encrypt(powers, m, r) -> Ciphertext``: (g^r, y^r g^m) (§4.11.1).
- ``decrypt(group, x, c) -> Element``: g^m = beta / alpha^x (single key).
- ``Powers``: the protocol every proof uses for g^e and y^e; ``PlainPowers``
  computes them with the group's own operations (``gmpy2.powmod`` or
  libsodium), ``fastverify.TablePowers`` with precomputed tables (finite-field
  groups). Both give identical results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ceremony.protocol.group import Element, Group, Scalar
from ceremony.protocol.serialization import get_field, require_dict


class Powers(Protocol):
    """g^e and y^e in a group, for an election public key y (§4.10 public_key)."""

    @property
    def group(self) -> Group:
        """The group of the election (§4.10 group)."""
        ...

    @property
    def y(self) -> Element:
        """The election public key y (§4.10 public_key)."""
        ...

    def g_pow(self, e: int) -> Element:
        """g^e (§4.11–4.14 commitments)."""
        ...

    def y_pow(self, e: int) -> Element:
        """y^e (§4.11–4.13 commitments)."""
        ...

    def gy_pow(self, e: int) -> tuple[Element, Element]:
        """(g^e, y^e): A and B of one proof branch share e (§4.12)."""
        ...


@dataclass(frozen=True)
class PlainPowers:
    """``Powers`` by plain modular exponentiation (§4.11–4.14)."""

    group: Group
    y: Element

    def g_pow(self, e: int) -> Element:
        """g^e (§4.11–4.14)."""
        return self.group.g_pow(e)

    def y_pow(self, e: int) -> Element:
        """y^e (§4.11–4.13)."""
        return self.group.pow(self.y, e)

    def gy_pow(self, e: int) -> tuple[Element, Element]:
        """(g^e, y^e), the pair every proof branch needs (§4.12)."""
        return self.g_pow(e), self.y_pow(e)


@dataclass(frozen=True)
class Ciphertext:
    """An El Gamal ciphertext {alpha, beta} (§4.3)."""

    alpha: Element
    beta: Element
    text: str = field(default="", repr=False, compare=False)
    """"alpha,beta" as read (the group's strings), to avoid converting twice."""

    @property
    def pair_text(self) -> str:
        """alpha and beta as strings separated by a comma, as hashed in §4.11.1 and §4.12."""
        return self.text or f"{self.alpha},{self.beta}"

    @classmethod
    def from_dict(cls, group: Group, data: object, what: str = "ciphertext") -> Ciphertext:
        """Read a ciphertext (§4.3), checking that alpha and beta are in G."""
        obj = require_dict(data, what)
        alpha, beta = get_field(obj, "alpha", what), get_field(obj, "beta", what)
        return cls(
            group.parse_element(alpha, f"{what}.alpha"),
            group.parse_element(beta, f"{what}.beta"),
            f"{alpha},{beta}",
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, fields in the spec's order (§4.3)."""
        return {"alpha": str(self.alpha), "beta": str(self.beta)}

    def mul(self, other: Ciphertext, group: Group) -> Ciphertext:
        """Pointwise product (alpha1 alpha2, beta1 beta2) (§4.16)."""
        return Ciphertext(group.mul(self.alpha, other.alpha), group.mul(self.beta, other.beta))

    def pow(self, e: int, group: Group) -> Ciphertext:
        """(alpha^e, beta^e), a ciphertext raised to a weight (§4.16)."""
        return Ciphertext(group.pow(self.alpha, e), group.pow(self.beta, e))


def encrypt(powers: Powers, m: int, r: Scalar) -> Ciphertext:
    """alpha = g^r, beta = y^r g^m (§4.11.1)."""
    group = powers.group
    return Ciphertext(powers.g_pow(r), group.mul(powers.y_pow(r), powers.g_pow(m)))


def decrypt(group: Group, x: Scalar, c: Ciphertext) -> Element:
    """g^m = beta / alpha^x for the private key x of y = g^x (§4.18–4.19, one key)."""
    return group.div(c.beta, group.pow(c.alpha, x))
