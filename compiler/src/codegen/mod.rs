//! Code generation: AST → per-code-object instruction lists with labels.
//!
//! Mirrors CPython's `Python/compile.c`. One [`Unit`] is built per code object
//! (module, class body, function, lambda, comprehension); nested units are
//! assembled ([`crate::assemble`]) as soon as they are finished and stored as
//! `Constant::Code` in their parent.
//!
//! ## Exception handling: lexical tagging, zero-cost try blocks
//! There is no `SETUP_FINALLY`/`POP_BLOCK` at run time. While compiling, the unit
//! keeps the *innermost active handler* (`Unit::handler`: a label and the value-stack
//! depth at try entry) and every emitted [`Instr`] is tagged with it. Entering a
//! `try` body swaps in a new handler, leaving it restores the outer one, so handlers
//! nest exactly as the source does. The assembler turns runs of equally tagged
//! instructions into disjoint `ExceptionEntry` ranges (3.11's exception table).
//! Why: a try block costs nothing when no exception is raised (no block push/pop
//! per iteration in hot loops), and the tags need no bookkeeping beyond a field
//! swap because handlers are lexically scoped.
//!
//! The stack depth at statement boundaries is known statically: it is the sum of
//! what enclosing blocks keep on the stack (a `for` iterator, a `with` exit, an
//! except handler's saved exception, ...), tracked in `Unit::depth`. A handler is
//! entered with the stack cut to its depth and the exception pushed; handler code
//! starts `PUSH_EXC_INFO` and is itself protected by a cleanup handler
//! (`SWAP 2; POP_EXCEPT; RERAISE`) that restores the previously handled exception.
//!
//! `return`/`break`/`continue` leave blocks like CPython's `compiler_unwind_fblock`:
//! finally bodies are inlined, except handlers pop their saved exception, `for`
//! loops pop their iterator and `with` blocks call `__exit__(None, None, None)`.

mod call;
mod comprehension;
mod exception;
mod expr;
mod func_class;
mod pattern;
mod stmt;

use crate::bytecode::{co_flags, CodeObject, Constant, Opcode};
use crate::parse::{ast, Body, LineIndex, Parsed, Ranged};
use crate::symtable::{NameKind, ScopeId, ScopeKind, SymbolTable};
use crate::{CompileError, ErrorKind, Mode};
use std::rc::Rc;

pub type CResult<T> = Result<T, CompileError>;
type TextRange = ast::text_size::TextRange;

/// A jump target inside one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub u32);

/// The innermost active exception handler of an instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub label: Label,
    /// Value-stack depth the handler is entered with (before the exception is pushed).
    pub depth: u32,
}

/// Source location of an instruction: start and end line, start and end column
/// (0-based UTF-8 byte offsets, as CPython's `co_positions`). `end_line == 0` means the
/// columns are unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

#[derive(Clone, Debug)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
    pub target: Option<Label>,
    pub loc: Loc,
    pub handler: Option<Handler>,
}

#[derive(Clone, Copy)]
enum FKind<'a> {
    While { cont: Label, exit: Label },
    For { cont: Label, exit: Label },
    TryExcept,
    FinallyTry(&'a [ast::Stmt]),
    FinallyEnd,
    HandlerCleanup(Option<&'a str>),
    /// `with` (false) or `async with` (true).
    With(bool),
}

#[derive(Clone, Copy)]
struct FBlock<'a> {
    kind: FKind<'a>,
    outer: Option<Handler>,
    depth: u32,
}

/// One code object under construction.
pub struct Unit<'a> {
    pub instrs: Vec<Instr>,
    /// Position (index into `instrs`) of every label, once bound.
    pub labels: Vec<Option<usize>>,
    pub consts: Vec<Constant>,
    pub names: Vec<Rc<str>>,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    pub scope: ScopeId,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub firstlineno: u32,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub doc: Option<Rc<str>>,
    fblocks: Vec<FBlock<'a>>,
    pub handler: Option<Handler>,
    depth: u32,
    loc: Loc,
}

