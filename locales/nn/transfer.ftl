# Export and import of the progress plan (plan/transfer/): column headers and the sheet.

transfer-col-key = Tiltaks-ID
transfer-col-goal = Mål
transfer-col-strategy = Strategi
transfer-col-title = Tiltak
transfer-col-plan = Handlingsplan
transfer-col-description = Skildring
transfer-col-hours = Timar
transfer-col-cost = Kostnad
transfer-col-responsible = Ansvar
transfer-col-status = Status
transfer-col-status-date = Statusdato
transfer-col-status-comment = Statuskommentar
transfer-col-priority = Prioritert
transfer-yes = Ja
transfer-sheet-name = Framdriftsplan
