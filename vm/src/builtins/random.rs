//! The native `_random` module: CPython's Mersenne Twister (`Modules/_randommodule.c`).
//!
//! `_random.Random` is a class usable as a base class (the pure-Python
//! `random.Random` in `lib/random.py` subclasses it). It reproduces CPython 3.11
//! bit for bit: MT19937 with `init_by_array` seeding from the absolute value of an
//! int seed split into 32-bit words (least significant first), the hash of any
//! other seed as an unsigned 64-bit number, OS entropy for `None`;
//! `random()` as the 53-bit float `(a>>5, b>>6)`; `getrandbits(k)` filling 32-bit
//! words least significant first; `getstate()`/`setstate()` as a tuple of 624
//! words plus the index. Error messages are CPython's.
//!
//! How the generator state is stored: pyhop has no native instance layouts, so
//! the class is built as a "heap" class of the plain object layout that declares
//! one private slot, `_random_state`. `__new__` puts a `bytearray` of 625
//! little-endian 32-bit words there (624 state words, then the index); every
//! method finds it with `slot_index`, so subclasses (with or without `__slots__`)
//! keep working. Like CPython, a fresh instance is all zeros until seeded by
//! `__init__` (which `random.Random.__init__` replaces with its own `seed`).
//!
//! `_sha512(data) -> bytes` is a private helper for `random.seed(str|bytes)`
//! (CPython uses `hashlib.sha512`, which pyhop does not have); `_urandom(n)` is
//! `os.urandom` for `random.SystemRandom` (pyhop has no `os` module).

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{Signed, ToPrimitive};

use crate::builtins::{method, native};
use crate::object::func::Args;
use crate::object::{Class, Dict, Layout, Module, Obj, ObjRef};
use crate::protocol::ops::unwrap_base;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;
/// The private slot holding the state `bytearray`.
const SLOT: &str = "_random_state";
/// Bytes of the stored state: N words and the index.
const STATE_BYTES: usize = (N + 1) * 4;

// ---- the generator ---------------------------------------------------------------

/// MT19937 state, as in `RandomObject`.
struct Mt {
    mt: [u32; N],
    index: usize,
}

impl Mt {
    fn zeroed() -> Mt {
        Mt { mt: [0; N], index: 0 }
    }

    fn load(b: &[u8]) -> Mt {
        let mut m = Mt::zeroed();
        for (i, w) in m.mt.iter_mut().enumerate() {
            *w = word(b, i);
        }
        m.index = (word(b, N) as usize).min(N);
        m
    }

