def f(a: int):
    """Doc.

    Args:
        a: the a

    Returns:
        str: the result

    Raises:
        ValueError: when bad
    """
