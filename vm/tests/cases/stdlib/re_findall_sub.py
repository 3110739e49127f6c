# re: findall, finditer, split, sub and subn with callables, templates and backreferences.
import re

print(re.findall(r'\d+', 'a1b22c333d'))
print(re.findall(r'(\w)(\d)', 'a1 b2 cc d4'))
print(re.findall(r'(\w)\d', 'a1 b2 cc d4'))
print(re.findall(r'(a)|(b)', 'abc'))
print(re.findall(r'', 'abc'))
print(re.findall(r'x*', 'axxb'))
print(re.findall(r'\b\w', 'hello big world'))
print(re.compile(r'\w').findall('abcdef', 2, 4))
print([m.span() for m in re.finditer(r'\w+', 'one two  three')])
print([m.group(1) for m in re.finditer(r'(\d)(?=\d)', '12345')])
print([(m.start(), m.group()) for m in re.finditer('a*', 'baaac')])
it = re.finditer('b', 'abcb')
print(type(it).__name__, next(it).span(), next(it).span(), list(it))

print(re.split(r'\s+', 'a b   c'))
print(re.split(r'(\s+)', 'a b   c'))
print(re.split(r'(,)|(;)', 'a,b;c'))
print(re.split(r',', 'a,b,c,d', maxsplit=2))
print(re.split(r',', 'a,b,c', 1), re.split(',', 'abc'), re.split(',', ''))
print(re.split(r'\b', 'one two'))
print(re.split(r'x*', 'axbc'))
print(re.split('', 'abc'))
print(re.split(r'(?=b)', 'abab'))

print(re.sub(r'\d', '#', 'a1b2c3'))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, big cat'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'a bc'))
print(re.sub(r'(\w)', r'\g<1>\g<0>', 'ab'))
print(re.sub(r'a', r'\n\t\\', 'xax') == 'x\n\t\\x')
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub('x*', '-', 'abxd'))
print(re.sub('', '-', 'abc'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b22 c333'))
print(re.sub(r'\d', lambda m: None if m.group() == '2' else 'N', '123') if False else '')
print(re.sub(r'o', 'O', 'foo boo', count=2), re.sub('o', 'O', 'foo', 1))
print(re.subn(r'o', '0', 'foo boo'), re.subn(r'z', '0', 'foo'))
print(re.subn(r'(\d)', r'<\1>', 'a1b2', count=1))
print(re.compile(r'(?P<n>\d)').sub(r'\g<n>\g<n>', '1-2'))
print(re.sub('a', 'b', ''), re.sub('^', '>', 'x\ny', flags=re.M))
calls = []
def rec(m):
    calls.append((m.group(), m.span(), m.pos, m.endpos))
    return m.group().upper()
print(re.sub(r'[aeiou]', rec, 'banana'), calls)

m = re.match(r'(?P<a>\w)(\w)', 'xy')
print(m.expand(r'\2\1 \g<a> \g<2>'), m.expand('plain'))
print(re.escape('a.b*c?'), re.escape('tab\there'), re.escape(b'1+1'))
print(hasattr(re, 'template'), hasattr(re, 'Scanner'))
for tmpl in (r'\3', r'\g<9>', r'\g<x>', '\\'):
    try:
        re.sub(r'(a)', tmpl, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print('TypeError', e)
print(re.sub('a', lambda m: None, 'xay'))
