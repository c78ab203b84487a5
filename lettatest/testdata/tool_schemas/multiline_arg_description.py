def f(a: int, b: int):
    """Doc.

    Args:
        a: line one
            line two
        b (int, optional): typed. Defaults to 3.
    """
