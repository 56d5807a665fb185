"""How the window's parts share its width: minimum widths, the tree folding first, widths kept across restarts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QWidget

# widths below which a part of the window does not shrink: together they fit an 800-pixel-wide screen
MIN_WIDTHS = {"tree": 120, "reading": 380, "results": 200, "search": 260, "dock": 180}
DEFAULT_WIDTHS = (300, 340)  # tree, results
DOCK_WIDTH = 300  # a side panel opens this wide (its contents would ask for more, squeezing the rest)
DOCK_MAX_WIDTH = 360  # or as wide as its buttons need, up to this


class DockFitter(QObject):
    """A side panel that opens wider than its usual width (its contents ask for more) takes that width, leaving
    room for the tree, the reading pane and the results; a width the user drags it to stays."""

    def __init__(self, window: QMainWindow, dock: QDockWidget) -> None:
        super().__init__(dock)
        self.window, self.dock = window, dock
        self.opening = False
        dock.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Shown: the first size it is laid out at decides; wider than usual, it is narrowed."""
        if event.type() == QEvent.Type.Show:
            self.opening = True
        elif event.type() == QEvent.Type.Resize and self.opening and self.dock.width() > 1:
            self.opening = False
            inner = self.dock.widget()
            # as wide as its buttons need (in English they are longer), but no wider than usual otherwise
            need = inner.minimumSizeHint().width() + 8 if inner is not None else 0
            want = min(DOCK_MAX_WIDTH, max(DOCK_WIDTH, need))
            if self.dock.width() > want and not self.dock.isFloating():
                QTimer.singleShot(0, lambda: self.window.resizeDocks([self.dock], [want], Qt.Orientation.Horizontal))
        return super().eventFilter(watched, event)


def keep_docks_narrow(window: QMainWindow, docks: list[QDockWidget]) -> None:
    """Fit each side panel when it opens."""
    for dock in docks:
        DockFitter(window, dock)


class PanelLayout(QObject):
    """The splitter of tree, reading pane and results: the reading pane keeps its minimum, the tree folds when
    there is no room for it, and the tree's and results' widths are remembered (also while the results are shut)."""

    def __init__(self, splitter: QSplitter, tree: QWidget, reading: QWidget, results: QWidget) -> None:
        super().__init__(splitter)
        self.splitter, self.results = splitter, results
        self.widths = list(DEFAULT_WIDTHS)
        for k, widget in enumerate((tree, reading, results)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(k, (2, 5, 3)[k])
            widget.setMinimumWidth(MIN_WIDTHS[("tree", "reading", "results")[k]] if k else 1)
        splitter.setChildrenCollapsible(False)
        splitter.setCollapsible(0, True)
        splitter.installEventFilter(self)
        splitter.splitterMoved.connect(lambda _pos, _index: self._remember())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The splitter changed size (window resized, a dock or the results shown or hidden): refit the panels."""
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.fit)
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        """Give the reading pane its minimum width first: when the tree would be narrower than usable, fold it."""
        sizes = self.splitter.sizes()
        room = sum(sizes) - MIN_WIDTHS["reading"] - (sizes[2] if self.results.isVisible() else 0)
        if sizes[0] > 1 and (sizes[0] < MIN_WIDTHS["tree"] or room < MIN_WIDTHS["tree"]):
            self.splitter.setSizes([0, sizes[1] + sizes[0], sizes[2]])
        elif sizes[0] <= 1 and room >= MIN_WIDTHS["tree"] + 20:
            tree = min(room, self.widths[0])
            self.splitter.setSizes([tree, sizes[1] - tree, sizes[2]])

    def _remember(self) -> None:
        sizes = self.splitter.sizes()
        if sizes[0] > 1:
            self.widths[0] = sizes[0]
        if self.results.isVisible() and sizes[2] > 0:
            self.widths[1] = sizes[2]

    def show_results(self) -> None:
        """Open the results panel at the width it had last (taken from the reading pane, down to its minimum)."""
        if self.results.isVisible():
            return
        self.results.show()
        sizes = self.splitter.sizes()
        want = max(MIN_WIDTHS["results"], min(self.widths[1], sizes[1] - MIN_WIDTHS["reading"]))
        self.splitter.setSizes([sizes[0], sizes[1] + sizes[2] - want, want])

    def save(self, settings: QSettings) -> None:
        """Remember the tree's and the results' widths."""
        self._remember()
        settings.setValue("panel_widths", ",".join(map(str, self.widths)))

    def restore(self, settings: QSettings) -> None:
        """Apply the remembered widths (the results panel opens with its width when a search shows it)."""
        try:
            tree, results = (int(v) for v in str(settings.value("panel_widths", "")).split(","))
        except ValueError:
            tree, results = DEFAULT_WIDTHS
        self.widths = [max(MIN_WIDTHS["tree"], tree), max(MIN_WIDTHS["results"], results)]
        self._apply()
        QTimer.singleShot(0, self._apply)  # again once the window has its size: the first layout rescales

    def _apply(self) -> None:
        sizes = self.splitter.sizes()
        total = max(sum(sizes), self.widths[0] + MIN_WIDTHS["reading"])
        results = sizes[2] if self.results.isVisible() else 0
        self.splitter.setSizes([self.widths[0], total - self.widths[0] - results, results])
