"""Saved web pages (.html/.htm): the encoding, the page's metadata table and its body as paragraphs with their
alignment, weight, size and tables, read with a real HTML parser (selectolax's Lexbor), never patterns over markup.

A document page becomes one document (reader/sources/webdoc.py); an issue page (an online gazette's 目录 listing
its documents with links to pages saved beside it) becomes one issue with its 目录 and documents in that order."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from reader.errors import Reason, SourceError
from reader.gazette.docnumber import parse_line
from reader.gazette.text import squash
from reader.sources import WEB_SUFFIXES
from reader.sources.webparas import SPACES, Para, is_chrome, paragraphs

_CONTENT_SELECTORS = ("#UCAP-CONTENT", "#zoom", "#Zoom", ".pages_content", ".TRS_Editor", "#content .article",
                      ".article-content", ".article_content", "#articleContent", ".content_text", "article", "main")
META_LABELS = ("索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词", "文号", "发布机构",
               "发文单位", "生效日期", "有效性")


@dataclass
class Page:
    """A saved page: its <title>, metadata (label → value), body paragraphs and links to local files."""

    path: Path
    title: str
    meta: dict[str, str]
    paras: list[Para]
    links: list[tuple[str, Path, LexborNode]] = field(default_factory=list)
    tree: LexborHTMLParser | None = None

    def all_paras(self) -> list[Para]:
        """Every paragraph of the page's body, not only its content block (an issue page's name and 目录)."""
        body = self.tree.body if self.tree is not None else None
        return paragraphs(body) if body is not None else self.paras


def charset_of(data: bytes) -> str | None:
    """The charset a page declares in its head (meta charset or http-equiv), None when it declares none."""
    head = LexborHTMLParser(data[:4096].decode("latin-1"))  # ASCII-safe: enough to read the meta tags
    for meta in head.css("meta"):
        declared = meta.attributes.get("charset")
        if not declared:
            _, found, rest = (meta.attributes.get("content") or "").lower().partition("charset=")
            declared = rest.strip(" \"';") if found else None
        if declared:
            return declared.strip().lower()
    return None


def decode_page(data: bytes, path: Path) -> str:
    """The page's text: a BOM first, then the declared charset (GB2312/GBK read as GB18030), then UTF-8, GB18030."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    declared = charset_of(data)
    if declared in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936"):
        declared = "gb18030"
    tries = [declared] if declared else []
    for enc in [*tries, "utf-8", "gb18030"]:
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    raise SourceError(f"{path}: not a web page in a known encoding; save the page again (网页，全部) as UTF-8",
                      path=path, reason=Reason.NOT_TEXT)


def metadata(tree: LexborHTMLParser) -> dict[str, str]:
    """The metadata table's labels and values (索引号, 发文机关, 成文日期, 标题, 发文字号 …), first value of each."""
    meta: dict[str, str] = {}
    for node in tree.css("td, th, li, span, label, b, strong, dt, div, p"):
        own = node.text(separator=" ")
        if len(own) > 80:
            continue
        flat = SPACES.sub(" ", own).strip()
        head, colon, rest = flat.partition("：") if "：" in flat else flat.partition(":")
        label = SPACES.sub("", head)
        if not colon or label not in META_LABELS or label in meta:
            continue  # a label stands with its colon (发文字号：); a table's column head (文号) is no label
        value = rest.strip()
        if not value:
            sibling = node.next
            while sibling is not None and (sibling.tag == "-text" and not (sibling.text_content or "").strip()):
                sibling = sibling.next
            if sibling is not None:
                value = sibling.text(separator=" ") if sibling.tag != "-text" else sibling.text_content or ""
        value = SPACES.sub(" ", value).strip()  # spaces kept between words: 财政部 税务总局
        if value and len(value) < 200:
            meta[label] = value
    return meta


def content_root(tree: LexborHTMLParser) -> LexborNode | None:
    """The element holding the document's body: a known content block (None when it is empty: the page was saved
    without its content), else the parent of the most paragraph text outside the site's furniture."""
    for selector in _CONTENT_SELECTORS:
        node = tree.css_first(selector)
        if node is not None:
            return node if len(node.text(strip=True)) > 20 else None
    scores: dict[int, tuple[int, LexborNode]] = {}
    for p in tree.css("p, div > br, td > br"):
        parent = p.parent
        if parent is None or _in_chrome(parent):
            continue
        weight = len(p.text(strip=True) if p.tag == "p" else parent.text(strip=True))
        got = scores.get(parent.mem_id)
        scores[parent.mem_id] = ((got[0] if got else 0) + weight, parent)
    if not scores:
        return tree.body
    best = max(scores.values(), key=lambda s: s[0])
    return best[1] if best[0] > 20 else tree.body


