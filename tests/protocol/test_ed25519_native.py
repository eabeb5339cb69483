"""The native Ed25519 library (curve25519-dalek) gives libsodium's answers, byte for byte."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nacl import bindings as sodium

from ceremony.protocol import ed25519 as ed25519_module
from ceremony.protocol import ed25519_native as native
from ceremony.protocol.ballot import sign_ballot_with_secret
from ceremony.protocol.ed25519 import ED25519, IDENTITY, L, VerificationPowers
from ceremony.protocol.election import Election
from ceremony.protocol.elgamal import PlainPowers
from ceremony.protocol.fastverify import ANY_CREDENTIAL, BallotVerifier
from tests.protocol import ed25519_reference as ref
from tests.protocol.test_both_groups import _setup

scalars = st.integers(min_value=0, max_value=L - 1)
nonzero = st.integers(min_value=1, max_value=L - 1)


def _b(x: int) -> bytes:
    return x.to_bytes(32, "little")


def _sodium_valid(encoded: bytes) -> bool:
    return bool(sodium.crypto_core_ed25519_is_valid_point(encoded))


def _g(e: int) -> bytes:
    return _b(int(ED25519.g_pow(e)))


def test_the_native_library_is_built_and_loaded() -> None:
    # bootstrap.sh builds it (native/build.sh); without it Bureau verifies 3 to 4 times slower.
    assert native.available(), native.load_error
    assert native.LIBRARY is not None
    assert native.LIBRARY.bureau_ed25519_abi_version() == native.ABI_VERSION


def _special_encodings() -> dict[str, bytes]:
    out = {"identity": _b(1), "generator": _g(1), "identity-sign-bit": _b(1 | 1 << 255)}
    for k, t in enumerate(ref.TORSION[1:], start=1):
        out[f"torsion-{k}"] = _b(ref.encode(t))
        out[f"torsion-{k}-sign"] = _b(ref.encode(t) ^ 1 << 255)
        out[f"P+torsion-{k}"] = _b(ref.encode(ref.add(ref.mul(5, ref.BASE), t)))
    for y in range(ref.P, 2**255):  # y >= p: the 19 non-canonical values, both signs
        out[f"y=p+{y - ref.P}"] = _b(y)
        out[f"y=p+{y - ref.P}-sign"] = _b(y | 1 << 255)
    out["negated-generator"] = _b(int(ED25519.inv(ED25519.g)))
    out["off-curve"] = _b(next(y for y in range(2, 100) if ref.decode(y) is None))
    out["all-ones"] = b"\xff" * 32
    out["zero"] = bytes(32)
    return out


SPECIAL = _special_encodings()


@pytest.mark.parametrize("name", list(SPECIAL))
def test_validation_is_libsodium_s_on_special_encodings(name: str) -> None:
    encoded = SPECIAL[name]
    assert native.is_valid_point(encoded) == _sodium_valid(encoded)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(min_size=32, max_size=32))
def test_validation_is_libsodium_s_on_any_32_bytes(data: bytes) -> None:
    assert native.is_valid_point(data) == _sodium_valid(data)


@settings(max_examples=50, deadline=None)
@given(e=nonzero, k=st.integers(min_value=0, max_value=7))
def test_validation_is_libsodium_s_on_points_with_a_torsion_component(e: int, k: int) -> None:
    point = ref.add(ref.mul(e % 1000 + 1, ref.BASE), ref.TORSION[k])
    encoded = _b(ref.encode(point))
    assert native.is_valid_point(encoded) == _sodium_valid(encoded) == (k == 0)


def test_membership_of_the_group_does_not_change_with_the_native_library(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    zs = [int.from_bytes(v, "little") for v in SPECIAL.values()] + [0, 2**256, -1]
    fast = [ED25519.is_member(z) for z in zs]
    monkeypatch.setattr(ed25519_module, "_NATIVE", False)
    assert fast == [ED25519.is_member(z) for z in zs]


@settings(max_examples=40, deadline=None)
@given(a=scalars, b=scalars)
def test_sum_and_difference_are_libsodium_s(a: int, b: int) -> None:
    x, y = _g(a), _g(b)
    assert native.point_sum([x, y]) == sodium.crypto_core_ed25519_add(x, y)
    assert native.point_sub(x, y) == sodium.crypto_core_ed25519_sub(x, y)
    assert native.point_sum([]) == _b(1)
    assert native.point_sum([x, y, x]) == sodium.crypto_core_ed25519_add(
        sodium.crypto_core_ed25519_add(x, y), x
    )


@pytest.mark.parametrize("name", list(SPECIAL))
def test_addition_of_special_encodings_is_libsodium_s(name: str) -> None:
    # Inputs libsodium's add takes without a subgroup check (small order, y >= p):
    # the same bytes out, and a refusal exactly when libsodium refuses.
    encoded, other = SPECIAL[name], _g(12345)
    try:
        expected: bytes | None = sodium.crypto_core_ed25519_add(encoded, other)
    except RuntimeError:
        expected = None
    try:
        got: bytes | None = native.point_sum([encoded, other])
    except native.NotOnCurveError:
        got = None
    assert got == expected


@settings(max_examples=40, deadline=None)
@given(y_secret=nonzero, e=scalars)
def test_base_and_key_multiplications_are_libsodium_s(y_secret: int, e: int) -> None:
    y = _g(y_secret)
    context = native.KeyContext(y)
    expected_y = sodium.crypto_scalarmult_ed25519_noclamp(_b(e), y) if e else _b(1)
    assert context.y_mul(e) == expected_y
    expected_g = sodium.crypto_scalarmult_ed25519_base_noclamp(_b(e)) if e else _b(1)
    assert native.base_mul(e) == expected_g


def _libsodium_commitment(r: int, c: int, a: bytes, base: bytes) -> bytes:
    """g^r·a^c (base = g) or y^r·a^c through libsodium, its caveats handled."""
    left = _b(int(ED25519.g_pow(r))) if base == _g(1) else _b(int(ED25519.pow(_p(base), r)))
    right = _b(int(ED25519.pow(_p(a), c)))
    return sodium.crypto_core_ed25519_add(left, right)


def _p(encoded: bytes) -> int:
    return int.from_bytes(encoded, "little")


@settings(max_examples=40, deadline=None)
@given(
    y_secret=nonzero,
    rows=st.lists(
        st.tuples(scalars, scalars, st.integers(0, 3), scalars, scalars, st.booleans()),
        min_size=1,
        max_size=4,
    ),
)
def test_commitments_are_libsodium_s(
    y_secret: int, rows: list[tuple[int, int, int, int, int, bool]]
) -> None:
    y = _g(y_secret)
    context = native.KeyContext(y)
    args = []
    expected = []
    for r, c, m, a_log, b_log, identity in rows:
        a = _b(1) if identity else _g(a_log)
        b = _g(b_log)
        args.append((r, c, -c * m % L, a, b))
        shifted = b if m == 0 else sodium.crypto_core_ed25519_sub(b, _g(m))
        expected += [
            _libsodium_commitment(r, c, a, _g(1)),
            _libsodium_commitment(r, c, shifted, y),
        ]
    assert context.commitments(args) == expected
    for (r, c, _, a, _), big_a in zip(args, expected[::2], strict=True):
        assert context.double_base(r, c, a) == big_a


def test_a_point_off_the_curve_is_named_by_its_position() -> None:
    context = native.KeyContext(_g(3))
    off = SPECIAL["off-curve"]
    rows = [(1, 2, 0, _g(5), _g(6)), (1, 2, 0, _g(5), off)]
    with pytest.raises(native.NotOnCurveError) as caught:
        context.commitments(rows)
    assert caught.value.index == 3  # the b of row 1, after the 2 a's
    with pytest.raises(native.NotOnCurveError):
        native.KeyContext(off)
    with pytest.raises(native.NotOnCurveError):
        native.point_sum([_g(1), off])
    with pytest.raises(TypeError):
        __import__("pickle").dumps(context)


def _tampered_ballots() -> tuple[Election, list[bytes]]:
    """Valid ballots, and copies with each kind of proof or element altered."""
    rng = random.Random(5)
    election, _, _ = _setup(ED25519, 5)
    powers = PlainPowers(ED25519, election.public_key)
    raws: list[bytes] = []

    def add(obj: Any) -> None:
        raws.append(json.dumps(obj, separators=(",", ":")).encode())

    def bump(proof: dict[str, str], key: str = "response") -> None:
        proof[key] = str((int(proof[key]) + 1) % L)

    for votes in ([[0, 1, 0, 0], [0, 1]], [[1, 0, 0, 0], [1, 1]], [[0, 0, 0, 1], [0, 0]]):
        secret = ED25519.random_scalar(rng)
        ballot = sign_ballot_with_secret(election, powers, secret, votes, rng)
        good = json.loads(ballot.to_bytes())
        add(good)
        answer = good["answers"][0]
        for path in (
            lambda o: o["answers"][0]["individual_proofs"][1][0],
            lambda o: o["answers"][0]["individual_proofs"][2][1],
            lambda o: o["answers"][0]["blank_proof"][0],
            lambda o: o["answers"][0]["overall_proof"][1],
            lambda o: o["answers"][1]["overall_proof"][0],
            lambda o: o["signature"]["proof"],
        ):
            for key in ("response", "challenge"):
                obj = json.loads(json.dumps(good))
                bump(path(obj), key)
                add(obj)
        for field, value in (
            ("alpha", format(ref.encode(ref.add(ref.mul(9, ref.BASE), ref.TORSION[1])), "064x")),
            ("beta", format(next(y for y in range(2, 100) if ref.decode(y) is None), "064x")),
            ("alpha", str(IDENTITY)),
            ("beta", answer["choices"][0]["alpha"]),
        ):
            obj = json.loads(json.dumps(good))
            obj["answers"][0]["choices"][2][field] = value
            add(obj)
    return election, raws


def test_fast_verifier_gives_the_same_outcomes_with_and_without_the_native_library(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    election, raws = _tampered_ballots()
    fast = BallotVerifier(election, ANY_CREDENTIAL)
    assert isinstance(fast.powers, VerificationPowers)
    with_native = fast.verify_chunk(raws)
    monkeypatch.setattr(ed25519_module, "_NATIVE", False)
    slow = BallotVerifier(election, ANY_CREDENTIAL)
    assert isinstance(slow.powers, PlainPowers)
    assert slow.verify_chunk(raws) == with_native
    # The alterations were seen: 3 valid ballots, every copy refused.
    assert [o.ok for o in with_native].count(True) == 3
    checks = {o.check for o in with_native if not o.ok}
    assert checks == {"individual_proof", "blank_proof", "overall_proof", "signature", "subgroup"}


def test_identity_constant_is_the_native_identity() -> None:
    assert native.point_sum([]) == _b(int(IDENTITY))
