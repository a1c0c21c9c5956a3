# Errors of leads sent in through the ingestion API (`domain::intake`), read as `{ $label }`
# for the field they name.

error-unknown-value = { $label } must be one of: { $expected } (not { $value }).
error-consent-required = The customer must have agreed to be contacted: set consentToContact to true, or do not send the lead.
error-customer-contact-required = Add at least one customer contact with an email address or a phone number.
error-too-many = { $label } can have at most { $max } entries.
error-lead-source = { $label } must look like Source-Action|Offer, for example AzureMarketplace-INS|publisher.offer (not { $value }).
error-do-not-contact = The customer asked not to be contacted (DNC), so this lead cannot be taken in.
error-action-code = { $label } { $value } is not a known action code. Use one of: { $expected }.
error-action-mismatch = ActionCode { $value } does not match the action { $action } in LeadSource.
