# re: non-ASCII str (positions are code points) and bytes-like subjects.
import re

s = 'naïve café — 日本語のテキスト and ascii 🐍🐍 end'
for m in re.finditer(r'\w+', s):
    print(m.span(), m.group(), s[m.start():m.end()] == m.group())
print(re.search('日本', s).span(), re.search('🐍+', s).span(), re.search('end', s).span())
print(re.findall(r'[^\x00-\x7f]+', s))
print(re.split(r'\s+', s))
print(re.sub(r'[éï]', lambda m: m.group().upper(), s))
print(re.sub('🐍', 'snake', s), re.subn('(.)', r'\1', s)[1], len(s))
print(re.match(r'(.)(.)', 'αβγ').groups(), re.fullmatch('.{3}', '日本語'), re.match('...', '🐍é'))
m = re.search(r'(?P<w>[α-ω]+)', 'latin αβγ latin')
print(m, m.span('w'), m.start(), m.end())
print(re.search('é', 'aé' * 3, 2).span(), re.compile('é').findall('éaéaé', 1, 4))
print(re.match(r'\u00e9', 'é'), re.match(r'\U0001F40D', '🐍'))
print(re.findall('(?i)é', 'ÉéE'), re.findall('(?i)ǆ', 'ǄǅǆDŽ'))
big = 'ü' * 10000 + 'x' + 'ü' * 10000
print(re.search('x', big).span(), len(re.findall('ü', big)), len(re.split('x', big)[1]))

b = b'GET /index.html HTTP/1.1\r\nHost: example.com\r\n'
print(re.match(rb'(\w+) (\S+)', b).groups())
print(re.findall(rb'[A-Z]\w+', b))
print(re.sub(rb'\r\n', b'\n', b), re.split(rb'\r\n', b))
print(re.search(rb'Host: (.*)\r', b).group(1), re.compile(b'\\d+').findall(b'a1b22'))
print(re.match(b'(?i)get', b), re.search(rb'\w+', b'\xe9t\xe9').span())
ba = bytearray(b'key=value; k2=v2')
print(re.findall(rb'(\w+)=(\w+)', ba), re.match(rb'\w+', ba).group(), type(re.match(rb'\w+', ba).group()))
mv = memoryview(b'abc123')
print(re.search(rb'\d+', mv).group(), re.sub(rb'\d', b'#', mv), re.sub(rb'\d', b'#', ba))
m = re.match(rb'(?P<k>\w+)', b'abc')
print(m, m.groupdict(), m.expand(rb'[\g<k>]'), m.string)
print(re.sub(b'a', lambda m: m.group() * 2, b'banana'), re.subn(b'a', b'', b'banana'))
print(re.escape(b'a.b'), re.compile(b'\\x00\\xff').match(b'\x00\xff').span())
print(re.sub('(?u)ü', 'u', 'Tschüss'), re.compile('x').search('ẋx').span())
