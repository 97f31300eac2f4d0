"""``python -m actions``: run the action server (:func:`actions.server.main`) and exit with its status."""

import sys

from actions.server import main

sys.exit(main())
