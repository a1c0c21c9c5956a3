//! Lead emails (DOMAIN.md §7) and invitations: queued in the mail outbox in the
//! transaction that stores the lead ([`queue`]) or the invitation ([`invitation`]),
//! rendered in the recipient's language ([`render`]) and sent by `jobs::mail` over SMTP
//! or as `.eml` files ([`transport`]).
//!
//! Delivery is at least once: a sender that dies after the SMTP server took a mail but
//! before the row was marked sent sends it again after its lease runs out. The copy is
//! the same mail, byte for byte, with the same `Message-ID`, so mail clients and
//! servers that de-duplicate by it show it once.

pub mod content;
pub mod countries;
pub mod invitation;
pub mod queue;
pub mod render;
pub mod transport;

pub use content::{LeadLine, MailContent};
pub use queue::queue_new_lead;
pub use transport::MailTransport;

/// The `Message-ID` of outbox row `id`: fixed when the row is written.
pub fn message_id(id: &str) -> String {
    format!("<{id}@referral-desk>")
}
