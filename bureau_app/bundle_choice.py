"""Choosing the bureau from the definition bundle's own list, and naming a bad file.

The list is read before the import, without checking signatures (only to
offer the choice); the engine checks everything when it imports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from ceremony.errors import CeremonyError

# A bare name lupdate recognises, so these strings reach the .ts file.
translate = QCoreApplication.translate


class BundleFileError(CeremonyError):
    """A chosen file is not a readable bundle of the expected kind; the message names it."""

    default_message = (
        "Ce fichier n'est pas un paquet lisible. Vérifiez le fichier choisi ou demandez-en "
        "un nouveau à son émetteur."
    )


def definition_bureaux(path: Path) -> list[tuple[str, str]]:
    """The bureaux of a definition bundle, as (id, name), in the bundle's order."""
    from ceremony.bundles.importer import parse_payload, read_bundle
    from ceremony.bundles.payloads.definition import DefinitionPayload

    try:
        payload = parse_payload(read_bundle(path.read_bytes(), "definition"))
    except (CeremonyError, OSError) as error:
        cause = error.user_message if isinstance(error, CeremonyError) else str(error)
        raise BundleFileError(
            f"{path}: {type(error).__name__}",
            user_message=translate(
                "BundleChoice",
                "Le fichier « %1 » n'est pas une définition d'élection lisible (%2). Vérifiez "
                "que vous avez choisi le fichier remis par l'organisateur, sur la clé USB, ou "
                "demandez-lui de le renvoyer ; rien n'a été importé.",
            )
            .replace("%1", path.name)
            .replace("%2", cause.rstrip(".")),
        ) from None
    if not isinstance(payload, DefinitionPayload):
        raise BundleFileError(
            f"{path}: not a definition payload",
            user_message=translate(
                "BundleChoice",
                "Le fichier « %1 » n'est pas une définition d'élection. Choisissez le fichier "
                "de définition remis par l'organisateur ; rien n'a été importé.",
            ).replace("%1", path.name),
        )
    return [(b.bureau_id, b.name) for b in payload.bureaux]


def choose_bureau(parent: QWidget, path: Path) -> str | None:
    """The bureau this laptop runs, picked from the bundle's list (None: cancelled)."""
    bureaux = definition_bureaux(path)
    if len(bureaux) == 1:
        return bureaux[0][0]
    labels = [f"{name} ({bureau_id})" for bureau_id, name in bureaux]
    label, ok = QInputDialog.getItem(
        parent,
        translate("BundleChoice", "Quel bureau ?"),
        translate(
            "BundleChoice",
            "Cette définition décrit plusieurs bureaux. Choisissez celui de cette séance :",
        ),
        labels,
        0,
        False,
    )
    if not ok:
        return None
    return bureaux[labels.index(label)][0]
