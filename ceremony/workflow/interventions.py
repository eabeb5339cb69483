"""The measures taken after an intervention on the voting system (arrêté art. 19).

The platform reports each intervention (time, who, what) in its signed status
and urn bundles; the PV gives it with "the measures taken". When the
platform's bundle says which measures were taken, the PV quotes them; when it
does not, the bureau enters them (as the operator reported them) and the
journal keeps who entered what, and when.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ceremony.store.journal import JournalEntry
from ceremony.workflow.errors import StepAlreadyDoneError, WorkflowError
from ceremony.workflow.phases import Action

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau


class InterventionUnknownError(WorkflowError):
    default_message = (
        "Aucune intervention sur le système n’a été signalée par la plateforme à cette "
        "heure : vérifiez l’heure de l’intervention (heure de Paris)."
    )


class MeasuresError(WorkflowError):
    default_message = (
        "Les mesures prises doivent être décrites en quelques mots ; celles que la plateforme "
        "a déjà indiquées ne se remplacent pas."
    )


@dataclass(frozen=True)
class Reported:
    """An intervention as the platform reported it, with the measures known for it."""

    at: datetime
    actor: str
    description: str
    measures: str
    by_bureau_at: datetime | None
    """When the bureau entered the measures (None: from the platform, or none yet)."""


def _key(item: Mapping[str, Any]) -> tuple[str, str]:
    at = datetime.fromisoformat(str(item["at"]).replace("Z", "+00:00"))
    return (at.isoformat(), str(item["description"]))


def reported(entries: Iterable[JournalEntry]) -> list[Reported]:
    """Every intervention the platform reported (statuses, then urn), once each, with its
    measures: the platform's own, else the bureau's last entry."""
    items: dict[tuple[str, str], dict[str, Any]] = {}
    entered: dict[tuple[str, str], tuple[str, datetime]] = {}
    for entry in entries:
        if entry.action in (Action.STATUS_IMPORTED, Action.URN_IMPORTED):
            for item in entry.details.get("interventions", []):
                items.setdefault(_key(item), dict(item))
        elif entry.action == Action.INTERVENTION_MEASURES:
            d = entry.details
            entered[(str(d["intervention_at"]), str(d["description"]))] = (
                str(d["measures"]),
                entry.moment,
            )
    out = []
    for key, item in items.items():
        own = str(item.get("measures", ""))
        bureau_text, bureau_at = entered.get(key, ("", None))
        out.append(
            Reported(
                datetime.fromisoformat(key[0]),
                str(item["actor"]),
                str(item["description"]),
                own or bureau_text,
                None if own else bureau_at,
            )
        )
    return sorted(out, key=lambda r: r.at)


def record_measures(bureau: Bureau, at: datetime, measures: str) -> Reported:
    """The bureau enters the measures taken after the intervention reported at ``at``."""
    text = " ".join(measures.split())
    if len(text) < 3:
        raise MeasuresError(
            "measures text empty or too short",
            user_message="Décrivez en quelques mots les mesures prises après l’intervention.",
        )
    known = [r for r in reported(bureau.store.entries()) if r.at == at]
    if not known:
        raise InterventionUnknownError(f"no intervention reported at {at.isoformat()}")
    (item,) = known[:1]
    if item.measures and item.by_bureau_at is None:
        raise MeasuresError(
            f"the platform already reported the measures at {at.isoformat()}",
            user_message=(
                "La plateforme a déjà indiqué, dans son paquet signé, les mesures prises après "
                f"cette intervention : « {item.measures.rstrip('.')} ». Elles ne se remplacent pas."
            ),
        )
    if item.measures:
        raise StepAlreadyDoneError(
            f"measures already entered for {at.isoformat()}",
            user_message=(
                "Les mesures prises après cette intervention sont déjà consignées : "
                f"« {item.measures.rstrip('.')} »."
            ),
        )
    bureau.store.append(
        phase=bureau.phase,
        action=Action.INTERVENTION_MEASURES,
        details={
            "intervention_at": item.at.isoformat(),
            "description": item.description,
            "measures": text,
        },
    )
    (done,) = [r for r in reported(bureau.store.entries()) if r.at == at][:1]
    return done
