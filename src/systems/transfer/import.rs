//! The import pages: the upload form, the preview (every row new, changed field by field,
//! unchanged, or an error in the reader's language; nothing written), and the confirmation that
//! writes every system in one transaction as one audited import event.
//!
//! The preview keeps the file's rows and the version of each system it compared with in the
//! session; confirm reads and checks the rows again (so every rule holds then too) and refuses
//! the update of a system saved by someone since the preview.

use std::collections::{HashMap, HashSet};

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Multipart, State, multipart::MultipartRejection},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use sqlx::{Acquire, PgPool};
use tower_sessions::Session;

use super::{COLUMNS, IMPORTERS, KEY, NAME_SEPARATOR, Names, cell, header_key, normalize};
use crate::{
    AppState,
    audit::{self, Actor, EventKind},
    auth::CurrentUser,
    domain::parse_date,
    error::AppResult,
    i18n::{Lang, Msg, k},
    plan::transfer::undefuse,
    systems::{
        model::{
            ArchiveMethod, Criticality, Lifecycle, OperatorKind, Owner, SUPERUSER_FIELDS,
            SystemInput,
        },
        read,
        store::{self, Outcome},
    },
    transfer::{Change, Fate, Staged, Table, read_file},
    web::{Ctx, FlashKind, Form, FormErrors, flash_redirect},
};

const STAGED_KEY: &str = "systems_import";
const MAX_ROWS: usize = 5000;

#[derive(Template, WebTemplate)]
#[template(path = "systems/import.html")]
pub struct ImportPage {
    pub ctx: Ctx,
    pub columns: Vec<String>,
    pub error: Option<Msg>,
    /// A superuser's import: their fields of their systems only.
    pub restricted: bool,
    pub superuser_fields: Vec<String>,
}

fn import_page(ctx: Ctx, error: Option<Msg>) -> ImportPage {
    let columns = COLUMNS.iter().map(|(_, key)| ctx.t(key)).collect();
    let superuser_fields = SUPERUSER_FIELDS
        .iter()
        .map(|f| ctx.t(header_key(f)))
        .collect();
    ImportPage {
        restricted: !ctx.user.can_edit_plan(),
        columns,
        error,
        superuser_fields,
        ctx,
    }
}

pub struct PreviewRow {
    pub row: usize,
    pub name: String,
    pub system_id: Option<i64>,
    pub fate: Fate,
    pub changes: Vec<Change>,
    pub errors: Vec<String>,
}

impl PreviewRow {
    pub fn fate_label(&self) -> &'static str {
        match self.fate {
            Fate::New => k("systems-transfer-fate-new"),
            Fate::Changed => k("systems-transfer-fate-changed"),
            Fate::Unchanged => k("systems-transfer-fate-unchanged"),
            Fate::Error => k("systems-transfer-fate-error"),
        }
    }

    pub fn fate_color(&self) -> &'static str {
        self.fate.color()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "systems/import_preview.html")]
pub struct PreviewPage {
    pub ctx: Ctx,
    pub file_name: String,
    pub rows: Vec<PreviewRow>,
    /// Errors of the file as a whole (no header, no rows).
    pub file_errors: Vec<String>,
    pub token: Option<String>,
}

impl PreviewPage {
    pub fn error_count(&self) -> usize {
        self.file_errors.len() + self.rows.iter().filter(|r| r.fate == Fate::Error).count()
    }

    pub fn has_work(&self) -> bool {
        self.rows
            .iter()
            .any(|r| matches!(r.fate, Fate::New | Fate::Changed))
    }
}

/// A row read and checked: the system as it would be saved.
struct Planned {
    preview: PreviewRow,
    input: SystemInput,
    version: i32,
}

/// What names in the file are matched against, and the saved systems.
struct Lookup {
    names: Names,
    units: HashMap<String, Vec<i64>>,
    people: HashMap<String, Vec<i64>>,
    cooperations: HashMap<String, Vec<i64>>,
    systems: HashMap<i64, read::System>,
    /// Saved systems' names (normalized) → id.
    system_names: HashMap<String, i64>,
}

fn by_name(pairs: &[(i64, String)]) -> HashMap<String, Vec<i64>> {
    let mut out: HashMap<String, Vec<i64>> = HashMap::new();
    for (id, name) in pairs {
        out.entry(normalize(name)).or_default().push(*id);
    }
    out
}

