"""The frozen build's entry point (PyInstaller runs a script, not a package's __main__)."""

import sys

from desktop_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
