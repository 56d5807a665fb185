"""Full-text search: the Chinese analyzer, the index schema, the indexer, the query grammar, snippets."""
