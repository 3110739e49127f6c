//! Scope analysis: which names are local, global, free or cell in each scope.
//!
//! Mirrors CPython's `Python/symtable.c`: a first pass records how every scope
//! (module, class, function, lambda, comprehension) uses each name; a second pass
//! resolves them top-down with the set of names bound in enclosing function scopes.
//! Class bodies do not make their names visible to methods; a method that mentions
//! `super` or `__class__` gets an implicit free `__class__` whose cell lives in the
//! class body. Every comprehension and generator expression is a function scope
//! whose one parameter `.0` is the already-evaluated outermost iterable. Also raises
//! the SyntaxErrors CPython raises from the symbol table and from target checks.

use crate::parse::{ast, LineIndex, Parsed, Body, Ranged};
use crate::{CompileError, ErrorKind};
use std::collections::{HashMap, HashSet};

pub type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Scopes with fast locals (CPython's function blocks).
    pub fn is_function(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// How a name is resolved in one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

mod def {
    pub const LOCAL: u32 = 1;
    pub const PARAM: u32 = 2;
    pub const GLOBAL: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    flags: HashMap<String, u32>,
    order: Vec<String>,
    decl_pos: HashMap<String, (u32, u32)>,
    /// Parameter names in `co_varnames` order.
    pub params: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub varargs: bool,
    pub varkeywords: bool,
    pub is_generator: bool,
    /// CPython's `ste_coroutine`: an `async def`, or a comprehension with `async for`
    /// or `await` (or an async comprehension nested in it). Calls make coroutines, or
    /// asynchronous generators when the scope is also a generator (PEP 525, 530).
    pub is_coroutine: bool,
    pub kinds: HashMap<String, NameKind>,
    /// Sorted, as CPython.
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Class body that needs a `__class__` cell.
    pub needs_class_cell: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            children: Vec::new(),
            flags: HashMap::new(),
            order: Vec::new(),
            decl_pos: HashMap::new(),
            params: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varargs: false,
            varkeywords: false,
            is_generator: false,
            is_coroutine: false,
            kinds: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            needs_class_cell: false,
        }
    }

    /// How `name` resolves here (names never seen are implicit globals).
    pub fn kind_of(&self, name: &str) -> NameKind {
        self.kinds.get(name).copied().unwrap_or(NameKind::GlobalImplicit)
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_range: HashMap<(u32, u32), ScopeId>,
}

impl SymbolTable {
    /// The scope created by the node spanning `range` (function, class, lambda, comprehension).
    pub fn scope_at(&self, range: ast::text_size::TextRange) -> Option<ScopeId> {
        self.by_range.get(&(range.start().into(), range.end().into())).copied()
    }

    pub fn build(parsed: &Parsed, index: &LineIndex, filename: &str) -> Result<SymbolTable, CompileError> {
        let mut b = Builder {
            t: SymbolTable { scopes: vec![Scope::new(ScopeKind::Module, "top", None)], by_range: HashMap::new() },
            cur: 0,
            loops: vec![0],
            index,
            filename,
            depth: 0,
        };
        match &parsed.body {
            Body::Module(stmts) => b.stmts(stmts)?,
            Body::Expression(e) => b.expr(e)?,
        }
        let mut t = b.t;
        analyze(&mut t, 0, &HashSet::new(), index, filename)?;
        Ok(t)
    }
}

struct Builder<'a> {
    t: SymbolTable,
    cur: ScopeId,
    loops: Vec<u32>,
    index: &'a LineIndex,
    filename: &'a str,
    /// Current nesting of statements and expressions: the compiler's passes recurse
    /// over the tree, so a bound here bounds their native stack use too.
    depth: u32,
}

/// Deepest statement/expression nesting accepted (CPython raises RecursionError
/// "maximum recursion depth exceeded during compilation" at a similar point).
const MAX_NESTING: u32 = 20_000;

type R = Result<(), CompileError>;

fn rng(r: ast::text_size::TextRange) -> (u32, u32) {
    (r.start().into(), r.end().into())
}

