# lists

## The CSV export's header row (the file's cells stay in the API's words).
csv-referral-id = Referral ID
csv-lead-creation-date-time = LeadCreationDateTime
csv-updated-date = Updated date
csv-customer-name = Customer name
csv-country = Country
csv-city = City
csv-lead-type = Lead type
csv-lead-source = Lead source
csv-call-to-action = Call to action
csv-offer-id = Offer ID
csv-offer-name = Offer name
csv-currency = Currency
csv-deal-value = Deal value
csv-status = Status
csv-substatus = Substatus
csv-status-reason = Status reason
csv-contact-name = Contact name
csv-contact-email = Contact email
csv-email-validity = Email validity
csv-contact-phone = Contact phone
csv-phone-validity = Phone validity

## The list views (Inbox, Accepted, Archived, Favorites).
list-favorites = Favorites
list-count =
    { $count ->
        [one] { $count } referral
       *[other] { $count } referrals
    }
list-loading = Loading referrals…
list-retry = Retry
# $error: what is wrong with the link's filter (the domain's words).
list-bad-link = This link's filter cannot be used. { $error }.
# $list: the list's name, e.g. Inbox.
list-show-all = Show all of { $list }
list-empty-filtered = No referrals match these filters. Remove a filter or clear them all.
list-empty-inbox = No new referrals. New leads appear here as soon as they arrive.
list-empty-accepted = No accepted referrals yet. Accept a lead in the Inbox to work on it here.
list-empty-archived = Nothing archived yet. Won, lost, declined and expired referrals are kept here.
list-empty-favorites = No favorites yet. Select the heart on any referral to keep it here.
# Under each list's heading: what the list holds and what to do with it (also in index.html's first paint).
list-intro-inbox = New referrals waiting for your answer: accept or decline each within a day; unanswered ones expire.
list-intro-accepted = Referrals you are working on. Keep each one up to date, then mark it won or lost.
list-intro-archived = Won, lost, declined and expired referrals, kept here to read. No more actions can be taken on them.
list-intro-favorites = The referrals you marked with a heart, from every stage.
list-categories = Lead categories
list-search-label = Search
list-search-placeholder = Customer, deal, contact or notes
list-search-button = Search
list-sort-by = Sort by
list-sort-order = Order
list-sort-descending = Descending
list-sort-ascending = Ascending
list-export = Export
list-export-label = Export this list as CSV

## The table of referrals (cards on a phone).
# $list: the list's name, e.g. Inbox.
list-table-caption = { $list } referrals
list-column-favorite = Favorite
list-column-customer = Customer
list-column-country = Country
list-column-lead = Lead
list-column-created = Created
list-column-contact = Contact
list-column-respond = Respond
list-column-deal = Deal
list-column-outcome = Outcome
list-column-stage = Stage
list-no-contact = No contact details
list-no-action-needed = No action needed
list-archived-on = Archived on { $date }
list-no-deal-value = No deal value
list-closing = Closing { $date }

## The filter panel and the chips of the active filters.
filter-toggle =
    { $count ->
        [0] Filters
       *[other] Filters ({ $count })
    }
filter-heading = Filters
filter-done = Done
filter-show-referrals = Show referrals
filter-call-to-action = Call to action
filter-country = Country
filter-lead-source = Lead source
filter-lead-type = Lead type
filter-lead-quality = Lead quality
filter-status = Status
filter-email-validity = Email validity
filter-phone-validity = Phone validity
filter-customer-name = Customer name
filter-add = Add
filter-customer = Customer
filter-email = Email
filter-phone = Phone
filter-search = Search
# A chip: $field is the filter's name, $value the value it keeps.
filter-chip = { $field }: { $value }
filter-chip-search = “{ $search }”
# $chip: the chip's words, e.g. Country: Germany (DE).
filter-remove = Remove filter { $chip }
filter-clear = Clear filters
filter-active = Active filters

## Any path the app does not know.
not-found-title = Page not found
not-found-text = There is nothing at this address.
not-found-link = Go to the Inbox
