"""Issue 17 leftovers: the training banner on dialogs, English lots prompts, results, help."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, app, settings):  # type: ignore[no-untyped-def]
    from bureau_app.shell import BureauWindow

    shown = BureauWindow(settings)
    qtbot.addWidget(shown)
    return shown


def _dialogs(parent):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from bureau_app.error_dialog import ErrorDialog
    from bureau_app.pin_dialog import PinDialog
    from ceremony.workflow.errors import WorkflowError

    lots = QInputDialog(parent)
    lots.setLabelText("Valeur pour le tirage au sort")
    return {
        "pin": PinDialog("Mme Anne Rousseau", 3, parent=parent),
        "error": ErrorDialog(WorkflowError("cause technique"), parent),
        "lots": lots,
        "message": QMessageBox(QMessageBox.Icon.Information, "Titre", "Texte", parent=parent),
    }


def test_every_dialog_of_a_training_ceremony_carries_the_banner(
    qtbot, window, screenshot_dir
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from bureau_app.banner import TrainingBanner

    window.set_training(True)
    window.show()
    for kind, dialog in _dialogs(window).items():
        dialog.open()
        qtbot.waitExposed(dialog)
        banners = [b for b in dialog.findChildren(TrainingBanner) if b.isVisible()]
        assert len(banners) == 1, kind
        banner = banners[0]
        assert "ENTRAÎNEMENT" in banner.text()
        assert banner.y() == 0 and banner.width() == dialog.width(), kind
        # Nothing of the dialog hides under the banner.
        for child in dialog.findChildren(QWidget):
            if child.isVisible() and child.parent() is dialog and child is not banner:
                assert child.geometry().top() >= banner.geometry().bottom(), (kind, child)
        assert dialog.grab().save(str(screenshot_dir / f"dialog-banner-{kind}.png"))
        dialog.close()


def test_no_banner_on_the_dialogs_of_a_real_ceremony(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.banner import TrainingBanner

    window.show()
    for kind, dialog in _dialogs(window).items():
        dialog.open()
        qtbot.waitExposed(dialog)
        assert not [b for b in dialog.findChildren(TrainingBanner) if b.isVisible()], kind
        dialog.close()


FRENCH_COMMIT = (
    "Tirage au sort entre « CMH – SNAM », « Jeunes médecins » — Dr Yves Perrin : tapez une "
    "valeur secrète de votre choix (au moins 8 caractères), que vous retaperez à l'identique "
    "pour la révéler."
)
FRENCH_REVEAL = "Révélation — Dr Yves Perrin : tapez à nouveau votre valeur, en public."


def test_the_engine_lots_prompts_are_english_in_the_english_interface() -> None:
    from bureau_app.engine_messages import lots_prompt

    assert lots_prompt(FRENCH_COMMIT, "en") == (
        "Drawing of lots between “CMH – SNAM”, “Jeunes médecins” — Dr Yves Perrin: type a "
        "secret value of your choice (at least 8 characters), which you will type again, "
        "identically, to reveal it."
    )
    assert lots_prompt(FRENCH_REVEAL, "en") == (
        "Reveal — Dr Yves Perrin: type your value again, in public."
    )
    assert lots_prompt(FRENCH_COMMIT, "fr") == FRENCH_COMMIT


def test_the_prompts_the_engine_composes_are_the_ones_translated() -> None:
    """The engine's own sentences (read from its draw), not a copy that could drift."""
    from bureau_app.engine_messages import lots_prompt
    from ceremony.workflow import lots_draw

    asked: list[str] = []

    class StopError(Exception):
        pass

    # commit too short, commit, reveal wrong, then stop: every sentence the draw can say.
    answers = ["court", "valeur-secrete", "autre-valeur"]

    def ask(member: str, message: str, hidden: bool) -> str:
        asked.append(message)
        if len(asked) == 4:
            raise StopError
        return answers[len(asked) - 1]

    class Identity:
        holder = "Dr Yves Perrin"
        serial = "0001"

    class Member:
        member_id = "del-inph"
        role = "delegate"
        identity = Identity()

    class Store:
        def append(self, **_kw: object) -> None:
            pass

    class Bureau:
        store = Store()

        def bureau_definition(self):  # type: ignore[no-untyped-def]
            return type("D", (), {"contests": []})()

    with pytest.raises(StopError):
        lots_draw.draw_lots(Bureau(), [Member()], ["aph"], ask)  # type: ignore[arg-type, list-item]
    assert len(asked) == 4
    for message in asked:
        english = lots_prompt(message, "en")
        assert english != message and "Dr Yves Perrin" in english
        assert not {"tapez", "Révélation", "Tirage"} & set(english.replace(":", " ").split())