pub struct Compiler<'a> {
    table: &'a SymbolTable,
    index: &'a LineIndex,
    filename: Rc<str>,
    mode: Mode,
    unit: Unit<'a>,
    stack: Vec<Unit<'a>>,
    /// Class names for private-name mangling, innermost last.
    class_names: Vec<String>,
}

/// Compiles a parsed program into its `<module>` code object.
pub fn compile_program(parsed: &Parsed, table: &SymbolTable, filename: &str, mode: Mode) -> CResult<Rc<CodeObject>> {
    let unit = Unit::new(0, "<module>", "<module>", 1, 0);
    let mut c = Compiler {
        table,
        index: &parsed.index,
        filename: filename.into(),
        mode,
        unit,
        stack: Vec::new(),
        class_names: Vec::new(),
    };
    c.setup_unit_names(0);
    match &parsed.body {
        Body::Module(stmts) => {
            c.unit.loc = Loc { line: 1, end_line: 1, col: 0, end_col: 0 };
            if stmts.iter().any(stmt::has_annotations) {
                c.emit(Opcode::SetupAnnotations, 0);
            }
            let rest = match c.docstring(stmts) {
                Some(doc) if mode == Mode::Exec => {
                    c.set_loc(stmts[0].range());
                    c.load_const(Constant::Str(doc.into()));
                    c.store_name("__doc__")?;
                    &stmts[1..]
                }
                _ => &stmts[..],
            };
            c.stmts(rest)?;
            if let Some(last) = stmts.last() {
                c.set_loc(last.range());
            }
            c.load_const(Constant::None);
            c.emit(Opcode::ReturnValue, 0);
        }
        Body::Expression(e) => {
            c.expr(e)?;
            c.emit(Opcode::ReturnValue, 0);
        }
    }
    let unit = std::mem::replace(&mut c.unit, Unit::new(0, "", "", 0, 0));
    crate::assemble::assemble(unit, &c.filename).map(Rc::new)
}

impl<'a> Unit<'a> {
    fn new(scope: ScopeId, name: &str, qualname: &str, firstlineno: u32, flags: u32) -> Self {
        Unit {
            instrs: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            scope,
            name: name.into(),
            qualname: qualname.into(),
            firstlineno,
            flags,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            doc: None,
            fblocks: Vec::new(),
            handler: None,
            depth: 0,
            loc: Loc::default(),
        }
    }
}

