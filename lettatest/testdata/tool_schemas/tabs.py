def f(a: int):
	"""Tabbed.

	Args:
		a: the a
	"""
