//! `str.format(*args, **kwargs)` and `str.format_map(mapping)`, as CPython
//! 3.11's `Objects/stringlib/unicode_format.h`: literal text with `{{`/`}}`,
//! replacement fields `{name!conv:spec}` where `name` is an automatic or
//! explicit index or a keyword followed by `.attr` / `[key]` parts, the
//! conversions `!r !s !a`, and format specs that may contain nested fields
//! (two levels deep). Each field is rendered with `format(value, spec)`.

use crate::builtins::str::pystr;
use crate::object::func::Args;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// `fmt.format(*args, **kwargs)`; `a.args[0]` is the format string.
pub fn str_format_method(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(fmt) = a.pos().first().and_then(pystr) else {
        return Err(vm.type_error("descriptor 'format' for 'str' objects doesn't apply to this object"));
    };
    let chars: Vec<char> = fmt.as_str().chars().collect();
    let mut f = Formatter { args: Some(&a.pos()[1..]), kw: Kw::Args(a), auto: Numbering::Unset, next: 0 };
    let out = f.build(vm, &chars, 2)?;
    Ok(Value::string(out))
}

/// `fmt.format_map(mapping)`.
pub fn str_format_map(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "format_map", 2, 2)?;
    let Some(fmt) = pystr(&pos[0]) else {
        return Err(vm.type_error("descriptor 'format_map' for 'str' objects doesn't apply to this object"));
    };
    let chars: Vec<char> = fmt.as_str().chars().collect();
    let mut f = Formatter { args: None, kw: Kw::Map(pos[1].clone()), auto: Numbering::Unset, next: 0 };
    let out = f.build(vm, &chars, 2)?;
    Ok(Value::string(out))
}

/// Where keyword fields come from.
enum Kw<'a> {
    Args(Args<'a>),
    Map(Value),
}

/// CPython's auto-numbering state.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unset,
    Automatic,
    Manual,
}

struct Formatter<'a> {
    /// Positional arguments (`None` for `format_map`).
    args: Option<&'a [Value]>,
    kw: Kw<'a>,
    auto: Numbering,
    next: usize,
}

/// One parsed replacement field.
struct Field {
    name: Vec<char>,
    conversion: Option<char>,
    spec: Vec<char>,
    spec_needs_expanding: bool,
}

impl Formatter<'_> {
    fn build(&mut self, vm: &mut Vm, s: &[char], depth: i32) -> PyResult<String> {
        if depth <= 0 {
            return Err(vm.value_error("Max string recursion exceeded"));
        }
        let mut out = String::with_capacity(s.len());
        let mut i = 0;
        while i < s.len() {
            let c = s[i];
            if c != '{' && c != '}' {
                out.push(c);
                i += 1;
                continue;
            }
            let doubled = s.get(i + 1) == Some(&c);
            if doubled {
                out.push(c);
                i += 2;
                continue;
            }
            if c == '}' {
                return Err(vm.value_error("Single '}' encountered in format string"));
            }
            if i + 1 == s.len() {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            let (field, next) = parse_field(vm, s, i + 1)?;
            self.render(vm, &field, depth, &mut out)?;
            i = next;
        }
        Ok(out)
    }

    fn render(&mut self, vm: &mut Vm, field: &Field, depth: i32, out: &mut String) -> PyResult<()> {
        let obj = self.field_object(vm, &field.name)?;
        let obj = match field.conversion {
            None => obj,
            Some('r') => vm.repr(&obj)?,
            Some('s') => vm.str(&obj)?,
            Some('a') => vm.ascii(&obj)?,
            Some(c) => {
                let msg = if (' '..='~').contains(&c) && c != ' ' {
                    format!("Unknown conversion specifier {c}")
                } else {
                    format!("Unknown conversion specifier \\x{:x}", c as u32)
                };
                return Err(vm.value_error(msg));
            }
        };
        let spec: String = if field.spec_needs_expanding {
            self.build(vm, &field.spec, depth - 1)?
        } else {
            field.spec.iter().collect()
        };
        let r = vm.format(&obj, &spec)?;
        out.push_str(r.as_str().unwrap_or(""));
        Ok(())
    }

    /// Resolve `first(.attr|[key])*`.
    fn field_object(&mut self, vm: &mut Vm, name: &[char]) -> PyResult<Value> {
        let split = name.iter().position(|&c| c == '.' || c == '[').unwrap_or(name.len());
        let (first, mut rest) = name.split_at(split);
        let mut obj = self.first_object(vm, first)?;
        while !rest.is_empty() {
            let (part, is_attr, next) = next_part(vm, rest)?;
            let part_str: String = part.iter().collect();
            obj = if is_attr {
                vm.getattr(&obj, &part_str)?
            } else {
                let key = match integer(vm, part)? {
                    Some(i) => Value::Int(i as i64),
                    None => Value::string(part_str),
                };
                vm.getitem(&obj, &key)?
            };
            rest = next;
        }
        Ok(obj)
    }

    fn first_object(&mut self, vm: &mut Vm, first: &[char]) -> PyResult<Value> {
        let index = integer(vm, first)?;
        let empty = first.is_empty();
        let index =
            if empty || index.is_some() {
                if self.auto == Numbering::Unset {
                    self.auto = if empty { Numbering::Automatic } else { Numbering::Manual };
                }
                match (self.auto, empty) {
                    (Numbering::Manual, true) => {
                        return Err(vm
                            .value_error("cannot switch from manual field specification to automatic field numbering"))
                    }
                    (Numbering::Automatic, false) => {
                        return Err(vm
                            .value_error("cannot switch from automatic field numbering to manual field specification"))
                    }
                    _ => {}
                }
                if empty {
                    self.next += 1;
                    Some(self.next - 1)
                } else {
                    index
                }
            } else {
                None
            };
        match index {
            Some(i) => {
                let Some(args) = self.args else {
                    return Err(vm.value_error("Format string contains positional fields"));
                };
                args.get(i).cloned().ok_or_else(|| {
                    vm.index_error(format!("Replacement index {i} out of range for positional args tuple"))
                })
            }
            None => {
                let key: String = first.iter().collect();
                self.keyword(vm, &key)
            }
        }
    }

    fn keyword(&self, vm: &mut Vm, key: &str) -> PyResult<Value> {
        match &self.kw {
            Kw::Args(a) => a.kwarg(key).cloned().ok_or_else(|| vm.key_error(Value::str(key))),
            Kw::Map(m) => {
                let m = m.clone();
                vm.getitem(&m, &Value::str(key))
            }
        }
    }
}

