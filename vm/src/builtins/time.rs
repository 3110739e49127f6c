//! The `time` module.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::builtins::native;
use crate::object::func::Args;
use crate::object::Dict;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    static START: Instant = Instant::now();
}

pub fn fill(d: &mut Dict) {
    for (name, f) in [
        ("time", time_time as crate::object::NativeFn),
        ("time_ns", time_time_ns),
        ("perf_counter", perf_counter),
        ("perf_counter_ns", perf_counter_ns),
        ("monotonic", perf_counter),
        ("monotonic_ns", perf_counter_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("sleep", sleep),
    ] {
        d.insert_str(name, native(name, f));
    }
}

fn since_epoch() -> std::time::Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

fn time_time(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Float(since_epoch().as_secs_f64()))
}

fn time_time_ns(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(since_epoch().as_nanos() as i64))
}

fn elapsed() -> std::time::Duration {
    START.with(|s| s.elapsed())
}

/// `clock_gettime(id)`: the system clocks CPython's `perf_counter`/`monotonic`
/// (CLOCK_MONOTONIC, one reference point for every process, so values are comparable
/// across processes) and `process_time` (CLOCK_PROCESS_CPUTIME_ID) read.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn clock(id: i32) -> Option<std::time::Duration> {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(id: i32, ts: *mut Timespec) -> i32;
    }
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec (64-bit Linux layout).
    let rc = unsafe { clock_gettime(id, &mut ts) };
    (rc == 0).then(|| std::time::Duration::new(ts.sec as u64, ts.nsec as u32))
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn clock(_id: i32) -> Option<std::time::Duration> {
    None
}

const CLOCK_MONOTONIC: i32 = 1;
const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;

/// The monotonic clock; time since the interpreter started where it is unavailable.
fn monotonic() -> std::time::Duration {
    clock(CLOCK_MONOTONIC).unwrap_or_else(elapsed)
}

fn perf_counter(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Float(monotonic().as_secs_f64()))
}

fn perf_counter_ns(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(monotonic().as_nanos() as i64))
}

fn cpu_time() -> std::time::Duration {
    if let Some(t) = clock(CLOCK_PROCESS_CPUTIME_ID) {
        return t;
    }
    // Without clock_gettime: /proc/self/stat (utime + stime in clock ticks) when present.
    if let Ok(s) = std::fs::read_to_string("/proc/self/stat") {
        if let Some(rest) = s.rsplit_once(')').map(|(_, r)| r) {
            let f: Vec<&str> = rest.split_whitespace().collect();
            if f.len() > 13 {
                let ticks: u64 = f[11].parse::<u64>().unwrap_or(0) + f[12].parse::<u64>().unwrap_or(0);
                return std::time::Duration::from_millis(ticks * 10);
            }
        }
    }
    elapsed()
}

fn process_time(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Float(cpu_time().as_secs_f64()))
}

fn process_time_ns(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(cpu_time().as_nanos() as i64))
}

fn sleep(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "sleep", 1, 1)?;
    let secs = crate::builtins::float::to_f64(vm, &pos[0])?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(secs));
    Ok(Value::None)
}
