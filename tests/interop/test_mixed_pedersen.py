"""Interop: a Pedersen key ceremony where belenios-tool and our code share the roles.

Two trustees run belenios-tool, the third runs our code; both our
administrator and belenios-tool's route and combine the same messages, and
must agree byte for byte on the vinputs and on the threshold parameters.
"""

from __future__ import annotations

import json
import random

import pytest

from ceremony.protocol.channel import SignedMessage
from ceremony.protocol.group import BELENIOS_2048 as G
from ceremony.protocol.pedersen import (
    Polynomial,
    ThresholdParameters,
    Vinput,
    Voutput,
    combine_threshold_parameters,
    compute_vinputs,
    make_cert,
    make_polynomial,
    make_seed,
    make_voutput,
    verify_threshold_parameters,
)
from tests.conftest import BeleniosTool
from tests.interop.tool_threshold import tt


@pytest.mark.belenios
def test_tool_and_our_trustees_in_one_ceremony(belenios: BeleniosTool) -> None:
    w = belenios.workdir
    rng = random.Random(77)
    tt(belenios, "--step", "1")
    tt(belenios, "--step", "1")
    tool_keys = sorted(w.glob("*.key"))
    seed = make_seed(rng)
    lines = [(w / f"{k.stem}.cert").read_text().strip() for k in tool_keys]
    lines.append(json.dumps(make_cert(G, seed, rng).to_dict(), separators=(",", ":")))
    (w / "certs.jsons").write_text("".join(line + "\n" for line in lines))
    tt(belenios, "--certs", "certs.jsons", "--step", "2")  # the tool accepts our certificate
    certs = [SignedMessage.from_dict(G, json.loads(line)) for line in lines]

    polynomials = [
        Polynomial.from_dict(G, json.loads(tt(belenios, "--certs", "certs.jsons", "--key", k.name,
                                              "--step", "3", "--threshold", "2")))
        for k in tool_keys
    ]  # fmt: skip
    polynomials.append(make_polynomial(G, certs, seed, 2, rng))
    (w / "polynomials.jsons").write_text(
        "".join(json.dumps(p.to_dict(), separators=(",", ":")) + "\n" for p in polynomials)
    )
    tt(belenios, "--certs", "certs.jsons", "--step", "4", "--polynomials", "polynomials.jsons")
    ours = compute_vinputs(G, certs, polynomials)
    for key, vinput in zip(tool_keys, ours, strict=False):
        theirs = json.loads((w / f"{key.stem}.vinput").read_text())
        assert Vinput.from_dict(G, theirs) == vinput  # same routing by both administrators

    voutputs = [
        Voutput.from_dict(G, json.loads(
            tt(belenios, "--certs", "certs.jsons", "--key", k.name, "--step", "5",
               stdin=json.dumps(v.to_dict(), separators=(",", ":")) + "\n")))
        for k, v in zip(tool_keys, ours, strict=False)
    ]  # fmt: skip
    voutputs.append(make_voutput(G, certs, seed, ours[2], rng))
    theirs = tt(
        belenios, "--certs", "certs.jsons", "--step", "6", "--polynomials", "polynomials.jsons",
        stdin="".join(json.dumps(v.to_dict(), separators=(",", ":")) + "\n" for v in voutputs),
    )  # fmt: skip
    combined = combine_threshold_parameters(G, certs, polynomials, voutputs)
    assert ThresholdParameters.from_dict(G, json.loads(theirs)) == combined
    verify_threshold_parameters(G, combined)
