def f(*args: int, **kwargs: str):
    """Star args.

    Args:
        args: the args
        kwargs: the kwargs
    """
