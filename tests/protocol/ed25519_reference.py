"""A slow, independent Ed25519 in pure Python (RFC 8032 §5.1), for the tests only.

Used to build points libsodium never returns (small order, torsion components,
non-canonical encodings, points off the curve) and to cross-check ``ed25519``.
Points are affine (x, y); encodings are Belenios' numbers z = y + 2^255 (x mod 2).
"""

from __future__ import annotations

P = 2**255 - 19
D = -121665 * pow(121666, -1, P) % P
L = 2**252 + 27742317777372353535851937790883648493
SQRT_M1 = pow(2, (P - 1) // 4, P)

Affine = tuple[int, int]
IDENTITY: Affine = (0, 1)


def on_curve(pt: Affine) -> bool:
    x, y = pt
    return (-x * x + y * y - 1 - D * x * x * y * y) % P == 0


def add(a: Affine, b: Affine) -> Affine:
    (x1, y1), (x2, y2) = a, b
    t = D * x1 * x2 * y1 * y2 % P
    x3 = (x1 * y2 + y1 * x2) * pow(1 + t, -1, P) % P
    y3 = (y1 * y2 + x1 * x2) * pow(1 - t, -1, P) % P
    return (x3, y3)


def mul(k: int, pt: Affine) -> Affine:
    acc, base = IDENTITY, pt
    while k:
        if k & 1:
            acc = add(acc, base)
        base = add(base, base)
        k >>= 1
    return acc


def encode(pt: Affine) -> int:
    x, y = pt
    return y | (x & 1) << 255


def decode(z: int, *, canonical: bool = True) -> Affine | None:
    """The point of z, or None; ``canonical=False`` reduces y mod p and takes
    x = 0 whatever the sign bit, as Belenios' pure-OCaml fallback does."""
    y, sign = z & ((1 << 255) - 1), z >> 255
    if y >= P:
        if canonical:
            return None
        y %= P
    x2 = (y * y - 1) * pow(D * y * y + 1, -1, P) % P
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P:
        return None
    if x == 0 and sign and canonical:
        return None
    if x & 1 != sign:
        x = P - x if x else 0
    return (x, y)


BASE: Affine = decode(0x6666666666666666666666666666666666666666666666666666666666666658)  # type: ignore[assignment]

# A point of order 8 (from libsodium's list of small-order encodings), and the others.
_T8 = decode(int.from_bytes(bytes.fromhex(
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"), "little"))  # fmt: skip
assert _T8 is not None
TORSION: list[Affine] = [mul(k, _T8) for k in range(8)]
"""The 8 points of order dividing 8 (TORSION[0] is the identity)."""
