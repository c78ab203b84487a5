def f(a: Optional[List] = None, b: List[dict] = None, c: list[list] = None):
    """Containers of containers.

    Args:
        a: the a
        b: the b
        c: the c
    """
