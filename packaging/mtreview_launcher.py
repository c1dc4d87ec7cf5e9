"""Entry script of the frozen app: the same ``mtreview`` command as the installed console script."""

from mtreview.cli.main import main

if __name__ == "__main__":
    main()
