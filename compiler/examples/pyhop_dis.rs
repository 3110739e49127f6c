//! `cargo run -p pyhop-compiler --example pyhop_dis -- FILE.py`: prints the disassembly.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pyhop_dis FILE.py");
        std::process::exit(2);
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    match pyhop_compiler::compile(&src, &path, pyhop_compiler::Mode::Exec) {
        Ok(code) => print!("{}", pyhop_compiler::bytecode::dis::dis_recursive(&code)),
        Err(e) => {
            eprintln!("{e} col {}", e.offset);
            std::process::exit(1);
        }
    }
}
