def f(a: int):
    """Doc.

    Args:
        a: the a

    Raises:
        ValueError when bad
    """