def test_the_lots_dialog_speaks_english_and_wants_a_long_enough_value(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    import threading

    from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit

    from bureau_app.i18n import install_language
    from bureau_app.lots_bridge import QtLotsAsker

    install_language(app, "en")
    asker = QtLotsAsker(lambda member: "Dr Yves Perrin")
    result: dict[str, str] = {}
    with qtbot.waitSignal(asker.dialog_opened, timeout=5000) as opened:
        thread = threading.Thread(
            target=lambda: result.setdefault("v", asker("del-inph", FRENCH_COMMIT, True))
        )
        thread.start()
    dialog = opened.args[0]
    text = dialog.findChild(QLabel).text()
    assert text.startswith("Drawing of lots between “CMH – SNAM”") and "tapez" not in text
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    field = dialog.findChild(QLineEdit)
    qtbot.keyClicks(field, "1234567")
    assert not ok.isEnabled()
    qtbot.keyClicks(field, "8")
    assert ok.isEnabled()
    assert dialog.width() < 900  # wrapped, not widened by the long names
    ok.click()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5000)
    assert result["v"] == "12345678"


# The articles of the arrêté du 16 avril 2019 checked against its text (reference copy in
# /work/shared/reference, several "Article N" headings missing there: numbered by the
# article before and after, and by the text's own cross-references: art. 6 cites "l'article
# 5 du présent arrêté" for the bureaux, art. 17 "l'article 12" for the credentials).
ARTICLES = {
    1: "séances d'ouverture et de dépouillement ouvertes aux électeurs",
    2: "expertise indépendante",
    5: "composition du bureau, secrétaire remplaçant le président, surveillance effective",
    6: "chaque membre détient une clé, pas les personnels techniques",
    15: "listes vérifiées, création des clés, vote à blanc, scellement par trois clés",
    19: "interventions, suspension, arrêt, reprise",
    20: "clôture, urne figée et scellée",
    21: "contrôle avant dépouillement, conclusions de l'expert, ouverture publique",
    22: "procès-verbal : contenu, publication, cinq jours",
    23: "clés et codes sous plis distincts scellés, deux ans",
}


def test_the_help_cites_only_checked_articles_the_same_in_both_languages() -> None:
    import json
    import re
    from pathlib import Path

    import bureau_app

    folder = Path(bureau_app.__file__).resolve().parents[1] / "resources" / "help"
    cited: dict[str, dict[str, set[int]]] = {}
    for language in ("fr", "en"):
        phases = json.loads((folder / f"help_{language}.json").read_text("utf-8"))["phases"]
        cited[language] = {
            key: {int(n) for n in re.findall(r"(?i)\bart\. (\d+)", phase["articles"])}
            for key, phase in phases.items()
        }
    assert cited["fr"] == cited["en"]
    for key, numbers in cited["fr"].items():
        assert numbers, key
        assert numbers <= set(ARTICLES), (key, numbers - set(ARTICLES))
    # Where each duty is, by the text: the keys and the test vote are art. 15, the PV 22,
    # the hand-over 23, the expert 2 and 21.
    assert cited["fr"]["key_ceremony"] >= {15, 6}
    assert cited["fr"]["pv"] == {22} and cited["fr"]["archived"] == {23}
    assert cited["fr"]["expert"] == {2, 21}


