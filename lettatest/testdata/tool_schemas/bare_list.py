def f(a: list):
    """Bare list.

    Args:
        a: a
    """
