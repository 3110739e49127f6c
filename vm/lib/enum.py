"""enum for pyhop: enumerations.

Implements EnumType (alias EnumMeta), Enum, ReprEnum, IntEnum, StrEnum, auto,
unique and the functional API Enum('Name', 'A B C').  Members are created by
the metaclass's __new__, which post-processes the plain class namespace: every
name that is not a dunder, not a _sunder_ name and not a descriptor (function,
property, classmethod, ...) becomes a member.  Members are class attributes
(Color.RED), can be looked up by value (Color(1)) and by name (Color['RED']),
iterate in definition order (aliases excluded), and have .name, .value, the repr
<Color.RED: 1> and the str Color.RED (IntEnum/StrEnum: str and format give the
value, as in 3.11).  _missing_, _generate_next_value_, _ignore_, a custom
__new__ that sets _value_, and __init__ taking the member's value are honoured.

Flag and IntFlag (with the boundaries STRICT, CONFORM, EJECT and KEEP; composite
values become pseudo-members named 'A|B' in ascending bit order), global_enum
and _simple_enum (what `re` uses for RegexFlag) are implemented in simple form.

Left out: verify(), member(),
nonmember(), property (enum.property), pickling support, __dir__, and the
"already defined" checks that need a custom namespace (__prepare__): a name
assigned twice in a class body is simply the last value.  __members__ is a
dict, not a mappingproxy.
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'ReprEnum',
           'Flag', 'IntFlag', 'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP',
           'auto', 'unique', 'global_enum']

import sys as _sys


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_descriptor(obj):
    t = type(obj)
    return hasattr(t, '__get__') or hasattr(t, '__set__') or hasattr(t, '__delete__')


def _is_private(cls_name, name):
    pattern = '_%s__' % cls_name.lstrip('_')
    return (len(name) > len(pattern) and name.startswith(pattern)
            and not name.endswith('__'))


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""
    _auto_null = object()

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


_builtin_data_types = (int, float, complex, str, bytes, bytearray, tuple, list,
                       dict, set, frozenset)


def _find_data_type(bases):
    data_types = []
    for chain in bases:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    if base._member_type_ not in data_types:
                        data_types.append(base._member_type_)
                    break
            elif base in _builtin_data_types or '__new__' in base.__dict__:
                dt = candidate or base
                if dt not in data_types:
                    data_types.append(dt)
                break
            else:
                candidate = candidate or base
    if len(data_types) > 1:
        raise TypeError('too many data types for %r: %r' % (bases[-1], data_types))
    if data_types:
        return data_types[0]
    return object


def _find_first_enum(bases):
    if not bases:
        return None
    last = bases[-1]
    if not isinstance(last, EnumType):
        raise TypeError("new enumerations should be created as "
                        "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
    return last


def _find_new_member(classdict, member_type, first_enum):
    """The __new__ used to create members: the class body's own __new__, an
    inherited __new_member__, or the data type's __new__."""
    new = classdict.get('__new__')
    if new is not None:
        if isinstance(new, staticmethod):
            new = new.__func__
        return new, True
    for method in ('__new_member__',):
        for possible in (member_type, first_enum):
            target = getattr(possible, method, None)
            if target is not None:
                return target, True
    return None, False


