//! Settings read once from the environment (and an optional `.env`).

use std::{net::SocketAddr, path::PathBuf};

pub const DEFAULT_BACKUP_KEEP: usize = 14;
pub const DEFAULT_REMINDER_INTERVAL_SECS: u64 = 300;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug)]
pub struct Config {
    /// Without it the app runs its own PostgreSQL cluster under `data_dir`.
    pub database_url: Option<String>,
    pub data_dir: PathBuf,
    pub bind_addr: SocketAddr,
    pub log_format: LogFormat,
    pub session_idle_minutes: i64,
    /// `Secure` cookies; on when the public URL is https.
    pub cookie_secure: bool,
    /// `PUBLIC_URL`: the address users reach the app at (behind a proxy, not `BIND_ADDR`).
    pub public_url: Option<String>,
    pub seed_demo: bool,
    /// The bearer token `/metrics` answers to; without it there is no `/metrics`.
    pub metrics_token: Option<String>,
    /// How many backups `ikt-styring backup` keeps (`BACKUP_KEEP`, default 14).
    pub backup_keep: usize,
    /// `SMTP_URL`: the SMTP server for the report reminders (lettre's connection URL); without
    /// it nothing is mailed and the reminders show in the app only.
    pub smtp_url: Option<String>,
    /// `MAIL_FROM`: the sender of the reminders.
    pub mail_from: String,
    /// `REMINDER_INTERVAL_SECS`: how often the reminder sender looks for reminders due.
    pub reminder_interval_secs: u64,
}

impl Config {
    pub fn from_env() -> anyhow::Result<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let bind_addr = var("BIND_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .map_err(|e| anyhow::anyhow!("BIND_ADDR er ikke en gyldig adresse: {e}"))?;
        let log_format = match var("LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => anyhow::bail!("LOG_FORMAT må være text eller json, ikke {other:?}"),
        };
        let session_idle_minutes = match var("SESSION_IDLE_MINUTES") {
            None => 60,
            Some(v) => v.parse().ok().filter(|m| *m > 0).ok_or_else(|| {
                anyhow::anyhow!("SESSION_IDLE_MINUTES må være et positivt heltall")
            })?,
        };
        let cookie_secure = match var("COOKIE_SECURE").as_deref() {
            Some("true") => true,
            Some("false") => false,
            _ => var("PUBLIC_URL").is_some_and(|u| u.starts_with("https://")),
        };
        let backup_keep = match var("BACKUP_KEEP") {
            None => DEFAULT_BACKUP_KEEP,
            Some(v) => v
                .trim()
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| anyhow::anyhow!("BACKUP_KEEP må være et positivt heltall"))?,
        };
        let reminder_interval_secs = match var("REMINDER_INTERVAL_SECS") {
            None => DEFAULT_REMINDER_INTERVAL_SECS,
            Some(v) => v.trim().parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                anyhow::anyhow!("REMINDER_INTERVAL_SECS må være et positivt heltall")
            })?,
        };
        Ok(Self {
            database_url: var("DATABASE_URL"),
            data_dir: var("DATA_DIR").unwrap_or_else(|| "data".into()).into(),
            bind_addr,
            log_format,
            session_idle_minutes,
            cookie_secure,
            public_url: var("PUBLIC_URL"),
            seed_demo: var("SEED_DEMO").is_none_or(|v| v != "false"),
            metrics_token: var("METRICS_TOKEN").map(|t| t.trim().to_string()),
            backup_keep,
            smtp_url: var("SMTP_URL").map(|u| u.trim().to_string()),
            mail_from: var("MAIL_FROM").unwrap_or_else(|| crate::mail::DEFAULT_FROM.into()),
            reminder_interval_secs,
        })
    }

    /// Where links in e-mail point: `PUBLIC_URL`, else the address the server listens on (an
    /// unspecified address, 0.0.0.0 or ::, as 127.0.0.1), without a trailing slash.
    pub fn base_url(&self) -> String {
        match &self.public_url {
            Some(u) => u.trim_end_matches('/').to_string(),
            None => {
                let mut addr = self.bind_addr;
                if addr.ip().is_unspecified() {
                    addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
                }
                format!("http://{addr}")
            }
        }
    }
}
