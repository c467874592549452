//! hello-forge: the smallest useful CLI, so DeployForge's examples and demo have a real binary to ship.

use std::env;
use std::process::ExitCode;

const NAME: &str = env!("CARGO_PKG_NAME");
// Taken from Cargo.toml at compile time, so the binary can never disagree with the published crate.
const VERSION: &str = env!("CARGO_PKG_VERSION");

fn usage() -> String {
    format!("usage: {NAME} [--version | --help | NAME]")
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version") | Some("-V") => {
            println!("{NAME} {VERSION}");
            ExitCode::SUCCESS
        }
        Some("--help") | Some("-h") => {
            println!("{}", usage());
            ExitCode::SUCCESS
        }
        Some(flag) if flag.starts_with('-') => {
            eprintln!("{NAME}: unknown option {flag}\n{}", usage());
            ExitCode::from(2)
        }
        Some(name) => {
            println!("Hello, {name}! (from {NAME} {VERSION})");
            ExitCode::SUCCESS
        }
        None => {
            println!("Hello from {NAME} {VERSION}!");
            ExitCode::SUCCESS
        }
    }
}
