# Error pages (error.rs) and the form reader's refusals (web/form.rs, web/csrf.rs).

error-forbidden-title = Ingen tilgang
error-forbidden-text = Denne siden eller handlingen krever rollen { $roles }. Spør en administrator om du trenger tilgang.
error-not-found-title = Fant ikke siden
error-not-found-text = Siden eller oppføringen finnes ikke, eller den hører til en annen kommune.
error-bad-request-title = Ugyldig forespørsel
error-csrf-title = Skjemaet kunne ikke sendes
error-csrf-text = Skjemaet kom fra et annet nettsted enn IKT-styring, så det ble ikke sendt. Åpne siden i IKT-styring og send skjemaet derfra.
error-server-title = Noe gikk galt
error-server-text = Det oppstod en feil hos oss. Prøv igjen om litt. Oppgi referansen under hvis du kontakter IKT-avdelingen.
error-unavailable-title = Databasen svarer ikke
error-unavailable-text = Databasen svarer ikke akkurat nå. Prøv igjen om litt.
error-reference = Referanse:
error-code = Feilkode { $status }
error-request-too-large = Forespørselen er for stor (over { $mb } MB).
error-body-unreadable = { $reason }

form-unreadable = Skjemaet kunne ikke leses. Gå tilbake, last siden på nytt og prøv igjen.
form-field-nul = Feltet «{ $field }» inneholder et usynlig kontrolltegn (NUL) som ikke kan lagres. Gå tilbake, fjern tegnet (skriv teksten på nytt i stedet for å lime den inn) og send skjemaet igjen.
form-field-too-long = Feltet «{ $field }» er lengre enn { $max } tegn. Gå tilbake og kort det ned.
