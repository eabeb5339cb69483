"""The journal as a searchable, sortable table over plain rows given by the adapter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bureau_app.sizing import scale_font
from bureau_app.text import fill

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class JournalRow:
    """One journal entry as people read it (``time`` already in Europe/Paris)."""

    sequence: int
    time: str
    phase: str
    actors: str
    action: str
    details: str

    def cells(self) -> tuple[str, ...]:
        return (str(self.sequence), self.time, self.phase, self.actors, self.action, self.details)


def _headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("JournalModel", "N°"),
        QCoreApplication.translate("JournalModel", "Heure (Paris)"),
        QCoreApplication.translate("JournalModel", "Étape"),
        QCoreApplication.translate("JournalModel", "Personnes"),
        QCoreApplication.translate("JournalModel", "Action"),
        QCoreApplication.translate("JournalModel", "Détails"),
    )


class JournalModel(QAbstractTableModel):
    SORT_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, rows: Sequence[JournalRow] = ()) -> None:
        super().__init__()
        self._rows: list[JournalRow] = list(rows)
        self._headers = _headers()

    def set_rows(self, rows: Sequence[JournalRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[JournalRow]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def row_at(self, row: int) -> JournalRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells()[index.column()]
        if role == self.SORT_ROLE:
            # Sort the sequence as a number; the other columns sort as text.
            return row.sequence if index.column() == 0 else row.cells()[index.column()]
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


class JournalView(QWidget):
    """A search field over every column, a count of shown entries, and the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Journal du bureau"))
        self.model = JournalModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(JournalModel.SORT_ROLE)

        title = QLabel(self.tr("Journal du bureau"))
        scale_font(title, 1.4, bold=True)
        title.setAccessibleName(self.tr("Titre : journal du bureau"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher (nom, action, étape…)"))
        self.search.setAccessibleName(self.tr("Rechercher dans le journal"))
        self.search.setClearButtonEnabled(True)
        for clear_button in self.search.findChildren(QToolButton):
            clear_button.setAccessibleName(self.tr("Effacer la recherche"))
        self.search.textChanged.connect(self._on_search)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Nombre d'entrées affichées"))

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Entrées du journal"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Number, time, step and action fit their text (an action is a short sentence, read
        # in full); the people column gets a fixed share and "Détails" the rest (the whole
        # entry is also shown, wrapped, under the table).
        for column in (0, 1, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The step and the people get a share (the whole entry is under the table): the
        # action, what the bureau reads first, stays whole at 1280 pixels wide too.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        characters = self.fontMetrics().averageCharWidth()
        self.table.setColumnWidth(2, characters * 14)
        self.table.setColumnWidth(3, characters * 16)
        # The whole selected entry, wrapped: long names and details stay readable.
        self.entry = QLabel(self.tr("Choisissez une entrée pour la lire en entier."))
        self.entry.setAccessibleName(self.tr("Entrée choisie, en entier"))
        self.entry.setWordWrap(True)
        self.entry.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.entry.setFrameShape(QLabel.Shape.StyledPanel)
        self.entry.setMinimumHeight(self.entry.fontMetrics().height() * 4)
        self.table.selectionModel().currentRowChanged.connect(self._show_entry)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.entry)
        self.setTabOrder(self.search, self.table)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self._update_count()

    def set_rows(self, rows: Sequence[JournalRow]) -> None:
        self.model.set_rows(rows)

    def append_rows(self, rows: Sequence[JournalRow]) -> None:
        self.model.append_rows(rows)

    def _show_entry(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(self.proxy.mapToSource(current).row())
        self.entry.setText(
            fill(
                self.tr("N° %1 · %2 · %3\nPersonnes : %4\nAction : %5\nDétails : %6"),
                *row.cells(),
            )
        )

    def _on_search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        locale = QLocale()
        if shown == total:
            texts = (self.tr("Aucune entrée"), self.tr("1 entrée"), self.tr("%1 entrées"))
            text = texts[min(total, 2)].replace("%1", locale.toString(total))
        else:
            texts = (
                self.tr("Aucune entrée trouvée sur %2"),
                self.tr("1 entrée trouvée sur %2"),
                self.tr("%1 entrées trouvées sur %2"),
            )
            text = texts[min(shown, 2)].replace("%1", locale.toString(shown))
            text = text.replace("%2", locale.toString(total))
        self.count_label.setText(text)
