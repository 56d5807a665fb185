"""From a saved page to our records: a document page becomes one document (title, 发文字号, issuer, 成文日期,
blocks with their alignment and tables); an issue page with links to saved pages becomes one issue with its 目录."""

from __future__ import annotations

import re
from pathlib import Path

from reader.errors import NotAGazetteError, Reason
from reader.gazette import docnumber
from reader.gazette.documents import TITLE_START
from reader.gazette.documents import _attachments as attachment_names
from reader.gazette.frontmatter import parse_frontmatter
from reader.gazette.reflow import ATTACHMENT, ITEM, TERMINAL
from reader.gazette.text import DATE_LINE, ORG_END, PUBLIC_NOTE, cn_number, compact, iso_date, squash
from reader.models import Block, Document, Line, ParsedIssue, Source, TocEntry
from reader.sources.web import Page, Para, is_issue_page, local_links, read_page

NO_TITLE = ("no document title found in this web page (no title line, no <title>); save the page with its content "
            "(网页，全部) and import again")
NO_BODY = "no document body found in this web page; save the page with its content (网页，全部) and import again"
_CN_DATE = re.compile(r"([一二三四五六七八九〇零○０-９\d]{4})\s*年\s*([一二三四五六七八九十\d]{1,3})\s*月\s*([一二三四五六七八九十\d]{1,3})\s*日")
_CN_YEAR = str.maketrans("一二三四五六七八九〇零○", "123456789000")
# a site's name after the title in <title>: 标题_政府信息公开专栏, 标题 - 某市人民政府 (not a range inside a title)
_SITE_SUFFIX = re.compile(r"\s*[_|｜\-—–]\s*[^_|｜\-—–]{0,30}(?:网|网站|政府|专栏|门户|公报|平台|频道|首页)$")
_ORG_TAIL = re.compile(r"^(.{2,40}?)(?:关于|转发|印发|批转)")


def page_date(text: str) -> str | None:
    """A 年月日 date in digits or in Chinese numerals (一九九七年一月二十日) as YYYY-MM-DD, or None."""
    found = iso_date(text)
    if found:
        return found
    m = _CN_DATE.search(text)
    if not m:
        return None
    year = m.group(1).translate(_CN_YEAR)
    month, day = cn_number(m.group(2)), cn_number(m.group(3))
    if not year.isdigit() or month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{int(year):04d}-{month:02d}-{day:02d}"


def _is_date(text: str) -> bool:
    """A line that is only a date (the date under a signature)."""
    return bool(DATE_LINE.match(text)) or bool(_CN_DATE.fullmatch(compact(text)))


def _title_span(paras: list[Para], meta_title: str) -> int:
    """How many paragraphs at the top make the title: those the metadata's title spells, else the centred, bold or
    heading paragraphs before the 文号 (a title runs over at most four)."""
    want = compact(meta_title)
    if want:
        got, k = "", 0
        while k < len(paras) and k < 6 and want.startswith(got + compact(paras[k].text)):
            got += compact(paras[k].text)
            k += 1
            if got == want:
                return k
        return 0
    k = 0
    while k < min(4, len(paras)) and _title_like(paras[k]) and (paras[k].heading or paras[k].align == "center"
                                                                 or paras[k].bold):
        k += 1
    if k:
        return k
    # a page without layout: the plain lines above a 发文字号 standing alone near the top
    number_at = next((i for i, p in enumerate(paras[:5]) if not p.rows and docnumber.parse_line(p.text)), 0)
    return number_at if all(_title_like(p) for p in paras[:number_at]) else 0


def _title_like(p: Para) -> bool:
    """A paragraph that can be (part of) a title: short, no sentence end, not a 文号, not a table."""
    return not (p.rows or docnumber.parse_line(p.text) or TERMINAL.search(p.text) or len(p.text) > 80)


def _kind(p: Para, body_size: float) -> str:
    """The block kind of a body paragraph."""
    text = p.text
    if p.rows:
        return "table"
    if ATTACHMENT.match(text) and len(text) < 60:
        return "attachment"
    if PUBLIC_NOTE.match(compact(text)):
        return "note"
    short = len(text) <= 40 and not TERMINAL.search(text) and "。" not in text
    bigger = body_size and p.size > body_size * 1.1
    if short and (p.heading or p.bold or p.align == "center" or bigger):
        return "heading"
    if ITEM.match(text):
        return "item"
    return "para"


def _signatures(paras: list[Para]) -> list[tuple[int, int, str | None, str | None]]:
    """Every closing (first organ line, date line, issuer, date): a date line standing alone with organ names (or
    right-aligned lines) just above it; the first is the document's, later ones close attached documents."""
    found: list[tuple[int, int, str | None, str | None]] = []
    for d, p in enumerate(paras):
        if p.rows or not _is_date(p.text):
            continue
        j, orgs = d - 1, list[str]()
        while j >= 0 and len(orgs) < 4:
            text = paras[j].text
            fits = len(text) <= 60 and not TERMINAL.search(text) and not paras[j].rows
            if not fits or not (ORG_END.search(text) or paras[j].align == "right"):
                break
            orgs[:0] = _organs(paras[j].raw or text)
            j -= 1
        if not found or orgs or p.align == "right":
            found.append((j + 1, d, " ".join(orgs) or None, page_date(p.text)))
    return found


