def f(s: str, i: int, x: float, b: bool):
    """Basic types.

    Args:
        s: a string
        i: an int
        x: a float
        b: a bool
    """
    return s
