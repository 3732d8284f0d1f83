//! Creating and editing a system (`/systems/new`, `/systems/{id}/edit`). IKT staff edit every
//! field; a superuser of the system edits only `SUPERUSER_FIELDS`, sees the rest read-only, and
//! a post that carries any other field is refused before anything is read from it.
//!
//! Editing is optimistically locked like the measure form: the form carries the version it was
//! loaded at; a save based on an older one is refused with who saved meanwhile, the input kept.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Path, State},
    response::{IntoResponse, Response},
};
use tower_sessions::Session;

use super::{
    model::{
        ArchiveMethod, Criticality, Lifecycle, OperatorKind, Owner, SUPERUSER_FIELDS, SystemInput,
    },
    read::{self, Options, System},
    store::{self, Outcome},
};
use crate::{
    AppState,
    audit::Actor,
    auth::{CurrentUser, Editor},
    domain::parse_date,
    error::{AppError, AppResult},
    i18n::Msg,
    web::{Ctx, FlashKind, FormErrors, FormPairs, flash_redirect, form::trimmed, on_constraint},
};

/// The form's values as text, by field name (the posted ones when it comes back refused).
#[derive(Default)]
pub struct Values {
    one: HashMap<String, String>,
    many: HashMap<String, Vec<String>>,
}

impl Values {
    pub fn v(&self, field: &str) -> &str {
        self.one.get(field).map(String::as_str).unwrap_or("")
    }

    pub fn is(&self, field: &str, value: &str) -> bool {
        self.v(field) == value
    }

    pub fn has(&self, field: &str, id: &i64) -> bool {
        let id = id.to_string();
        self.many.get(field).is_some_and(|v| v.contains(&id))
    }

    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut out = Values::default();
        for (k, v) in pairs {
            if k == "superusers" || k == "measures" {
                out.many.entry(k.clone()).or_default().push(v.clone());
            } else {
                out.one.insert(k.clone(), v.clone());
            }
        }
        out
    }

    fn from_input(i: &SystemInput) -> Self {
        let mut one = HashMap::new();
        let mut put = |k: &str, v: Option<String>| {
            one.insert(k.to_string(), v.unwrap_or_default());
        };
        let tri = |b: Option<bool>| b.map(|b| if b { "yes" } else { "no" }.to_string());
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        put("name", Some(i.name.clone()));
        put("description", i.description.clone());
        put("vendor", i.vendor.clone());
        put("operator_kind", i.operator_kind.map(|o| o.code().into()));
        put("operator_name", i.operator_name.clone());
        match &i.owner {
            Owner::Unit(u) => put("owner", Some(u.to_string())),
            Owner::Text(t) => put("owner_text", Some(t.clone())),
            Owner::Nobody => {}
        }
        put("administrator", i.administrator_id.map(|a| a.to_string()));
        put("users_count", i.users_count.map(|n| n.to_string()));
        put("cooperation", i.cooperation_id.map(|c| c.to_string()));
        put("host", i.host.clone());
        put("server_location", i.server_location.clone());
        put("database", i.database.clone());
        put("lifecycle", i.lifecycle.map(|l| l.code().into()));
        put("criticality", i.criticality.map(|c| c.code().into()));
        put("personal_data", tri(i.personal_data));
        put("data_controller", i.data_controller.clone());
        put("dpa", tri(i.dpa));
        put("dpa_date", date(i.dpa_date));
        put("dpia_date", date(i.dpia_date));
        put("processing_record_ref", i.processing_record_ref.clone());
        put("archive_records", tri(i.archive_records));
        put("archive_method", i.archive_method.map(|a| a.code().into()));
        put("support_with", i.support_with.clone());
        put("support_expires", date(i.support_expires));
        put(
            "support_notice_days",
            i.support_notice_days.map(|n| n.to_string()),
        );
        put("last_evaluated", date(i.last_evaluated));
        put("notes", i.notes.clone());
        let mut many = HashMap::new();
        many.insert(
            "superusers".to_string(),
            i.superusers.iter().map(i64::to_string).collect(),
        );
        many.insert(
            "measures".to_string(),
            i.measures.iter().map(i64::to_string).collect(),
        );
        Values { one, many }
    }
}

pub struct StaleView {
    pub who: String,
    pub when: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "systems/form.html")]
