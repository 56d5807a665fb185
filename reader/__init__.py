"""Gazette Reader (公报阅读器): offline archive, search and reader for Chinese government gazettes."""

__version__ = "0.1.0"
