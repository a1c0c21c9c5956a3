use clap::Parser;
use referral_desk_server::{Application, Config};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        // Logs go to stderr; stdout carries the URL and sign-ins that people and scripts read.
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let config = Config::parse();
    let application = match Application::build(&config).await {
        Ok(application) => application,
        Err(error) => {
            eprintln!("referral-desk-server: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    // Scripts and the browser tests read this line to find the server.
    println!(
        "Referral Desk is running at http://{}",
        application.local_addr()
    );
    if config.seed_demo {
        println!("Demo sign-ins (password: {}):", config.demo_password);
        for user in referral_desk_server::demo::USERS {
            println!("  {:<22} {}", user.email, user.role.label());
        }
    }
    match application.run_until_stopped().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("referral-desk-server: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
