"""The revote policy of a scrutin (art. 17 of the 2019 arrêté, DESIGN.md §2).

"La validation de son vote par l'électeur le rend définitif et empêche toute
modification": with the policy ``none`` an urn holding two ballots under one
credential is refused. With ``last`` (elections that allow revotes) Belenios'
rule stands: each credential's last ballot is counted (§4.15).
"""

from __future__ import annotations

from ceremony.bundles.payloads.definition import Contest
from ceremony.workflow.errors import UrnCheckError


class RevoteNotAllowedError(UrnCheckError):
    default_message = (
        "L'urne contient plusieurs bulletins pour un même électeur alors que cette élection "
        "n'autorise pas à revoter (la validation d'un vote le rend définitif) : l'urne n'est "
        "pas acceptée."
    )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if abs(count) == 1 else f"{count} {noun}s"


def check_revote_policy(contest: Contest, ballots_in_urn: int, counted_voters: int) -> None:
    """Every valid ballot counts once per credential: more ballots than voters are revotes."""
    if contest.revote_policy == "none" and ballots_in_urn != counted_voters:
        raise RevoteNotAllowedError(
            f"{contest.contest_uuid}: revote policy 'none' but {_n(ballots_in_urn, 'ballot')} "
            f"for {_n(counted_voters, 'credential')} "
            f"({_n(ballots_in_urn - counted_voters, 'revote')})"
        )
