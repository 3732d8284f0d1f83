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
        let message = Message::builder()
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
