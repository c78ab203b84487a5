def f(a: int):
    """"""