def _organs(text: str) -> list[str]:
    """The organ names on one signature line, apart where spaces part them (a part not ending like an organ's name
    is joined to the next: 禾川市 人民政府 is one name)."""
    merged: list[str] = []
    for part in text.split():
        if merged and not ORG_END.search(merged[-1]):
            merged[-1] += part
        else:
            merged.append(part)
    return merged


def _body_size(paras: list[Para]) -> float:
    """The commonest font size of the body's paragraphs (0 when the page sets none)."""
    sizes = [p.size for p in paras if p.size and not p.rows]
    return max(set(sizes), key=sizes.count) if sizes else 0.0


def _block(kind: str, p: Para) -> Block:
    """A block from a paragraph; a paragraph's own alignment is kept where its kind does not imply it."""
    block = Block(kind, p.text, rows=p.rows)
    implied = {"title": "center", "docnumber": "center", "signature": "right", "date": "right"}.get(kind, "")
    if p.align and p.align != implied:
        block.align = p.align
    return block


def page_document(page: Page) -> Document:
    """The one document a saved document page holds."""
    paras = page.paras
    meta = {k: v if k in ("发文机关", "发布机构", "发文单位") else squash(v) for k, v in page.meta.items()}
    if sum(len(p.text) for p in paras if not p.rows and len(p.text) >= 8) < 40:
        raise NotAGazetteError(f"{page.path}: {NO_BODY}", path=page.path, reason=Reason.NO_BODY)
    k = _title_span(paras, meta.get("标题", ""))
    title = meta.get("标题") or squash("".join(p.text for p in paras[:k])) or _SITE_SUFFIX.sub("", page.title)
    if not title:
        raise NotAGazetteError(f"{page.path}: {NO_TITLE}", path=page.path, reason=Reason.NO_BODY)
    printed = meta.get("发文字号") or meta.get("文号") or None
    number = docnumber.parse_line(printed or "")
    blocks = [Block("title", title)]
    at, found = _number_blocks(paras, k, printed, blocks)
    number, printed = number or found, printed or (found.printed if found else None)
    recipients = None
    if at < len(paras) and paras[at].text.endswith(("：", ":")) and "。" not in paras[at].text and len(paras[at].text) < 300:
        recipients = paras[at].text
        blocks.append(_block("recipients", paras[at]))
        at += 1
    signer, signed = _body_blocks(paras[at:], blocks)
    issuer = meta.get("发文机关") or meta.get("发布机构") or meta.get("发文单位") or signer or _issuer_in(title)
    date = page_date(meta.get("成文日期", "")) or signed or page_date(meta.get("发布日期", ""))
    canonical = number.canonical if number else docnumber.canonical(printed)
    return Document(title=title, doc_number=printed, doc_number_canonical=canonical, issuer=issuer, date=date,
                    recipients=recipients, blocks=blocks, attachments=attachment_names(blocks),
                    key=canonical or compact(title)[:60])


def _number_blocks(paras: list[Para], k: int, printed: str | None,
                   blocks: list[Block]) -> tuple[int, docnumber.DocNumber | None]:
    """The 发文字号 line(s) under the title (and a decree's heading above its number) added to blocks; returns
    where the body goes on and the 文号 read there."""
    at, number = k, None
    while at < min(k + 3, len(paras)) and not paras[at].rows:
        p = paras[at]
        found = docnumber.parse_line(p.text)
        is_number = bool(found) or _looks_decree(p.text) or bool(printed and compact(p.text) == compact(printed))
        if not is_number and not (p.align == "center" and len(p.text) <= 40 and not TERMINAL.search(p.text)):
            break  # a decree's heading (中华人民共和国国务院令) may stand above its number
        number = number or found
        blocks.append(_block("docnumber" if is_number else "heading", p))
        at += 1
    return at, number


def _body_blocks(body: list[Para], blocks: list[Block]) -> tuple[str | None, str | None]:
    """The body's blocks added to blocks (closings marked); returns the first closing's issuer and date."""
    closings = _signatures(body)
    _, _, signer, signed = closings[0] if closings else (-1, -1, None, None)
    signature = {i for first, date_at, _, _ in closings for i in range(first, date_at)}
    dates = {date_at for _, date_at, _, _ in closings}
    size = _body_size(body)
    for i, p in enumerate(body):
        blocks.append(_block("signature" if i in signature else "date" if i in dates else _kind(p, size), p))
    return signer, signed


def _looks_decree(text: str) -> bool:
    """A decree's number on its own line under the title (第706号), which the 文号 rules do not cover."""
    return bool(re.fullmatch(r"第\s*[\d０-９]{1,5}\s*号", compact(text)))


