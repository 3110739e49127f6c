# f-strings and format specs
name, n, x = "pyhop", 42, 3.14159265
print(f"{name} {n} {x}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:>5}|{n:05d}|{n:+d}|{-n:+d}|{n: d}")
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:e}|{x:.3E}|{x:g}|{x:%}|{0.25:.1%}")
print(f"{n:x}|{n:X}|{n:#x}|{n:o}|{n:#o}|{n:b}|{n:#010b}|{255:08X}")
print(f"{1234567:,}|{1234567:_}|{1234567.891:,.2f}|{-1234567:,}")
print(f"{name:>10}|{name:<10}|{name:^10}|{name:*^11}|{name:.3}|{name!r}|{name!s}")
print(f"{'quote'!r:>12}|{n!r}|{3.0!s}")
print(f"{n * 2} {n // 5} {n % 5} {[i * i for i in range(4)]} {dict(a=1)}")
w, p = 12, 4
print(f"{x:{w}.{p}f}|{name:{'-'}>{w}}|")
print(f"{{literal}} {{{n}}}")
print(f"{n=}, {x=:.2f}, {name=!s}")
print(f"{True} {None} {1e20} {1.0} {-0.0} {1e-7:f}")
print(f"{'nested ' + f'{n:03}'}")
print(f"{float('inf'):8.2f}|{float('nan')}|{-float('inf')}")
print(f"{3:.0f} {2.5:.0f} {3.5:.0f} {0.125:.2f} {1.005:.2f}")
print(f"{12:c}{105:c}", f"{10 ** 20:e}", f"{123.456:012.3f}", f"{-5:06}")
items = [("apple", 3, 0.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.0)]
for item, qty, price in items:
    print(f"{item:<12}{qty:>4}{price:>8.2f}{qty * price:>9.3f}")
print(f"{'a' 'b'}", F"upper {n}", rf"raw \n {n}", f'''triple {n}''')
print(f"{n:}", f"{x!s:>10}", f"{''}|")
