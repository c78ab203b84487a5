def f():
    """
    Summary on the second line.
    """