    fn store(&self, b: &mut [u8]) {
        for (i, w) in self.mt.iter().enumerate() {
            b[i * 4..i * 4 + 4].copy_from_slice(&w.to_le_bytes());
        }
        b[N * 4..N * 4 + 4].copy_from_slice(&(self.index as u32).to_le_bytes());
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let p = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32.wrapping_mul(p ^ (p >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.mt;
        let key_length = key.len().max(1);
        let key_at = |j: usize| key.get(j).copied().unwrap_or(0);
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key_length);
        while k > 0 {
            let p = mt[i - 1];
            mt[i] = (mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1_664_525)).wrapping_add(key_at(j)).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key_length {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let p = mt[i - 1];
            mt[i] = (mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt[0] = 0x8000_0000;
        self.index = N;
    }
}

fn word(b: &[u8], i: usize) -> u32 {
    match b.get(i * 4..i * 4 + 4) {
        Some(s) => u32::from_le_bytes([s[0], s[1], s[2], s[3]]),
        None => 0,
    }
}

fn set_word(b: &mut [u8], i: usize, w: u32) {
    if let Some(s) = b.get_mut(i * 4..i * 4 + 4) {
        s.copy_from_slice(&w.to_le_bytes());
    }
}

/// `genrand_uint32` on the stored state (twisting all N words when exhausted).
fn genrand(b: &mut [u8]) -> u32 {
    let mut index = word(b, N) as usize;
    if index >= N {
        let mut m = Mt::load(b);
        let mt = &mut m.mt;
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        m.index = 0;
        m.store(b);
        index = 0;
    }
    let mut y = word(b, index);
    set_word(b, N, (index + 1) as u32);
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^= y >> 18;
    y
}

// ---- the class ---------------------------------------------------------------------

const RANDOM_METHODS: &[(&str, crate::object::NativeFn)] = &[
    ("__init__", random_init),
    ("seed", random_seed),
    ("random", random_random),
    ("getrandbits", random_getrandbits),
    ("getstate", random_getstate),
    ("setstate", random_setstate),
];

/// The `_random` module.
pub fn module(vm: &mut Vm) -> Value {
    let mut cd = Dict::new();
    cd.insert_str("__new__", Value::obj(crate::object::NewObj::StaticMethod(native("__new__", random_new))));
    for (name, f) in RANDOM_METHODS {
        cd.insert_str(name, method("Random", name, *f));
    }
    cd.insert_str("__module__", Value::str("_random"));
    cd.insert_str("__doc__", Value::str("Random() -> create a random number generator with its own internal state."));
    // A "heap" class so that calling it (or a subclass) runs `__new__` below.
    let cls = Class::new_native("Random", "_random", &vm.types.object, cd, Layout::Object, Some(vec![Rc::from(SLOT)]));
    let mut d = Dict::new();
    d.insert_str("__name__", Value::str("_random"));
    d.insert_str("__doc__", Value::str("Module implements the Mersenne Twister random number generator."));
    d.insert_str("Random", Value::Obj(cls));
    d.insert_str("_sha512", native("_sha512", sha512_fn));
    d.insert_str("_urandom", native("_urandom", urandom_fn));
    Value::obj(crate::object::NewObj::Module(Module { name: "_random".into(), dict: Vm::dict_obj(d) }))
}

/// The state `bytearray` of `v` (created zeroed if missing), or None when `v` is
/// not a `_random.Random` instance.
fn state_of(v: &Value) -> Option<ObjRef> {
    let Value::Obj(o) = v else { return None };
    let Obj::Instance(i) = o.view() else { return None };
    let idx = crate::protocol::attr::slot_index(&i.class, SLOT)?;
    if let Value::Obj(s) = &i.slot(idx) {
        if let Obj::ByteArray(b) = s.view() {
            if b.borrow().len() == STATE_BYTES {
                return Some(s.clone());
            }
        }
    }
    let s = crate::object::NewObj::ByteArray(RefCell::new(vec![0u8; STATE_BYTES])).alloc();
    i.set_slot(idx, Value::Obj(s.clone()));
    Some(s)
}

fn bytes_cell(s: &ObjRef) -> &RefCell<Vec<u8>> {
    match s.view() {
        Obj::ByteArray(b) => b,
        _ => unreachable!("state_of returns a bytearray"),
    }
}

/// `self` of method `name`, with CPython's descriptor error.
fn receiver(vm: &Vm, a: &Args, name: &str) -> PyResult<ObjRef> {
    let Some(slf) = a.pos().first() else {
        return Err(vm.type_error(format!("unbound method Random.{name}() needs an argument")));
    };
    state_of(slf).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' for '_random.Random' objects doesn't apply to a '{}' object",
            vm.type_name(slf)
        ))
    })
}

/// Method arguments after `self`, checked like CPython's METH_NOARGS/METH_O.
fn method_args<'a>(vm: &Vm, a: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if a.has_kw() {
        return Err(vm.type_error(format!("Random.{name}() takes no keyword arguments")));
    }
    let rest = &a.pos()[1.min(a.pos().len())..];
    if rest.len() != n {
        let msg = match n {
            0 => format!("Random.{name}() takes no arguments ({} given)", rest.len()),
            _ => format!("Random.{name}() takes exactly one argument ({} given)", rest.len()),
        };
        return Err(vm.type_error(msg));
    }
    Ok(rest)
}

