//! In the browser: mounts the widget. Natively (`cargo run`): checks the embedded dataset and
//! every locale, printing each problem with its file, messenger and field.

#[cfg(target_arch = "wasm32")]
fn main() {
    messenger_compare::components::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let problems =
        messenger_compare::model::check::check_all(messenger_compare::model::check::today());
    for problem in &problems {
        eprintln!("{problem}");
    }
    if problems.is_empty() {
        println!("dataset and locales: ok");
        std::process::ExitCode::SUCCESS
    } else {
        eprintln!("{} problem(s)", problems.len());
        std::process::ExitCode::FAILURE
    }
}
