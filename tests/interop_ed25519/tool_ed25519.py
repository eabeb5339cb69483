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

    def tool_tally(self) -> list[Any]:
        """EndBallots, encrypted tally, every Single trustee's decryption, result."""
        run = self.tool.run
        run(["archive", "add-event", "--type=EndBallots"], stdin="")
        tally = run(["election", "compute-encrypted-tally"])
        run(["archive", "add-event", "--type=EncryptedTally"], stdin=tally)
        for index, key in enumerate(sorted(self.tool.workdir.glob("*.privkey")), start=1):
            pd = run(["election", "decrypt", "--privkey", key.name, "--trustee-id", str(index)])
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
    template: dict[str, Any] | None = None,
) -> ToolElection33:
    """Everything by belenios-tool 3.3 in Ed25519 (demo.sh with Single trustees)."""
    w = tool.workdir
    uuid = tool.run(["setup", "generate-token"]).strip()
    tool.run(["setup", "generate-credentials", "--uuid", uuid, "--group", "Ed25519",
              "--count", str(voters)])  # fmt: skip
    (pub,) = w.glob("*.pubcreds")
    (priv,) = w.glob("*.privcreds")
    pub.rename(w / "public_creds.json")
    private = list(json.loads(priv.read_text()).values())
    priv.unlink()
    _setup(tool, uuid, template or TEMPLATE, trustees)
    return ToolElection33(tool, uuid, private_credentials=private, trustees=trustees)


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
