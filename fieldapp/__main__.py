"""`python -m fieldapp` and the packaged executable's entry point."""

import sys

from fieldapp.cli.device import main

if __name__ == "__main__":
    sys.exit(main())
