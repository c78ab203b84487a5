def outer(a: int):
    """Outer.

    Args:
        a: a
    """
    def inner(b):
        return b
    return inner(a)
