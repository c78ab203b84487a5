def first(a: int):
    """First.

    Args:
        a: a
    """
    return a


def second(b: str):
    """Second.

    Args:
        b: b
    """
    return b
