//! Argon2id hashing, always off the async runtime (it takes tens of milliseconds of CPU).

use std::sync::OnceLock;

use argon2::{
    Argon2,
    password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash},
};

pub const MIN_LENGTH: usize = 10;

pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash_blocking(&password)).await?
}

pub fn hash_blocking(password: &str) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))
}

/// Verifies against `stored`, or against a fixed dummy hash when there is no account, so that an
/// unknown user takes as long to reject as a known one.
pub async fn verify(password: String, stored: Option<String>) -> anyhow::Result<bool> {
    tokio::task::spawn_blocking(move || {
        let stored = stored.as_deref().unwrap_or_else(|| dummy_hash());
        let parsed = PasswordHash::new(stored).map_err(|e| anyhow::anyhow!("argon2: {e}"))?;
        Ok(Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    })
    .await?
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_blocking("ingen-bruker-har-dette-passordet").expect("argon2 hash"))
}

/// A Norwegian message when the password is too weak, else None.
pub fn weakness(password: &str) -> Option<crate::i18n::Msg> {
    if password.chars().count() < MIN_LENGTH {
        return Some(crate::i18n::Msg::with(
            "password-too-short",
            [("min", MIN_LENGTH.into())],
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let h = hash("riktig-passord".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(
            verify("riktig-passord".into(), Some(h.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("feil-passord".into(), Some(h)).await.unwrap());
        assert!(!verify("hva som helst".into(), None).await.unwrap());
    }

    #[test]
    fn short_passwords_are_refused_with_a_message() {
        assert!(weakness("kort").unwrap().contains("minst 10 tegn"));
        assert!(weakness("langt-nok-passord").is_none());
    }
}
