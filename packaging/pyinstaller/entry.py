"""Frozen entry point: the same dispatcher as ``python -m livercalc_desktop``."""

import sys

from livercalc_desktop.__main__ import main

sys.exit(main())
