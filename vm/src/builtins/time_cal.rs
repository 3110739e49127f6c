//! The calendar half of the `time` module: `struct_time`, `gmtime`, `localtime`,
//! `mktime`, `strftime`, `strptime`, `asctime`, `ctime` and the time-zone constants,
//! over the C library's `gmtime_r` / `localtime_r` / `mktime` / `strftime`, with
//! CPython 3.11's argument checks and messages (Modules/timemodule.c).

use std::ffi::CString;

use crate::builtins::native;
use crate::object::func::Args;
use crate::object::Dict;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The fields of `struct_time` in its tuple, and those that are attributes only.
const FIELDS: &[&str] = &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];
const EXTRA: &[&str] = &["tm_zone", "tm_gmtoff"];

pub fn fill(vm: &mut Vm, d: &mut Dict) {
    if let Ok(cls) = crate::builtins::structseq::new_type_ext(vm, "time", "struct_time", FIELDS, 9, 0, EXTRA) {
        if let Some(c) = cls.as_class() {
            c.dict.borrow_mut().insert_str("__new__", native("__new__", struct_time_new));
        }
        vm.native_classes.insert("struct_time", cls.clone());
        d.insert_str("struct_time", Value::Obj(cls));
    }
    for (name, f) in [
        ("gmtime", gmtime as crate::object::NativeFn),
        ("localtime", localtime),
        ("mktime", mktime),
        ("strftime", strftime),
        ("strptime", strptime),
        ("asctime", asctime),
        ("ctime", ctime),
    ] {
        d.insert_str(name, native(name, f));
    }
    let (timezone, altzone, daylight, names) = zone_info();
    d.insert_str("timezone", Value::Int(timezone));
    d.insert_str("altzone", Value::Int(altzone));
    d.insert_str("daylight", Value::Int(daylight as i64));
    let tzname = vm.new_tuple(vec![Value::str(&names.0), Value::str(&names.1)]);
    d.insert_str("tzname", tzname);
    d.insert_str("_STRUCT_TM_ITEMS", Value::Int(11));
}

fn empty_tm() -> libc::tm {
    // SAFETY: `tm` is plain data (integers and a nullable pointer): all zero is valid.
    unsafe { std::mem::zeroed() }
}

/// CPython's `init_timezone` where `tm_gmtoff` exists: the offsets of 1 January and
/// 1 July of this year (the larger west offset is standard time).
fn zone_info() -> (i64, i64, bool, (String, String)) {
    unsafe extern "C" {
        fn tzset();
    }
    // SAFETY: tzset (POSIX, no arguments) reads TZ and sets the C library's zone
    // state; pyhop runs one thread.
    unsafe { tzset() };
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let year_start = now - now % (365 * 24 * 3600);
    let jan = local(year_start);
    let jul = local(year_start + 182 * 24 * 3600);
    let (Some(jan), Some(jul)) = (jan, jul) else { return (0, 0, false, ("UTC".into(), "UTC".into())) };
    let (janzone, julzone) = (-(jan.tm_gmtoff as i64), -(jul.tm_gmtoff as i64));
    let (jname, lname) = (zone_name(&jan), zone_name(&jul));
    if janzone < julzone {
        // The southern hemisphere: July is standard time.
        (julzone, janzone, janzone != julzone, (lname, jname))
    } else {
        (janzone, julzone, janzone != julzone, (jname, lname))
    }
}

fn zone_name(tm: &libc::tm) -> String {
    if tm.tm_zone.is_null() {
        return String::new();
    }
    // SAFETY: a non-null tm_zone from the C library points at a NUL-terminated
    // string that lives as long as the zone state.
    unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned()
}

fn local(t: i64) -> Option<libc::tm> {
    let mut tm = empty_tm();
    let tt = t as libc::time_t;
    // SAFETY: both pointers are valid for the call; localtime_r is reentrant.
    let r = unsafe { libc::localtime_r(&tt, &mut tm) };
    (!r.is_null()).then_some(tm)
}