/// CPython's name for an expression that is not a valid target.
pub fn target_desc(e: &ast::Expr) -> Option<&'static str> {
    use ast::Expr::*;
    Some(match e {
        Call(_) => "function call",
        Constant(c) => match c.value {
            ast::Constant::None => "None",
            ast::Constant::Bool(true) => "True",
            ast::Constant::Bool(false) => "False",
            ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        BinOp(_) | UnaryOp(_) | BoolOp(_) => "expression",
        Compare(_) => "comparison",
        Lambda(_) => "lambda",
        IfExp(_) => "conditional expression",
        ListComp(_) => "list comprehension",
        SetComp(_) => "set comprehension",
        DictComp(_) => "dict comprehension",
        GeneratorExp(_) => "generator expression",
        Yield(_) | YieldFrom(_) => "yield expression",
        Await(_) => "await expression",
        Dict(_) => "dict literal",
        Set(_) => "set display",
        JoinedStr(_) | FormattedValue(_) => "f-string expression",
        NamedExpr(_) => "named expression",
        Slice(_) => "slice",
        _ => return None,
    })
}

impl<'a> Builder<'a> {
    fn err(&self, msg: impl Into<String>, r: ast::text_size::TextRange) -> CompileError {
        self.index.error(ErrorKind::SyntaxError, msg, self.filename, r.start().into(), r.end().into())
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.t.scopes[self.cur]
    }

    fn add(&mut self, name: &str, flag: u32) {
        let s = self.scope();
        match s.flags.get_mut(name) {
            Some(f) => *f |= flag,
            None => {
                s.flags.insert(name.to_string(), flag);
                s.order.push(name.to_string());
            }
        }
    }

    fn flags(&self, name: &str) -> u32 {
        self.t.scopes[self.cur].flags.get(name).copied().unwrap_or(0)
    }

    fn push_scope(&mut self, kind: ScopeKind, name: &str, r: ast::text_size::TextRange) -> ScopeId {
        let id = self.t.scopes.len();
        self.t.scopes.push(Scope::new(kind, name, Some(self.cur)));
        self.t.scopes[self.cur].children.push(id);
        self.t.by_range.insert(rng(r), id);
        self.cur = id;
        self.loops.push(0);
        id
    }

    fn pop_scope(&mut self) {
        self.loops.pop();
        self.cur = self.t.scopes[self.cur].parent.unwrap_or(0);
    }

