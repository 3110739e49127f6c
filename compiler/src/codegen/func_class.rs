//! `def`, `lambda` and `class`: defaults, annotations, closures, `MAKE_FUNCTION`,
//! decorators, and the class-body code object run by `__build_class__`.
//! Mirrors CPython's `compiler_function`, `compiler_lambda`, `compiler_class`.

use super::{CResult, Compiler, Ctx};
use crate::bytecode::{CodeObject, Constant, Opcode};
use crate::parse::{ast, Ranged};
use crate::symtable::ScopeId;
use std::rc::Rc;

impl<'a> Compiler<'a> {
    fn scope_of(&self, r: ast::text_size::TextRange) -> CResult<ScopeId> {
        self.table.scope_at(r).ok_or_else(|| self.error("internal compiler error: missing scope", r))
    }

    /// Pushes defaults (flag 1) and keyword-only defaults (flag 2); returns the flags.
    fn defaults(&mut self, args: &'a ast::Arguments) -> CResult<u32> {
        let mut flags = 0;
        let pos: Vec<&'a ast::Expr> = args.posonlyargs.iter().chain(&args.args).filter_map(|a| a.default.as_deref()).collect();
        if !pos.is_empty() {
            let consts: Option<Vec<Constant>> = pos.iter().map(|e| super::expr::const_value(e)).collect();
            match consts {
                Some(c) => self.load_const(Constant::Tuple(c.into())),
                None => {
                    for e in &pos {
                        self.expr(e)?;
                    }
                    self.emit(Opcode::BuildTuple, pos.len() as u32);
                }
            }
            flags |= 1;
        }
        let kw: Vec<(&'a str, &'a ast::Expr)> =
            args.kwonlyargs.iter().filter_map(|a| a.default.as_deref().map(|d| (a.def.arg.as_str(), d))).collect();
        if !kw.is_empty() {
            for (name, d) in &kw {
                let m = self.mangle(name).into_owned();
                self.load_const(Constant::Str(m.as_str().into()));
                self.expr(d)?;
            }
            self.emit(Opcode::BuildMap, kw.len() as u32);
            flags |= 2;
        }
        Ok(flags)
    }

