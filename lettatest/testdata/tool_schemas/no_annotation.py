def f(a):
    """No annotation.

    Args:
        a: a
    """
