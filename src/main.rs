//! The command line: `ikt-styring` (serve), `ikt-styring create-admin ...`, `ikt-styring dev-db`,
//! `ikt-styring backup`, `ikt-styring restore FILE`.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Context;
use ikt_styring::{AppState, build_app, config::Config, db, pg_cluster::PrivateCluster, seed};
use tracing_subscriber::{EnvFilter, fmt, prelude::*};

const USAGE: &str = "\
Bruk:
  ikt-styring [serve]            start appen (uten DATABASE_URL: egen PostgreSQL under DATA_DIR)
  ikt-styring create-admin --username NAVN --email E-POST --name \"Fullt navn\"
              [--municipality \"Ringebu kommune\" --org-number 961381185 --municipality-number 3439]
                                 oppretter en administrator (passord fra IKT_ADMIN_PASSWORD eller stdin)
  ikt-styring dev-db [--data-dir MAPPE] [--stop]
                                 starter (eller stopper) den private PostgreSQL-klyngen og skriver URL-en
  ikt-styring backup [--keep N]  sikkerhetskopierer databasen til DATA_DIR/backups/ og beholder
                                 de N nyeste (standard BACKUP_KEEP eller 14)
  ikt-styring restore FIL [--yes]
                                 erstatter databasen med sikkerhetskopien FIL (spør først; uten
                                 terminal kreves --yes)";

#[tokio::main]
async fn main() {
    let _ = dotenvy::dotenv();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("Feil i konfigurasjonen: {e}");
            std::process::exit(2);
        }
    };
    init_tracing(&config);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("serve") => serve(config).await,
        Some("create-admin") => create_admin(config, &args[1..]).await,
        Some("dev-db") => dev_db(config, &args[1..]).await,
        Some("backup") => backup(config, &args[1..]).await,
        Some("restore") => restore(config, &args[1..]).await,
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(anyhow::anyhow!("ukjent kommando «{other}»\n\n{USAGE}")),
    };
    if let Err(e) = result {
        eprintln!("ikt-styring: {e:#}");
        std::process::exit(1);
    }
}

fn init_tracing(config: &Config) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let registry = tracing_subscriber::registry().with(filter);
    match config.log_format {
        ikt_styring::config::LogFormat::Json => registry.with(fmt::layer().json()).init(),
        ikt_styring::config::LogFormat::Text => registry.with(fmt::layer()).init(),
    }
}

/// The database URL and, when we started a private cluster for it, that cluster.
async fn database(config: &Config) -> anyhow::Result<(String, Option<PrivateCluster>)> {
    if let Some(url) = &config.database_url {
        return Ok((url.clone(), None));
    }
    let cluster = PrivateCluster::locate(&config.data_dir)?;
    let was_running = cluster.is_running().await;
    let url = cluster.ensure_running().await?;
    tracing::info!(data_dir = %config.data_dir.display(), "bruker privat PostgreSQL-klynge");
    Ok((url, (!was_running).then_some(cluster)))
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let (url, cluster) = database(&config).await?;
    let result = run_server(&config, &url).await;
    if let Some(cluster) = cluster {
        tracing::info!("stopper den private PostgreSQL-klyngen");
        cluster.stop().await?;
    }
    result
}