impl Lookup {
    async fn load(db: &PgPool, m: i64) -> AppResult<Lookup> {
        let o = read::options(db, m).await?;
        let ids = sqlx::query_scalar!(
            r#"select system_id from system where municipality_id = $1"#,
            m
        )
        .fetch_all(db)
        .await?;
        let mut systems = HashMap::new();
        for id in ids {
            systems.insert(id, read::system(db, m, id).await?);
        }
        let system_names = systems
            .values()
            .map(|s| (normalize(&s.input.name), s.id))
            .collect();
        Ok(Lookup {
            units: by_name(&o.units),
            people: by_name(&o.people),
            cooperations: by_name(&o.cooperations),
            names: Names::from_options(&o),
            systems,
            system_names,
        })
    }
}

/// Reads one row's cells over the system they name (or a new one): the fields the file has
/// columns for are taken from it, the rest kept as saved.
struct RowReader<'a> {
    lang: Lang,
    lookup: &'a Lookup,
    errors: Vec<String>,
}

impl RowReader<'_> {
    fn error(&mut self, field: &str, msg: Msg) {
        let label = self.lang.t(header_key(field));
        self.errors
            .push(format!("{label}: {}", self.lang.msg(&msg)));
    }

    fn text(v: &str) -> Option<String> {
        let v = v.trim();
        (!v.is_empty()).then(|| v.to_string())
    }

    fn one(&mut self, field: &str, map: &HashMap<String, Vec<i64>>, v: &str) -> Option<i64> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        match map.get(&normalize(v)).map(Vec::as_slice) {
            Some([id]) => Some(*id),
            Some(_) => {
                self.error(
                    field,
                    Msg::with(
                        "systems-transfer-name-ambiguous",
                        [("name", v.to_string().into())],
                    ),
                );
                None
            }
            None => {
                self.error(
                    field,
                    Msg::with(
                        "systems-transfer-name-unknown",
                        [("name", v.to_string().into())],
                    ),
                );
                None
            }
        }
    }

    fn choice<T: Copy>(
        &mut self,
        field: &str,
        v: &str,
        all: &[T],
        code: fn(T) -> &'static str,
        key: fn(T) -> &'static str,
    ) -> Option<T> {
        let n = normalize(v);
        if n.is_empty() {
            return None;
        }
        let found = all
            .iter()
            .copied()
            .find(|c| code(*c) == n || Lang::ALL.iter().any(|l| normalize(&l.t(key(*c))) == n));
        if found.is_none() {
            let allowed = all
                .iter()
                .map(|c| self.lang.t(key(*c)))
                .collect::<Vec<_>>()
                .join(", ");
            self.error(
                field,
                Msg::with(
                    "systems-transfer-choice-unknown",
                    [
                        ("value", v.trim().to_string().into()),
                        ("allowed", allowed.into()),
                    ],
                ),
            );
        }
        found
    }

    fn yes_no(&mut self, field: &str, v: &str) -> Option<bool> {
        match normalize(v).as_str() {
            "" => None,
            "ja" | "yes" | "j" | "x" | "true" | "1" => Some(true),
            "nei" | "no" | "n" | "false" | "0" => Some(false),
            _ => {
                self.error(
                    field,
                    Msg::with(
                        "systems-transfer-yes-no",
                        [("value", v.trim().to_string().into())],
                    ),
                );
                None
            }
        }
    }

    fn date(&mut self, field: &str, v: &str) -> Option<chrono::NaiveDate> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        match parse_date(v) {
            Ok(d) => Some(d),
            Err(m) => {
                self.error(field, m);
                None
            }
        }
    }

    fn number(&mut self, field: &str, v: &str, key: &'static str) -> Option<i32> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        match v.replace([' ', '\u{a0}'], "").parse::<i32>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.error(field, Msg::new(key));
                None
            }
        }
    }

    /// Sets `field` of `input` from its cell.
    fn set(
        &mut self,
        input: &mut SystemInput,
        field: &str,
        v: &str,
        owner: &mut (Option<i64>, Option<String>),
    ) {
        let l = self.lookup;
        match field {
            "name" => input.name = v.trim().to_string(),
            "description" => input.description = Self::text(v),
            "vendor" => input.vendor = Self::text(v),
            "operator_kind" => {
                input.operator_kind = self.choice(
                    field,
                    v,
                    OperatorKind::ALL,
                    OperatorKind::code,
                    OperatorKind::label_key,
                )
            }
            "operator_name" => input.operator_name = Self::text(v),
            "owner" => owner.0 = self.one(field, &l.units, v),
            "owner_text" => owner.1 = Self::text(v),
            "administrator" => input.administrator_id = self.one(field, &l.people, v),
            "superusers" => {
                let mut ids = Vec::new();
                for name in v
                    .split(NAME_SEPARATOR.trim())
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                {
                    if let Some(id) = self.one(field, &l.people, name)
                        && !ids.contains(&id)
                    {
                        ids.push(id);
                    }
                }
                input.superusers = ids;
            }
            "users_count" => input.users_count = self.number(field, v, "system-users-number"),
            "cooperation" => input.cooperation_id = self.one(field, &l.cooperations, v),
            "host" => input.host = Self::text(v),
            "server_location" => input.server_location = Self::text(v),
            "database" => input.database = Self::text(v),
            "lifecycle" => {
                input.lifecycle = self.choice(
                    field,
                    v,
                    Lifecycle::ALL,
                    Lifecycle::code,
                    Lifecycle::label_key,
                )
            }
            "criticality" => {
                input.criticality = self.choice(
                    field,
                    v,
                    Criticality::ALL,
                    Criticality::code,
                    Criticality::label_key,
                )
            }
            "personal_data" => input.personal_data = self.yes_no(field, v),
            "data_controller" => input.data_controller = Self::text(v),
            "dpa" => input.dpa = self.yes_no(field, v),
            "dpa_date" => input.dpa_date = self.date(field, v),
            "dpia_date" => input.dpia_date = self.date(field, v),
            "processing_record_ref" => input.processing_record_ref = Self::text(v),
            "archive_records" => input.archive_records = self.yes_no(field, v),
            "archive_method" => {
                input.archive_method = self.choice(
                    field,
                    v,
                    ArchiveMethod::ALL,
                    ArchiveMethod::code,
                    ArchiveMethod::label_key,
                )
            }
            "support_with" => input.support_with = Self::text(v),
            "support_expires" => input.support_expires = self.date(field, v),
            "support_notice_days" => {
                input.support_notice_days = self.number(field, v, "system-notice-days")
            }
            "last_evaluated" => input.last_evaluated = self.date(field, v),
            "notes" => input.notes = Self::text(v),
            _ => {}
        }
    }
}

