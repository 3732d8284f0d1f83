//! The steps every register's import shares, so a new import writes only its columns and rules:
//! read the upload into rows of text (off the async threads), keep the checked rows and the
//! versions the preview compared with in the session until confirm, and take them out again
//! exactly once. The sheet reader itself is `plan::transfer::sheet` (the first import's).
//!
//! An import built on this: `systems::transfer::import`, `lines::transfer`, `risks::transfer`.

use axum::extract::{Multipart, multipart::MultipartRejection};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

pub(crate) use crate::plan::transfer::sheet::Table;
use crate::{
    error::AppResult,
    i18n::{Msg, k},
    plan::transfer::sheet::{read_table, read_upload},
    web::random_token,
};

/// What confirming does with one row of the preview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    New,
    Changed,
    Unchanged,
    Error,
}

impl Fate {
    /// The Designsystemet colour of its tag.
    pub fn color(self) -> &'static str {
        match self {
            Fate::New => "success",
            Fate::Changed => "warning",
            Fate::Unchanged => "neutral",
            Fate::Error => "danger",
        }
    }

    /// The generic label («Ny», «Endret», «Uendret», «Feil»); a register whose noun wants
    /// another gender keeps its own.
    pub fn label(self) -> &'static str {
        match self {
            Fate::New => k("transfer-fate-new"),
            Fate::Changed => k("transfer-fate-changed"),
            Fate::Unchanged => k("transfer-fate-unchanged"),
            Fate::Error => k("transfer-fate-error"),
        }
    }
}

/// One field a confirmed row would change, as the preview shows it.
pub struct Change {
    /// The catalog key of the field's label.
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// The uploaded file as rows of text, or the message why it cannot be read.
pub(crate) async fn read_file(
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(String, Table), Msg> {
    let upload = read_upload(multipart).await?;
    let file_name = upload.name.clone();
    // Parsing is CPU work on untrusted bytes: off the async threads, and a panic is a message.
    match tokio::task::spawn_blocking(move || read_table(&upload)).await {
        Ok(Ok(t)) => Ok((file_name, t)),
        Ok(Err(msg)) => Err(msg),
        Err(_) => Err(Msg::new("transfer-file-unreadable")),
    }
}

/// The file's rows and the versions the preview compared with, until confirm.
#[derive(Serialize, Deserialize)]
pub(crate) struct Staged {
    token: String,
    pub file_name: String,
    pub rows: Vec<(usize, Vec<String>)>,
    /// (record id, version) of every saved record the preview compared a row with.
    pub versions: Vec<(i64, i32)>,
    /// (record id, version) of the records the rows belong to (a line's location).
    #[serde(default)]
    pub parents: Vec<(i64, i32)>,
    /// What the import is into, when it is into one record (a risk assessment).
    pub target: Option<i64>,
}

impl Staged {
    pub fn new(file_name: String, table: Table, versions: Vec<(i64, i32)>) -> Self {
        Staged {
            token: random_token(),
            file_name,
            rows: table.rows,
            versions,
            parents: Vec::new(),
            target: None,
        }
    }

    /// The record the import goes into; confirm refuses a preview staged for another.
    #[allow(dead_code)] // The risk import (issue 12, in progress on its branch) uses it.
    pub fn with_target(mut self, target: i64) -> Self {
        self.target = Some(target);
        self
    }

    pub fn table(&self) -> Table {
        Table {
            rows: self.rows.clone(),
        }
    }

    /// Keeps it under `key` and returns the token the confirm form carries.
    pub async fn keep(self, session: &Session, key: &str) -> AppResult<String> {
        let token = self.token.clone();
        session.insert(key, self).await?;
        Ok(token)
    }

    /// Takes it out of the session first, so a second click finds nothing; a token that is
    /// not the one kept (another tab's preview) finds nothing either.
    pub async fn take(session: &Session, key: &str, token: &str) -> Option<Staged> {
        session
            .remove::<Staged>(key)
            .await
            .ok()
            .flatten()
            .filter(|s| !token.trim().is_empty() && s.token == token.trim())
    }
}

/// Header text compared: spaces collapsed, lower case.
pub(crate) fn normalize(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// (field, catalog key of its header), in a file's order.
pub(crate) type Columns = [(&'static str, &'static str)];

/// The field a header names, in either language (or by the field's own name).
pub(crate) fn column_of(columns: &Columns, header: &str) -> Option<&'static str> {
    let h = normalize(header);
    if h.is_empty() {
        return None;
    }
    columns
        .iter()
        .find(|(f, key)| {
            crate::i18n::Lang::ALL
                .iter()
                .any(|l| normalize(&l.t(key)) == h)
                || *f == h
        })
        .map(|(f, _)| *f)
}

/// The header row (the first of the top 20 that names `required`) and each column's field.
pub(crate) fn header_row(
    table: &Table,
    columns: &Columns,
    required: &str,
) -> Option<(usize, Vec<Option<&'static str>>)> {
    table
        .rows
        .iter()
        .enumerate()
        .take(20)
        .find_map(|(i, (_, cells))| {
            let cols: Vec<Option<&'static str>> = cells
                .iter()
                .map(|c| column_of(columns, crate::plan::transfer::undefuse(c)))
                .collect();
            cols.contains(&Some(required)).then_some((i, cols))
        })
}

/// One row's cells by field, trimmed and with the export's formula guard taken off.
pub(crate) struct RowCells<'a> {
    pub cols: &'a [Option<&'static str>],
    pub cells: &'a [String],
}

impl RowCells<'_> {
    /// The cell of `field`, or "" when the file has no such column.
    pub fn get(&self, field: &str) -> String {
        self.cols
            .iter()
            .position(|c| *c == Some(field))
            .and_then(|i| self.cells.get(i))
            .map(|c| crate::plan::transfer::undefuse(c).trim().to_string())
            .unwrap_or_default()
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}
