fn main() -> std::process::ExitCode {
    cjm::cli::run().into()
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
