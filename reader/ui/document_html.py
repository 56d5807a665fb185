"""The document as HTML for the reading pane: layout by block kind, the status badge, cited 发文字号 as links."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from reader.archive import DocumentRecord, IssueInfo, State, Status, number_spans
from reader.ui.messages import action_text, bracketed, dates_text, mismatch_text, page_text, state_text

STYLE = """
body { line-height: 170%; }
p { margin-top: 0.25em; margin-bottom: 0.25em; white-space: pre-wrap; }
p.meta { color: #666; font-size: small; }
p.status { font-size: small; margin-bottom: 0.6em; }
h1 { font-size: x-large; text-align: center; margin-bottom: 0.6em; }
p.number { text-align: center; margin-bottom: 1em; }
p.para, p.item, p.note { text-indent: INDENTpx; }
p.heading { font-weight: bold; text-indent: INDENTpx; }
p.subtitle { font-weight: bold; font-size: large; margin-top: 1em; margin-bottom: 0.6em; }
p.attachment { font-weight: bold; margin-top: 1em; }
p.signature, p.date { text-align: right; }
table { border-collapse: collapse; margin: 0.6em 0; }
td { padding: 3px 6px; }
"""


def linked(text: str, links: dict[str, str | None], own: str | None) -> str:
    """Text as HTML with every cited 发文字号 a link: doc:ID when the archive holds it, missing:… when not."""
    out, at = [], 0
    for start, end, canonical in number_spans(text):
        if canonical == own or canonical not in links:
            continue
        target = links[canonical]
        href = f"doc:{target}" if target else f"missing:{canonical}"
        style = "" if target else " style='color:#777'"
        out.append(html.escape(text[at:start]))
        out.append(f"<a href='{html.escape(href)}'{style}>{html.escape(text[start:end])}</a>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def status_html(status: Status | None) -> str:
    """The badge under the header: the state, and the decision or the dates behind it."""
    if status is None:
        return ""
    colors = {State.ABOLISHED: "#9e3a3a", State.INVALID: "#9e3a3a", State.EXPIRED: "#8a6d1f",
              State.NOT_YET: "#1f5f8a", State.IN_FORCE: "#2e7d32", State.AMENDED: "#2e7d32", State.UNSTATED: "#777"}
    badge = (f"<span style='color:#fff;background:{colors[status.state]}'>&nbsp;{html.escape(state_text(status.state))}"
             "&nbsp;</span>")
    by = status.by
    if by is not None:
        name = html.escape(by.doc_number or by.title)
        text = f" {html.escape(action_text(by.action.value))}<a href='doc:{html.escape(by.document_id)}'>{name}</a>"
        text += html.escape(bracketed(by.date)) if by.date else ""
        if by.mismatch:
            text += " · " + html.escape(mismatch_text(by.listed_title))
    else:
        text = " " + html.escape(dates_text(status))
    return f"<p class='status'>{badge}{text}</p>"


def ocr_html(doc: DocumentRecord) -> str:
    """For a document read from scanned pages: a note that its text was recognised, with the confidence."""
    if doc.ocr is None:
        return ""
    text = QCoreApplication.translate("DocumentHtml", "Text recognised from scanned pages (OCR, confidence {0:.0%}): "
                                      "check names and numbers against the original pages (Ctrl+Shift+P)").format(doc.ocr)
    return f"<p class='ocr' style='color:#8a6d1f'>{html.escape(text)}</p>"


def document_html(doc: DocumentRecord, issue: IssueInfo, status: Status | None = None,
                  links: dict[str, str | None] | None = None) -> str:
    """The document as HTML for QTextBrowser: centred title, indented paragraphs, right-aligned signature,
    its status under the header and every cited 发文字号 a link."""
    links = links or {}
    own = doc.doc_number_canonical
    meta = f"{issue.gazette} · {issue.label}"
    if doc.section:
        meta += f" · {doc.section}"
    if doc.printed_pages:
        meta += " · " + page_text(doc.printed_pages[0])
    out = [f"<p class='meta'>{html.escape(meta)}</p>", status_html(status), ocr_html(doc)]
    for block in doc.blocks:
        kind, raw = block.get("kind", "para"), block.get("text", "")
        text = linked(raw, links, own) if kind not in ("title", "docnumber") else html.escape(raw)
        if kind == "title":
            out.append(f"<h1 align='center'>{text}</h1>")
        elif kind == "subtitle":
            out.append(f"<p class='subtitle' align='center'>{text}</p>")
        elif kind == "docnumber":
            out.append(f"<p class='number' align='center'>{text}</p>")
        elif kind in ("signature", "date"):
            out.append(f"<p class='{kind}' align='right'>{text}</p>")
        elif kind == "table":
            rows = block.get("rows") or [raw.split("\t")]
            cells = "".join(
                "<tr>" + "".join(f"<td>{linked(c, links, own)}</td>" for c in row) + "</tr>" for row in rows
            )
            out.append(f"<table border='1' cellspacing='0' cellpadding='4'>{cells}</table>")
        elif kind == "recipients":
            out.append(f"<p class='recipients'>{text}</p>")
        else:
            out.append(f"<p class='{kind}'>{text}</p>")
    return "<html><body>" + "".join(out) + "</body></html>"
