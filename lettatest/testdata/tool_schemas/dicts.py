def f(a: dict, b: Dict, c: Optional[dict] = None):
    """Dicts.

    Args:
        a: a
        b: b
        c: c
    """
