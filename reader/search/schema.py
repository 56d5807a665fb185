"""The Whoosh schema: which fields exist, how they are analysed, what is stored for hit lists."""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from reader.search.analyzer import bigram_analyzer, word_analyzer

TITLE_BOOST = 4.0


def build_schema() -> Schema:
    """Fields for one document of the archive."""
    bigrams, words = bigram_analyzer(), word_analyzer()
    return Schema(
        doc_id=ID(stored=True, unique=True),
        issue_id=ID(stored=True),
        title=TEXT(analyzer=bigrams, phrase=True, stored=True, field_boost=TITLE_BOOST),
        title_words=TEXT(analyzer=words, phrase=False, field_boost=TITLE_BOOST),
        body=TEXT(analyzer=bigrams, phrase=True),
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
