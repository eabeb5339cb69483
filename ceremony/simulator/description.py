"""The simulator's election description, and the definition bundle made from it.

A description (``resources/demo/hospital-2024.json`` is the shipped one, shaped
like the 2024 hospital doctors' elections) names the lists, the bureaux with
their members and contests, the times and the voters' behaviour. The
simulator turns it into a definition (DESIGN.md §4) with generated electors,
manifestos and logos, deterministically from a seed.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ceremony.bundles.errors import PayloadSchemaError
from ceremony.bundles.keys import PublicKey
from ceremony.bundles.payloads.common import FileRef, SoftwareFingerprint
from ceremony.bundles.payloads.definition import (
    GROUPS,
    BureauDefinition,
    Candidate,
    CandidateList,
    Contest,
    DefinitionPayload,
    Electors,
    Member,
    RecordTexts,
    Schedule,
    SeatRule,
    UnionShare,
)
from ceremony.errors import CeremonyError
from ceremony.protocol.base58 import make_uuid

DEMO_DESCRIPTION = (
    Path(__file__).resolve().parent.parent.parent / "resources" / "demo" / "hospital-2024.json"
)


DEFAULT_GROUP = "Ed25519"
"""The group of new ceremonies when the description names none (Belenios' default since 2.1)."""


class DescriptionError(CeremonyError):
    default_message = "La description de l'élection de démonstration est illisible ou incomplète."


def description_group(description: dict[str, Any]) -> str:
    """The Belenios group the description chooses for its elections."""
    group = description.get("group", DEFAULT_GROUP)
    if group not in GROUPS:
        raise DescriptionError(f"description: group {group!r} is not one of {sorted(GROUPS)}")
    return str(group)


@dataclass(frozen=True)
class ContestPlan:
    """What the simulator needs besides the definition: how many electors per contest."""

    contest_uuid: str
    registered: int
    list_ids: tuple[str, ...]


def load_description(path: Path = DEMO_DESCRIPTION) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DescriptionError(f"{path}: {e}") from e
    if not isinstance(data, dict) or "bureaux" not in data or "lists" not in data:
        raise DescriptionError(f"{path}: no bureaux or lists")
    return data


def _logo(name: str, colour: str) -> bytes:
    initials = "".join(w[0] for w in name.split() if w[0].isalpha())[:3].upper()
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120">'
        f'<circle cx="60" cy="60" r="56" fill="{colour}"/>'
        f'<text x="60" y="72" font-size="34" text-anchor="middle" fill="#fff">{initials}</text>'
        "</svg>\n"
    ).encode()


def _manifesto(name: str, unions: list[list[Any]]) -> bytes:
    text = (
        f"Profession de foi — {name}\n\n"
        f"Présentée par : {', '.join(str(u[0]) for u in unions)}.\n"
        "Nous défendons l'hôpital public, des conditions de travail dignes et la "
        "reconnaissance de la permanence des soins.\n"
    )
    return text.encode("utf-8")


def registered_per_contest(
    description: dict[str, Any], bureau: dict[str, Any], ballots: int
) -> list[int]:
    """Electors per contest so that ``ballots`` votes are expected at the described turnout."""
    turnout = float(description.get("turnout", 0.28))
    shares = [float(c["electors_share"]) for c in bureau["contests"]]
    total = sum(shares)
    return [max(1, math.ceil(ballots * s / total / turnout)) for s in shares]


def build_definition(
    description: dict[str, Any],
    platform_key: PublicKey,
    ballots_by_bureau: dict[str, int],
    credentials_for: Any,
    rng: random.Random,
) -> tuple[DefinitionPayload, dict[str, bytes], dict[str, list[ContestPlan]]]:
    """The definition payload, its attached files, and the simulator's contest plans.

    ``credentials_for(contest_uuid, registered) -> bytes`` returns the public
    credentials file of a contest (Belenios ``public_credentials``, §4.8).
    """
    try:
        return _build(description, platform_key, ballots_by_bureau, credentials_for, rng)
    except (KeyError, TypeError, ValueError) as e:
        raise DescriptionError(f"description: {type(e).__name__}: {e}") from e
    except PayloadSchemaError as e:
        raise DescriptionError(f"description gives an invalid definition: {e.technical}") from e


