def f():
    """Args:
        x: the x
    """
