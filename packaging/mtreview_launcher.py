"""Entry script of the frozen app: the same ``mtreview`` command as the installed console script."""

import multiprocessing

from mtreview.cli.main import main

if __name__ == "__main__":
    # First: a process the app spawns (the second half of a large TM index build, storage.tmsplit) runs
    # this same binary, and must do its work instead of starting the app again.
    multiprocessing.freeze_support()
    main()
