def f(a: Optional[int], b: Optional[str] = None):
    """Optional is never required.

    Args:
        a: a
        b: b
    """
