//! Sending e-mail: plain-text messages over SMTP with `lettre`, configured by `SMTP_URL`
//! (lettre's connection URL: `smtp://host:25`, `smtp://host:587?tls=required`,
//! `smtps://user:pass@host`) and `MAIL_FROM`. Without `SMTP_URL` there is no mailer, and what
//! would have been mailed (the report reminders) shows in the app only.

use std::time::Duration;

use anyhow::Context;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Mailbox, header::ContentType},
};

use crate::config::Config;

/// The sender when `MAIL_FROM` is not set.
pub const DEFAULT_FROM: &str = "ikt-styring <noreply@localhost>";

/// How long one SMTP conversation may take before the send counts as failed (and is retried
/// on the next round).
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// One SMTP server and the address mail comes from. Each send opens its own connection, so a
/// mailer holds no state between sends and a new one behaves exactly like an old one.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    /// Never the URL: it may hold the SMTP password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .finish()
    }
}

impl Mailer {
    /// A mailer for `smtp_url` (lettre's connection URL) sending as `from`
    /// («Navn <adresse>» or a bare address).
    pub fn new(smtp_url: &str, from: &str) -> anyhow::Result<Self> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            // lettre's message names the part of the URL that is wrong, never the password.
            .context("SMTP_URL er ikke en gyldig SMTP-adresse")?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let from: Mailbox = from
            .parse()
            .with_context(|| format!("MAIL_FROM er ikke en gyldig avsender: {from:?}"))?;
        Ok(Mailer { transport, from })
    }

    /// The configured mailer, or none without `SMTP_URL`.
    pub fn from_config(config: &Config) -> anyhow::Result<Option<Self>> {
        config
            .smtp_url
            .as_deref()
            .map(|url| Mailer::new(url, &config.mail_from))
            .transpose()
    }

    /// Sends one plain-text (UTF-8) message to `name <to>`.
    pub async fn send(
        &self,
        to: &str,
        name: &str,
        subject: &str,
        body: String,
    ) -> anyhow::Result<()> {
        let address = to
            .parse()
            .with_context(|| format!("ugyldig e-postadresse {to:?}"))?;
        // A Message-ID on the sender's domain: mail without one looks like spam to many filters.
        let id = format!("<{}@{}>", uuid::Uuid::new_v4(), self.from.email.domain());
        let message = Message::builder()
            .message_id(Some(id))
            .from(self.from.clone())
            .to(Mailbox::new(Some(name.to_string()), address))
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .context("kunne ikke lage e-posten")?;
        self.transport
            .send(message)
            .await
            .context("SMTP-tjeneren tok ikke imot e-posten")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_connection_url_form_builds_a_mailer_with_tls_on_ring() {
        for url in [
            "smtp://127.0.0.1:2525",
            "smtp://user:secret@smtp.example.com:587?tls=required",
            "smtp://smtp.example.com?tls=opportunistic",
            "smtps://user:secret@smtp.example.com",
        ] {
            Mailer::new(url, DEFAULT_FROM).unwrap_or_else(|e| panic!("{url}: {e:#}"));
        }
    }

    #[test]
    fn a_wrong_url_or_sender_is_refused_without_showing_the_password() {
        let e = Mailer::new("imap://user:secret@mail.example.com", DEFAULT_FROM).unwrap_err();
        assert!(!format!("{e:#}").contains("secret"), "{e:#}");
        assert!(format!("{e:#}").contains("SMTP_URL"), "{e:#}");
        let e = Mailer::new("smtp://127.0.0.1:2525", "not an address").unwrap_err();
        assert!(format!("{e:#}").contains("MAIL_FROM"), "{e:#}");
        let m = Mailer::new("smtp://user:secret@127.0.0.1", "Kari <kari@example.com>").unwrap();
        assert!(!format!("{m:?}").contains("secret"));
    }
}
