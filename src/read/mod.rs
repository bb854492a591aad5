//! Reading: bytes on disk → UTF-8 text → a YAML tree in which every key and value keeps
//! its position. This is the only place that knows YAML; everything after works on [`Node`].

mod fast;
mod number;
mod source;
mod syntax;
mod tabs;
mod yaml;

pub use fast::read as read_fast;
pub use number::BigNumber;
pub use source::{Limits, Source, decode};
pub use yaml::{Entry, Node, Parsed, Value, parse, parse_general, resolve_plain};
