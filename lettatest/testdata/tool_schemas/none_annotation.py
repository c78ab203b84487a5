def f(a: None):
    """None.

    Args:
        a: a
    """
