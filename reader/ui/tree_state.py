"""The issue tree's expansion and selection, kept across a reload (an import, a replace, a deletion)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

from reader.ui.tree_model import KEY_ROLE, IssueTreeModel

KeyPath = tuple[str, ...]


@dataclass
class TreeState:
    """Which rows were open and which was selected, named by their keys (gazette, year, issue, section, id)."""

    expanded: list[KeyPath] = field(default_factory=list)
    selected: KeyPath | None = None


def key_path(index: QModelIndex) -> KeyPath:
    """The keys from the top of the tree down to a row."""
    keys: list[str] = []
    while index.isValid():
        keys.append(str(index.data(KEY_ROLE)))
        index = index.parent()
    return tuple(reversed(keys))


def find(model: IssueTreeModel, path: KeyPath) -> QModelIndex:
    """The row a key path names (loading issues on the way), or an invalid index when it is gone."""
    index = QModelIndex()
    for key in path:
        if model.canFetchMore(index):
            model.fetchMore(index)
        row = next((r for r in range(model.rowCount(index)) if model.index(r, 0, index).data(KEY_ROLE) == key), None)
        if row is None:
            return QModelIndex()
        index = model.index(row, 0, index)
    return index


def save(tree: QTreeView, model: IssueTreeModel) -> TreeState:
    """The open rows (walking only the open ones) and the selected row."""
    state = TreeState(selected=key_path(tree.currentIndex()) if tree.currentIndex().isValid() else None)
    todo = [QModelIndex()]
    while todo:
        parent = todo.pop()
        for row in range(model.rowCount(parent)):
            child = model.index(row, 0, parent)
            if tree.isExpanded(child):
                state.expanded.append(key_path(child))
                todo.append(child)
    return state


def restore(tree: QTreeView, model: IssueTreeModel, state: TreeState) -> None:
    """Open the rows that were open and select the row that was selected, where they still exist."""
    for path in sorted(state.expanded, key=len):
        index = find(model, path)
        if index.isValid():
            tree.expand(index)
    if state.selected:
        index = find(model, state.selected)
        if index.isValid():
            tree.setCurrentIndex(index)
            tree.scrollTo(index)
