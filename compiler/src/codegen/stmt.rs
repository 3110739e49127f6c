//! Statements: assignments, control flow (if/while/for, break/continue/return),
//! imports, assert, del, global/nonlocal. Mirrors `compiler_visit_stmt` and the
//! loop and import helpers of CPython's `compile.c`.

use super::{CResult, Compiler, Ctx, FKind};
use crate::bytecode::{Constant, Opcode};
use crate::parse::{ast, Ranged};
use crate::Mode;

/// Whether a module or class body has annotated assignments (needs `SETUP_ANNOTATIONS`).
pub(super) fn has_annotations(s: &ast::Stmt) -> bool {
    use ast::Stmt::*;
    match s {
        AnnAssign(_) => true,
        For(f) => f.body.iter().chain(&f.orelse).any(has_annotations),
        While(w) => w.body.iter().chain(&w.orelse).any(has_annotations),
        If(i) => i.body.iter().chain(&i.orelse).any(has_annotations),
        With(w) => w.body.iter().any(has_annotations),
        Try(t) => {
            t.body.iter().chain(&t.orelse).chain(&t.finalbody).any(has_annotations)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    h.body.iter().any(has_annotations)
                })
        }
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [ast::Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn stmt(&mut self, s: &'a ast::Stmt) -> CResult<()> {
        let saved = self.set_loc(s.range());
        let r = self.stmt_inner(s);
        self.restore_loc(saved);
        r
    }

    fn stmt_inner(&mut self, s: &'a ast::Stmt) -> CResult<()> {
        use ast::Stmt::*;
        match s {
            FunctionDef(f) => self.function_def(f)?,
            ClassDef(c) => self.class_def(c)?,
            Return(r) => {
                if r.value.is_some() && self.in_async_function() && self.table.scopes[self.unit.scope].is_generator {
                    return Err(self.error("'return' with value in async generator", r.range));
                }
                let saved = self.unit.handler;
                match &r.value {
                    Some(v) => {
                        if let Some(c) = super::expr::const_value(v).filter(|_| !self.unit.fblocks.is_empty()) {
                            self.unwind_all(false)?;
                            self.load_const(c);
                        } else {
                            self.expr(v)?;
                            self.unwind_all(true)?;
                        }
                    }
                    None => {
                        self.unwind_all(false)?;
                        self.load_const(Constant::None);
                    }
                }
                self.emit(Opcode::ReturnValue, 0);
                self.unit.handler = saved;
            }
            Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::Copy, 1);
                    }
                    self.store(t)?;
                }
            }
            AugAssign(a) => self.aug_assign(a)?,
            AnnAssign(a) => self.ann_assign(a)?,
            For(f) => self.for_loop(f)?,
            While(w) => self.while_loop(w)?,
            If(i) => {
                let end = self.new_label();
                if i.orelse.is_empty() {
                    self.jump_if(&i.test, end, false)?;
                    self.stmts(&i.body)?;
                } else {
                    let orelse = self.new_label();
                    self.jump_if(&i.test, orelse, false)?;
                    self.stmts(&i.body)?;
                    self.emit_jump(Opcode::JumpAbsolute, end);
                    self.bind(orelse);
                    self.stmts(&i.orelse)?;
                }
                self.bind(end);
            }
            With(w) => self.with(w, 0)?,
            Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Opcode::RaiseVarargs, n);
            }
            Try(t) => self.try_stmt(t)?,
            Assert(a) => {
                let ok = self.new_label();
                self.jump_if(&a.test, ok, true)?;
                // CPython 3.11 leaves the location of the last comparison its jump
                // code visited in place: the raise then points at that comparison.
                let saved = last_compare(&a.test).map(|r| self.set_loc(r));
                self.emit(Opcode::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Opcode::CallFunction, 1);
                }
                self.emit(Opcode::RaiseVarargs, 1);
                if let Some(l) = saved {
                    self.restore_loc(l);
                }
                self.bind(ok);
            }
            Import(i) => {
                // Each alias is imported at the statement's location, as CPython.
                for alias in &i.names {
                    self.load_const(Constant::Int(0));
                    self.load_const(Constant::None);
                    let full = alias.name.as_str();
                    self.emit_name(Opcode::ImportName, full);
                    match &alias.asname {
                        Some(asname) => {
                            let parts: Vec<&str> = full.split('.').collect();
                            if parts.len() > 1 {
                                for (k, p) in parts[1..].iter().enumerate() {
                                    self.emit_name(Opcode::ImportFrom, p);
                                    if k + 2 < parts.len() {
                                        self.emit(Opcode::Swap, 2);
                                        self.emit(Opcode::PopTop, 0);
                                    }
                                }
                                self.name_op(asname.as_str(), Ctx::Store)?;
                                self.emit(Opcode::PopTop, 0);
                            } else {
                                self.name_op(asname.as_str(), Ctx::Store)?;
                            }
                        }
                        None => {
                            let first = full.split('.').next().unwrap_or(full);
                            self.name_op(first, Ctx::Store)?;
                        }
                    }
                }
            }
            ImportFrom(i) => {
                let level = i.level.as_ref().map_or(0, |l| l.to_u32());
                self.load_const(Constant::Int(level as i64));
                let names: Vec<Constant> = i.names.iter().map(|a| Constant::Str(a.name.as_str().into())).collect();
                self.load_const(Constant::Tuple(names.into()));
                let module = i.module.as_ref().map_or("", |m| m.as_str());
                self.emit_name(Opcode::ImportName, module);
                if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
                    self.emit(Opcode::ImportStar, 0);
                } else {
                    for a in &i.names {
                        self.emit_name(Opcode::ImportFrom, a.name.as_str());
                        let bound = a.asname.as_ref().unwrap_or(&a.name);
                        self.name_op(bound.as_str(), Ctx::Store)?;
                    }
                    self.emit(Opcode::PopTop, 0);
                }
            }
            Global(_) | Nonlocal(_) => {}
            Expr(e) => {
                if self.mode == Mode::Single && self.stack.is_empty() {
                    self.expr(&e.value)?;
                    self.emit(Opcode::PrintExpr, 0);
                } else if matches!(&*e.value, ast::Expr::Constant(_)) {
                    // a bare constant (docstring-like) has no effect
                } else {
                    self.expr(&e.value)?;
                    self.emit(Opcode::PopTop, 0);
                }
            }
            Pass(_) => {}
            Break(b) => {
                let saved = self.unit.handler;
                match self.unwind_to_loop(true)? {
                    Some((_, exit)) => self.emit_jump(Opcode::JumpAbsolute, exit),
                    None => return Err(self.error("'break' outside loop", b.range)),
                }
                self.unit.handler = saved;
            }
            Continue(c) => {
                let saved = self.unit.handler;
                match self.unwind_to_loop(false)? {
                    Some((cont, _)) => self.emit_jump(Opcode::JumpAbsolute, cont),
                    None => return Err(self.error("'continue' not properly in loop", c.range)),
                }
                self.unit.handler = saved;
            }
            AsyncFunctionDef(x) => self.async_function_def(x)?,
            AsyncFor(x) => self.async_for_loop(x)?,
            AsyncWith(x) => self.async_with(x)?,
            Match(x) => self.match_stmt(x)?,
            TryStar(x) => return Err(self.error("pyhop does not support 'except*' yet", x.range)),
            TypeAlias(x) => return Err(self.error("pyhop does not support type parameter syntax yet", x.range)),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = super::expr::binop(a.op, true);
        match &*a.target {
            ast::Expr::Name(n) => {
                self.name_op(n.id.as_str(), Ctx::Load)?;
                self.expr(&a.value)?;
                self.emit(op, 0);
                self.name_op(n.id.as_str(), Ctx::Store)?;
            }
            ast::Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Opcode::Copy, 1);
                let name = self.mangle(at.attr.as_str()).into_owned();
                self.emit_name(Opcode::LoadAttr, &name);
                self.expr(&a.value)?;
                self.emit(op, 0);
                self.emit(Opcode::Swap, 2);
                self.emit_name(Opcode::StoreAttr, &name);
            }
            ast::Expr::Subscript(sub) => {
                self.expr(&sub.value)?;
                self.expr(&sub.slice)?;
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::BinarySubscr, 0);
                self.expr(&a.value)?;
                self.emit(op, 0);
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::Swap, 2);
                self.emit(Opcode::StoreSubscr, 0);
            }
            other => return Err(self.error("illegal expression for augmented assignment", other.range())),
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store(&a.target)?;
        }
        let module_or_class = !self.scope_kind().is_function();
        match &*a.target {
            ast::Expr::Name(n) if a.simple => {
                if module_or_class {
                    self.expr(&a.annotation)?;
                    self.emit_name(Opcode::LoadName, "__annotations__");
                    let name = self.mangle(n.id.as_str()).into_owned();
                    self.load_const(Constant::Str(name.as_str().into()));
                    self.emit(Opcode::StoreSubscr, 0);
                }
            }
            target => {
                if a.value.is_none() {
                    // evaluate the target's sub-expressions for their side effects (CPython's check_ann_expr)
                    match target {
                        ast::Expr::Attribute(at) => {
                            self.expr(&at.value)?;
                            self.emit(Opcode::PopTop, 0);
                        }
                        ast::Expr::Subscript(s) => {
                            self.expr(&s.value)?;
                            self.emit(Opcode::PopTop, 0);
                            self.expr(&s.slice)?;
                            self.emit(Opcode::PopTop, 0);
                        }
                        _ => {}
                    }
                }
                if module_or_class {
                    self.expr(&a.annotation)?;
                    self.emit(Opcode::PopTop, 0);
                }
            }
        }
        Ok(())
    }

    fn for_loop(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        let start = self.new_label();
        let cleanup = self.new_label();
        let exit = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Opcode::GetIter, 0);
        self.bind(start);
        self.emit_jump(Opcode::ForIter, cleanup);
        self.push_fblock(FKind::For { cont: start, exit });
        self.unit.depth += 1;
        self.store(&f.target)?;
        self.stmts(&f.body)?;
        let saved = self.set_loc(f.iter.range());
        self.emit_jump(Opcode::JumpAbsolute, start);
        self.restore_loc(saved);
        self.unit.depth -= 1;
        self.pop_fblock();
        self.bind(cleanup);
        self.stmts(&f.orelse)?;
        self.bind(exit);
        Ok(())
    }

    /// `async for`: `GET_AITER`, then per item `GET_ANEXT` + await under a handler
    /// that ends the loop on StopAsyncIteration (`END_ASYNC_FOR`), as CPython 3.11.
    fn async_for_loop(&mut self, f: &'a ast::StmtAsyncFor) -> CResult<()> {
        let start = self.new_label();
        let end_for = self.new_label();
        let exit = self.new_label();
        let outer = self.unit.handler;
        let d = self.unit.depth;
        self.expr(&f.iter)?;
        self.emit(Opcode::GetAiter, 0);
        self.bind(start);
        // [.., aiter]: the next item; StopAsyncIteration lands in END_ASYNC_FOR.
        self.unit.handler = Some(super::Handler { label: end_for, depth: d + 1 });
        self.emit(Opcode::GetAnext, 0);
        self.emit_await();
        self.unit.handler = outer;
        self.push_fblock(FKind::For { cont: start, exit });
        self.unit.depth += 1;
        self.store(&f.target)?;
        self.stmts(&f.body)?;
        let saved = self.set_loc(f.iter.range());
        self.emit_jump(Opcode::JumpAbsolute, start);
        self.restore_loc(saved);
        self.unit.depth -= 1;
        self.pop_fblock();
        self.bind(end_for);
        self.emit(Opcode::EndAsyncFor, 0);
        self.stmts(&f.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn while_loop(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let body = self.new_label();
        let cont = self.new_label();
        let orelse = self.new_label();
        let exit = self.new_label();
        let always = matches!(super::expr::const_value(&w.test), Some(Constant::Bool(true)) | Some(Constant::Int(1..)));
        if !always {
            self.jump_if(&w.test, orelse, false)?;
        }
        self.bind(body);
        self.push_fblock(FKind::While { cont, exit });
        self.stmts(&w.body)?;
        self.pop_fblock();
        self.bind(cont);
        if always {
            self.emit_jump(Opcode::JumpAbsolute, body);
        } else {
            self.jump_if(&w.test, body, true)?;
        }
        self.bind(orelse);
        self.stmts(&w.orelse)?;
        self.bind(exit);
        Ok(())
    }
}

/// The last comparison a conditional jump on `e` visits (through `not`, `and`/`or`
/// and conditional expressions), if any.
fn last_compare(e: &ast::Expr) -> Option<ast::text_size::TextRange> {
    match e {
        ast::Expr::Compare(c) => Some(c.range),
        ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => last_compare(&u.operand),
        ast::Expr::BoolOp(b) => b.values.iter().rev().find_map(last_compare),
        ast::Expr::IfExp(i) => last_compare(&i.orelse).or_else(|| last_compare(&i.body)).or_else(|| last_compare(&i.test)),
        _ => None,
    }
}
