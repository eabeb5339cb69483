"""The Ed25519 group of Belenios 2.1 and later (spec §5.3), on libsodium (PyNaCl).

Public API:

- ``Point``: an element, an ``int`` holding Belenios' number of the point,
  z = y + 2^255 · (x mod 2), i.e. the RFC 8032 encoding read as a little-endian
  number. ``str(point)`` is its JSON string: z in 64 lowercase hexadecimal
  digits (the RFC 8032 bytes reversed). Integer arithmetic on a ``Point`` raises
  ``TypeError``: group operations go through ``Ed25519Group``.
- ``Ed25519Group`` / ``ED25519``: the ``group.Group`` of the points of the
  prime-order subgroup (order l = 2^252 + 27742317777372353535851937790883648493),
  generator the RFC 8032 base point (``6666…6658``).
- ``IDENTITY``: the neutral element, ``000…001`` (y = 1, x = 0).
- ``VerificationPowers(group, y)`` / ``verification_powers(group, y)``: the
  ``elgamal.Powers`` of proof verification on the native library (variable
  time, public inputs only), or None without the library.

Membership (§4.2) is exactly libsodium's ``crypto_core_ed25519_is_valid_point``
(canonical encoding, on the curve, in the prime-order subgroup, not of small
order) or the identity written as ``000…001``, as Belenios checks (libsodium,
else its own test that accepts the identity).

How strict on encodings: stricter than Belenios 3.3 on purpose. An element
string must be exactly 64 lowercase hexadecimal digits (belenios-tool 3.3 also
takes uppercase), and the point must be in its single canonical encoding
(y < 2^255 - 19; libsodium rejects the others). Belenios' pure-OCaml fallback
reduces y modulo p and ignores the sign bit when x = 0, so it could take
non-canonical spellings of the identity (e.g. ``800…001``, or y = p + 1); we
refuse them: a value has one spelling, so hashes and comparisons of strings
agree with comparisons of points. Honest Belenios never writes them.

Where libsodium is slow, the native library (``ed25519_native``: curve25519-dalek,
built by ``scripts/bootstrap.sh``) takes over with the same results: membership
(same test, and the decompressed point is kept for the proofs), addition and
subtraction, and ``VerificationPowers`` (proof commitments as one variable-time
multi-scalar multiplication each, for public inputs only). Without the library
everything runs on libsodium, slower.

libsodium caveats handled here (the ``noclamp`` functions fail on a zero
scalar, on the identity given or obtained, and on points outside the
prime-order subgroup): x^0 and identity^e give the identity without calling
libsodium; a point refused by libsodium raises ``NotInSubgroupError``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from nacl import bindings as sodium

from ceremony.protocol import ed25519_native as native
from ceremony.protocol.errors import (
    MalformedDataError,
    NonCanonicalEncodingError,
    NotInSubgroupError,
)
from ceremony.protocol.group import Element, Group

if TYPE_CHECKING:
    from ceremony.protocol.elgamal import Ciphertext
    from ceremony.protocol.proofs import Proof

L = 2**252 + 27742317777372353535851937790883648493
_FIELD_P = 2**255 - 19
_Y_MASK = (1 << 255) - 1  # the top bit is the sign of x
"""Order of the prime-order subgroup (RFC 8032 ``L``)."""

FIELD_PRIME = 2**255 - 19

_HEX64 = re.compile(r"[0-9a-f]{64}")


def _refuse(*_: object) -> NoReturn:
    raise TypeError("Ed25519 points combine through Ed25519Group, not integer arithmetic")


class Point(int):
    """An Ed25519 point as Belenios' 256-bit number z (see the module docstring)."""

    __slots__ = ()

    def __str__(self) -> str:
        return format(int(self), "064x")

    def __repr__(self) -> str:
        return f"Point({self})"

    def __format__(self, spec: str) -> str:
        return str(self) if not spec else int(self).__format__(spec)

    @property
    def encoded(self) -> bytes:
        """The RFC 8032 / libsodium 32-byte encoding."""
        return int(self).to_bytes(32, "little")

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _refuse
    __mod__ = __rmod__ = __pow__ = __rpow__ = __truediv__ = __rtruediv__ = _refuse
    __floordiv__ = __rfloordiv__ = __neg__ = _refuse


def _point(data: bytes) -> Point:
    return Point(int.from_bytes(data, "little"))


def _bytes(x: int) -> bytes:
    if not 0 <= x < 1 << 256:
        raise NotInSubgroupError("an Ed25519 element is not a 256-bit number")
    return int(x).to_bytes(32, "little")


_NATIVE = native.available()

IDENTITY = Point(1)
GENERATOR = Point(0x6666666666666666666666666666666666666666666666666666666666666658)