/// The header row (the first with a known column, «Navn» among them) and the field of each
/// column.
fn header(table: &Table) -> Option<(usize, Vec<Option<&'static str>>)> {
    crate::transfer::header_row(table, &COLUMNS, "name")
}

/// Every row of the file read, checked and compared with what is saved.
fn plan_rows(
    user: &CurrentUser,
    lang: Lang,
    table: &Table,
    lookup: &Lookup,
    file_errors: &mut Vec<String>,
) -> Vec<Planned> {
    let Some((at, cols)) = header(table) else {
        file_errors.push(lang.t("systems-transfer-no-header"));
        return Vec::new();
    };
    let editor = user.can_edit_plan();
    let mut seen_ids: HashSet<i64> = HashSet::new();
    let mut seen_names: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (row, cells) in table.rows.iter().skip(at + 1) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if out.len() >= MAX_ROWS {
            file_errors.push(lang.tr(
                "systems-transfer-too-many-rows",
                &[("max", MAX_ROWS.into())],
            ));
            break;
        }
        let value = |field: &str| {
            cols.iter().position(|c| *c == Some(field)).map(|i| {
                undefuse(cells.get(i).map(String::as_str).unwrap_or(""))
                    .trim()
                    .to_string()
            })
        };
        let mut r = RowReader {
            lang,
            lookup,
            errors: Vec::new(),
        };
        // The key: a saved system of the municipality, or none (a new one).
        let key = value(KEY).unwrap_or_default();
        let saved = if key.is_empty() {
            None
        } else {
            match key
                .parse::<i64>()
                .ok()
                .and_then(|id| lookup.systems.get(&id))
            {
                Some(s) => Some(s),
                None => {
                    r.error(
                        KEY,
                        Msg::with(
                            "systems-transfer-key-unknown",
                            [("key", key.clone().into())],
                        ),
                    );
                    None
                }
            }
        };
        if let Some(s) = saved
            && !seen_ids.insert(s.id)
        {
            r.error(
                KEY,
                Msg::with("systems-transfer-key-twice", [("key", s.id.into())]),
            );
        }
        let mut input = saved
            .map(|s| s.input.clone())
            .unwrap_or_else(|| SystemInput {
                lifecycle: Some(Lifecycle::InUse),
                ..SystemInput::default()
            });
        let mut owner = match &input.owner {
            Owner::Unit(u) => (Some(*u), None),
            Owner::Text(t) => (None, Some(t.clone())),
            Owner::Nobody => (None, None),
        };
        for (i, col) in cols.iter().enumerate() {
            if let Some(field) = col
                && *field != KEY
            {
                let v = undefuse(cells.get(i).map(String::as_str).unwrap_or(""));
                r.set(&mut input, field, v, &mut owner);
            }
        }
        // A file with only one of the two owner columns names the owner in full.
        let has = |field: &str| cols.contains(&Some(field));
        match (has("owner"), has("owner_text")) {
            (true, false) if owner.0.is_some() => owner.1 = None,
            (false, true) if owner.1.is_some() => owner.0 = None,
            _ => {}
        }
        input.owner = match owner {
            (Some(u), None) => Owner::Unit(u),
            (None, Some(t)) => Owner::Text(t),
            (None, None) => Owner::Nobody,
            (Some(_), Some(_)) => {
                r.error("owner_text", Msg::new("system-owner-one"));
                Owner::Nobody
            }
        };
        let mut errors = FormErrors::default();
        input.check(&mut errors);
        for (field, msg) in errors.all() {
            r.error(field, msg.clone());
        }
        // A name is the register's own: no two systems share one.
        let name = normalize(&input.name);
        if !name.is_empty() {
            if let Some(other) = lookup.system_names.get(&name)
                && saved.is_none_or(|s| s.id != *other)
            {
                r.error("name", Msg::new("system-name-taken"));
            } else if let Some(first) = seen_names.insert(name, *row) {
                r.error(
                    "name",
                    Msg::with("systems-transfer-name-twice", [("row", first.into())]),
                );
            }
        }
        let changes: Vec<Change> = match saved {
            Some(s) => COLUMNS
                .iter()
                .filter(|(f, _)| *f != KEY)
                .filter_map(|(f, key)| {
                    let before = cell(lang, &s.input, f, &lookup.names);
                    let after = cell(lang, &input, f, &lookup.names);
                    (before != after).then_some(Change {
                        field: key,
                        before,
                        after,
                    })
                })
                .collect(),
            None => Vec::new(),
        };
        // A superuser: their own systems, their fields, nothing new.
        if !editor {
            match saved {
                None => r.errors.push(lang.t("systems-transfer-superuser-new")),
                // The whole register exported and handed back: the other systems' rows are
                // left alone as long as they change nothing.
                Some(s) if !s.is_superuser(user) && !changes.is_empty() => r.errors.push(lang.tr(
                    "systems-transfer-superuser-other",
                    &[("name", s.input.name.clone().into())],
                )),
                Some(s) if !s.is_superuser(user) => {}
                Some(_) => {
                    let theirs: Vec<&str> =
                        SUPERUSER_FIELDS.iter().map(|f| header_key(f)).collect();
                    let others: Vec<String> = changes
                        .iter()
                        .filter(|c| !theirs.contains(&c.field))
                        .map(|c| lang.t(c.field))
                        .collect();
                    if !others.is_empty() {
                        let allowed = theirs
                            .iter()
                            .map(|key| lang.t(key))
                            .collect::<Vec<_>>()
                            .join(", ");
                        r.errors.push(lang.tr(
                            "systems-transfer-superuser-field",
                            &[
                                ("allowed", allowed.into()),
                                ("fields", others.join(", ").into()),
                            ],
                        ));
                    }
                }
            }
        }
        let fate = if !r.errors.is_empty() {
            Fate::Error
        } else if saved.is_none() {
            Fate::New
        } else if changes.is_empty() {
            Fate::Unchanged
        } else {
            Fate::Changed
        };
        out.push(Planned {
            preview: PreviewRow {
                row: *row,
                name: input.name.clone(),
                system_id: saved.map(|s| s.id),
                fate,
                changes,
                errors: r.errors,
            },
            version: saved.map(|s| s.version).unwrap_or(0),
            input,
        });
    }
    if out.is_empty() && file_errors.is_empty() {
        file_errors.push(lang.t("systems-transfer-no-rows"));
    }
    out
}

