"""``python -m calcifate``: the same command-line interface as the ``calcifate`` script."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
