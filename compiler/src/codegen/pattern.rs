//! `match` statements (PEP 634), compiled as CPython 3.11's `compiler_match` does.
//!
//! A pattern is compiled against the subject on top of the stack and consumes it. On
//! success the values it captured are on the stack, the newest deepest, under whatever
//! the enclosing patterns still keep on top ([`PatternCtx::on_top`]); they are stored
//! only once the whole pattern has matched (a failed case binds nothing, as in
//! CPython). On failure a pattern jumps to `fail_pop[n]`, where `n` is how many items
//! it leaves above the subject's place; the `fail_pop` labels pop one item each and
//! fall through to `fail_pop[0]`, which continues with the next case.
//!
//! The run-time checks are 3.11's opcodes: `MATCH_SEQUENCE` / `MATCH_MAPPING` test the
//! subject's type flags, `GET_LEN` its length, `MATCH_KEYS` looks up a tuple of keys
//! with `get`, `MATCH_CLASS` does the `isinstance` test and collects the attributes.

use super::{CResult, Ctx, Label, TextRange};
use crate::bytecode::{Constant, Opcode};
use crate::parse::{ast, Ranged};

/// `COMPARE_OP` arguments.
const CMP_EQ: u32 = 2;
const CMP_GE: u32 = 5;

/// What one case's pattern is being compiled with (CPython's `pattern_context`).
#[derive(Default)]
struct PatternCtx {
    /// Names captured so far; `stores[0]` is the highest on the stack.
    stores: Vec<String>,
    /// An irrefutable pattern is allowed here (last case, guarded case, sub-pattern).
    allow_irrefutable: bool,
    /// `fail_pop[n]`: pop `n` items, then continue with the next alternative.
    fail_pop: Vec<Label>,
    /// Items above the captures that the enclosing patterns still need.
    on_top: u32,
}

