def f(a: 'int'):
    """String annotation.

    Args:
        a: a
    """