/// The `secs` argument: now when absent or None, else a number floored to seconds.
fn secs_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<i64> {
    let pos = a.check(vm, name, 0, 1)?;
    match pos.first() {
        None | Some(Value::None) => {
            Ok(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0))
        }
        Some(Value::Float(f)) => {
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            let f = f.floor();
            if !(-9.2e18..9.2e18).contains(&f) {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(f as i64)
        }
        Some(v @ (Value::Int(_) | Value::Bool(_))) => vm.index_value(v),
        Some(v @ Value::Obj(o)) if o.kind() == crate::object::Kind::Int => {
            vm.index_value(v).map_err(|_| vm.overflow_error("timestamp out of range for platform time_t"))
        }
        Some(v) => {
            let f = crate::builtins::float::to_f64(vm, v)
                .map_err(|_| vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v))))?;
            Ok(f.floor() as i64)
        }
    }
}

fn struct_time(vm: &mut Vm, tm: &libc::tm, zone: String, gmtoff: i64) -> PyResult<Value> {
    let Some(cls) = vm.native_classes.get("struct_time").cloned() else { return Err(vm.type_error("time.struct_time is missing")) };
    let values = vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
    ];
    Ok(crate::builtins::structseq::new_ext(vm, &cls, values, vec![("tm_zone", Value::str(&zone)), ("tm_gmtoff", Value::Int(gmtoff))]))
}

fn convert(vm: &mut Vm, t: i64, utc: bool) -> PyResult<Value> {
    let mut tm = empty_tm();
    let tt = t as libc::time_t;
    // SAFETY: both pointers are valid for the call; the _r forms are reentrant.
    let r = unsafe {
        if utc {
            libc::gmtime_r(&tt, &mut tm)
        } else {
            libc::localtime_r(&tt, &mut tm)
        }
    };
    if r.is_null() {
        return Err(crate::builtins::posix::err_last(vm));
    }
    let zone = zone_name(&tm);
    struct_time(vm, &tm, zone, tm.tm_gmtoff as i64)
}

fn gmtime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = secs_arg(vm, &a, "gmtime")?;
    convert(vm, t, true)
}

fn localtime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = secs_arg(vm, &a, "localtime")?;
    convert(vm, t, false)
}

/// A struct_time or 9-tuple as a C `tm` (CPython's `gettmarg`), with the zone
/// name kept alive beside it when the value carries one.
fn tm_arg(vm: &mut Vm, v: &Value, func: &str) -> PyResult<(libc::tm, Option<CString>)> {
    let tuple = vm.types.tuple.clone();
    let is_tuple = vm.isinstance(v, &tuple);
    if !is_tuple {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    }
    let items = vm.collect(v)?;
    if items.len() != 9 {
        return Err(vm.type_error(format!("{func}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (i, it) in items.iter().enumerate() {
        f[i] = vm.index_value(it).map_err(|_| vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(it))))?;
    }
    let mut tm = empty_tm();
    let year = f[0] - 1900;
    if year < i32::MIN as i64 || year > i32::MAX as i64 {
        return Err(vm.overflow_error("year out of range"));
    }
    let int = |vm: &Vm, x: i64| -> PyResult<i32> { i32::try_from(x).map_err(|_| vm.overflow_error("Python int too large to convert to C int")) };
    tm.tm_year = year as i32;
    tm.tm_mon = int(vm, f[1] - 1)?;
    tm.tm_mday = int(vm, f[2])?;
    tm.tm_hour = int(vm, f[3])?;
    tm.tm_min = int(vm, f[4])?;
    tm.tm_sec = int(vm, f[5])?;
    tm.tm_wday = int(vm, (f[6] + 1) % 7)?;
    tm.tm_yday = int(vm, f[7] - 1)?;
    tm.tm_isdst = int(vm, f[8])?;
    let mut zone = None;
    if let Value::Obj(o) = v {
        if o.as_instance().is_some() {
            if let Ok(Value::Obj(z)) = vm.getattr(v, "tm_zone") {
                if let Some(s) = z.as_pystr() {
                    zone = CString::new(s.as_str().to_string()).ok();
                }
            }
            if let Ok(off) = vm.getattr(v, "tm_gmtoff") {
                if let Ok(off) = vm.index_value(&off) {
                    tm.tm_gmtoff = off as _;
                }
            }
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr() as *mut _;
    }
    Ok((tm, zone))
}

/// CPython's `checktm` plus strftime's normalisation of zero fields.
fn check_strftime_tm(vm: &Vm, tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    Ok(())
}

fn now_local(vm: &mut Vm) -> PyResult<(libc::tm, Option<CString>)> {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    match local(now) {
        Some(tm) => Ok((tm, None)),
        None => Err(vm.overflow_error("timestamp out of range for platform time_t")),
    }
}

fn strftime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "strftime", 1, 2)?;
    let Some(fmt) = pos[0].as_pystr().map(|s| s.as_str().to_string()) else {
        return Err(vm.type_error(format!("strftime() argument 1 must be str, not {}", vm.type_name(&pos[0]))));
    };
    let (mut tm, _zone) = match pos.get(1) {
        Some(t) => tm_arg(vm, t, "strftime")?,
        None => now_local(vm)?,
    };
    check_strftime_tm(vm, &mut tm)?;
    if fmt.contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    if fmt.is_empty() {
        return Ok(Value::str(""));
    }
    let cfmt = CString::new(fmt.as_bytes()).map_err(|_| vm.value_error("embedded null character"))?;
    // The output can legitimately be empty (e.g. "%p" in some locales); grow the
    // buffer as CPython does, up to 256 times the format's length.
    let mut size = 1024.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes, `cfmt` is NUL-terminated, `tm`
        // (and the zone string it may point at) is valid for the call.
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, size, cfmt.as_ptr(), &tm) };
        if n > 0 || size >= 256 * fmt.len().max(4) {
            buf.truncate(n);
            return Ok(Value::str(&String::from_utf8_lossy(&buf)));
        }
        size *= 2;
    }
}

