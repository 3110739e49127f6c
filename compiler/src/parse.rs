//! The only module that touches `rustpython_parser` (the swap point).
//!
//! Mirrors CPython's parser front end: it produces the AST (re-exported as
//! [`ast`] for the later passes), a [`LineIndex`] that turns byte offsets into
//! 1-based lines and 0-based character columns, and translates parser errors into
//! CPython 3.11's messages for the common cases (unclosed brackets, unterminated
//! strings, indentation errors, "Perhaps you forgot a comma?").

use crate::{CompileError, ErrorKind, Mode};
use rustpython_parser as rp;
pub use rustpython_parser::ast;
pub use rustpython_parser::ast::Ranged;
use rustpython_parser::{ParseErrorType, Tok};

/// Byte offset → (line, column) conversion for one source text.
pub struct LineIndex {
    src: String,
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> Self {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { src: src.to_string(), starts }
    }

    /// 1-based line and 0-based character column of byte offset `pos`.
    pub fn line_col(&self, pos: u32) -> (u32, u32) {
        let pos = (pos as usize).min(self.src.len());
        let line = match self.starts.binary_search(&pos) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts[line];
        let col = self.src.get(start..pos).map_or(pos - start, |s| s.chars().count());
        (line as u32 + 1, col as u32)
    }

    /// 1-based line and 0-based UTF-8 byte column of byte offset `pos`.
    pub fn line_byte_col(&self, pos: u32) -> (u32, u32) {
        let pos = (pos as usize).min(self.src.len());
        let line = match self.starts.binary_search(&pos) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        (line as u32 + 1, (pos - self.starts[line]) as u32)
    }

    /// The text of 1-based line `line`, without its newline.
    pub fn line_text(&self, line: u32) -> Option<String> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).copied().unwrap_or(self.src.len());
        let s = self.src.get(start..end)?;
        Some(s.trim_end_matches(['\n', '\r']).to_string())
    }

    pub fn source(&self) -> &str {
        &self.src
    }

    /// A SyntaxError spanning bytes `start..end`.
    pub fn error(&self, kind: ErrorKind, msg: impl Into<String>, filename: &str, start: u32, end: u32) -> CompileError {
        let (lineno, col) = self.line_col(start);
        let (end_lineno, end_col) = self.line_col(end.max(start));
        CompileError {
            kind,
            msg: msg.into(),
            filename: filename.to_string(),
            lineno,
            offset: col + 1,
            text: self.line_text(lineno),
            end_lineno,
            end_offset: end_col as i32 + 1,
        }
    }
}

/// The parsed program.
pub enum Body {
    Module(Vec<ast::Stmt>),
    Expression(Box<ast::Expr>),
}

pub struct Parsed {
    pub body: Body,
    pub index: LineIndex,
}

/// Parses `source` for `mode`.
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<Parsed, CompileError> {
    let index = LineIndex::new(source);
    let rp_mode = match mode {
        Mode::Eval => rp::Mode::Expression,
        _ => rp::Mode::Module,
    };
    match rp::parse(source, rp_mode, filename) {
        Ok(ast::Mod::Module(m)) => Ok(Parsed { body: Body::Module(m.body), index }),
        Ok(ast::Mod::Interactive(m)) => Ok(Parsed { body: Body::Module(m.body), index }),
        Ok(ast::Mod::Expression(e)) => Ok(Parsed { body: Body::Expression(e.body), index }),
        Ok(ast::Mod::FunctionType(_)) => Err(index.error(ErrorKind::SyntaxError, "invalid syntax", filename, 0, 0)),
        Err(e) => Err(translate(&index, filename, e)),
    }
}

/// A problem found by [`scan`], the light tokenizer used to name bracket and
/// string errors the way CPython's tokenizer does.
enum ScanIssue {
    Unterminated { start: usize, triple: bool, line: u32 },
    Unmatched { pos: usize, close: char },
    Mismatch { pos: usize, close: char, open: char, open_line: u32 },
    NeverClosed { pos: usize, open: char },
}

