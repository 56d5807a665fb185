"""Entry point of the bundled program (PyInstaller): the same command line as `gazette-reader`."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
