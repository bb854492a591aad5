//! Percent-decoding for the two places that take paths from URLs: `file://` URIs from
//! editors (`cjm lsp`) and request paths (`cjm preview`).

/// The bytes `s` stands for, or `None` when a `%` is not followed by two hex digits.
pub fn decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hi = hex(*bytes.get(i + 1)?)?;
            let lo = hex(*bytes.get(i + 2)?)?;
            out.push(hi << 4 | lo);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    Some(out)
}

fn hex(b: u8) -> Option<u8> {
    char::from(b).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn escapes_decode_and_broken_ones_are_refused() {
        assert_eq!(decode("a%20b%e2%82%AC").unwrap(), "a b€".as_bytes());
        assert_eq!(decode("plain/path.yaml").unwrap(), b"plain/path.yaml");
        // `from_str_radix` would take a sign: `%+1` is not an escape.
        for bad in ["%+1", "%-1", "%2", "%", "%g0", "%é0"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
