def f(a: int, b: str):
    """Doc in ReST.

    :param a: the a
    :param str b: the b
    :returns: nothing
    """
