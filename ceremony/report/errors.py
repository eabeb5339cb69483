"""Errors raised while drawing the procès-verbal and the hand-over list."""

from __future__ import annotations

from ceremony.errors import CeremonyError


class ReportError(CeremonyError):
    """Base of the report errors."""

    default_message = "Le document n'a pas pu être produit."


class FontMissingError(ReportError):
    """The embedded fonts shipped with Bureau are not where they should be."""

    default_message = (
        "Les polices du document sont introuvables : l'installation de Bureau est incomplète. "
        "Réinstallez l'application."
    )


class InvalidReportDataError(ReportError):
    """The data given for the document is incomplete or inconsistent."""

    default_message = (
        "Les données du procès-verbal sont incomplètes ou incohérentes : le document n'a pas "
        "été produit. Vérifiez le journal de la cérémonie."
    )