pub struct FormPage {
    pub ctx: Ctx,
    /// (id, saved name) when editing.
    pub system: Option<(i64, String)>,
    pub version: i32,
    pub v: Values,
    pub options: Options,
    pub errors: FormErrors,
    pub stale: Option<StaleView>,
    /// A superuser's form: only their fields are inputs, the rest read-only.
    pub restricted: bool,
    /// The system as saved, for the read-only fields of a superuser's form.
    pub saved: Option<System>,
    pub lifecycles: &'static [Lifecycle],
    pub criticalities: &'static [Criticality],
    pub operators: &'static [OperatorKind],
    pub archive_methods: &'static [ArchiveMethod],
}

impl FormPage {
    fn new(ctx: Ctx, options: Options, v: Values) -> Self {
        FormPage {
            ctx,
            system: None,
            version: 0,
            v,
            options,
            errors: FormErrors::default(),
            stale: None,
            restricted: false,
            saved: None,
            lifecycles: Lifecycle::ALL,
            criticalities: Criticality::ALL,
            operators: OperatorKind::ALL,
            archive_methods: ArchiveMethod::ALL,
        }
    }

    pub fn id_is(&self, field: &str, id: &i64) -> bool {
        self.v.v(field) == id.to_string()
    }

    /// A superuser's e-mail (`email`) or phone as posted, else as saved.
    pub fn contact(&self, email: bool, c: &read::Contact) -> String {
        let key = if email {
            format!("contact_email_{}", c.person_id)
        } else {
            format!("contact_phone_{}", c.person_id)
        };
        match self.v.one.get(&key) {
            Some(v) => v.clone(),
            None => if email {
                c.email.clone()
            } else {
                c.phone.clone()
            }
            .unwrap_or_default(),
        }
    }
}

/// Reads the whole form into an input, or the errors beside their fields.
fn read_input(pairs: &FormPairs) -> Result<SystemInput, FormErrors> {
    let mut errors = FormErrors::default();
    let f = |k: &str| pairs.first(k);
    let mut date = |field: &'static str| match trimmed(f(field)) {
        None => None,
        Some(s) => match parse_date(&s) {
            Ok(d) => Some(d),
            Err(m) => {
                errors.add(field, m);
                None
            }
        },
    };
    let dpa_date = date("dpa_date");
    let dpia_date = date("dpia_date");
    let support_expires = date("support_expires");
    let last_evaluated = date("last_evaluated");
    let mut number = |field: &'static str, key: &'static str| match trimmed(f(field)) {
        None => None,
        Some(s) => match s.replace(' ', "").parse::<i32>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.add(field, Msg::new(key));
                None
            }
        },
    };
    let users_count = number("users_count", "system-users-number");
    let support_notice_days = number("support_notice_days", "system-notice-days");
    let tri = |field: &str| match f(field) {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    let id = |field: &str| f(field).trim().parse::<i64>().ok();
    let ids = |field: &str| {
        pairs
            .all(field)
            .iter()
            .filter_map(|v| v.trim().parse::<i64>().ok())
            .collect::<Vec<_>>()
    };
    let owner = match (id("owner"), trimmed(f("owner_text"))) {
        (Some(u), None) => Owner::Unit(u),
        (None, Some(t)) => Owner::Text(t),
        (None, None) => Owner::Nobody,
        (Some(_), Some(_)) => {
            errors.add("owner_text", Msg::new("system-owner-one"));
            Owner::Nobody
        }
    };
    let input = SystemInput {
        name: f("name").trim().to_string(),
        description: trimmed(f("description")),
        vendor: trimmed(f("vendor")),
        operator_kind: OperatorKind::parse(f("operator_kind")),
        operator_name: trimmed(f("operator_name")),
        owner,
        administrator_id: id("administrator"),
        superusers: ids("superusers"),
        users_count,
        cooperation_id: id("cooperation"),
        host: trimmed(f("host")),
        server_location: trimmed(f("server_location")),
        database: trimmed(f("database")),
        lifecycle: Lifecycle::parse(f("lifecycle")),
        criticality: Criticality::parse(f("criticality")),
        personal_data: tri("personal_data"),
        data_controller: trimmed(f("data_controller")),
        dpa: tri("dpa"),
        dpa_date,
        dpia_date,
        processing_record_ref: trimmed(f("processing_record_ref")),
        archive_records: tri("archive_records"),
        archive_method: ArchiveMethod::parse(f("archive_method")),
        support_with: trimmed(f("support_with")),
        support_expires,
        support_notice_days,
        last_evaluated,
        notes: trimmed(f("notes")),
        measures: ids("measures"),
    };
    input.check(&mut errors);
    errors.finish(input)
}

