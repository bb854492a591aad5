fn main() -> std::process::ExitCode {
    cjm::cli::run().into()
}
