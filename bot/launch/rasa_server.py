"""The Rasa server's entry point: install the Rasa compatibility fixes, then run Rasa's command line.

``python -m bot.launch.rasa_server run --model ... --endpoints ...`` takes the same
arguments as ``rasa``. It is the one named start-up point where
:func:`bot.channels.rasa_compat.install` replaces a method of Rasa's for the whole
process and sets the action timeout, and where the store settings ``endpoints.yml`` reads
and the environment leaves out get their one-machine defaults
(:data:`bot.channels.stores.ENV_DEFAULTS`); a plain ``rasa run`` (with ``ACTION_TOKEN`` and
every variable of ``endpoints.yml`` set) works too, only with Rasa's slower check of
action replies and its 300 s wait for a hung action server.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Install the fixes and hand the arguments to Rasa's own command line."""
    from rasa.__main__ import main as rasa_main

    from bot.channels import rasa_compat
    from bot.channels.stores import with_defaults

    rasa_compat.install()
    with_defaults(os.environ)  # endpoints.yml's store settings left out: one machine
    sys.argv = ["rasa", *(sys.argv[1:] if argv is None else argv)]
    rasa_main()


if __name__ == "__main__":
    main()