def _in_chrome(node: LexborNode) -> bool:
    """Whether a node sits inside the site's furniture (a footer, a menu)."""
    at: LexborNode | None = node
    while at is not None and at.tag not in ("body", "html"):
        if is_chrome(at):
            return True
        at = at.parent
    return False


def local_links(tree: LexborHTMLParser, path: Path, saved: bool = True) -> list[tuple[str, Path, LexborNode]]:
    """Links to web pages beside this one (relative hrefs), in page order, each once: those saved (files that
    exist), or with saved=False those that are not."""
    out: list[tuple[str, Path, LexborNode]] = []
    seen: set[Path] = set()
    for a in tree.css("a[href]"):
        href = a.attributes.get("href") or ""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = (path.parent / unquote(parts.path)).resolve()
        if target.suffix.lower() not in WEB_SUFFIXES or target == path.resolve() or target in seen:
            continue
        if target.is_file() == saved:
            seen.add(target)
            out.append((squash(SPACES.sub(" ", a.text(separator=" "))), target, a))
    return out


def read_page(path: Path, data: bytes) -> Page:
    """A saved page: title, metadata, body paragraphs, local links."""
    tree = LexborHTMLParser(decode_page(data, path))
    title_node = tree.css_first("title")
    title = squash(title_node.text()) if title_node is not None else ""
    root = content_root(tree)
    paras = paragraphs(root) if root is not None else []
    meta = metadata(tree)
    if root is not None and paras and not meta.get("标题"):
        paras = _lead(root) + paras
    return Page(path, title, meta, paras, local_links(tree, path), tree)


def _lead(root: LexborNode) -> list[Para]:
    """The title and 文号 a plain page puts just above its content block (an <h1>, a centred line): the short
    paragraphs of the elements before the block, up to four, when the block itself does not open with them."""
    first = paragraphs(root)[0]
    if first.heading or first.align == "center" or first.bold:
        return []
    node, parent = root, root.parent
    while parent is not None and parent.tag not in ("body", "html") and node.prev is None:
        node, parent = parent, parent.parent  # the content block may be the first child of a wrapper
    before: list[Para] = []
    sibling = node.prev
    while sibling is not None and len(before) < 6:
        if sibling.tag != "-text":
            got = paragraphs(sibling)
            if any(len(p.text) > 80 or p.rows for p in got):
                break
            before = got + before
        sibling = sibling.prev
    lead = [p for p in before if p.heading or p.align == "center" or p.bold or _numberish(p.text)]
    return lead[-4:]


def _numberish(text: str) -> bool:
    """A line that is a 发文字号."""
    return parse_line(text) is not None


def is_web(path: Path, data: bytes = b"") -> bool:
    """Whether a file is a saved web page (by its name, or an HTML start)."""
    if path.suffix.lower() in WEB_SUFFIXES:
        return True
    head = data[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def is_issue_page(page: Page) -> bool:
    """An issue page: most of its text is link titles to saved pages beside it, and it has no metadata table."""
    if len(page.links) < 2 or page.meta.get("发文字号") or page.meta.get("标题"):
        return False
    text = sum(len(p.text) for p in page.paras if not p.rows)
    linked = sum(len(t) for t, _, _ in page.links)
    return linked >= 0.4 * max(text, 1)


def issue_members(files: list[Path]) -> set[Path]:
    """The document pages that issue pages among these files link to (imported with their issue, not alone)."""
    members: set[Path] = set()
    for f in files:
        if f.suffix.lower() in WEB_SUFFIXES:
            try:
                data = f.read_bytes()
                if len(local_links(LexborHTMLParser(decode_page(data, f)), f)) < 2:
                    continue  # a document page (the quick look: its links only)
                page = read_page(f, data)
            except (OSError, SourceError):
                continue  # the import reports the file
            if is_issue_page(page):
                members.update(target for _, target, _ in page.links)
    return members
