# re: IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII and inline flags.
import re

print(re.findall('abc', 'ABC abc AbC', re.I))
print(re.findall('[a-c]+', 'ABCabcXYZ', re.IGNORECASE))
print(re.match('(?i)straße', 'STRASSE'), re.match('(?i)straße', 'STRAßE'))
print(re.findall(r'^\w+', 'one\ntwo\nthree', re.M), re.findall(r'^\w+', 'one\ntwo'))
print(re.findall(r'\w+$', 'one\ntwo\nthree', re.MULTILINE))
print(re.search(r'a.b', 'a\nb'), re.search(r'a.b', 'a\nb', re.S).span())
print(re.match(r'''
    (\d{3})   # area
    [-\s]?    # separator
    (\d{4})   # number
''', '555-1234', re.VERBOSE).groups())
print(re.findall(r'\w+', 'café naïve', re.A), re.findall(r'\w+', 'café naïve'))
print(re.match(r'(?a)\w+', 'ébc'), re.match(r'\w+', 'ébc'))
print(re.compile('x', re.I | re.M | re.S | re.X).flags, re.compile('x', re.A).flags, re.compile(b'x').flags)
print(re.compile('(?i)x').flags, re.compile('(?s)(?m)x').flags)
print(re.findall(r'(?i:a)b', 'Ab AB ab'))
print(re.findall(r'(?-i:a)b', 'Ab ab aB', re.I))
print(re.match(r'\AA\Z', 'A'), re.search(r'b\Z', 'ab\n'), re.search(r'b$', 'ab\n').span())
print(re.findall(r'\bfoo\b', 'foo foobar barfoo foo.'))
print(re.findall(r'\Bo\B', 'foo boo o'))
print(re.findall(r'\s+', 'a \t\nb'), re.findall(r'\S+', ' a b '), re.findall(r'\D+', '1ab2'))
print(re.split(r'(?m)^', 'a\nb\nc'))
print(re.I, re.IGNORECASE | re.M, re.RegexFlag(10), repr(re.X))
print(re.fullmatch('a|ab', 'ab'), re.fullmatch('(?:a|ab)c', 'abc'))
print(re.match(r'(?i)[^a]', 'A'), re.match(r'(?i)[^a]', 'b'))
print(re.match('(?i)Σ', 'σ'), re.match('(?i)[α-ω]+', 'ΑΒΓ'))
print(re.match('(?i)k', '\u212a'), re.match('(?i)K', 'k'))
print(re.search('a++b', 'aaab'), re.search('a++a', 'aaa'), re.search('(?>a+)a', 'aaa'))
print(re.fullmatch('(?>ab|a)c', 'abc'), re.fullmatch('a*+', 'aaa'), re.fullmatch('(?:ab)++', 'abab'))
print(re.match(r'(a)(?(1)b|c)', 'ab'), re.match(r'(a)?(?(1)b|c)', 'c'))
print(re.match(r'(\w)\1', 'aa'), re.match(r'(?i)(\w)\1', 'aA'), re.match(r'(?P<x>.)(?P=x)', 'xx'))
print(re.search(r'(?<=a)b', 'ab'), re.search(r'(?<!a)b', 'ab cb').span(), re.search(r'a(?!b)', 'ab ac').span())
print(re.match(r'a{2,3}', 'aaaa'), re.match(r'a{2,3}?', 'aaaa'), re.match(r'a{,2}', 'aaa'), re.match('a{3}', 'aa'))
print(re.match(r'(ab)*?c', 'ababc').groups(), re.match(r'(?:a|b)*?b', 'aab').span())
