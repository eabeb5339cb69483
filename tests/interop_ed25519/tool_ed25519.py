"""Ed25519 elections run with belenios-tool 3.3 (its demo.sh, Single trustees).

The tool makes the credentials, the trustee keys, the election, the ballots and
the tally (``tool_election``); or it takes public credentials we computed, so
that our code can sign ballots (``election_with_our_credentials``: the 3.3
credential derivation belongs to another module, and a voter's secret only
has to match its public credential in L). Secrets stay in the test's private
directory or in memory.
"""

from __future__ import annotations

import json
import random
import tarfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ceremony.protocol.ed25519 import ED25519
from tests.belenios33.tool import BeleniosTool33

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
class ToolElection33:
    tool: BeleniosTool33
    uuid: str
    private_credentials: list[str] = field(default_factory=list)
    secrets: list[int] = field(default_factory=list)
    trustees: int = 1
    delegates: list[str] = field(default_factory=list)
    """Ids of the Pedersen trustees (threshold elections), in index order."""

    @property
    def archive(self) -> Path:
        return self.tool.workdir / f"{self.uuid}.bel"

    @property
    def election_bytes(self) -> bytes:
        return (self.tool.workdir / "election.json").read_bytes().strip()

    def tool_ballot(self, voter: int, choices: list[list[int]]) -> str:
        """belenios-tool 3.3 generate-ballot with the voter's private credential."""
        w = self.tool.workdir
        (w / "cred.txt").write_text(self.private_credentials[voter] + "\n")
        (w / "vote.json").write_text(json.dumps(choices) + "\n")
        try:
            return self.tool.run(
                ["election", "generate-ballot", "--privcred", "cred.txt", "--choice", "vote.json"]
            ).strip()
        finally:
            (w / "cred.txt").unlink()

    def add_ballot(self, ballot: str) -> None:
        """Archive a Ballot event (belenios-tool checks the ballot first)."""
        self.tool.run(["archive", "add-event", "--type=Ballot"], stdin=ballot)

    def vote(self, voter: int, choices: list[list[int]]) -> None:
        self.add_ballot(self.tool_ballot(voter, choices))

    def verify_ballot(self, ballot: str) -> None:
        """``election verify-ballot``: belenios-tool 3.3 checks one ballot fully."""
        (self.tool.workdir / "ballot.json").write_text(ballot + "\n")
        self.tool.run(["election", "verify-ballot", "--ballot", "ballot.json"])

    def verify(self) -> str:
        return self.tool.run(["election", "verify"])

    def tool_tally(self, delegates: tuple[int, ...] = (0, 2)) -> list[Any]:
        """EndBallots, encrypted tally, every Single trustee's decryption and, in a
        threshold election, those of ``delegates`` (0-based), then the result."""
        run = self.tool.run
        run(["archive", "add-event", "--type=EndBallots"], stdin="")
        tally = run(["election", "compute-encrypted-tally"])
        run(["archive", "add-event", "--type=EncryptedTally"], stdin=tally)
        singles = sorted(self.tool.workdir.glob("*.privkey"))
        # make-trustees lists the Single keys first, then the threshold item.
        for index, key in enumerate(singles, start=1):
            pd = run(["election", "decrypt", "--privkey", key.name, "--trustee-id", str(index)])
            run(["archive", "add-event", "--type=PartialDecryption"], stdin=pd)
        for d in delegates if self.delegates else ():
            ident = self.delegates[d]
            pd = run(["election", "decrypt-threshold", "--key", f"{ident}.key",
                      "--decryption-key", f"{ident}.dkey",
                      "--trustee-id", str(len(singles) + d + 1)])  # fmt: skip
            run(["archive", "add-event", "--type=PartialDecryption"], stdin=pd)
        result = run(["election", "compute-result"])
        run(["archive", "add-event", "--type=Result"], stdin=result)
        return list(json.loads(result)["result"])

    def archive_ballots(self) -> list[bytes]:
        """The ballot payloads of the archive, in event order."""
        with tarfile.open(self.archive) as tar:
            files = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}  # type: ignore[union-attr]
        events = [json.loads(v) for k, v in files.items() if k.endswith(".event.json")]
        events.sort(key=lambda e: e["height"])
        return [files[f"{e['payload']}.data.json"] for e in events if e["type"] == "Ballot"]


