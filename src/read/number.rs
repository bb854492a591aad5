//! Numbers that `i64` and `f64` cannot hold as written: `0x8000000000000000`, a
//! 30-digit id, `1e309`, `2.0000000000000000001`.
//!
//! YAML 1.2 makes them numbers whatever their size, and JSON Schema 2020-12 calls a
//! number an integer when its fractional part is zero, so such a value is kept exactly as
//! a decimal: its class (integer or not) and its order against schema bounds never
//! depend on rounding. Ordinary numbers stay `i64`/`f64`; only these take this path.

use std::cmp::Ordering;

/// An exact decimal, `±digits × 10^exp`, with the text it was written as.
#[derive(Clone, Debug)]
pub struct BigNumber {
    /// The literal as written, for messages.
    pub text: Box<str>,
    negative: bool,
    /// Significant digits: no leading or trailing zeros; empty for zero.
    digits: Box<str>,
    exp: i64,
}

/// Hex and octal literals with more significant digits than this are not converted to
/// decimal exactly (the cost grows with the square of the length); they keep their
/// magnitude, which is beyond every finite bound a schema can write.
const MAX_RADIX_DIGITS: usize = 1024;

/// Exponents are clamped here, far beyond any `f64` and far from `i64` overflow.
const MAX_EXP: i64 = 1 << 40;

impl BigNumber {
    /// A decimal integer or core-schema float literal (`[-+]?digits[.digits][e[-+]digits]`).
    /// The caller has checked the grammar.
    pub fn decimal(text: &str) -> BigNumber {
        let (negative, body) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (mantissa, exponent) = match body.find(['e', 'E']) {
            Some(i) => (&body[..i], parse_exp(&body[i + 1..])),
            None => (body, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let mut digits = String::with_capacity(int.len() + frac.len());
        digits.push_str(int);
        digits.push_str(frac);
        let frac_len = i64::try_from(frac.len()).unwrap_or(MAX_EXP);
        BigNumber::normalized(text, negative, &digits, exponent - frac_len)
    }

    /// A hex (radix 16) or octal (radix 8) literal; `digits` follows the `0x`/`0o`.
    pub fn radix(text: &str, digits: &str, radix: u32) -> BigNumber {
        let digits = digits.trim_start_matches('0');
        if digits.len() > MAX_RADIX_DIGITS {
            // 16^n > 10^(1.2 n) and 8^n > 10^(0.9 n): a `1` this many places up is smaller.
            let places = digits.len() as f64 * f64::from(radix).log10();
            return BigNumber::normalized(text, false, "1", places as i64);
        }
        BigNumber::normalized(text, false, &to_decimal(digits, radix), 0)
    }

    fn normalized(text: &str, negative: bool, digits: &str, exp: i64) -> BigNumber {
        let lead = digits.trim_start_matches('0');
        let sig = lead.trim_end_matches('0');
        let trailing = i64::try_from(lead.len() - sig.len()).unwrap_or(MAX_EXP);
        BigNumber {
            text: text.into(),
            negative: negative && !sig.is_empty(),
            digits: sig.into(),
            exp: if sig.is_empty() {
                0
            } else {
                (exp + trailing).clamp(-MAX_EXP, MAX_EXP)
            },
        }
    }

    /// Whether the fractional part is zero (JSON Schema's `integer`).
    pub fn is_integer(&self) -> bool {
        self.exp >= 0 || self.digits.is_empty()
    }

    /// The nearest `f64`, which may be infinite or zero.
    pub fn to_f64(&self) -> f64 {
        if self.digits.is_empty() {
            return 0.0;
        }
        let sign = if self.negative { "-" } else { "" };
        format!("{sign}{}e{}", self.digits, self.exp)
            .parse()
            .unwrap_or(f64::NAN)
    }

    /// The value as a JSON number: exact when it fits 64 bits, else the nearest finite
    /// `f64` (the largest one for values beyond `f64`).
    pub fn to_json(&self) -> serde_json::Value {
        if self.is_integer() && self.digits.len() as i64 + self.exp <= 20 {
            let mut whole = self.digits.to_string();
            whole.extend(std::iter::repeat_n('0', self.exp.max(0) as usize));
            if self.negative {
                if let Ok(i) = format!("-{whole}").parse::<i64>() {
                    return i.into();
                }
            } else if let Ok(u) = whole.parse::<u64>() {
                return u.into();
            }
        }
        let f = self.to_f64();
        let f = if f.is_finite() {
            f
        } else {
            f64::MAX.copysign(f)
        };
        serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into)
    }

    /// The exact value of an `i64`.
    pub fn from_i64(i: i64) -> BigNumber {
        BigNumber::decimal(&i.to_string())
    }

    /// The decimal a schema author wrote, recovered from its `f64` (shortest round trip).
    pub fn from_f64(f: f64) -> Option<BigNumber> {
        f.is_finite().then(|| BigNumber::decimal(&format!("{f:e}")))
    }

    /// A number as it may be shown in a message: never hundreds of digits.
    pub fn shown(&self) -> String {
        let chars = self.text.chars().count();
        if chars <= 40 {
            return format!("`{}`", self.text);
        }
        let head: String = self.text.chars().take(20).collect();
        format!("`{head}…` (a number {chars} characters long)")
    }
}

impl PartialEq for BigNumber {
    fn eq(&self, other: &Self) -> bool {
        self.cmp_value(other) == Ordering::Equal
    }
}

impl BigNumber {
    /// Numeric order, exact.
    pub fn cmp_value(&self, other: &BigNumber) -> Ordering {
        let sign = |n: &BigNumber| match (n.digits.is_empty(), n.negative) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        };
        let (a, b) = (sign(self), sign(other));
        if a != b || a == 0 {
            return a.cmp(&b);
        }
        let magnitude = self.cmp_magnitude(other);
        if a < 0 {
            magnitude.reverse()
        } else {
            magnitude
        }
    }

