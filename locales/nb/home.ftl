# The start page (home.rs).

home-welcome = Velkommen, { $name }. Du er logget inn som
home-and = og
home-no-roles = bruker uten roller
home-abilities = Dette kan du gjøre
home-read = Lese kommunens IKT-strategi, handlingsplan og framdrift.
home-read-link = Gå til handlingsplanene
home-edit = Redigere strategien og handlingsplanen, oppdatere status på tiltak og importere tiltak.
home-edit-link = Oppdater tiltak
home-leder = Følge framdriften som rådmann eller medlem av ledergruppen.
home-leder-link = Se oversikten
home-rad = Følge planen som medlem av IKT-rådet.
home-strategy-link = Se IKT-strategien
home-superbruker = Som superbruker lese planen og strategien for kommunen.
home-admin-users = Administrere brukere og roller.
home-admin-audit = Se endringsloggen for hele kommunen.
home-reports-heading = Statusrapporter til rådmannen
home-report-acknowledged = Rapporten for { $round } er tatt til orientering: { $who }.
home-report-open = Åpne rapporten
home-report-reminder = Påminnelse: statusrapporten for { $round } – { $standing }.
home-report-write = Skriv rapporten
