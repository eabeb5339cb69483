"""Elections made by the real belenios-tool 2.0, for the protocol tests.

``make_tool_election`` runs the same steps as belenios-tool's ``demo.sh``
(credentials, one Single trustee, make-trustees, make-election, archive init)
in the fixture's private directory and returns the paths and public data.
The private credentials stay in that temporary directory only.
"""

from __future__ import annotations

import json
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import BeleniosTool


@dataclass(frozen=True)
class ToolElection:
    tool: BeleniosTool
    uuid: str
    election_bytes: bytes
    public_credentials: list[str]
    private_credentials: list[str]

    @property
    def archive(self) -> Path:
        return self.tool.workdir / f"{self.uuid}.bel"

    def generate_ballot(self, voter: int, choices: list[list[int]]) -> bytes:
        """A ballot made by belenios-tool for voter number ``voter`` (0-based)."""
        workdir = self.tool.workdir
        (workdir / "cred.txt").write_text(self.private_credentials[voter] + "\n")
        (workdir / "vote.json").write_text(json.dumps(choices) + "\n")
        out = self.tool.run(
            ["election", "generate-ballot", "--privcred", "cred.txt", "--ballot", "vote.json"]
        )
        (workdir / "cred.txt").unlink()
        return out.strip().encode("utf-8")

    def add_ballot(self, ballot: bytes) -> None:
        """Append a Ballot event with belenios-tool (it checks the ballot first)."""
        self.tool.run(["archive", "add-event", "--type=Ballot"], stdin=ballot.decode("utf-8"))

    def verify(self) -> str:
        """``belenios-tool election verify`` on the archive; raises if it fails."""
        return self.tool.run(["election", "verify"])

    def archive_ballots(self) -> list[bytes]:
        """The ballot payloads of the archive, in event order."""
        with tarfile.open(self.archive) as tar:
            files = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}  # type: ignore[union-attr]
        events = [json.loads(v) for k, v in files.items() if k.endswith(".event.json")]
        events.sort(key=lambda e: e["height"])
        return [files[f"{e['payload']}.data.json"] for e in events if e["type"] == "Ballot"]


def make_tool_election(
    tool: BeleniosTool,
    template: dict[str, Any],
    *,
    voters: int = 3,
    group: str = "BELENIOS-2048",
    weights: list[int] | None = None,
) -> ToolElection:
    """Set up an election with belenios-tool as its ``demo.sh`` does."""
    workdir = tool.workdir
    uuid = tool.run(["setup", "generate-token"]).strip()
    if weights is None:
        tool.run(["setup", "generate-credentials", "--uuid", uuid, "--group", group,
                  "--count", str(voters)])  # fmt: skip
    else:
        (workdir / "voters.txt").write_text(
            "".join(f"voter{i}@example.org,voter{i},{w}\n" for i, w in enumerate(weights))
        )
        tool.run(["setup", "generate-credentials", "--uuid", uuid, "--group", group,
                  "--file", "voters.txt"])  # fmt: skip
    (pub,) = workdir.glob("*.pubcreds")
    (priv,) = workdir.glob("*.privcreds")
    pub.rename(workdir / "public_creds.json")
    private = [line.split()[1] for line in priv.read_text().splitlines() if line.strip()]
    priv.unlink()
    tool.run(["setup", "generate-trustee-key", "--group", group])
    (workdir / "public_keys.jsons").write_text(
        "".join(p.read_text() for p in sorted(workdir.glob("*.pubkey")))
    )
    tool.run(["setup", "make-trustees"])
    (workdir / "template.json").write_text(json.dumps(template))
    tool.run(["setup", "make-election", "--uuid", uuid, "--group", group,
              "--template", "template.json"])  # fmt: skip
    tool.run(["archive", "init"])
    election_bytes = (workdir / "election.json").read_bytes().strip()
    with tarfile.open(workdir / f"{uuid}.bel") as tar:
        names = [m.name for m in tar.getmembers()]
        # The third data file of the Setup is the public credentials (§4.4 table).
        creds_member = tar.extractfile(names[3])
        assert creds_member is not None
        public = json.loads(creds_member.read())
    return ToolElection(tool, uuid, election_bytes, public, private)


def homomorphic_template(answers: int = 3, *, blank: bool = True, min_: int = 1,
                         max_: int = 1) -> dict[str, Any]:  # fmt: skip
    """A 2.0 template with one homomorphic question, as DESIGN.md §2 describes."""
    question: dict[str, Any] = {"answers": [f"Liste {i + 1}" for i in range(answers)]}
    if blank:
        question["blank"] = True
    question.update({"min": min_, "max": max_, "question": "Élection des délégués"})
    return {"description": "Scrutin de test", "name": "Test", "questions": [question]}
