"""Elections (§4.9–4.10): creation like ``make-election``, reading, fingerprint."""

from __future__ import annotations

import json

import pytest

from ceremony.protocol.election import (
    Election,
    HomomorphicQuestion,
    OtherQuestion,
    combine_public_keys,
    make_election,
)
from ceremony.protocol.errors import MalformedDataError, NotInSubgroupError, UnknownGroupError
from ceremony.protocol.group import BELENIOS_2048, RFC_3526_2048
from ceremony.protocol.hashing import sha256_b64
from tests.conftest import BeleniosTool
from tests.protocol.tool_election import homomorphic_template

UUID = "tjQW2b734cduTo"


def test_make_election_writes_the_spec_fields_in_order() -> None:
    y = BELENIOS_2048.g_pow(12345)
    election = make_election(homomorphic_template(6), UUID, BELENIOS_2048, y)
    data = json.loads(election.to_bytes())
    assert list(data) == [
        "version",
        "description",
        "name",
        "group",
        "public_key",
        "questions",
        "uuid",
    ]
    assert list(data["questions"][0]) == ["answers", "blank", "min", "max", "question"]
    assert election.fingerprint == sha256_b64(election.to_bytes())
    question = election.questions[0]
    assert isinstance(question, HomomorphicQuestion) and question.choice_count == 7
    assert Election.from_bytes(election.to_bytes()) == election


def test_reading_refuses_bad_elections() -> None:
    good = json.loads(
        make_election(homomorphic_template(), UUID, BELENIOS_2048, BELENIOS_2048.g).to_bytes()
    )
    for field, value, error in [
        ("version", 2, MalformedDataError),
        ("group", "BELENIOS-1024", UnknownGroupError),
        ("public_key", str(BELENIOS_2048.p - 1), NotInSubgroupError),
        ("uuid", "short", MalformedDataError),
    ]:
        with pytest.raises(error):
            Election.from_bytes(json.dumps({**good, field: value}).encode())
    bad_question = {**good, "questions": [{**good["questions"][0], "min": 2, "max": 1}]}
    with pytest.raises(MalformedDataError):
        Election.from_bytes(json.dumps(bad_question).encode())


def test_non_homomorphic_questions_are_kept_verbatim() -> None:
    template = homomorphic_template()
    nh = {"type": "NonHomomorphic", "value": {"answers": ["a", "b"], "question": "Rang ?"}}
    template["questions"].append(nh)
    election = make_election(template, UUID, RFC_3526_2048, RFC_3526_2048.g)
    assert election.questions[1] == OtherQuestion(nh)


def test_combine_public_keys() -> None:
    group = BELENIOS_2048
    assert combine_public_keys(group, [group.g_pow(3), group.g_pow(4)]) == group.g_pow(7)
    with pytest.raises(NotInSubgroupError):
        combine_public_keys(group, [group.p - 1])


@pytest.mark.belenios
@pytest.mark.parametrize("answers,blank", [(6, True), (3, False)])
def test_make_election_is_byte_identical_to_belenios_tool(
    belenios: BeleniosTool, answers: int, blank: bool
) -> None:
    template = homomorphic_template(answers, blank=blank, max_=2 if not blank else 1)
    template["description"] = "Élection « CSN » — collège 2\nsection Psychiatrie"
    belenios.run(["setup", "generate-trustee-key", "--group", "BELENIOS-2048"])
    (pubkey,) = belenios.workdir.glob("*.pubkey")
    (belenios.workdir / "public_keys.jsons").write_text(pubkey.read_text())
    belenios.run(["setup", "make-trustees"])
    (belenios.workdir / "template.json").write_text(json.dumps(template))
    belenios.run(["setup", "make-election", "--uuid", UUID, "--group", "BELENIOS-2048",
                  "--template", "template.json"])  # fmt: skip
    theirs = (belenios.workdir / "election.json").read_bytes().strip()
    y = int(json.loads(pubkey.read_text())["public_key"])
    ours = make_election(template, UUID, BELENIOS_2048, y)
    assert ours.to_bytes() == theirs
    read = Election.from_bytes(theirs)
    assert read == ours and read.fingerprint == sha256_b64(theirs)
