//! Calls: `f(a, k=v)`, method calls via `LOAD_METHOD`/`CALL_METHOD`, and the
//! `*args`/`**kwargs` form via `CALL_FUNCTION_EX`. Mirrors CPython 3.10's
//! `compiler_call`, `maybe_optimize_method_call` and `compiler_call_helper`.

use super::{CResult, Compiler};
use crate::bytecode::{Constant, Opcode};
use crate::parse::ast;

impl<'a> Compiler<'a> {
    pub(super) fn call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        let simple = !c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) && c.keywords.iter().all(|k| k.arg.is_some());
        if let (ast::Expr::Attribute(a), true) = (&*c.func, simple) {
            if c.args.len() + c.keywords.len() < 256 {
                self.expr(&a.value)?;
                let name = self.mangle(a.attr.as_str()).into_owned();
                // LOAD_METHOD is located at the attribute, the call at the call, both
                // starting at the method name when it is on a later line (CPython 3.11).
                let saved = self.set_loc(a.range);
                self.attr_start(a);
                self.emit_name(Opcode::LoadMethod, &name);
                self.restore_loc(saved);
                for x in &c.args {
                    self.expr(x)?;
                }
                let n = (c.args.len() + c.keywords.len()) as u32;
                let saved = self.set_loc(c.range);
                self.attr_start(a);
                let call_loc = self.unit.loc;
                if c.keywords.is_empty() {
                    self.emit(Opcode::CallMethod, n);
                } else {
                    self.restore_loc(saved);
                    let names = self.keyword_values(&c.keywords)?;
                    self.restore_loc(call_loc);
                    self.load_const(names);
                    self.emit(Opcode::CallMethodKw, n);
                }
                self.restore_loc(saved);
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        self.call_helper(0, &c.args, &c.keywords, c.range)
    }

    /// Pushes keyword values; returns the tuple of their names.
    fn keyword_values(&mut self, kws: &'a [ast::Keyword]) -> CResult<Constant> {
        let mut names = Vec::new();
        for k in kws {
            self.expr(&k.value)?;
            names.push(Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).into()));
        }
        Ok(Constant::Tuple(names.into()))
    }

    /// Calls the callable below `pre` already-pushed positional arguments.
    pub(super) fn call_helper(
        &mut self,
        pre: u32,
        args: &'a [ast::Expr],
        kws: &'a [ast::Keyword],
        range: ast::text_size::TextRange,
    ) -> CResult<()> {
        let has_star = args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) || kws.iter().any(|k| k.arg.is_none());
        if !has_star {
            for a in args {
                self.expr(a)?;
            }
            let n = pre + (args.len() + kws.len()) as u32;
            if kws.is_empty() {
                let saved = self.set_loc(range);
                self.emit(Opcode::CallFunction, n);
                self.restore_loc(saved);
            } else {
                let names = self.keyword_values(kws)?;
                let saved = self.set_loc(range);
                self.load_const(names);
                self.emit(Opcode::CallFunctionKw, n);
                self.restore_loc(saved);
            }
            return Ok(());
        }
        // positional arguments as a list, then a tuple
        let lead = args.iter().take_while(|a| !matches!(a, ast::Expr::Starred(_))).count();
        for a in &args[..lead] {
            self.expr(a)?;
        }
        self.emit(Opcode::BuildList, pre + lead as u32);
        for a in &args[lead..] {
            match a {
                ast::Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Opcode::ListExtend, 1);
                }
                other => {
                    self.expr(other)?;
                    self.emit(Opcode::ListAppend, 1);
                }
            }
        }
        self.emit(Opcode::ListToTuple, 0);
        // keywords as a dict
        let mut flag = 0;
        if !kws.is_empty() {
            flag = 1;
            let mut have_dict = false;
            let mut pending = 0u32;
            for k in kws {
                match &k.arg {
                    Some(name) => {
                        self.load_const(Constant::Str(name.as_str().into()));
                        self.expr(&k.value)?;
                        pending += 1;
                    }
                    None => {
                        if pending > 0 || !have_dict {
                            self.emit(Opcode::BuildMap, pending);
                            if have_dict {
                                self.emit(Opcode::DictMerge, 1);
                            }
                            have_dict = true;
                            pending = 0;
                        }
                        self.expr(&k.value)?;
                        self.emit(Opcode::DictMerge, 1);
                    }
                }
            }
            if pending > 0 {
                self.emit(Opcode::BuildMap, pending);
                if have_dict {
                    self.emit(Opcode::DictMerge, 1);
                }
            }
        }
        let saved = self.set_loc(range);
        self.emit(Opcode::CallFunctionEx, flag);
        self.restore_loc(saved);
        Ok(())
    }
}