fn random_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = match a.pos().first() {
        Some(Value::Obj(c)) if matches!(c.view(), Obj::Class(_)) => c.clone(),
        _ => return Err(vm.type_error("Random.__new__(X): X is not a type object")),
    };
    let obj = vm.object_new(&cls, Args::new(&[]))?;
    if state_of(&obj).is_none() {
        let name = cls.as_class().map(|c| c.name.to_string()).unwrap_or_default();
        return Err(vm.type_error(format!("Random.__new__({name}): {name} is not a subtype of _random.Random")));
    }
    Ok(obj)
}

/// `Random.__init__(self, [n])`: seeds like `seed(n)`.
fn random_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let st = receiver(vm, &a, "__init__")?;
    if a.has_kw() {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    let rest = &a.pos()[1..];
    if rest.len() > 1 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    seed_state(vm, &st, rest.first())?;
    Ok(Value::None)
}

fn random_seed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let st = receiver(vm, &a, "seed")?;
    if a.has_kw() {
        return Err(vm.type_error("Random.seed() takes no keyword arguments"));
    }
    let rest = &a.pos()[1..];
    if rest.len() > 1 {
        return Err(vm.type_error(format!("seed expected at most 1 argument, got {}", rest.len())));
    }
    seed_state(vm, &st, rest.first())?;
    Ok(Value::None)
}

/// `random_seed` of `_randommodule.c`.
fn seed_state(vm: &mut Vm, st: &ObjRef, arg: Option<&Value>) -> PyResult<()> {
    let mut m = Mt::zeroed();
    match arg {
        None | Some(Value::None) => seed_entropy(&mut m),
        Some(v) => {
            let key: Vec<u32> = match unwrap_base(v).to_bigint() {
                // int and int subclasses (bool too): abs(n) as 32-bit words.
                Some(n) => {
                    let (_, words) = n.abs().to_u32_digits();
                    if words.is_empty() { vec![0] } else { words }
                }
                None => {
                    let h = vm.hash(v)? as u64;
                    vec![h as u32, (h >> 32) as u32]
                }
            };
            // `_PyLong_AsByteArray` of the hash uses as many words as it needs.
            let key = trim_key(key);
            m.init_by_array(&key);
        }
    }
    let cell = bytes_cell(st);
    m.store(&mut cell.borrow_mut());
    Ok(())
}

/// Drop high zero words (keeping at least one), as the bit-length based sizing does.
fn trim_key(mut key: Vec<u32>) -> Vec<u32> {
    while key.len() > 1 && key.last() == Some(&0) {
        key.pop();
    }
    key
}

fn seed_entropy(m: &mut Mt) {
    use std::io::Read;
    let mut buf = vec![0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok();
    if ok {
        let key: Vec<u32> = (0..N).map(|i| word(&buf, i)).collect();
        m.init_by_array(&key);
        return;
    }
    // random_seed_time_pid
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
    let mono = monotonic_ns();
    let key = [now as u32, (now >> 32) as u32, std::process::id(), mono as u32, (mono >> 32) as u32];
    m.init_by_array(&key);
}

fn monotonic_ns() -> u64 {
    thread_local! { static START: std::time::Instant = std::time::Instant::now(); }
    START.with(|s| s.elapsed().as_nanos() as u64)
}

fn random_random(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let st = receiver(vm, &a, "random")?;
    method_args(vm, &a, "random", 0)?;
    let mut b = bytes_cell(&st).borrow_mut();
    let x = (genrand(&mut b) >> 5) as f64;
    let y = (genrand(&mut b) >> 6) as f64;
    Ok(Value::Float((x * 67_108_864.0 + y) * (1.0 / 9_007_199_254_740_992.0)))
}

/// A C `int` argument (`_PyLong_AsInt` through `__index__`).
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = match unwrap_base(v).to_bigint() {
        Some(b) => b.to_i64().unwrap_or(i64::MAX),
        None => vm.index_value(v)?,
    };
    i32::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

fn random_getrandbits(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let st = receiver(vm, &a, "getrandbits")?;
    let rest = method_args(vm, &a, "getrandbits", 1)?;
    let k = c_int(vm, &rest[0])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let mut b = bytes_cell(&st).borrow_mut();
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        return Ok(Value::Int((genrand(&mut b) >> (32 - k)) as i64));
    }
    let mut k = k as usize;
    let words = (k - 1) / 32 + 1;
    let mut out = Vec::with_capacity(words);
    for _ in 0..words {
        let mut r = genrand(&mut b);
        if k < 32 {
            r >>= 32 - k;
        }
        out.push(r);
        k = k.saturating_sub(32);
    }
    Ok(Value::from_bigint(BigInt::from_biguint(Sign::Plus, BigUint::new(out))))
}