/// `case _:` — a wildcard without a name.
fn is_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `*_` inside a sequence pattern.
fn is_star_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> super::Compiler<'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let has_default = cases > 1 && is_wildcard(&m.cases[cases - 1].pattern);
        for (i, case) in m.cases[..cases - has_default as usize].iter().enumerate() {
            let saved = self.set_loc(case.pattern.range());
            // The subject stays below for the next case, except on the last one.
            let keep = i != cases - has_default as usize - 1;
            if keep {
                self.emit(Opcode::Copy, 1);
            }
            let mut pc = PatternCtx {
                allow_irrefutable: case.guard.is_some() || i == cases - 1,
                ..Default::default()
            };
            self.pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            // A match: bind the captures, top first.
            for name in std::mem::take(&mut pc.stores) {
                self.name_op(&name, Ctx::Store)?;
            }
            if let Some(g) = &case.guard {
                let fail = self.fail_label(&mut pc, 0);
                self.jump_if(g, fail, false)?;
            }
            if keep {
                self.emit(Opcode::PopTop, 0);
            }
            self.stmts(&case.body)?;
            let body_loc = self.unset_loc();
            self.emit_jump(Opcode::JumpAbsolute, end);
            self.restore_loc(body_loc);
            // The clean-up of a failed match belongs to the pattern's line.
            self.emit_fail_pops(&mut pc);
            self.restore_loc(saved);
        }
        if has_default {
            let case = &m.cases[cases - 1];
            let saved = self.set_loc(case.pattern.range());
            // the default case has no code of its own: a NOP carries its line
            self.emit(Opcode::Nop, 0);
            if let Some(g) = &case.guard {
                self.jump_if(g, end, false)?;
            }
            self.stmts(&case.body)?;
            self.restore_loc(saved);
        }
        self.bind(end);
        Ok(())
    }

    /// The label that pops `n` items and fails.
    fn fail_label(&mut self, pc: &mut PatternCtx, n: u32) -> Label {
        while pc.fail_pop.len() <= n as usize {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
        pc.fail_pop[n as usize]
    }

    /// Fail with `op` (a conditional or plain jump), dropping what the pattern
    /// holds: the items on top and the captures.
    fn jump_to_fail(&mut self, pc: &mut PatternCtx, op: Opcode) {
        let n = pc.on_top + pc.stores.len() as u32;
        let l = self.fail_label(pc, n);
        self.emit_jump(op, l);
    }

    /// The `fail_pop` chain: `fail_pop[n]` pops and falls into `fail_pop[n - 1]`.
    fn emit_fail_pops(&mut self, pc: &mut PatternCtx) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (i, l) in labels.iter().enumerate().rev() {
            self.bind(*l);
            if i > 0 {
                self.emit(Opcode::PopTop, 0);
            }
        }
    }

    /// Move TOS down to depth `count` (1 = top), keeping the order of the rest.
    fn rotate(&mut self, count: u32) {
        for d in (2..=count).rev() {
            self.emit(Opcode::Swap, d);
        }
    }

    /// Capture TOS as `name` (`None`: discard it).
    fn capture(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatternCtx,
        r: TextRange,
    ) -> CResult<()> {
        let Some(name) = name else {
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        };
        let name = name.as_str();
        if pc.stores.iter().any(|s| s == name) {
            return Err(self.error(
                format!("multiple assignments to name '{name}' in pattern"),
                r,
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() as u32 + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn pattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternCtx) -> CResult<()> {
        let saved = self.set_loc(p.range());
        let r = match p {
            ast::Pattern::MatchValue(v) => {
                self.check_complex_literal(&v.value)?;
                self.expr(&v.value)?;
                self.emit(Opcode::CompareOp, CMP_EQ);
                self.jump_to_fail(pc, Opcode::PopJumpIfFalse);
                Ok(())
            }
            ast::Pattern::MatchSingleton(s) => {
                self.load_const(super::expr::constant(&s.value));
                self.emit(Opcode::IsOp, 0);
                self.jump_to_fail(pc, Opcode::PopJumpIfFalse);
                Ok(())
            }
            ast::Pattern::MatchSequence(s) => self.pattern_sequence(s, pc),
            ast::Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            ast::Pattern::MatchClass(c) => self.pattern_class(c, pc),
            ast::Pattern::MatchStar(s) => self.capture(s.name.as_ref(), pc, s.range),
            ast::Pattern::MatchAs(a) => self.pattern_as(a, pc),
            ast::Pattern::MatchOr(o) => self.pattern_or(o, pc),
        };
        self.restore_loc(saved);
        r
    }

    /// `a + bj` in a pattern: the parser takes any two numbers; CPython's grammar
    /// wants a real number, then an imaginary one.
    fn check_complex_literal(&self, e: &ast::Expr) -> CResult<()> {
        let ast::Expr::BinOp(b) = e else {
            return Ok(());
        };
        let number = |e: &ast::Expr| match e {
            ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match &*u.operand {
                ast::Expr::Constant(c) => Some(c.value.clone()),
                _ => None,
            },
            ast::Expr::Constant(c) => Some(c.value.clone()),
            _ => None,
        };
        match number(&b.left) {
            Some(ast::Constant::Int(_) | ast::Constant::Float(_)) => {}
            _ => return Err(self.error("real number required in complex literal", b.left.range())),
        }
        match (number(&b.right), &*b.right) {
            (Some(ast::Constant::Complex { .. }), ast::Expr::Constant(_)) => Ok(()),
            // `1 - -2j` is not in the grammar at all
            (_, ast::Expr::UnaryOp(_)) => Err(self.error("invalid syntax", b.right.range())),
            _ => Err(self.error(
                "imaginary number required in complex literal",
                b.right.range(),
            )),
        }
    }

    /// A pattern nested in another: irrefutable ones are fine there.
    fn subpattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternCtx) -> CResult<()> {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern_as(&mut self, a: &'a ast::PatternMatchAs, pc: &mut PatternCtx) -> CResult<()> {
        let Some(inner) = &a.pattern else {
            if !pc.allow_irrefutable {
                let msg = match &a.name {
                    Some(n) => format!(
                        "name capture '{}' makes remaining patterns unreachable",
                        n.as_str()
                    ),
                    None => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return Err(self.error(msg, a.range));
            }
            return self.capture(a.name.as_ref(), pc, a.range);
        };
        // keep a copy to capture if the inner pattern matches
        pc.on_top += 1;
        self.emit(Opcode::Copy, 1);
        self.pattern(inner, pc)?;
        pc.on_top -= 1;
        self.capture(a.name.as_ref(), pc, a.range)
    }

    fn pattern_sequence(
        &mut self,
        s: &'a ast::PatternMatchSequence,
        pc: &mut PatternCtx,
    ) -> CResult<()> {
        let pats = &s.patterns;
        let size = pats.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in pats.iter().enumerate() {
            if let ast::Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", s.range));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
            } else {
                only_wildcard &= is_wildcard(p);
            }
        }
        // the subject stays on top through the type and length checks
        pc.on_top += 1;
        self.emit(Opcode::MatchSequence, 0);
        self.jump_to_fail(pc, Opcode::PopJumpIfFalse);
        match star {
            None => self.length_check(size, CMP_EQ, pc),
            // `[*x]` matches any length
            Some(_) if size > 1 => self.length_check(size - 1, CMP_GE, pc),
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        }
        match star {
            Some(star) if star_wildcard => self.sequence_subscr(pats, star, pc),
            _ => self.sequence_unpack(pats, star, s.range, pc),
        }
    }

    /// `len(subject) <op> n`, failing otherwise.
    fn length_check(&mut self, n: usize, op: u32, pc: &mut PatternCtx) {
        self.emit(Opcode::GetLen, 0);
        self.load_const(Constant::Int(n as i64));
        self.emit(Opcode::CompareOp, op);
        self.jump_to_fail(pc, Opcode::PopJumpIfFalse);
    }

    /// Unpack the subject and match each item (a star captures a list).
    fn sequence_unpack(
        &mut self,
        pats: &'a [ast::Pattern],
        star: Option<usize>,
        r: TextRange,
        pc: &mut PatternCtx,
    ) -> CResult<()> {
        let size = pats.len();
        match star {
            None => self.emit(Opcode::UnpackSequence, size as u32),
            Some(before) => {
                let after = size - before - 1;
                if before > 0xff || after > 0xff_ffff {
                    return Err(
                        self.error("too many expressions in star-unpacking sequence pattern", r)
                    );
                }
                self.emit(Opcode::UnpackEx, (before | after << 8) as u32);
            }
        }
        // each item stays on the stack until its own sub-pattern takes it
        pc.on_top += size as u32;
        for p in pats {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// `[a, *_, b]`: index the subject instead of unpacking it, so a long sequence
    /// is not copied for the items the wildcard skips.
    fn sequence_subscr(
        &mut self,
        pats: &'a [ast::Pattern],
        star: usize,
        pc: &mut PatternCtx,
    ) -> CResult<()> {
        let size = pats.len();
        pc.on_top += 1;
        for (i, p) in pats.iter().enumerate() {
            if i == star || is_wildcard(p) {
                continue;
            }
            self.emit(Opcode::Copy, 1);
            if i < star {
                self.load_const(Constant::Int(i as i64));
            } else {
                // the subject need not take negative indexes: len(subject) - k
                self.emit(Opcode::GetLen, 0);
                self.load_const(Constant::Int((size - i) as i64));
                self.emit(Opcode::BinarySubtract, 0);
            }
            self.emit(Opcode::BinarySubscr, 0);
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternCtx,
    ) -> CResult<()> {
        let size = m.keys.len();
        if size != m.patterns.len() {
            let msg = format!(
                "keys ({size}) / patterns ({}) length mismatch in mapping pattern",
                m.patterns.len()
            );
            return Err(self.error(msg, m.range));
        }
        pc.on_top += 1;
        self.emit(Opcode::MatchMapping, 0);
        self.jump_to_fail(pc, Opcode::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            // `{}` matches any mapping
            pc.on_top -= 1;
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        }
        if size > 0 {
            self.length_check(size, CMP_GE, pc);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in &m.keys {
            match pattern_constant(key) {
                Some(c) => {
                    if seen.iter().any(|s| constants_equal(s, &c)) {
                        let msg = format!(
                            "mapping pattern checks duplicate key ({})",
                            crate::bytecode::dis::const_repr(&c)
                        );
                        return Err(self.error(msg, key.range()));
                    }
                    seen.push(c);
                }
                None if matches!(key, ast::Expr::Attribute(_)) => {}
                None => {
                    return Err(self.error(
                        "mapping pattern keys may only match literals and attribute lookups",
                        key.range(),
                    ))
                }
            }
            self.expr(key)?;
        }
        self.emit(Opcode::BuildTuple, size as u32);
        self.emit(Opcode::MatchKeys, 0);
        // the keys and the values (or None) are now above the subject
        pc.on_top += 2;
        self.emit(Opcode::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IsOp, 1);
        self.jump_to_fail(pc, Opcode::PopJumpIfFalse);
        self.emit(Opcode::UnpackSequence, size as u32);
        pc.on_top += size as u32;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // matched: what follows consumes the keys and the subject
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject) without the keys
                self.emit(Opcode::BuildMap, 0); // subject, keys, {}
                self.emit(Opcode::Swap, 3); // {}, keys, subject
                self.emit(Opcode::DictUpdate, 2); // rest, keys
                self.emit(Opcode::UnpackSequence, size as u32); // rest, k[n-1]..k[0]
                for left in (1..=size as u32).rev() {
                    self.emit(Opcode::Copy, left + 1); // rest, keys.., rest
                    self.emit(Opcode::Swap, 2); // rest, keys.., rest, key
                    self.emit(Opcode::DeleteSubscr, 0);
                }
                self.capture(Some(rest), pc, m.range)
            }
            None => {
                self.emit(Opcode::PopTop, 0); // the keys
                self.emit(Opcode::PopTop, 0); // the subject
                Ok(())
            }
        }
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx) -> CResult<()> {
        let nargs = c.patterns.len();
        let nattrs = c.kwd_attrs.len();
        if nattrs != c.kwd_patterns.len() {
            let msg = format!(
                "kwd_attrs ({nattrs}) / kwd_patterns ({}) length mismatch in class pattern",
                c.kwd_patterns.len()
            );
            return Err(self.error(msg, c.range));
        }
        for (i, a) in c.kwd_attrs.iter().enumerate() {
            if a.as_str() == "__debug__" {
                return Err(self.error("cannot assign to __debug__", c.kwd_patterns[i].range()));
            }
            if c.kwd_attrs[i + 1..]
                .iter()
                .any(|b| b.as_str() == a.as_str())
            {
                let dup = c.kwd_attrs[i + 1..]
                    .iter()
                    .position(|b| b.as_str() == a.as_str())
                    .unwrap_or(0)
                    + i
                    + 1;
                let msg = format!("attribute name repeated in class pattern: {}", a.as_str());
                return Err(self.error(msg, c.kwd_patterns[dup].range()));
            }
        }
        self.expr(&c.cls)?;
        let names: Vec<Constant> = c
            .kwd_attrs
            .iter()
            .map(|a| Constant::Str(a.as_str().into()))
            .collect();
        self.load_const(Constant::Tuple(names.into()));
        self.emit(Opcode::MatchClass, nargs as u32);
        self.emit(Opcode::Copy, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IsOp, 1);
        // TOS is the tuple of nargs + nattrs attributes, or None
        pc.on_top += 1;
        self.jump_to_fail(pc, Opcode::PopJumpIfFalse);
        self.emit(Opcode::UnpackSequence, (nargs + nattrs) as u32);
        pc.on_top += (nargs + nattrs) as u32;
        pc.on_top -= 1;
        for p in c.patterns.iter().chain(c.kwd_patterns.iter()) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Opcode::PopTop, 0);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternCtx) -> CResult<()> {
        let end = self.new_label();
        let n = o.patterns.len();
        // The alternatives run with contexts of their own; `control` is what the first
        // one captured, in the order the others are rearranged to.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            let saved = self.set_loc(alt.range());
            let mut apc = PatternCtx {
                allow_irrefutable: i == n - 1 && pc.allow_irrefutable,
                ..Default::default()
            };
            self.emit(Opcode::Copy, 1);
            self.pattern(alt, &mut apc)?;
            match &control {
                None => control = Some(apc.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != apc.stores.len() || ctl.iter().any(|c| !apc.stores.contains(c))
                    {
                        return Err(
                            self.error("alternative patterns bind different names", o.range)
                        );
                    }
                    self.reorder_captures(&mut apc.stores, ctl);
                }
            }
            self.emit_jump(Opcode::JumpAbsolute, end);
            self.emit_fail_pops(&mut apc);
            self.restore_loc(saved);
        }
        // no alternative matched: drop the subject and fail
        self.emit(Opcode::PopTop, 0);
        self.jump_to_fail(pc, Opcode::JumpAbsolute);
        self.bind(end);
        // Stack: [stores][on_top][subject][captures, control[0] on top]. Rotate each
        // capture under everything the enclosing patterns hold.
        let control = control.unwrap_or_default();
        let nrots = control.len() as u32 + 1 + pc.on_top + pc.stores.len() as u32;
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    o.range,
                ));
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    /// Permute the top `stores.len()` items so that they are in `control`'s order
    /// (`control[0]` on top), with `SWAP`s.
    fn reorder_captures(&mut self, stores: &mut [String], control: &[String]) {
        for k in 0..control.len() {
            let Some(j) = stores.iter().position(|s| *s == control[k]) else {
                continue;
            };
            if j == k {
                continue;
            }
            // exchange the items at depths k+1 and j+1 (1 = top)
            let (a, b) = (k as u32 + 1, j as u32 + 1);
            if a == 1 {
                self.emit(Opcode::Swap, b);
            } else {
                self.emit(Opcode::Swap, a);
                self.emit(Opcode::Swap, b);
                self.emit(Opcode::Swap, a);
            }
            stores.swap(k, j);
        }
    }
}

