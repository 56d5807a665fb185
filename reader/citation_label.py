"""How issues and documents are named and cited, the one owner: 2023年第1期, 《标题》（文号），某某公报2023年第1期第5页."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


def issue_label(year: int | None, issue: int | None, total: int | None = None, fallback: str = "") -> str:
    """An issue as a reader names it: 2023年第1期 (总第23期); 2023年 without a number; the fallback without a year."""
    if year is None:
        return fallback
    text = f"{year}年第{issue}期" if issue is not None else f"{year}年"
    return text + (f" (总第{total}期)" if total else "")


def title_marks(title: str) -> str:
    """A title inside 《》: title marks already inside it become 〈〉, as 公文 style wants."""
    inner = title[1:-1] if title.startswith("《") and title.endswith("》") else title
    return "《" + inner.replace("《", "〈").replace("》", "〉") + "》"


@dataclass(kw_only=True)
class Citation:
    """Where a passage stands: gazette, year, issue, title, 发文字号, printed page.

    Bookmarks and annotations carry these fields themselves, so a note stays meaningful while its document
    is missing from the archive."""

    gazette: str | None = None
    year: int | None = None
    issue: int | None = None
    title: str | None = None
    doc_number: str | None = None
    page: int | None = None

    def fields(self) -> dict[str, Any]:
        """Just the citation's fields (also of a Bookmark or an Annotation), as keyword arguments."""
        return {f.name: getattr(self, f.name) for f in fields(Citation)}

    @property
    def citation(self) -> Citation:
        """The citation alone."""
        return Citation(**self.fields())

    def where(self) -> str:
        """The issue and page: 某某公报2023年第1期第5页 (empty without a gazette)."""
        if not self.gazette:
            return ""
        text = self.gazette + issue_label(self.year, self.issue)
        return text + (f"第{self.page}页" if self.page else "")

    def text(self) -> str:
        """As a reader cites it: 《标题》（文号），某某公报2023年第1期第5页."""
        parts = [title_marks(self.title) if self.title else ""]
        if self.doc_number:
            parts.append(f"（{self.doc_number}）")
        where = self.where()
        return "".join(parts) + ("，" + where if where else "")