/// A superuser's post: refused unless every field is theirs; then their fields over what is
/// saved.
fn superuser_input(
    pairs: &FormPairs,
    saved: &SystemInput,
) -> AppResult<Result<SystemInput, FormErrors>> {
    if let Some((key, _)) = pairs.0.iter().find(|(k, _)| {
        k != "version" && !SUPERUSER_FIELDS.contains(&k.as_str()) && contact_of(k, saved).is_none()
    }) {
        tracing::warn!(field = %key, "a superuser's form carried a field that is not theirs");
        return Err(AppError::Forbidden {
            needed: Editor::ROLES,
        });
    }
    // The whole form as saved, with the superuser's fields as posted.
    let mut all: Vec<(String, String)> = Values::from_input(saved)
        .one
        .into_iter()
        .filter(|(k, _)| !SUPERUSER_FIELDS.contains(&k.as_str()))
        .collect();
    all.extend(
        saved
            .superusers
            .iter()
            .map(|s| ("superusers".to_string(), s.to_string())),
    );
    all.extend(
        saved
            .measures
            .iter()
            .map(|s| ("measures".to_string(), s.to_string())),
    );
    all.extend(
        pairs
            .0
            .iter()
            .filter(|(k, _)| contact_of(k, saved).is_none())
            .cloned(),
    );
    Ok(read_input(&FormPairs(all)))
}

/// `contact_email_<person>` / `contact_phone_<person>` for one of the system's superusers:
/// (person, is the e-mail).
fn contact_of(key: &str, saved: &SystemInput) -> Option<(i64, bool)> {
    let (email, id) = match (
        key.strip_prefix("contact_email_"),
        key.strip_prefix("contact_phone_"),
    ) {
        (Some(id), _) => (true, id),
        (_, Some(id)) => (false, id),
        _ => return None,
    };
    let id = id.parse::<i64>().ok()?;
    saved.superusers.contains(&id).then_some((id, email))
}

/// The superusers' contact details as posted: (person, e-mail, phone), or the message.
type Contact = (i64, Option<String>, Option<String>);

fn read_contacts(pairs: &FormPairs, saved: &SystemInput) -> Result<Vec<Contact>, FormErrors> {
    let mut errors = FormErrors::default();
    let mut out: Vec<Contact> = Vec::new();
    for id in &saved.superusers {
        let email_key = format!("contact_email_{id}");
        let phone_key = format!("contact_phone_{id}");
        if !pairs
            .0
            .iter()
            .any(|(k, _)| *k == email_key || *k == phone_key)
        {
            continue;
        }
        let email = trimmed(pairs.first(&email_key)).map(|e| e.to_lowercase());
        let phone = trimmed(pairs.first(&phone_key));
        if email
            .as_deref()
            .is_some_and(|e| !crate::org::model::email_ok(e))
        {
            errors.add("contacts", Msg::new("org-email-invalid"));
        }
        if phone
            .as_deref()
            .is_some_and(|p| !crate::org::model::phone_ok(p))
        {
            errors.add(
                "contacts",
                Msg::with(
                    "org-phone-invalid",
                    [("max", crate::org::model::PHONE_MAX.into())],
                ),
            );
        }
        out.push((*id, email, phone));
    }
    errors.finish(out)
}

/// Who may open the edit form of `s`: IKT staff, or a superuser of the system (restricted).
fn access(user: &CurrentUser, s: &System) -> AppResult<bool> {
    if user.can_edit_plan() {
        return Ok(false);
    }
    user.require_that(s.is_superuser(user), Editor::ROLES)?;
    Ok(true)
}

pub(super) async fn new_form(
    _: Editor,
    ctx: Ctx,
    State(state): State<AppState>,
) -> AppResult<FormPage> {
    let options = read::options(&state.db, ctx.user.municipality_id).await?;
    let mut v = Values::default();
    v.one.insert("lifecycle".into(), "in_use".into());
    Ok(FormPage::new(ctx, options, v))
}