class EnumType(type):
    """Metaclass for Enum"""

    def __new__(metacls, cls, bases, classdict, boundary=None, _simple=False, **kwds):
        if Enum is None:
            # Creating Enum itself.
            enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
            setattr(enum_class, '_member_names_', [])
            setattr(enum_class, '_member_map_', {})
            setattr(enum_class, '_value2member_map_', {})
            setattr(enum_class, '_unhashable_values_', [])
            setattr(enum_class, '_member_type_', object)
            return enum_class

        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError("<enum %r> cannot extend %r" % (cls, base))
        first_enum = _find_first_enum(bases)
        member_type = _find_data_type(bases)

        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        ignore = list(ignore)

        # Split the namespace into members and ordinary attributes.
        members = []
        namespace = {}
        for key, value in classdict.items():
            if key == '_ignore_' or key in ignore:
                continue
            if (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value)):
                namespace[key] = value
            else:
                members.append((key, value))
        for key, value in members:
            if key == 'mro' or key == '':
                raise ValueError("invalid enum member name: %r" % (key,))

        new_member, use_args = _find_new_member(classdict, member_type, first_enum)
        if '__new__' in namespace:
            namespace['__new_member__'] = namespace['__new__']
            del namespace['__new__']

        enum_class = super().__new__(metacls, cls, bases, namespace, **kwds)
        setattr(enum_class, '_member_names_', [])
        setattr(enum_class, '_member_map_', {})
        setattr(enum_class, '_value2member_map_', {})
        setattr(enum_class, '_unhashable_values_', [])
        setattr(enum_class, '_member_type_', member_type)
        setattr(enum_class, '_new_member_', new_member)
        setattr(enum_class, '_use_args_', use_args)
        if boundary is not None:
            setattr(enum_class, '_boundary_', boundary)

        # Resolve auto() values in definition order.
        generate = enum_class._generate_next_value_
        last_values = []
        resolved = []
        for key, value in members:
            if isinstance(value, auto):
                if value.value is auto._auto_null:
                    value.value = generate(key, 1, len(resolved), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                parts = []
                for v in value:
                    if isinstance(v, auto):
                        if v.value is auto._auto_null:
                            v.value = generate(key, 1, len(resolved), last_values[:])
                        v = v.value
                    parts.append(v)
                value = tuple(parts)
            last_values.append(value)
            resolved.append((key, value))

        for key, value in resolved:
            _add_member(enum_class, key, value, member_type, new_member, use_args)

        # Mixed-in data types must not supply repr/str/format: use Enum's.
        if member_type is not object:
            for name in ('__repr__', '__str__', '__format__'):
                if name in classdict:
                    continue
                for klass in enum_class.__mro__:
                    if klass is member_type or klass is object or klass in _builtin_data_types:
                        setattr(enum_class, name, Enum.__dict__[name])
                        break
                    if name in klass.__dict__:
                        break

        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data type '
                                '(i.e. int, str, float, etc.)')
            if '__format__' not in classdict:
                setattr(enum_class, '__format__', _value_format)
            if '__str__' not in classdict:
                setattr(enum_class, '__str__', _value_str)
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if names is None:
            return _lookup(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        classdict['__module__'] = module if module is not None else '__main__'
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls.__dict__.get('_member_map_', {}):
            raise AttributeError("%r cannot delete member %r." % (cls, attr))
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        member_map = cls._member_map_
        return (member_map[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @property
    def __members__(cls):
        """Returns a mapping of member name->value (aliases included)."""
        return dict(cls._member_map_)

    def __repr__(cls):
        return "<enum %r>" % (cls.__name__,)

    def __reversed__(cls):
        member_map = cls._member_map_
        return (member_map[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType
Enum = None
ReprEnum = None


def _add_member(enum_class, name, value, member_type, new_member, use_args):
    if not isinstance(value, tuple):
        args = (value,)
    else:
        args = value
    if member_type is tuple:
        args = (args,)
    if new_member is not None:
        member = new_member(enum_class, *args)
    elif member_type is object:
        member = object.__new__(enum_class)
    else:
        member = member_type.__new__(enum_class, *args)
    if not hasattr(member, '_value_'):
        if member_type is object:
            member._value_ = value
        else:
            try:
                member._value_ = member_type(*args)
            except Exception as exc:
                new_exc = TypeError('_value_ not set in __new__, unable to create it')
                new_exc.__cause__ = exc
                raise new_exc
    value = member._value_
    member._name_ = name
    member.__objclass__ = enum_class
    init = _find_user_init(enum_class, member_type)
    if init is not None:
        init(member, *args)
    member._sort_order_ = len(enum_class._member_names_)

    # An alias if an earlier member has an equal value.
    canonical = None
    try:
        canonical = enum_class._value2member_map_.get(value)
    except TypeError:
        for other_name in enum_class._member_names_:
            other = enum_class._member_map_[other_name]
            if other._value_ == value:
                canonical = other
                break
    if canonical is not None:
        member = canonical
    else:
        enum_class._member_names_.append(name)
    setattr(enum_class, name, member)
    enum_class._member_map_[name] = member
    try:
        enum_class._value2member_map_.setdefault(value, member)
    except TypeError:
        enum_class._unhashable_values_.append(value)


def _find_user_init(enum_class, member_type):
    for klass in enum_class.__mro__:
        if klass is Enum or klass is object or klass is member_type:
            return None
        if klass in _builtin_data_types:
            return None
        if '__init__' in klass.__dict__:
            return klass.__dict__['__init__']
    return None


def _lookup(cls, value):
    if type(value) is cls:
        return value
    try:
        return cls._value2member_map_[value]
    except KeyError:
        pass
    except TypeError:
        for name in cls._member_names_:
            member = cls._member_map_[name]
            if member._value_ == value:
                return member
    exc = None
    try:
        result = cls._missing_(value)
    except Exception as e:
        exc = e
        result = None
    if isinstance(result, cls):
        return result
    ve_exc = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
    if result is None and exc is None:
        raise ve_exc
    if exc is None:
        exc = TypeError('error in %s._missing_: returned %r instead of None or a '
                        'valid member' % (cls.__name__, result))
    exc.__context__ = ve_exc
    raise exc


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs.

    Access them by:

    - attribute access::

    >>> Color.RED
    <Color.RED: 1>

    - value lookup:

    >>> Color(1)
    <Color.RED: 1>

    - name lookup:

    >>> Color['RED']
    <Color.RED: 1>
    """

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        """Generate the next value when not given."""
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


def _value_str(self):
    return str(self._value_) if not isinstance(self._value_, int) else repr(int(self._value_))


def _value_format(self, format_spec):
    return format(self._value_, format_spec)


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __new__(cls, *values):
        "values must already be of type `str`"
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1:
            if not isinstance(values[0], str):
                raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2:
            if not isinstance(values[1], str):
                raise TypeError('encoding must be a string, not %r' % (values[1],))
        if len(values) == 3:
            if not isinstance(values[2], str):
                raise TypeError('errors must be a string, not %r' % (values[2]))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def _generate_next_value_(name, start, count, last_values):
        """Return the lower-cased version of the member name."""
        return name.lower()


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(
            ["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' %
                         (enumeration, alias_details))
    return enumeration


# ---- Flag and IntFlag ------------------------------------------------------------

class FlagBoundary(StrEnum):
    """How Flag treats values with bits no member has."""
    STRICT = 'strict'
    CONFORM = 'conform'
    EJECT = 'eject'
    KEEP = 'keep'


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


def _is_single_bit(num):
    num &= num - 1
    return num == 0


def _iter_bits_lsb(num):
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Support for flags: members combine with |, & and ^."""

    _boundary_ = STRICT
    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _flag_mask(cls):
        mask = 0
        for name in cls._member_names_:
            mask |= cls._member_map_[name]._value_
        return mask

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask()
        boundary = getattr(cls, '_boundary_', STRICT)
        neg_value = None
        if value < 0:
            neg_value = value
            value = (1 << max(flag_mask.bit_length(), 1)) + value
            if value < 0:
                value = value & flag_mask
        unknown = value & ~flag_mask
        if unknown:
            if boundary is STRICT:
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s' % (
                    cls, value, bin(value), bin(flag_mask)))
            if boundary is CONFORM:
                value = value & flag_mask
                unknown = 0
            elif boundary is EJECT:
                return value
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = []
        for bit in _iter_bits_lsb(value & flag_mask):
            m = cls._value2member_map_.get(bit)
            if m is not None and m._name_ not in names:
                names.append(m._name_)
        if not names and value & flag_mask:
            # Multi-bit members only: take them largest first.
            rest = value & flag_mask
            for name in cls._member_names_:
                mv = cls._member_map_[name]._value_
                if mv and mv & rest == mv:
                    names.append(name)
                    rest &= ~mv
        if unknown:
            names.append(cls._numeric_repr_(unknown))
        pseudo._name_ = '|'.join(names) if names else None
        if not names and value == 0:
            pseudo._name_ = None
        cls._value2member_map_.setdefault(value, pseudo)
        if neg_value is not None:
            cls._value2member_map_.setdefault(neg_value, pseudo)
        return pseudo

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        if self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for bit in _iter_bits_lsb(self._value_):
            m = self.__class__._value2member_map_.get(bit)
            if m is not None and m._name_ in self.__class__._member_names_:
                yield m

    def __len__(self):
        return bin(self._value_).count('1')

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '<%s: %r>' % (cls_name, self._value_)
        return '<%s.%s: %r>' % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __or__(self, other):
        value = self._get_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | value)

    def __and__(self, other):
        value = self._get_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & value)

    def __xor__(self, other):
        value = self._get_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ value)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        mask = self.__class__._flag_mask()
        if getattr(self.__class__, '_boundary_', STRICT) in (EJECT, KEEP) and self._member_type_ is not object:
            return self.__class__(~self._value_)
        return self.__class__(mask & ~self._value_)


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags"""

    __repr__ = Flag.__repr__
    __format__ = _value_format
    __str__ = _value_str
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__
    __contains__ = Flag.__contains__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __bool__ = Flag.__bool__

    def __hash__(self):
        return int.__hash__(self)


def global_enum_repr(self):
    module = self.__class__.__module__.split('.')[-1]
    return '%s.%s' % (module, self._name_)


def global_flag_repr(self):
    module = self.__class__.__module__.split('.')[-1]
    cls_name = self.__class__.__name__
    if self._name_ is None:
        return "%s.%s(%r)" % (module, cls_name, self._value_)
    if _is_single_bit(self._value_):
        return '%s.%s' % (module, self._name_)
    names = []
    for n in self._name_.split('|'):
        if n[0].isdigit():
            names.append(n)
        else:
            names.append('%s.%s' % (module, n))
    return '|'.join(names)


def global_str(self):
    if self._name_ is None:
        return "%s(%r)" % (self.__class__.__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Make the members of `cls` globals of its module, with module-style reprs."""
    if issubclass(cls, Flag):
        cls.__repr__ = global_flag_repr
    else:
        cls.__repr__ = global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    _sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    """Class decorator: turn a plain class body into an enum of `etype`."""
    def convert_class(cls):
        body = {}
        for key, value in cls.__dict__.items():
            if key in ('__dict__', '__weakref__'):
                continue
            body[key] = value
        body.setdefault('__module__', cls.__module__)
        body['__qualname__'] = cls.__qualname__
        metacls = type(etype)
        return metacls.__new__(metacls, cls.__name__, (etype,), body, boundary=boundary)
    return convert_class
