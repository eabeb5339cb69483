"""Single + Pedersen elections run with the real belenios-tool 2.0.

``ThresholdElection`` follows belenios-tool's ``demo-threshold.sh``: three
threshold trustees (any two decrypt) and one mandatory Single trustee, then
credentials, make-trustees, make-election and archive init. The trustee keys
can be made by belenios-tool (``tool_trustees``) or by our code
(``our_trustees``, every Pedersen step ours). Private material stays in the
test's temporary directory or in memory.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ceremony.protocol.channel import SignedMessage
from ceremony.protocol.group import BELENIOS_2048
from ceremony.protocol.pedersen import (
    combine_threshold_parameters,
    compute_vinputs,
    make_cert,
    make_polynomial,
    make_seed,
    make_voutput,
    open_share,
)
from ceremony.protocol.trustees import make_single_trustee
from tests.conftest import BeleniosTool

GROUP = "BELENIOS-2048"
TEMPLATE: dict[str, Any] = {
    "description": "Scrutin de test",
    "name": "CSN collège 2",
    "questions": [
        {
            "answers": ["Liste A", "Liste B", "Liste C"],
            "blank": True,
            "min": 1,
            "max": 1,
            "question": "Élection des délégués",
        }
    ],
}


def tt(tool: BeleniosTool, *args: str, stdin: str | None = None) -> str:
    return tool.run(
        ["setup", "generate-trustee-key-threshold", "--group", GROUP, *args], stdin=stdin
    )


@dataclass
class TrusteeMaterial:
    """Secrets of a test election's trustees (test-only, never committed)."""

    single_private_key: int | None = None
    seeds: list[str] = field(default_factory=list)
    shares: list[int] = field(default_factory=list)
    certs: list[SignedMessage] = field(default_factory=list)
    tool_keys: list[Path] = field(default_factory=list)


def tool_trustees(tool: BeleniosTool, n: int = 3, threshold: int = 2) -> TrusteeMaterial:
    """Every trustee step by belenios-tool (demo-threshold.sh)."""
    w = tool.workdir
    for _ in range(n):
        tt(tool, "--step", "1")
    certs = sorted(w.glob("*.cert"))
    (w / "certs.jsons").write_text("".join(c.read_text() for c in certs))
    tt(tool, "--certs", "certs.jsons", "--step", "2")
    keys = sorted(w.glob("*.key"))
    polys = "".join(
        tt(
            tool,
            "--certs",
            "certs.jsons",
            "--key",
            k.name,
            "--step",
            "3",
            "--threshold",
            str(threshold),
        )
        for k in keys
    )
    (w / "polynomials.jsons").write_text(polys)
    tt(tool, "--certs", "certs.jsons", "--step", "4", "--polynomials", "polynomials.jsons")
    outs = []
    for k in keys:
        vinput = (w / f"{k.stem}.vinput").read_text()
        out = tt(tool, "--certs", "certs.jsons", "--key", k.name, "--step", "5", stdin=vinput)
        (w / f"{k.stem}.voutput").write_text(out)
        outs.append(out)
    threshold_json = tt(
        tool, "--certs", "certs.jsons", "--step", "6", "--polynomials", "polynomials.jsons",
        stdin="".join(outs),
    )  # fmt: skip
    (w / "threshold.json").write_text(threshold_json)
    tool.run(["setup", "generate-trustee-key", "--group", GROUP])
    (w / "public_keys.jsons").write_text("".join(p.read_text() for p in w.glob("*.pubkey")))
    material = TrusteeMaterial(tool_keys=keys)
    order = [json.loads(line) for line in (w / "certs.jsons").read_text().splitlines()]
    material.certs = [SignedMessage.from_dict(BELENIOS_2048, c) for c in order]
    return material


