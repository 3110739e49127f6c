//! Format strings: the byte-order prefix, repeat counts and format characters,
//! compiled into a list of [`Code`]s with their offsets (CPython's `prepare_s`).

/// Which table a format character is looked up in: the first character of the
/// format (`@` by default).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Order {
    /// `@`: native byte order, sizes and alignment.
    Native,
    /// `<`, and `=` on a little-endian machine: standard sizes, no alignment.
    Little,
    /// `>`, `!`, and `=` on a big-endian machine.
    Big,
}

/// One compiled item: `repeat` values of format `ch` of `size` bytes each from
/// `offset` on; for `s` and `p`, one value of `size` bytes.
#[derive(Clone, Copy, Debug)]
pub struct Code {
    pub ch: u8,
    pub offset: usize,
    pub size: usize,
    pub repeat: usize,
}

/// A compiled format.
#[derive(Debug)]
pub struct Compiled {
    pub order: Order,
    pub codes: Vec<Code>,
    /// Bytes packed.
    pub size: usize,
    /// Values packed or unpacked.
    pub len: usize,
}

/// Why a format does not compile: the message of the `struct.error` raised.
pub type FormatError = &'static str;

/// Size and alignment of format character `ch` in the table of `order`, or None
/// when the table does not have it.
pub fn entry(order: Order, ch: u8) -> Option<(usize, usize)> {
    Some(match order {
        Order::Native => match ch {
            b'x' => (1, 0),
            b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
            b'h' | b'H' | b'e' => (2, 2),
            b'i' | b'I' | b'f' => (4, 4),
            b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'P' | b'd' => (8, 8),
            _ => return None,
        },
        Order::Little | Order::Big => match ch {
            b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 0),
            b'h' | b'H' | b'e' => (2, 0),
            b'i' | b'I' | b'l' | b'L' | b'f' => (4, 0),
            b'q' | b'Q' | b'd' => (8, 0),
            _ => return None,
        },
    })
}

/// CPython's `Py_ISSPACE`.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

const TOO_LONG: FormatError = "total struct size too long";

/// `size` rounded up to the alignment `align` (0: none).
fn align(size: usize, align: usize) -> Option<usize> {
    if align > 1 && size > 0 {
        let extra = (align - 1) - (size - 1) % align;
        size.checked_add(extra)
    } else {
        Some(size)
    }
}

/// Compile `fmt` (the bytes of the format string).
pub fn compile(fmt: &[u8]) -> Result<Compiled, FormatError> {
    if fmt.contains(&0) {
        return Err("embedded null character");
    }
    let (order, body) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'<') => (Order::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &fmt[1..]),
        Some(b'=') if cfg!(target_endian = "little") => (Order::Little, &fmt[1..]),
        Some(b'=') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let max = isize::MAX as usize;
    let mut codes = Vec::new();
    let mut size: usize = 0;
    let mut len: usize = 0;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if is_space(c) {
            continue;
        }
        let num = if c.is_ascii_digit() {
            let mut num = (c - b'0') as usize;
            loop {
                match body.get(i) {
                    Some(&d) if d.is_ascii_digit() => {
                        i += 1;
                        num = num.checked_mul(10).and_then(|n| n.checked_add((d - b'0') as usize)).filter(|n| *n <= max).ok_or(TOO_LONG)?;
                    }
                    Some(&d) => {
                        c = d;
                        i += 1;
                        break;
                    }
                    None => return Err("repeat count given without format specifier"),
                }
            }
            num
        } else {
            1
        };
        let (itemsize, alignment) = entry(order, c).ok_or("bad char in struct format")?;
        size = align(size, alignment).filter(|s| *s <= max).ok_or(TOO_LONG)?;
        match c {
            b's' | b'p' => {
                codes.push(Code { ch: c, offset: size, size: num, repeat: 1 });
                len += 1;
            }
            b'x' => {}
            _ if num > 0 => {
                codes.push(Code { ch: c, offset: size, size: itemsize, repeat: num });
                len += num;
            }
            _ => {}
        }
        if num > (max - size) / itemsize {
            return Err(TOO_LONG);
        }
        size += num * itemsize;
    }
    Ok(Compiled { order, codes, size, len })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_alignment() {
        assert_eq!(compile(b"b0i").unwrap().size, 4);
        assert_eq!(compile(b"bi0").unwrap_err(), "repeat count given without format specifier");
        assert_eq!(compile(b"<bi").unwrap().size, 5);
        assert_eq!(compile(b" 3i ").unwrap().size, 12);
        assert_eq!(compile(b"3 i").unwrap_err(), "bad char in struct format");
        assert_eq!(compile(b"3").unwrap_err(), "repeat count given without format specifier");
        assert_eq!(compile(b"99999999999999999999i").unwrap_err(), TOO_LONG);
        assert_eq!(compile(b"9223372036854775807x").unwrap().size, 9223372036854775807);
        assert_eq!(compile(b"9223372036854775807i").unwrap_err(), TOO_LONG);
        assert_eq!(compile(b"<n").unwrap_err(), "bad char in struct format");
        let c = compile(b"2s3xhp").unwrap();
        assert_eq!((c.size, c.len), (9, 3));
    }
}