async fn run_server(config: &Config, url: &str) -> anyhow::Result<()> {
    let pool = db::connect(url)
        .await
        .context("kunne ikke koble til databasen")?;
    db::migrate(&pool).await.context("migreringen feilet")?;
    if config.seed_demo && seed::seed_demo_if_empty(&pool).await? {
        tracing::info!(
            "demobrukere: admin, ikt, leder, rad, superbruker (Ringebu); nl-admin, nl-ikt, nl-prosjektleder, nl-leder (Nordre Land); gj-admin, gj-ikt, gj-leder, gj-okonomi, gj-enhet, … (Gjesdal); passord: {}",
            seed::DEMO_PASSWORD
        );
    }
    let mut state = AppState::new(pool.clone());
    state.cookie_secure = config.cookie_secure;
    state.public_url = config.public_url.clone();
    state.session_idle_minutes = config.session_idle_minutes;
    state.metrics = ikt_styring::metrics::Metrics::new(config.metrics_token.clone());
    let app = build_app(state);
    let mailer = ikt_styring::mail::Mailer::from_config(config)?;
    let reminders = ikt_styring::reports::remind::spawn(
        pool.clone(),
        mailer,
        config.base_url(),
        std::time::Duration::from_secs(config.reminder_interval_secs),
    );

    let listener = tokio::net::TcpListener::bind(config.bind_addr)
        .await
        .with_context(|| format!("kunne ikke lytte på {}", config.bind_addr))?;
    tracing::info!("ikt-styring kjører på http://{}", config.bind_addr);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    if let Some(task) = reminders {
        task.abort();
    }
    pool.close().await;
    tracing::info!("stoppet");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("avslutter: venter på pågående forespørsler");
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

async fn create_admin(config: Config, args: &[String]) -> anyhow::Result<()> {
    let username = flag(args, "--username").context("mangler --username")?;
    let email = flag(args, "--email").context("mangler --email")?;
    let name = flag(args, "--name").context("mangler --name")?;
    let password = match std::env::var("IKT_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            if std::io::stdin().is_terminal() {
                print!("Passord for {username}: ");
                std::io::stdout().flush()?;
            }
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    let (url, cluster) = database(&config).await?;
    let result = async {
        let pool = db::connect(&url).await?;
        db::migrate(&pool).await?;
        let municipality = ikt_styring::cli::MunicipalityArg {
            name: flag(args, "--municipality").map(str::to_string),
            org_number: flag(args, "--org-number").map(str::to_string),
            municipality_number: flag(args, "--municipality-number").map(str::to_string),
        };
        ikt_styring::cli::create_first_admin(&pool, municipality, username, email, name, &password)
            .await
    }
    .await;
    if let Some(c) = cluster {
        c.stop().await?;
    }
    result?;
    println!("Administratoren {username} er opprettet.");
    Ok(())
}

async fn dev_db(config: Config, args: &[String]) -> anyhow::Result<()> {
    let dir = flag(args, "--data-dir")
        .map(std::path::PathBuf::from)
        .unwrap_or(config.data_dir);
    let cluster = PrivateCluster::locate(&dir)?;
    if args.iter().any(|a| a == "--stop") {
        cluster.stop().await?;
        return Ok(());
    }
    cluster.ensure_running().await?;
    // The superuser URL to the maintenance database: tests create their own databases there.
    println!("{}", cluster.url("postgres"));
    Ok(())
}

/// Runs `work` against the app's database, starting the private cluster for it if needed
/// (and stopping it again if we started it), as `create-admin` does.
async fn with_database<T>(
    config: &Config,
    work: impl AsyncFnOnce(&str) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let (url, cluster) = database(config).await?;
    let result = work(&url).await;
    if let Some(c) = cluster {
        c.stop().await?;
    }
    result
}

async fn backup(config: Config, args: &[String]) -> anyhow::Result<()> {
    let keep = match flag(args, "--keep") {
        None if args.iter().any(|a| a == "--keep") => anyhow::bail!("--keep mangler et tall"),
        None => config.backup_keep,
        Some(n) => n
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .context("--keep må være et positivt heltall")?,
    };
    let dir = ikt_styring::backup::dir(&config.data_dir);
    let file = with_database(&config, async |url| {
        ikt_styring::backup::backup(url, &dir, keep).await
    })
    .await?;
    println!("Sikkerhetskopien er lagret i {}", file.display());
    Ok(())
}

/// Restoring replaces everything saved since the backup, so it asks first; without a terminal
/// to ask on (cron, a script) it needs `--yes`, so a stray command can never wipe the data.
async fn restore(config: Config, args: &[String]) -> anyhow::Result<()> {
    let file = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(std::path::PathBuf::from)
        .context("mangler filen som skal gjenopprettes: ikt-styring restore FIL")?;
    anyhow::ensure!(file.is_file(), "fant ikke filen {}", file.display());
    if !args.iter().any(|a| a == "--yes") {
        if !std::io::stdin().is_terminal() {
            anyhow::bail!(
                "gjenoppretting erstatter alt i databasen; bekreft med --yes når den ikke kjøres fra en terminal"
            );
        }
        print!(
            "Dette erstatter alt i databasen med innholdet i {}. Alt som er lagret etter \
             sikkerhetskopien, går tapt. Stopp appen først. Skriv ja for å fortsette: ",
            file.display()
        );
        std::io::stdout().flush()?;
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        if line.trim().to_lowercase() != "ja" {
            anyhow::bail!("avbrutt; databasen er ikke endret");
        }
    }
    with_database(&config, async |url| {
        ikt_styring::backup::restore(url, &file).await
    })
    .await?;
    println!("Databasen er gjenopprettet fra {}", file.display());
    Ok(())
}
