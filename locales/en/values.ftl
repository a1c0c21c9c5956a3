# The domain's values in words: `value-<Kind>-<Value>` (the API's spelling), read by
# `i18n::value` in the app. Values are stored in the API's words, never translated.

value-Stage-Inbox = Inbox
value-Stage-Accepted = Accepted
value-Stage-Archived = Archived

value-Status-New = New
value-Status-Active = Active
value-Status-Closed = Closed

value-Substatus-Pending = Pending
value-Substatus-Received = Received
value-Substatus-Accepted = Accepted
value-Substatus-Won = Won
value-Substatus-Lost = Lost
value-Substatus-Declined = Declined
value-Substatus-Expired = Expired

value-Category-Marketplace = Marketplace leads
value-Category-Qualified = Qualified leads

value-ReferralType-Independent = Independent
value-ReferralType-Shared = Shared with the vendor

value-Qualification-Direct = Direct (customer inquiry)
value-Qualification-MarketingQualified = Marketing qualified
value-Qualification-SalesQualified = Sales qualified
value-Qualification-None = Not qualified

value-Direction-Incoming = Incoming
value-Direction-Outgoing = Outgoing

value-LeadType-Offer = Offer
value-LeadType-Profile = Business profile

value-LeadSource-AppSource = AppSource
value-LeadSource-AzureMarketplace = Azure Marketplace
value-LeadSource-AzurePortal = Azure portal

value-CallToAction-GetItNow = Get it now
value-CallToAction-FreeTrial = Free trial
value-CallToAction-TestDrive = Test drive
value-CallToAction-ContactMe = Contact me

value-LeadQuality-High = High
value-LeadQuality-Medium = Medium
value-LeadQuality-Low = Low (probable spam)

value-EmailValidity-Valid = Valid
value-EmailValidity-Invalid = Invalid
value-EmailValidity-Spam = Spam
value-EmailValidity-Unknown = Not verified

value-PhoneValidity-Valid = Valid
value-PhoneValidity-Invalid = Invalid
value-PhoneValidity-Unknown = Not verified

value-Role-PartnerAdmin = Partner admin
value-Role-ReferralsAdmin = Referrals admin
value-Role-ReferralsUser = Referrals user
value-Role-BusinessProfileAdmin = Business profile admin
value-Role-Viewer = Viewer

value-Action-Accept = Accept
value-Action-Decline = Decline
value-Action-Edit = Edit
value-Action-AddTeamMember = Add your employees
value-Action-Won = Won
value-Action-Lost = Lost

value-DeclineReason-ProjectBudgetNotAdequate = Project budget isn't adequate
value-DeclineReason-CustomerDidNotRespond = Customer didn't respond
value-DeclineReason-CustomerChoseAnotherVendor = Customer chose another vendor
value-DeclineReason-CustomerRequirementNotMet = Customer requirement not met
value-DeclineReason-NotACustomer = Not a customer
value-DeclineReason-TimelineTooShort = Proposed time line was too short
value-DeclineReason-ReportAsAbuse = Report as abuse, spam, or phishing
value-DeclineReason-Others = Others

value-RegistrationState-Pending = Pending
value-RegistrationState-Approved = Approved
value-RegistrationState-ActionRequired = Action required
value-RegistrationState-Rejected = Rejected

value-TenantType-SingleTenant = Single tenant
value-TenantType-MultiTenant = Multi-tenant

value-PricingModel-PerUser = Per user
value-PricingModel-PerDevice = Per device
value-PricingModel-UsageBased = Usage based
value-PricingModel-FlatRate = Flat rate
value-PricingModel-Other = Other

value-SortKey-created = Created
value-SortKey-updated = Updated
value-SortKey-dealValue = Deal value
value-SortKey-expiry = Expiry
value-SortKey-emailValidity = Email validity
value-SortKey-phoneValidity = Phone validity

# A kind of value, as a sentence names it ("… is not a known lead source").
value-Kind-Stage = stage
value-Kind-Category = category
value-Kind-CallToAction = call to action
value-Kind-LeadSource = lead source
value-Kind-LeadType = lead type
value-Kind-LeadQuality = lead quality
value-Kind-Status = status
value-Kind-EmailValidity = email validity
value-Kind-PhoneValidity = phone validity
value-Kind-SortKey = sort key
value-Kind-SortDirection = sort direction