    fn unsupported(&self, what: &str, r: ast::text_size::TextRange) -> CompileError {
        self.err(format!("pyhop does not support {what} yet"), r)
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn in_loop(&self) -> bool {
        self.loops.last().copied().unwrap_or(0) > 0
    }

    fn loop_body(&mut self, body: &[ast::Stmt]) -> R {
        if let Some(l) = self.loops.last_mut() {
            *l += 1;
        }
        let r = self.stmts(body);
        if let Some(l) = self.loops.last_mut() {
            *l -= 1;
        }
        r
    }

    fn params(&mut self, args: &ast::Arguments) -> R {
        let s = self.scope();
        s.posonlyargcount = args.posonlyargs.len() as u32;
        s.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        s.kwonlyargcount = args.kwonlyargs.len() as u32;
        s.varargs = args.vararg.is_some();
        s.varkeywords = args.kwarg.is_some();
        let mut names: Vec<&ast::Arg> = Vec::new();
        names.extend(args.posonlyargs.iter().map(|a| &a.def));
        names.extend(args.args.iter().map(|a| &a.def));
        names.extend(args.kwonlyargs.iter().map(|a| &a.def));
        names.extend(args.vararg.iter().map(|a| &**a));
        names.extend(args.kwarg.iter().map(|a| &**a));
        for a in names {
            let n = a.arg.as_str();
            if self.flags(n) & def::PARAM != 0 {
                return Err(self.err(format!("duplicate argument '{n}' in function definition"), a.range));
            }
            self.add(n, def::PARAM);
            self.scope().params.push(n.to_string());
        }
        Ok(())
    }

    fn arg_defaults_and_annotations(&mut self, args: &ast::Arguments) -> R {
        for a in args.posonlyargs.iter().chain(&args.args) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn annotations(&mut self, args: &ast::Arguments) -> R {
        let all = args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs).map(|a| &a.def);
        for a in all.chain(args.vararg.iter().map(|a| &**a)).chain(args.kwarg.iter().map(|a| &**a)) {
            if let Some(ann) = &a.annotation {
                self.expr(ann)?;
            }
        }
        Ok(())
    }

    fn enter(&mut self, r: ast::text_size::TextRange) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let (s, e) = rng(r);
            return Err(self.index.error(
                ErrorKind::RecursionError,
                "maximum recursion depth exceeded during compilation",
                self.filename,
                s,
                e,
            ));
        }
        Ok(())
    }

    fn stmt(&mut self, s: &ast::Stmt) -> R {
        self.enter(s.range())?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &ast::Stmt) -> R {
        use ast::Stmt::*;
        match s {
            FunctionDef(f) => {
                if !f.type_params.is_empty() {
                    return Err(self.unsupported("type parameter syntax", f.range));
                }
                self.function_scope(f.name.as_str(), &f.args, &f.body, &f.decorator_list, f.returns.as_deref(), f.range, false)?;
            }
            AsyncFunctionDef(f) => {
                if !f.type_params.is_empty() {
                    return Err(self.unsupported("type parameter syntax", f.range));
                }
                self.function_scope(f.name.as_str(), &f.args, &f.body, &f.decorator_list, f.returns.as_deref(), f.range, true)?;
            }
            AsyncFor(f) => {
                self.async_allowed("'async for'", f.range)?;
                self.expr(&f.iter)?;
                self.check_target(&f.target, false)?;
                self.expr(&f.target)?;
                self.loop_body(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            AsyncWith(w) => {
                self.async_allowed("'async with'", w.range)?;
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.check_target(v, false)?;
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            TryStar(t) => return Err(self.unsupported("'except*'", t.range)),
            TypeAlias(t) => return Err(self.unsupported("type parameter syntax", t.range)),
            ClassDef(c) => {
                if !c.type_params.is_empty() {
                    return Err(self.unsupported("type parameter syntax", c.range));
                }
                for d in &c.decorator_list {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.add(c.name.as_str(), def::LOCAL);
                self.push_scope(ScopeKind::Class, c.name.as_str(), c.range);
                self.stmts(&c.body)?;
                self.pop_scope();
            }
            Return(r) => {
                if !self.t.scopes[self.cur].kind.is_function() {
                    return Err(self.err("'return' outside function", r.range));
                }
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Delete(d) => {
                for t in &d.targets {
                    self.check_del(t)?;
                    self.expr(t)?;
                }
            }
            Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.check_target(t, a.targets.len() == 1 && std::ptr::eq(t, &a.targets[a.targets.len() - 1]))?;
                    self.expr(t)?;
                }
            }
            AugAssign(a) => {
                match &*a.target {
                    ast::Expr::Name(_) | ast::Expr::Attribute(_) | ast::Expr::Subscript(_) => {}
                    other => {
                        let d = match other {
                            ast::Expr::Tuple(_) => "tuple",
                            ast::Expr::List(_) => "list",
                            ast::Expr::Starred(_) => "starred",
                            e => target_desc(e).unwrap_or("expression"),
                        };
                        return Err(self.err(format!("'{d}' is an illegal expression for augmented assignment"), other.range()));
                    }
                }
                if let ast::Expr::Name(n) = &*a.target {
                    self.add(n.id.as_str(), def::USE);
                }
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            AnnAssign(a) => {
                if let ast::Expr::Name(n) = &*a.target {
                    if self.flags(n.id.as_str()) & (def::GLOBAL | def::NONLOCAL) != 0 && a.simple {
                        let what = if self.flags(n.id.as_str()) & def::GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.err(format!("annotated name '{}' can't be {what}", n.id), n.range));
                    }
                    self.add(n.id.as_str(), def::LOCAL);
                } else {
                    self.check_target(&a.target, false)?;
                    self.expr(&a.target)?;
                }
                if !self.t.scopes[self.cur].kind.is_function() || !a.simple {
                    self.expr(&a.annotation)?;
                }
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            For(f) => {
                self.expr(&f.iter)?;
                self.check_target(&f.target, false)?;
                self.expr(&f.target)?;
                self.loop_body(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            While(w) => {
                self.expr(&w.test)?;
                self.loop_body(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)?;
            }
            With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.check_target(v, false)?;
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add(n.as_str(), def::LOCAL);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.as_str().split('.').next().unwrap_or(""),
                    };
                    self.add(bound, def::LOCAL);
                }
            }
            ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.t.scopes[self.cur].kind != ScopeKind::Module {
                            return Err(self.err("import * only allowed at module level", i.range));
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.add(bound.as_str(), def::LOCAL);
                }
            }
            Global(g) => {
                for n in &g.names {
                    let name = n.as_str();
                    let f = self.flags(name);
                    let problem = if f & def::PARAM != 0 {
                        Some(format!("name '{name}' is parameter and global"))
                    } else if f & def::NONLOCAL != 0 {
                        Some(format!("name '{name}' is nonlocal and global"))
                    } else if f & def::LOCAL != 0 {
                        Some(format!("name '{name}' is assigned to before global declaration"))
                    } else if f & def::USE != 0 {
                        Some(format!("name '{name}' is used prior to global declaration"))
                    } else {
                        None
                    };
                    if let Some(m) = problem {
                        return Err(self.err(m, g.range));
                    }
                    self.add(name, def::GLOBAL);
                }
            }
            Nonlocal(g) => {
                if self.t.scopes[self.cur].kind == ScopeKind::Module {
                    return Err(self.err("nonlocal declaration not allowed at module level", g.range));
                }
                for n in &g.names {
                    let name = n.as_str();
                    let f = self.flags(name);
                    let problem = if f & def::PARAM != 0 {
                        Some(format!("name '{name}' is parameter and nonlocal"))
                    } else if f & def::GLOBAL != 0 {
                        Some(format!("name '{name}' is nonlocal and global"))
                    } else if f & def::LOCAL != 0 {
                        Some(format!("name '{name}' is assigned to before nonlocal declaration"))
                    } else if f & def::USE != 0 {
                        Some(format!("name '{name}' is used prior to nonlocal declaration"))
                    } else {
                        None
                    };
                    if let Some(m) = problem {
                        return Err(self.err(m, g.range));
                    }
                    self.add(name, def::NONLOCAL);
                    let r = rng(g.range);
                    self.scope().decl_pos.insert(name.to_string(), r);
                }
            }
            Expr(e) => self.expr(&e.value)?,
            Pass(_) => {}
            Break(b) => {
                if !self.in_loop() {
                    return Err(self.err("'break' outside loop", b.range));
                }
            }
            Continue(c) => {
                if !self.in_loop() {
                    return Err(self.err("'continue' not properly in loop", c.range));
                }
            }
        }
        Ok(())
    }

    fn check_del(&self, e: &ast::Expr) -> R {
        match e {
            ast::Expr::Name(_) | ast::Expr::Attribute(_) | ast::Expr::Subscript(_) => Ok(()),
            ast::Expr::Tuple(t) => t.elts.iter().try_for_each(|x| self.check_del(x)),
            ast::Expr::List(t) => t.elts.iter().try_for_each(|x| self.check_del(x)),
            other => {
                let d = match other {
                    ast::Expr::Starred(_) => "starred",
                    o => target_desc(o).unwrap_or("expression"),
                };
                Err(self.err(format!("cannot delete {d}"), other.range()))
            }
        }
    }

    /// Checks an assignment target; `single` is the lone target of `a = b`.
    fn check_target(&self, e: &ast::Expr, single: bool) -> R {
        match e {
            ast::Expr::Name(n) if n.id.as_str() == "__debug__" => Err(self.err("cannot assign to __debug__", n.range)),
            ast::Expr::Name(_) | ast::Expr::Attribute(_) | ast::Expr::Subscript(_) => Ok(()),
            ast::Expr::Starred(s) => {
                if single {
                    return Err(self.err("starred assignment target must be in a list or tuple", s.range));
                }
                self.check_target(&s.value, false)
            }
            ast::Expr::Tuple(ast::ExprTuple { elts, .. }) | ast::Expr::List(ast::ExprList { elts, .. }) => {
                let stars = elts.iter().filter(|x| matches!(x, ast::Expr::Starred(_))).count();
                if stars > 1 {
                    return Err(self.err("multiple starred expressions in assignment", e.range()));
                }
                for x in elts {
                    match x {
                        ast::Expr::Starred(s) => self.check_target(&s.value, false)?,
                        x => self.check_target(x, false)?,
                    }
                }
                Ok(())
            }
            other => {
                let d = target_desc(other).unwrap_or("expression");
                let here = single
                    && !matches!(other, ast::Expr::IfExp(_) | ast::Expr::Lambda(_) | ast::Expr::Compare(_) | ast::Expr::NamedExpr(_))
                    && !matches!(d, "None" | "True" | "False");
                let msg = if here {
                    format!("cannot assign to {d} here. Maybe you meant '==' instead of '='?")
                } else {
                    format!("cannot assign to {d}")
                };
                Err(self.err(msg, other.range()))
            }
        }
    }

    /// The names a `case` pattern captures are locals; its values and classes are uses.
    fn pattern(&mut self, p: &ast::Pattern) -> R {
        self.enter(p.range())?;
        let r = self.pattern_inner(p);
        self.depth -= 1;
        r
    }

    fn pattern_inner(&mut self, p: &ast::Pattern) -> R {
        use ast::Pattern::*;
        match p {
            MatchValue(v) => self.expr(&v.value)?,
            MatchSingleton(_) => {}
            MatchSequence(s) => {
                for x in &s.patterns {
                    self.pattern(x)?;
                }
            }
            MatchMapping(m) => {
                self.exprs(&m.keys)?;
                for x in &m.patterns {
                    self.pattern(x)?;
                }
                if let Some(rest) = &m.rest {
                    self.capture(rest.as_str(), m.range)?;
                }
            }
            MatchClass(c) => {
                self.expr(&c.cls)?;
                for x in c.patterns.iter().chain(&c.kwd_patterns) {
                    self.pattern(x)?;
                }
            }
            MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.capture(n.as_str(), s.range)?;
                }
            }
            MatchAs(a) => {
                if let Some(x) = &a.pattern {
                    self.pattern(x)?;
                }
                if let Some(n) = &a.name {
                    self.capture(n.as_str(), a.range)?;
                }
            }
            MatchOr(o) => {
                for x in &o.patterns {
                    self.pattern(x)?;
                }
            }
        }
        Ok(())
    }

    fn capture(&mut self, name: &str, r: ast::text_size::TextRange) -> R {
        if name == "__debug__" {
            return Err(self.err("cannot assign to __debug__", r));
        }
        self.add(name, def::LOCAL);
        Ok(())
    }

    fn exprs(&mut self, es: &[ast::Expr]) -> R {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &ast::Expr) -> R {
        self.enter(e.range())?;
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &ast::Expr) -> R {
        use ast::Expr::*;
        match e {
            BoolOp(b) => self.exprs(&b.values)?,
            NamedExpr(n) => {
                self.expr(&n.value)?;
                if let Name(t) = &*n.target {
                    self.walrus_target(t.id.as_str(), n.range)?;
                } else {
                    return Err(self.err(format!("cannot use assignment expressions with {}", target_desc(&n.target).unwrap_or("expression")), n.target.range()));
                }
            }
            BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            UnaryOp(u) => self.expr(&u.operand)?,
            Lambda(l) => {
                self.arg_defaults_and_annotations(&l.args)?;
                self.push_scope(ScopeKind::Lambda, "<lambda>", l.range);
                self.params(&l.args)?;
                self.expr(&l.body)?;
                self.pop_scope();
            }
            IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(&d.values)?;
            }
            Set(s) => self.exprs(&s.elts)?,
            ListComp(c) => self.comprehension("<listcomp>", c.range, &c.generators, &[&c.elt], false)?,
            SetComp(c) => self.comprehension("<setcomp>", c.range, &c.generators, &[&c.elt], false)?,
            DictComp(c) => self.comprehension("<dictcomp>", c.range, &c.generators, &[&c.key, &c.value], false)?,
            GeneratorExp(c) => self.comprehension("<genexpr>", c.range, &c.generators, &[&c.elt], true)?,
            Await(a) => {
                self.async_allowed("'await'", a.range)?;
                self.expr(&a.value)?;
            }
            Yield(y) => {
                self.yield_allowed(y.range)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            YieldFrom(y) => {
                self.yield_allowed(y.range)?;
                self.expr(&y.value)?;
            }
            Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)?;
            }
            Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.args)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
            }
            FormattedValue(f) => {
                self.expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.expr(s)?;
                }
            }
            JoinedStr(j) => self.exprs(&j.values)?,
            Constant(_) => {}
            Attribute(a) => self.expr(&a.value)?,
            Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Starred(s) => self.expr(&s.value)?,
            Name(n) => {
                let name = n.id.as_str();
                match n.ctx {
                    ast::ExprContext::Load => {
                        self.add(name, def::USE);
                        if name == "super" && self.t.scopes[self.cur].kind.is_function() {
                            self.add("__class__", def::USE);
                        }
                    }
                    _ => self.add(name, def::LOCAL),
                }
            }
            List(l) => self.exprs(&l.elts)?,
            Tuple(t) => self.exprs(&t.elts)?,
            Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }

    /// A function scope (`def` or `async def`): decorators, defaults and annotations in
    /// the enclosing scope, parameters and body in the new one.
    #[allow(clippy::too_many_arguments)]
    fn function_scope(
        &mut self,
        name: &str,
        args: &ast::Arguments,
        body: &[ast::Stmt],
        decorators: &[ast::Expr],
        returns: Option<&ast::Expr>,
        range: ast::text_size::TextRange,
        is_async: bool,
    ) -> R {
        for d in decorators {
            self.expr(d)?;
        }
        self.arg_defaults_and_annotations(args)?;
        self.annotations(args)?;
        if let Some(r) = returns {
            self.expr(r)?;
        }
        self.add(name, def::LOCAL);
        self.push_scope(ScopeKind::Function, name, range);
        self.scope().is_coroutine = is_async;
        self.params(args)?;
        self.stmts(body)?;
        self.pop_scope();
        Ok(())
    }

    /// `await`, `async for`, `async with` belong in an `async def`. An `await` in a
    /// comprehension makes it asynchronous; whether that is allowed is decided where
    /// the comprehension ends (`comprehension`).
    fn async_allowed(&mut self, what: &str, r: ast::text_size::TextRange) -> R {
        let s = &self.t.scopes[self.cur];
        if s.kind == ScopeKind::Comprehension && what == "'await'" {
            self.scope().is_coroutine = true;
            return Ok(());
        }
        if s.is_coroutine && s.kind == ScopeKind::Function {
            return Ok(());
        }
        if matches!(s.kind, ScopeKind::Module | ScopeKind::Class) && what == "'await'" {
            return Err(self.err("'await' outside function", r));
        }
        Err(self.err(format!("{what} outside async function"), r))
    }

    fn yield_allowed(&mut self, r: ast::text_size::TextRange) -> R {
        match self.t.scopes[self.cur].kind {
            ScopeKind::Module | ScopeKind::Class => Err(self.err("'yield' outside function", r)),
            ScopeKind::Comprehension => {
                let what = match self.t.scopes[self.cur].name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                Err(self.err(format!("'yield' inside {what}"), r))
            }
            _ => {
                self.scope().is_generator = true;
                Ok(())
            }
        }
    }

    /// `x := v`: inside comprehensions, binds in the nearest enclosing non-comprehension scope.
    fn walrus_target(&mut self, name: &str, r: ast::text_size::TextRange) -> R {
        if self.t.scopes[self.cur].kind != ScopeKind::Comprehension {
            self.add(name, def::LOCAL);
            return Ok(());
        }
        let mut chain = vec![self.cur];
        let mut s = self.cur;
        while self.t.scopes[s].kind == ScopeKind::Comprehension {
            match self.t.scopes[s].parent {
                Some(p) => s = p,
                None => break,
            }
            chain.push(s);
        }
        let target = s;
        let tkind = self.t.scopes[target].kind;
        if tkind == ScopeKind::Class {
            return Err(self.err("assignment expression within a comprehension cannot be used in a class body", r));
        }
        let saved = self.cur;
        for &c in &chain[..chain.len() - 1] {
            self.cur = c;
            if self.flags(name) & def::LOCAL != 0 {
                self.cur = saved;
                return Err(self.err(format!("assignment expression cannot rebind comprehension iteration variable '{name}'"), r));
            }
            let flag = if tkind == ScopeKind::Module { def::GLOBAL } else { def::NONLOCAL };
            self.add(name, flag);
            self.scope().decl_pos.insert(name.to_string(), rng(r));
        }
        self.cur = target;
        self.add(name, def::LOCAL);
        self.cur = saved;
        Ok(())
    }

    fn comprehension(
        &mut self,
        name: &str,
        r: ast::text_size::TextRange,
        gens: &[ast::Comprehension],
        elts: &[&ast::Expr],
        is_gen: bool,
    ) -> R {
        let Some(first) = gens.first() else { return Ok(()) };
        self.expr(&first.iter)?;
        self.push_scope(ScopeKind::Comprehension, name, r);
        self.scope().is_generator = is_gen;
        if gens.iter().any(|g| g.is_async) {
            self.scope().is_coroutine = true;
        }
        self.scope().argcount = 1;
        self.add(".0", def::PARAM);
        self.scope().params.push(".0".to_string());
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.check_target(&g.target, false)?;
            self.expr(&g.target)?;
            self.exprs(&g.ifs)?;
        }
        for e in elts {
            self.expr(e)?;
        }
        let is_async = self.scope().is_coroutine && !is_gen;
        self.pop_scope();
        // An asynchronous list/set/dict comprehension is awaited where it is built, so
        // it needs an `async def` or another comprehension around it (which it makes
        // asynchronous too); an asynchronous generator expression can go anywhere
        // (CPython 3.11's `compiler_comprehension`).
        if is_async {
            let parent = &self.t.scopes[self.cur];
            match parent.kind {
                ScopeKind::Comprehension => self.scope().is_coroutine = true,
                ScopeKind::Function if parent.is_coroutine => {}
                _ => return Err(self.err("asynchronous comprehension outside of an asynchronous function", r)),
            }
        }
        Ok(())
    }
}

