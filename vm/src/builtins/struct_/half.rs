//! IEEE 754 half precision (the `e` format), as CPython's `PyFloat_Pack2` and
//! `PyFloat_Unpack2`: round half to even, OverflowError past 65504 (after
//! rounding), NaNs packed as the quiet NaN with the sign kept.

/// `frexp`: `x = m * 2**e` with `0.5 <= |m| < 1`, for finite non-zero `x`.
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first (2**54 is exact).
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// The 16 bits of `x` as a half float, or None when it is too large.
pub fn pack(x: f64) -> Option<u16> {
    let (sign, e, bits): (u16, i32, u16);
    if x == 0.0 {
        sign = x.is_sign_negative() as u16;
        e = 0;
        bits = 0;
    } else if x.is_infinite() {
        sign = (x < 0.0) as u16;
        e = 0x1f;
        bits = 0;
    } else if x.is_nan() {
        sign = x.is_sign_negative() as u16;
        e = 0x1f;
        bits = 512;
    } else {
        sign = (x < 0.0) as u16;
        let (mut f, mut ex) = frexp(x.abs());
        // Normalise f to [1.0, 2.0).
        f *= 2.0;
        ex -= 1;
        if ex >= 16 {
            return None;
        } else if ex < -25 {
            // |x| < 2**-25: underflow to zero.
            f = 0.0;
            ex = 0;
        } else if ex < -14 {
            // Gradual underflow: a subnormal half.
            f *= 2f64.powi(14 + ex);
            ex = 0;
        } else {
            ex += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        let mut b = f as u16; // truncation, f < 1024
        let rest = f - b as f64;
        if rest > 0.5 || (rest == 0.5 && b % 2 == 1) {
            b += 1;
            if b == 1024 {
                // The carry went out of the ten fraction bits.
                b = 0;
                ex += 1;
                if ex == 31 {
                    return None;
                }
            }
        }
        e = ex;
        bits = b;
    }
    Some(bits | ((e as u16) << 10) | (sign << 15))
}

/// The value of the half float with bits `h`.
pub fn unpack(h: u16) -> f64 {
    let sign = (h >> 15) & 1;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let x = if e == 0x1f {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if e == 0 {
        (f / 1024.0) * 2f64.powi(-14)
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if sign == 1 {
        -x
    } else {
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        assert_eq!(pack(1.0), Some(0x3c00));
        assert_eq!(pack(-2.0), Some(0xc000));
        assert_eq!(pack(65504.0), Some(0x7bff));
        assert_eq!(pack(65519.0), Some(0x7bff));
        assert_eq!(pack(65520.0), None);
        assert_eq!(pack(1e300), None);
        assert_eq!(pack(f64::INFINITY), Some(0x7c00));
        assert_eq!(pack(-0.0), Some(0x8000));
        assert_eq!(pack(f64::NAN), Some(0x7e00));
        assert_eq!(pack(2f64.powi(-24)), Some(1));
        assert_eq!(pack(2f64.powi(-25)), Some(0));
        assert_eq!(pack(3.0 * 2f64.powi(-25)), Some(2));
        assert_eq!(unpack(0x7bff), 65504.0);
        assert_eq!(unpack(1), 2f64.powi(-24));
        assert!(unpack(0xfe00).is_nan() && unpack(0xfe00).is_sign_negative());
        for h in 0..=0xffffu16 {
            let x = unpack(h);
            if !x.is_nan() {
                assert_eq!(pack(x), Some(h));
            }
        }
    }
}
