//! Expressions: operators, comparisons and conditional jumps, displays, f-strings,
//! subscripts, constants and constant folding, assignment targets.
//! Mirrors CPython's `compiler_visit_expr1`, `compiler_jump_if`, `compiler_compare`.

use super::{CResult, Compiler, Ctx, Label};
use crate::bytecode::{Constant, Opcode};
use crate::parse::{ast, Ranged};
use num_traits::ToPrimitive;
use std::rc::Rc;

pub(super) fn binop(op: ast::Operator, inplace: bool) -> Opcode {
    use ast::Operator::*;
    match (op, inplace) {
        (Add, false) => Opcode::BinaryAdd,
        (Add, true) => Opcode::InplaceAdd,
        (Sub, false) => Opcode::BinarySubtract,
        (Sub, true) => Opcode::InplaceSubtract,
        (Mult, false) => Opcode::BinaryMultiply,
        (Mult, true) => Opcode::InplaceMultiply,
        (MatMult, false) => Opcode::BinaryMatrixMultiply,
        (MatMult, true) => Opcode::InplaceMatrixMultiply,
        (Div, false) => Opcode::BinaryTrueDivide,
        (Div, true) => Opcode::InplaceTrueDivide,
        (Mod, false) => Opcode::BinaryModulo,
        (Mod, true) => Opcode::InplaceModulo,
        (Pow, false) => Opcode::BinaryPower,
        (Pow, true) => Opcode::InplacePower,
        (FloorDiv, false) => Opcode::BinaryFloorDivide,
        (FloorDiv, true) => Opcode::InplaceFloorDivide,
        (LShift, false) => Opcode::BinaryLshift,
        (LShift, true) => Opcode::InplaceLshift,
        (RShift, false) => Opcode::BinaryRshift,
        (RShift, true) => Opcode::InplaceRshift,
        (BitOr, false) => Opcode::BinaryOr,
        (BitOr, true) => Opcode::InplaceOr,
        (BitXor, false) => Opcode::BinaryXor,
        (BitXor, true) => Opcode::InplaceXor,
        (BitAnd, false) => Opcode::BinaryAnd,
        (BitAnd, true) => Opcode::InplaceAnd,
    }
}

/// Converts a parser constant into a code-object constant.
pub(super) fn constant(c: &ast::Constant) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Str(s) => Constant::Str(s.as_str().into()),
        ast::Constant::Bytes(b) => Constant::Bytes(b.as_slice().into()),
        ast::Constant::Int(i) => match i.to_i64() {
            Some(v) => Constant::Int(v),
            None => Constant::BigInt(i.clone()),
        },
        ast::Constant::Tuple(t) => Constant::Tuple(t.iter().map(constant).collect::<Vec<_>>().into()),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex { real, imag } => Constant::Complex { real: *real, imag: *imag },
        ast::Constant::Ellipsis => Constant::Ellipsis,
    }
}

fn negate(c: Constant) -> Option<Constant> {
    Some(match c {
        Constant::Int(i) => match i.checked_neg() {
            Some(v) => Constant::Int(v),
            None => Constant::BigInt(-num_bigint::BigInt::from(i)),
        },
        Constant::BigInt(b) => {
            let n = -b;
            match n.to_i64() {
                Some(v) => Constant::Int(v),
                None => Constant::BigInt(n),
            }
        }
        Constant::Float(f) => Constant::Float(-f),
        Constant::Complex { real, imag } => Constant::Complex { real: -real, imag: -imag },
        _ => return None,
    })
}

/// The value of a constant expression CPython folds: literals, `-number`, tuples of those.
pub(super) fn const_value(e: &ast::Expr) -> Option<Constant> {
    match e {
        ast::Expr::Constant(c) => Some(constant(&c.value)),
        ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => {
            let ast::Expr::Constant(c) = &*u.operand else { return None };
            negate(constant(&c.value))
        }
        ast::Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
            let items: Option<Vec<Constant>> = t.elts.iter().map(const_value).collect();
            items.map(|v| Constant::Tuple(v.into()))
        }
        _ => None,
    }
}

fn truthiness(c: &Constant) -> Option<bool> {
    Some(match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(_) => true,
        Constant::Float(f) => *f != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) => !t.is_empty(),
        Constant::Ellipsis => true,
        _ => return None,
    })
}