fn random_getstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let st = receiver(vm, &a, "getstate")?;
    method_args(vm, &a, "getstate", 0)?;
    let b = bytes_cell(&st).borrow();
    let items: Vec<Value> = (0..=N).map(|i| Value::Int(word(&b, i) as i64)).collect();
    drop(b);
    Ok(vm.new_tuple(items))
}

fn random_setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let st = receiver(vm, &a, "setstate")?;
    let rest = method_args(vm, &a, "setstate", 1)?;
    let items: Vec<Value> = match unwrap_base(&rest[0]) {
        Value::Obj(o) => match o.view() {
            Obj::Tuple(t) => t.to_vec(),
            _ => return Err(vm.type_error("state vector must be a tuple")),
        },
        _ => return Err(vm.type_error("state vector must be a tuple")),
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut m = Mt::zeroed();
    for (i, v) in items[..N].iter().enumerate() {
        // PyLong_AsUnsignedLong, truncated to 32 bits.
        let Some(n) = unwrap_base(v).to_bigint() else { return Err(vm.type_error("an integer is required")) };
        if n.sign() == Sign::Minus {
            return Err(vm.overflow_error("can't convert negative value to unsigned int"));
        }
        let Some(u) = n.to_u64() else { return Err(vm.overflow_error("Python int too large to convert to C unsigned long")) };
        m.mt[i] = u as u32;
    }
    // PyLong_AsLong (through __index__).
    let idx = match unwrap_base(&items[N]).to_bigint() {
        Some(n) => n.to_i64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))?,
        None => vm.index_value(&items[N])?,
    };
    if !(0..=N as i64).contains(&idx) {
        return Err(vm.value_error("invalid state"));
    }
    m.index = idx as usize;
    m.store(&mut bytes_cell(&st).borrow_mut());
    Ok(Value::None)
}

/// `n` bytes from the OS entropy source (`os.urandom`).
fn urandom_fn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    use std::io::Read;
    let pos = a.check(vm, "_urandom", 1, 1)?;
    let n = vm.index_value(&pos[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = Vec::new();
    let got = std::fs::File::open("/dev/urandom").and_then(|f| f.take(n as u64).read_to_end(&mut buf));
    match got {
        Ok(k) if k as i64 == n => Ok(crate::builtins::bytes::new_bytes(buf)),
        _ => Err(vm.err("OSError", "[Errno 2] No such file or directory: '/dev/urandom'")),
    }
}

// ---- SHA-512 -----------------------------------------------------------------------

fn sha512_fn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "_sha512", 1, 1)?;
    let data = match crate::builtins::bytes::bytes_data(&pos[0]) {
        Some(d) => d,
        None => match pos[0].as_str() {
            Some(s) => s.as_bytes().to_vec(),
            None => return Err(vm.type_error(format!("object supporting the buffer API required, not '{}'", vm.type_name(&pos[0])))),
        },
    };
    Ok(crate::builtins::bytes::new_bytes(sha512(&data).to_vec()))
}

const K512: [u64; 80] = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
];

/// SHA-512 (FIPS 180-4) of `data`.
pub fn sha512(data: &[u8]) -> [u8; 64] {
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u128).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    let mut w = [0u64; 80];
    for block in msg.chunks_exact(128) {
        for (t, c) in block.chunks_exact(8).enumerate() {
            let mut b8 = [0u8; 8];
            b8.copy_from_slice(c);
            w[t] = u64::from_be_bytes(b8);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16].wrapping_add(s0).wrapping_add(w[t - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(K512[t]).wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}
