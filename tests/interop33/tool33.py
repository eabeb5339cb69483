"""Single + Pedersen elections run with belenios-tool 3.3 (its demo-threshold.sh).

Trustee keys are made by belenios-tool 3.3 (``tool_trustees``) or by our code
(``our_trustees``, every step of the key generation ours, 3.3 format). Secrets
stay in the test's private directory or in memory.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ceremony.protocol.errors import ProtocolError
from ceremony.protocol.group import BELENIOS_2048, Group, get_group
from ceremony.protocol.pedersen import make_seed, make_threshold_keys, open_share
from ceremony.protocol.trustees import make_single_trustee
from tests.interop33.conftest import BeleniosTool33


def _groups() -> list[Group]:
    # Ed25519 joins once the ed25519 branch (its group module) is merged.
    try:
        return [BELENIOS_2048, get_group("Ed25519")]
    except ProtocolError:
        return [BELENIOS_2048]


GROUPS = _groups()
"""The groups the 3.3 interop tests run in: BELENIOS-2048, and Ed25519 when available."""

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


@dataclass
class TrusteeMaterial:
    """Secrets of a test election's trustees (test-only, never committed)."""

    group: Group
    threshold: int
    single_private_key: int | None = None
    seeds: list[str] = field(default_factory=list)
    shares: list[int] = field(default_factory=list)
    tool_keys: list[Path] = field(default_factory=list)


def _tt(tool: BeleniosTool33, group: Group, *args: str, stdin: str | None = None) -> str:
    return tool.run(
        ["setup", "generate-trustee-key-threshold", "--group", group.name, *args], stdin=stdin
    )


def tool_trustees(
    tool: BeleniosTool33, group: Group, n: int = 3, threshold: int = 2
) -> TrusteeMaterial:
    """Every trustee step by belenios-tool 3.3, certificates in index order."""
    w = tool.workdir
    ids = []
    for i in range(1, n + 1):
        ids.append(
            _tt(tool, group, "--threshold-context", f"{i}/{threshold}/{n}", "--step", "1").strip()
        )
    (w / "certs.jsons").write_text("".join((w / f"{i}.cert").read_text() for i in ids))
    _tt(tool, group, "--certs", "certs.jsons", "--step", "2")
    polys = "".join(
        _tt(
            tool,
            group,
            "--threshold-context",
            f"{i}/{threshold}/{n}",
            "--certs",
            "certs.jsons",
            "--key",
            f"{ident}.key",
            "--step",
            "3",
        )
        for i, ident in enumerate(ids, start=1)
    )
    (w / "polynomials.jsons").write_text(polys)
    _tt(tool, group, "--certs", "certs.jsons", "--step", "4", "--polynomials", "polynomials.jsons")
    outs = []
    for ident in ids:
        vinput = (w / f"{ident}.vinput").read_text()
        out = _tt(tool, group, "--certs", "certs.jsons", "--key", f"{ident}.key", "--step", "5",
                  stdin=vinput)  # fmt: skip
        outs.append(out)
    threshold_json = _tt(tool, group, "--certs", "certs.jsons", "--step", "6", "--polynomials",
                         "polynomials.jsons", stdin="".join(outs))  # fmt: skip
    (w / "threshold.json").write_text(threshold_json)
    tool.run(["setup", "generate-trustee-key", "--group", group.name])
    (w / "public_keys.jsons").write_text("".join(p.read_text() for p in w.glob("*.pubkey")))
    return TrusteeMaterial(group, threshold, tool_keys=[w / f"{i}.key" for i in ids])


def tool_single_trustees(tool: BeleniosTool33, group: Group, n: int = 2) -> TrusteeMaterial:
    """``n`` Single trustees by belenios-tool 3.3 (its demo.sh), no threshold item."""
    w = tool.workdir
    for _ in range(n):
        tool.run(["setup", "generate-trustee-key", "--group", group.name])
    (w / "public_keys.jsons").write_text("".join(p.read_text() for p in sorted(w.glob("*.pubkey"))))
    return TrusteeMaterial(group, 0)


def our_trustees(
    tool: BeleniosTool33, group: Group, rng: random.Random, n: int = 3, threshold: int = 2
) -> TrusteeMaterial:
    """Every trustee and administrator step by our code, in the 3.3 format."""
    w = tool.workdir
    seeds = [make_seed(rng) for _ in range(n)]
    params, voutputs = make_threshold_keys(group, seeds, threshold, rng)
    shares = [
        open_share(group, params.certs, s, v.private_key)
        for s, v in zip(seeds, voutputs, strict=True)
    ]
    private_key, public = make_single_trustee(group, rng)
    compact = {"separators": (",", ":")}
    (w / "threshold.json").write_text(json.dumps(params.to_dict(), **compact) + "\n")  # type: ignore[arg-type]
    (w / "public_keys.jsons").write_text(json.dumps(public.to_dict(), **compact) + "\n")  # type: ignore[arg-type]
    # Let belenios-tool 3.3 decrypt with our keys too: seed files and encrypted shares.
    for index, (seed, voutput) in enumerate(zip(seeds, voutputs, strict=True)):
        (w / f"ours{index}.key").write_text(seed + "\n")
        (w / f"ours{index}.dkey").write_text(voutput.private_key + "\n")
    (w / "ours.privkey").write_text(json.dumps(str(private_key)) + "\n")
    return TrusteeMaterial(
        group, threshold, private_key, seeds, shares,
        tool_keys=[w / f"ours{i}.key" for i in range(n)],
    )  # fmt: skip


