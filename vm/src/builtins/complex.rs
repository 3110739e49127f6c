//! `complex`: construction, arithmetic, methods.

use crate::builtins::MethodTable;
use crate::object::func::Args;
use crate::object::Obj;
use crate::protocol::ops::{as_num, BinOp, Num};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: MethodTable = &[("conjugate", complex_conjugate)];

fn parts(v: &Value) -> Option<(f64, f64)> {
    match v {
        Value::Obj(o) => match &**o {
            Obj::Complex(re, im) => Some((*re, *im)),
            _ => as_num(v).map(|n| match n {
                Num::Int(i) => (num_traits::ToPrimitive::to_f64(&i).unwrap_or(f64::INFINITY), 0.0),
                Num::Float(f) => (f, 0.0),
            }),
        },
        _ => as_num(v).map(|n| match n {
            Num::Int(i) => (num_traits::ToPrimitive::to_f64(&i).unwrap_or(f64::INFINITY), 0.0),
            Num::Float(f) => (f, 0.0),
        }),
    }
}

pub fn complex_binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let (ar, ai) = parts(a)?;
    let (br, bi) = parts(b)?;
    let c = |re: f64, im: f64| Ok(Value::obj(Obj::Complex(re, im)));
    Some(match op {
        BinOp::Add => c(ar + br, ai + bi),
        BinOp::Sub => c(ar - br, ai - bi),
        BinOp::Mul => c(ar * br - ai * bi, ar * bi + ai * br),
        BinOp::TrueDiv => {
            let d = br * br + bi * bi;
            if d == 0.0 {
                Err(vm.zero_division("complex division by zero"))
            } else {
                c((ar * br + ai * bi) / d, (ai * br - ar * bi) / d)
            }
        }
        BinOp::Pow => {
            if ar == 0.0 && ai == 0.0 {
                if br == 0.0 && bi == 0.0 {
                    return Some(c(1.0, 0.0));
                }
                return Some(c(0.0, 0.0));
            }
            let (r, t) = ((ar * ar + ai * ai).sqrt(), ai.atan2(ar));
            let ln_r = r.ln();
            let mag = (br * ln_r - bi * t).exp();
            let ang = bi * ln_r + br * t;
            c(mag * ang.cos(), mag * ang.sin())
        }
        _ => return None,
    })
}

fn complex_conjugate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "conjugate", 1, 1)?;
    match parts(&pos[0]) {
        Some((re, im)) => Ok(Value::obj(Obj::Complex(re, -im))),
        None => Err(vm.type_error("descriptor requires a 'complex' object")),
    }
}

pub fn complex_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    a.check_pos(vm, "complex", 0, 2)?;
    let re = a.get(0, "real").cloned().unwrap_or(Value::Int(0));
    let im = a.get(1, "imag").cloned().unwrap_or(Value::Int(0));
    let (r1, i1) = parts(&re).ok_or_else(|| vm.type_error(format!("complex() first argument must be a string or a number, not '{}'", vm.type_name(&re))))?;
    let (r2, i2) = parts(&im).ok_or_else(|| vm.type_error(format!("complex() second argument must be a number, not '{}'", vm.type_name(&im))))?;
    Ok(Value::obj(Obj::Complex(r1 - i2, i1 + r2)))
}
