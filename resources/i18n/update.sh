#!/usr/bin/env bash
# Refresh the translation sources from the code (lupdate) and compile them (lrelease).
# Edit translations in gazette_reader_zh_CN.ts (Qt Linguist: .venv/bin/pyside6-linguist), then run this again.
set -euo pipefail
cd "$(dirname "$0")/../.."
.venv/bin/pyside6-lupdate reader/ui/*.py -ts resources/i18n/gazette_reader_zh_CN.ts -no-obsolete
.venv/bin/pyside6-lrelease resources/i18n/gazette_reader_zh_CN.ts -qm resources/i18n/gazette_reader_zh_CN.qm
