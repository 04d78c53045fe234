"""The script ``spark-submit`` runs: ``marsad batch --engine spark`` with the arguments given after it.

    spark-submit [Spark options] "$(python -c 'import marsad.batch.submit as s; print(s.__file__)')" IN... OUT

(``spark-submit`` needs a file, not a console script; this one ships with the wheel.) See ``docs/BATCH.md``.
"""

from __future__ import annotations

import sys

from marsad.cli import main

if __name__ == "__main__":
    sys.exit(main(["batch", "--engine", "spark", *sys.argv[1:]]))
