//! CPython 3.11's traceback anchors: inside the source segment of a failing binary
//! operation or subscript, where the `~~~^^^~~~` markers switch from `~` to `^` and
//! back. The segment is parsed on its own; only a segment that is a single expression
//! statement, a binary operation or a subscript, has anchors.
//!
//! CPython has two versions of this rule, which differ for binary operations after a
//! parenthesised left operand: the interpreter's traceback printer (C) passes over the
//! `)` when looking for the operator, the `traceback` module (Python) takes the first
//! non-blank character and then moves both anchors past blanks, `)` and `#`, keeping
//! the width. [`Rules`] picks one.

use crate::parse::{ast, parse, Body, Ranged};
use crate::Mode;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Rules {
    /// The uncaught-exception printer.
    Printer,
    /// The `traceback` module.
    Module,
}

/// `(left_end, right_start)` in characters from the start of `segment`: the `^` run
/// spans `left_end..right_start`, the rest of the segment gets `~`.
pub fn caret_anchors(segment: &str, rules: Rules) -> Option<(usize, usize)> {
    let parsed = parse(segment, "<segment>", Mode::Exec).ok()?;
    let Body::Module(body) = parsed.body else { return None };
    let [ast::Stmt::Expr(stmt)] = body.as_slice() else { return None };
    let chars = |byte: usize| segment.get(..byte.min(segment.len())).map_or(byte, |s| s.chars().count());
    let seg: Vec<char> = segment.chars().collect();
    let at = |i: usize| seg.get(i).copied().unwrap_or('\0');
    match &*stmt.value {
        ast::Expr::BinOp(b) => {
            let left_end = chars(usize::from(b.left.range().end()));
            let right_start = chars(usize::from(b.right.range().start()));
            // The operator: the first non-blank character between the operands (the
            // printer also passes over a `)` closing the left operand).
            let (mut left, mut right) = (None, 0);
            let mut i = left_end;
            while i < right_start.min(seg.len()) {
                if at(i).is_whitespace() {
                    i += 1;
                    continue;
                }
                left = Some(i);
                right = i + 1;
                // A two-character operator (`//`, `**`, `<<`, ...).
                if i + 1 < right_start && !at(i + 1).is_whitespace() {
                    right += 1;
                }
                if rules == Rules::Printer && at(i) == ')' && i + 1 < right_start {
                    i += 1;
                    continue;
                }
                break;
            }
            let mut left = left?;
            if rules == Rules::Module {
                // The module moves both anchors past blanks, `)` and `#`.
                while left < seg.len() && (at(left).is_whitespace() || matches!(at(left), ')' | '#')) {
                    left += 1;
                    right += 1;
                }
            }
            Some((left, right))
        }
        ast::Expr::Subscript(s) => {
            let mut left = chars(usize::from(s.value.range().end()));
            let mut right = chars(usize::from(s.slice.range().end())) + 1;
            {
                // From the end of the value to its `[`, and past the `]`.
                while left < seg.len() && at(left) != '[' {
                    left += 1;
                }
                while right < seg.len() && at(right) != ']' {
                    right += 1;
                }
                if right < seg.len() {
                    right += 1;
                }
            }
            Some((left, right))
        }
        _ => None,
    }
}
