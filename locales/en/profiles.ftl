# Business profiles (`/settings/business-profiles`): the screen, its validation errors and
# the API's problems about profiles.

menu-business-profiles = Business profiles
profiles-title = Business profiles
profiles-intro = One profile per region where you do business. A new lead is emailed to the contact of the location for its country; else to the region's main contact (its first location); else to every partner admin.
profiles-loading = Loading business profiles…
profiles-load-failed = The business profiles could not be loaded.
profiles-empty = No business profiles yet: every new lead is emailed to the partner admins.
profiles-all-regions = Every region has a profile.
profile-add = Add a business profile
profile-new-heading = New business profile
profile-edit-heading = Edit { $region }
profile-edit = Edit
profile-delete = Delete
profile-delete-confirm = Delete the { $region } profile? Its leads will go to the partner admins.
profile-delete-yes = Delete profile
profile-delete-no = Keep it
profile-deleted = The { $region } profile was deleted.
profile-delete-conflict = Someone else changed the { $region } profile since this page was loaded: it is shown as it is now. Delete it again if it should still go.
profile-saved = The { $region } profile was saved.
profile-save = Save profile
profile-saving = Saving…
profile-cancel = Cancel
profile-region = Region
profile-region-choose = Choose a region
profile-locations = Locations
profile-locations-hint = The first location is the region's main contact: leads from countries of the region without a location of their own go to it.
profile-location-heading = Location { $number }
profile-location-main = Main contact of the region
profile-location-add = Add a location
profile-location-remove = Remove location { $number }
profile-country = Country
profile-country-choose = Choose a country
profile-city = City (optional)
profile-contact-name = Contact name
profile-contact-email = Contact email
profile-contact-phone = Contact phone (optional)
profile-keywords = Keywords
profile-keywords-hint = What you are good at, separated by commas, like “ERP, field service”.
profile-sizes = Preferred customer company sizes
profile-no-keywords = No keywords
profile-no-sizes = Any company size
profile-updated-on = Updated { $date }
profile-conflict = Someone else changed this profile since you opened it. Your changes are still in the form.
profile-conflict-load = Show their version
profile-conflict-overwrite = Save mine over theirs

field-region = Region
field-locations = Locations
field-city = City
field-contactName = Contact name
field-phone = Phone
field-keywords = Keyword
field-preferredCompanySizes = Preferred company size

error-region-required = Choose a region.
error-region-unknown = “{ $value }” is not a region. Use one of: { $expected }.
error-locations-required = Add at least one location with its contact.
error-location-country-twice = { $country } is already a location of this profile: list each country once.
error-location-outside-region =
    { $countryRegion ->
        [Africa] { $country } is in Africa, not in this profile's region: add it to the Africa profile, or choose another country.
        [AsiaPacific] { $country } is in Asia Pacific, not in this profile's region: add it to the Asia Pacific profile, or choose another country.
        [Europe] { $country } is in Europe, not in this profile's region: add it to the Europe profile, or choose another country.
        [LatinAmerica] { $country } is in Latin America and the Caribbean, not in this profile's region: add it to that region's profile, or choose another country.
        [MiddleEast] { $country } is in the Middle East, not in this profile's region: add it to the Middle East profile, or choose another country.
        [NorthAmerica] { $country } is in North America, not in this profile's region: add it to the North America profile, or choose another country.
       *[other] { $country } is in no region a profile can cover: choose another country.
    }
error-keyword-too-long = The keyword “{ $keyword }” is too long: a keyword can have at most { $max } characters.
error-keyword-separator = The keyword “{ $keyword }” holds a comma or semicolon, which separate keywords: make it several keywords, or write it without.
error-keywords-too-many = A profile can have at most { $max } keywords; this one has { $count }.
error-company-size-unknown = “{ $value }” is not a company size. Use one of: { $expected }.

problem-business-profile-admins-only = Only partner admins and business profile admins can see and edit business profiles.
problem-business-profile-not-found = There is no business profile with this ID in your organisation.
problem-business-profile-region-taken =
    { $region ->
        [Africa] Your organisation already has a business profile for Africa: edit that one instead.
        [AsiaPacific] Your organisation already has a business profile for Asia Pacific: edit that one instead.
        [Europe] Your organisation already has a business profile for Europe: edit that one instead.
        [LatinAmerica] Your organisation already has a business profile for Latin America and the Caribbean: edit that one instead.
        [MiddleEast] Your organisation already has a business profile for the Middle East: edit that one instead.
        [NorthAmerica] Your organisation already has a business profile for North America: edit that one instead.
       *[other] Your organisation already has a business profile for this region: edit that one instead.
    }
problem-business-profile-changed-meanwhile = This business profile was changed by someone else since you loaded it. The current version is included.

value-Region-Africa = Africa
value-Region-AsiaPacific = Asia Pacific
value-Region-Europe = Europe
value-Region-LatinAmerica = Latin America and the Caribbean
value-Region-MiddleEast = Middle East
value-Region-NorthAmerica = North America

value-CompanySize-1to9employees = 1 to 9 employees
value-CompanySize-10to49employees = 10 to 49 employees
value-CompanySize-50to999employees = 50 to 999 employees
value-CompanySize-1000to9999employees = 1,000 to 9,999 employees
value-CompanySize-10000plusemployees = 10,000 employees or more