fn strptime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = vm.import_module("_strptime")?;
    let f = vm.getattr(&m, "_strptime_time")?;
    vm.call(&f, a)
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn format_asctime(tm: &libc::tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

fn asctime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "asctime", 0, 1)?;
    let (mut tm, _zone) = match pos.first() {
        Some(t) => tm_arg(vm, t, "asctime")?,
        None => now_local(vm)?,
    };
    check_strftime_tm(vm, &mut tm)?;
    Ok(Value::str(&format_asctime(&tm)))
}

fn ctime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let t = secs_arg(vm, &a, "ctime")?;
    match local(t) {
        Some(tm) => Ok(Value::str(&format_asctime(&tm))),
        None => Err(vm.overflow_error("timestamp out of range for platform time_t")),
    }
}

fn mktime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "mktime", 1, 1)?;
    let (mut tm, _zone) = tm_arg(vm, &pos[0], "mktime")?;
    tm.tm_wday = -1; // sentinel: mktime sets it when it succeeds
    // SAFETY: `tm` is a valid, writable tm.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

/// `time.struct_time(seq)`: 9 to 11 items, as CPython's; the tenth and eleventh are
/// `tm_zone` and `tm_gmtoff` (None when absent), attributes only.
fn struct_time_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let pos = a.check(vm, "struct_time", 2, 2)?;
    let Value::Obj(cls) = &pos[0] else { return Err(vm.type_error("struct_time.__new__(X): X is not a type object")) };
    let cls = cls.clone();
    let items = vm.collect(&pos[1])?;
    if !(9..=11).contains(&items.len()) {
        let msg = if items.len() < 9 { "at least" } else { "at most" };
        let n = if items.len() < 9 { 9 } else { 11 };
        return Err(vm.type_error(format!("time.struct_time() takes an {msg} {n}-sequence ({}-sequence given)", items.len())));
    }
    let zone = items.get(9).cloned().unwrap_or(Value::None);
    let gmtoff = items.get(10).cloned().unwrap_or(Value::None);
    let values = items[..9].to_vec();
    Ok(crate::builtins::structseq::new_ext(vm, &cls, values, vec![("tm_zone", zone), ("tm_gmtoff", gmtoff)]))
}