def our_trustees(
    tool: BeleniosTool, rng: random.Random, n: int = 3, threshold: int = 2
) -> TrusteeMaterial:
    """Every trustee and administrator step by our code; files for ``make-trustees``."""
    g = BELENIOS_2048
    w = tool.workdir
    seeds = [make_seed(rng) for _ in range(n)]
    certs = [make_cert(g, s, rng) for s in seeds]
    polynomials = [make_polynomial(g, certs, s, threshold, rng) for s in seeds]
    vinputs = compute_vinputs(g, certs, polynomials)
    voutputs = [make_voutput(g, certs, s, v, rng) for s, v in zip(seeds, vinputs, strict=True)]
    params = combine_threshold_parameters(g, certs, polynomials, voutputs)
    shares = [open_share(g, certs, s, v.private_key) for s, v in zip(seeds, voutputs, strict=True)]
    private_key, public = make_single_trustee(g, rng)
    (w / "threshold.json").write_text(json.dumps(params.to_dict(), separators=(",", ":")) + "\n")
    (w / "public_keys.jsons").write_text(json.dumps(public.to_dict(), separators=(",", ":")) + "\n")
    # Let belenios-tool decrypt with our keys too: seed files and encrypted shares.
    for index, (seed, voutput) in enumerate(zip(seeds, voutputs, strict=True)):
        (w / f"ours{index}.key").write_text(seed + "\n")
        (w / f"ours{index}.dkey").write_text(voutput.private_key + "\n")
    (w / "ours.privkey").write_text(json.dumps(str(private_key)) + "\n")
    return TrusteeMaterial(private_key, seeds, shares, certs)


@dataclass
class ThresholdElection:
    tool: BeleniosTool
    uuid: str
    credentials: list[str]
    material: TrusteeMaterial
    credentials_fingerprint: str

    @property
    def archive(self) -> Path:
        return self.tool.workdir / f"{self.uuid}.bel"

    def vote(self, voter: int, choices: list[int]) -> None:
        """belenios-tool generate-ballot | archive add-event --type=Ballot."""
        w = self.tool.workdir
        (w / "cred.txt").write_text(self.credentials[voter] + "\n")
        (w / "vote.json").write_text(json.dumps([choices]) + "\n")
        ballot = self.tool.run(
            ["election", "generate-ballot", "--privcred", "cred.txt", "--ballot", "vote.json"]
        )
        (w / "cred.txt").unlink()
        self.tool.run(["archive", "add-event", "--type=Ballot"], stdin=ballot)

    def tool_tally(self, delegates: tuple[int, ...] = (0, 2)) -> list[list[int]]:
        """EndBallots, tally, decryptions (Single + ``delegates``), result: all by the tool."""
        run = self.tool.run
        run(["archive", "add-event", "--type=EndBallots"], stdin="")
        tally = run(["election", "compute-encrypted-tally"])
        run(["archive", "add-event", "--type=EncryptedTally"], stdin=tally)
        keys = self.material.tool_keys or sorted(self.tool.workdir.glob("ours*.key"))
        for index in delegates:
            key = keys[index]
            pd = run(
                ["election", "decrypt-threshold", "--key", key.name,
                 "--decryption-key", f"{key.stem}.dkey", "--trustee-id", str(index + 2)]
            )  # fmt: skip
            run(["archive", "add-event", "--type=PartialDecryption"], stdin=pd)
        (privkey,) = self.tool.workdir.glob("*.privkey")
        pd = run(["election", "decrypt", "--privkey", privkey.name, "--trustee-id", "1"])
        run(["archive", "add-event", "--type=PartialDecryption"], stdin=pd)
        result = run(["election", "compute-result"])
        run(["archive", "add-event", "--type=Result"], stdin=result)
        return list(json.loads(result)["result"])


def setup_election(tool: BeleniosTool, material: TrusteeMaterial, voters: int) -> ThresholdElection:
    """Credentials, make-trustees, make-election, archive init (demo-threshold.sh)."""
    w = tool.workdir
    uuid = tool.run(["setup", "generate-token"]).strip()
    out = tool.run(["setup", "generate-credentials", "--uuid", uuid, "--group", GROUP,
                    "--count", str(voters)])  # fmt: skip
    credentials_fingerprint = out.strip().split()[-1]
    (pub,) = w.glob("*.pubcreds")
    (priv,) = w.glob("*.privcreds")
    pub.rename(w / "public_creds.json")
    credentials = [line.split()[1] for line in priv.read_text().splitlines() if line.strip()]
    priv.unlink()
    tool.run(["setup", "make-trustees"])
    (w / "template.json").write_text(json.dumps(TEMPLATE))
    tool.run(["setup", "make-election", "--uuid", uuid, "--group", GROUP,
              "--template", "template.json"])  # fmt: skip
    tool.run(["archive", "init"])
    for name in ("election.json", "trustees.json", "public_creds.json"):
        (w / name).unlink()
    return ThresholdElection(tool, uuid, credentials, material, credentials_fingerprint)
