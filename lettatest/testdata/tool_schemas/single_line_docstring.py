def f():
    '''One line, single quotes.'''
