# Error pages (error.rs) and the form reader's refusals (web/form.rs, web/csrf.rs).

error-forbidden-title = Inga tilgang
error-forbidden-text = Denne sida eller handlinga krev rolla { $roles }. Spør ein administrator om du treng tilgang.
error-not-found-title = Fann ikkje sida
error-not-found-text = Sida eller oppføringa finst ikkje, eller ho høyrer til ein annan kommune.
error-bad-request-title = Ugyldig førespurnad
error-csrf-title = Skjemaet kunne ikkje sendast
error-csrf-text = Skjemaet kom frå ein annan nettstad enn IKT-styring, så det vart ikkje sendt. Opna sida i IKT-styring og send skjemaet derifrå.
error-server-title = Noko gjekk gale
error-server-text = Det oppstod ein feil hos oss. Prøv igjen om litt. Oppgi referansen under dersom du kontaktar IKT-avdelinga.
error-unavailable-title = Databasen svarar ikkje
error-unavailable-text = Databasen svarar ikkje akkurat no. Prøv igjen om litt.
error-reference = Referanse:
error-code = Feilkode { $status }
error-request-too-large = Førespurnaden er for stor (over { $mb } MB).
error-body-unreadable = { $reason }

form-unreadable = Skjemaet kunne ikkje lesast. Gå tilbake, last sida på nytt og prøv igjen.
form-field-nul = Feltet «{ $field }» inneheld eit usynleg kontrollteikn (NUL) som ikkje kan lagrast. Gå tilbake, fjern teiknet (skriv teksten på nytt i staden for å lime han inn) og send skjemaet igjen.
form-field-too-long = Feltet «{ $field }» er lengre enn { $max } teikn. Gå tilbake og kort det ned.
