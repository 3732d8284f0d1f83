# Values typed by users (domain.rs): dates, amounts, hours, organisation numbers.

date-format = Skriv datoen som dd.mm.åååå.
date-year-wrong = Året i datoen ({ $year }) ser feil ut. Skriv datoen som dd.mm.åååå.
nok-not-amount = «{ $input }» er ikke et beløp. Skriv for eksempel 34 984.
nok-negative = Beløpet kan ikke være negativt.
nok-decimals = Beløpet kan ha høyst to desimaler (øre).
nok-too-large = Beløpet er for stort (høyst kr 999 999 999 999).
hours-not-hours = «{ $input }» er ikke et antall timer. Skriv for eksempel 50,5.
hours-negative = Timer kan ikke være negativt.
hours-decimals = Timer kan ha høyst to desimaler.
hours-too-many = Så mange timer er neppe riktig (over 100 000).
org-number-digits = Organisasjonsnummeret må ha ni sifre.
org-number-check = Organisasjonsnummeret er ugyldig (kontrollsifferet stemmer ikke).
mbps-not-number = «{ $input }» er ikke en kapasitet. Skriv for eksempel 100 eller 2,5 (Mbps).
mbps-not-positive = Kapasiteten må være større enn null.
risk-scale-empty = Fyll inn et tall fra 1 til 5.
risk-scale-whole = «{ $input }» er ikke et helt tall. Skalaen er 1–5 i hele tall.
risk-scale-not-number = «{ $input }» er ikke et tall. Skriv et tall fra 1 til 5.
risk-scale-range = { $input } er utenfor skalaen. Skriv et tall fra 1 til 5.
number-not-value = «{ $input }» er ikke et tall. Skriv for eksempel 120 eller 12,5.
