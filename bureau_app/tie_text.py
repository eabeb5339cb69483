"""How a tie for the last seat(s) was broken, in words: the results page and the projection."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from bureau_app.results_model import TieNote
from bureau_app.text import fill

# A bare name lupdate recognises, so these strings reach the .ts file.
translate = QCoreApplication.translate


def tie_sentence(tie: TieNote) -> str:
    """How a tie for the last seat(s) was broken, in one sentence naming the lists."""
    tied, won = ", ".join(tie.tied), ", ".join(tie.winners)
    if tie.decided_by == "lot" and tie.drawn and set(tie.drawn) != set(tie.tied):
        # Some tied lists were parted by their votes first: only the rest was drawn.
        drawn = ", ".join(tie.drawn)
        by_votes = [w for w in tie.winners if w not in tie.drawn]
        if by_votes:
            sentence = translate(
                "ContestPanel",
                "Égalité de moyenne entre %1 pour les %4 derniers sièges : un siège à chaque "
                "liste ayant obtenu le plus de suffrages (%5) ; entre %3, à égalité de "
                "suffrages, le tirage au sort attribue les autres à %2.",
            )
            by_lot = ", ".join(w for w in tie.winners if w in tie.drawn)
            places = QLocale().toString(tie.places)
            return fill(sentence, tied, by_lot, drawn, places, ", ".join(by_votes))
        if tie.places == 1:
            sentence = translate(
                "ContestPanel",
                "Égalité de moyenne entre %1 pour le dernier siège ; entre %3, à égalité "
                "de suffrages, il est attribué par tirage au sort à %2.",
            )
            return fill(sentence, tied, won, drawn)
        sentence = translate(
            "ContestPanel",
            "Égalité de moyenne entre %1 pour les %4 derniers sièges ; entre %3, à "
            "égalité de suffrages, ils sont attribués par tirage au sort à %2.",
        )
        return fill(sentence, tied, won, drawn, QLocale().toString(tie.places))
    if tie.places == 1:
        sentences = {
            "lot": translate(
                "ContestPanel",
                "Égalité de moyenne entre %1 pour le dernier siège : "
                "attribué par tirage au sort à %2.",
            ),
            "most_votes": translate(
                "ContestPanel",
                "Égalité de moyenne entre %1 pour le dernier siège : "
                "attribué à %2, la liste ayant obtenu le plus de suffrages.",
            ),
            "most_candidates": translate(
                "ContestPanel",
                "Égalité de moyenne entre %1 pour le dernier siège : "
                "attribué à %2, la liste ayant présenté le plus de candidats.",
            ),
        }
        return fill(sentences.get(tie.decided_by, sentences["lot"]), tied, won)
    several = {
        "lot": translate(
            "ContestPanel",
            "Égalité de moyenne entre %1 pour les %3 derniers sièges : "
            "attribués par tirage au sort à %2.",
        ),
        "most_votes": translate(
            "ContestPanel",
            "Égalité de moyenne entre %1 pour les %3 derniers sièges : "
            "attribués à %2, les listes ayant obtenu le plus de suffrages.",
        ),
        "most_candidates": translate(
            "ContestPanel",
            "Égalité de moyenne entre %1 pour les %3 derniers sièges : "
            "attribués à %2, les listes ayant présenté le plus de candidats.",
        ),
    }
    sentence = several.get(tie.decided_by, several["lot"])
    return fill(sentence, tied, won, QLocale().toString(tie.places))