    fn cmp_magnitude(&self, other: &BigNumber) -> Ordering {
        // Where the leading digit stands, then the digits themselves: with no leading or
        // trailing zeros, a longer run that agrees on a prefix is the larger.
        let top = |n: &BigNumber| n.digits.len() as i64 + n.exp;
        top(self)
            .cmp(&top(other))
            .then_with(|| self.digits.cmp(&other.digits))
    }
}

/// An exponent's digits, clamped: `1e99999999999999999999` is just very large.
fn parse_exp(s: &str) -> i64 {
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut e: i64 = 0;
    for b in digits.bytes() {
        e = (e * 10 + i64::from(b.wrapping_sub(b'0'))).min(MAX_EXP);
    }
    if negative { -e } else { e }
}

/// Converts radix-16 or radix-8 digits to decimal digits, nine at a time.
fn to_decimal(digits: &str, radix: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = Vec::new(); // little-endian, base 10^9
    for c in digits.chars() {
        let mut carry = u64::from(c.to_digit(radix).unwrap_or(0));
        for limb in &mut limbs {
            let x = *limb * u64::from(radix) + carry;
            *limb = x % BASE;
            carry = x / BASE;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut out = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        if i == 0 {
            out.push_str(&limb.to_string());
        } else {
            out.push_str(&format!("{limb:09}"));
        }
    }
    out
}

/// Whether a core-schema float literal has a zero fractional part, without allocating:
/// `1.0`, `1.50e1` and `1e400` do; `1.5` and `1e-400` do not.
pub fn literal_is_integer(raw: &str) -> bool {
    let body = raw.strip_prefix(['-', '+']).unwrap_or(raw);
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], parse_exp(&body[i + 1..])),
        None => (body, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        if exp >= 0 {
            return true;
        }
        // A negative exponent needs as many trailing zeros in the integer part.
        let zeros = (int.len() - int.trim_end_matches('0').len()) as i64;
        return int.trim_start_matches('0').is_empty() || zeros >= -exp;
    }
    exp >= frac.len() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> BigNumber {
        BigNumber::decimal(s)
    }

    #[test]
    fn integers_are_recognised_exactly() {
        for yes in [
            "1e400",
            "1.5e400",
            "10000000000000000000000",
            "1.0",
            "0.0",
            "120e-1",
        ] {
            assert!(d(yes).is_integer(), "{yes}");
            assert!(literal_is_integer(yes), "{yes}");
        }
        for no in [
            "1e-400",
            "2.0000000000000000001",
            "1.5",
            "12345678901234567890.5",
        ] {
            assert!(!d(no).is_integer(), "{no}");
            assert!(!literal_is_integer(no), "{no}");
        }
    }

    #[test]
    fn order_is_exact() {
        assert!(d("2.0000000000000000001").cmp_value(&d("2")) == Ordering::Greater);
        assert!(d("-1e400").cmp_value(&d("-1e399")) == Ordering::Less);
        assert!(d("1e309").cmp_value(&BigNumber::from_f64(f64::MAX).unwrap()) == Ordering::Greater);
        assert_eq!(d("0.0"), d("-0"));
        assert_eq!(d("1.50e1"), d("15"));
        let hex = BigNumber::radix("0x8000000000000000", "8000000000000000", 16);
        assert_eq!(hex, d("9223372036854775808"));
        let oct = BigNumber::radix("0o1777777777777777777777", "1777777777777777777777", 8);
        assert_eq!(oct, d("18446744073709551615"));
        assert_eq!(oct.to_json(), serde_json::json!(18446744073709551615u64));
    }

    #[test]
    fn huge_radix_literals_keep_their_magnitude_cheaply() {
        let digits = "f".repeat(60_000);
        let n = BigNumber::radix("0x…", &digits, 16);
        assert!(n.cmp_value(&d("1e309")) == Ordering::Greater);
        assert!(n.is_integer());
    }

    #[test]
    fn long_numbers_are_shortened_in_messages() {
        let long = "9".repeat(309);
        let shown = d(&long).shown();
        assert!(shown.len() < 80, "{shown}");
        assert!(shown.contains("309 characters"), "{shown}");
        assert_eq!(d("1e309").shown(), "`1e309`");
    }
}
