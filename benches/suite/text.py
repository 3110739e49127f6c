"""text: a dict- and str-heavy workload over a generated text: splitting into sentences
and words, normalising, word and bigram frequencies, formatting a report, wrapping and
joining lines.

usage: text.py [N]   (default 300_000 words, analysed 3 times; the report checksum is checked for the
default size, word counts for any N)
"""
import collections
import sys
import time

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "vo", "pe", "an", "el", "or", "qu", "ix"]
PUNCT = [",", ",", ";", ".", ".", "!", "?"]


def generate(n):
    """n pseudo-words with punctuation and capitalised sentence starts."""
    seed = 42
    vocab = []
    for i in range(600):
        word = ""
        for _ in range(1 + i % 4):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            word += SYLLABLES[(seed >> 8) % len(SYLLABLES)]
        vocab.append(word)
    parts = []
    start = True
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        # A skewed choice: low indices are much more frequent.
        r = (seed >> 4) % 1000
        word = vocab[(r * r) // 1700]
        if start:
            word = word.capitalize()
            start = False
        if (seed >> 16) % 9 == 0:
            p = PUNCT[(seed >> 20) % len(PUNCT)]
            word += p
            start = p in ".!?"
        parts.append(word)
    return " ".join(parts) + "."


def sentences(text):
    out = []
    current = []
    for token in text.split():
        current.append(token)
        if token[-1] in ".!?":
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def words(sentence):
    return [w.strip(",;.!?").lower() for w in sentence.split() if w.strip(",;.!?")]


def analyse(text):
    freq = {}
    bigrams = collections.Counter()
    lengths = collections.defaultdict(int)
    sents = sentences(text)
    for s in sents:
        ws = words(s)
        for w in ws:
            freq[w] = freq.get(w, 0) + 1
            lengths[len(w)] += 1
        for a, b in zip(ws, ws[1:]):
            bigrams[a + " " + b] += 1
    return sents, freq, bigrams, lengths


def report(sents, freq, bigrams, lengths):
    lines = []
    total = sum(freq.values())
    lines.append("%d sentences, %d words, %d distinct" % (len(sents), total, len(freq)))
    ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    for rank, (word, count) in enumerate(ranked[:40], 1):
        lines.append("{:>3}. {:<16} {:>6} {:6.2%}".format(rank, word, count, count / total))
    for pair, count in sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:20]:
        lines.append(f"{pair!r:>28} x{count}")
    for length in sorted(lengths):
        lines.append("len %2d: %s" % (length, "#" * (lengths[length] * 60 // total + 1)))
    longest = max(sents, key=lambda s: (len(s), s))
    lines.append("longest: " + longest[:60].upper().replace("A", "4").replace("E", "3"))
    return "\n".join(lines)


def wrap(text, width):
    out = []
    line = []
    size = 0
    for w in text.split(" "):
        if size + len(w) + len(line) > width and line:
            out.append(" ".join(line).center(width, "."))
            line = []
            size = 0
        line.append(w)
        size += len(w)
    if line:
        out.append(" ".join(line).ljust(width))
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    text = generate(n)
    t0 = time.perf_counter()
    for _ in range(3):
        sents, freq, bigrams, lengths = analyse(text)
        rep = report(sents, freq, bigrams, lengths)
        wrapped = wrap(text, 72)
        acronyms = "".join(s[0] for s in sents if s)
    t1 = time.perf_counter()
    if sum(freq.values()) != n:
        raise SystemExit("text: wrong word count %d, expected %d" % (sum(freq.values()), n))
    if sum(len(line.strip(".").split()) for line in wrapped) != n:
        raise SystemExit("text: the wrapped text lost words")
    digest = 0
    for ch in rep + "".join(wrapped) + acronyms:
        digest = (digest * 131 + ord(ch)) % 2147483647
    checksum = "%d/%d/%d" % (len(freq), len(wrapped), digest)
    if n == 300_000:
        expected = "402/26053/773476226"
        if checksum != expected:
            raise SystemExit("text: wrong result %s, expected %s" % (checksum, expected))
        print("text: checked against the known result for the default size", file=sys.stderr)
    print("text n=%d checksum=%s inner=%.4fs" % (n, checksum, t1 - t0))


main()
