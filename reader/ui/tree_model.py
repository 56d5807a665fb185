"""The issue tree: gazettes → years → issues → sections → documents, loaded lazily from the archive."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.archive import ENDED_STATES, Archive
from reader.ui.messages import state_suffix, state_text

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class Node:
    """One row of the tree; children is None until they are loaded."""

    kind: str  # root, gazette, year, issue, section, document
    label: str
    key: str = ""  # gazette name, year, issue id, section name or document id
    parent: Node | None = None
    children: list[Node] | None = None
    issue_id: str | None = None
    tooltip: str = ""
    count: int = 0
    flagged: bool = False
    ended: str = ""  # 已废止, 已失效, 已过有效期, 尚未施行: the document is not in force

    def row(self) -> int:
        """This node's row under its parent."""
        return self.parent.children.index(self) if self.parent and self.parent.children else 0


class IssueTreeModel(QAbstractItemModel):
    """A read-only tree model over the archive; issues' sections and documents load when first expanded."""

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.root = Node("root", "")
        self.reload()

    # ---- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the list of issues (after an import or a deletion)."""
        self.beginResetModel()
        self.root = Node("root", "", children=[])
        by_gazette: dict[str, Node] = {}
        for info in self.archive.issues():
            g = by_gazette.get(info.gazette)
            if g is None:
                g = by_gazette[info.gazette] = Node("gazette", info.gazette, info.gazette, self.root, [])
                assert self.root.children is not None
                self.root.children.append(g)
            year_key = str(info.year) if info.year is not None else "—"
            assert g.children is not None
            y = next((n for n in g.children if n.key == year_key), None)
            if y is None:
                y = Node("year", self.tr("{0}", "a year in the tree").format(year_key) if info.year else self.tr("Undated"),
                         year_key, g, [])
                g.children.append(y)
            assert y.children is not None
            y.children.append(Node("issue", info.label, info.id, y, None, info.id,
                                   tooltip=f"{info.gazette} {info.label}\n{info.source_name}", count=info.document_count))
        for g in by_gazette.values():
            assert g.children is not None
            g.children.sort(key=lambda n: n.key, reverse=True)
            for y in g.children:
                assert y.children is not None
                y.count = len(y.children)
            g.count = sum(len(y.children or []) for y in g.children)
        self.endResetModel()

    def _load_issue(self, node: Node) -> None:
        """Sections and documents of one issue (the only query that touches documents)."""
        node.children = []
        sections: dict[str, Node] = {}
        states = self.archive.states()
        for doc in self.archive.outline(node.key):
            name = doc.section or self.tr("(no section)")
            sec = sections.get(name)
            if sec is None:
                sec = sections[name] = Node("section", name, name, node, [], node.key)
                node.children.append(sec)
            label = doc.title + (f"　{doc.doc_number}" if doc.doc_number else "")
            tip = doc.title + (f"\n{doc.doc_number}" if doc.doc_number else "")
            if not doc.in_toc:
                tip += "\n" + self.tr("Not listed in the printed table of contents")
            state = states.get(doc.id)
            ended = ""
            if state is not None and state in ENDED_STATES:
                ended = state_text(state)
                label += state_suffix(state)
                tip += "\n" + self.tr("Status: {0}").format(ended)
            assert sec.children is not None
            sec.children.append(Node("document", label, doc.id, sec, [], node.key, tooltip=tip,
                                     flagged=not doc.in_toc, ended=ended))
        for sec in sections.values():
            sec.count = len(sec.children or [])

    # ---- Qt model API --------------------------------------------------------------------------
    def node(self, index: AnyIndex) -> Node:
        """The node behind an index (the root for an invalid one)."""
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self.node(parent)
        if node.children is None or not 0 <= row < len(node.children) or column != 0:
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self.node(index)
        parent = node.parent
        if parent is None or parent is self.root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        node = self.node(parent)
        if node.children is None:
            return 0  # loaded by fetchMore when the user expands the issue
        return len(node.children)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        node = self.node(parent)
        return node.kind != "document" and (node.children is None or bool(node.children))

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        return self.node(parent).children is None

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        node = self.node(parent)
        if node.children is not None:
            return
        sections = {d.section for d in self.archive.outline(node.key)}
        if not sections:
            node.children = []
            return
        self.beginInsertRows(parent, 0, len(sections) - 1)
        self._load_issue(node)
        self.endInsertRows()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if node.kind in ("gazette", "year", "section") and node.count:
                return f"{node.label} ({node.count})"
            if node.kind == "issue":
                count = self.tr("{0} documents").format(node.count)
                return f"{node.label} · {count}"
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or node.label
        if role == DOC_ID_ROLE:
            return node.key if node.kind == "document" else None
        if role == KIND_ROLE:
            return node.kind
        if role == KEY_ROLE:
            return node.key
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return node.tooltip or node.label
        if role == Qt.ItemDataRole.ForegroundRole and node.ended:
            from PySide6.QtGui import QColor

            return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.FontRole and node.flagged:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ---- finding -------------------------------------------------------------------------------
    def index_of_document(self, doc_id: str) -> QModelIndex:
        """The index of a document, loading its issue's rows if needed ('' path: invalid index)."""
        try:
            doc = self.archive.document(doc_id)
            info = self.archive.issue(doc.issue_id)
        except Exception:
            return QModelIndex()
        path = [info.gazette, str(info.year) if info.year is not None else "—", info.id,
                doc.section or self.tr("(no section)"), doc_id]
        parent = QModelIndex()
        for key in path:
            node = self.node(parent)
            if node.children is None:
                self.fetchMore(parent)
            row = next((k for k, child in enumerate(node.children or []) if child.key == key), None)
            if row is None:
                return QModelIndex()
            parent = self.index(row, 0, parent)
        return parent
