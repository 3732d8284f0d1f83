//! A user as the admin's form gives it, the rules it must meet, and how the audit log keeps it.

use serde::{Deserialize, Serialize};

use crate::{
    audit::{Audited, Table},
    auth::{Role, RoleSet, password},
    i18n::{Lang, Malform, Msg},
    web::FormErrors,
};

/// The user form as posted; checkbox values arrive as repeated `role` fields.
#[derive(Default, Deserialize)]
pub struct UserForm {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    /// Only on the create form.
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default, rename = "role")]
    pub roles: Vec<String>,
}

/// A checked user form: names normalised, roles parsed.
pub struct ValidUser {
    pub username: String,
    pub email: String,
    pub display_name: String,
    pub roles: RoleSet,
    /// The new user's password (create form only).
    pub password: Option<String>,
}

impl UserForm {
    pub fn roles(&self) -> RoleSet {
        RoleSet::from_codes(&self.roles)
    }

    pub fn validate(&self) -> Result<ValidUser, FormErrors> {
        let mut errors = FormErrors::default();
        let username = self.username.trim().to_lowercase();
        let email = self.email.trim().to_lowercase();
        let display_name = self.display_name.trim().to_string();
        if username.len() < 2 || username.len() > 64 {
            errors.add("username", Msg::new("user-username-length"));
        } else if !username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            errors.add("username", Msg::new("user-username-chars"));
        }
        check_email(&email, &mut errors);
        check_display_name(&display_name, &mut errors);
        if self.roles.iter().any(|c| Role::parse(c).is_none()) {
            errors.add("roles", Msg::new("user-role-unknown"));
        } else if self.roles().is_empty() {
            errors.add("roles", Msg::new("user-role-none"));
        }
        if let Some(msg) = self.password.as_deref().and_then(password::weakness) {
            errors.add("password", msg);
        }
        errors.finish(ValidUser {
            username,
            email,
            display_name,
            roles: self.roles(),
            password: self.password.clone(),
        })
    }
}

/// The e-mail rule the admin's form and the profile share.
pub(super) fn check_email(email: &str, errors: &mut FormErrors) {
    if !plausible_email(email) {
        errors.add("email", Msg::new("user-email-invalid"));
    }
}

/// The name rule the admin's form and the profile share.
pub(super) fn check_display_name(name: &str, errors: &mut FormErrors) {
    if name.is_empty() {
        errors.add("display_name", Msg::new("user-name-required"));
    } else if name.chars().count() > 200 {
        errors.add("display_name", Msg::new("user-name-too-long"));
    }
}

/// One «@», something before it, and a domain with a dot and no empty label after it
/// («kari@ringebu.kommune.no»; not «kari.test@ringebu»). Deliverability is the mail server's
/// business; this catches the typing errors.
fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && email.chars().count() <= 254
        && !email.chars().any(char::is_whitespace)
        && domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// The unique constraints a user form can run into, as messages at their fields.
pub const UNIQUE: &[(&str, &str, Msg)] = &[
    (
        "app_user_username_key",
        "username",
        Msg::new("user-username-taken"),
    ),
    ("app_user_email_key", "email", Msg::new("user-email-taken")),
];

/// The profile form: what every user may change about themselves.
#[derive(Default, Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub email: String,
    /// "" follows the municipality, else `nb` or `nn`.
    #[serde(default)]
    pub language: String,
}

pub struct ValidProfile {
    pub display_name: String,
    pub email: String,
    pub language: Option<Lang>,
}

impl ProfileForm {
    pub fn validate(&self) -> Result<ValidProfile, FormErrors> {
        let mut errors = FormErrors::default();
        let email = self.email.trim().to_lowercase();
        let display_name = self.display_name.trim().to_string();
        check_email(&email, &mut errors);
        check_display_name(&display_name, &mut errors);
        let language = match self.language.as_str() {
            "" => None,
            code => match Lang::from_code(code) {
                Some(l) => Some(l),
                None => {
                    errors.add("language", Msg::new("profile-language-unknown"));
                    None
                }
            },
        };
        errors.finish(ValidProfile {
            display_name,
            email,
            language,
        })
    }
}