/// A field name part that is all digits, as an index (`None` otherwise).
fn integer(vm: &Vm, s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.iter().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(c.to_digit(10).unwrap_or(0) as usize))
            .filter(|&n| n <= i64::MAX as usize)
            .ok_or_else(|| vm.value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

/// The next `.attr` or `[key]` of a field name: (name, is_attribute, rest).
fn next_part<'s>(vm: &Vm, s: &'s [char]) -> PyResult<(&'s [char], bool, &'s [char])> {
    let empty = |vm: &Vm| vm.value_error("Empty attribute in format string");
    match s[0] {
        '.' => {
            let end = s[1..].iter().position(|&c| c == '.' || c == '[').map_or(s.len(), |p| p + 1);
            let part = &s[1..end];
            if part.is_empty() {
                return Err(empty(vm));
            }
            Ok((part, true, &s[end..]))
        }
        '[' => {
            let Some(close) = s.iter().position(|&c| c == ']') else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            let part = &s[1..close];
            if part.is_empty() {
                return Err(empty(vm));
            }
            Ok((part, false, &s[close + 1..]))
        }
        _ => Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier")),
    }
}

/// Parse a replacement field starting after its `{`; returns the field and
/// the index after its closing `}` (CPython's `parse_field`).
fn parse_field(vm: &Vm, s: &[char], start: usize) -> PyResult<(Field, usize)> {
    let mut i = start;
    let mut c = '\0';
    while i < s.len() {
        c = s[i];
        i += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while i < s.len() && s[i] != ']' {
                    i += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    if !matches!(c, '}' | ':' | '!') {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    let name = s[start..i - 1].to_vec();
    let mut field = Field { name, conversion: None, spec: Vec::new(), spec_needs_expanding: false };
    if c == '}' {
        return Ok((field, i));
    }
    if c == '!' {
        let Some(&conv) = s.get(i) else {
            return Err(vm.value_error("end of string while looking for conversion specifier"));
        };
        field.conversion = Some(conv);
        i += 1;
        if let Some(&d) = s.get(i) {
            i += 1;
            if d == '}' {
                return Ok((field, i));
            }
            if d != ':' {
                return Err(vm.value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = i;
    let mut depth = 1;
    while i < s.len() {
        match s[i] {
            '{' => {
                field.spec_needs_expanding = true;
                depth += 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = s[spec_start..i].to_vec();
                    return Ok((field, i + 1));
                }
            }
            _ => {}
        }
        i += 1;
    }
    Err(unmatched(vm))
}

fn unmatched(vm: &Vm) -> PyErr {
    vm.value_error("unmatched '{' in format spec")
}
