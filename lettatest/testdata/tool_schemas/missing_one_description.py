def f(a: int, b: int):
    """Missing b.

    Args:
        a: a
    """
