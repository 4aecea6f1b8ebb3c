"""``python -m tools.demo_site``: render the demo site (see :mod:`tools.demo_site.build`)."""

import sys

from tools.demo_site.build import main

sys.exit(main())
