"""Output file names given on the command line.

``Path("newdir/")`` drops the trailing slash, so ``export -o newdir/`` used to write a file
called ``newdir``. A name ending in a slash means a folder, and a folder is no file to write.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from livercalc_desktop.domain.errors import clipped


def output_file(text: str) -> Path:
    """Return the path of a file to write; a name ending in a slash (a folder) is a usage error."""
    if text.endswith(("/", os.sep)):
        raise argparse.ArgumentTypeError(
            f'"{clipped(text)}" names a folder; give a file name in it, such as {clipped(text)}leaflet.pdf'
        )
    return Path(text)
