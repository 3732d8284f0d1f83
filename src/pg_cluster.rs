//! A private PostgreSQL cluster under the project's data folder, for running without
//! `DATABASE_URL`. It listens only on a Unix socket inside that folder, so it never clashes
//! with another server's TCP port.

use std::{
    io,
    path::{Path, PathBuf},
    process::Stdio,
};

use anyhow::{Context, bail};
use tokio::process::Command;

pub const DATABASE: &str = "ikt_styring";

pub struct PrivateCluster {
    bindir: PathBuf,
    pgdata: PathBuf,
    socket_dir: PathBuf,
    /// Set when we are root: initdb refuses root, so the cluster runs as `postgres`.
    run_as: Option<nix::unistd::User>,
}

impl PrivateCluster {
    pub fn locate(data_dir: &Path) -> anyhow::Result<Self> {
        let Some(bindir) = find_bindir() else {
            bail!(
                "Fant ikke PostgreSQL-programmene (initdb, pg_ctl). Installer dem med \
                 `apt-get install postgresql`, eller sett DATABASE_URL til en eksisterende server."
            );
        };
        std::fs::create_dir_all(data_dir)
            .with_context(|| format!("kunne ikke opprette {}", data_dir.display()))?;
        let data_dir = data_dir.canonicalize()?;
        let run_as = if nix::unistd::geteuid().is_root() {
            let user = nix::unistd::User::from_name("postgres")?.context(
                "appen kjører som root, men OS-brukeren postgres finnes ikke \
                 (den kommer med `apt-get install postgresql`)",
            )?;
            Some(user)
        } else {
            None
        };
        Ok(Self {
            bindir,
            pgdata: data_dir.join("pg"),
            socket_dir: data_dir.join("run"),
            run_as,
        })
    }

    /// Creates the cluster on first use, starts it unless it runs, creates the app database,
    /// and returns a URL to it.
    pub async fn ensure_running(&self) -> anyhow::Result<String> {
        for dir in [&self.pgdata, &self.socket_dir] {
            std::fs::create_dir_all(dir)?;
            if let Some(user) = &self.run_as {
                std::os::unix::fs::chown(dir, Some(user.uid.as_raw()), Some(user.gid.as_raw()))?;
            }
        }
        set_mode(&self.pgdata, 0o700)?;

        if !self.pgdata.join("PG_VERSION").exists() {
            tracing::info!(pgdata = %self.pgdata.display(), "oppretter privat PostgreSQL-klynge");
            self.run(
                "initdb",
                &[
                    "-D".as_ref(),
                    self.pgdata.as_os_str(),
                    "-U".as_ref(),
                    "postgres".as_ref(),
                    "--auth=trust".as_ref(),
                    "--encoding=UTF8".as_ref(),
                    "--locale=C.UTF-8".as_ref(),
                ],
            )
            .await?;
        }

        if !self.is_running().await {
            let log = self.socket_dir.join("postgresql.log");
            let options = format!(
                "-c listen_addresses='' -c unix_socket_directories='{}' -c max_connections=200",
                self.socket_dir.display()
            );
            self.run(
                "pg_ctl",
                &[
                    "-D".as_ref(),
                    self.pgdata.as_os_str(),
                    "-l".as_ref(),
                    log.as_os_str(),
                    "-o".as_ref(),
                    options.as_ref(),
                    "-w".as_ref(),
                    "-t".as_ref(),
                    "60".as_ref(),
                    "start".as_ref(),
                ],
            )
            .await
            .with_context(|| format!("PostgreSQL startet ikke; se {}", log.display()))?;
        }

        let admin = self.url("postgres");
        let mut conn: sqlx::PgConnection = sqlx::Connection::connect(&admin).await?;
        let exists: bool =
            sqlx::query_scalar("select exists (select 1 from pg_database where datname = $1)")
                .bind(DATABASE)
                .fetch_one(&mut conn)
                .await?;
        if !exists {
            sqlx::query(&format!("create database {DATABASE}"))
                .execute(&mut conn)
                .await?;
        }
        sqlx::Connection::close(conn).await?;
        Ok(self.url(DATABASE))
    }

    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://postgres@localhost/{database}?host={}",
            self.socket_dir.display()
        )
    }

    pub async fn is_running(&self) -> bool {
        self.pgdata.join("postmaster.pid").exists()
            && self
                .run(
                    "pg_ctl",
                    &["-D".as_ref(), self.pgdata.as_os_str(), "status".as_ref()],
                )
                .await
                .is_ok()
    }

    pub async fn stop(&self) -> anyhow::Result<()> {
        if self.is_running().await {
            self.run(
                "pg_ctl",
                &[
                    "-D".as_ref(),
                    self.pgdata.as_os_str(),
                    "-m".as_ref(),
                    "fast".as_ref(),
                    "-w".as_ref(),
                    "stop".as_ref(),
                ],
            )
            .await?;
        }
        Ok(())
    }

    async fn run(&self, program: &str, args: &[&std::ffi::OsStr]) -> anyhow::Result<()> {
        let mut cmd = Command::new(self.bindir.join(program));
        cmd.args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Its own process group: Ctrl-C in the terminal reaches only us, and we stop the
            // cluster after the last request has drained.
            .process_group(0);
        if let Some(user) = &self.run_as {
            cmd.uid(user.uid.as_raw()).gid(user.gid.as_raw());
            cmd.env("HOME", &user.dir);
        }
        let out = cmd
            .output()
            .await
            .with_context(|| format!("kunne ikke kjøre {program}"))?;
        if !out.status.success() {
            bail!(
                "{program} feilet: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(())
    }
}

fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

/// `PG_BINDIR`, then `pg_config --bindir`, then `PATH`, then the newest
/// `/usr/lib/postgresql/*/bin`.
pub fn find_bindir() -> Option<PathBuf> {
    let has_tools = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(dir) = std::env::var_os("PG_BINDIR").map(PathBuf::from) {
        return has_tools(&dir).then_some(dir);
    }
    if let Ok(out) = std::process::Command::new("pg_config")
        .arg("--bindir")
        .output()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if out.status.success() && has_tools(&dir) {
            return Some(dir);
        }
    }
    if let Some(dir) = std::env::var_os("PATH")
        .and_then(|path| std::env::split_paths(&path).find(|d| has_tools(d)))
    {
        return Some(dir);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            has_tools(&bin).then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, dir)| dir)
}
