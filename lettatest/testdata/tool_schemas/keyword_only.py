def f(a: int, *, b: str, c: int = 1):
    """Keyword-only.

    Args:
        a: a
        b: b
        c: c
    """