def _long_results():  # type: ignore[no-untyped-def]
    from bureau_app.results_model import ContestResult, ListResult
    from tests.gui.fakes import sample_results

    return [
        *sample_results(),
        ContestResult(
            "CD — section Anesthésie-réanimation et médecine péri-opératoire",
            500,
            320,
            5,
            [
                ListResult(
                    "Syndicat National des Praticiens Hospitaliers Anesthésistes-Réanimateurs "
                    "Élargi",
                    150,
                    2,
                ),
                ListResult("CMH – SNAM-HP", 90, 1),
                ListResult("Jeunes médecins", 75, 1),
            ],
        ),
    ]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_contest_on_one_page_in_order_nothing_cut(
    qtbot, window, screenshot_dir, size
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFontMetricsF

    from bureau_app.text import typeset

    contests = _long_results()
    window.set_training(True)
    window.results_view.set_results(contests)
    window.resize(*size)
    window.show()
    window.show_results()
    qtbot.waitExposed(window)
    view = window.results_view
    qtbot.wait(50)
    assert window.width() == size[0]  # a long section or list name never widens the window
    # All the contests, in the definition's order, each with votes, %, seats and its chart.
    assert [p.heading.text() for p in view.panels] == [c.title for c in contests]
    viewport = view.scroller.viewport().width()
    for panel, contest in zip(view.panels, contests, strict=True):
        assert panel.isVisibleTo(view)
        assert panel.geometry().right() < viewport, panel.heading.text()
        table = panel.table
        assert table.rowCount() == len(contest.lists)
        assert table.horizontalHeader().length() <= table.viewport().width()
        assert table.verticalScrollBar().maximum() == 0  # every row shown
        for row in range(table.rowCount()):
            for column in (1, 2, 3):
                cell = table.item(row, column).text()
                needed = table.fontMetrics().horizontalAdvance(cell)
                assert needed <= table.columnWidth(column), (row, column, cell)
        chart = panel.chart
        line = QFontMetricsF(chart.font()).height()
        assert chart.height() >= chart.heightForWidth(chart.width())
        for entry in contest.lists:
            words = typeset(chart.label(entry)).split()
            widest_word = max(QFontMetricsF(chart.font()).horizontalAdvance(w) for w in words)
            assert widest_word <= chart.width() - 2 * line
    assert window.grab().save(str(screenshot_dir / f"results-{size[0]}x{size[1]}.png"))
    # The list box jumps to a contest further down.
    view.contest_box.setCurrentIndex(2)
    qtbot.wait(50)
    bar = view.scroller.verticalScrollBar()
    if bar.maximum() > 0:
        assert bar.value() > 0


def test_the_projection_is_paged_and_closed_with_the_mouse(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from bureau_app.projection import ProjectionWindow

    window = ProjectionWindow(_long_results(), training=True)
    qtbot.addWidget(window)
    # Never taller than the room's 720-line screen (a too tall minimum pushed the buttons off).
    assert window.minimumSizeHint().height() <= 720
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    assert not window.previous_button.isEnabled()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.index == 1
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.index == 2 and not window.next_button.isEnabled()
    # The long list name is wrapped by the chart, never cut at the edge.
    chart = window.chart
    assert chart.height() >= chart.heightForWidth(chart.width()) - 2
    qtbot.mouseClick(window.previous_button, Qt.MouseButton.LeftButton)
    assert window.index == 1
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # the keys still reach the window
    assert window.index == 2
    qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_the_geometry_dump_says_where_widgets_and_list_rows_are(qtbot, app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from PySide6.QtWidgets import QComboBox, QPushButton, QVBoxLayout, QWidget

    from bureau_app.geometry_dump import GeometryDump

    top = QWidget()
    qtbot.addWidget(top)
    top.setWindowTitle("Essai")
    button = QPushButton("&Valider")
    button.setObjectName("ok")
    button.setAccessibleName("Valider le code")
    combo = QComboBox()
    combo.addItems(["un", "deux", "trois"])
    column = QVBoxLayout(top)
    column.addWidget(button)
    column.addWidget(combo)
    top.show()
    qtbot.waitExposed(top)
    path = tmp_path / "geometry.json"
    dump = GeometryDump(path)
    dump.write()
    state = json.loads(path.read_text("utf-8"))["state"]
    window = next(w for w in state["windows"] if w["title"] == "Essai")
    found = next(w for w in window["widgets"] if w["object"] == "ok")
    corner = button.mapToGlobal(button.rect().topLeft())
    assert found["rect"] == [corner.x(), corner.y(), button.width(), button.height()]
    assert found["name"] == "Valider le code" and found["text"] == "&Valider"
    combo.showPopup()
    qtbot.waitUntil(lambda: combo.view().isVisible())
    dump.write()
    state = json.loads(path.read_text("utf-8"))
    popup = next(w for w in state["state"]["windows"] if w["popup"])
    rows = [item for w in popup["widgets"] for item in w.get("items", [])]
    assert [item["text"] for item in rows] == ["un", "deux", "trois"]
    combo.hidePopup()
    dump.stop()


# 1160 wide: the journal's room at 1280×720 in a real ceremony, whose bureau name and step
# names make the side panel some 100 pixels wider than this empty window's.
@pytest.mark.parametrize("size", [(1160, 720), (1280, 720), (1920, 1080)])
def test_the_journal_action_column_is_read_whole(qtbot, window, screenshot_dir, size) -> None:  # type: ignore[no-untyped-def]
    from bureau_app.journal_view import JournalRow
    from bureau_app.records import _action_label
    from ceremony.workflow.phases import Action

    # Every action's words, those the merged branches added included (the longest decide).
    actions = [_action_label(action) for action in Action]
    rows = [
        JournalRow(
            n + 1,
            "27/11/2024 14:00:00",
            "Clôture et contrôle de l'urne",
            "Mme Anne Rousseau, Dr Julie Caron, Dr Sarah Benali",
            action,
            "CSN — section Psychiatrie : 16 bulletins vérifiés, 16 émargements",
        )
        for n, action in enumerate(actions)
    ]
    window.journal_view.set_rows(rows)
    window.resize(*size)
    window.show()
    window.show_journal()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    table = window.journal_view.table
    header = table.horizontalHeader()
    widest = max(table.fontMetrics().horizontalAdvance(a) for a in actions)
    assert header.sectionSize(4) >= widest
    # The whole Action column is on screen without scrolling sideways.
    assert header.sectionViewportPosition(4) + header.sectionSize(4) <= table.viewport().width()
    assert window.grab().save(str(screenshot_dir / f"journal-{size[0]}x{size[1]}.png"))
