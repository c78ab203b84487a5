def f(a: int):
    """Doc.

    Args:
        a : the a
    """