def _issuer_in(title: str) -> str | None:
    """The issuing organ a title opens with (XX市人民政府关于…), or None."""
    m = _ORG_TAIL.match(compact(title))
    if m and TITLE_START.match(m.group(1)) and ORG_END.search(m.group(1)):
        return m.group(1)
    return None


def _lines(paras: list[Para]) -> list[Line]:
    """The paragraphs as source lines (for anything that reads a source's lines)."""
    return [Line(p.text, size=p.size, bold=p.bold, heading=p.heading, centered=p.align == "center",
                 right=p.align == "right") for p in paras]


def one_document(page: Page) -> ParsedIssue:
    """A document page as a parse result with one document and no issue (the importer files it in the 文件库)."""
    doc = page_document(page)
    return ParsedIssue(gazette="", printed_name="", publisher=None, year=None, issue=None, documents=[doc])


def issue_of(page: Page, pages: list[Page]) -> ParsedIssue:
    """An issue page with its linked document pages: the 目录 in link order, sections from the headings between."""
    every = page.all_paras()
    heading = [p.text for p in every if not p.rows][:12]
    hint = re.sub(r"(?=[12]\d{3}\s*年)", " ", _SITE_SUFFIX.sub("", page.title), count=1)  # 某公报 2024年第2期
    meta = parse_frontmatter(heading, hint)
    docs = [page_document(p) for p in pages]
    toc, warnings = _toc_entries(page, every, docs)
    gazette = str(meta["gazette"] or "")
    sections = list(dict.fromkeys(t.section for t in toc if t.section))
    return ParsedIssue(gazette=gazette, printed_name=str(meta["printed_name"] or gazette), publisher=meta["publisher"],  # type: ignore[arg-type]
                       year=meta["year"], issue=meta["issue"], total_issue=meta["total_issue"],  # type: ignore[arg-type]
                       published=meta["published"], sections=sections, toc=toc, documents=docs,  # type: ignore[arg-type]
                       warnings=warnings)


def _cells(paras: list[Para]) -> list[Para]:
    """The page's lines, a 目录 laid out as a table read cell by cell, row by row."""
    out: list[Para] = []
    for p in paras:
        out.extend([Para(c) for row in p.rows for c in row if c] if p.rows else [p])
    return out


def _toc_entries(page: Page, every: list[Para], docs: list[Document]) -> tuple[list[TocEntry], list[str]]:
    """The 目录: each link (saved or not) where it stands, under the section heading above it; warnings for
    entries whose page was not saved."""
    links: list[tuple[str, int | None, Path | None]] = [(compact(text), k, None) for k, (text, _, _) in enumerate(page.links)]
    if page.tree is not None:
        links += [(compact(text), None, target) for text, target, _ in local_links(page.tree, page.path, saved=False)]
    links = [link for link in links if link[0]]
    toc: list[TocEntry] = []
    warnings: list[str] = []
    section, taken = None, set[int]()
    for p in _cells(every):
        c = compact(p.text)
        inside = sorted((c.find(t), n) for n, (t, _, _) in enumerate(links) if n not in taken and t in c)
        for _, n in inside:
            taken.add(n)
            text, k, target = links[n]
            if k is None:
                toc.append(TocEntry(section, p.text if len(inside) == 1 else text, None, None, None))
                warnings.append(f"目录 entry whose page was not saved beside the issue page: {toc[-1].title} "
                                f"({target.name if target else ''}); save that page into the same folder and import "
                                "again with --replace")
            else:
                toc.append(TocEntry(section, docs[k].title, docs[k].doc_number, None, k))
                docs[k].toc_index, docs[k].section = len(toc) - 1, section
        if not inside and 2 <= len(c) <= 20 and (p.bold or p.heading or c.startswith(("【", "["))) and k_not_meta(c):
            section = p.text.strip("【】[] ")
    for k, doc in enumerate(docs):
        if doc.toc_index is None:
            toc.append(TocEntry(section, doc.title, doc.doc_number, None, k))
            doc.toc_index = len(toc) - 1
    return toc, warnings


def k_not_meta(text: str) -> bool:
    """Whether a short line of an issue page may be a section heading (not the issue's own name or date)."""
    return not (re.search(r"\d{4}\s*年|第\s*\d+\s*期|公报|目\s*录", text))


def read_web(path: Path, data: bytes) -> Source:
    """A saved page as a source already parsed: one document, or an issue with the pages it links to."""
    page = read_page(path, data)
    linked = [target for _, target, _ in page.links]
    if is_issue_page(page):
        pages = [read_page(p, p.read_bytes()) for p in linked]
        parsed = issue_of(page, pages)
        kind = "web-issue"
    else:
        parsed = one_document(page)
        kind = "web"
    lines = _lines(page.paras)
    return Source(path=path, kind=kind, lines=lines, title_hint=page.title, parsed=parsed, bundle=linked if kind == "web-issue" else [])