def _build(
    description: dict[str, Any],
    platform_key: PublicKey,
    ballots_by_bureau: dict[str, int],
    credentials_for: Any,
    rng: random.Random,
) -> tuple[DefinitionPayload, dict[str, bytes], dict[str, list[ContestPlan]]]:
    files: dict[str, bytes] = {}
    colours = ["#1f4e79", "#7a1f1f", "#2e6b30", "#6b4a12", "#4b2a6b", "#205f6b"]
    list_specs = {spec["list_id"]: spec for spec in description["lists"]}
    per_list = int(description.get("candidates_per_list", 8))
    list_files: dict[str, tuple[FileRef, FileRef]] = {}
    for index, spec in enumerate(description["lists"]):
        manifesto = _manifesto(spec["name"], spec["unions"])
        logo = _logo(spec["name"], colours[index % len(colours)])
        m_name, l_name = f"manifesto-{spec['list_id']}.txt", f"logo-{spec['list_id']}.svg"
        files[m_name], files[l_name] = manifesto, logo
        list_files[spec["list_id"]] = (FileRef.of(m_name, manifesto), FileRef.of(l_name, logo))
    schedule = Schedule(
        datetime.fromisoformat(description["opening"]),
        datetime.fromisoformat(description["closing"]),
        int(description["grace_minutes"]),
    )
    bureaux: list[BureauDefinition] = []
    plans: dict[str, list[ContestPlan]] = {}
    for bureau in description["bureaux"]:
        registered = registered_per_contest(
            description, bureau, ballots_by_bureau.get(bureau["bureau_id"], 100)
        )
        contests = []
        plans[bureau["bureau_id"]] = []
        for contest, count in zip(bureau["contests"], registered, strict=True):
            uuid = make_uuid(rng)
            lists = []
            for position, list_id in enumerate(contest["lists"]):
                spec = list_specs[list_id]
                manifesto_ref, logo_ref = list_files[list_id]
                candidates = tuple(
                    Candidate(f"Dr {_name(rng)}", "F" if (position + k) % 2 == 0 else "M")
                    for k in range(per_list)
                )
                lists.append(
                    CandidateList(
                        list_id,
                        spec["name"],
                        tuple(UnionShare(u[0], int(u[1])) for u in spec["unions"]),
                        candidates,
                        manifesto_ref,
                        logo_ref,
                    )
                )
            credentials = credentials_for(uuid, count)
            cred_name = f"credentials-{uuid}.json"
            files[cred_name] = credentials
            electors_list = "\n".join(f"E{uuid}-{i:07d}" for i in range(count)).encode()
            contests.append(
                Contest(
                    uuid,
                    contest["name"],
                    int(contest["seats"]),
                    SeatRule("quotient_highest_average", ("most_votes", "drawing_of_lots")),
                    tuple(lists),
                    Electors(
                        count,
                        hashlib.sha256(electors_list).hexdigest(),
                        FileRef.of(cred_name, credentials),
                    ),
                    str(contest.get("revote_policy", description.get("revote_policy", "last"))),
                )
            )
            plans[bureau["bureau_id"]].append(ContestPlan(uuid, count, tuple(contest["lists"])))
        bureaux.append(
            BureauDefinition(
                bureau["bureau_id"],
                bureau["name"],
                int(bureau["delegate_quorum"]),
                schedule,
                tuple(
                    Member(
                        m["member_id"],
                        m["name"],
                        m["role"],
                        tuple(m.get("list_ids", ())),
                        str(m.get("title", "")),
                        str(m.get("civility", "")),
                    )
                    for m in bureau["members"]
                ),
                tuple(contests),
                RecordTexts(**bureau.get("texts", {})),
            )
        )
    software = description["voting_software"]
    payload = DefinitionPayload(
        description["title"],
        tuple(bureaux),
        platform_key,
        SoftwareFingerprint(
            software["name"],
            software["version"],
            hashlib.sha256(f"{software['name']} {software['version']}".encode()).hexdigest(),
        ),
        description_group(description),
    )
    return payload, files, plans


_FIRST = (
    "Claire",
    "Jean",
    "Sophie",
    "Karim",
    "Nathalie",
    "Pierre",
    "Amina",
    "Luc",
    "Hélène",
    "Thomas",
    "Élise",
    "Marc",
    "Inès",
    "François",
    "Aurélie",
    "Benoît",
    "Chloé",
    "Rémi",
)
_LAST = (
    "Martin",
    "Bernard",
    "Dubois",
    "Lefèvre",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Garcia",
    "Roux",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