pub(super) async fn create(
    Editor(user): Editor,
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    pairs: FormPairs,
) -> AppResult<Response> {
    let options = read::options(&state.db, user.municipality_id).await?;
    let input = match read_input(&pairs) {
        Ok(i) => i,
        Err(errors) => {
            let mut page = FormPage::new(ctx, options, Values::from_pairs(&pairs.0));
            page.errors = errors;
            return Ok(page.into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    match store::insert(&mut tx, Actor::from(&user), &input).await {
        Ok(id) => {
            tx.commit().await?;
            Ok(flash_redirect(
                &session,
                FlashKind::Success,
                Msg::with("system-created", [("name", input.name.clone().into())]),
                &format!("/systems/{id}"),
            )
            .await)
        }
        Err(e) => {
            let errors = on_constraint(
                e,
                &[(
                    "system_municipality_id_name_key",
                    "name",
                    Msg::new("system-name-taken"),
                )],
            )?;
            let mut page = FormPage::new(ctx, options, Values::from_pairs(&pairs.0));
            page.errors = errors;
            Ok(page.into_response())
        }
    }
}

pub(super) async fn edit_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<FormPage> {
    let m = ctx.user.municipality_id;
    let s = read::system(&state.db, m, id).await?;
    let restricted = access(&ctx.user, &s)?;
    let options = read::options(&state.db, m).await?;
    let mut page = FormPage::new(ctx, options, Values::from_input(&s.input));
    page.system = Some((s.id, s.input.name.clone()));
    page.version = s.version;
    page.restricted = restricted;
    page.saved = Some(s);
    Ok(page)
}

pub(super) async fn update(
    ctx: Ctx,
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    pairs: FormPairs,
) -> AppResult<Response> {
    let user = ctx.user.clone();
    let m = user.municipality_id;
    let s = read::system(&state.db, m, id).await?;
    let restricted = access(&user, &s)?;
    let Ok(version) = pairs.first("version").trim().parse::<i32>() else {
        return Err(AppError::BadRequest(Msg::new("system-form-no-version")));
    };
    let contacts = if restricted {
        read_contacts(&pairs, &s.input)
    } else {
        Ok(Vec::new())
    };
    let read = if restricted {
        superuser_input(&pairs, &s.input)?
    } else {
        read_input(&pairs)
    };
    // A contact detail's error joins the form's, so both are shown at once.
    let (read, contacts) = match (read, contacts) {
        (Ok(i), Ok(c)) => (Ok(i), c),
        (Err(mut e), Err(c)) => {
            for (f, m) in c.all() {
                e.add(f, m.clone());
            }
            (Err(e), Vec::new())
        }
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => (Err(e), Vec::new()),
    };
    let options = read::options(&state.db, m).await?;
    let shown = |page_values: Values, errors: FormErrors, ctx: Ctx, s: System| {
        let mut page = FormPage::new(ctx, options, page_values);
        page.system = Some((s.id, s.input.name.clone()));
        page.version = version;
        page.restricted = restricted;
        page.errors = errors;
        page.saved = Some(s);
        page
    };
    let input = match read {
        Ok(i) => i,
        Err(errors) => {
            let values = if restricted {
                merged_values(&s.input, &pairs)
            } else {
                Values::from_pairs(&pairs.0)
            };
            return Ok(shown(values, errors, ctx, s).into_response());
        }
    };
    let mut tx = state.db.begin().await?;
    let outcome = match store::update(&mut tx, Actor::from(&user), id, version, &input).await {
        Ok(o) => o,
        Err(e) => {
            let errors = on_constraint(
                e,
                &[(
                    "system_municipality_id_name_key",
                    "name",
                    Msg::new("system-name-taken"),
                )],
            )?;
            return Ok(shown(Values::from_pairs(&pairs.0), errors, ctx, s).into_response());
        }
    };
    match outcome {
        Outcome::Stale { by, at } => {
            let now = read::system(&state.db, m, id).await?;
            let values = if restricted {
                merged_values(&s.input, &pairs)
            } else {
                Values::from_pairs(&pairs.0)
            };
            let who = by.unwrap_or_else(|| ctx.t("measure-someone-else"));
            let mut page = shown(values, FormErrors::default(), ctx, now);
            // Saving again is deliberate: based on what is saved now.
            page.version = page.saved.as_ref().map(|s| s.version).unwrap_or(version);
            page.stale = Some(StaleView { who, when: at });
            Ok(page.into_response())
        }
        Outcome::Saved | Outcome::Unchanged => {
            for (person, email, phone) in &contacts {
                crate::org::store::set_contact(
                    &mut tx,
                    Actor::from(&user),
                    *person,
                    email.as_deref(),
                    phone.as_deref(),
                )
                .await?;
            }
            tx.commit().await?;
            Ok(flash_redirect(
                &session,
                FlashKind::Success,
                Msg::new("system-saved"),
                &format!("/systems/{id}"),
            )
            .await)
        }
    }
}

fn merged_values(saved: &SystemInput, pairs: &FormPairs) -> Values {
    let mut v = Values::from_input(saved);
    for (k, val) in &pairs.0 {
        v.one.insert(k.clone(), val.clone());
    }
    v
}
