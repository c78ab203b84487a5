def f(a: int, *args):
    """Star args.

    Args:
        a: a
        args: the args
    """
