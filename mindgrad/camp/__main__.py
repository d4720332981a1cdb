"""``python -m mindgrad.camp``: the camp's command line (see cli.py)."""
if __name__ == "__main__":
    import sys

    from mindgrad.camp.cli import main

    sys.exit(main())
