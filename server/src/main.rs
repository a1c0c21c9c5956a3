use clap::Parser;
use referral_desk_server::{Application, Config};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
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
        println!(
            "Demo organisation: {}",
            referral_desk_server::demo::ORGANISATION_NAME
        );
    }
    match application.run_until_stopped().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("referral-desk-server: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
