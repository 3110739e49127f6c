# string: constants, capwords, Template
import string
from string import Template

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), repr(string.printable))
print(len(string.printable), "q" in string.ascii_lowercase, all(c in string.printable for c in "Hi!"))
print(string.capwords(" hello   wORLD  foo "), string.capwords("a-b-c", "-"), repr(string.capwords("")))

s = Template("$who likes $what")
print(s.substitute(who="tim", what="kung pao"))
print(s.substitute({"who": "ann", "what": "pie"}), s.substitute({"who": "x", "what": "y"}, what="z"))
print(Template("${noun}ification costs $$10").substitute(noun="simpl"))
print(Template("$a$b ${a}b").substitute(a=1, b=[2]))
try:
    s.substitute(who="tim")
except KeyError as e:
    print("KeyError:", e)
for bad in ["cost: $ 5", "$1abc", "line one\n  bad $!", "${ name}", "$"]:
    try:
        Template(bad).substitute(name="n")
    except ValueError as e:
        print("ValueError:", e)
    print(repr(Template(bad).safe_substitute(name="n")), Template(bad).is_valid())
print(s.safe_substitute(who="tim"), Template("$x and ${y}").safe_substitute())
print(Template("$a ${b} $a $$c $d").get_identifiers(), s.template)


class Percent(Template):
    delimiter = "%"

print(Percent("%name owes %%%amount").substitute(name="bob", amount=5))
rows = [("apple", 3), ("kiwi", 12)]
line = Template("$item: $count")
print([line.substitute(item=i, count=c) for i, c in rows])
