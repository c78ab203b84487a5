def f(a: int) -> Dict[str, int]:
    """Return annotation is ignored.

    Args:
        a: a
    """
    return {}