/// The value of a literal mapping key: a constant, a negated one, or a complex
/// literal `a + bj` / `a - bj` (CPython folds these before the duplicate check).
fn pattern_constant(e: &ast::Expr) -> Option<Constant> {
    if let Some(c) = super::expr::const_value(e) {
        return Some(c);
    }
    let ast::Expr::BinOp(b) = e else { return None };
    let real = match pattern_constant(&b.left)? {
        Constant::Int(i) => i as f64,
        Constant::Float(f) => f,
        _ => return None,
    };
    let Constant::Complex { imag, .. } = pattern_constant(&b.right)? else {
        return None;
    };
    match b.op {
        ast::Operator::Add => Some(Constant::Complex { real, imag }),
        ast::Operator::Sub => Some(Constant::Complex { real, imag: -imag }),
        _ => None,
    }
}

/// `a == b` for literal keys as Python compares them (`1`, `1.0`, `True` are equal).
fn constants_equal(a: &Constant, b: &Constant) -> bool {
    fn num(c: &Constant) -> Option<(f64, f64)> {
        Some(match c {
            Constant::Bool(b) => (*b as i64 as f64, 0.0),
            Constant::Int(i) => (*i as f64, 0.0),
            Constant::Float(f) => (*f, 0.0),
            Constant::Complex { real, imag } => (*real, *imag),
            _ => return None,
        })
    }
    match (a, b) {
        (Constant::Int(x), Constant::Int(y)) => x == y,
        (Constant::BigInt(x), Constant::BigInt(y)) => x == y,
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::None, Constant::None) => true,
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}
