//! `try`/`except`/`else`/`finally` and `with`, compiled to exception-table handlers.
//! Mirrors CPython 3.11's `compiler_try_except`, `compiler_try_finally` and
//! `compiler_with`; see the module doc of `codegen` for the tagging scheme.

use super::{CResult, Compiler, Ctx, FKind, Handler};
use crate::bytecode::{Constant, Opcode};
use crate::parse::{ast, Ranged};

impl<'a> Compiler<'a> {
    pub(super) fn try_stmt(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        // try/finally around (try/except/else or the plain body)
        let outer = self.unit.handler;
        let d = self.unit.depth;
        let fin = self.new_label();
        let end = self.new_label();
        self.push_fblock(FKind::FinallyTry(&t.finalbody));
        self.unit.handler = Some(Handler { label: fin, depth: d });
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_fblock();
        self.unit.handler = outer;
        self.stmts(&t.finalbody)?;
        self.emit_jump(Opcode::JumpAbsolute, end);

        // exceptional path: [.., exc]
        self.bind(fin);
        let cleanup = self.new_label();
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FKind::FinallyEnd);
        self.unit.handler = Some(Handler { label: cleanup, depth: d + 1 });
        self.unit.depth = d + 2;
        self.stmts(&t.finalbody)?;
        self.unit.depth = d;
        self.pop_fblock();
        self.emit(Opcode::Reraise, 0);
        self.unit.handler = outer;
        self.emit_cleanup(cleanup);
        self.bind(end);
        Ok(())
    }

    /// `cleanup: SWAP 2; POP_EXCEPT; RERAISE` — restores the previously handled exception.
    fn emit_cleanup(&mut self, cleanup: super::Label) {
        self.bind(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let outer = self.unit.handler;
        let d = self.unit.depth;
        let handler = self.new_label();
        let end = self.new_label();
        // The `try:` line gets an instruction of its own (a `line` event, as in 3.11).
        self.emit(Opcode::Nop, 0);
        self.push_fblock(FKind::TryExcept);
        self.unit.handler = Some(Handler { label: handler, depth: d });
        self.stmts(&t.body)?;
        if t.body.iter().all(|s| matches!(s, ast::Stmt::Pass(_))) {
            self.emit(Opcode::Nop, 0);
        }
        self.pop_fblock();
        self.unit.handler = outer;
        self.stmts(&t.orelse)?;
        let saved = self.unset_loc();
        self.emit_jump(Opcode::JumpAbsolute, end);
        self.restore_loc(saved);

        // handler: [.., exc]
        self.bind(handler);
        let cleanup = self.new_label();
        let first = t.handlers.first().map(|h| {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            h.range
        });
        if let Some(r) = first {
            let saved = self.set_loc(r);
            self.emit(Opcode::PushExcInfo, 0);
            self.restore_loc(saved);
        }
        // the handler section: leaving it (return/break) restores the outer handler
        self.push_fblock(FKind::TryExcept);
        self.unit.handler = Some(Handler { label: cleanup, depth: d + 1 });
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let saved_loc = self.set_loc(h.range);
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Opcode::CheckExcMatch, 0);
                    self.emit_jump(Opcode::PopJumpIfFalse, next);
                }
                None => {
                    if i + 1 < n {
                        return Err(self.error("default 'except:' must be last", h.range));
                    }
                }
            }
            match &h.name {
                Some(name) => {
                    let name = name.as_str();
                    self.name_op(name, Ctx::Store)?;
                    let name_cleanup = self.new_label();
                    let c_handler = self.unit.handler;
                    self.push_fblock(FKind::HandlerCleanup(Some(name)));
                    self.unit.handler = Some(Handler { label: name_cleanup, depth: d + 1 });
                    self.unit.depth = d + 1;
                    self.stmts(&h.body)?;
                    self.unit.depth = d;
                    self.pop_fblock();
                    self.unit.handler = c_handler;
                    let body_loc = self.unset_loc();
                    self.emit(Opcode::PopExcept, 0);
                    self.load_const(Constant::None);
                    self.name_op(name, Ctx::Store)?;
                    self.name_op(name, Ctx::Del)?;
                    self.emit_jump(Opcode::JumpAbsolute, end);
                    self.restore_loc(body_loc);
                    // exception inside the named handler body: [.., prev, exc2]
                    self.bind(name_cleanup);
                    self.load_const(Constant::None);
                    self.name_op(name, Ctx::Store)?;
                    self.name_op(name, Ctx::Del)?;
                    self.emit(Opcode::Reraise, 0);
                }
                None => {
                    self.emit(Opcode::PopTop, 0);
                    self.push_fblock(FKind::HandlerCleanup(None));
                    self.unit.depth = d + 1;
                    self.stmts(&h.body)?;
                    self.unit.depth = d;
                    self.pop_fblock();
                    let body_loc = self.unset_loc();
                    self.emit(Opcode::PopExcept, 0);
                    self.emit_jump(Opcode::JumpAbsolute, end);
                    self.restore_loc(body_loc);
                }
            }
            self.bind(next);
            self.restore_loc(saved_loc);
        }
        // no clause matched: [.., prev, exc]
        self.emit(Opcode::Reraise, 0);
        self.pop_fblock();
        self.unit.handler = outer;
        self.emit_cleanup(cleanup);
        self.bind(end);
        Ok(())
    }

    /// `with a as x, b as y:` — item `i` and the rest nested inside it.
    pub(super) fn with(&mut self, w: &'a ast::StmtWith, i: usize) -> CResult<()> {
        self.with_items(&w.items, &w.body, i, false)
    }

    pub(super) fn async_with(&mut self, w: &'a ast::StmtAsyncWith) -> CResult<()> {
        self.with_items(&w.items, &w.body, 0, true)
    }

    /// `with` / `async with` item `i` and, nested inside it, the rest.
    fn with_items(&mut self, items: &'a [ast::WithItem], body: &'a [ast::Stmt], i: usize, is_async: bool) -> CResult<()> {
        let Some(item) = items.get(i) else {
            return self.stmts(body);
        };
        let outer = self.unit.handler;
        let d = self.unit.depth;
        let exc_handler = self.new_label();
        let end = self.new_label();
        self.expr(&item.context_expr)?;
        if is_async {
            self.emit(Opcode::BeforeAsyncWith, 0);
            self.emit_await();
        } else {
            self.emit(Opcode::BeforeWith, 0);
        }
        self.push_fblock(FKind::With(is_async));
        self.unit.handler = Some(Handler { label: exc_handler, depth: d + 1 });
        self.unit.depth = d + 1;
        match &item.optional_vars {
            Some(v) => self.store(v)?,
            None => self.emit(Opcode::PopTop, 0),
        }
        self.with_items(items, body, i + 1, is_async)?;
        self.unit.depth = d;
        self.pop_fblock();
        self.unit.handler = outer;
        let saved = self.set_loc(item.context_expr.range());
        for _ in 0..3 {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::CallFunction, 3);
        if is_async {
            self.emit_await();
        }
        self.emit(Opcode::PopTop, 0);
        self.emit_jump(Opcode::JumpAbsolute, end);

        // exceptional exit: [.., exit, exc]
        self.bind(exc_handler);
        let cleanup = self.new_label();
        self.emit(Opcode::PushExcInfo, 0);
        self.unit.handler = Some(Handler { label: cleanup, depth: d + 2 });
        self.emit(Opcode::WithExceptStart, 0);
        if is_async {
            self.emit_await();
        }
        let suppress = self.new_label();
        self.emit_jump(Opcode::PopJumpIfTrue, suppress);
        self.emit(Opcode::Reraise, 0);
        self.bind(suppress);
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::PopTop, 0);
        self.unit.handler = outer;
        self.emit_jump(Opcode::JumpAbsolute, end);
        self.emit_cleanup(cleanup);
        self.restore_loc(saved);
        self.bind(end);
        Ok(())
    }
}
