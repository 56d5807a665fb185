"""The Whoosh schema: which fields exist, how they are analysed, what is stored for hit lists.

The text of titles and bodies is indexed in ``textindex`` (positions in numpy arrays); Whoosh holds the small
fields and each document's row there."""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from reader.search.analyzer import bigram_analyzer

TITLE_BOOST = 4.0


def build_schema() -> Schema:
    """Fields for one document of the archive."""
    bigrams = bigram_analyzer()
    return Schema(
        doc_id=ID(stored=True, unique=True),
        issue_id=ID(stored=True),
        row=NUMERIC(int, bits=64, sortable=True),
        title=STORED(),
        number=KEYWORD(stored=False, lowercase=False, commas=True, scorable=True),
        cites=KEYWORD(lowercase=False, commas=True, scorable=True),
        doc_number=STORED(),
        issuer=TEXT(analyzer=bigrams, phrase=True, stored=True),
        section=TEXT(analyzer=bigrams, phrase=True, stored=True),
        gazette=TEXT(analyzer=bigrams, phrase=True, stored=True),
        gazette_key=ID(sortable=True),
        section_key=ID(sortable=True),
        year=NUMERIC(int, stored=True, sortable=True),
        issue=NUMERIC(int, stored=True),
        date=ID(stored=True, sortable=True),
        ordinal=STORED(),
    )
