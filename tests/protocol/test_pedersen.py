"""The Pedersen threshold key establishment, every role played by our code (§4.6)."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ceremony.protocol.channel import ChannelError, InvalidSignatureError, send
from ceremony.protocol.decryption import compute_lagrange_coefficient
from ceremony.protocol.group import BELENIOS_2048 as G
from ceremony.protocol.pedersen import (
    PedersenError,
    ThresholdParameters,
    TrusteeSecrets,
    WrongSeedError,
    combine_threshold_parameters,
    compute_pedersen_public_key,
    compute_vinputs,
    make_cert,
    make_polynomial,
    make_seed,
    make_voutput,
    open_share,
    verify_certs,
    verify_threshold_parameters,
)


def run_ceremony(
    n: int, threshold: int, rng: random.Random
) -> tuple[list[str], ThresholdParameters, list[int]]:
    seeds = [make_seed(rng) for _ in range(n)]
    certs = [make_cert(G, s, rng) for s in seeds]
    polynomials = [make_polynomial(G, certs, s, threshold, rng) for s in seeds]
    vinputs = compute_vinputs(G, certs, polynomials)
    voutputs = [make_voutput(G, certs, s, v, rng) for s, v in zip(seeds, vinputs, strict=True)]
    params = combine_threshold_parameters(G, certs, polynomials, voutputs)
    shares = [open_share(G, certs, s, v.private_key) for s, v in zip(seeds, voutputs, strict=True)]
    return seeds, params, shares


CEREMONY = run_ceremony(4, 2, random.Random(7))


@settings(max_examples=20, deadline=None)
@given(st.data())
def test_any_two_of_four_shares_recombine_the_key(data: st.DataObject) -> None:
    _, params, shares = CEREMONY
    chosen = data.draw(st.sets(st.integers(min_value=1, max_value=4), min_size=2, max_size=2))
    xs = sorted(chosen)
    secret = sum(compute_lagrange_coefficient(G, xs, x) * shares[x - 1] for x in xs) % G.q
    assert G.g_pow(secret) == compute_pedersen_public_key(G, params)


def test_one_share_is_not_enough() -> None:
    _, params, shares = CEREMONY
    y = compute_pedersen_public_key(G, params)
    assert all(G.g_pow(s) != y for s in shares)


def test_threshold_parameters_verify_and_round_trip() -> None:
    _, params, _ = CEREMONY
    verify_threshold_parameters(G, params)
    assert ThresholdParameters.from_dict(G, params.to_dict()) == params
    assert params.threshold == 2


def test_tampered_verification_key_is_refused() -> None:
    _, params, _ = CEREMONY
    keys = list(params.verification_keys)
    keys[0], keys[1] = keys[1], keys[0]
    with pytest.raises(PedersenError):
        verify_threshold_parameters(G, replace(params, verification_keys=tuple(keys)))


def test_tampered_coefexps_signature_is_refused() -> None:
    _, params, _ = CEREMONY
    signed = params.coefexps[0]
    forged = replace(signed, message=signed.message.replace('"coefexps":["', '"coefexps":["1'))
    with pytest.raises((InvalidSignatureError, PedersenError)):
        verify_threshold_parameters(G, replace(params, coefexps=(forged, *params.coefexps[1:])))


def test_wrong_seed_is_refused() -> None:
    rng = random.Random(8)
    seeds = [make_seed(rng) for _ in range(3)]
    certs = [make_cert(G, s, rng) for s in seeds]
    with pytest.raises(WrongSeedError):
        make_polynomial(G, certs, make_seed(rng), 2, rng)


def test_a_bad_secret_is_caught_by_its_recipient() -> None:
    rng = random.Random(9)
    seeds = [make_seed(rng) for _ in range(3)]
    certs = [make_cert(G, s, rng) for s in seeds]
    polynomials = [make_polynomial(G, certs, s, 2, rng) for s in seeds]
    keys = verify_certs(G, certs)
    sk1 = TrusteeSecrets.from_seed(G, seeds[0]).signing_key
    # Trustee 1 sends trustee 2 a well-signed, well-encrypted but wrong share.
    wrong = send(G, sk1, keys[1].encryption, '{"secret":"12345"}', rng)
    misrouted = polynomials[0].secrets[2]
    for bad_secret, error in ((wrong, PedersenError), (misrouted, ChannelError)):
        secrets = (polynomials[0].secrets[0], bad_secret, polynomials[0].secrets[2])
        bad = replace(polynomials[0], secrets=secrets)
        vinputs = compute_vinputs(G, certs, [bad, *polynomials[1:]])
        make_voutput(G, certs, seeds[0], vinputs[0], rng)
        with pytest.raises(error):
            make_voutput(G, certs, seeds[1], vinputs[1], rng)


def test_every_pair_recombines_in_a_three_trustee_ceremony() -> None:
    _, params, shares = run_ceremony(3, 2, random.Random(10))
    y = compute_pedersen_public_key(G, params)
    for pair in itertools.combinations([1, 2, 3], 2):
        secret = sum(compute_lagrange_coefficient(G, pair, x) * shares[x - 1] for x in pair) % G.q
        assert G.g_pow(secret) == y


_CEREMONIES: dict[tuple[int, int], tuple[list[str], ThresholdParameters, list[int]]] = {}


def _ceremony(n: int, threshold: int) -> tuple[list[str], ThresholdParameters, list[int]]:
    if (n, threshold) not in _CEREMONIES:
        _CEREMONIES[n, threshold] = run_ceremony(n, threshold, random.Random(n * 10 + threshold))
    return _CEREMONIES[n, threshold]


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_any_threshold_subset_recombines_and_fewer_do_not(data: st.DataObject) -> None:
    n = data.draw(st.integers(min_value=2, max_value=5), label="n")
    threshold = data.draw(st.integers(min_value=2, max_value=min(3, n)), label="threshold")
    _, params, shares = _ceremony(n, threshold)
    y = compute_pedersen_public_key(G, params)
    chosen = sorted(
        data.draw(st.sets(st.integers(1, n), min_size=threshold, max_size=threshold), "subset")
    )
    secret = sum(compute_lagrange_coefficient(G, chosen, x) * shares[x - 1] for x in chosen)
    assert G.g_pow(secret % G.q) == y
    fewer = chosen[:-1]
    partial = sum(compute_lagrange_coefficient(G, fewer, x) * shares[x - 1] for x in fewer)
    assert G.g_pow(partial % G.q) != y
