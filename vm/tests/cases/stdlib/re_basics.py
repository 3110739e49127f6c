# re: compile, match/search/fullmatch, groups, named groups, Match and Pattern attributes.
import re
import copy

p = re.compile(r'(\w+)@(\w+)\.(com|org)')
print(p)
print(p.pattern, p.flags, p.groups, sorted(p.groupindex.items()))
m = p.search('write to bob@example.org or alice@test.com')
print(m)
print(m.group(), m.group(0), m.group(1), m.group(2, 3), m[3], m[0])
print(m.groups(), m.span(), m.span(1), m.start(2), m.end(2), m.regs)
print(m.pos, m.endpos, m.lastindex, m.lastgroup, m.re is p, m.string)
print(bool(m), type(m).__name__, type(m).__module__, type(p).__name__, type(p).__module__)
print(re.Pattern, re.Match)
print(p.match('bob@example.org'), p.match('  bob@example.org'))
print(p.fullmatch('bob@example.org'), p.fullmatch('bob@example.orgs'))
print(p.match('xx bob@example.org', 3), p.search('bob@example.org', 1))
print(p.search('bob@example.org', 0, 10), p.match('bob@example.org', -5, 100).span())
print(p.search('abc', 5, 2))

n = re.compile(r'(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?')
m = n.match('Jane Doe')
print(m.group('first'), m['last'], m.group('first', 2), m.groupdict(), m.groupdict('-'))
print(m.groups(), m.groups(0), m.lastindex, m.lastgroup, m.span('opt'), m.start('opt'))
print(sorted(n.groupindex.items()), n.groups)
for bad in (5, 'nope', -1):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
print(m.group(True), m.group(False))

m = re.match(r'(a)|(b)', 'b')
print(m.groups(), m.lastindex, m.span(1), m.group(1))
m = re.match(r'(a(b)?)+', 'aba')
print(m.groups(), m.lastindex, m.regs)
m = re.match(r'(?:(x)|y)*', 'xyy')
print(m.groups(), m.span(1))

print(re.match('.*', 'x' * 80))
print(re.match('(?s).*', 'a\nb'))
print(re.search(r"'", "it's"))
long = re.compile('a' * 300)
print(repr(long)[:40], len(repr(long)))
print(re.compile('a', re.I | re.S))
print(re.compile(b'a', re.I))
print(re.compile('a', re.A))
print(re.compile('(?x) a'))

q = re.compile(r'(\w+)@(\w+)\.(com|org)')
print(p == q, p != q, hash(p) == hash(q), p == re.compile('x'), p == 'x')
print(re.compile('a') == re.compile('a', re.I), re.compile(b'a') == re.compile('a'))
print(copy.copy(p) is p, copy.deepcopy(p) is p)
m = p.match('a@b.com')
print(copy.copy(m) is m, copy.deepcopy(m) is m)
print(re.Pattern[str], re.Match[bytes])
print(re.compile('a*').match('aaab').end(), re.compile('').match('abc').span())
try:
    re.Pattern()
except TypeError as e:
    print('TypeError', e)
s = p.scanner('a@b.com c@d.org')
print(s.pattern is p, s.search().span(), s.search().span(), s.search(), s.search())
s = re.compile(r'\d').scanner('12a3')
print(s.match().group(), s.match().group(), s.match(), s.match())
print(re.purge(), re.compile('abc') is re.compile('abc'))
