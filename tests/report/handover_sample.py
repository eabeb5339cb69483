"""A demo-shaped key hand-over: the president, the secretary and five list delegates."""

from __future__ import annotations

from ceremony.report.handover import HandoverData, KeyCard, compute_keep_until
from tests.report.sample import MEMBERS, at


def handover_data() -> HandoverData:
    cards = tuple(
        KeyCard(m.name, m.role, f"0006:{0x1A2B3C40 + i:08X}", m.represents)
        for i, m in enumerate(MEMBERS)
    )
    return HandoverData(
        organiser="Centre national de gestion des praticiens hospitaliers",
        instance="Élections à la commission statutaire nationale et au conseil de discipline",
        bureau_name="Bureau de vote électronique n° 2 — praticiens hospitaliers, collège 2",
        handed_over_at=at(25, 19, 0),
        keep_until=compute_keep_until(at(25, 19, 0)),
        received_by="M. Gérard Lœuvre, chef du bureau des élections",
        cards=cards,
    )