def threshold_trustees(tool: BeleniosTool33, n: int = 3, t: int = 2) -> list[str]:
    """Pedersen t-of-n keys by belenios-tool 3.3 (demo-threshold.sh, certificates in index
    order); writes threshold.json and returns the trustees' ids (``<id>.key``, ``.dkey``)."""
    w = tool.workdir
    keygen = ["setup", "generate-trustee-key-threshold", "--group", "Ed25519"]
    ids = [tool.run([*keygen, "--threshold-context", f"{i}/{t}/{n}", "--step", "1"]).strip()
           for i in range(1, n + 1)]  # fmt: skip
    (w / "certs.jsons").write_text("".join((w / f"{i}.cert").read_text() for i in ids))
    certs = ["--certs", "certs.jsons"]
    tool.run([*keygen, *certs, "--step", "2"])
    polys = [
        tool.run([*keygen, "--threshold-context", f"{i}/{t}/{n}", *certs, "--key",
                  f"{ident}.key", "--step", "3"])
        for i, ident in enumerate(ids, start=1)
    ]  # fmt: skip
    (w / "polynomials.jsons").write_text("".join(polys))
    tool.run([*keygen, *certs, "--step", "4", "--polynomials", "polynomials.jsons"])
    outs = [
        tool.run([*keygen, *certs, "--key", f"{i}.key", "--step", "5"],
                 stdin=(w / f"{i}.vinput").read_text())
        for i in ids
    ]  # fmt: skip
    (w / "threshold.json").write_text(
        tool.run([*keygen, *certs, "--step", "6", "--polynomials", "polynomials.jsons"],
                 stdin="".join(outs))
    )  # fmt: skip
    return ids


def _setup(tool: BeleniosTool33, uuid: str, template: dict[str, Any], trustees: int) -> None:
    w = tool.workdir
    for _ in range(trustees):
        tool.run(["setup", "generate-trustee-key", "--group", "Ed25519"])
    (w / "public_keys.jsons").write_text("".join(p.read_text() for p in sorted(w.glob("*.pubkey"))))
    tool.run(["setup", "make-trustees"])
    (w / "template.json").write_text(json.dumps(template))
    tool.run(["setup", "make-election", "--uuid", uuid, "--group", "Ed25519",
              "--template", "template.json"])  # fmt: skip
    tool.run(["archive", "init"])


def tool_election(
    tool: BeleniosTool33,
    *,
    voters: int = 4,
    trustees: int = 1,
    threshold: bool = False,
    template: dict[str, Any] | None = None,
) -> ToolElection33:
    """Everything by belenios-tool 3.3 in Ed25519: ``trustees`` Single trustees and,
    with ``threshold``, a Pedersen 2-of-3 item (demo.sh, demo-threshold.sh)."""
    w = tool.workdir
    delegates = threshold_trustees(tool) if threshold else []
    uuid = tool.run(["setup", "generate-token"]).strip()
    tool.run(["setup", "generate-credentials", "--uuid", uuid, "--group", "Ed25519",
              "--count", str(voters)])  # fmt: skip
    (pub,) = w.glob("*.pubcreds")
    (priv,) = w.glob("*.privcreds")
    pub.rename(w / "public_creds.json")
    private = list(json.loads(priv.read_text()).values())
    priv.unlink()
    _setup(tool, uuid, template or TEMPLATE, trustees)
    return ToolElection33(
        tool, uuid, private_credentials=private, trustees=trustees, delegates=delegates
    )


def election_with_our_credentials(
    tool: BeleniosTool33,
    rng: random.Random,
    *,
    voters: int = 3,
    trustees: int = 1,
    template: dict[str, Any] | None = None,
) -> ToolElection33:
    """belenios-tool 3.3 election whose public credentials g^s we computed (Ed25519)."""
    w = tool.workdir
    uuid = tool.run(["setup", "generate-token"]).strip()
    secrets = [ED25519.random_scalar(rng) for _ in range(voters)]
    public = sorted(str(ED25519.g_pow(s)) for s in secrets)
    (w / "public_creds.json").write_text(json.dumps(public) + "\n")
    by_public = {str(ED25519.g_pow(s)): s for s in secrets}
    _setup(tool, uuid, template or TEMPLATE, trustees)
    return ToolElection33(tool, uuid, secrets=[by_public[p] for p in public], trustees=trustees)
