//! The fast YAML reader against the general one: whenever the fast reader accepts the
//! bytes, the general reader must read the same tree (keys, values, spans, scalar kinds)
//! and find nothing. Under the default limits and under tight ones, so the limit checks
//! are compared too.
#![no_main]

use cjm::read::{Limits, parse_general, read_fast};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let tight = Limits {
        max_file_bytes: 1 << 20,
        max_depth: 3,
        max_items: 3,
        max_scalar_bytes: 8,
    };
    for limits in [Limits::default(), tight] {
        let Some(fast) = read_fast(text, &limits) else {
            continue;
        };
        let general = parse_general(text, &limits);
        assert!(
            general.diagnostics.is_empty(),
            "the fast reader accepted what the general one refuses: {:?}",
            general.diagnostics
        );
        // Debug text, so that NaN equals NaN.
        assert_eq!(format!("{:?}", general.root), format!("{:?}", Some(fast)));
    }
});
