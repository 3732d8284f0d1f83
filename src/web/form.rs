//! The one way to read a form and the one shape of its validation.
//!
//! Every urlencoded body goes through `Form<T>` (a struct; repeated keys such as checkboxes
//! collect into a `Vec`) or, where field names carry numbers (`cost_amount_3`, `cell_2014_5`),
//! `FormPairs`. Both refuse a NUL byte and bound every value's length here, once, so no handler
//! and no database limit has to: PostgreSQL cannot store `0x00` in text and would answer 500.
//!
//! A handler then calls its form's `validate(&self) -> Result<Valid, FormErrors>` and renders
//! the errors beside their fields with the input kept; `on_constraint` turns a unique or check
//! violation the database reports into such an error.

use axum::{
    body::Bytes,
    extract::{FromRequest, Request},
};
use serde::de::DeserializeOwned;

use crate::{error::AppError, i18n::Msg};

/// No field of any form is longer than this (in characters); a field with a tighter rule says so
/// beside itself. Larger values are not typed by a person.
pub const MAX_FIELD_CHARS: usize = 20_000;

/// The largest urlencoded form body (the measure form with many cost lines is far below).
pub const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;
/// The largest file an upload form takes.
pub const MAX_UPLOAD_FILE: usize = 5 * 1024 * 1024;
/// The largest multipart body read at all: well above the file limit, so that a file somewhat
/// too large gets the upload form's own message rather than a bare refusal.
pub const MAX_UPLOAD_BODY: usize = 4 * MAX_UPLOAD_FILE;

/// A urlencoded form read into `T`, after `checked_pairs` has vetted every value.
pub struct Form<T>(pub T);

impl<T, S> FromRequest<S> for Form<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = body(req, state).await?;
        checked_pairs(&bytes)?;
        serde_html_form::from_bytes(&bytes)
            .map(Form)
            .map_err(|_| unreadable())
    }
}

/// A urlencoded form as its (key, value) pairs, for forms whose field names carry numbers.
pub struct FormPairs(pub Vec<(String, String)>);

impl FormPairs {
    /// The first value of `key`, or "".
    pub fn first(&self, key: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// Every value of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

impl<S: Send + Sync> FromRequest<S> for FormPairs {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = body(req, state).await?;
        checked_pairs(&bytes).map(FormPairs)
    }
}

async fn body<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, AppError> {
    Bytes::from_request(req, state).await.map_err(|e| {
        // axum's own limit (DefaultBodyLimit, 2 MB unless a route raises it) says so in English.
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            return AppError::BadRequest(Msg::with(
                "error-request-too-large",
                [("mb", (MAX_FORM_BYTES / (1024 * 1024)).into())],
            ));
        }
        AppError::BadRequest(Msg::with(
            "error-body-unreadable",
            [("reason", e.body_text().into())],
        ))
    })
}

fn unreadable() -> AppError {
    AppError::BadRequest(Msg::new("form-unreadable"))
}

/// The body's pairs, or a clear refusal naming the field with a NUL byte or an overlong value.
/// The browser's Back button brings the user's input back.
pub fn checked_pairs(bytes: &[u8]) -> Result<Vec<(String, String)>, AppError> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(bytes).map_err(|_| unreadable())?;
    for (key, value) in &pairs {
        let field = key
            .chars()
            .take(40)
            .filter(|c| *c != '\0')
            .collect::<String>();
        if key.contains('\0') || value.contains('\0') {
            return Err(AppError::BadRequest(Msg::with(
                "form-field-nul",
                [("field", field.into())],
            )));
        }
        if value.chars().count() > MAX_FIELD_CHARS {
            return Err(AppError::BadRequest(Msg::with(
                "form-field-too-long",
                [("field", field.into()), ("max", MAX_FIELD_CHARS.into())],
            )));
        }
    }
    Ok(pairs)
}

/// Field-level validation messages for a form, in the order they were found. A form shows all
/// of them at once, each beside its field, in the reader's language (`{{ ctx.msg(e) }}`).
#[derive(Debug, Default, Clone)]
pub struct FormErrors(Vec<(&'static str, Msg)>);

impl FormErrors {
    /// `errors.add("username", Msg::new("user-username-taken"))`.
    pub fn add(&mut self, field: &'static str, message: Msg) {
        self.0.push((field, message));
    }

    pub fn get(&self, field: &str) -> Option<&Msg> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }

    pub fn has(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn all(&self) -> &[(&'static str, Msg)] {
        &self.0
    }

    /// `Ok(valid)` when nothing was found, else the errors: the end of every `validate`.
    pub fn finish<T>(self, valid: T) -> Result<T, FormErrors> {
        if self.is_empty() {
            Ok(valid)
        } else {
            Err(self)
        }
    }
}

/// A unique or check violation listed in `known` (constraint, field, message) as a message at
/// its field; any other error passes on unchanged.
pub fn on_constraint(
    e: impl Into<AppError>,
    known: &[(&str, &'static str, Msg)],
) -> Result<FormErrors, AppError> {
    let e = e.into();
    if let AppError::Database(sqlx::Error::Database(db)) = &e
        && let Some(name) = db.constraint()
        && let Some((_, field, message)) = known.iter().find(|(c, ..)| *c == name)
    {
        let mut errors = FormErrors::default();
        errors.add(field, message.clone());
        return Ok(errors);
    }
    Err(e)
}

/// The trimmed text, or None when it is blank.
pub fn trimmed(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_byte_or_an_overlong_value_is_refused_with_the_fields_name() {
        let err = checked_pairs(b"title=a%00b&x=1").unwrap_err();
        assert!(
            matches!(&err, AppError::BadRequest(m) if m.contains("«title»") && m.contains("NUL"))
        );
        let long = format!("comment={}", "a".repeat(MAX_FIELD_CHARS + 1));
        let err = checked_pairs(long.as_bytes()).unwrap_err();
        assert!(matches!(&err, AppError::BadRequest(m) if m.contains("«comment»")));
        let ok = checked_pairs("title=%C3%A6%C3%B8%C3%A5&t=1".as_bytes()).unwrap();
        assert_eq!(ok[0], ("title".into(), "æøå".into()));
    }
}
