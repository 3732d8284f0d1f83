//! `ikt-styring backup` and `ikt-styring restore`: `pg_dump` in custom format into
//! `DATA_DIR/backups/`, keeping the newest N, and `pg_restore --clean --if-exists` back.
//!
//! Both take a database URL, so they work alike for the private cluster and for a server
//! given by `DATABASE_URL`. A password in the URL goes to the tools in `PGPASSWORD`, never on
//! their command line (where `ps` would show it).

use std::{
    ffi::OsString,
    path::{Path, PathBuf},
    process::Stdio,
};

use anyhow::{Context, bail};
use tokio::process::Command;

pub const PREFIX: &str = "ikt-styring-";
pub const SUFFIX: &str = ".dump";

/// The folder backups go to, under `DATA_DIR`.
pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// Dumps the database at `url` to a new file in `dir` and then deletes all but the newest
/// `keep` backups there. Returns the new file. The dump is written under a temporary name and
/// renamed when complete, so a failed run never counts as a backup (nor pushes a good one out).
pub async fn backup(url: &str, dir: &Path, keep: usize) -> anyhow::Result<PathBuf> {
    anyhow::ensure!(keep > 0, "må beholde minst én sikkerhetskopi");
    std::fs::create_dir_all(dir)
        .with_context(|| format!("kunne ikke opprette {}", dir.display()))?;
    set_mode(dir, 0o700)?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let file = dir.join(format!("{PREFIX}{stamp}{SUFFIX}"));
    anyhow::ensure!(!file.exists(), "{} finnes allerede", file.display());
    let partial = dir.join(format!(".{PREFIX}{stamp}{SUFFIX}.partial"));
    let (dbname, password) = connection(url)?;
    let result = run(
        "pg_dump",
        [
            "--format=custom".into(),
            "--no-password".into(),
            OsString::from("--file"),
            partial.clone().into(),
            OsString::from(format!("--dbname={dbname}")),
        ],
        password.as_deref(),
    )
    .await;
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    set_mode(&partial, 0o600)?;
    std::fs::rename(&partial, &file)?;
    prune(dir, keep)?;
    Ok(file)
}

/// The backups in `dir`, oldest first (the names sort by time).
pub fn list(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.is_file()
                    && p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(SUFFIX))
            })
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(e).with_context(|| format!("kunne ikke lese {}", dir.display())),
    };
    files.sort();
    Ok(files)
}

/// Deletes all but the newest `keep` backups; other files in the folder are left alone.
fn prune(dir: &Path, keep: usize) -> anyhow::Result<()> {
    let files = list(dir)?;
    let old = files.len().saturating_sub(keep);
    for f in &files[..old] {
        std::fs::remove_file(f).with_context(|| format!("kunne ikke slette {}", f.display()))?;
        tracing::info!(file = %f.display(), "slettet gammel sikkerhetskopi");
    }
    Ok(())
}

/// Replaces the database at `url` with the backup in `file`, in one transaction: a dump that
/// fails halfway leaves the database as it was. The file is read (`pg_restore --list`) before
/// anything is dropped, so a wrong file changes nothing.
pub async fn restore(url: &str, file: &Path) -> anyhow::Result<()> {
    anyhow::ensure!(file.is_file(), "fant ikke filen {}", file.display());
    run("pg_restore", ["--list".into(), file.into()], None)
        .await
        .with_context(|| format!("{} er ikke en sikkerhetskopi fra pg_dump", file.display()))?;
    let (dbname, password) = connection(url)?;
    run(
        "pg_restore",
        [
            "--clean".into(),
            "--if-exists".into(),
            "--no-owner".into(),
            "--single-transaction".into(),
            "--exit-on-error".into(),
            "--no-password".into(),
            OsString::from(format!("--dbname={dbname}")),
            file.into(),
        ],
        password.as_deref(),
    )
    .await
}

/// The URL without its password, and the password (percent-decoded).
fn connection(url: &str) -> anyhow::Result<(String, Option<String>)> {
    let mut parsed = url::Url::parse(url).context("databasens URL kan ikke leses")?;
    let password = parsed
        .password()
        .map(|p| {
            percent_encoding::percent_decode_str(p)
                .decode_utf8()
                .map(|p| p.into_owned())
                .context("passordet i databasens URL er ikke gyldig UTF-8")
        })
        .transpose()?;
    if password.is_some() {
        parsed
            .set_password(None)
            .map_err(|()| anyhow::anyhow!("databasens URL kan ikke leses"))?;
    }
    Ok((parsed.to_string(), password))
}

/// A PostgreSQL client tool: from the same place as the cluster's binaries (the newest
/// installed version, which can dump every older server), else from `PATH`.
fn tool(name: &str) -> PathBuf {
    crate::pg_cluster::find_bindir()
        .map(|dir| dir.join(name))
        .filter(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from(name))
}

async fn run(
    program: &str,
    args: impl IntoIterator<Item = OsString>,
    password: Option<&str>,
) -> anyhow::Result<()> {
    let mut cmd = Command::new(tool(program));
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(p) = password {
        cmd.env("PGPASSWORD", p);
    }
    let out = cmd.output().await.with_context(|| {
        format!("kunne ikke kjøre {program} (installer PostgreSQL-klientene: `apt-get install postgresql-client`)")
    })?;
    if !out.status.success() {
        bail!(
            "{program} feilet: {}{}",
            String::from_utf8_lossy(&out.stdout).trim(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

/// Backups hold every user's data and password hash: only the owner may read them.
fn set_mode(path: &Path, mode: u32) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .with_context(|| format!("kunne ikke sette tilgangen på {}", path.display()))
}
