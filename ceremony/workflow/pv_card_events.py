"""The PV's rows for the cards' events and the drawing of lots (art. 22: events).

Card checks, wrong PIN entries, blocked or set-aside cards, unblocks, wipes
and quorum refusals are journaled by the key work (``card.*`` actions); the
drawing of lots by commit-reveal as ``lots.committed`` then ``lots.revealed``, or
by a countersigned public physical draw as ``lots.drawn``.
The journal never holds a PIN, so neither does the PV: a wrong entry is
reported with the tries the card has left, nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ceremony.report.frtext import format_count
from ceremony.report.model import PvEvent
from ceremony.store.journal import JournalEntry
from ceremony.workflow.phases import Action

STEPS = {
    "test_vote": "au vote à blanc",
    "count": "au dépouillement",
    "recount": "au nouveau décompte",
    # The application's steps (its card prompt journals the codes refused before the work).
    "generate_keys": "à la cérémonie des clés",
    "sign_seal": "à la signature du scellement",
    "sign_pv": "à la signature du procès-verbal",
    "export_results": "à la signature des résultats",
    "decide": "à la signature d’une décision",
}


def _who(names: Mapping[str, str], d: Mapping[str, Any]) -> str:
    member = str(d.get("member_id", ""))
    return names.get(member, member or "membre non identifié")


def _card_event_text(names: Mapping[str, str], d: Mapping[str, Any]) -> str:
    who = _who(names, d)
    step = STEPS.get(str(d.get("step", "")), "")
    where = f" {step}" if step else ""
    match d.get("event"):
        case "pin_wrong":
            left = d.get("tries_left")
            rest = (
                f" ; la carte accepte encore {format_count(int(left), 'essai', 'essais')}"
                if isinstance(left, int)
                else ""
            )
            return f"Carte de {who} : code personnel incorrect{where}{rest}."
        case "pin_blocked":
            return f"Carte de {who} bloquée{where} : un autre membre a pris le relais."
        case "pin_cancelled" if d.get("source") == "prompt":
            # At the application's card prompt the member may type again or step aside.
            return f"Carte de {who} : saisie du code annulée{where}."
        case "pin_cancelled":
            return f"Carte de {who} : saisie du code annulée{where} ; la carte est écartée."
        case "card_set_aside":
            return f"Carte de {who} écartée{where} après trop de codes incorrects."
        case "card_failed":
            return f"Carte de {who} défaillante{where} ({d.get('error', 'erreur')}) ; écartée."
        case "quorum_refused":
            return (
                f"Quorum non réuni{where} : les cartes présentées ne suffisent pas "
                "à ouvrir l’urne ; opération refusée."
            )
    return f"Événement de carte{where} : {d.get('event')}."


def _list_names(lists: Mapping[str, str], d: Mapping[str, Any]) -> str:
    return " ; ".join(lists.get(str(x), str(x)) for x in d.get("tied_lists", []))


def _lots_text(
    names: Mapping[str, str], entry: JournalEntry, lists_by_id: Mapping[str, str]
) -> str:
    d = entry.details
    lists = _list_names(lists_by_id, d)
    if entry.action == Action.LOTS_COMMITTED:
        items = " ; ".join(
            f"{_who(names, {'member_id': m})} : {c}" for m, c in d["commitments"].items()
        )
        return (
            f"Tirage au sort entre les listes à égalité parfaite ({lists}) : chaque membre "
            "présent a choisi en secret une valeur ; seules leurs empreintes SHA-256 "
            f"(engagements) sont consignées avant toute révélation. Engagements : {items}."
        )
    items = " ; ".join(f"{_who(names, {'member_id': m})} : « {v} »" for m, v in d["values"].items())
    return (
        f"Révélation publique des valeurs du tirage au sort ({lists}), chacune conforme à son "
        f"engagement : {items}. Graine du tirage (SHA-256 des valeurs, dans l’ordre des "
        f"membres) : {d['seed']} ; l’ordre entre les listes à égalité s’en déduit et "
        "chacun peut le refaire."
    )


def _physical_lots_text(
    names: Mapping[str, str], d: Mapping[str, Any], lists_by_id: Mapping[str, str]
) -> str:
    lists = _list_names(lists_by_id, d)
    signers = ", ".join(_who(names, {"member_id": m}) for m in sorted(d["countersignatures"]))
    return (
        f"Tirage au sort public entre les listes à égalité parfaite ({lists}) : "
        f"{d['procedure']}. Résultat vu de tous et saisi : « {d['outcome']} », confirmé par "
        f"chaque membre présent et contresigné par les cartes de {signers} (empreinte "
        f"{d['record_sha256']}). Ce résultat est la graine du tirage : l’ordre entre les "
        "listes à égalité s’en déduit et chacun peut le refaire."
    )


def card_event_rows(
    names: Mapping[str, str], entry: JournalEntry, lists: Mapping[str, str] | None = None
) -> list[PvEvent]:
    """The PV rows for one journal entry about cards or lots (none for other entries).

    ``lists``: list id → its name in the definition, for the drawing of lots."""
    lists = lists or {}
    d = entry.details
    at = datetime.fromisoformat(str(d["at"])) if "at" in d else entry.moment
    match entry.action:
        case Action.CARD_EVENT:
            return [PvEvent(at, "finding", _card_event_text(names, d))]
        case Action.CARD_CHECKED:
            ok = d.get("outcome") == "ok"
            result = (
                "elle ouvre sa part de la clé de l’élection"
                if ok
                else f"échec ({d.get('error', 'erreur')})"
            )
            return [PvEvent(at, "finding", f"Contrôle de la carte de {_who(names, d)} : {result}.")]
        case Action.CARD_UNBLOCKED:
            how = "code de déblocage" if d.get("method") == "reset_code" else "code administrateur"
            if d.get("outcome", "ok") != "ok":
                text = f"Carte de {_who(names, d)} : déblocage avec son {how} refusé."
            else:
                text = f"Carte de {_who(names, d)} débloquée avec son {how}."
            return [PvEvent(at, "finding", text)]
        case Action.CARD_RESET_CODE_SET:
            text = (
                f"Code de déblocage défini sur la carte de {_who(names, d)} "
                "(sous son code administrateur), remis sous pli scellé."
            )
            return [PvEvent(at, "finding", text)]
        case Action.LOTS_DRAWN:
            return [PvEvent(entry.moment, "lot_drawing", _physical_lots_text(names, d, lists))]
        case Action.CARD_WIPED:
            text = (
                f"Carte de {_who(names, d)} effacée à la demande de son titulaire, "
                "après confirmation écrite et saisie de son code."
            )
            return [PvEvent(at, "finding", text)]
        case Action.LOTS_COMMITTED | Action.LOTS_REVEALED:
            return [PvEvent(entry.moment, "lot_drawing", _lots_text(names, entry, lists))]
    return []