/// Second pass: resolves every scope's names; returns the free names `id` needs from outside.
fn analyze(t: &mut SymbolTable, id: ScopeId, bound: &HashSet<String>, index: &LineIndex, filename: &str) -> Result<HashSet<String>, CompileError> {
    let kind = t.scopes[id].kind;
    let mut kinds: HashMap<String, NameKind> = HashMap::new();
    let mut locals: HashSet<String> = HashSet::new();
    let mut explicit_globals: HashSet<String> = HashSet::new();
    for name in t.scopes[id].order.clone() {
        let f = t.scopes[id].flags[&name];
        let k = if f & def::GLOBAL != 0 {
            explicit_globals.insert(name.clone());
            NameKind::GlobalExplicit
        } else if f & def::NONLOCAL != 0 {
            if !bound.contains(&name) {
                let (s, e) = t.scopes[id].decl_pos.get(&name).copied().unwrap_or((0, 0));
                return Err(index.error(ErrorKind::SyntaxError, format!("no binding for nonlocal '{name}' found"), filename, s, e));
            }
            NameKind::Free
        } else if f & (def::LOCAL | def::PARAM) != 0 {
            locals.insert(name.clone());
            NameKind::Local
        } else if kind != ScopeKind::Module && bound.contains(&name) {
            NameKind::Free
        } else {
            NameKind::GlobalImplicit
        };
        kinds.insert(name, k);
    }
    let mut child_bound = bound.clone();
    match kind {
        ScopeKind::Module => child_bound.clear(),
        ScopeKind::Class => {
            child_bound.insert("__class__".to_string());
        }
        _ => {
            child_bound.extend(locals.iter().cloned());
            for g in &explicit_globals {
                child_bound.remove(g);
            }
        }
    }
    let mut child_free = HashSet::new();
    for c in t.scopes[id].children.clone() {
        child_free.extend(analyze(t, c, &child_bound, index, filename)?);
    }
    let mut free_out: HashSet<String> = HashSet::new();
    let mut class_passthrough: Vec<String> = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    for name in child_free {
        if kind == ScopeKind::Class && name == "__class__" {
            t.scopes[id].needs_class_cell = true;
            cells.push(name);
            continue;
        }
        match kinds.get(&name).copied() {
            Some(NameKind::Local) | Some(NameKind::Cell) if kind.is_function() => {
                kinds.insert(name.clone(), NameKind::Cell);
            }
            Some(NameKind::Local) => {
                // a class-local name that methods see from an enclosing function
                class_passthrough.push(name.clone());
                free_out.insert(name);
            }
            _ => {
                if kind != ScopeKind::Module {
                    kinds.insert(name.clone(), NameKind::Free);
                    free_out.insert(name);
                }
            }
        }
    }
    for (n, k) in &kinds {
        match k {
            NameKind::Free => {
                free_out.insert(n.clone());
            }
            NameKind::Cell => cells.push(n.clone()),
            _ => {}
        }
    }
    cells.sort();
    cells.dedup();
    let mut frees: Vec<String> = free_out.iter().cloned().collect();
    frees.sort();
    let _ = class_passthrough;
    let s = &mut t.scopes[id];
    s.kinds = kinds;
    s.cellvars = cells;
    s.freevars = frees;
    Ok(free_out)
}
