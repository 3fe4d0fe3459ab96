"""`python -m newsreport`: the same as the `newsreport` command."""

from newsreport.cli import main

main()
