#!/usr/bin/env bash
# Build the one-folder bundle dist/GazetteReader/ with PyInstaller, run its self-test, and report its size.
#   bash packaging/build.sh          (after bash .ci/setup; PyInstaller comes with the dev extras)
# Build on the system the bundle is for: Linux builds a Linux bundle, Windows (Git Bash) a Windows one.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=.venv/Scripts/python.exe
"$PY" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/gazette_reader.spec
BUNDLE=dist/GazetteReader
EXE="$BUNDLE/GazetteReader"
[ -x "$EXE" ] || EXE="$BUNDLE/GazetteReader.exe"
echo "== self-test of the bundle"
QT_QPA_PLATFORM=offscreen "$EXE" --self-test
echo "== size"
du -sh "$BUNDLE"
# awk reads all of its input (head would close the pipe early: SIGPIPE under pipefail)
du -s "$BUNDLE"/_internal/* 2>/dev/null | sort -rn | awk 'NR <= 12 {printf "%8.1f MB  %s\n", $1/1024, $2}'
