def f(a: tuple):
    """Tuple.

    Args:
        a: a
    """
