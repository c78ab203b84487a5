def f(a: int, b: str = "x, y", c: bool = False, d: float = 1.5):
    """Defaults are not required.

    Args:
        a: a
        b: b
        c: c
        d: d
    """
