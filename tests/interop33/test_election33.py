"""Election files of Belenios 3.3: ``language``, and ours byte for byte as belenios-tool 3.3's."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ceremony.protocol.audit import Check, audit_archive
from ceremony.protocol.election import Election, make_election
from ceremony.protocol.group import BELENIOS_2048, Group
from ceremony.verify.belenios import verify_belenios
from tests.interop33.conftest import BeleniosTool33
from tests.interop33.tool33 import GROUPS, TEMPLATE, setup_election, tool_trustees


def _template(language: list[str] | None) -> dict[str, Any]:
    return TEMPLATE | ({"language": language} if language else {})


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
@pytest.mark.parametrize("language", [None, ["ar", "rtl"], ["fr", "ltr"]])
def test_our_election_file_is_belenios_tool_33s(
    belenios33: BeleniosTool33, group: Group, language: list[str] | None
) -> None:
    w = belenios33.workdir
    uuid = belenios33.run(["setup", "generate-token"]).strip()
    belenios33.run(["setup", "generate-trustee-key", "--group", group.name])
    (w / "public_keys.jsons").write_text(next(w.glob("*.pubkey")).read_text())
    belenios33.run(["setup", "make-trustees"])
    (w / "template.json").write_text(json.dumps(_template(language)))
    belenios33.run(["setup", "make-election", "--uuid", uuid, "--group", group.name,
                    "--template", "template.json"])  # fmt: skip
    theirs = (w / "election.json").read_bytes().strip()
    key = Election.from_bytes(theirs).public_key
    ours = make_election(_template(language), uuid, group, key)
    assert ours.to_bytes() == theirs
    assert ours.language == (None if language is None else tuple(language))


@pytest.mark.belenios
@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g.name)
def test_tool_33_election_with_language_verifies_as_3_3(
    belenios33: BeleniosTool33, group: Group
) -> None:
    material = tool_trustees(belenios33, group)
    election = setup_election(belenios33, material, voters=2, template=_template(["ar", "rtl"]))
    election.vote(0, [0, 0, 1, 0])
    election.vote(1, [1, 0, 0, 0])
    assert election.tool_tally(delegates=(1, 2)) == [[1, 0, 1, 0]]
    report = verify_belenios(election.archive)
    assert report.passed and report.result == [[1, 0, 1, 0]]
    outcome = audit_archive(election.archive)
    assert outcome.election is not None and outcome.election.language == ("ar", "rtl")
    (trustees,) = [c for c in outcome.checks if c.check is Check.SETUP_TRUSTEES]
    assert trustees.note == "Belenios 3.3"


def test_language_must_name_a_direction() -> None:
    from ceremony.protocol.errors import MalformedDataError

    with pytest.raises(MalformedDataError):
        make_election(_template(["ar", "up"]), "tjQW2b734cduTo", BELENIOS_2048, BELENIOS_2048.g)
