"""``python -m socialrecovery_nlp`` runs the ``srnlp`` command line."""

from .cli.app import main

main()