fn cmp_op(op: ast::CmpOp) -> (Opcode, u32) {
    use ast::CmpOp::*;
    match op {
        Lt => (Opcode::CompareOp, 0),
        LtE => (Opcode::CompareOp, 1),
        Eq => (Opcode::CompareOp, 2),
        NotEq => (Opcode::CompareOp, 3),
        Gt => (Opcode::CompareOp, 4),
        GtE => (Opcode::CompareOp, 5),
        Is => (Opcode::IsOp, 0),
        IsNot => (Opcode::IsOp, 1),
        In => (Opcode::ContainsOp, 0),
        NotIn => (Opcode::ContainsOp, 1),
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a ast::Expr) -> CResult<()> {
        let saved = self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.restore_loc(saved);
        r
    }

    fn expr_inner(&mut self, e: &'a ast::Expr) -> CResult<()> {
        use ast::Expr::*;
        match e {
            BoolOp(b) => {
                let end = self.new_label();
                let op = if b.op == ast::BoolOp::And { Opcode::JumpIfFalseOrPop } else { Opcode::JumpIfTrueOrPop };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.emit_jump(op, end);
                    }
                }
                self.bind(end);
            }
            NamedExpr(n) => {
                self.expr(&n.value)?;
                self.emit(Opcode::Copy, 1);
                self.store(&n.target)?;
            }
            BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(binop(b.op, false), 0);
            }
            UnaryOp(u) => {
                if let Some(c) = const_value(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => Opcode::UnaryInvert,
                    ast::UnaryOp::Not => Opcode::UnaryNot,
                    ast::UnaryOp::UAdd => Opcode::UnaryPositive,
                    ast::UnaryOp::USub => Opcode::UnaryNegative,
                };
                self.emit(op, 0);
            }
            Lambda(l) => self.lambda(l)?,
            IfExp(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, orelse, false)?;
                self.expr(&i.body)?;
                self.emit_jump(Opcode::JumpAbsolute, end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Dict(d) => self.dict(d)?,
            Set(s) => self.sequence(&s.elts, Opcode::BuildSet, e)?,
            List(l) => {
                if l.ctx != ast::ExprContext::Load {
                    return Err(self.error("invalid list target", l.range));
                }
                self.sequence(&l.elts, Opcode::BuildList, e)?
            }
            Tuple(t) => {
                if let Some(c) = const_value(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.sequence(&t.elts, Opcode::BuildTuple, e)?
            }
            ListComp(c) => self.comprehension(e, "<listcomp>", &c.generators, &c.elt, None)?,
            SetComp(c) => self.comprehension(e, "<setcomp>", &c.generators, &c.elt, None)?,
            DictComp(c) => self.comprehension(e, "<dictcomp>", &c.generators, &c.key, Some(&c.value))?,
            GeneratorExp(c) => self.comprehension(e, "<genexpr>", &c.generators, &c.elt, None)?,
            Await(a) => {
                self.expr(&a.value)?;
                self.emit_await();
            }
            Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(crate::bytecode::Constant::None),
                }
                self.emit(Opcode::YieldValue, 0);
            }
            YieldFrom(y) => {
                if self.in_async_function() {
                    return Err(self.error("'yield from' inside async function", e.range()));
                }
                self.expr(&y.value)?;
                self.emit(Opcode::GetYieldFromIter, 0);
                self.load_const(crate::bytecode::Constant::None);
                self.emit(Opcode::YieldFrom, 0);
            }
            Compare(c) => self.compare(c)?,
            Call(c) => self.call(c)?,
            FormattedValue(f) => self.formatted_value(f)?,
            JoinedStr(j) => self.joined_str(j)?,
            Constant(c) => self.load_const(constant(&c.value)),
            Attribute(a) => {
                self.expr(&a.value)?;
                let name = self.mangle(a.attr.as_str()).into_owned();
                let saved = self.attr_start(a);
                match a.ctx {
                    ast::ExprContext::Load => self.emit_name(Opcode::LoadAttr, &name),
                    _ => return Err(self.error("invalid attribute context", a.range)),
                }
                self.restore_loc(saved);
            }
            Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::BinarySubscr, 0);
            }
            Starred(s) => return Err(self.error("can't use starred expression here", s.range)),
            Name(n) => self.name_op(n.id.as_str(), Ctx::Load)?,
            Slice(s) => {
                let mut n = 2;
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(crate::bytecode::Constant::None),
                    }
                }
                if let Some(st) = &s.step {
                    self.expr(st)?;
                    n = 3;
                }
                self.emit(Opcode::BuildSlice, n);
            }
        }
        Ok(())
    }

    /// List/tuple/set displays, with `*x` items via `BUILD_LIST` + `LIST_EXTEND`.
    fn sequence(&mut self, elts: &'a [ast::Expr], build: Opcode, whole: &ast::Expr) -> CResult<()> {
        let _ = whole;
        let first_star = elts.iter().position(|x| matches!(x, ast::Expr::Starred(_)));
        let Some(first_star) = first_star else {
            for x in elts {
                self.expr(x)?;
            }
            self.emit(build, elts.len() as u32);
            return Ok(());
        };
        let is_set = build == Opcode::BuildSet;
        for x in &elts[..first_star] {
            self.expr(x)?;
        }
        self.emit(if is_set { Opcode::BuildSet } else { Opcode::BuildList }, first_star as u32);
        for x in &elts[first_star..] {
            match x {
                ast::Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(if is_set { Opcode::SetUpdate } else { Opcode::ListExtend }, 1);
                }
                other => {
                    self.expr(other)?;
                    self.emit(if is_set { Opcode::SetAdd } else { Opcode::ListAppend }, 1);
                }
            }
        }
        if build == Opcode::BuildTuple {
            self.emit(Opcode::ListToTuple, 0);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> CResult<()> {
        let has_unpack = d.keys.iter().any(|k| k.is_none());
        if !has_unpack {
            let n = d.values.len();
            let const_keys: Option<Vec<Constant>> = d.keys.iter().map(|k| k.as_ref().and_then(const_value)).collect();
            if let Some(keys) = const_keys.filter(|k| k.len() > 1 && k.iter().all(|c| matches!(c, Constant::Str(_) | Constant::Int(_)))) {
                for v in &d.values {
                    self.expr(v)?;
                }
                self.load_const(Constant::Tuple(keys.into()));
                self.emit(Opcode::BuildConstKeyMap, n as u32);
                return Ok(());
            }
            for (k, v) in d.keys.iter().zip(&d.values) {
                if let Some(k) = k {
                    self.expr(k)?;
                }
                self.expr(v)?;
            }
            self.emit(Opcode::BuildMap, n as u32);
            return Ok(());
        }
        let mut have_dict = false;
        let mut pending = 0;
        for (k, v) in d.keys.iter().zip(&d.values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have_dict {
                        self.emit(Opcode::BuildMap, pending);
                        if have_dict {
                            self.emit(Opcode::DictUpdate, 1);
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    self.expr(v)?;
                    self.emit(Opcode::DictUpdate, 1);
                }
            }
        }
        if pending > 0 {
            self.emit(Opcode::BuildMap, pending);
            self.emit(Opcode::DictUpdate, 1);
        }
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            let (op, arg) = cmp_op(c.ops[0]);
            self.emit(op, arg);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            let (op, arg) = cmp_op(c.ops[i]);
            self.emit(op, arg);
            self.emit_jump(Opcode::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&c.comparators[n - 1])?;
        let (op, arg) = cmp_op(c.ops[n - 1]);
        self.emit(op, arg);
        self.emit_jump(Opcode::JumpAbsolute, end);
        self.bind(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// Compiles `e` as a condition: jumps to `target` when its truth equals `cond`
    /// (CPython's `compiler_jump_if`).
    pub(super) fn jump_if(&mut self, e: &'a ast::Expr, target: Label, cond: bool) -> CResult<()> {
        let saved = self.set_loc(e.range());
        let r = self.jump_if_inner(e, target, cond);
        self.restore_loc(saved);
        r
    }

    fn jump_if_inner(&mut self, e: &'a ast::Expr, target: Label, cond: bool) -> CResult<()> {
        match e {
            ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.jump_if(&u.operand, target, !cond),
            ast::Expr::BoolOp(b) => {
                let is_or = b.op == ast::BoolOp::Or;
                let n = b.values.len();
                if is_or == cond {
                    // any value decides the jump
                    for v in &b.values {
                        self.jump_if(v, target, cond)?;
                    }
                } else {
                    let next = self.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.jump_if(v, next, !cond)?;
                        } else {
                            self.jump_if(v, target, cond)?;
                        }
                    }
                    self.bind(next);
                }
                return Ok(());
            }
            ast::Expr::IfExp(i) => {
                let next2 = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, target, cond)?;
                self.emit_jump(Opcode::JumpAbsolute, end);
                self.bind(next2);
                self.jump_if(&i.orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            ast::Expr::Compare(c) if c.ops.len() > 1 => {
                self.expr(&c.left)?;
                let n = c.ops.len();
                let cleanup = self.new_label();
                for i in 0..n - 1 {
                    self.expr(&c.comparators[i])?;
                    self.emit(Opcode::Swap, 2);
                    self.emit(Opcode::Copy, 2);
                    let (op, arg) = cmp_op(c.ops[i]);
                    self.emit(op, arg);
                    self.emit_jump(Opcode::PopJumpIfFalse, cleanup);
                }
                self.expr(&c.comparators[n - 1])?;
                let (op, arg) = cmp_op(c.ops[n - 1]);
                self.emit(op, arg);
                self.emit_jump(if cond { Opcode::PopJumpIfTrue } else { Opcode::PopJumpIfFalse }, target);
                let end = self.new_label();
                self.emit_jump(Opcode::JumpAbsolute, end);
                self.bind(cleanup);
                self.emit(Opcode::PopTop, 0);
                if !cond {
                    self.emit_jump(Opcode::JumpAbsolute, target);
                }
                self.bind(end);
                return Ok(());
            }
            ast::Expr::Constant(c) => {
                if let Some(t) = truthiness(&constant(&c.value)) {
                    if t == cond {
                        self.emit_jump(Opcode::JumpAbsolute, target);
                    }
                    return Ok(());
                }
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit_jump(if cond { Opcode::PopJumpIfTrue } else { Opcode::PopJumpIfFalse }, target);
        Ok(())
    }

    fn formatted_value(&mut self, f: &'a ast::ExprFormattedValue) -> CResult<()> {
        self.expr(&f.value)?;
        let mut flags = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        if let Some(spec) = &f.format_spec {
            self.expr(spec)?;
            flags |= 4;
        }
        self.emit(Opcode::FormatValue, flags);
        Ok(())
    }

    fn joined_str(&mut self, j: &'a ast::ExprJoinedStr) -> CResult<()> {
        // merge adjacent constant parts
        let mut parts: Vec<Result<String, &'a ast::Expr>> = Vec::new();
        for v in &j.values {
            match v {
                ast::Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(s), .. }) => {
                    if let Some(Ok(prev)) = parts.last_mut() {
                        prev.push_str(s);
                    } else {
                        parts.push(Ok(s.clone()));
                    }
                }
                other => parts.push(Err(other)),
            }
        }
        parts.retain(|p| !matches!(p, Ok(s) if s.is_empty()));
        if parts.is_empty() {
            self.load_const(Constant::Str("".into()));
            return Ok(());
        }
        let n = parts.len();
        for p in &parts {
            match p {
                Ok(s) => self.load_const(Constant::Str(Rc::from(s.as_str()))),
                Err(e) => self.expr(e)?,
            }
        }
        if n > 1 {
            self.emit(Opcode::BuildString, n as u32);
        }
        Ok(())
    }

    /// Stores TOS into an assignment target.
    pub(super) fn store(&mut self, t: &'a ast::Expr) -> CResult<()> {
        let saved = self.set_loc(t.range());
        let r = self.store_inner(t);
        self.restore_loc(saved);
        r
    }

    fn store_inner(&mut self, t: &'a ast::Expr) -> CResult<()> {
        match t {
            ast::Expr::Name(n) => self.name_op(n.id.as_str(), Ctx::Store)?,
            ast::Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let name = self.mangle(a.attr.as_str()).into_owned();
                let saved = self.attr_start(a);
                self.emit_name(Opcode::StoreAttr, &name);
                self.restore_loc(saved);
            }
            ast::Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::StoreSubscr, 0);
            }
            ast::Expr::Tuple(ast::ExprTuple { elts, .. }) | ast::Expr::List(ast::ExprList { elts, .. }) => {
                let star = elts.iter().position(|x| matches!(x, ast::Expr::Starred(_)));
                match star {
                    Some(i) => {
                        let before = i as u32;
                        let after = (elts.len() - i - 1) as u32;
                        if before > 255 || after > 0xFFFF {
                            return Err(self.error("too many expressions in star-unpacking assignment", t.range()));
                        }
                        self.emit(Opcode::UnpackEx, before | after << 8);
                    }
                    None => self.emit(Opcode::UnpackSequence, elts.len() as u32),
                }
                for x in elts {
                    match x {
                        ast::Expr::Starred(s) => self.store(&s.value)?,
                        x => self.store(x)?,
                    }
                }
            }
            ast::Expr::Starred(s) => return Err(self.error("starred assignment target must be in a list or tuple", s.range)),
            other => {
                let d = crate::symtable::target_desc(other).unwrap_or("expression");
                return Err(self.error(format!("cannot assign to {d}"), other.range()));
            }
        }
        Ok(())
    }

    /// `del target`.
    pub(super) fn delete(&mut self, t: &'a ast::Expr) -> CResult<()> {
        let saved = self.set_loc(t.range());
        match t {
            ast::Expr::Name(n) => self.name_op(n.id.as_str(), Ctx::Del)?,
            ast::Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let name = self.mangle(a.attr.as_str()).into_owned();
                let saved = self.attr_start(a);
                self.emit_name(Opcode::DeleteAttr, &name);
                self.restore_loc(saved);
            }
            ast::Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::DeleteSubscr, 0);
            }
            ast::Expr::Tuple(ast::ExprTuple { elts, .. }) | ast::Expr::List(ast::ExprList { elts, .. }) => {
                for x in elts {
                    self.delete(x)?;
                }
            }
            other => return Err(self.error("cannot delete expression", other.range())),
        }
        self.restore_loc(saved);
        Ok(())
    }
}
