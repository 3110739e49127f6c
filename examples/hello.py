"""A first pyhop program: a few primes and Fibonacci numbers, each step timed.

    cargo run --release -- examples/hello.py
    python3 examples/hello.py          # the same program on CPython, to compare
"""
import time


def primes_below(n):
    """Sieve of Eratosthenes."""
    sieve = [True] * n
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, n, i))
    return [i for i, is_prime in enumerate(sieve) if is_prime]


def fib(n):
    """Naive recursive Fibonacci: a workout for calls and frames."""
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def timed(label, func, *args):
    start = time.perf_counter()
    result = func(*args)
    elapsed = time.perf_counter() - start
    print(f"{label:<24} {elapsed * 1000:8.1f} ms")
    return result


print("Hello from pyhop!")
primes = timed("primes below 1,000,000", primes_below, 1_000_000)
print(f"  {len(primes)} primes, the last five: {primes[-5:]}")
value = timed("fib(25)", fib, 25)
print(f"  fib(25) = {value}")
big = timed("2 ** 1000", pow, 2, 1000)
print(f"  2 ** 1000 has {len(str(big))} digits, digit sum {sum(map(int, str(big)))}")