@dataclass(frozen=True)
class Ed25519Group(Group):
    """The prime-order subgroup of Ed25519 (Belenios group ``Ed25519``)."""

    name: str = "Ed25519"
    q: Any = L
    g: Any = GENERATOR

    @property
    def element_bytes(self) -> int:
        """32: z is a 256-bit number."""
        return 32

    def is_member(self, x: int) -> bool:
        """libsodium's validation (canonical, prime-order subgroup) or the identity."""
        if not 0 < x < 1 << 256:
            return False
        if x == 1:
            return True
        if _NATIVE:
            return native.is_valid_point(_bytes(x))
        return bool(sodium.crypto_core_ed25519_is_valid_point(_bytes(x)))

    def check_element(self, x: int, what: str = "element") -> Element:
        """As for any group, but a non-canonical y (≥ p) is named as such, not as a point
        outside the subgroup (libsodium refuses both alike)."""
        if 0 < x < 1 << 256 and x & _Y_MASK >= _FIELD_P:
            raise NonCanonicalEncodingError(
                f"{what} is not the canonical encoding of an Ed25519 point (y ≥ p)"
            )
        return super().check_element(x, what)

    def element_of_int(self, x: int) -> Element:
        """``x`` as a ``Point``."""
        return x if type(x) is Point else Point(x)

    def parse_raw_element(self, text: object, what: str = "element") -> Element:
        """64 lowercase hexadecimal digits (§4.2 for Ed25519), membership not checked."""
        if not isinstance(text, str) or not _HEX64.fullmatch(text):
            raise MalformedDataError(f"{what} is not 64 lowercase hexadecimal digits")
        return Point(int(text, 16))

    def g_pow(self, e: int) -> Element:
        """g^e by libsodium's fixed-base multiplication (no clamping)."""
        e %= L
        if e == 0:
            return IDENTITY
        return _point(sodium.crypto_scalarmult_ed25519_base_noclamp(int(e).to_bytes(32, "little")))

    def pow(self, x: int, e: int) -> Element:
        """x^e by libsodium's variable-base multiplication (no clamping)."""
        e %= L
        if e == 0 or x == 1:
            return IDENTITY
        try:
            out = sodium.crypto_scalarmult_ed25519_noclamp(int(e).to_bytes(32, "little"), _bytes(x))
        except RuntimeError:
            # libsodium refuses points outside the prime-order subgroup (or of small order).
            raise NotInSubgroupError(
                "an Ed25519 point is not in the prime-order subgroup"
            ) from None
        return _point(out)

    def mul(self, a: int, b: int) -> Element:
        """Point addition (written multiplicatively, as Belenios does)."""
        if _NATIVE:
            try:
                return _point(native.point_sum((_bytes(a), _bytes(b))))
            except native.NotOnCurveError:
                raise NotInSubgroupError("an Ed25519 point is not on the curve") from None
        try:
            return _point(sodium.crypto_core_ed25519_add(_bytes(a), _bytes(b)))
        except RuntimeError:
            raise NotInSubgroupError("an Ed25519 point is not on the curve") from None

    def div(self, a: int, b: int) -> Element:
        """Point subtraction a - b."""
        if _NATIVE:
            try:
                return _point(native.point_sub(_bytes(a), _bytes(b)))
            except native.NotOnCurveError:
                raise NotInSubgroupError("an Ed25519 point is not on the curve") from None
        try:
            return _point(sodium.crypto_core_ed25519_sub(_bytes(a), _bytes(b)))
        except RuntimeError:
            raise NotInSubgroupError("an Ed25519 point is not on the curve") from None

    def inv(self, x: int) -> Element:
        """-x."""
        return self.div(IDENTITY, x)


ED25519 = Ed25519Group()


class VerificationPowers:
    """``elgamal.Powers`` for verifying proofs on the native library (variable time).

    Variable time is safe only because every exponent of a verification is
    public (responses, challenges): never use it to encrypt or to prove.
    ``case_commitments`` and ``double_base`` are the batch forms that
    ``proofs`` uses when the powers offer them.
    """

    def __init__(self, group: Ed25519Group, y: Element) -> None:
        self.group = group
        self.y = y
        self._context = native.KeyContext(_bytes(y))

    def g_pow(self, e: int) -> Element:
        """g^e."""
        return self.group.g_pow(e)

    def y_pow(self, e: int) -> Element:
        """y^e (variable time)."""
        return _point(self._context.y_mul(e % L))

    def gy_pow(self, e: int) -> tuple[Element, Element]:
        """(g^e, y^e)."""
        return self.g_pow(e), self.y_pow(e)

    def case_commitments(
        self, cases: Sequence[tuple[Ciphertext, int]], proofs: Sequence[Proof]
    ) -> list[Element]:
        """A_j = g^r·alpha^c, B_j = y^r·(beta / g^m)^c for the statements "c_j encrypts m_j"."""
        rows = []
        for (c, m), proof in zip(cases, proofs, strict=True):
            challenge = proof.challenge
            rows.append(
                (proof.response, challenge, -challenge * m % L, _bytes(c.alpha), _bytes(c.beta))
            )
        try:
            return [_point(x) for x in self._context.commitments(rows)]
        except native.NotOnCurveError:
            raise NotInSubgroupError("an Ed25519 point is not on the curve") from None

    def double_base(self, a: Element, r: int, c: int) -> Element:
        """g^r·a^c (the commitment of a signature, §4.14)."""
        try:
            return _point(self._context.double_base(r, c, _bytes(a)))
        except native.NotOnCurveError:
            raise NotInSubgroupError("an Ed25519 point is not on the curve") from None


def verification_powers(group: Ed25519Group, y: Element) -> VerificationPowers | None:
    """``VerificationPowers`` of y, or None without the native library."""
    return VerificationPowers(group, y) if _NATIVE else None
