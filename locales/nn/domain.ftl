# Values typed by users (domain.rs): dates, amounts, hours, organisation numbers.

date-format = Skriv datoen som dd.mm.åååå.
date-year-wrong = Året i datoen ({ $year }) ser feil ut. Skriv datoen som dd.mm.åååå.
nok-not-amount = «{ $input }» er ikkje eit beløp. Skriv til dømes 34 984.
nok-negative = Beløpet kan ikkje vere negativt.
nok-decimals = Beløpet kan ha høgst to desimalar (øre).
nok-too-large = Beløpet er for stort (høgst kr 999 999 999 999).
hours-not-hours = «{ $input }» er ikkje eit tal på timar. Skriv til dømes 50,5.
hours-negative = Timar kan ikkje vere negativt.
hours-decimals = Timar kan ha høgst to desimalar.
hours-too-many = Så mange timar er neppe rett (over 100 000).
org-number-digits = Organisasjonsnummeret må ha ni siffer.
org-number-check = Organisasjonsnummeret er ugyldig (kontrollsifferet stemmer ikkje).
mbps-not-number = «{ $input }» er ikkje ein kapasitet. Skriv til dømes 100 eller 2,5 (Mbps).
mbps-not-positive = Kapasiteten må vere større enn null.
risk-scale-empty = Fyll inn eit tal frå 1 til 5.
risk-scale-whole = «{ $input }» er ikkje eit heilt tal. Skalaen er 1–5 i heile tal.
risk-scale-not-number = «{ $input }» er ikkje eit tal. Skriv eit tal frå 1 til 5.
risk-scale-range = { $input } er utanfor skalaen. Skriv eit tal frå 1 til 5.
number-not-value = «{ $input }» er ikkje eit tal. Skriv til dømes 120 eller 12,5.
