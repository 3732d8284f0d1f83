# The start page (home.rs).

home-welcome = Velkomen, { $name }. Du er logga inn som
home-and = og
home-no-roles = brukar utan roller
home-abilities = Dette kan du gjere
home-read = Lese IKT-strategien, handlingsplanen og framdrifta til kommunen.
home-read-link = Gå til handlingsplanane
home-edit = Redigere strategien og handlingsplanen, oppdatere status på tiltak og importere tiltak.
home-edit-link = Oppdater tiltak
home-leder = Følgje framdrifta som rådmann eller medlem av leiargruppa.
home-leder-link = Sjå oversikta
home-rad = Følgje planen som medlem av IKT-rådet.
home-strategy-link = Sjå IKT-strategien
home-superbruker = Som superbrukar lese planen og strategien for kommunen.
home-admin-users = Administrere brukarar og roller.
home-admin-audit = Sjå endringsloggen for heile kommunen.
home-reports-heading = Statusrapportar til rådmannen
home-report-acknowledged = Rapporten for { $round } er teken til orientering: { $who }.
home-report-open = Opne rapporten
home-report-reminder = Påminning: statusrapporten for { $round } – { $standing }.
home-report-write = Skriv rapporten
