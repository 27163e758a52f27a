"""`python -m desktop_app` and the `regua` / `regua-gui` entry points.

No subcommand opens the window; a subcommand runs headless through `cli` (which never loads Qt).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # the bundle: a work process (gui/common/work_process.py) starts here
        import multiprocessing

        multiprocessing.freeze_support()  # in a child, runs its job loop and exits; else returns at once
    from desktop_app import cli

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--gui-smoke-test"]:  # hidden: the bundle check opens the window once and closes it
        from desktop_app.gui.shell.app import smoke_test

        return smoke_test(cli.resolve_paths(db=argv[1] if len(argv) > 1 else None))
    args = cli.parse_global(argv)
    if args.command is not None:
        return cli.run(argv)
    try:
        paths = cli.resolve_paths(db=args.db, data_dir=args.data_dir, demo=args.demo)
    except cli.ReguaError as exc:  # a --db the window cannot use (a server's URL, for now): one line, no window
        print(f"regua: {exc.message()}", file=sys.stderr)
        return 1
    from desktop_app.gui.shell.app import run_gui  # Qt is imported only when a window is wanted

    return run_gui(paths, demo_shop=args.demo)


def gui_main() -> int:
    return main()


if __name__ == "__main__":
    sys.exit(main())