@dataclass
class Election33:
    tool: BeleniosTool33
    uuid: str
    credentials: list[str]
    material: TrusteeMaterial

    @property
    def archive(self) -> Path:
        return self.tool.workdir / f"{self.uuid}.bel"

    def ballot(self, voter: int, choices: list[int]) -> str:
        """belenios-tool 3.3 generate-ballot (one homomorphic question)."""
        w = self.tool.workdir
        (w / "cred.txt").write_text(self.credentials[voter] + "\n")
        (w / "vote.json").write_text(json.dumps([choices]) + "\n")
        try:
            return self.tool.run(
                ["election", "generate-ballot", "--privcred", "cred.txt", "--choice", "vote.json"]
            )
        finally:
            (w / "cred.txt").unlink()

    def add_ballot(self, ballot: str) -> None:
        self.tool.run(["archive", "add-event", "--type=Ballot"], stdin=ballot)

    def vote(self, voter: int, choices: list[int]) -> None:
        self.add_ballot(self.ballot(voter, choices))

    def close(self) -> None:
        """EndBallots and the encrypted tally, by belenios-tool 3.3."""
        run = self.tool.run
        run(["archive", "add-event", "--type=EndBallots"], stdin="")
        tally = run(["election", "compute-encrypted-tally"])
        run(["archive", "add-event", "--type=EncryptedTally"], stdin=tally)

    def threshold_decryption(self, index: int) -> str:
        """Delegate ``index`` (0-based)'s partial decryption, by belenios-tool 3.3."""
        key = self.material.tool_keys[index]
        return self.tool.run(
            ["election", "decrypt-threshold", "--key", key.name,
             "--decryption-key", f"{key.stem}.dkey", "--trustee-id", str(index + 2)]
        )  # fmt: skip

    def single_decryption(self, index: int = 0) -> str:
        """Single trustee ``index`` (0-based, in public_keys.jsons order)'s decryption."""
        privkey = sorted(self.tool.workdir.glob("*.privkey"))[index]
        return self.tool.run(
            ["election", "decrypt", "--privkey", privkey.name, "--trustee-id", str(index + 1)]
        )

    def add_decryption(self, pd: str) -> None:
        self.tool.run(["archive", "add-event", "--type=PartialDecryption"], stdin=pd)

    def result(self) -> list[list[int]]:
        result = self.tool.run(["election", "compute-result"])
        self.tool.run(["archive", "add-event", "--type=Result"], stdin=result)
        return list(json.loads(result)["result"])

    def tool_tally(self, delegates: tuple[int, ...] = (0, 2)) -> list[list[int]]:
        """EndBallots, tally, decryptions (Single + ``delegates``), result: all by the tool."""
        self.close()
        for index in delegates:
            self.add_decryption(self.threshold_decryption(index))
        self.add_decryption(self.single_decryption())
        return self.result()


def setup_election(
    tool: BeleniosTool33,
    material: TrusteeMaterial,
    voters: int,
    template: dict[str, Any] | None = None,
    weights: list[int] | None = None,
) -> Election33:
    """Credentials, make-trustees, make-election, archive init (3.3 demo-threshold.sh).

    With ``weights``, voter i (login ``v<i>``) has weight ``weights[i]``.
    """
    w = tool.workdir
    group = material.group.name
    uuid = tool.run(["setup", "generate-token"]).strip()
    if weights is None:
        who = ["--count", str(voters)]
    else:
        lines = [f"v{i}@example.org,v{i},{weight}" for i, weight in enumerate(weights)]
        (w / "voters.txt").write_text("\n".join(lines) + "\n")
        who = ["--file", "voters.txt"]
    tool.run(["setup", "generate-credentials", "--uuid", uuid, "--group", group, *who])
    (pub,) = w.glob("*.pubcreds")
    (priv,) = w.glob("*.privcreds")
    pub.rename(w / "public_creds.json")
    by_login = json.loads(priv.read_text())
    credentials = (
        list(by_login.values())
        if weights is None
        else [by_login[f"v{i}"] for i in range(len(weights))]
    )
    priv.unlink()
    tool.run(["setup", "make-trustees"])
    (w / "template.json").write_text(json.dumps(template or TEMPLATE))
    tool.run(["setup", "make-election", "--uuid", uuid, "--group", group,
              "--template", "template.json"])  # fmt: skip
    tool.run(["archive", "init"])
    for name in ("election.json", "trustees.json", "public_creds.json"):
        (w / name).unlink()
    return Election33(tool, uuid, credentials, material)