/// Which name operation is wanted.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl<'a> Compiler<'a> {
    // ---- errors and locations ----

    fn error(&self, msg: impl Into<String>, r: TextRange) -> CompileError {
        self.index.error(ErrorKind::SyntaxError, msg, &self.filename, r.start().into(), r.end().into())
    }

    fn loc_of(&self, r: TextRange) -> Loc {
        let (line, col) = self.index.line_byte_col(r.start().into());
        let (end_line, end_col) = self.index.line_byte_col(r.end().into());
        Loc { line, end_line, col, end_col }
    }

    /// Sets the current location; returns the previous one for [`Self::restore_loc`].
    fn set_loc(&mut self, r: TextRange) -> Loc {
        let new = self.loc_of(r);
        std::mem::replace(&mut self.unit.loc, new)
    }

    /// CPython 3.11's `update_start_location_to_match_attr`: when the attribute name
    /// ends on another line than the current location starts, start at the name.
    /// Returns the previous location for [`Self::restore_loc`].
    fn attr_start(&mut self, a: &ast::ExprAttribute) -> Loc {
        let saved = self.unit.loc;
        let (end_line, end_col) = self.index.line_byte_col(a.range.end().into());
        if end_line != saved.line {
            let len = a.attr.as_str().len() as u32;
            let mut l = saved;
            l.line = end_line;
            l.end_line = l.end_line.max(end_line);
            if len <= end_col {
                l.col = end_col - len;
                if l.line == l.end_line {
                    l.end_col = l.end_col.max(l.col);
                }
            } else {
                l.end_line = 0;
            }
            self.unit.loc = l;
        }
        saved
    }

    /// Mark what follows as artificial (no source line of its own, see the assembler).
    fn unset_loc(&mut self) -> Loc {
        std::mem::replace(&mut self.unit.loc, Loc { line: 0, end_line: 0, col: 0, end_col: 0 })
    }

    fn restore_loc(&mut self, l: Loc) {
        self.unit.loc = l;
    }

    // ---- emission ----

    fn emit(&mut self, op: Opcode, arg: u32) {
        let i = Instr { op, arg, target: None, loc: self.unit.loc, handler: self.unit.handler };
        self.unit.instrs.push(i);
    }

    fn emit_jump(&mut self, op: Opcode, target: Label) {
        let i = Instr { op, arg: 0, target: Some(target), loc: self.unit.loc, handler: self.unit.handler };
        self.unit.instrs.push(i);
    }

    fn new_label(&mut self) -> Label {
        self.unit.labels.push(None);
        Label(self.unit.labels.len() as u32 - 1)
    }

    fn bind(&mut self, l: Label) {
        self.unit.labels[l.0 as usize] = Some(self.unit.instrs.len());
    }

    fn add_const(&mut self, c: Constant) -> u32 {
        if let Some(i) = self.unit.consts.iter().position(|x| *x == c) {
            return i as u32;
        }
        self.unit.consts.push(c);
        self.unit.consts.len() as u32 - 1
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LoadConst, i);
    }

    fn add_name(&mut self, name: &str) -> u32 {
        if let Some(i) = self.unit.names.iter().position(|x| &**x == name) {
            return i as u32;
        }
        self.unit.names.push(name.into());
        self.unit.names.len() as u32 - 1
    }

    fn emit_name(&mut self, op: Opcode, name: &str) {
        let i = self.add_name(name);
        self.emit(op, i);
    }

    fn varname(&mut self, name: &str) -> u32 {
        if let Some(i) = self.unit.varnames.iter().position(|x| &**x == name) {
            return i as u32;
        }
        self.unit.varnames.push(name.into());
        self.unit.varnames.len() as u32 - 1
    }

    fn deref_index(&self, name: &str) -> u32 {
        if let Some(i) = self.unit.cellvars.iter().position(|x| &**x == name) {
            return i as u32;
        }
        let f = self.unit.freevars.iter().position(|x| &**x == name).unwrap_or(0);
        (self.unit.cellvars.len() + f) as u32
    }

    // ---- scopes ----

    fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.unit.scope].kind
    }

    /// The unit is an `async def` body (CPython's `COMPILER_SCOPE_ASYNC_FUNCTION`).
    fn in_async_function(&self) -> bool {
        let s = &self.table.scopes[self.unit.scope];
        s.kind == ScopeKind::Function && s.is_coroutine
    }

    fn setup_unit_names(&mut self, scope: ScopeId) {
        let s = &self.table.scopes[scope];
        self.unit.cellvars = s.cellvars.iter().map(|x| x.as_str().into()).collect();
        self.unit.freevars = s.freevars.iter().map(|x| x.as_str().into()).collect();
        self.unit.varnames = s.params.iter().map(|x| x.as_str().into()).collect();
        self.unit.argcount = s.argcount;
        self.unit.posonlyargcount = s.posonlyargcount;
        self.unit.kwonlyargcount = s.kwonlyargcount;
        let mut flags = 0;
        if s.kind.is_function() {
            flags |= co_flags::OPTIMIZED | co_flags::NEWLOCALS;
            if s.varargs {
                flags |= co_flags::VARARGS;
            }
            if s.varkeywords {
                flags |= co_flags::VARKEYWORDS;
            }
            flags |= match (s.is_generator, s.is_coroutine) {
                (true, false) => co_flags::GENERATOR,
                (false, true) => co_flags::COROUTINE,
                (true, true) => co_flags::ASYNC_GENERATOR,
                (false, false) => 0,
            };
            if let Some(p) = s.parent {
                if self.table.scopes[p].kind.is_function() {
                    flags |= co_flags::NESTED;
                }
            }
        }
        // CO_NOFREE is not set: CPython 3.11 dropped it.
        self.unit.flags = flags;
    }

    /// Starts compiling the code object of `scope`.
    fn enter_scope(&mut self, scope: ScopeId, name: &str, qualname: &str, firstlineno: u32) {
        let unit = Unit::new(scope, name, qualname, firstlineno, 0);
        let old = std::mem::replace(&mut self.unit, unit);
        self.stack.push(old);
        self.setup_unit_names(scope);
        self.unit.loc = Loc { line: firstlineno, end_line: firstlineno, col: 0, end_col: 0 };
    }

    /// Finishes the current unit, returning its assembled code object.
    fn leave_scope(&mut self) -> CResult<Rc<CodeObject>> {
        let parent = self.stack.pop().unwrap_or_else(|| Unit::new(0, "", "", 0, 0));
        let unit = std::mem::replace(&mut self.unit, parent);
        crate::assemble::assemble(unit, &self.filename).map(Rc::new)
    }

    /// The qualname of a new child named `name` of the current unit.
    fn child_qualname(&self, name: &str, child: ScopeId) -> String {
        if self.stack.is_empty() {
            return name.to_string();
        }
        // a function declared global in its parent has a top-level qualname
        if self.scope_kind().is_function() || self.scope_kind() == ScopeKind::Class {
            let parent = &self.table.scopes[self.unit.scope];
            if parent.kind_of(name) == NameKind::GlobalExplicit && self.table.scopes[child].kind != ScopeKind::Comprehension {
                return name.to_string();
            }
        }
        if self.scope_kind().is_function() {
            format!("{}.<locals>.{}", self.unit.qualname, name)
        } else {
            format!("{}.{}", self.unit.qualname, name)
        }
    }

    /// Private name mangling (`__x` inside class `C` → `_C__x`).
    fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        let Some(class) = self.class_names.last() else { return name.into() };
        if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
            return name.into();
        }
        let stripped = class.trim_start_matches('_');
        if stripped.is_empty() {
            return name.into();
        }
        format!("_{stripped}{name}").into()
    }

    /// Emits the load/store/delete of a variable, choosing FAST/DEREF/GLOBAL/NAME
    /// from the symbol table like CPython's `compiler_nameop`.
    fn name_op(&mut self, name: &str, ctx: Ctx) -> CResult<()> {
        // the symbol table works on source names; dict-based namespaces see mangled ones
        let mangled = self.mangle(name).into_owned();
        let scope = &self.table.scopes[self.unit.scope];
        let mut kind = scope.kind_of(name);
        let fkind = scope.kind;
        if kind == NameKind::GlobalImplicit && self.unit.freevars.iter().any(|f| &**f == name) && fkind != ScopeKind::Class {
            kind = NameKind::Free;
        }
        if name == "__class__" && fkind.is_function() && self.unit.freevars.iter().any(|f| &**f == "__class__") {
            kind = NameKind::Free;
        }
        match (kind, ctx) {
            (NameKind::Free, Ctx::Load) if fkind == ScopeKind::Class => {
                let i = self.deref_index(name);
                self.emit(Opcode::LoadClassderef, i);
            }
            (NameKind::Free | NameKind::Cell, _) => {
                let i = self.deref_index(name);
                let op = match ctx {
                    Ctx::Load => Opcode::LoadDeref,
                    Ctx::Store => Opcode::StoreDeref,
                    Ctx::Del => Opcode::DeleteDeref,
                };
                self.emit(op, i);
            }
            (NameKind::Local, _) if fkind.is_function() => {
                let i = self.varname(name);
                let op = match ctx {
                    Ctx::Load => Opcode::LoadFast,
                    Ctx::Store => Opcode::StoreFast,
                    Ctx::Del => Opcode::DeleteFast,
                };
                self.emit(op, i);
            }
            (NameKind::GlobalExplicit, _) | (NameKind::GlobalImplicit, _) if fkind.is_function() || kind == NameKind::GlobalExplicit => {
                let name = mangled.as_str();
                let op = match ctx {
                    Ctx::Load => Opcode::LoadGlobal,
                    Ctx::Store => Opcode::StoreGlobal,
                    Ctx::Del => Opcode::DeleteGlobal,
                };
                self.emit_name(op, name);
            }
            _ => {
                let name = mangled.as_str();
                let op = match ctx {
                    Ctx::Load => Opcode::LoadName,
                    Ctx::Store => Opcode::StoreName,
                    Ctx::Del => Opcode::DeleteName,
                };
                self.emit_name(op, name);
            }
        }
        Ok(())
    }

    fn store_name(&mut self, name: &str) -> CResult<()> {
        self.name_op(name, Ctx::Store)
    }

    /// The docstring of a body, if its first statement is a string constant.
    fn docstring(&self, body: &[ast::Stmt]) -> Option<String> {
        if let Some(ast::Stmt::Expr(e)) = body.first() {
            if let ast::Expr::Constant(c) = &*e.value {
                if let ast::Constant::Str(s) = &c.value {
                    return Some(s.clone());
                }
            }
        }
        None
    }

    // ---- blocks and unwinding ----

    fn push_fblock(&mut self, kind: FKind<'a>) {
        let fb = FBlock { kind, outer: self.unit.handler, depth: self.unit.depth };
        self.unit.fblocks.push(fb);
    }

    fn pop_fblock(&mut self) {
        self.unit.fblocks.pop();
    }

    /// Emits the code that leaves block `fb` (CPython's `compiler_unwind_fblock`).
    fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult<()> {
        match fb.kind {
            FKind::While { .. } | FKind::TryExcept => {}
            FKind::For { .. } => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
            FKind::FinallyTry(body) => {
                self.unit.handler = fb.outer;
                let saved_depth = self.unit.depth;
                self.unit.depth = fb.depth + preserve_tos as u32;
                self.stmts(body)?;
                self.unit.depth = saved_depth;
            }
            FKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopExcept, 0);
            }
            FKind::HandlerCleanup(name) => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopExcept, 0);
                if let Some(n) = name {
                    self.unit.handler = fb.outer;
                    self.load_const(Constant::None);
                    self.name_op(n, Ctx::Store)?;
                    self.name_op(n, Ctx::Del)?;
                }
            }
            FKind::With(is_async) => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.unit.handler = fb.outer;
                for _ in 0..3 {
                    self.load_const(Constant::None);
                }
                self.emit(Opcode::CallFunction, 3);
                if is_async {
                    self.emit_await();
                }
                self.emit(Opcode::PopTop, 0);
            }
        }
        self.unit.handler = fb.outer;
        Ok(())
    }

    /// `await` of the value on top of the stack: `GET_AWAITABLE; LOAD_CONST None; YIELD_FROM`.
    pub(super) fn emit_await(&mut self) {
        self.emit(Opcode::GetAwaitable, 0);
        self.load_const(Constant::None);
        self.emit(Opcode::YieldFrom, 0);
    }

    /// Unwinds every block for `return`.
    fn unwind_all(&mut self, preserve_tos: bool) -> CResult<()> {
        let saved = self.unit.fblocks.clone();
        while let Some(fb) = self.unit.fblocks.pop() {
            self.unwind_fblock(&fb, preserve_tos)?;
        }
        self.unit.fblocks = saved;
        Ok(())
    }

    /// Unwinds up to the innermost loop for `break`/`continue`; returns (cont, exit).
    fn unwind_to_loop(&mut self, is_break: bool) -> CResult<Option<(Label, Label)>> {
        let saved = self.unit.fblocks.clone();
        let mut found = None;
        while let Some(fb) = self.unit.fblocks.pop() {
            match fb.kind {
                FKind::While { cont, exit } | FKind::For { cont, exit } => {
                    if is_break {
                        self.unwind_fblock(&fb, false)?;
                    }
                    found = Some((cont, exit));
                    break;
                }
                _ => self.unwind_fblock(&fb, false)?,
            }
        }
        self.unit.fblocks = saved;
        Ok(found)
    }
}