/// The settings form: the municipality's målform.
#[derive(Default, Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    pub malform: String,
}

impl SettingsForm {
    pub fn validate(&self) -> Result<Malform, FormErrors> {
        let mut errors = FormErrors::default();
        let m = Malform::from_code(&self.malform);
        if m.is_none() {
            errors.add("malform", Msg::new("settings-malform-required"));
        }
        errors.finish(m.unwrap_or(Malform::Bokmal))
    }
}

/// What the audit log keeps of a user: never the password or its hash, only that it was set.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct UserSnapshot {
    pub username: String,
    pub email: String,
    pub display_name: String,
    pub roles: Vec<String>,
    pub active: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<&'static str>,
    /// The user's interface language (`nb`, `nn`); absent while it follows the municipality, as
    /// in every snapshot written before there was a choice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// That the calendar feed's address was made anew, and when; never the address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar_feed: Option<String>,
}

impl Audited for UserSnapshot {
    const TABLE: Table = Table::AppUser;
    fn name(&self) -> String {
        self.display_name.clone()
    }
}

/// What the audit log keeps of a municipality: made from the command line, its målform set on
/// the settings page.
#[derive(Serialize, Clone)]
pub struct MunicipalitySnapshot {
    pub name: String,
    pub org_number: Option<String>,
    pub municipality_number: String,
    /// bokmal, nynorsk, noytral; absent in snapshots from before there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub malform: Option<String>,
}

impl Audited for MunicipalitySnapshot {
    const TABLE: Table = Table::Municipality;
    fn name(&self) -> String {
        self.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::unlabelled_keys;

    #[test]
    fn every_key_of_the_user_and_municipality_snapshots_has_a_label_in_the_log() {
        let user = UserSnapshot {
            username: "kari".into(),
            email: "kari@kommune.no".into(),
            display_name: "Kari".into(),
            roles: vec!["ikt".into()],
            active: true,
            password: Some("nytt passord satt"),
            language: Some("nn".into()),
            calendar_feed: Some("ny adresse laget 02.12.2026 kl. 06:00".into()),
        };
        let municipality = MunicipalitySnapshot {
            name: "Ringebu kommune".into(),
            org_number: Some("961381185".into()),
            municipality_number: "3439".into(),
            malform: Some("nynorsk".into()),
        };
        assert!(unlabelled_keys(&user).is_empty());
        assert!(unlabelled_keys(&municipality).is_empty());
    }

    #[test]
    fn an_address_without_a_domain_dot_and_a_user_without_a_role_are_refused() {
        assert!(plausible_email("kari@ringebu.kommune.no"));
        assert!(!plausible_email("kari.test@ringebu"));
        assert!(!plausible_email("kari@ringebu."));
        assert!(!plausible_email("kari@@ringebu.no"));
        assert!(!plausible_email("kari nordmann@ringebu.no"));
        let form = UserForm {
            username: "kari".into(),
            email: "kari@ringebu.kommune.no".into(),
            display_name: "Kari".into(),
            password: None,
            roles: vec![],
        };
        let errors = form.validate().err().unwrap();
        assert!(errors.get("roles").unwrap().contains("minst én rolle"));
    }

    #[test]
    fn a_user_form_shows_every_problem_at_once() {
        let form = UserForm {
            username: "x".into(),
            email: "ikke-en-adresse".into(),
            display_name: " ".into(),
            password: Some("kort".into()),
            roles: vec!["sjef".into()],
        };
        let errors = form.validate().err().unwrap();
        for field in ["username", "email", "display_name", "password", "roles"] {
            assert!(errors.has(field), "{field}");
        }
    }
}
