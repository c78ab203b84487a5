def f(
    a: int,  # the count
    b: List[str] = ["x", "y"],
    c: Dict = {"k": (1, 2)},
) -> str:
    """Multi-line signature.

    Args:
        a: a
        b: b
        c: c
    """
