"""``python -m ratsdoc``: the command line."""

from .cli import run

run()
