# The domain's values in words: `value-<Kind>-<Value>` (the API's spelling), read by
# `i18n::value` in the app. Values are stored in the API's words, never translated.

value-Stage-Inbox = Posteingang
value-Stage-Accepted = Angenommen
value-Stage-Archived = Archiviert

value-Status-New = Neu
value-Status-Active = Aktiv
value-Status-Closed = Geschlossen

value-Substatus-Pending = Ausstehend
value-Substatus-Received = Empfangen
value-Substatus-Accepted = Angenommen
value-Substatus-Won = Gewonnen
value-Substatus-Lost = Verloren
value-Substatus-Declined = Abgelehnt
value-Substatus-Expired = Abgelaufen

value-Category-Marketplace = Marketplace-Leads
value-Category-Qualified = Qualifizierte Leads

value-ReferralType-Independent = Unabhängig
value-ReferralType-Shared = Mit dem Anbieter geteilt

value-Qualification-Direct = Direkt (Kundenanfrage)
value-Qualification-MarketingQualified = Marketingqualifiziert
value-Qualification-SalesQualified = Vertriebsqualifiziert
value-Qualification-None = Nicht qualifiziert

value-Direction-Incoming = Eingehend
value-Direction-Outgoing = Ausgehend

value-LeadType-Offer = Angebot
value-LeadType-Profile = Geschäftsprofil

value-LeadSource-AppSource = AppSource
value-LeadSource-AzureMarketplace = Azure Marketplace
value-LeadSource-AzurePortal = Azure-Portal

value-CallToAction-GetItNow = Jetzt abrufen
value-CallToAction-FreeTrial = Kostenlose Testversion
value-CallToAction-TestDrive = Test Drive
value-CallToAction-ContactMe = Kontaktieren Sie mich

value-LeadQuality-High = Hoch
value-LeadQuality-Medium = Mittel
value-LeadQuality-Low = Niedrig (wahrscheinlich Spam)

value-EmailValidity-Valid = Gültig
value-EmailValidity-Invalid = Ungültig
value-EmailValidity-Spam = Spam
value-EmailValidity-Unknown = Nicht überprüft

value-PhoneValidity-Valid = Gültig
value-PhoneValidity-Invalid = Ungültig
value-PhoneValidity-Unknown = Nicht überprüft

value-Role-PartnerAdmin = Partneradministrator
value-Role-ReferralsAdmin = Empfehlungsadministrator
value-Role-ReferralsUser = Empfehlungsbenutzer
value-Role-BusinessProfileAdmin = Geschäftsprofiladministrator
value-Role-Viewer = Betrachter

value-Action-Accept = Annehmen
value-Action-Decline = Ablehnen
value-Action-Edit = Bearbeiten
value-Action-AddTeamMember = Mitarbeiter hinzufügen
value-Action-Won = Gewonnen
value-Action-Lost = Verloren

value-DeclineReason-ProjectBudgetNotAdequate = Projektbudget reicht nicht aus
value-DeclineReason-CustomerDidNotRespond = Kunde hat nicht geantwortet
value-DeclineReason-CustomerChoseAnotherVendor = Kunde hat einen anderen Anbieter gewählt
value-DeclineReason-CustomerRequirementNotMet = Kundenanforderung nicht erfüllt
value-DeclineReason-NotACustomer = Kein Kunde
value-DeclineReason-TimelineTooShort = Vorgeschlagener Zeitrahmen war zu kurz
value-DeclineReason-ReportAsAbuse = Als Missbrauch, Spam oder Phishing melden
value-DeclineReason-Others = Sonstiges

value-RegistrationState-Pending = Ausstehend
value-RegistrationState-Approved = Genehmigt
value-RegistrationState-ActionRequired = Aktion erforderlich
value-RegistrationState-Rejected = Abgelehnt

value-TenantType-SingleTenant = Einzelmandant
value-TenantType-MultiTenant = Mehrmandantenfähig

value-PricingModel-PerUser = Pro Benutzer
value-PricingModel-PerDevice = Pro Gerät
value-PricingModel-UsageBased = Nutzungsbasiert
value-PricingModel-FlatRate = Pauschalpreis
value-PricingModel-Other = Sonstiges

value-SortKey-created = Erstellt
value-SortKey-updated = Aktualisiert
value-SortKey-dealValue = Dealwert
value-SortKey-expiry = Ablauf
value-SortKey-emailValidity = E-Mail-Gültigkeit
value-SortKey-phoneValidity = Telefongültigkeit

# A kind of value, as a sentence names it ("… ist kein bekannter Wert für Leadquelle").
value-Kind-Stage = Ansicht
value-Kind-Category = Kategorie
value-Kind-CallToAction = Handlungsaufruf
value-Kind-LeadSource = Leadquelle
value-Kind-LeadType = Leadtyp
value-Kind-LeadQuality = Leadqualität
value-Kind-Status = Status
value-Kind-EmailValidity = E-Mail-Gültigkeit
value-Kind-PhoneValidity = Telefongültigkeit
value-Kind-SortKey = Sortierung
value-Kind-SortDirection = Sortierrichtung
