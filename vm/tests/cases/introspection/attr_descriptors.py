# Data attributes of built-in types are getset / member descriptors on the class
# (what types.GetSetDescriptorType and types.MemberDescriptorType name); instance
# access and the descriptor give the same value.
import types


def f(a, b=2):
    "doc"
    return a


print(types.GetSetDescriptorType, types.MemberDescriptorType)
F = types.FunctionType
print(F.__code__, F.__globals__, F.__defaults__, F.__closure__, F.__dict__['__name__'])
print(types.CodeType.co_name, types.CodeType.co_varnames, complex.real, int.real, float.imag)
print(BaseException.args, BaseException.__suppress_context__, types.FrameType.f_lineno)
print(types.MethodType.__func__, types.CellType.cell_contents, types.TracebackType.tb_next)
print(range.start, slice.stop, property.fget, classmethod.__func__, types.ModuleType.__dict__['__dict__'])
print(types.GeneratorType.gi_code, types.GeneratorType.gi_frame, types.CoroutineType.cr_code)
d = F.__code__
print(type(d).__name__, d.__name__, d.__qualname__, d.__objclass__, type(F.__globals__).__name__)
print(F.__globals__.__name__, F.__globals__.__qualname__, F.__globals__.__objclass__)

# the type's own attributes win on the class itself
print(F.__name__, F.__qualname__, F.__module__, "__code__" in F.__dict__)
print(BaseException.__name__, ValueError.__dict__.get('args'))

# __get__ / __set__ / __delete__
print(d.__get__(f) is f.__code__, d.__get__(None, F) is d, F.__globals__.__get__(f) is globals())
print(F.__name__ == 'function', F.__dict__['__name__'].__get__(f))
F.__dict__['__name__'].__set__(f, 'g')
print(f.__name__, f.__qualname__)
print(complex.real.__get__(3 + 4j), int.numerator.__get__(7), ValueError.args.__get__(ValueError(1, 2)))


class C(complex):
    pass


print(C(1, 2).real, C(1, 2).imag)

def attempt(fn):
    try:
        fn()
        print('ok')
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)


attempt(lambda: setattr(f, '__globals__', {}))
attempt(lambda: delattr(f, '__closure__'))
attempt(lambda: setattr(3 + 4j, 'real', 1.0))
attempt(lambda: setattr(5, 'real', 1))
attempt(lambda: setattr(f.__code__, 'co_name', 'x'))
attempt(lambda: types.CodeType.co_varnames.__set__(f.__code__, ()))
attempt(lambda: d.__get__(1))
attempt(lambda: d.__set__(1, 2))
attempt(lambda: F.__globals__.__set__(f, {}))
attempt(lambda: d.__get__(None, None))
attempt(lambda: setattr(f, '__name__', 3))
attempt(lambda: setattr(f, '__doc__', 'new'))
print(f.__doc__)
e = ValueError('x')
e.args = (1, 2)
e.__suppress_context__ = True
print(e.args, e.__suppress_context__)
attempt(lambda: setattr(range(3), 'start', 1))

import inspect
print(inspect.isgetsetdescriptor(d), inspect.ismemberdescriptor(F.__globals__), inspect.isdatadescriptor(d))
print(inspect.ismethoddescriptor(d), inspect.isgetsetdescriptor(f))