fn require_importer(user: &CurrentUser) -> AppResult<()> {
    user.require(IMPORTERS)
}

pub async fn form(ctx: Ctx) -> AppResult<ImportPage> {
    require_importer(&ctx.user)?;
    Ok(import_page(ctx, None))
}

/// The uploaded file read, checked and compared with the register; nothing is written.
pub async fn preview(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<Response> {
    require_importer(&ctx.user)?;
    let (file_name, table) = match read_file(multipart).await {
        Ok(t) => t,
        Err(msg) => return Ok(import_page(ctx, Some(msg)).into_response()),
    };
    let lookup = Lookup::load(&state.db, ctx.user.municipality_id).await?;
    let mut file_errors = Vec::new();
    let planned = plan_rows(&ctx.user, ctx.lang, &table, &lookup, &mut file_errors);
    let ok = file_errors.is_empty() && planned.iter().all(|p| p.preview.fate != Fate::Error);
    let token = if ok {
        let versions = planned
            .iter()
            .filter_map(|p| p.preview.system_id.map(|id| (id, p.version)))
            .collect();
        let staged = Staged::new(file_name.clone(), table, versions);
        Some(staged.keep(&session, STAGED_KEY).await?)
    } else {
        None
    };
    Ok(PreviewPage {
        ctx,
        file_name,
        rows: planned.into_iter().map(|p| p.preview).collect(),
        file_errors,
        token,
    }
    .into_response())
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    token: String,
}

pub async fn confirm(
    user: CurrentUser,
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<ConfirmForm>,
) -> AppResult<Response> {
    require_importer(&user)?;
    let lang = user.lang;
    let staged = Staged::take(&session, STAGED_KEY, &form.token).await;
    let Some(staged) = staged else {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            Msg::new("systems-transfer-preview-gone"),
            "/systems/import",
        )
        .await);
    };
    let m = user.municipality_id;
    let lookup = Lookup::load(&state.db, m).await?;
    let table = staged.table();
    let mut file_errors = Vec::new();
    let planned = plan_rows(&user, lang, &table, &lookup, &mut file_errors);
    if !file_errors.is_empty() || planned.iter().any(|p| p.preview.fate == Fate::Error) {
        return Ok(flash_redirect(
            &session,
            FlashKind::Danger,
            Msg::new("systems-transfer-confirm-errors"),
            "/systems/import",
        )
        .await);
    }
    let versions: HashMap<i64, i32> = staged.versions.into_iter().collect();
    let mut tx = state.db.begin().await?;
    let actor = audit::begin_event(
        &mut tx,
        Actor::from(&user),
        EventKind::Import,
        &staged.file_name,
        Some("/systems"),
    )
    .await?;
    let (mut created, mut changed, mut unchanged) = (0usize, 0usize, 0usize);
    let mut refused: Vec<String> = Vec::new();
    for p in &planned {
        let Some(id) = p.preview.system_id else {
            store::insert(&mut tx, actor, &p.input).await?;
            created += 1;
            continue;
        };
        // The version the preview showed; a system saved since is not overwritten.
        let based_on = versions.get(&id).copied().unwrap_or(p.version);
        if p.preview.fate == Fate::Unchanged && based_on == p.version {
            unchanged += 1;
            continue;
        }
        let mut one = tx.begin().await?;
        match store::update(&mut one, actor, id, based_on, &p.input).await? {
            Outcome::Saved => {
                one.commit().await?;
                changed += 1;
            }
            Outcome::Unchanged => {
                one.rollback().await?;
                unchanged += 1;
            }
            Outcome::Stale { by, at } => {
                one.rollback().await?;
                let who = by.unwrap_or_else(|| lang.t("measure-someone-else"));
                refused.push(lang.tr(
                    "systems-transfer-refused-changed",
                    &[
                        ("name", p.preview.name.clone().into()),
                        ("who", who.into()),
                        ("when", at.into()),
                    ],
                ));
            }
        }
    }
    if created + changed == 0 {
        tx.rollback().await?;
    } else {
        tx.commit().await?;
    }
    let file: crate::i18n::Arg = staged.file_name.into();
    let message = if refused.is_empty() {
        Msg::with(
            "systems-transfer-imported",
            [
                ("file", file),
                ("created", created.into()),
                ("changed", changed.into()),
                ("unchanged", unchanged.into()),
            ],
        )
    } else {
        Msg::with(
            "systems-transfer-imported-refused",
            [
                ("file", file),
                ("created", created.into()),
                ("changed", changed.into()),
                ("refused", refused.len().into()),
                ("list", refused.join(" ").into()),
            ],
        )
    };
    let kind = if refused.is_empty() {
        FlashKind::Success
    } else {
        FlashKind::Danger
    };
    Ok(flash_redirect(&session, kind, message, "/systems").await)
}