    /// Pushes the annotations dict (flag 4) if there are annotations.
    fn annotations(&mut self, args: &'a ast::Arguments, returns: Option<&'a ast::Expr>) -> CResult<u32> {
        let mut n = 0;
        let all = args.posonlyargs.iter().chain(&args.args).map(|a| &a.def);
        let all: Vec<&'a ast::Arg> = all
            .chain(args.vararg.as_deref())
            .chain(args.kwonlyargs.iter().map(|a| &a.def))
            .chain(args.kwarg.as_deref())
            .collect();
        for a in all {
            if let Some(ann) = &a.annotation {
                let m = self.mangle(a.arg.as_str()).into_owned();
                self.load_const(Constant::Str(m.as_str().into()));
                self.expr(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str("return".into()));
            self.expr(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Opcode::BuildMap, n);
        Ok(4)
    }

    /// Pushes the closure tuple for `code` (flag 8) if it has free variables.
    fn closure(&mut self, code: &CodeObject) -> u32 {
        if code.freevars.is_empty() {
            return 0;
        }
        for name in &code.freevars {
            let i = self.deref_index(name);
            self.emit(Opcode::LoadClosure, i);
        }
        self.emit(Opcode::BuildTuple, code.freevars.len() as u32);
        8
    }

    /// `LOAD_CONST code; LOAD_CONST qualname; MAKE_FUNCTION flags`.
    pub(super) fn make_function(&mut self, code: Rc<CodeObject>, flags: u32) {
        let flags = flags | self.closure(&code);
        let qualname = code.qualname.clone();
        self.load_const(Constant::Code(code));
        self.load_const(Constant::Str(qualname));
        self.emit(Opcode::MakeFunction, flags);
    }

    pub(super) fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        self.function_common(f.name.as_str(), &f.args, &f.body, &f.decorator_list, f.returns.as_deref(), f.range)
    }

    pub(super) fn async_function_def(&mut self, f: &'a ast::StmtAsyncFunctionDef) -> CResult<()> {
        self.function_common(f.name.as_str(), &f.args, &f.body, &f.decorator_list, f.returns.as_deref(), f.range)
    }

    /// `def` and `async def` (the symbol table marks the latter's scope a coroutine).
    fn function_common(
        &mut self,
        name: &'a str,
        args: &'a ast::Arguments,
        fbody: &'a [ast::Stmt],
        decorator_list: &'a [ast::Expr],
        returns: Option<&'a ast::Expr>,
        range: ast::text_size::TextRange,
    ) -> CResult<()> {
        for d in decorator_list {
            self.expr(d)?;
        }
        let mut flags = self.defaults(args)?;
        flags |= self.annotations(args, returns)?;
        let scope = self.scope_of(range)?;
        let qualname = self.child_qualname(name, scope);
        let firstline = match decorator_list.first() {
            Some(d) => self.loc_of(d.range()).line,
            None => self.loc_of(range).line,
        };
        self.enter_scope(scope, name, &qualname, firstline);
        let doc = self.docstring(fbody);
        let c = match &doc {
            Some(d) => Constant::Str(d.as_str().into()),
            None => Constant::None,
        };
        self.add_const(c);
        self.unit.doc = doc.as_deref().map(Rc::from);
        let body = if doc.is_some() { &fbody[1..] } else { fbody };
        self.stmts(body)?;
        if let Some(last) = fbody.last() {
            self.set_loc(last.range());
        }
        self.load_const(Constant::None);
        self.emit(Opcode::ReturnValue, 0);
        let code = self.leave_scope()?;
        self.make_function(code, flags);
        for _ in decorator_list {
            self.emit(Opcode::CallFunction, 1);
        }
        self.name_op(name, Ctx::Store)
    }

    pub(super) fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult<()> {
        let flags = self.defaults(&l.args)?;
        let scope = self.scope_of(l.range)?;
        let qualname = self.child_qualname("<lambda>", scope);
        let line = self.loc_of(l.range).line;
        self.enter_scope(scope, "<lambda>", &qualname, line);
        self.set_loc(l.body.range());
        self.expr(&l.body)?;
        self.emit(Opcode::ReturnValue, 0);
        let code = self.leave_scope()?;
        self.make_function(code, flags);
        Ok(())
    }

    pub(super) fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        for d in &c.decorator_list {
            self.expr(d)?;
        }
        let scope = self.scope_of(c.range)?;
        let name = c.name.as_str();
        let qualname = self.child_qualname(name, scope);
        let firstline = match c.decorator_list.first() {
            Some(d) => self.loc_of(d.range()).line,
            None => self.loc_of(c.range).line,
        };
        self.enter_scope(scope, name, &qualname, firstline);
        self.class_names.push(name.to_string());
        let r = self.class_body(c, &qualname);
        self.class_names.pop();
        r?;
        let code = self.leave_scope()?;
        self.emit(Opcode::LoadBuildClass, 0);
        let flags = self.closure(&code);
        self.load_const(Constant::Code(code));
        self.load_const(Constant::Str(name.into()));
        self.emit(Opcode::MakeFunction, flags);
        self.load_const(Constant::Str(name.into()));
        self.call_helper(2, &c.bases, &c.keywords, c.range)?;
        for _ in &c.decorator_list {
            self.emit(Opcode::CallFunction, 1);
        }
        self.name_op(name, Ctx::Store)
    }

    fn class_body(&mut self, c: &'a ast::StmtClassDef, qualname: &str) -> CResult<()> {
        self.emit_name(Opcode::LoadName, "__name__");
        self.emit_name(Opcode::StoreName, "__module__");
        self.load_const(Constant::Str(qualname.into()));
        self.emit_name(Opcode::StoreName, "__qualname__");
        if c.body.iter().any(super::stmt::has_annotations) {
            self.emit(Opcode::SetupAnnotations, 0);
        }
        let body = match self.docstring(&c.body) {
            Some(doc) => {
                self.set_loc(c.body[0].range());
                self.load_const(Constant::Str(doc.as_str().into()));
                self.emit_name(Opcode::StoreName, "__doc__");
                self.unit.doc = Some(doc.as_str().into());
                &c.body[1..]
            }
            None => &c.body[..],
        };
        self.stmts(body)?;
        if let Some(last) = c.body.last() {
            self.set_loc(last.range());
        }
        if self.table.scopes[self.unit.scope].needs_class_cell {
            let i = self.deref_index("__class__");
            self.emit(Opcode::LoadClosure, i);
            self.emit(Opcode::Copy, 1);
            self.emit_name(Opcode::StoreName, "__classcell__");
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::ReturnValue, 0);
        Ok(())
    }
}
