"""The recount report as a PDF annex to the procès-verbal (deterministic bytes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ceremony.report.layout import CONTENT_WIDTH, build_pdf, grid_table, para

if TYPE_CHECKING:
    from ceremony.workflow.engine import Bureau
    from ceremony.workflow.state import CeremonyState


def make_recount_pdf(bureau: Bureau, state: CeremonyState, document: dict[str, Any]) -> bytes:
    definition = bureau.bureau_definition(state)
    names = {m.member_id: m.name for m in definition.members}
    titles = {c.contest_uuid: c.name for c in definition.contests}
    original = document["original"]
    identical = document["identical"]
    story: list[Any] = [
        para("Annexe au procès-verbal — nouveau décompte des votes", "title"),
        para(f"{definition.name} (bureau {definition.bureau_id})", "subtitle"),
        para(
            "Nouvelle exécution de la procédure de décompte des votes (art. 23 de l'arrêté), "
            "à partir de l'archive de la cérémonie et des cartes des membres.",
        ),
        para("Archive d'origine", "h1"),
        para(f"Dossier : {original['archive']}"),
        para(f"Empreinte de archive.json : {original['archive_index_sha256']}", "mono"),
        para(f"Dernière entrée de son journal : {original['journal_head']}", "mono"),
        para("L'archive a été vérifiée en entier avant le décompte (bureau verify).", "small"),
        para("Cartes utilisées", "h1"),
        para(", ".join(f"{names.get(m, m)} ({m})" for m in document["members_used"])),
        para("Résultats", "h1"),
    ]
    rows: list[list[Any]] = [["Scrutin", "Archive (blancs, listes…)", "Nouveau décompte", "Égal"]]
    for uuid, again in sorted(document["results"].items()):
        before = document["archived_results"].get(uuid)
        rows.append(
            [
                para(titles.get(uuid, uuid), "cell"),
                para(" ".join(map(str, before or [])), "cell"),
                para(" ".join(map(str, again)), "cell"),
                "oui" if before == again else "NON",
            ]
        )
    widths = [CONTENT_WIDTH * f for f in (0.4, 0.25, 0.25, 0.1)]
    story.append(grid_table(rows, widths))
    story.append(para("Conclusion", "h1"))
    if identical:
        story.append(para("Le nouveau décompte donne des résultats IDENTIQUES à ceux archivés."))
    else:
        story.append(para("Le nouveau décompte DIFFÈRE des résultats archivés :"))
        story.extend(para(d, "mono") for d in document["differences"])
    story.append(para(f"Décompte fait le {document['recounted_at']}.", "small"))
    return build_pdf(
        story,
        title=f"Nouveau décompte — {definition.name}",
        subject="Nouveau décompte des votes",
        author="Bureau de vote électronique",
        footer=f"Nouveau décompte — {definition.name}",
        training=bureau.training_allowed,
    )
