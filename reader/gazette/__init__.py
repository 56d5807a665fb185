"""The gazette genre: front matter, 目录, documents, 发文字号 and paragraph reflow."""
