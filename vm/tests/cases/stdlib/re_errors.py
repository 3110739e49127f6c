# re: errors (bad patterns with message and position, wrong subject types), and long inputs.
import re

for pat in ['(', 'a)', '[a-', '*a', 'a**', r'\1', '(?P<1>a)', '(?P<a>x)(?P<a>y)', r'a{2,1}',
            '(?<=a+)b', r'\q', '(?z)', 'x\n(', '[z-a]', '(?P=nope)', r'(?(2)a|b)', '(?i']:
    try:
        re.compile(pat)
        print('compiled', repr(pat))
    except re.error as e:
        print(repr(pat), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
try:
    re.compile(b'(')
except re.error as e:
    print(e, e.pattern)

for call in [lambda: re.match('a', b'a'),
             lambda: re.match(b'a', 'a'),
             lambda: re.search('a', 5),
             lambda: re.findall('a', None),
             lambda: re.sub('a', 'b', 3),
             lambda: re.compile('a').match(),
             lambda: re.compile('a').match('a', 'x'),
             lambda: re.compile('a').match('a', pos=0, bogus=1),
             lambda: re.compile(5),
             lambda: re.sub('a', b'x', 'a'),
             lambda: re.sub(b'a', 'x', b'a'),
             lambda: re.compile('a', re.I).match('a').group(1),
             lambda: re.compile('(a)').match('a').start(2),
             lambda: re.compile('(?P<n>a)').match('a')['m'],
             lambda: re.split(b'a', 'x'),
             lambda: re.compile(re.compile('a'), re.I),
             ]:
    try:
        print('ok', call())
    except (TypeError, IndexError, ValueError, re.error) as e:
        print(type(e).__name__, e)

# Long subjects: the engine is iterative, so no native stack trouble.
s = 'a' * 200000
print(re.match('(a|b)*', s).end(), re.match('(?:a|b)*?$', s).end(), re.match('(a)*', s).span(1))
print(re.fullmatch('(?:a+)+', s) is not None, re.match(r'(\w)+', s).group(1))
print(len(re.findall('a', s)), len(re.sub('a', 'bb', s)), re.search('b', s))
print(re.match('(x?)*y', 'x' * 20 + 'z'), re.search('(a+)+b', 'a' * 18))
print(re.match(r'((a)|b)*', 'ab' * 5000).span(), re.match('(?s).*(.)', 'xy' * 50000).group(1))

# _sre itself: hand-made code that is not valid SRE code raises (CPython at
# compile time, pyhop when the engine meets it), never crashes.
import _sre
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(ord('a')), _sre.ascii_iscased(ord('é')), _sre.unicode_iscased(ord('é')),
      _sre.unicode_iscased(ord('1')), _sre.ascii_tolower(ord('Q')), _sre.unicode_tolower(ord('Ä')))
try:
    _sre.compile('x', 0, [17, 99, 99, 1], 0, {}, ()).match('x')
except RuntimeError as e:
    print('RuntimeError', e)
try:
    _sre.compile('x', 0, [1 << 40], 0, {}, ())
except OverflowError as e:
    print('OverflowError', e)
