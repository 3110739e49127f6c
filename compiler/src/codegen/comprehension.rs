//! List/set/dict comprehensions and generator expressions: each is a nested code
//! object with the one parameter `.0` (the outermost iterator, evaluated by the
//! caller). Mirrors CPython 3.10's `compiler_comprehension`.
//!
//! Asynchronous ones (PEP 530) loop with `async for`'s code (`GET_ANEXT`, await,
//! `END_ASYNC_FOR`); an asynchronous list/set/dict comprehension is a coroutine the
//! caller awaits at once, an asynchronous generator expression an async generator.

use super::{CResult, Compiler, Ctx};
use crate::bytecode::{Constant, Opcode};
use crate::parse::{ast, Ranged};

impl<'a> Compiler<'a> {
    pub(super) fn comprehension(
        &mut self,
        whole: &'a ast::Expr,
        name: &str,
        gens: &'a [ast::Comprehension],
        elt: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
    ) -> CResult<()> {
        let range = whole.range();
        let scope = self.table.scope_at(range).ok_or_else(|| self.error("internal compiler error: missing scope", range))?;
        let Some(first) = gens.first() else {
            return Err(self.error("comprehension without generators", range));
        };
        let qualname = self.child_qualname(name, scope);
        let line = self.loc_of(range).line;
        self.enter_scope(scope, name, &qualname, line);
        self.set_loc(range);
        let is_gen = name == "<genexpr>";
        let is_async = self.table.scopes[scope].is_coroutine;
        match name {
            "<listcomp>" => self.emit(Opcode::BuildList, 0),
            "<setcomp>" => self.emit(Opcode::BuildSet, 0),
            "<dictcomp>" => self.emit(Opcode::BuildMap, 0),
            _ => {}
        }
        // Stack depth under the outermost iterator: the collection being built.
        self.unit.depth = if is_gen { 0 } else { 1 };
        self.comp_generator(gens, 0, elt, value, name)?;
        if is_gen {
            self.load_const(Constant::None);
        }
        self.set_loc(range);
        self.emit(Opcode::ReturnValue, 0);
        let code = self.leave_scope()?;
        self.make_function(code, 0);
        self.expr(&first.iter)?;
        self.emit(if first.is_async { Opcode::GetAiter } else { Opcode::GetIter }, 0);
        self.emit(Opcode::CallFunction, 1);
        if is_async && !is_gen {
            self.emit_await();
        }
        Ok(())
    }

    fn comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        elt: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
        kind: &str,
    ) -> CResult<()> {
        let g = &gens[i];
        let start = self.new_label();
        let end = self.new_label();
        if i == 0 {
            self.name_op(".0", Ctx::Load)?;
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async { Opcode::GetAiter } else { Opcode::GetIter }, 0);
        }
        self.bind(start);
        let d = self.unit.depth;
        if g.is_async {
            // [.., aiter]: StopAsyncIteration from the awaited __anext__() lands in
            // END_ASYNC_FOR, which ends this level's loop.
            let outer = self.unit.handler;
            self.unit.handler = Some(super::Handler { label: end, depth: d + 1 });
            self.emit(Opcode::GetAnext, 0);
            self.emit_await();
            self.unit.handler = outer;
        } else {
            self.emit_jump(Opcode::ForIter, end);
        }
        self.unit.depth = d + 1;
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, start, false)?;
        }
        if i + 1 < gens.len() {
            self.comp_generator(gens, i + 1, elt, value, kind)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match kind {
                "<listcomp>" => {
                    self.expr(elt)?;
                    self.emit(Opcode::ListAppend, depth);
                }
                "<setcomp>" => {
                    self.expr(elt)?;
                    self.emit(Opcode::SetAdd, depth);
                }
                "<dictcomp>" => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit(Opcode::MapAdd, depth);
                }
                _ => {
                    self.expr(elt)?;
                    self.emit(Opcode::YieldValue, 0);
                    self.emit(Opcode::PopTop, 0);
                }
            }
        }
        self.emit_jump(Opcode::JumpAbsolute, start);
        self.bind(end);
        if g.is_async {
            self.emit(Opcode::EndAsyncFor, 0);
        }
        self.unit.depth = d;
        Ok(())
    }
}
