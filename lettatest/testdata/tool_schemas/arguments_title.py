def f(a: int):
    """Doc.

    Arguments:
        a: the a
    """