fn scan(src: &str, index: &LineIndex) -> Option<ScanIssue> {
    let b: Vec<(usize, char)> = src.char_indices().collect();
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let (pos, c) = b[i];
        match c {
            '#' => {
                while i < b.len() && b[i].1 != '\n' {
                    i += 1;
                }
                continue;
            }
            '\'' | '"' => {
                let triple = i + 2 < b.len() && b[i + 1].1 == c && b[i + 2].1 == c;
                let start = pos;
                // raw strings: a backslash still escapes the quote for termination purposes
                i += if triple { 3 } else { 1 };
                let mut closed = false;
                while i < b.len() {
                    let ch = b[i].1;
                    if ch == '\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && ch == '\n' {
                        break;
                    }
                    if ch == c {
                        if !triple {
                            closed = true;
                            i += 1;
                            break;
                        }
                        if i + 2 < b.len() && b[i + 1].1 == c && b[i + 2].1 == c {
                            closed = true;
                            i += 3;
                            break;
                        }
                    }
                    i += 1;
                }
                if !closed {
                    let end = b.get(i).map_or(src.len(), |x| x.0);
                    let (line, _) = index.line_col(end.saturating_sub(if triple { 1 } else { 0 }) as u32);
                    let line = if triple { index.line_col(src.trim_end().len() as u32).0 } else { line };
                    return Some(ScanIssue::Unterminated { start, triple, line });
                }
                continue;
            }
            '(' | '[' | '{' => stack.push((pos, c)),
            ')' | ']' | '}' => {
                let want = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                match stack.pop() {
                    None => return Some(ScanIssue::Unmatched { pos, close: c }),
                    Some((opos, o)) if o != want => {
                        return Some(ScanIssue::Mismatch { pos, close: c, open: o, open_line: index.line_col(opos as u32).0 })
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack.pop().map(|(pos, open)| ScanIssue::NeverClosed { pos, open })
}

/// The keyword phrase CPython uses in "expected an indented block after ...".
fn block_phrase(line: &str) -> String {
    let t = line.trim_start();
    let word: String = t.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    match word.as_str() {
        "def" => "function definition".into(),
        "class" => "class definition".into(),
        "async" => {
            let rest = t[5..].trim_start();
            if rest.starts_with("def") {
                "function definition".into()
            } else if rest.starts_with("for") {
                "'for' statement".into()
            } else {
                "'with' statement".into()
            }
        }
        "if" | "elif" | "else" | "while" | "for" | "try" | "except" | "finally" | "with" | "match" | "case" => {
            if word == "except" && t[6..].trim_start().starts_with('*') {
                return "'except*' statement".into();
            }
            format!("'{word}' statement")
        }
        _ => "statement".into(),
    }
}

fn translate(index: &LineIndex, filename: &str, e: rp::ParseError) -> CompileError {
    use rp::lexer::LexicalErrorType as L;
    let off: u32 = e.offset.into();
    let syn = |msg: &str, s: u32, end: u32| index.error(ErrorKind::SyntaxError, msg, filename, s, end);
    let src = index.source();
    // Tokenizer-level problems take precedence, as in CPython.
    let scanned = scan(src, index);
    let scan_err = |issue: &ScanIssue| -> CompileError {
        match *issue {
            ScanIssue::Unterminated { start, triple, line } => {
                let msg = if triple {
                    format!("unterminated triple-quoted string literal (detected at line {line})")
                } else {
                    format!("unterminated string literal (detected at line {line})")
                };
                syn(&msg, start as u32, start as u32)
            }
            ScanIssue::Unmatched { pos, close } => syn(&format!("unmatched '{close}'"), pos as u32, pos as u32),
            ScanIssue::Mismatch { pos, close, open, open_line } => {
                let (line, _) = index.line_col(pos as u32);
                let msg = if open_line != line {
                    format!("closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {open_line}")
                } else {
                    format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'")
                };
                syn(&msg, pos as u32, pos as u32)
            }
            ScanIssue::NeverClosed { pos, open } => {
                let mut err = syn(&format!("'{open}' was never closed"), pos as u32, pos as u32);
                err.end_offset = 0;
                err
            }
        }
    };
    match &e.error {
        ParseErrorType::Lexical(L::IndentationError) => {
            let (line, _) = index.line_col(off);
            let text = index.line_text(line).unwrap_or_default();
            let indent = text.chars().take_while(|c| c.is_whitespace()).count() as u32;
            let mut err = index.error(ErrorKind::IndentationError, "unindent does not match any outer indentation level", filename, off, off);
            err.lineno = line;
            err.offset = text.chars().count() as u32 + 1;
            let _ = indent;
            err.end_lineno = line;
            err.end_offset = -1;
            return err;
        }
        ParseErrorType::Lexical(L::TabError) | ParseErrorType::Lexical(L::TabsAfterSpaces) => {
            // CPython's tokenizer reports the line with offset 1 and end offset 0.
            let mut err = index.error(ErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", filename, off, off);
            err.offset = 1;
            err.end_offset = 0;
            return err;
        }
        _ => {}
    }
    if let Some(issue) = &scanned {
        let early = match issue {
            ScanIssue::Unterminated { .. } | ScanIssue::Unmatched { .. } | ScanIssue::Mismatch { .. } => true,
            // Inside an unclosed bracket the logical line runs to the end of the file, so
            // CPython's tokenizer reaches EOF first and reports the bracket.
            ScanIssue::NeverClosed { pos, .. } => {
                matches!(e.error, ParseErrorType::Eof | ParseErrorType::Lexical(L::Eof))
                    || off as usize >= src.trim_end().len()
                    || (off as usize > *pos && index.line_col(off).0 > index.line_col(*pos as u32).0)
            }
        };
        if early {
            return scan_err(issue);
        }
    }
    match &e.error {
        ParseErrorType::UnrecognizedToken(Tok::Indent, _) => {
            let (line, _) = index.line_col(off);
            let mut err = index.error(ErrorKind::IndentationError, "unexpected indent", filename, off, off);
            err.lineno = line;
            err.end_lineno = line;
            // CPython: the offset is the width of the indentation, no end offset.
            let text = index.line_text(line).unwrap_or_default();
            err.text = Some(text.clone());
            err.offset = text.chars().take_while(|c| matches!(c, ' ' | '\t' | '\x0c')).count() as u32;
            err.end_offset = -1;
            err
        }
        ParseErrorType::UnrecognizedToken(_, _) | ParseErrorType::Eof | ParseErrorType::ExtraToken(_)
            if prev_line_opens_block(src, off as usize) =>
        {
            let (line, _) = index.line_col(off);
            let header = header_line(src, off as usize);
            let (hline, _) = index.line_col(header as u32);
            let phrase = block_phrase(&index.line_text(hline).unwrap_or_default());
            let target_line = if matches!(e.error, ParseErrorType::Eof) { hline + 1 } else { line };
            let mut err = index.error(
                ErrorKind::IndentationError,
                format!("expected an indented block after {phrase} on line {hline}"),
                filename,
                off,
                off,
            );
            err.lineno = target_line;
            err.text = index.line_text(target_line);
            let indent = err.text.as_deref().map_or(0, |t| t.chars().take_while(|c| c.is_whitespace()).count() as u32);
            err.offset = indent + 1;
            err.end_lineno = target_line;
            err.end_offset = (indent + 1 + err.text.as_deref().map_or(0, |t| t.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').count() as u32)) as i32;
            err
        }
        ParseErrorType::UnrecognizedToken(tok, _) => {
            let len = token_len(src, off as usize);
            let (line, _) = index.line_col(off);
            let text = index.line_text(line).unwrap_or_default();
            let trimmed = text.trim_start();
            let line_start = off - index.line_col(off).1.min(off);
            if trimmed.starts_with("print ") && !matches!(tok, Tok::Equal | Tok::Newline) {
                let start = line_start + (text.len() - trimmed.len()) as u32;
                return syn("Missing parentheses in call to 'print'. Did you mean print(...)?", start, off + len as u32);
            }
            let word: String = trimmed.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let compound = matches!(word.as_str(), "if" | "elif" | "else" | "while" | "for" | "def" | "class" | "with" | "try" | "except" | "finally");
            if compound && matches!(tok, Tok::Newline) && !text.trim_end().ends_with(':') {
                return syn("expected ':'", off, off);
            }
            if forgot_comma(src, off as usize, tok) {
                let before = src.get(..off as usize).unwrap_or("");
                let t = before.trim_end();
                let mut start = t.len();
                for (i, c) in t.char_indices().rev() {
                    if c.is_alphanumeric() || c == '_' || c == '.' {
                        start = i;
                    } else {
                        break;
                    }
                }
                return syn("invalid syntax. Perhaps you forgot a comma?", start as u32, off + len as u32);
            }
            syn("invalid syntax", off, off + len as u32)
        }
        ParseErrorType::Lexical(L::DuplicateArgumentError(name)) => {
            syn(&format!("duplicate argument '{name}' in function definition"), off, off)
        }
        ParseErrorType::Lexical(L::DuplicateKeywordArgumentError(name)) => {
            syn(&format!("keyword argument repeated: {name}"), off, off)
        }
        ParseErrorType::Lexical(L::DefaultArgumentError) => syn("non-default argument follows default argument", off, off),
        ParseErrorType::Lexical(L::PositionalArgumentError) => syn("positional argument follows keyword argument", off, off),
        ParseErrorType::Lexical(L::UnpackedArgumentError) => {
            syn("iterable argument unpacking follows keyword argument unpacking", off, off)
        }
        ParseErrorType::Lexical(L::OtherError(msg)) => syn(msg, off, off),
        ParseErrorType::Lexical(L::FStringError(fe)) => syn(&format!("f-string: {fe}"), off, off),
        ParseErrorType::Lexical(L::UnicodeError) => syn("(unicode error) malformed \\N character escape", off, off),
        ParseErrorType::Lexical(L::LineContinuationError) => {
            syn("unexpected character after line continuation character", off, off)
        }
        ParseErrorType::Eof | ParseErrorType::Lexical(L::Eof) => {
            let end = src.trim_end().len() as u32;
            syn("invalid syntax", end, end)
        }
        _ => syn("invalid syntax", off, off + token_len(src, off as usize) as u32),
    }
}

/// Length in bytes of the token-ish word at `off` (for `end_offset`).
fn token_len(src: &str, off: usize) -> usize {
    let rest = src.get(off..).unwrap_or("");
    let n: usize = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').map(|c| c.len_utf8()).sum();
    if n == 0 {
        rest.chars().next().map_or(0, |c| if c == '\n' { 0 } else { c.len_utf8() })
    } else {
        n
    }
}

/// The offending token starts a line whose previous logical line ends with `:`.
fn prev_line_opens_block(src: &str, off: usize) -> bool {
    let before = src.get(..off.min(src.len())).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    if !before[line_start..].trim().is_empty() {
        return false;
    }
    let prev = before[..line_start].trim_end();
    let last_line = prev.rsplit('\n').next().unwrap_or("");
    let code = last_line.split('#').next().unwrap_or("").trim_end();
    code.ends_with(':')
}

/// Byte offset of the start of the block header line preceding `off`.
fn header_line(src: &str, off: usize) -> usize {
    let before = src.get(..off.min(src.len())).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let prev = before[..line_start].trim_end();
    prev.rfind('\n').map_or(0, |i| i + 1)
}

/// CPython's "Perhaps you forgot a comma?": two expressions side by side inside brackets.
fn forgot_comma(src: &str, off: usize, tok: &Tok) -> bool {
    let starts_expr = matches!(
        tok,
        Tok::Name { .. } | Tok::Int { .. } | Tok::Float { .. } | Tok::Complex { .. } | Tok::String { .. }
            | Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::True | Tok::False | Tok::None
    );
    if !starts_expr {
        return false;
    }
    let before = src.get(..off).unwrap_or("");
    let mut depth = 0i32;
    for c in before.chars().rev() {
        match c {
            ')' | ']' | '}' => depth += 1,
            '(' | '[' | '{' => {
                if depth == 0 {
                    return before.trim_end().chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ')' || c == ']' || c == '}' || c == '"' || c == '\'');
                }
                depth -= 1;
            }
            '\n' if depth == 0 => return false,
            _ => {}
        }
    }
    false
}
