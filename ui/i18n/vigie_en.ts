<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>vigie::ui::IncidentsModel</name>
    <message>
        <source>Réunit : %1 (Ctrl+Z annule la dernière réunion)</source>
        <translation>Joins: %1 (Ctrl+Z undoes the latest join)</translation>
    </message>
    <message>
        <source>%1 (+1 réunie)</source>
        <translation>%1 (+1 joined)</translation>
    </message>
    <message>
        <source>%1 (+%2 réunies)</source>
        <translation>%1 (+%2 joined)</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/incidents_model.cpp" line="58"/>
        <source>%1 — %n entrée(s) au journal</source>
        <translation>
            <numerusform>%1 — %n log entry</numerusform>
            <numerusform>%1 — %n log entries</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/incidents_model.cpp" line="69"/>
        <source>UA %1 · UR %2 · imp. %3 · DCD %4</source>
        <translation>P1 %1 · P2 %2 · P3 %3 · dead %4</translation>
    </message>
    <message>
        <location filename="../models/incidents_model.cpp" line="75"/>
        <source>maîtrisée</source>
        <translation>contained</translation>
    </message>
    <message>
        <location filename="../models/incidents_model.cpp" line="75"/>
        <source>en cours</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <location filename="../models/incidents_model.cpp" line="89"/>
        <source>Intervention</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../models/incidents_model.cpp" line="91"/>
        <source>Nature</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../models/incidents_model.cpp" line="93"/>
        <source>Gravité</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../models/incidents_model.cpp" line="95"/>
        <source>Victimes</source>
        <translation>Casualties</translation>
    </message>
    <message>
        <location filename="../models/incidents_model.cpp" line="97"/>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../models/incidents_model.cpp" line="99"/>
        <source>Ouverte à</source>
        <translation>Opened at</translation>
    </message>
    <message>
        <source>Grav.</source>
        <translation>Sev.</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Depuis</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Moyens</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Depuis l&apos;ouverture</source>
        <translation>Since it opened</translation>
    </message>
    <message>
        <source>Gravité, de 1 à 5 (la plus haute)</source>
        <translation>Severity, from 1 to 5 (the highest)</translation>
    </message>
    <message>
        <source>Moyens engagés : en route ou sur les lieux</source>
        <translation>Units engaged: en route or on scene</translation>
    </message>
    <message>
        <source>non localisée</source>
        <translation>no position</translation>
    </message>
    <message>
        <source>%1 · gravité %2 · %3 · ouverte à %4</source>
        <translation>%1 · severity %2 · %3 · opened at %4</translation>
    </message>
    <message>
        <source>alerte expirée, hors de la carte</source>
        <translation>alert expired, off the map</translation>
    </message>
</context>
<context>
    <name>vigie::ui::LogModel</name>
    <message>
        <source>%1 : disponible, repositionné à %2</source>
        <translation>%1: available, moved up to %2</translation>
    </message>
    <message>
        <source>%1 → %2 (repositionnement), trajet %3 min : rétablit %4</source>
        <translation>%1 → %2 (move-up), drive %3 min: restores %4</translation>
    </message>
    <message>
        <source>%1 → %2 (repositionnement) acceptée</source>
        <translation>%1 → %2 (move-up) accepted</translation>
    </message>
    <message>
        <source>%1 → %2 (repositionnement) rejetée : %3</source>
        <translation>%1 → %2 (move-up) rejected: %3</translation>
    </message>
    <message>
        <source>Demande de moyens</source>
        <translation>Resource request</translation>
    </message>
    <message>
        <source>Réponse à une demande de moyens</source>
        <translation>Response to a resource request</translation>
    </message>
    <message>
        <source>Réquisition de moyens</source>
        <translation>Resource requisition</translation>
    </message>
    <message>
        <source>Engagement de moyens</source>
        <translation>Resource commitment</translation>
    </message>
    <message>
        <source>Demande d&apos;information</source>
        <translation>Information request</translation>
    </message>
    <message>
        <source>Réponse à une demande d&apos;information</source>
        <translation>Response to an information request</translation>
    </message>
    <message>
        <source>Offre spontanée de moyens</source>
        <translation>Unsolicited resource offer</translation>
    </message>
    <message>
        <source>Libération de moyens</source>
        <translation>Resource release</translation>
    </message>
    <message>
        <source>Demande de retour de moyens</source>
        <translation>Resource return request</translation>
    </message>
    <message>
        <source>Réponse à une demande de retour</source>
        <translation>Response to a return request</translation>
    </message>
    <message>
        <source>Demande de devis</source>
        <translation>Quote request</translation>
    </message>
    <message>
        <source>Réponse à une demande de devis</source>
        <translation>Response to a quote request</translation>
    </message>
    <message>
        <source>Demande d&apos;état de déploiement</source>
        <translation>Deployment status request</translation>
    </message>
    <message>
        <source>État de déploiement des moyens</source>
        <translation>Resource deployment status</translation>
    </message>
    <message>
        <source>Demande de prolongation</source>
        <translation>Extended deployment request</translation>
    </message>
    <message>
        <source>Réponse à une demande de prolongation</source>
        <translation>Response to an extended deployment request</translation>
    </message>
    <message>
        <source>acceptée</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>déclinée</source>
        <translation>declined</translation>
    </message>
    <message>
        <source>provisoire</source>
        <translation>provisional</translation>
    </message>
    <message>
        <source>sous conditions</source>
        <translation>conditional</translation>
    </message>
    <message>
        <source>Message de moyens %1</source>
        <translation>Resource message %1</translation>
    </message>
    <message>
        <source>%1 (EDXL-RM)</source>
        <translation>%1 (EDXL-RM)</translation>
    </message>
    <message>
        <source>%1 pour %2</source>
        <translation>%1 for %2</translation>
    </message>
    <message>
        <source>%1, réponse : %2</source>
        <translation>%1, response: %2</translation>
    </message>
    <message>
        <source>votre acceptation (n° %1)</source>
        <translation>your acceptance (no. %1)</translation>
    </message>
    <message>
        <source>l&apos;acceptation de %2 (n° %1)</source>
        <translation>%2&apos;s acceptance (no. %1)</translation>
    </message>
    <message>
        <source>votre rejet (n° %1)</source>
        <translation>your rejection (no. %1)</translation>
    </message>
    <message>
        <source>le rejet de %2 (n° %1)</source>
        <translation>%2&apos;s rejection (no. %1)</translation>
    </message>
    <message>
        <source>votre réunion (n° %1)</source>
        <translation>your join (no. %1)</translation>
    </message>
    <message>
        <source>la réunion de %2 (n° %1)</source>
        <translation>%2&apos;s join (no. %1)</translation>
    </message>
    <message>
        <source>l&apos;entrée n° %1</source>
        <translation>entry no. %1</translation>
    </message>
    <message>
        <source>Conflit : %1 était déjà engagé sur %2 par %3 à %4 — %5 n&apos;a pas pris effet</source>
        <translation>Conflict: %1 was already committed to %2 by %3 at %4 — %5 did not take effect</translation>
    </message>
    <message>
        <source>Conflit : %1 était déjà %2 (%3 à %4) — %5 n&apos;a pas pris effet</source>
        <translation>Conflict: %1 was already %2 (%3 at %4) — %5 did not take effect</translation>
    </message>
    <message>
        <source>Conflit : la proposition %1 avait déjà été rejetée par %2 à %3 — %4 n&apos;a pas pris effet</source>
        <translation>Conflict: the suggestion %1 had already been rejected by %2 at %3 — %4 did not take effect</translation>
    </message>
    <message>
        <source>Conflit : la proposition %1 avait déjà été acceptée par %2 à %3 — %4 n&apos;a pas pris effet</source>
        <translation>Conflict: the suggestion %1 had already been accepted by %2 at %3 — %4 did not take effect</translation>
    </message>
    <message>
        <source>Conflit : %1 était déjà réunie dans %2 par %3 à %4 — %5 n&apos;a pas pris effet</source>
        <translation>Conflict: %1 was already joined into %2 by %3 at %4 — %5 did not take effect</translation>
    </message>
    <message>
        <source>1 signalement de %1 séparé de %2</source>
        <translation>1 report of %1 split from %2</translation>
    </message>
    <message>
        <source>%3 signalements de %1 séparés de %2</source>
        <translation>%3 reports of %1 split from %2</translation>
    </message>
    <message>
        <source>Intervention %1 réunie dans %2</source>
        <translation>Incident %1 joined into %2</translation>
    </message>
    <message>
        <source>Réunion annulée : %1 n'est plus dans %2</source>
        <translation>Join undone: %1 is no longer in %2</translation>
    </message>
    <message>
        <source>Séparation annulée : %1 revient dans %2</source>
        <translation>Split undone: %1 is back in %2</translation>
    </message>
    <message>
        <location filename="../models/log_model.cpp" line="121"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../models/log_model.cpp" line="123"/>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../models/log_model.cpp" line="125"/>
        <source>Service</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../models/log_model.cpp" line="127"/>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../models/log_model.cpp" line="129"/>
        <source>Nature</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../models/log_model.cpp" line="131"/>
        <source>Résumé</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>expéditeur masqué</source>
        <translation>sender withheld</translation>
    </message>
    <message>
        <source>flux %1</source>
        <translation>%1 feed</translation>
    </message>
    <message>
        <source>Alerte CAP</source>
        <translation>CAP alert</translation>
    </message>
    <message>
        <source>Dossier SAMU %1</source>
        <translation>SAMU case %1</translation>
    </message>
    <message>
        <source>Signalement %1</source>
        <translation>%1 report</translation>
    </message>
    <message>
        <source>%1 de %2</source>
        <translation>%1 from %2</translation>
    </message>
    <message>
        <source>%1 : %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 : %2%3</source>
        <translation>%1: %2%3</translation>
    </message>
    <message>
        <source>%1 → %2, ETA %3 min%4</source>
        <translation>%1 → %2, ETA %3 min%4</translation>
    </message>
    <message>
        <source> (approx.)</source>
        <translation> (approx.)</translation>
    </message>
    <message>
        <source>%1 → %2 acceptée</source>
        <translation>%1 → %2 accepted</translation>
    </message>
    <message>
        <source>%1 → %2 rejetée : %3</source>
        <translation>%1 → %2 rejected: %3</translation>
    </message>
    <message>
        <source>Clôture d&apos;un signalement</source>
        <translation>Report closed</translation>
    </message>
    <message numerus="yes">
        <source>%1 : %2 clôt son signalement, %n autre(s) source(s) encore ouverte(s)</source>
        <translation>
            <numerusform>%1: %2 closes its report, %n other source still open</numerusform>
            <numerusform>%1: %2 closes its report, %n other sources still open</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 : urgences %2</source>
        <translation>%1: emergency department %2</translation>
    </message>
    <message>
        <source>Signalement %1 séparé de l'intervention fusionnée</source>
        <translation>Report %1 split from the fused incident</translation>
    </message>
    <message>
        <source>Correction %1 annulée</source>
        <translation>Correction %1 undone</translation>
    </message>
    <message>
        <source>%1 signalements sur %2 m et %3 → %4 : %5 (%6) ; le plus proche à %7 m, %8 d'écart ; confiance %9</source>
        <translation>%1 reports within %2 m and %3 → %4: %5 (%6); nearest %7 m, %8 apart; confidence %9</translation>
    </message>
    <message>
        <source>en attente</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>En attente : écrite à ce poste, pas encore dans le journal de la salle
%1
%2</source>
        <translation>Waiting: written at this desk, not yet in the room's log
%1
%2</translation>
    </message>
    <message>
        <source>%1, le %2</source>
        <translation>%1, on %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Stimulus hors scénario, %1 : %2</source>
        <translation>Off-scenario inject, %1: %2</translation>
    </message>
    <message>
        <source>Relance %1 (action %2 non faite), %3 : %4</source>
        <translation>Contingency inject %1 (action %2 not done), %3: %4</translation>
    </message>
    <message>
        <source>Stimulus %1 (%2), %3 : %4</source>
        <translation>Inject %1 (%2), %3: %4</translation>
    </message>
    <message>
        <source>faite</source>
        <translation>done</translation>
    </message>
    <message>
        <source>faite en retard</source>
        <translation>done late</translation>
    </message>
    <message>
        <source>manquée</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>Action attendue %1 (stimulus %2) : %3</source>
        <translation>Expected action %1 (inject %2): %3</translation>
    </message>
    <message>
        <source>Début de l&apos;exercice « %1 »</source>
        <translation>Start of exercise “%1”</translation>
    </message>
    <message>
        <source>Exercice en pause à %1</source>
        <translation>Exercise paused at %1</translation>
    </message>
    <message>
        <source>Reprise de l&apos;exercice à %1</source>
        <translation>Exercise resumed at %1</translation>
    </message>
    <message>
        <source>Vitesse de l&apos;exercice : ×%1</source>
        <translation>Exercise speed: ×%1</translation>
    </message>
    <message>
        <source>Saut de l&apos;horloge à %1</source>
        <translation>Clock jumped to %1</translation>
    </message>
    <message>
        <source>Fin de l&apos;exercice à %1</source>
        <translation>End of exercise at %1</translation>
    </message>
    <message>
        <source>%1 : gravité %2 sur 5</source>
        <translation>%1: severity %2 of 5</translation>
    </message>
</context>
<context>
    <name>vigie::ui::MainWindow</name>
    <message>
        <source>&amp;Moyens</source>
        <translation>&amp;Units</translation>
    </message>
    <message>
        <source>&amp;Engager sur l&apos;intervention sélectionnée</source>
        <translation>&amp;Engage on the selected incident</translation>
    </message>
    <message>
        <source>Le moyen sélectionné part vers l&apos;intervention sélectionnée dans la liste des interventions. Inscrit au journal.</source>
        <translation>The selected unit leaves for the incident selected in the incidents list. Written to the log.</translation>
    </message>
    <message>
        <source>&amp;Sur les lieux</source>
        <translation>&amp;On scene</translation>
    </message>
    <message>
        <source>Le moyen sélectionné est arrivé sur son intervention. Inscrit au journal.</source>
        <translation>The selected unit has reached its incident. Written to the log.</translation>
    </message>
    <message>
        <source>En &amp;retour</source>
        <translation>&amp;Returning</translation>
    </message>
    <message>
        <source>Le moyen sélectionné a quitté les lieux et rentre. Inscrit au journal.</source>
        <translation>The selected unit has left the scene and is on its way back. Written to the log.</translation>
    </message>
    <message>
        <source>&amp;Disponible</source>
        <translation>&amp;Available</translation>
    </message>
    <message>
        <source>Le moyen sélectionné peut être engagé de nouveau. Inscrit au journal.</source>
        <translation>The selected unit can be engaged again. Written to the log.</translation>
    </message>
    <message>
        <source>&amp;Indisponible</source>
        <translation>&amp;Unavailable</translation>
    </message>
    <message>
        <source>Le moyen sélectionné ne peut pas être engagé (panne, relève, plein). Inscrit au journal.</source>
        <translation>The selected unit cannot be engaged (breakdown, crew change, refuelling). Written to the log.</translation>
    </message>
    <message>
        <source>Sélectionnez un moyen dans la liste des moyens.</source>
        <translation>Select a unit in the units list.</translation>
    </message>
    <message>
        <source>« %1 » : %2 (inscrit à la main courante).</source>
        <translation>“%1”: %2 (written to the log).</translation>
    </message>
    <message>
        <source>« %1 » : %2 → « %3 » (inscrit à la main courante).</source>
        <translation>“%1”: %2 → “%3” (written to the log).</translation>
    </message>
    <message>
        <source>A&amp;nticipation</source>
        <translation>Pla&amp;nning</translation>
    </message>
    <message>
        <source>Dimensionner un dispositif de &amp;secours (DPS)…</source>
        <translation>Size a first-aid &amp;cover (DPS)…</translation>
    </message>
    <message>
        <source>Le dispositif prévisionnel de secours d&apos;une manifestation selon la grille du référentiel national (RNMSC-DPS) ; formulaire PDF pour la préfecture.</source>
        <translation>An event&apos;s planned first-aid cover on the national reference&apos;s grid (RNMSC-DPS); PDF form for the prefecture.</translation>
    </message>
    <message>
        <source>&amp;Interventions</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <source>&amp;Réunir les interventions sélectionnées</source>
        <translation>&amp;Join the selected incidents</translation>
    </message>
    <message>
        <source>Les interventions sélectionnées n'en font plus qu'une : celle ouverte la première. Inscrit au journal ; Ctrl+Z l'annule.</source>
        <translation>The selected incidents become one: the one opened first. Written in the log; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>&amp;Séparer une source…</source>
        <translation>&amp;Split a source out…</translation>
    </message>
    <message>
        <source>Les signalements d'une source fusionnés dans l'intervention sélectionnée en forment une à part. Inscrit au journal ; Ctrl+Z l'annule.</source>
        <translation>The reports of one source merged into the selected incident become an incident of their own. Written in the log; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Sélectionnez une intervention.</source>
        <translation>Select an incident.</translation>
    </message>
    <message>
        <source>&amp;Annuler la dernière correction</source>
        <translation>&amp;Undo the latest correction</translation>
    </message>
    <message>
        <source>Annule la dernière réunion ou séparation en vigueur (inscrit au journal).</source>
        <translation>Undoes the latest join or split in force (written in the log).</translation>
    </message>
    <message>
        <source>Inscription impossible : %1</source>
        <translation>Could not write to the log: %1</translation>
    </message>
    <message>
        <source>Sélectionnez au moins deux interventions à réunir.</source>
        <translation>Select at least two incidents to join.</translation>
    </message>
    <message>
        <source>%1 réunie dans %2 — Ctrl+Z pour annuler</source>
        <translation>%1 joined into %2 — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>%1 réunies dans %2 — Ctrl+Z annule la dernière réunion</source>
        <translation>%1 joined into %2 — Ctrl+Z undoes the latest join</translation>
    </message>
    <message>
        <source>Aucune autre source n'a été fusionnée dans %1.</source>
        <translation>No other source was merged into %1.</translation>
    </message>
    <message>
        <source>%1 — 1 signalement, %2</source>
        <translation>%1 — 1 report, %2</translation>
    </message>
    <message>
        <source>%1 — %2 signalements, %3</source>
        <translation>%1 — %2 reports, %3</translation>
    </message>
    <message>
        <source>Séparer une source</source>
        <translation>Split a source out</translation>
    </message>
    <message>
        <source>Source à séparer de %1 :</source>
        <translation>Source to split out of %1:</translation>
    </message>
    <message>
        <source>%1 séparée de %2 — Ctrl+Z pour annuler</source>
        <translation>%1 split from %2 — Ctrl+Z to undo</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="58"/>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="75"/>
        <source>Moyens</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="83"/>
        <source>Main courante</source>
        <translation>Logbook</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="113"/>
        <source>&amp;Salle</source>
        <translation>&amp;Room</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="114"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="117"/>
        <source>&amp;Note…</source>
        <translation>&amp;Note…</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="119"/>
        <source>&amp;Décision…</source>
        <translation>&amp;Decision…</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="124"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="126"/>
        <source>Écran &amp;partagé (grands caractères)</source>
        <translation>&amp;Shared screen (large type)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="130"/>
        <source>Plein écran</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="157"/>
        <source>Interventions</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="175"/>
        <source>EXERCICE — %1 — ne pas engager de moyens réels</source>
        <translation>EXERCISE — %1 — do not commit real units</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="176"/>
        <source>SALLE RÉELLE — %1</source>
        <translation>LIVE ROOM — %1</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="177"/>
        <source>Vigie — %1%2</source>
        <translation>Vigie — %1%2</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="177"/>
        <source> (EXERCICE)</source>
        <translation> (EXERCISE)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="181"/>
        <source>Interventions en cours : %1 · moyens disponibles : %2/%3 · entrées au journal : %4</source>
        <translation>Active incidents: %1 · units available: %2/%3 · log entries: %4</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="230"/>
        <source>Interventions en cours : %1 · moyens disponibles : %2/%3 · entrées vérifiées : %4 sur %5</source>
        <translation>Active incidents: %1 · units available: %2/%3 · verified log entries: %4 of %5</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="148"/>
        <source>JOURNAL ENDOMMAGÉ à l&apos;entrée n° %1 : la situation affichée s&apos;arrête à l&apos;entrée n° %2.</source>
        <translation>LOG DAMAGED at entry %1: the picture shown stops at entry %2.</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="153"/>
        <source>Lancez %1 et restaurez la salle depuis une copie ou un autre poste.</source>
        <translation>Run %1 and restore the room from a copy or another desk.</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="193"/>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="193"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="194"/>
        <source>Décision prise (elle sera signée et inscrite à la main courante) :</source>
        <translation>Decision taken (it will be signed and written to the logbook):</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="195"/>
        <source>Note pour la main courante :</source>
        <translation>Note for the logbook:</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="207"/>
        <source>Inscription impossible</source>
        <translation>Could not write to the logbook</translation>
    </message>
    <message>
        <source>&amp;Rechercher dans la main courante…</source>
        <translation>&amp;Search the logbook…</translation>
    </message>
    <message>
        <source>démo — les changements ne sont pas gardés</source>
        <translation>demo — changes are not kept</translation>
    </message>
    <message>
        <source> — démo, les changements ne sont pas gardés</source>
        <translation> — demo, changes are not kept</translation>
    </message>
    <message>
        <source>Salle</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>%1 (+ %2 en attente)</source>
        <translation>%1 (+ %2 waiting)</translation>
    </message>
    <message>
        <source>Prévision des interventions</source>
        <translation>Incident forecast</translation>
    </message>
    <message>
        <source>&amp;Prévision des interventions…</source>
        <translation>Incident &amp;forecast…</translation>
    </message>
    <message>
        <source>Interventions attendues par tranche horaire et par maille, et effectifs de police pour un événement prévu, avec les données qui les fondent.</source>
        <translation>Expected incidents by time band and by cell, and police staffing for a planned event, with the data behind them.</translation>
    </message>
    <message>
        <source>Relecture : la salle est affichée telle qu&apos;elle était le %1. Rien n&apos;est inscrit ; revenez au direct (Ctrl+R) pour écrire.</source>
        <translation>Replay: the room is shown as it was on %1. Nothing is written; go back to live (Ctrl+R) to write.</translation>
    </message>
    <message>
        <source>Changer la &amp;gravité…</source>
        <translation>Change &amp;severity…</translation>
    </message>
    <message>
        <source>La gravité de l&apos;intervention sélectionnée, de 1 à 5. Inscrit au journal.</source>
        <translation>The selected incident&apos;s severity, from 1 to 5. Written to the log.</translation>
    </message>
    <message>
        <source>Gravité</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Gravité de « %1 » (1 : faible, 5 : extrême) :</source>
        <translation>Severity of “%1” (1: minor, 5: extreme):</translation>
    </message>
    <message>
        <source>&amp;Clôturer l&apos;intervention…</source>
        <translation>&amp;Close the incident…</translation>
    </message>
    <message>
        <source>L&apos;intervention sélectionnée est terminée : elle quitte la carte et la liste, son historique reste à la main courante. Inscrit au journal avec le motif.</source>
        <translation>The selected incident is over: it leaves the map and the list, its history stays in the log. Written to the log with the reason.</translation>
    </message>
    <message>
        <source>Clôturer l&apos;intervention</source>
        <translation>Close the incident</translation>
    </message>
    <message>
        <source>Clôturer « %1 ». Motif (inscrit à la main courante) :</source>
        <translation>Close “%1”. Reason (written to the log):</translation>
    </message>
    <message>
        <source>Fin d&apos;intervention.</source>
        <translation>Incident over.</translation>
    </message>
    <message>
        <source>Cette intervention n&apos;est plus en cours.</source>
        <translation>This incident is no longer open.</translation>
    </message>
    <message>
        <source>« %1 » clôturée (inscrit à la main courante).</source>
        <translation>“%1” closed (written to the log).</translation>
    </message>
    <message>
        <source>« %1 » : gravité %2 sur 5 (inscrit à la main courante).</source>
        <translation>“%1”: severity %2 of 5 (written to the log).</translation>
    </message>
    <message>
        <source>« %1 »</source>
        <translation>“%1”</translation>
    </message>
</context>
<context>
    <name>vigie::ui::UnitsModel</name>
    <message>
        <location filename="../models/units_model.cpp" line="82"/>
        <source>Indicatif</source>
        <translation>Call sign</translation>
    </message>
    <message>
        <location filename="../models/units_model.cpp" line="84"/>
        <source>Service</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../models/units_model.cpp" line="86"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../models/units_model.cpp" line="88"/>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/units_model.cpp" line="90"/>
        <source>Intervention</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../models/units_model.cpp" line="92"/>
        <source>Centre</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>%1 (réunie à %2)</source>
        <translation>%1 (joined into %2)</translation>
    </message>
</context>
<context>
    <name>vigie::ui::Labels</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>SAMU %1</source>
        <translation>SAMU %1</translation>
    </message>
    <message>
        <source>fichier n° %1</source>
        <translation>file no. %1</translation>
    </message>
    <message>
        <source>fichier %1 n° %2</source>
        <translation>%1 file no. %2</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="18"/>
        <source>Marins-pompiers</source>
        <translation>Fire brigade</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="20"/>
        <source>SAMU</source>
        <translation>EMS (SAMU)</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="22"/>
        <source>Police</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="24"/>
        <source>Élus / PCC</source>
        <translation>Officials / crisis cell</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="31"/>
        <source>disponible</source>
        <translation>available</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="33"/>
        <source>en route</source>
        <translation>en route</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="35"/>
        <source>sur les lieux</source>
        <translation>on scene</translation>
    </message>
    <message>
        <source>moyen de commandement</source>
        <translation>command unit</translation>
    </message>
    <message>
        <source>moyen de secours à personne</source>
        <translation>rescue unit</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="37"/>
        <source>retour</source>
        <translation>returning</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="39"/>
        <source>indisponible</source>
        <translation>unavailable</translation>
    </message>
    <message>
        <source>Journal tronqué</source>
        <translation>Log truncated</translation>
    </message>
    <message>
        <source>Hub Santé</source>
        <translation>Health Hub</translation>
    </message>
    <message>
        <source>alerte CAP %1</source>
        <translation>CAP alert %1</translation>
    </message>
    <message>
        <source>dossier SAMU %1</source>
        <translation>SAMU case %1</translation>
    </message>
    <message>
        <source>intervention fusionnée %1</source>
        <translation>merged incident %1</translation>
    </message>
    <message>
        <source>dossier pompiers %1</source>
        <translation>fire brigade case %1</translation>
    </message>
    <message>
        <source>dossier police %1</source>
        <translation>police case %1</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="59"/>
        <source>Feu de bâtiment</source>
        <translation>Building fire</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="60"/>
        <source>Feu de véhicule</source>
        <translation>Vehicle fire</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="61"/>
        <source>Feu d&apos;espace naturel</source>
        <translation>Brush fire</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="62"/>
        <source>Arrêt cardiaque</source>
        <translation>Cardiac arrest</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="63"/>
        <source>Blessé</source>
        <translation>Injury</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="64"/>
        <source>Accident de la circulation</source>
        <translation>Traffic accident</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="65"/>
        <source>Ordre public</source>
        <translation>Public order</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="66"/>
        <source>Rassemblement</source>
        <translation>Crowd event</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="67"/>
        <source>Fuite de gaz</source>
        <translation>Gas leak</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="68"/>
        <source>Noyade</source>
        <translation>Drowning</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="69"/>
        <source>Inondation</source>
        <translation>Flood</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="70"/>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="81"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="82"/>
        <source>Statut d&apos;unité</source>
        <translation>Unit status</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="83"/>
        <source>Position d&apos;unité</source>
        <translation>Unit position</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="84"/>
        <source>Ouverture d&apos;intervention</source>
        <translation>Incident opened</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="85"/>
        <source>Mise à jour d&apos;intervention</source>
        <translation>Incident updated</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="86"/>
        <source>Clôture d&apos;intervention</source>
        <translation>Incident closed</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="87"/>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="88"/>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../labels.cpp" line="89"/>
        <source>État hospitalier</source>
        <translation>Hospital status</translation>
    </message>
    <message>
        <source>Risque chimique ou matières dangereuses</source>
        <translation>Chemical risk or hazardous materials</translation>
    </message>
    <message>
        <source>Événement météorologique</source>
        <translation>Weather event</translation>
    </message>
    <message>
        <source>Séisme</source>
        <translation>Earthquake</translation>
    </message>
    <message>
        <source>Atteinte à la sécurité</source>
        <translation>Security incident</translation>
    </message>
    <message>
        <source>Réseaux et infrastructures</source>
        <translation>Utilities and infrastructure</translation>
    </message>
    <message>
        <source>Fusion de signalements</source>
        <translation>Reports merged</translation>
    </message>
    <message>
        <source>Source séparée</source>
        <translation>Source split out</translation>
    </message>
    <message>
        <source>Interventions réunies</source>
        <translation>Incidents joined</translation>
    </message>
    <message>
        <source>Correction annulée</source>
        <translation>Correction undone</translation>
    </message>
    <message>
        <source>Proposition</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Proposition acceptée</source>
        <translation>Suggestion accepted</translation>
    </message>
    <message>
        <source>Proposition rejetée</source>
        <translation>Suggestion rejected</translation>
    </message>
    <message>
        <source>Pause ou reprise d&apos;un flux</source>
        <translation>Feed paused or resumed</translation>
    </message>
    <message>
        <source>Conflit</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Mouvement de foule</source>
        <translation>Crowd crush</translation>
    </message>
    <message>
        <source>réanimation</source>
        <translation>intensive care</translation>
    </message>
    <message>
        <source>médecine</source>
        <translation>medicine</translation>
    </message>
    <message>
        <source>chirurgie</source>
        <translation>surgery</translation>
    </message>
    <message>
        <source>grands brûlés</source>
        <translation>burns</translation>
    </message>
    <message>
        <source>réanimation adultes</source>
        <translation>adult intensive care</translation>
    </message>
    <message>
        <source>réanimation pédiatrique</source>
        <translation>paediatric intensive care</translation>
    </message>
    <message>
        <source>réanimation néonatale</source>
        <translation>neonatal intensive care</translation>
    </message>
    <message>
        <source>médecine et chirurgie</source>
        <translation>medical and surgical</translation>
    </message>
    <message>
        <source>pédiatrie</source>
        <translation>paediatrics</translation>
    </message>
    <message>
        <source>psychiatrie</source>
        <translation>psychiatry</translation>
    </message>
    <message>
        <source>isolement à pression négative</source>
        <translation>negative-pressure isolation</translation>
    </message>
    <message>
        <source>autre isolement</source>
        <translation>other isolation</translation>
    </message>
    <message>
        <source>salles d&apos;opération</source>
        <translation>operating rooms</translation>
    </message>
    <message>
        <source>Événement prévu</source>
        <translation>Planned event</translation>
    </message>
    <message>
        <source>Événement annulé</source>
        <translation>Event cancelled</translation>
    </message>
    <message>
        <source>Horloge de l&apos;exercice</source>
        <translation>Exercise clock</translation>
    </message>
    <message>
        <source>Stimulus d&apos;exercice</source>
        <translation>Exercise inject</translation>
    </message>
    <message>
        <source>Action attendue</source>
        <translation>Expected action</translation>
    </message>
    <message>
        <source>CAP</source>
        <translation>CAP</translation>
    </message>
    <message>
        <source>EMSI</source>
        <translation>EMSI</translation>
    </message>
    <message>
        <source>EDXL</source>
        <translation>EDXL</translation>
    </message>
    <message>
        <source>EDXL-HAVE</source>
        <translation>EDXL-HAVE</translation>
    </message>
    <message>
        <source>EDXL-RM</source>
        <translation>EDXL-RM</translation>
    </message>
    <message>
        <source>NMEA</source>
        <translation>NMEA</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>GeoJSON</source>
        <translation>GeoJSON</translation>
    </message>
    <message>
        <source>Malaise ou maladie</source>
        <translation>Illness</translation>
    </message>
    <message>
        <source>Accouchement</source>
        <translation>Childbirth</translation>
    </message>
    <message>
        <source>Personne à l&apos;eau</source>
        <translation>Person in the water</translation>
    </message>
    <message>
        <source>Colis suspect</source>
        <translation>Suspect package</translation>
    </message>
    <message>
        <source>commandement</source>
        <translation>command</translation>
    </message>
    <message>
        <source>incendie</source>
        <translation>fire fighting</translation>
    </message>
    <message>
        <source>feux d&apos;espaces naturels</source>
        <translation>wildland fires</translation>
    </message>
    <message>
        <source>échelle</source>
        <translation>ladder</translation>
    </message>
    <message>
        <source>médical</source>
        <translation>medical</translation>
    </message>
    <message>
        <source>patrouille</source>
        <translation>patrol</translation>
    </message>
    <message>
        <source>ordre public</source>
        <translation>public order</translation>
    </message>
    <message>
        <source>secours à personne</source>
        <translation>rescue</translation>
    </message>
    <message>
        <source>exercice %1, stimulus %2</source>
        <translation>exercise %1, inject %2</translation>
    </message>
</context>
<context>
    <name>vigie::maps::Layers</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · gravité %3 · depuis %4 min&lt;br&gt;entrées du journal : %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 · severity %3 · for %4 min&lt;br&gt;log entries: %5</translation>
    </message>
    <message>
        <source>&lt;br&gt;réunit : %1</source>
        <translation>&lt;br&gt;joins: %1</translation>
    </message>
    <message>
        <source>ouvertes</source>
        <translation>open</translation>
    </message>
    <message>
        <source>saturées</source>
        <translation>saturated</translation>
    </message>
    <message>
        <source>fermées</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;urgences : %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;emergency department: %2</translation>
    </message>
    <message>
        <location filename="../../maps/map_layers.cpp"/>
        <source>Marins-pompiers</source>
        <translation>Fire brigade</translation>
    </message>
    <message>
        <location filename="../../maps/map_layers.cpp"/>
        <source>SAMU</source>
        <translation>EMS (SAMU)</translation>
    </message>
    <message>
        <location filename="../../maps/map_layers.cpp"/>
        <source>Police</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../../maps/map_layers.cpp"/>
        <source>Élus / PCC</source>
        <translation>Officials / crisis cell</translation>
    </message>
    <message>
        <location filename="../../maps/map_layers.cpp"/>
        <source>Interventions</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../maps/map_layers.cpp"/>
        <source>Hôpitaux</source>
        <translation>Hospitals</translation>
    </message>
    <message>
        <location filename="../../maps/map_layers.cpp"/>
        <source>Capteurs sonores</source>
        <translation>Sound sensors</translation>
    </message>
    <message>
        <location filename="../../maps/map_layers.cpp"/>
        <source>Caméras / vidéoprotection</source>
        <translation>Cameras / CCTV</translation>
    </message>
    <message>
        <location filename="../../maps/map_layers.cpp"/>
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
</context>
<context>
    <name>vigie::maps::MapView</name>
    <message>
        <location filename="../../maps/map_view.cpp"/>
        <source>Secteur %1</source>
        <translation>Sector %1</translation>
    </message>
    <message>
        <source>Aucun fond de carte à cet endroit : le fond simplifié ne couvre que Marseille et ses environs</source>
        <translation>No background map here: the simplified background covers only Marseille and its surroundings</translation>
    </message>
    <message numerus="yes">
        <location filename="../../maps/map_view.cpp"/>
        <source>&lt;b&gt;%n objet(s) regroupé(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n object grouped&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n objects grouped&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../maps/map_view.cpp"/>
        <source>Zoomez pour les séparer.</source>
        <translation>Zoom in to separate them.</translation>
    </message>
    <message>
        <location filename="../../maps/map_view.cpp"/>
        <source>© contributeurs OpenStreetMap</source>
        <translation>© OpenStreetMap contributors</translation>
    </message>
    <message>
        <location filename="../../maps/map_view.cpp"/>
        <source>fond de carte simplifié</source>
        <translation>simplified background map</translation>
    </message>
    <message>
        <location filename="../../maps/map_view.cpp"/>
        <source>fond de carte simplifié hors de la carte importée</source>
        <translation>simplified background map outside the imported map</translation>
    </message>
    <message>
        <location filename="../../maps/map_view.cpp"/>
        <source>Fond de carte simplifié : la carte importée ne couvre pas cet endroit</source>
        <translation>Simplified background map: the imported map does not cover this place</translation>
    </message>
    <message>
        <location filename="../../maps/map_view.cpp"/>
        <source>Fond de carte simplifié : pas de détail à ce niveau de zoom</source>
        <translation>Simplified background map: no detail at this zoom level</translation>
    </message>
</context>
<context>
    <name>vigie::ui::WallLayout</name>
    <message>
        <location filename="../wall_layout.cpp"/>
        <source>Note…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <location filename="../wall_layout.cpp"/>
        <source>Décision…</source>
        <translation>Decision…</translation>
    </message>
    <message>
        <location filename="../wall_layout.cpp"/>
        <source>Plein écran</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../wall_layout.cpp"/>
        <source>Vue : la ville</source>
        <translation>View: the city</translation>
    </message>
    <message>
        <location filename="../wall_layout.cpp"/>
        <source>Vue : l&apos;intervention la plus grave</source>
        <translation>View: the most severe incident</translation>
    </message>
    <message>
        <location filename="../wall_layout.cpp"/>
        <source>Vue : les hôpitaux</source>
        <translation>View: the hospitals</translation>
    </message>
    <message>
        <location filename="../wall_layout.cpp"/>
        <source>EXERCICE</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <location filename="../wall_layout.cpp"/>
        <source>SALLE RÉELLE</source>
        <translation>REAL ROOM</translation>
    </message>
    <message>
        <location filename="../wall_layout.cpp"/>
        <source>%1 intervention en cours</source>
        <translation>%1 incident in progress</translation>
    </message>
    <message>
        <location filename="../wall_layout.cpp"/>
        <source>%1 interventions en cours</source>
        <translation>%1 incidents in progress</translation>
    </message>
    <message>
        <location filename="../wall_layout.cpp"/>
        <source>Inscription impossible</source>
        <translation>Could not record</translation>
    </message>
</context>
<context>
    <name>vigie::maps::LayerPanel</name>
    <message>
        <location filename="../../maps/layer_panel.cpp"/>
        <source>Tous les objets ont une position.</source>
        <translation>Every object has a position.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../maps/layer_panel.cpp"/>
        <source>%n objet(s) sans position (non affichés) — %1</source>
        <translation>
            <numerusform>%n object without a position (not shown) — %1</numerusform>
            <numerusform>%n objects without a position (not shown) — %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigie::ui::SuggestionsPanel</name>
    <message>
        <source>à accepter avec le repositionnement suivant : seul, il laisse sans %1 à moins de %2 min : %3</source>
        <translation>to accept with the next move-up: alone, it leaves without a %1 within %2 min: %3</translation>
    </message>
    <message>
        <source>repositionnement : %1</source>
        <translation>move-up: %1</translation>
    </message>
    <message>
        <source>couverture</source>
        <translation>coverage</translation>
    </message>
    <message numerus="yes">
        <source>rétablit %n secteur(s)</source>
        <translation>
            <numerusform>restores %n sector</numerusform>
            <numerusform>restores %n sectors</numerusform>
        </translation>
    </message>
    <message>
        <source>Secteurs qui retrouvent un %1 à moins de %2 min : %3.
Couverture attendue regagnée (modèle MEXCLP) : %4</source>
        <translation>Sectors that get a %1 within %2 min again: %3.
Expected coverage regained (MEXCLP model): %4</translation>
    </message>
    <message>
        <source>les départs proposés laissent sans %1 à moins de %2 min : %3 ; aucun autre secteur n&apos;en est privé</source>
        <translation>the proposed departures leave without a %1 within %2 min: %3; no other sector loses one</translation>
    </message>
    <message>
        <source>%1 se repositionne à %2 (inscrit à la main courante).</source>
        <translation>%1 moves up to %2 (written to the log).</translation>
    </message>
    <message>
        <source>Repositionnement de %1 à %2 rejeté (inscrit à la main courante).</source>
        <translation>Move-up of %1 to %2 rejected (written to the log).</translation>
    </message>
    <message>
        <source>Couverture si le moyen part</source>
        <translation>Coverage if the unit leaves</translation>
    </message>
    <message>
        <source>gardée</source>
        <translation>kept</translation>
    </message>
    <message numerus="yes">
        <source>%n secteur(s) sans moyen à moins de %1 min</source>
        <translation>
            <numerusform>%n sector without a unit within %1 min</numerusform>
            <numerusform>%n sectors without a unit within %1 min</numerusform>
        </translation>
    </message>
    <message>
        <source>Secteurs qu&apos;aucun autre moyen disponible n&apos;atteint en %1 min si celui-ci part : %2.
Perte de couverture attendue (modèle MEXCLP) : %3</source>
        <translation>Sectors no other available unit reaches within %1 min if this one leaves: %2.
Expected coverage loss (MEXCLP model): %3</translation>
    </message>
    <message>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%1 proposition(s) en attente de décision : %2 nouvelle(s) inscrite(s) à la main courante, %3 inchangée(s), déjà inscrite(s).</source>
        <translation>%1 proposal(s) awaiting a decision: %2 new one(s) recorded in the log, %3 unchanged, recorded already.</translation>
    </message>
    <message>
        <source>non prise en compte</source>
        <translation>not taken</translation>
    </message>
    <message>
        <source>%1 l&apos;avait fait avant vous, à %2 (n° %3) : votre décision (n° %4) n&apos;a pas pris effet. Voir la main courante.</source>
        <translation>%1 did it before you, at %2 (no. %3): your decision (no. %4) did not take effect. See the log.</translation>
    </message>
    <message>
        <source>ETA par la route (réseau importé : %L1 nœuds).</source>
        <translation>ETA by road (imported network: %L1 nodes).</translation>
    </message>
    <message>
        <source>ETA approximative : pas de réseau routier importé (ligne droite × 1,4).</source>
        <translation>Approximate ETA: no road network imported (straight line × 1.4).</translation>
    </message>
    <message>
        <source>&amp;Proposer (F5)</source>
        <translation>&amp;Propose (F5)</translation>
    </message>
    <message>
        <source>Calcule qui envoyer où pour les interventions ouvertes. Rien n'est envoyé : chaque proposition attend votre décision.</source>
        <translation>Works out whom to send where for the open incidents. Nothing is sent: each suggestion waits for your decision.</translation>
    </message>
    <message>
        <source>&amp;Accepter</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>Accepter la proposition sélectionnée (Ctrl+Entrée) : le moyen passe « en route ».</source>
        <translation>Accept the selected suggestion (Ctrl+Enter): the unit becomes “en route”.</translation>
    </message>
    <message>
        <source>&amp;Rejeter…</source>
        <translation>&amp;Reject…</translation>
    </message>
    <message>
        <source>Rejeter la proposition sélectionnée avec un motif (Suppr).</source>
        <translation>Reject the selected suggestion with a reason (Del).</translation>
    </message>
    <message>
        <source>Moyen</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Besoin</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>ETA</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Couverture perdue</source>
        <translation>Coverage lost</translation>
    </message>
    <message>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Appuyez sur F5 pour proposer une affectation.</source>
        <translation>Press F5 to propose an assignment.</translation>
    </message>
    <message>
        <source>Rejeter la proposition</source>
        <translation>Reject the suggestion</translation>
    </message>
    <message>
        <source>Motif du rejet (il sera inscrit à la main courante) :</source>
        <translation>Reason for rejecting (it will be written to the log):</translation>
    </message>
    <message>
        <source>sans motif</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>Calcul des propositions…</source>
        <translation>Computing suggestions…</translation>
    </message>
    <message>
        <source>Propositions non inscrites : %1</source>
        <translation>Suggestions not recorded: %1</translation>
    </message>
    <message>
        <source>Inscription des propositions à la main courante…</source>
        <translation>Recording the suggestions in the log…</translation>
    </message>
    <message>
        <source>Aucune proposition (voir les messages ci-dessous).</source>
        <translation>No suggestion (see the messages below).</translation>
    </message>
    <message>
        <source>%1 × %2 (priorité %3)</source>
        <translation>%1 × %2 (priority %3)</translation>
    </message>
    <message>
        <source>%1 × %2 (priorité %3, complément)</source>
        <translation>%1 × %2 (priority %3, complement)</translation>
    </message>
    <message numerus="yes">
        <source>Complément : l&apos;intervention a déjà un moyen engagé. Quand les moyens manquent, il passe après le premier moyen des interventions qui n&apos;en ont aucun (compté %n niveau(x) de priorité plus bas).</source>
        <translation>
            <numerusform>Complement: the incident has a unit engaged already. When units are short, it comes after the first unit of incidents that have none (counted %n priority level lower).</numerusform>
            <numerusform>Complement: the incident has a unit engaged already. When units are short, it comes after the first unit of incidents that have none (counted %n priority levels lower).</numerusform>
        </translation>
    </message>
    <message>
        <source> (approx.)</source>
        <translation> (approx.)</translation>
    </message>
    <message>
        <source>Perte de couverture attendue si ce moyen part (modèle MEXCLP)</source>
        <translation>Expected coverage lost if this unit leaves (MEXCLP model)</translation>
    </message>
    <message>
        <source>alternative : %1</source>
        <translation>alternative: %1</translation>
    </message>
    <message>
        <source>secteurs laissés sans moyen à moins de %1 min : %2</source>
        <translation>sectors left with no unit within %1 min: %2</translation>
    </message>
    <message>
        <source>Acceptation non inscrite : %1</source>
        <translation>Acceptance not recorded: %1</translation>
    </message>
    <message>
        <source>Rejet non inscrit : %1</source>
        <translation>Rejection not recorded: %1</translation>
    </message>
    <message>
        <source>acceptée</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>rejetée</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>%1 part vers %2 (inscrit à la main courante).</source>
        <translation>%1 leaves for %2 (written to the log).</translation>
    </message>
    <message>
        <source>Proposition %1 → %2 rejetée (inscrit à la main courante).</source>
        <translation>Suggestion %1 → %2 rejected (written to the log).</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message numerus="yes">
        <source>%n proposition(s) inscrite(s) à la main courante, en attente de décision.</source>
        <translation>
            <numerusform>%n suggestion written to the log, waiting for a decision.</numerusform>
            <numerusform>%n suggestions written to the log, waiting for a decision.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../eta_method.cpp"/>
        <source>ETA à vol d&apos;oiseau × 1,4 : le réseau routier importé ne couvre pas les moyens (aucun des %1 à moins de %2 m d&apos;une route).</source>
        <translation>ETA as the crow flies × 1.4: the imported road network does not cover the units (none of the %1 within %2 m of a road).</translation>
    </message>
    <message>
        <location filename="../eta_method.cpp"/>
        <source>ETA par la route pour %1 moyens sur %2 ; à vol d&apos;oiseau × 1,4 pour les autres, hors du réseau routier importé (à plus de %3 m d&apos;une route).</source>
        <translation>ETA by road for %1 units out of %2; as the crow flies × 1.4 for the others, off the imported road network (more than %3 m from a road).</translation>
    </message>
    <message>
        <source>Proposer des affectations</source>
        <translation>Suggest assignments</translation>
    </message>
    <message>
        <source>Accepter la proposition sélectionnée</source>
        <translation>Accept the selected suggestion</translation>
    </message>
    <message>
        <source>Rejeter la proposition sélectionnée (avec un motif)</source>
        <translation>Reject the selected suggestion (with a reason)</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>≈ %1 min</source>
        <translation>≈ %1 min</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>≈ %1 h %2</source>
        <translation>≈ %1 h %2</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>≈ %1 j</source>
        <translation>≈ %1 d</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>Attend depuis</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>Libre dans</source>
        <translation>Free in</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>Quand le premier moyen engagé de ce type se libérera : estimation d'après les durées médianes d'intervention</source>
        <translation>When the first engaged unit of this type will be free: an estimate from median intervention times</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>En attente (%1)</source>
        <translation>Waiting (%1)</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>aucun moyen engagé ne se libérera</source>
        <translation>no engaged unit will free up</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>%1 (le dernier dans %2)</source>
        <translation>%1 (the last in %2)</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>%1 : %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>Une colonne de renfort d&apos;un département voisin (arrivée estimée dans %1) arriverait après que les moyens engagés se seront libérés : elle ne réduirait pas ces attentes.</source>
        <translation>A reinforcement column from a neighbouring department (expected in %1) would arrive after the engaged units free up: it would not shorten these waits.</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>Minutes d&apos;attente qu&apos;une colonne retirerait, pondérées par la priorité des besoins, par type de moyen : %1</source>
        <translation>Waiting minutes a column would remove, weighted by the needs&apos; priority, per unit type: %1</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>%1 : aucun n&apos;est engagé, aucun ne se libérera.</source>
        <translation>%1: none engaged, none will free up.</translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>%1 %2 depuis %3 (libre dans %4)</source>
        <translation>%1 %2 for %3 (free in %4)</translation>
    </message>
    <message numerus="yes">
        <location filename="../suggestions_panel.cpp"/>
        <source>%n %1 engagé(s), les premiers libres : %2.</source>
        <translation>
            <numerusform>%n %1 engaged, soonest free: %2.</numerusform>
            <numerusform>%n %1 engaged, soonest free: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../suggestions_panel.cpp"/>
        <source>%n %1 engagé(s) ; le premier libre dans %2.</source>
        <translation>
            <numerusform>%n %1 engaged; the first free in %2.</numerusform>
            <numerusform>%n %1 engaged; the first free in %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../suggestions_panel.cpp"/>
        <source>%n autre(s)</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../suggestions_panel.cpp"/>
        <source>Estimations : durées médianes d&apos;intervention observées (sur les lieux, puis à l&apos;hôpital pour un VSAV), compte tenu du temps déjà passé ; le trajet n&apos;est pas compté.</source>
        <translation>Estimates: median observed service times (on scene, then at the hospital for a VSAV), given the time already spent; the drive is not counted.</translation>
    </message>
    <message numerus="yes">
        <location filename="../suggestions_panel.cpp"/>
        <source>Une colonne de %1 %2 d&apos;un département voisin (arrivée estimée dans %3) réduirait l&apos;attente cumulée de %4 : %n intervention(s) attendent un %2.</source>
        <translation>
            <numerusform>A column of %1 %2 from a neighbouring department (expected in %3) would cut the total wait by %4: %n incident waits for a %2.</numerusform>
            <numerusform>A column of %1 %2 from a neighbouring department (expected in %3) would cut the total wait by %4: %n incidents wait for a %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigie::ui::FeedsPanel</name>
    <message>
        <source>stimulus joué</source>
        <translation>stimulus played</translation>
    </message>
    <message>
        <source>Flux</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Répétitions</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>Débit (msg/min)</source>
        <translation>Rate (msg/min)</translation>
    </message>
    <message>
        <source>Dernier message</source>
        <translation>Last message</translation>
    </message>
    <message>
        <source>Fraîcheur</source>
        <translation>Freshness</translation>
    </message>
    <message>
        <source>Refusés</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Messages reçus plusieurs fois (passerelles qui rejouent) : comptés, stockés une seule fois.</source>
        <translation>Messages received more than once (gateways replaying): counted, stored once.</translation>
    </message>
    <message>
        <source>Messages distincts des 5 dernières minutes, par minute.</source>
        <translation>Distinct messages of the last 5 minutes, per minute.</translation>
    </message>
    <message>
        <source>Entrées mises en quarantaine avec leur motif (sélectionnez le flux pour les voir).</source>
        <translation>Input quarantined with its reason (select the feed to see it).</translation>
    </message>
    <message>
        <source>Sélectionnez un flux pour voir ses entrées refusées et leurs motifs.</source>
        <translation>Select a feed to see its refused input and the reasons.</translation>
    </message>
    <message>
        <source>à jour</source>
        <translation>up to date</translation>
    </message>
    <message>
        <source>ancien (%1 min)</source>
        <translation>old (%1 min)</translation>
    </message>
    <message>
        <source>muet depuis %1 h</source>
        <translation>silent for %1 h</translation>
    </message>
    <message>
        <source>muet depuis %1 j</source>
        <translation>silent for %1 d</translation>
    </message>
    <message>
        <source>Aucun flux reçu dans cette salle.</source>
        <translation>No feed received in this room.</translation>
    </message>
    <message>
        <source>%1 flux · %2 en pause · %3 sans message depuis plus de %4 min · entrées refusées : %5</source>
        <translation>%1 feeds · %2 paused · %3 silent for over %4 min · inputs refused: %5</translation>
    </message>
    <message>
        <source>Mettre en pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Reprendre le flux</source>
        <translation>Resume the feed</translation>
    </message>
    <message>
        <source>Ctrl+P — Ce que le flux envoie pendant la pause est mis de côté (quarantaine), pas versé au journal ; la pause et la reprise sont inscrites au journal.</source>
        <translation>Ctrl+P — What the feed sends while paused is set aside (quarantine), not entered in the log; the pause and the resumption are logged.</translation>
    </message>
    <message>
        <source>en pause (%1, %2)</source>
        <translation>paused (%1, %2)</translation>
    </message>
    <message>
        <source>Impossible d&apos;inscrire la décision au journal : %1</source>
        <translation>Cannot write the decision in the log: %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Aucune entrée refusée pour %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No refused input for %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Les 50 plus récentes sur %1 (vigie-cli quarantine pour tout voir).&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;The latest 50 of %1 (vigie-cli quarantine shows them all).&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Mettre en pause ou reprendre le flux sélectionné</source>
        <translation>Pause or resume the selected feed</translation>
    </message>
    <message>
        <source>Inconnu ici : seul le serveur qui a reçu les messages compte les répétitions.</source>
        <translation>Unknown here: only the server that received the messages counts the repeats.</translation>
    </message>
    <message>
        <source> · lecture du journal : entrée %1 sur %2</source>
        <translation> · reading the log: entry %1 of %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>Le serveur avait perdu les dernières entrées de la salle (bascule sur un serveur de secours) : %n entrée(s) renvoyée(s) par ce poste, rien n&apos;est perdu.</source>
        <translation>
            <numerusform>The server had lost the room&apos;s last entries (failover to a standby server): %n entry sent again by this desk, nothing is lost.</numerusform>
            <numerusform>The server had lost the room&apos;s last entries (failover to a standby server): %n entries sent again by this desk, nothing is lost.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importer une carte OSM</source>
        <translation>Import an OSM map</translation>
    </message>
    <message>
        <source>Extraits OpenStreetMap (*.osm.pbf *.osm)</source>
        <translation>OpenStreetMap extracts (*.osm.pbf *.osm)</translation>
    </message>
    <message>
        <source>Import de %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tuiles : %1 / %2</source>
        <translation>Tiles: %1 / %2</translation>
    </message>
    <message>
        <source>Impossible d&apos;écrire %1.</source>
        <translation>Cannot write %1.</translation>
    </message>
    <message>
        <source>Fond de carte importé : %1.</source>
        <translation>Basemap imported: %1.</translation>
    </message>
    <message>
        <location filename="../../maps/basemap_coverage.cpp"/>
        <source>La carte importée (%1) ne dit pas quelle zone elle couvre : rien ne garantit qu&apos;elle couvre la ville de la salle.</source>
        <translation>The imported map (%1) does not say which area it covers: nothing guarantees that it covers the room&apos;s city.</translation>
    </message>
    <message>
        <location filename="../../maps/basemap_coverage.cpp"/>
        <source>La carte importée (%1) ne couvre pas la ville de la salle : %2 % de sa surface seulement. Là où elle ne couvre pas, la carte garde le fond simplifié, sans rues.</source>
        <translation>The imported map (%1) does not cover the room&apos;s city: only %2 % of its area. Where it does not, the map keeps the simplified background, without streets.</translation>
    </message>
    <message>
        <location filename="../../maps/basemap_coverage.cpp"/>
        <source>L&apos;afficher pour cette session</source>
        <translation>Show it for this session</translation>
    </message>
    <message>
        <location filename="../../maps/basemap_coverage.cpp"/>
        <source>En faire le fond de la salle</source>
        <translation>Make it the room&apos;s basemap</translation>
    </message>
    <message>
        <location filename="../../maps/basemap_coverage.cpp"/>
        <source>Ne pas l&apos;utiliser</source>
        <translation>Do not use it</translation>
    </message>
    <message>
        <location filename="../../maps/basemap_coverage.cpp"/>
        <source>Le fond de carte de la salle reste celui d&apos;avant, sauf si vous en faites le fond de la salle.</source>
        <translation>The room&apos;s basemap stays the one it had, unless you make this one the room&apos;s basemap.</translation>
    </message>
    <message>
        <location filename="../../maps/basemap_coverage.cpp"/>
        <source>Fond de carte affiché pour cette session seulement : %1.</source>
        <translation>Basemap shown for this session only: %1.</translation>
    </message>
    <message>
        <source>&amp;Carte</source>
        <translation>&amp;Map</translation>
    </message>
    <message>
        <source>Couches</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Détail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Cliquez sur un objet de la carte pour voir son détail.</source>
        <translation>Click an object on the map to see its details.</translation>
    </message>
    <message>
        <source>&amp;Importer une carte OSM…</source>
        <translation>&amp;Import an OSM map…</translation>
    </message>
    <message>
        <source>&amp;Recentrer sur Marseille</source>
        <translation>&amp;Recentre on Marseille</translation>
    </message>
    <message>
        <source>Propositions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Flux</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <source>Événements prévus</source>
        <translation>Planned events</translation>
    </message>
    <message>
        <source>&amp;Anticipation</source>
        <translation>&amp;Anticipation</translation>
    </message>
    <message>
        <source>&amp;Importer des événements…</source>
        <translation>&amp;Import events…</translation>
    </message>
    <message>
        <source>&amp;Calendrier et conflits</source>
        <translation>&amp;Calendar and clashes</translation>
    </message>
    <message>
        <source>Animation de l&apos;exercice</source>
        <translation>Exercise control</translation>
    </message>
    <message>
        <source>&amp;Rapports</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <source>Retour d&apos;&amp;expérience (RETEX)…</source>
        <translation>&amp;After-action report (RETEX)…</translation>
    </message>
    <message>
        <source>&amp;Point de situation…</source>
        <translation>&amp;Situation report…</translation>
    </message>
</context>
<context>
    <name>vigie::maps::EntryDetails</name>
    <message numerus="yes">
        <source>Main courante : %n entrée(s)</source>
        <translation>
            <numerusform>Logbook: %n entry</numerusform>
            <numerusform>Logbook: %n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>entrée n° %1 illisible : %2</source>
        <translation>entry no. %1 unreadable: %2</translation>
    </message>
    <message>
        <source>absente du journal</source>
        <translation>not in the log</translation>
    </message>
    <message numerus="yes">
        <source>… et %n entrée(s) plus ancienne(s)</source>
        <translation>
            <numerusform>… and %n older entry</numerusform>
            <numerusform>… and %n older entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigie::maps::ImportOsmJob</name>
    <message numerus="yes">
        <source>%n tuile(s) en %1 s</source>
        <translation>
            <numerusform>%n tile in %1 s</numerusform>
            <numerusform>%n tiles in %1 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigie::ui::PresencePanel</name>
    <message>
        <source>Hors ligne depuis %1 — rien en attente ; le poste travaille sur sa copie de la salle</source>
        <translation>Offline since %1 — nothing waiting; this desk works on its copy of the room</translation>
    </message>
    <message>
        <source>Hors ligne depuis %1 — 1 entrée en attente, envoyée au retour du réseau</source>
        <translation>Offline since %1 — 1 entry waiting, sent when the network returns</translation>
    </message>
    <message>
        <source>Hors ligne depuis %1 — %2 entrées en attente, envoyées au retour du réseau</source>
        <translation>Offline since %1 — %2 entries waiting, sent when the network returns</translation>
    </message>
    <message>
        <source>Poste</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Présence</source>
        <translation>Presence</translation>
    </message>
    <message>
        <source>1 poste en ligne dans la salle</source>
        <translation>1 desk online in the room</translation>
    </message>
    <message>
        <source>%1 postes en ligne dans la salle</source>
        <translation>%1 desks online in the room</translation>
    </message>
    <message>
        <source>Ce poste est hors ligne depuis %1 : la liste des postes reviendra avec le réseau</source>
        <translation>This desk has been offline since %1: the list of desks comes back with the network</translation>
    </message>
    <message>
        <source>Ce poste est hors ligne depuis %1 : voici la liste connue alors</source>
        <translation>This desk has been offline since %1: the list as it was then</translation>
    </message>
    <message>
        <source>%1 (ce poste)</source>
        <translation>%1 (this desk)</translation>
    </message>
    <message>
        <source>en ligne depuis %1</source>
        <translation>online since %1</translation>
    </message>
    <message>
        <source>hors ligne depuis %1</source>
        <translation>offline since %1</translation>
    </message>
</context>
<context>
    <name>vigie::ui::NoteDialog</name>
    <message>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Décision prise (elle sera signée et inscrite à la main courante) :</source>
        <translation>Decision taken (it will be signed and written to the logbook):</translation>
    </message>
    <message>
        <source>Note pour la main courante :</source>
        <translation>Note for the logbook:</translation>
    </message>
    <message>
        <source>Aucune</source>
        <translation>None</translation>
    </message>
    <message>
        <source>&amp;Intervention :</source>
        <translation>&amp;Incident:</translation>
    </message>
    <message>
        <source>Aucun</source>
        <translation>None</translation>
    </message>
    <message>
        <source>&amp;Service :</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <source>Inscrire (Ctrl+Entrée)</source>
        <translation>Record (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>vigie::ui::LogPanel</name>
    <message>
        <source>Rechercher dans la main courante (Ctrl+F)</source>
        <translation>Search the logbook (Ctrl+F)</translation>
    </message>
    <message>
        <source>Mots cherchés dans le résumé, l&apos;auteur, la nature et le service de chaque entrée, sans tenir compte des majuscules ni des accents. Échap efface.</source>
        <translation>Words looked for in each entry&apos;s summary, author, type and agency, ignoring case and accents. Esc clears.</translation>
    </message>
    <message>
        <source>Ne montrer que les entrées d&apos;un service</source>
        <translation>Show only one agency&apos;s entries</translation>
    </message>
    <message>
        <source>Tous les services</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>Sans service</source>
        <translation>No agency</translation>
    </message>
    <message>
        <source>Ne montrer que les entrées d&apos;une nature</source>
        <translation>Show only entries of one type</translation>
    </message>
    <message>
        <source>Toutes les natures</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Rechercher dans la main courante</source>
        <translation>Search the logbook</translation>
    </message>
    <message>
        <source>Effacer la recherche</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <source>%1 sur %2 entrées</source>
        <translation>%1 of %2 entries</translation>
    </message>
    <message>
        <source>%1 entrées</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <source>Le filtre porte sur les %1 entrées les plus récentes, chargées à l&apos;ouverture ; vigie-cli log cherche dans tout le journal.</source>
        <translation>The filter covers the %1 most recent entries, loaded at opening; vigie-cli log searches the whole log.</translation>
    </message>
    <message>
        <source>Tout le journal</source>
        <translation>Whole log</translation>
    </message>
    <message>
        <source>Chercher avec ces conditions dans tout le journal de la salle, pas seulement dans les entrées chargées ; la fenêtre reste utilisable pendant la recherche.</source>
        <translation>Search the room&apos;s whole log with these conditions, not only the loaded entries; the window stays usable meanwhile.</translation>
    </message>
    <message>
        <source>Recherche dans tout le journal… %1 %</source>
        <translation>Searching the whole log… %1 %</translation>
    </message>
    <message>
        <source>Arrêter</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Recherche dans tout le journal…</source>
        <translation>Searching the whole log…</translation>
    </message>
    <message>
        <source>Recherche impossible</source>
        <translation>Search failed</translation>
    </message>
    <message>
        <source>%1 trouvées dans tout le journal, les %2 plus récentes affichées</source>
        <translation>%1 found in the whole log, the %2 most recent shown</translation>
    </message>
    <message>
        <source>%1 trouvées dans tout le journal</source>
        <translation>%1 found in the whole log</translation>
    </message>
    <message>
        <source> (recherche arrêtée)</source>
        <translation> (search stopped)</translation>
    </message>
    <message>
        <source>%1 entrées parcourues.</source>
        <translation>%1 entries read.</translation>
    </message>
    <message>
        <source>Revenir au direct</source>
        <translation>Back to live</translation>
    </message>
    <message>
        <source>Le filtre porte sur les %1 entrées les plus récentes, chargées à l&apos;ouverture ; « Tout le journal » cherche aussi dans les plus anciennes.</source>
        <translation>The filter covers the %1 most recent entries, loaded at opening; “Whole log” searches the older ones too.</translation>
    </message>
</context>
<context>
    <name>vigie::ui::ShortcutsDialog</name>
    <message>
        <source>Fenêtre</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Touche</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Menu ou panneau</source>
        <translation>Menu or panel</translation>
    </message>
    <message>
        <source>Sur la carte : flèches pour se déplacer, + et − pour zoomer.</source>
        <translation>On the map: arrows to pan, + and − to zoom.</translation>
    </message>
</context>
<context>
    <name>vigie::ui::AboutDialog</name>
    <message>
        <source>Console de coordination de crise.</source>
        <translation>Crisis coordination console.</translation>
    </message>
    <message>
        <source>Vigie est distribué sous licence MIT. Il s&apos;appuie sur les bibliothèques suivantes, chacune sous sa propre licence (identifiants SPDX) :</source>
        <translation>Vigie is distributed under the MIT licence. It relies on the following libraries, each under its own licence (SPDX identifiers):</translation>
    </message>
    <message>
        <source>Bibliothèque</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Fond de carte simplifié : secteurs de Marseille (INSEE IRIS) et département (IGN Admin Express), Licence Ouverte 2.0 (Etalab).</source>
        <translation>Simplified basemap: Marseille sectors (INSEE IRIS) and county (IGN Admin Express), Etalab Open Licence 2.0.</translation>
    </message>
    <message>
        <source>À propos de Vigie</source>
        <translation>About Vigie</translation>
    </message>
    <message>
        <source>Guide d&apos;utilisation (absent) — raccourcis clavier</source>
        <translation>User guide (not installed) — keyboard shortcuts</translation>
    </message>
    <message>
        <source>Guide d&apos;utilisation</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Guide d&apos;utilisation</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>À &amp;propos de Vigie</source>
        <translation>&amp;About Vigie</translation>
    </message>
</context>
<context>
    <name>vigie::ui::OpenRoomDialog</name>
    <message>
        <source>Indiquez un fichier de salle ou une adresse postgresql://.</source>
        <translation>Give a room file or a postgresql:// address.</translation>
    </message>
    <message>
        <source>Le fichier %1 n&apos;existe pas.</source>
        <translation>The file %1 does not exist.</translation>
    </message>
    <message>
        <source>Impossible de lancer une console pour %1.</source>
        <translation>Cannot start a console for %1.</translation>
    </message>
    <message>
        <source>Ouvrir une salle</source>
        <translation>Open a room</translation>
    </message>
    <message>
        <source>fichier .vigie ou postgresql://serveur/base?room=nom</source>
        <translation>.vigie file or postgresql://server/database?room=name</translation>
    </message>
    <message>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Salles Vigie (*.vigie);;Tous les fichiers (*)</source>
        <translation>Vigie rooms (*.vigie);;All files (*)</translation>
    </message>
    <message>
        <source>La salle s&apos;ouvre dans une nouvelle console ; celle-ci reste sur sa salle.</source>
        <translation>The room opens in a new console; this one stays on its room.</translation>
    </message>
    <message>
        <source>Salle :</source>
        <translation>Room:</translation>
    </message>
    <message>
        <source>Salles récentes :</source>
        <translation>Recent rooms:</translation>
    </message>
    <message>
        <source>%1 s&apos;ouvre dans une nouvelle console.</source>
        <translation>%1 opens in a new console.</translation>
    </message>
    <message>
        <source>&amp;Ouvrir une salle…</source>
        <translation>&amp;Open a room…</translation>
    </message>
    <message>
        <source>Salles &amp;récentes</source>
        <translation>&amp;Recent rooms</translation>
    </message>
    <message>
        <source>(aucune)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>vigie::ui::IncidentsPanel</name>
    <message>
        <source>Filtrer : titre, nature, lieu, référence… (Ctrl+F)</source>
        <translation>Filter: title, type, place, reference… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filtrer les interventions</source>
        <translation>Filter the incidents</translation>
    </message>
    <message>
        <source>Les interventions dont le titre, la nature, le lieu ou la référence contiennent tous les mots tapés (accents et majuscules indifférents).</source>
        <translation>The incidents whose title, type, place or reference contain every word typed (accents and case aside).</translation>
    </message>
    <message>
        <source>Toutes gravités</source>
        <translation>All severities</translation>
    </message>
    <message>
        <source>Gravité 2 et plus</source>
        <translation>Severity 2 and above</translation>
    </message>
    <message>
        <source>Gravité 3 et plus</source>
        <translation>Severity 3 and above</translation>
    </message>
    <message>
        <source>Gravité 4 et plus</source>
        <translation>Severity 4 and above</translation>
    </message>
    <message>
        <source>Gravité 5</source>
        <translation>Severity 5</translation>
    </message>
    <message>
        <source>Tous services</source>
        <translation>All services</translation>
    </message>
    <message>
        <source>Intervention de gravité 4 : %1</source>
        <translation>Severity 4 incident: %1</translation>
    </message>
    <message>
        <source>%1 sur %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>aucune intervention</source>
        <translation>no incident</translation>
    </message>
    <message>
        <source>1 intervention</source>
        <translation>1 incident</translation>
    </message>
    <message>
        <source>%1 interventions</source>
        <translation>%1 incidents</translation>
    </message>
</context>
<context>
    <name>vigie::ui::DetailPanel</name>
    <message>
        <source>Choisissez une intervention dans la liste, ou cliquez sur un objet de la carte, pour voir son détail.</source>
        <translation>Pick an incident in the list, or click an object on the map, to see its detail.</translation>
    </message>
</context>
<context>
    <name>vigie::ui::Detail</name>
    <message>
        <source>%1 arr.</source>
        <translation>%1 arr.</translation>
    </message>
    <message>
        <source>%1 et %2 arr.</source>
        <translation>%1 and %2 arr.</translation>
    </message>
    <message>
        <source>en route depuis %1, arrivée vers %2 (dans %3) estimée à vol d&apos;oiseau, à %4 km</source>
        <translation>en route since %1, arriving about %2 (in %3) by a straight-line estimate, %4 km away</translation>
    </message>
    <message>
        <source>en route depuis %1, attendue vers %2 d&apos;après une estimation à vol d&apos;oiseau, à %3 km</source>
        <translation>en route since %1, expected about %2 by a straight-line estimate, %3 km away</translation>
    </message>
    <message>
        <source>Hôpitaux proches</source>
        <translation>Nearby hospitals</translation>
    </message>
    <message>
        <source>Intervention non localisée : pas de distance.</source>
        <translation>Incident not located: no distance.</translation>
    </message>
    <message>
        <source>Aucun hôpital localisé dans la situation.</source>
        <translation>No located hospital in the picture.</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>Lits libres : %1</source>
        <translation>Free beds: %1</translation>
    </message>
    <message>
        <source>%1 (flux %2)</source>
        <translation>%1 (%2 feed)</translation>
    </message>
    <message>
        <source>%1 h %2</source>
        <translation>%1 h %2</translation>
    </message>
    <message>
        <source>%1 j</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 objets à cet endroit</source>
        <translation>%1 objects at this place</translation>
    </message>
    <message>
        <source>%1 signalements</source>
        <translation>%1 reports</translation>
    </message>
    <message>
        <source>1 signalement</source>
        <translation>1 report</translation>
    </message>
    <message>
        <source>(d&apos;après ses %1 dernières entrées au journal)</source>
        <translation>(from its latest %1 log entries)</translation>
    </message>
    <message>
        <source>Arrivée estimée à %1</source>
        <translation>Expected at %1</translation>
    </message>
    <message>
        <source>Aucun moyen engagé.</source>
        <translation>No unit engaged.</translation>
    </message>
    <message>
        <source>Aucun état connu pour l&apos;hôpital %1.</source>
        <translation>No known status for hospital %1.</translation>
    </message>
    <message>
        <source>Aucune décision inscrite.</source>
        <translation>No decision recorded.</translation>
    </message>
    <message>
        <source>signée et certificat reconnu</source>
        <translation>signed, certificate recognised</translation>
    </message>
    <message>
        <source>signée (certificat non vérifié)</source>
        <translation>signed (certificate not verified)</translation>
    </message>
    <message>
        <source>non signée</source>
        <translation>not signed</translation>
    </message>
    <message>
        <source>signature invalide : contenu modifié après signature</source>
        <translation>invalid signature: content changed after signing</translation>
    </message>
    <message>
        <source>signature invalide : valeur de signature fausse</source>
        <translation>invalid signature: wrong signature value</translation>
    </message>
    <message>
        <source>signature invalide : certificat altéré ou non reconnu</source>
        <translation>invalid signature: certificate altered or not recognised</translation>
    </message>
    <message>
        <source>signature invalide : elle ne couvre pas le message lu</source>
        <translation>invalid signature: it does not cover the message read</translation>
    </message>
    <message>
        <source>Aucune victime signalée.</source>
        <translation>No casualties reported.</translation>
    </message>
    <message>
        <source>Choisissez-en un, ou zoomez pour les séparer.</source>
        <translation>Pick one, or zoom in to separate them.</translation>
    </message>
    <message>
        <source>Clôture d&apos;un signalement</source>
        <translation>A report closed</translation>
    </message>
    <message>
        <source>Dernière entrée</source>
        <translation>Latest entry</translation>
    </message>
    <message>
        <source>Disponibilité des lits non communiquée.</source>
        <translation>Bed availability not reported.</translation>
    </message>
    <message>
        <source>Décisions : %1</source>
        <translation>Decisions: %1</translation>
    </message>
    <message>
        <source>Ils sont au même endroit : choisissez-en un.</source>
        <translation>They are at the same place: pick one.</translation>
    </message>
    <message>
        <source>Intervention :</source>
        <translation>Incident:</translation>
    </message>
    <message>
        <source>L&apos;intervention %1 n&apos;est plus en cours (close, ou jamais ouverte).</source>
        <translation>Incident %1 is no longer open (closed, or never opened).</translation>
    </message>
    <message>
        <source>Le moyen %1 n&apos;est pas dans la situation.</source>
        <translation>Unit %1 is not in the picture.</translation>
    </message>
    <message>
        <source>Lieu : %1 (%2° N, %3° E)</source>
        <translation>Place: %1 (%2° N, %3° E)</translation>
    </message>
    <message>
        <source>Lieu : non localisée</source>
        <translation>Place: no position</translation>
    </message>
    <message>
        <source>Lits disponibles : %1</source>
        <translation>Free beds: %1</translation>
    </message>
    <message>
        <source>Main courante : %1 entrées</source>
        <translation>Logbook: %1 entries</translation>
    </message>
    <message>
        <source>Main courante : 1 entrée</source>
        <translation>Logbook: 1 entry</translation>
    </message>
    <message>
        <source>Moyens engagés : %1</source>
        <translation>Units engaged: %1</translation>
    </message>
    <message>
        <source>Ouverte à %1 (il y a %2) par %3 ; dernière mise à jour à %4</source>
        <translation>Opened at %1 (%2 ago) by %3; last updated at %4</translation>
    </message>
    <message>
        <source>Position à %1 : %2</source>
        <translation>Position at %1: %2</translation>
    </message>
    <message>
        <source>Rattachement : %1</source>
        <translation>Home station: %1</translation>
    </message>
    <message>
        <source>Référence : %1</source>
        <translation>Reference: %1</translation>
    </message>
    <message>
        <source>Réunit les interventions : %1</source>
        <translation>Joins the incidents: %1</translation>
    </message>
    <message>
        <source>Sources : %1</source>
        <translation>Sources: %1</translation>
    </message>
    <message>
        <source>Type : %1</source>
        <translation>Type: %1</translation>
    </message>
    <message>
        <source>Urgences : %1</source>
        <translation>Emergency department: %1</translation>
    </message>
    <message>
        <source>Urgences : état non communiqué</source>
        <translation>Emergency department: status not reported</translation>
    </message>
    <message>
        <source>Victimes</source>
        <translation>Casualties</translation>
    </message>
    <message>
        <source>décédés (noir)</source>
        <translation>dead (black)</translation>
    </message>
    <message>
        <source>en cours</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <source>en mer</source>
        <translation>at sea</translation>
    </message>
    <message>
        <source>en route depuis %1, arrivée non estimée</source>
        <translation>en route since %1, arrival not estimated</translation>
    </message>
    <message>
        <source>en route, arrivée estimée à %1 (dans %2)</source>
        <translation>en route, expected at %1 (in %2)</translation>
    </message>
    <message>
        <source>en route, attendue à %1</source>
        <translation>en route, expected at %1</translation>
    </message>
    <message>
        <source>gravité %1 sur 5</source>
        <translation>severity %1 of 5</translation>
    </message>
    <message>
        <source>hors Marseille</source>
        <translation>outside Marseille</translation>
    </message>
    <message>
        <source>impliqués (vert)</source>
        <translation>involved (green)</translation>
    </message>
    <message>
        <source>maîtrisée</source>
        <translation>contained</translation>
    </message>
    <message>
        <source>sur les lieux depuis %1</source>
        <translation>on scene since %1</translation>
    </message>
    <message>
        <source>urgences absolues (rouge)</source>
        <translation>immediate (red)</translation>
    </message>
    <message>
        <source>urgences relatives (jaune)</source>
        <translation>delayed (yellow)</translation>
    </message>
    <message>
        <source>État : %1 depuis %2</source>
        <translation>Status: %1 since %2</translation>
    </message>
    <message>
        <source>État communiqué à %1</source>
        <translation>Status reported at %1</translation>
    </message>
    <message>
        <source>… et %1 autres</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>… et %1 entrées plus anciennes</source>
        <translation>… and %1 older entries</translation>
    </message>
    <message>
        <source>… et 1 entrée plus ancienne</source>
        <translation>… and 1 older entry</translation>
    </message>
    <message>
        <source>depuis %1</source>
        <translation>for %1</translation>
    </message>
    <message>
        <source>Alerte</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>À partir de %1</source>
        <translation>From %1</translation>
    </message>
    <message>
        <source>Expirée depuis %1 : elle n&apos;est plus sur la carte</source>
        <translation>Expired at %1: it is no longer on the map</translation>
    </message>
    <message>
        <source>Valable jusqu&apos;à %1</source>
        <translation>Valid until %1</translation>
    </message>
    <message>
        <source>Urgence : %1 · certitude : %2</source>
        <translation>Urgency: %1 · certainty: %2</translation>
    </message>
    <message>
        <source>Conduite à tenir : %1</source>
        <translation>What to do: %1</translation>
    </message>
    <message>
        <source>Consignes :</source>
        <translation>Instructions:</translation>
    </message>
    <message>
        <source>Codes et paramètres : %1</source>
        <translation>Codes and parameters: %1</translation>
    </message>
    <message>
        <source>Page de l&apos;émetteur</source>
        <translation>Issuer&apos;s page</translation>
    </message>
    <message numerus="yes">
        <source>Aussi reçue en %n autre(s) langue(s)</source>
        <translation>
            <numerusform>Also received in %n other language</numerusform>
            <numerusform>Also received in %n other languages</numerusform>
        </translation>
    </message>
    <message>
        <source>se mettre à l&apos;abri</source>
        <translation>take shelter</translation>
    </message>
    <message>
        <source>évacuer</source>
        <translation>evacuate</translation>
    </message>
    <message>
        <source>se préparer</source>
        <translation>get ready</translation>
    </message>
    <message>
        <source>appliquer les consignes</source>
        <translation>follow the instructions</translation>
    </message>
    <message>
        <source>éviter la zone</source>
        <translation>avoid the area</translation>
    </message>
    <message>
        <source>se tenir informé</source>
        <translation>stay informed</translation>
    </message>
    <message>
        <source>évaluer la situation</source>
        <translation>assess the situation</translation>
    </message>
    <message>
        <source>fin de la menace</source>
        <translation>threat over</translation>
    </message>
    <message>
        <source>aucune action</source>
        <translation>no action</translation>
    </message>
    <message>
        <source>immédiate</source>
        <translation>immediate</translation>
    </message>
    <message>
        <source>attendue dans l&apos;heure</source>
        <translation>expected within the hour</translation>
    </message>
    <message>
        <source>à venir</source>
        <translation>future</translation>
    </message>
    <message>
        <source>passée</source>
        <translation>past</translation>
    </message>
    <message>
        <source>observé</source>
        <translation>observed</translation>
    </message>
    <message>
        <source>probable</source>
        <translation>likely</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>possible</translation>
    </message>
    <message>
        <source>peu probable</source>
        <translation>unlikely</translation>
    </message>
    <message>
        <source>inconnue</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Niveau de vigilance : %1</source>
        <translation>Warning level: %1</translation>
    </message>
    <message>
        <source>Phénomène : %1</source>
        <translation>Hazard: %1</translation>
    </message>
    <message>
        <source>vert</source>
        <translation>green</translation>
    </message>
    <message>
        <source>jaune</source>
        <translation>yellow</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>orange</translation>
    </message>
    <message>
        <source>rouge</source>
        <translation>red</translation>
    </message>
    <message>
        <source>vent</source>
        <translation>wind</translation>
    </message>
    <message>
        <source>neige et verglas</source>
        <translation>snow and ice</translation>
    </message>
    <message>
        <source>orages</source>
        <translation>thunderstorms</translation>
    </message>
    <message>
        <source>brouillard</source>
        <translation>fog</translation>
    </message>
    <message>
        <source>fortes chaleurs</source>
        <translation>high temperatures</translation>
    </message>
    <message>
        <source>grand froid</source>
        <translation>low temperatures</translation>
    </message>
    <message>
        <source>événement côtier</source>
        <translation>coastal event</translation>
    </message>
    <message>
        <source>feux de forêt</source>
        <translation>forest fires</translation>
    </message>
    <message>
        <source>avalanches</source>
        <translation>avalanches</translation>
    </message>
    <message>
        <source>pluie</source>
        <translation>rain</translation>
    </message>
    <message>
        <source>inondation</source>
        <translation>flooding</translation>
    </message>
    <message>
        <source>pluie et inondation</source>
        <translation>rain and flooding</translation>
    </message>
    <message numerus="yes">
        <source>%n autre(s) code(s) technique(s) de l&apos;émetteur (vigie-cli log les donne tous)</source>
        <translation>
            <numerusform>%n other technical code from the sender (vigie-cli log gives them all)</numerusform>
            <numerusform>%n other technical codes from the sender (vigie-cli log gives them all)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigie::ui::DpsDialog</name>
    <message>
        <source>Dimensionner un dispositif de secours (DPS)</source>
        <translation>Size a first-aid cover (DPS)</translation>
    </message>
    <message>
        <source>Grille d&apos;évaluation des risques du référentiel national « dispositifs prévisionnels de secours » (RNMSC-DPS, arrêté du 7 novembre 2006).</source>
        <translation>Risk assessment grid of the national reference for planned first-aid covers (RNMSC-DPS, order of 7 November 2006).</translation>
    </message>
    <message>
        <source>Manifestation</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>par exemple : OM – PSG</source>
        <translation>for example: OM – PSG</translation>
    </message>
    <message>
        <source>par exemple : Orange Vélodrome, Marseille</source>
        <translation>for example: Orange Velodrome, Marseille</translation>
    </message>
    <message>
        <source>&amp;Nom :</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Da&amp;te :</source>
        <translation>Da&amp;te:</translation>
    </message>
    <message>
        <source>&amp;Lieu :</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <source>&amp;Organisateur :</source>
        <translation>&amp;Organiser:</translation>
    </message>
    <message>
        <source>Grille</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source> personnes</source>
        <translation> people</translation>
    </message>
    <message>
        <source>&amp;Public présent en même temps (P1) :</source>
        <translation>&amp;Public present at the same time (P1):</translation>
    </message>
    <message>
        <source>%1 :</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Dispositif</source>
        <translation>Cover</translation>
    </message>
    <message>
        <source>Calcul</source>
        <translation>Computation</translation>
    </message>
    <message>
        <source>Exporter en PDF… (Ctrl+Entrée)</source>
        <translation>Export as PDF… (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Calcul impossible</source>
        <translation>Cannot compute</translation>
    </message>
    <message>
        <source>RIS %1 — %2</source>
        <translation>RIS %1 — %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 intervenants secouristes&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 first-aiders&lt;/b&gt;</translation>
    </message>
    <message>
        <source>un binôme, sans poste de secours</source>
        <translation>one pair, no first-aid post</translation>
    </message>
    <message>
        <source>%1 poste(s) de secours, %2 équipe(s) de 4, %3 binôme(s)</source>
        <translation>%1 first-aid post(s), %2 team(s) of 4, %3 pair(s)</translation>
    </message>
    <message>
        <source>%1 chef(s) de poste, pris parmi les intervenants</source>
        <translation>%1 post leader(s), from among the first-aiders</translation>
    </message>
    <message>
        <source>+ %1 chef(s) de secteur</source>
        <translation>+ %1 sector leader(s)</translation>
    </message>
    <message>
        <source>+ %1 chef de dispositif, au poste de commandement (PC)</source>
        <translation>+ %1 cover commander, at the command post (PC)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Effectif total : %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Total staff: %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>dispositif</source>
        <translation>cover</translation>
    </message>
    <message>
        <source>DPS - %1.pdf</source>
        <translation>DPS - %1.pdf</translation>
    </message>
    <message>
        <source>Exporter le dimensionnement en PDF</source>
        <translation>Export the sizing as PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Écriture de %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <source>Formulaire écrit : %1</source>
        <translation>Form written: %1</translation>
    </message>
    <message>
        <source>Le PDF n&apos;a pas pu être écrit : %1</source>
        <translation>The PDF could not be written: %1</translation>
    </message>
</context>
<context>
    <name>vigie::anticipation::DpsGrid</name>
    <message>
        <source>P1 = %1 personnes, au plus 100 000 : P = P1 = %2</source>
        <translation>P1 = %1 people, at most 100,000: P = P1 = %2</translation>
    </message>
    <message>
        <source>P1 = %1 personnes, plus de 100 000 : P = 100 000 + (P1 − 100 000) / 2 = %2</source>
        <translation>P1 = %1 people, over 100,000: P = 100,000 + (P1 − 100,000) / 2 = %2</translation>
    </message>
    <message>
        <source>i = P2 + E1 + E2 = %1 + %2 + %3 = %4</source>
        <translation>i = P2 + E1 + E2 = %1 + %2 + %3 = %4</translation>
    </message>
    <message>
        <source>RIS = i × P / 1 000 = %1 × %2 / 1 000 = %3</source>
        <translation>RIS = i × P / 1,000 = %1 × %2 / 1,000 = %3</translation>
    </message>
    <message>
        <source>RIS ≤ 0,25 : la grille n&apos;exige pas de dispositif (l&apos;autorité de police peut en demander un)</source>
        <translation>RIS ≤ 0.25: the grid requires no cover (the police authority may still ask for one)</translation>
    </message>
    <message>
        <source>0,25 &lt; RIS ≤ 1,125 : point d&apos;alerte et de premiers secours (PAPS), 2 intervenants secouristes (un binôme)</source>
        <translation>0.25 &lt; RIS ≤ 1.125: alert and first-aid point (PAPS), 2 first-aiders (one pair)</translation>
    </message>
    <message>
        <source>1,125 &lt; RIS ≤ 12 : DPS de petite envergure (DPS-PE)</source>
        <translation>1.125 &lt; RIS ≤ 12: small first-aid cover (DPS-PE)</translation>
    </message>
    <message>
        <source>12 &lt; RIS ≤ 36 : DPS de moyenne envergure (DPS-ME)</source>
        <translation>12 &lt; RIS ≤ 36: medium first-aid cover (DPS-ME)</translation>
    </message>
    <message>
        <source>RIS &gt; 36 : DPS de grande envergure (DPS-GE)</source>
        <translation>RIS &gt; 36: large first-aid cover (DPS-GE)</translation>
    </message>
    <message>
        <source>RIS arrondi à l&apos;unité supérieure : %1 ; RIS ≤ 4 : une équipe de 4, soit 4 intervenants secouristes</source>
        <translation>RIS rounded up: %1; RIS ≤ 4: one team of 4, that is 4 first-aiders</translation>
    </message>
    <message>
        <source>RIS arrondi à l&apos;unité supérieure : %1, impair ; porté à %2 pour des binômes entiers : %2 intervenants secouristes</source>
        <translation>RIS rounded up: %1, odd; raised to %2 for whole pairs: %2 first-aiders</translation>
    </message>
    <message>
        <source>RIS arrondi à l&apos;unité supérieure : %1, pair : %1 intervenants secouristes</source>
        <translation>RIS rounded up: %1, even: %1 first-aiders</translation>
    </message>
    <message>
        <source>%1 intervenants : %2 poste(s) de secours de 12 intervenants au plus, soit %3 équipe(s) de 4 et %4 binôme(s) ; chaque poste a son chef de poste, pris parmi les intervenants</source>
        <translation>%1 first-aiders: %2 first-aid post(s) of at most 12, that is %3 team(s) of 4 and %4 pair(s); each post has its leader, from among the first-aiders</translation>
    </message>
    <message>
        <source>DPS-ME : les postes forment un secteur, sous un chef de secteur en plus des intervenants</source>
        <translation>DPS-ME: the posts form one sector, under a sector leader in addition to the first-aiders</translation>
    </message>
    <message>
        <source>DPS-GE : %1 secteur(s) de 3 postes au plus, chacun sous un chef de secteur, et un chef de dispositif au poste de commandement (PC), en plus des intervenants</source>
        <translation>DPS-GE: %1 sector(s) of at most 3 posts, each under a sector leader, and a cover commander at the command post (PC), in addition to the first-aiders</translation>
    </message>
    <message>
        <source>Effectif : %1 intervenants + %2 d&apos;encadrement = %3 personnes</source>
        <translation>Staff: %1 first-aiders + %2 leaders = %3 people</translation>
    </message>
    <message>
        <source>Aucun dispositif exigé par la grille</source>
        <translation>No cover required by the grid</translation>
    </message>
    <message>
        <source>Point d&apos;alerte et de premiers secours</source>
        <translation>Alert and first-aid point</translation>
    </message>
    <message>
        <source>Dispositif prévisionnel de secours de petite envergure</source>
        <translation>Small planned first-aid cover</translation>
    </message>
    <message>
        <source>Dispositif prévisionnel de secours de moyenne envergure</source>
        <translation>Medium planned first-aid cover</translation>
    </message>
    <message>
        <source>Dispositif prévisionnel de secours de grande envergure</source>
        <translation>Large planned first-aid cover</translation>
    </message>
    <message>
        <source>Comportement prévisible du public, selon l&apos;activité (P2)</source>
        <translation>Expected behaviour of the public, from the activity (P2)</translation>
    </message>
    <message>
        <source>Environnement et accessibilité du site (E1)</source>
        <translation>Environment and access of the site (E1)</translation>
    </message>
    <message>
        <source>Délai d&apos;intervention des secours publics (E2)</source>
        <translation>Delay of public rescue services (E2)</translation>
    </message>
    <message>
        <source>0,25 — faible : public assis (spectacle, cérémonie cultuelle, réunion publique, restauration, rendez-vous sportif…)</source>
        <translation>0.25 — low: seated public (show, religious ceremony, public meeting, dining, sports fixture…)</translation>
    </message>
    <message>
        <source>0,30 — modéré : public debout (cérémonie cultuelle, réunion publique, restauration, exposition, foire, salon, comice agricole…)</source>
        <translation>0.30 — moderate: standing public (religious ceremony, public meeting, dining, exhibition, fair, trade show, agricultural show…)</translation>
    </message>
    <message>
        <source>0,35 — moyen : public debout (spectacle avec public statique, fête foraine, rendez-vous sportif avec protection du public…)</source>
        <translation>0.35 — medium: standing public (show with a static public, funfair, sports fixture with the public protected…)</translation>
    </message>
    <message>
        <source>0,40 — élevé : public debout (spectacle avec public dynamique, danse, féria, fête votive, carnaval, spectacle de rue, grande parade, rendez-vous sportif sans protection du public ; plusieurs jours avec hébergement sur place)</source>
        <translation>0.40 — high: standing public (show with a moving public, dance, feria, village fair, carnival, street show, big parade, sports fixture without protection of the public; several days with lodging on site)</translation>
    </message>
    <message>
        <source>0,25 — faible : structures permanentes (bâtiment, salle « en dur »), voies publiques aux accès dégagés, accès aisé</source>
        <translation>0.25 — low: permanent structures (building, hall), public roads with clear access, easy access</translation>
    </message>
    <message>
        <source>0,30 — modéré : structures non permanentes (gradins, tribunes, chapiteaux), espace naturel jusqu&apos;à 2 ha, brancardage de 150 à 300 m, terrain en pente sur plus de 100 m</source>
        <translation>0.30 — moderate: temporary structures (bleachers, stands, marquees), natural area up to 2 ha, stretcher carrying 150 to 300 m, slope over more than 100 m</translation>
    </message>
    <message>
        <source>0,35 — moyen : espace naturel de 2 à 5 ha, brancardage de 300 à 600 m, terrain en pente sur plus de 150 m, autres conditions d&apos;accès difficiles</source>
        <translation>0.35 — medium: natural area of 2 to 5 ha, stretcher carrying 300 to 600 m, slope over more than 150 m, other hard access</translation>
    </message>
    <message>
        <source>0,40 — élevé : espace naturel de plus de 5 ha, brancardage de plus de 600 m, terrain en pente sur plus de 300 m, talus, escaliers, voies non carrossables, progression des secours gênée par le public</source>
        <translation>0.40 — high: natural area over 5 ha, stretcher carrying over 600 m, slope over more than 300 m, banks, stairs, tracks closed to vehicles, rescuers slowed by the public</translation>
    </message>
    <message>
        <source>0,25 — 10 minutes au plus</source>
        <translation>0.25 — 10 minutes at most</translation>
    </message>
    <message>
        <source>0,30 — plus de 10 minutes et 20 au plus</source>
        <translation>0.30 — over 10 minutes and 20 at most</translation>
    </message>
    <message>
        <source>0,35 — plus de 20 minutes et 30 au plus</source>
        <translation>0.35 — over 20 minutes and 30 at most</translation>
    </message>
    <message>
        <source>0,40 — plus de 30 minutes</source>
        <translation>0.40 — over 30 minutes</translation>
    </message>
</context>
<context>
    <name>vigie::reports::DpsForm</name>
    <message>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <source>un binôme, sans poste de secours</source>
        <translation>one pair, no first-aid post</translation>
    </message>
    <message>
        <source>%1 poste(s) de secours ; %2 équipe(s) de 4 et %3 binôme(s)</source>
        <translation>%1 first-aid post(s); %2 team(s) of 4 and %3 pair(s)</translation>
    </message>
    <message>
        <source>%1 chef(s) de poste, pris parmi les intervenants</source>
        <translation>%1 post leader(s), from among the first-aiders</translation>
    </message>
    <message>
        <source>%1 chef(s) de secteur (%2 secteur(s))</source>
        <translation>%1 sector leader(s) (%2 sector(s))</translation>
    </message>
    <message>
        <source>%1 chef de dispositif</source>
        <translation>%1 cover commander</translation>
    </message>
    <message>
        <source>un poste de commandement (PC)</source>
        <translation>a command post (PC)</translation>
    </message>
    <message>
        <source>Dimensionnement d&apos;un dispositif prévisionnel de secours</source>
        <translation>Sizing of a planned first-aid cover</translation>
    </message>
    <message>
        <source>Grille d&apos;évaluation des risques du référentiel national des missions de sécurité civile « dispositifs prévisionnels de secours » (RNMSC-DPS, arrêté du 7 novembre 2006)</source>
        <translation>Risk assessment grid of the national reference for civil protection missions, planned first-aid covers (RNMSC-DPS, order of 7 November 2006)</translation>
    </message>
    <message>
        <source>Manifestation</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Organisateur</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Données de la grille</source>
        <translation>Grid inputs</translation>
    </message>
    <message>
        <source>Public attendu (P1)</source>
        <translation>Expected public (P1)</translation>
    </message>
    <message>
        <source>%1 personnes présentes en même temps</source>
        <translation>%1 people present at the same time</translation>
    </message>
    <message>
        <source>Dispositif</source>
        <translation>Cover</translation>
    </message>
    <message>
        <source>Ratio d&apos;intervenants secouristes (RIS)</source>
        <translation>First-aider ratio (RIS)</translation>
    </message>
    <message>
        <source>Intervenants secouristes</source>
        <translation>First-aiders</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Encadrement</source>
        <translation>Leaders</translation>
    </message>
    <message>
        <source>aucun en plus des intervenants</source>
        <translation>none besides the first-aiders</translation>
    </message>
    <message>
        <source>Effectif total</source>
        <translation>Total staff</translation>
    </message>
    <message>
        <source>%1 personnes</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <source>Calcul</source>
        <translation>Computation</translation>
    </message>
    <message>
        <source>Document établi avec Vigie le %1. Le dimensionnement ne remplace pas l&apos;avis de l&apos;autorité de police, qui peut imposer davantage.</source>
        <translation>Document made with Vigie on %1. The sizing does not replace the police authority, which may require more.</translation>
    </message>
    <message>
        <source>EXERCICE</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <source>Dimensionnement DPS — %1</source>
        <translation>DPS sizing — %1</translation>
    </message>
</context>
<context>
    <name>vigie::ui::EventsPanel</name>
    <message>
        <source>parcours</source>
        <translation>route</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>area</translation>
    </message>
    <message>
        <source>Simultanés et proches</source>
        <translation>Same time, too close</translation>
    </message>
    <message>
        <source>Accès coupé</source>
        <translation>Access cut</translation>
    </message>
    <message>
        <source>Accès ralenti</source>
        <translation>Access slowed</translation>
    </message>
    <message>
        <source>Période :</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>7 prochains jours</source>
        <translation>Next 7 days</translation>
    </message>
    <message>
        <source>30 prochains jours</source>
        <translation>Next 30 days</translation>
    </message>
    <message>
        <source>12 prochains mois</source>
        <translation>Next 12 months</translation>
    </message>
    <message>
        <source>Tout le calendrier</source>
        <translation>Whole calendar</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Affluence</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Conflits</source>
        <translation>Clashes</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conflits de calendrier&lt;/b&gt;</source>
        <translation>&lt;b&gt;Calendar clashes&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Conflit</source>
        <translation>Clash</translation>
    </message>
    <message>
        <source>Avec</source>
        <translation>With</translation>
    </message>
    <message>
        <source>Raison</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Recherche des conflits…</source>
        <translation>Looking for clashes…</translation>
    </message>
    <message>
        <source>Aucun événement prévu : Anticipation › Importer des événements… (CSV ou iCalendar)</source>
        <translation>No planned event: Planning › Import events… (CSV or iCalendar)</translation>
    </message>
    <message>
        <source>Du %1 au %2</source>
        <translation>From %1 to %2</translation>
    </message>
    <message>
        <source>%1 personnes attendues</source>
        <translation>%1 people expected</translation>
    </message>
    <message>
        <source>Lieu : %1</source>
        <translation>Place: %1</translation>
    </message>
    <message>
        <source>Organisateur : %1</source>
        <translation>Organiser: %1</translation>
    </message>
    <message>
        <source>Source : %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>Importer des événements</source>
        <translation>Import events</translation>
    </message>
    <message>
        <source>Calendriers (*.csv *.ics *.ical);;CSV (*.csv);;iCalendar (*.ics *.ical);;Tous les fichiers (*)</source>
        <translation>Calendars (*.csv *.ics *.ical);;CSV (*.csv);;iCalendar (*.ics *.ical);;All files (*)</translation>
    </message>
    <message>
        <source>Import de %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>Import d&apos;événements</source>
        <translation>Event import</translation>
    </message>
    <message>
        <source>%1 : %2 nouveau(x), %3 remplacé(s), %4 inchangé(s), %5 refusé(s).</source>
        <translation>%1: %2 new, %3 replaced, %4 unchanged, %5 refused.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflit(s)</source>
        <translation>
            <numerusform>%n clash</numerusform>
            <numerusform>%n clashes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflit(s) · accès des secours non vérifié (pas de réseau routier)</source>
        <translation>
            <numerusform>%n clash · emergency access not checked (no road network)</numerusform>
            <numerusform>%n clashes · emergency access not checked (no road network)</numerusform>
        </translation>
    </message>
    <message>
        <source>L&apos;accès des casernes et des hôpitaux n&apos;est vérifié qu&apos;avec un réseau routier importé (vigie-cli import-roads).</source>
        <translation>The access of fire stations and hospitals is checked only with an imported road network (vigie-cli import-roads).</translation>
    </message>
    <message>
        <source>Dimensionner le DPS…</source>
        <translation>Size the first-aid cover…</translation>
    </message>
    <message>
        <source>Dispositif prévisionnel de secours de l&apos;événement choisi (grille RNMSC-DPS), avec son affluence, sa date et son lieu</source>
        <translation>First-aid cover of the chosen event (RNMSC-DPS grid), with its attendance, date and place</translation>
    </message>
    <message>
        <source>Hors des rues</source>
        <translation>Off the streets</translation>
    </message>
</context>
<context>
    <name>vigie::ui::ForecastPanel</name>
    <message>
        <source>Événement :</source>
        <translation>Event:</translation>
    </message>
    <message>
        <source>Capacité d'un binôme :</source>
        <translation>Capacity of a pair:</translation>
    </message>
    <message>
        <source> interventions</source>
        <translation> incidents</translation>
    </message>
    <message>
        <source>Interventions qu'un binôme de policiers peut traiter pendant l'événement. Policiers = 2 × ⌈borne haute à 95 % / capacité⌉.</source>
        <translation>Incidents one pair of officers can handle during the event. Officers = 2 × ⌈upper 95 % bound / capacity⌉.</translation>
    </message>
    <message>
        <source>Calculer</source>
        <translation>Compute</translation>
    </message>
    <message>
        <source>Interventions attendues sur la carte</source>
        <translation>Expected incidents on the map</translation>
    </message>
    <message>
        <source>Événement passé</source>
        <translation>Past event</translation>
    </message>
    <message>
        <source>Titre</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Affluence</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Interventions observées</source>
        <translation>Observed incidents</translation>
    </message>
    <message>
        <source>match</source>
        <translation>match</translation>
    </message>
    <message>
        <source>concert</source>
        <translation>concert</translation>
    </message>
    <message>
        <source>marché</source>
        <translation>market</translation>
    </message>
    <message>
        <source>manifestation</source>
        <translation>demonstration</translation>
    </message>
    <message>
        <source>travaux</source>
        <translation>roadworks</translation>
    </message>
    <message>
        <source>fermeture de voie</source>
        <translation>road closure</translation>
    </message>
    <message>
        <source>festival</source>
        <translation>festival</translation>
    </message>
    <message>
        <source>cérémonie</source>
        <translation>ceremony</translation>
    </message>
    <message>
        <source>autre</source>
        <translation>other</translation>
    </message>
    <message>
        <source>nuit (0 h – 6 h)</source>
        <translation>night (0–6 h)</translation>
    </message>
    <message>
        <source>matin (6 h – 12 h)</source>
        <translation>morning (6–12 h)</translation>
    </message>
    <message>
        <source>après-midi (12 h – 18 h)</source>
        <translation>afternoon (12–18 h)</translation>
    </message>
    <message>
        <source>soirée (18 h – 24 h)</source>
        <translation>evening (18–24 h)</translation>
    </message>
    <message>
        <source>La salle n'a pas pu être lue : %1</source>
        <translation>The room could not be read: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 interventions attendues par semaine</source>
        <translation>%1 incidents expected per week</translation>
    </message>
    <message>
        <source>%1 interventions apprises sur %2 ; %3 mailles de 500 m affichées, %4 masquées (moins de 5 interventions).</source>
        <translation>%1 incidents learned over %2; %3 cells of 500 m shown, %4 hidden (fewer than 5 incidents).</translation>
    </message>
    <message>
        <source>%1 semaine</source>
        <translation>%1 week</translation>
    </message>
    <message>
        <source>%1 semaines</source>
        <translation>%1 weeks</translation>
    </message>
    <message>
        <source>Carte des interventions attendues indisponible : %1</source>
        <translation>Map of expected incidents unavailable: %1</translation>
    </message>
    <message>
        <source>Test rétrospectif indisponible : %1</source>
        <translation>Back-test unavailable: %1</translation>
    </message>
    <message>
        <source>Interventions attendues par tranche, semaine à venir</source>
        <translation>Expected incidents by band, coming week</translation>
    </message>
    <message>
        <source>boîte 80 %, moustaches 95 %</source>
        <translation>box 80 %, whiskers 95 %</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Précision prédictive (PAI) par semaine testée</source>
        <translation>Predictive accuracy (PAI) per tested week</translation>
    </message>
    <message>
        <source>modèle (moy. %1)</source>
        <translation>model (mean %1)</translation>
    </message>
    <message>
        <source>mois précédent (moy. %1)</source>
        <translation>last month (mean %1)</translation>
    </message>
    <message>
        <source>semaine (%1 % des mailles signalées)</source>
        <translation>week (%1 % of cells flagged)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Effectifs&lt;/b&gt;&lt;br&gt;Pas d'estimation : %1</source>
        <translation>&lt;b&gt;Staffing&lt;/b&gt;&lt;br&gt;No estimate: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3 personnes, %4%5&lt;br&gt;Interventions attendues : &lt;b&gt;%6&lt;/b&gt; (80 % : %7 à %8 ; 95 % : %9 à %10)&lt;br&gt;Policiers nécessaires : &lt;b&gt;%11&lt;/b&gt; (2 × ⌈%10 / %12⌉)&lt;br&gt;Modèle : %13, appris sur %14 événements passés (liste ci-dessous).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3 people, %4%5&lt;br&gt;Expected incidents: &lt;b&gt;%6&lt;/b&gt; (80 %: %7 to %8; 95 %: %9 to %10)&lt;br&gt;Officers needed: &lt;b&gt;%11&lt;/b&gt; (2 × ⌈%10 / %12⌉)&lt;br&gt;Model: %13, learned from %14 past events (listed below).</translation>
    </message>
    <message>
        <source>, week-end</source>
        <translation>, weekend</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>Poisson</translation>
    </message>
    <message>
        <source>binomiale négative (θ = %1)</source>
        <translation>negative binomial (θ = %1)</translation>
    </message>
    <message>
        <source>Précision (PAI) par semaine : indisponible, voir ci-dessous</source>
        <translation>Accuracy (PAI) per week: unavailable, see below</translation>
    </message>
</context>
<context>
    <name>vigie::ui::ForecastJob</name>
    <message>
        <source>Lecture du journal…</source>
        <translation>Reading the log…</translation>
    </message>
    <message>
        <source>Densité des interventions par maille…</source>
        <translation>Incident density by cell…</translation>
    </message>
    <message>
        <source>Test rétrospectif sur les dernières semaines…</source>
        <translation>Back-test on the last weeks…</translation>
    </message>
    <message>
        <source>Effectifs pour l'événement…</source>
        <translation>Staffing for the event…</translation>
    </message>
    <message>
        <source>Aucun événement prévu avec une affluence dans la salle (Anticipation › Importer des événements…).</source>
        <translation>No planned event with an attendance in the room (Planning › Import events…).</translation>
    </message>
</context>
<context>
    <name>vigie::reports::AfterActionReport</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (médiane) ; %2 (90&#xa0;%)</source>
        <translation>%1 (median); %2 (90&#xa0;%)</translation>
    </message>
    <message>
        <source>Salle « %1 »</source>
        <translation>Room “%1”</translation>
    </message>
    <message>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>aucune entrée de la main courante dans la période demandée</source>
        <translation>no log entry in the requested period</translation>
    </message>
    <message>
        <source>du %1 au %2</source>
        <translation>from %1 to %2</translation>
    </message>
    <message>
        <source>Scénario d&apos;exercice</source>
        <translation>Exercise scenario</translation>
    </message>
    <message>
        <source>Main courante</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>%1 entrées dans la période</source>
        <translation>%1 entries in the period</translation>
    </message>
    <message>
        <source>Interventions signalées</source>
        <translation>Incidents reported</translation>
    </message>
    <message>
        <source>dont closes : %1</source>
        <translation>of which closed: %1</translation>
    </message>
    <message>
        <source>Délai d&apos;engagement</source>
        <translation>Time to engage</translation>
    </message>
    <message>
        <source>aucune unité engagée sur ces interventions</source>
        <translation>no unit engaged on these incidents</translation>
    </message>
    <message>
        <source>Délai d&apos;arrivée sur les lieux</source>
        <translation>Time to arrive on scene</translation>
    </message>
    <message>
        <source>aucune arrivée sur les lieux consignée</source>
        <translation>no arrival on scene recorded</translation>
    </message>
    <message>
        <source>Moment le plus chargé</source>
        <translation>Busiest moment</translation>
    </message>
    <message>
        <source>%1 : %2 interventions ouvertes en même temps</source>
        <translation>%1: %2 incidents open at the same time</translation>
    </message>
    <message>
        <source>Objectifs fixés</source>
        <translation>Objectives set</translation>
    </message>
    <message>
        <source>Sommaire</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Décisions et leurs auteurs</source>
        <translation>Decisions and who took them</translation>
    </message>
    <message>
        <source>Interventions : du signalement à la clôture</source>
        <translation>Incidents: from report to closure</translation>
    </message>
    <message>
        <source>Délais d&apos;intervention par service</source>
        <translation>Response times by agency</translation>
    </message>
    <message>
        <source>Activité au fil du temps</source>
        <translation>Activity over time</translation>
    </message>
    <message>
        <source>Cartes de la situation</source>
        <translation>Situation maps</translation>
    </message>
    <message>
        <source>Exercice : attendus et réalisé</source>
        <translation>Exercise: expected and achieved</translation>
    </message>
    <message>
        <source>Chronologie</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Heures de Marseille (heure de l&apos;événement, telle que la source l&apos;a donnée : un message arrivé en retard compte à l&apos;heure des faits). Tiré de la main courante telle qu&apos;elle est enregistrée : les données personnelles y sont remplacées par des jetons ([personne:…]).</source>
        <translation>Marseille time (the time of the event as the source gave it: a message that arrived late counts at the time of the facts). Drawn from the log as it is recorded: personal data are replaced in it by tokens ([personne:…]).</translation>
    </message>
    <message>
        <source>1. Décisions et leurs auteurs</source>
        <translation>1. Decisions and who took them</translation>
    </message>
    <message>
        <source>Aucune décision n&apos;est consignée dans la main courante pour cette période.</source>
        <translation>No decision is recorded in the log for this period.</translation>
    </message>
    <message>
        <source>2. Interventions : du signalement à la clôture</source>
        <translation>2. Incidents: from report to closure</translation>
    </message>
    <message>
        <source>Aucune intervention n&apos;a été signalée dans la période.</source>
        <translation>No incident was reported in the period.</translation>
    </message>
    <message>
        <source>Pour chaque intervention : l&apos;heure du signalement, la première unité engagée (en route), la première sur les lieux et la clôture, avec le délai depuis le signalement. « — » : pas dans la période.</source>
        <translation>For each incident: the time it was reported, the first unit engaged (en route), the first on scene and the closure, with the time since the report. “—”: not in the period.</translation>
    </message>
    <message>
        <source>Signalée</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>1re unité engagée</source>
        <translation>1st unit engaged</translation>
    </message>
    <message>
        <source>1re sur les lieux</source>
        <translation>1st on scene</translation>
    </message>
    <message>
        <source>Clôture</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>%1 interventions de plus ne sont pas listées ici ; elles comptent dans les délais ci-après.</source>
        <translation>%1 more incidents are not listed here; they count in the times below.</translation>
    </message>
    <message>
        <source>3. Délais d&apos;intervention par service</source>
        <translation>3. Response times by agency</translation>
    </message>
    <message>
        <source>Aucune unité n&apos;a été engagée sur les interventions de la période : pas de délai à mesurer.</source>
        <translation>No unit was engaged on the period&apos;s incidents: no time to measure.</translation>
    </message>
    <message>
        <source>Délai d&apos;engagement : du signalement à la première unité du service en route. Délai d&apos;arrivée : du signalement à la première unité du service sur les lieux. Médiane : la moitié des interventions en deçà ; «&#xa0;90&#xa0;%&#xa0;» : neuf sur dix en deçà.</source>
        <translation>Time to engage: from the report to the agency&apos;s first unit en route. Time to arrive: from the report to the agency&apos;s first unit on scene. Median: half of the incidents below it; “90&#xa0;%”: nine in ten below it.</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Engagements</translation>
    </message>
    <message>
        <source>Délai d&apos;engagement (médiane)</source>
        <translation>Time to engage (median)</translation>
    </message>
    <message>
        <source>Arrivées</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <source>Délai d&apos;arrivée (médiane)</source>
        <translation>Time to arrive (median)</translation>
    </message>
    <message>
        <source>Arrivée la plus lente</source>
        <translation>Slowest arrival</translation>
    </message>
    <message>
        <source>90&#xa0;% : %1</source>
        <translation>90&#xa0;%: %1</translation>
    </message>
    <message>
        <source>Tous services</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <source>Pas de graphique des délais d&apos;arrivée : aucune unité n&apos;est consignée sur les lieux.</source>
        <translation>No chart of arrival times: no unit is recorded on scene.</translation>
    </message>
    <message>
        <source>4. Activité au fil du temps</source>
        <translation>4. Activity over time</translation>
    </message>
    <message>
        <source>Aucune intervention dans la période : pas de courbe d&apos;activité.</source>
        <translation>No incident in the period: no activity curve.</translation>
    </message>
    <message>
        <source>Le plus d&apos;interventions ouvertes en même temps : %1, à %2.</source>
        <translation>Most incidents open at the same time: %1, at %2.</translation>
    </message>
    <message>
        <source>Entrées de la main courante par nature</source>
        <translation>Log entries by type</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>5. Cartes de la situation</source>
        <translation>5. Situation maps</translation>
    </message>
    <message>
        <source>Aucune carte : la période n&apos;a pas d&apos;entrée.</source>
        <translation>No map: the period has no entry.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Interventions ouvertes : %1 ; unités engagées : %2 ; zones tracées : %3.</source>
        <translation>Open incidents: %1; units engaged: %2; zones drawn: %3.</translation>
    </message>
    <message>
        <source>6. Exercice : attendus et réalisé</source>
        <translation>6. Exercise: expected and achieved</translation>
    </message>
    <message>
        <source>Aucun inject d&apos;exercice n&apos;est consigné dans la période : rien à comparer (le scénario n&apos;a pas été joué par le lecteur de scénario, ou la période n&apos;en couvre pas).</source>
        <translation>No exercise inject is recorded in the period: nothing to compare (the scenario was not played by the scenario player, or the period does not cover it).</translation>
    </message>
    <message>
        <source>Injects joués : %1. Actions attendues : %2 — faites : %3, en retard : %4, manquées : %5, non évaluées : %6.</source>
        <translation>Injects played: %1. Expected actions: %2 — done: %3, late: %4, missed: %5, not assessed: %6.</translation>
    </message>
    <message>
        <source>Inject %1 — %2</source>
        <translation>Inject %1 — %2</translation>
    </message>
    <message>
        <source> (ajouté en cours d&apos;exercice)</source>
        <translation> (added during the exercise)</translation>
    </message>
    <message>
        <source> (de secours pour %1)</source>
        <translation> (contingency inject for %1)</translation>
    </message>
    <message>
        <source>de %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>à %1</source>
        <translation>to %1</translation>
    </message>
    <message>
        <source>par %1</source>
        <translation>via %1</translation>
    </message>
    <message>
        <source>(sans résumé)</source>
        <translation>(no summary)</translation>
    </message>
    <message>
        <source>Aucune action attendue pour cet inject.</source>
        <translation>No expected action for this inject.</translation>
    </message>
    <message>
        <source>Action attendue</source>
        <translation>Expected action</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>%1 après l&apos;inject</source>
        <translation>%1 after the inject</translation>
    </message>
    <message>
        <source>%1. Chronologie</source>
        <translation>%1. Timeline</translation>
    </message>
    <message>
        <source>Aucune entrée de la main courante dans la période.</source>
        <translation>No log entry in the period.</translation>
    </message>
    <message>
        <source>%1 statuts d&apos;unité hors intervention (disponible, indisponible…)</source>
        <translation>%1 unit statuses outside incidents (available, unavailable…)</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Ne sont pas listées ici : %1 (vigie-cli log les donne).</source>
        <translation>Not listed here: %1 (vigie-cli log gives them).</translation>
    </message>
    <message>
        <source>Résumé</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>La chronologie s&apos;arrête ici : %1 entrées de plus suivent dans la période (vigie-cli log --since … les donne toutes).</source>
        <translation>The timeline stops here: %1 more entries follow in the period (vigie-cli log --since … gives them all).</translation>
    </message>
    <message>
        <source>Retour d&apos;expérience (RETEX)</source>
        <translation>After-action report (RETEX)</translation>
    </message>
    <message>
        <source>fait</source>
        <translation>done</translation>
    </message>
    <message>
        <source>fait en retard</source>
        <translation>done late</translation>
    </message>
    <message>
        <source>manqué</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>non évalué</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>téléphone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>radio</source>
        <translation>radio</translation>
    </message>
    <message>
        <source>courriel</source>
        <translation>email</translation>
    </message>
    <message>
        <source>alerte CAP</source>
        <translation>CAP alert</translation>
    </message>
    <message>
        <source>message EMSI</source>
        <translation>EMSI message</translation>
    </message>
    <message>
        <source>message EDXL-HAVE</source>
        <translation>EDXL-HAVE message</translation>
    </message>
    <message>
        <source>positions NMEA</source>
        <translation>NMEA positions</translation>
    </message>
    <message>
        <source>Hub Santé</source>
        <translation>Health Hub</translation>
    </message>
    <message>
        <source>capteurs GeoJSON</source>
        <translation>GeoJSON sensors</translation>
    </message>
    <message>
        <source>EXERCICE — salle d&apos;exercice : ce document ne décrit pas des faits réels.</source>
        <translation>EXERCISE — exercise room: this document does not describe real events.</translation>
    </message>
    <message>
        <source>Décisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Unités</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Entrées</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Carte non dessinée.</source>
        <translation>Map not drawn.</translation>
    </message>
</context>
<context>
    <name>vigie::reports::SituationReport</name>
    <message>
        <source>EXERCICE — salle d&apos;exercice : ce document ne décrit pas des faits réels.</source>
        <translation>EXERCISE — exercise room: this document does not describe real events.</translation>
    </message>
    <message>
        <source>Décisions</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Unités</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Entrées</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Carte non dessinée.</source>
        <translation>Map not drawn.</translation>
    </message>
    <message>
        <source>… et %1 de plus.</source>
        <translation>… and %1 more.</translation>
    </message>
    <message>
        <source>Salle « %1 », %2</source>
        <translation>Room “%1”, %2</translation>
    </message>
    <message>
        <source>La main courante n&apos;est plus intègre à partir de l&apos;entrée n° %1 : la situation s&apos;arrête à l&apos;entrée précédente (vigie-cli verify).</source>
        <translation>The log is no longer intact from entry no. %1 on: the situation stops at the previous entry (vigie-cli verify).</translation>
    </message>
    <message>
        <source>Interventions en cours</source>
        <translation>Ongoing incidents</translation>
    </message>
    <message>
        <source>aucune de gravité 4 ou 5</source>
        <translation>none of severity 4 or 5</translation>
    </message>
    <message>
        <source>dont %1 de gravité 4 ou 5</source>
        <translation>of which %1 of severity 4 or 5</translation>
    </message>
    <message>
        <source>Victimes (interventions en cours)</source>
        <translation>Casualties (ongoing incidents)</translation>
    </message>
    <message>
        <source>Unités engagées</source>
        <translation>Units engaged</translation>
    </message>
    <message>
        <source>Interventions closes depuis l&apos;ouverture de la salle</source>
        <translation>Incidents closed since the room opened</translation>
    </message>
    <message>
        <source>Zones tracées</source>
        <translation>Zones drawn</translation>
    </message>
    <message>
        <source>Plan (SOIEC)</source>
        <translation>Plan (SOIEC)</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Objectifs</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Moyens</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Exécution</source>
        <translation>Execution</translation>
    </message>
    <message>
        <source>Commandement</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Situation calculée à partir de la main courante : tout ce qui s&apos;est passé jusqu&apos;à %1 (heure de Marseille), y compris ce qui a été consigné plus tard. Les données personnelles y sont remplacées par des jetons ([personne:…]).</source>
        <translation>Situation computed from the log: everything that happened up to %1 (Marseille time), including what was recorded later. Personal data are replaced in it by tokens ([personne:…]).</translation>
    </message>
    <message>
        <source>Aucune intervention en cours à cette heure.</source>
        <translation>No ongoing incident at this time.</translation>
    </message>
    <message>
        <source>%1 de gravité %2</source>
        <translation>%1 of severity %2</translation>
    </message>
    <message>
        <source>Par gravité : %1.</source>
        <translation>By severity: %1.</translation>
    </message>
    <message>
        <source>nature non précisée</source>
        <translation>type not specified</translation>
    </message>
    <message>
        <source>Par nature : %1.</source>
        <translation>By type: %1.</translation>
    </message>
    <message>
        <source>Gravité</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Depuis</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Victimes</source>
        <translation>Casualties</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>Aucune zone tracée à cette heure.</source>
        <translation>No zone drawn at this time.</translation>
    </message>
    <message>
        <source>Carte à %1</source>
        <translation>Map at %1</translation>
    </message>
    <message>
        <source>Aucun objectif n&apos;est consigné à cette heure. Pour qu&apos;un objectif figure ici, l&apos;écrire dans une décision ou une note qui commence par « Objectif : ».</source>
        <translation>No objective is recorded at this time. For an objective to appear here, write it in a decision or a note that starts with “Objectif:”.</translation>
    </message>
    <message>
        <source>Aucune unité n&apos;est connue de la salle à cette heure.</source>
        <translation>No unit is known to the room at this time.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Hôpitaux</source>
        <translation>Hospitals</translation>
    </message>
    <message>
        <source>Aucun état hospitalier n&apos;est consigné à cette heure.</source>
        <translation>No hospital status is recorded at this time.</translation>
    </message>
    <message>
        <source>Établissement</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>Urgences</source>
        <translation>Emergency department</translation>
    </message>
    <message>
        <source>Lits libres</source>
        <translation>Free beds</translation>
    </message>
    <message>
        <source>non communiqués</source>
        <translation>not reported</translation>
    </message>
    <message>
        <source>Moyens engagés, par intervention</source>
        <translation>Units engaged, by incident</translation>
    </message>
    <message>
        <source>Aucune unité n&apos;est engagée à cette heure.</source>
        <translation>No unit is engaged at this time.</translation>
    </message>
    <message>
        <source>Dernières décisions</source>
        <translation>Latest decisions</translation>
    </message>
    <message>
        <source>Aucune décision n&apos;est consignée à cette heure.</source>
        <translation>No decision is recorded at this time.</translation>
    </message>
    <message>
        <source>Auteurs des décisions</source>
        <translation>Who took the decisions</translation>
    </message>
    <message>
        <source>Postes de la salle</source>
        <translation>Desks in the room</translation>
    </message>
    <message>
        <source>Aucun poste n&apos;a écrit dans la salle à cette heure (salle tenue depuis une seule console, ou flux seulement).</source>
        <translation>No desk has written in the room at this time (room run from a single console, or feeds only).</translation>
    </message>
    <message>
        <source>Qui a écrit dans la main courante</source>
        <translation>Who wrote in the log</translation>
    </message>
    <message>
        <source>Personne n&apos;a écrit dans la salle à cette heure, hors flux automatiques.</source>
        <translation>Nobody has written in the room at this time, apart from automatic feeds.</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Dernière entrée</source>
        <translation>Latest entry</translation>
    </message>
    <message>
        <source>Les flux automatiques (alertes, positions des véhicules) ne sont pas comptés.</source>
        <translation>Automatic feeds (alerts, vehicle positions) are not counted.</translation>
    </message>
    <message>
        <source>Point de situation</source>
        <translation>Situation report</translation>
    </message>
    <message>
        <source>opérateur</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>officier de liaison</source>
        <translation>liaison officer</translation>
    </message>
    <message>
        <source>autorité</source>
        <translation>authority</translation>
    </message>
    <message>
        <source>poste de la salle</source>
        <translation>room desk</translation>
    </message>
    <message>
        <source>commandement des opérations</source>
        <translation>operations command</translation>
    </message>
    <message>
        <source>Vigie (automatique)</source>
        <translation>Vigie (automatic)</translation>
    </message>
    <message>
        <source>animateur d&apos;exercice</source>
        <translation>exercise controller</translation>
    </message>
</context>
<context>
    <name>vigie::reports::Report</name>
    <message>
        <source>cannot write the PDF %1: %2</source>
        <translation>cannot write the PDF %1: %2</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>the file cannot be opened</translation>
    </message>
    <message>
        <source>its folder does not exist</source>
        <translation>its folder does not exist</translation>
    </message>
    <message>
        <source>cannot finish the PDF %1</source>
        <translation>cannot finish the PDF %1</translation>
    </message>
    <message>
        <source>%1&#xa0;s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <source>%1&#xa0;min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <source>%1&#xa0;min %2&#xa0;s</source>
        <translation>%1&#xa0;min %2&#xa0;s</translation>
    </message>
    <message>
        <source>%1&#xa0;h %2&#xa0;min</source>
        <translation>%1&#xa0;h %2&#xa0;min</translation>
    </message>
</context>
<context>
    <name>vigie::reports::ReportBuilder</name>
    <message>
        <source>Début de la période</source>
        <translation>Start of the period</translation>
    </message>
    <message>
        <source>Moment le plus chargé (%1 interventions ouvertes)</source>
        <translation>Busiest moment (%1 incidents open)</translation>
    </message>
    <message>
        <source>Fin de la période</source>
        <translation>End of the period</translation>
    </message>
    <message>
        <source>Lecture de la main courante…</source>
        <translation>Reading the log…</translation>
    </message>
    <message>
        <source>Graphiques et cartes…</source>
        <translation>Charts and maps…</translation>
    </message>
    <message>
        <source>Mise en page du PDF…</source>
        <translation>Laying out the PDF…</translation>
    </message>
    <message>
        <source>Carte demandée</source>
        <translation>Requested map</translation>
    </message>
</context>
<context>
    <name>vigie::reports::Figures</name>
    <message>
        <source>0–%1 min</source>
        <translation>0–%1 min</translation>
    </message>
    <message>
        <source>%1–%2 min</source>
        <translation>%1–%2 min</translation>
    </message>
    <message>
        <source>≥ %1 min</source>
        <translation>≥ %1 min</translation>
    </message>
    <message>
        <source>Délai d&apos;arrivée sur les lieux, par service</source>
        <translation>Time to arrive on scene, by agency</translation>
    </message>
    <message>
        <source>délai du signalement à la première unité du service sur les lieux</source>
        <translation>time from the report to the agency&apos;s first unit on scene</translation>
    </message>
    <message>
        <source>interventions</source>
        <translation>incidents</translation>
    </message>
    <message>
        <source>signalées dans la tranche</source>
        <translation>reported in the band</translation>
    </message>
    <message>
        <source>closes dans la tranche</source>
        <translation>closed in the band</translation>
    </message>
    <message>
        <source>en cours à la fin de la tranche</source>
        <translation>ongoing at the end of the band</translation>
    </message>
    <message>
        <source>Interventions au fil du temps (tranches de %1 h)</source>
        <translation>Incidents over time (%1 h bands)</translation>
    </message>
    <message>
        <source>Interventions au fil du temps (tranches de %1 min)</source>
        <translation>Incidents over time (%1 min bands)</translation>
    </message>
    <message>
        <source>heure de Marseille (début de la tranche)</source>
        <translation>Marseille time (start of the band)</translation>
    </message>
</context>
<context>
    <name>vigie::reports::Words</name>
    <message>
        <source>Inject d&apos;exercice</source>
        <translation>Exercise inject</translation>
    </message>
    <message>
        <source>Contrôle d&apos;exercice</source>
        <translation>Exercise check</translation>
    </message>
    <message>
        <source>Horloge d&apos;exercice</source>
        <translation>Exercise clock</translation>
    </message>
    <message>
        <source>autre (%1)</source>
        <translation>other (%1)</translation>
    </message>
    <message>
        <source> (%1 → %2)</source>
        <translation> (%1 → %2)</translation>
    </message>
    <message>
        <source>inject %1 joué%2 : %3</source>
        <translation>inject %1 played%2: %3</translation>
    </message>
    <message>
        <source>inject %1, attendu « %2 » : %3</source>
        <translation>inject %1, expected “%2”: %3</translation>
    </message>
    <message>
        <source>début de l&apos;exercice %1</source>
        <translation>start of exercise %1</translation>
    </message>
    <message>
        <source>exercice suspendu à %1</source>
        <translation>exercise paused at %1</translation>
    </message>
    <message>
        <source>exercice repris à %1</source>
        <translation>exercise resumed at %1</translation>
    </message>
    <message>
        <source>vitesse de l&apos;exercice : × %1</source>
        <translation>exercise speed: × %1</translation>
    </message>
    <message>
        <source>exercice avancé à %1</source>
        <translation>exercise moved forward to %1</translation>
    </message>
    <message>
        <source>fin de l&apos;exercice à %1</source>
        <translation>end of exercise at %1</translation>
    </message>
    <message>
        <source>%1 : %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> : urgences %1</source>
        <translation>: emergency department %1</translation>
    </message>
    <message>
        <source>gravité %1/5</source>
        <translation>severity %1/5</translation>
    </message>
    <message>
        <source>%1 UA</source>
        <translation>%1 P1</translation>
    </message>
    <message>
        <source>%1 UR</source>
        <translation>%1 P2</translation>
    </message>
    <message>
        <source>1 impliqué</source>
        <translation>1 involved</translation>
    </message>
    <message>
        <source>%1 impliqués</source>
        <translation>%1 involved</translation>
    </message>
    <message>
        <source>1 décédé</source>
        <translation>1 dead</translation>
    </message>
    <message>
        <source>%1 décédés</source>
        <translation>%1 dead</translation>
    </message>
    <message>
        <source>aucune victime</source>
        <translation>no casualties</translation>
    </message>
    <message>
        <source>tous les services</source>
        <translation>all agencies</translation>
    </message>
    <message>
        <source>Police municipale</source>
        <translation>Municipal police</translation>
    </message>
    <message>
        <source>service non précisé</source>
        <translation>agency not specified</translation>
    </message>
    <message>
        <source>téléphone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>radio</source>
        <translation>radio</translation>
    </message>
    <message>
        <source>courriel</source>
        <translation>email</translation>
    </message>
    <message>
        <source>alerte CAP</source>
        <translation>CAP alert</translation>
    </message>
    <message>
        <source>message EMSI</source>
        <translation>EMSI message</translation>
    </message>
    <message>
        <source>message EDXL-HAVE</source>
        <translation>EDXL-HAVE message</translation>
    </message>
    <message>
        <source>positions NMEA</source>
        <translation>NMEA positions</translation>
    </message>
    <message>
        <source>Hub Santé</source>
        <translation>Health Hub</translation>
    </message>
    <message>
        <source>capteurs GeoJSON</source>
        <translation>GeoJSON sensors</translation>
    </message>
</context>
<context>
    <name>vigie::reports::Layout</name>
    <message>
        <source>EXERCICE</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <source>Établi avec Vigie le %1</source>
        <translation>Made with Vigie on %1</translation>
    </message>
    <message>
        <source>page %1 / %2</source>
        <translation>page %1 of %2</translation>
    </message>
</context>
<context>
    <name>vigie::ui::ActivityTrack</name>
    <message>
        <source>Activité de la main courante : entrées par tranche de temps. Cliquez ou faites glisser pour afficher la salle à ce moment.</source>
        <translation>Log activity: entries per time band. Click or drag to show the room at that moment.</translation>
    </message>
</context>
<context>
    <name>vigie::ui::AdHocDialog</name>
    <message>
        <source>Stimulus manuel</source>
        <translation>Manual inject</translation>
    </message>
    <message>
        <source>ex. PC sécurité du stade</source>
        <translation>e.g. stadium security post</translation>
    </message>
    <message>
        <source>De</source>
        <translation>From</translation>
    </message>
    <message>
        <source>À</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Le message, tel que l&apos;appelant le dit</source>
        <translation>The message, as the caller says it</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Jouer (Ctrl+Entrée)</source>
        <translation>Play (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Animation</source>
        <translation>Exercise control</translation>
    </message>
</context>
<context>
    <name>vigie::ui::ExercisePanel</name>
    <message>
        <source>téléphone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>radio</source>
        <translation>radio</translation>
    </message>
    <message>
        <source>courriel</source>
        <translation>email</translation>
    </message>
    <message>
        <source>alerte CAP</source>
        <translation>CAP alert</translation>
    </message>
    <message>
        <source>message EMSI</source>
        <translation>EMSI message</translation>
    </message>
    <message>
        <source>lits (EDXL-HAVE)</source>
        <translation>beds (EDXL-HAVE)</translation>
    </message>
    <message>
        <source>GPS (NMEA)</source>
        <translation>GPS (NMEA)</translation>
    </message>
    <message>
        <source>Hub Santé</source>
        <translation>Health Hub</translation>
    </message>
    <message>
        <source>capteurs (GeoJSON)</source>
        <translation>sensors (GeoJSON)</translation>
    </message>
    <message>
        <source>tous</source>
        <translation>all</translation>
    </message>
    <message>
        <source>police municipale</source>
        <translation>municipal police</translation>
    </message>
    <message>
        <source>EXERCICE</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <source>Survolez le titre pour lire les objectifs de l&apos;exercice</source>
        <translation>Hover over the title to read the exercise objectives</translation>
    </message>
    <message>
        <source>F8 — démarrer, mettre en pause ou reprendre l&apos;horloge de l&apos;exercice</source>
        <translation>F8 — start, pause or resume the exercise clock</translation>
    </message>
    <message>
        <source>Vitesse</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>Temps d&apos;exercice (T+) où aller : les stimuli jusque-là sont joués aussitôt</source>
        <translation>Exercise time (T+) to go to: the injects up to then are played at once</translation>
    </message>
    <message>
        <source>Aller à T+</source>
        <translation>Go to T+</translation>
    </message>
    <message>
        <source>Stimulus manuel…</source>
        <translation>Manual inject…</translation>
    </message>
    <message>
        <source>Ctrl+Maj+M — un message hors scénario (appel, radio, courriel), inscrit au journal</source>
        <translation>Ctrl+Shift+M — an off-scenario message (call, radio, email), written to the log</translation>
    </message>
    <message>
        <source>Terminer l&apos;exercice…</source>
        <translation>End the exercise…</translation>
    </message>
    <message>
        <source>T+</source>
        <translation>T+</translation>
    </message>
    <message>
        <source>Stimulus</source>
        <translation>Inject</translation>
    </message>
    <message>
        <source>De → à</source>
        <translation>From → to</translation>
    </message>
    <message>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>L&apos;horloge d&apos;un exercice ne revient pas en arrière : choisissez un temps après %1</source>
        <translation>An exercise clock does not go back: choose a time after %1</translation>
    </message>
    <message>
        <source>Terminer l&apos;exercice</source>
        <translation>End the exercise</translation>
    </message>
    <message>
        <source>Terminer l&apos;exercice maintenant ? Les actions attendues non faites seront notées manquées.</source>
        <translation>End the exercise now? Expected actions not done will be marked missed.</translation>
    </message>
    <message>
        <source>prêt à démarrer</source>
        <translation>ready to start</translation>
    </message>
    <message>
        <source>terminé</source>
        <translation>finished</translation>
    </message>
    <message>
        <source>en cours ×%1</source>
        <translation>running ×%1</translation>
    </message>
    <message>
        <source>en pause</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>manuel</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>relance</source>
        <translation>contingency inject</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>à venir</source>
        <translation>upcoming</translation>
    </message>
    <message>
        <source>joué à %1</source>
        <translation>played at %1</translation>
    </message>
    <message>
        <source> (relance de %1)</source>
        <translation> (contingency inject for %1)</translation>
    </message>
    <message>
        <source> · contenu refusé, en quarantaine</source>
        <translation> · content refused, quarantined</translation>
    </message>
    <message>
        <source>relance non utilisée</source>
        <translation>contingency inject not used</translation>
    </message>
    <message>
        <source>Échéance de l&apos;action</source>
        <translation>Action deadline</translation>
    </message>
    <message>
        <source>attend son stimulus</source>
        <translation>waiting for its inject</translation>
    </message>
    <message>
        <source>attendue avant %1</source>
        <translation>expected before %1</translation>
    </message>
    <message>
        <source>faite — %1</source>
        <translation>done — %1</translation>
    </message>
    <message>
        <source>faite en retard — %1</source>
        <translation>done late — %1</translation>
    </message>
    <message>
        <source>manquée</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>manquée — relance %1</source>
        <translation>missed — contingency inject %1</translation>
    </message>
    <message>
        <source>Stimuli joués : %1 sur %2 · actions attendues : %3 faites, %4 en retard, %5 manquées, %6 en cours</source>
        <translation>Injects played: %1 of %2 · expected actions: %3 done, %4 late, %5 missed, %6 pending</translation>
    </message>
    <message>
        <source>Démarrer</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Reprendre</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Démarrer, mettre en pause ou reprendre l&apos;exercice</source>
        <translation>Start, pause or resume the exercise</translation>
    </message>
    <message>
        <source>Jouer un stimulus manuel</source>
        <translation>Play a manual inject</translation>
    </message>
</context>
<context>
    <name>vigie::ui::ReplayControls</name>
    <message>
        <source>&amp;Relecture de la salle</source>
        <translation>Room &amp;replay</translation>
    </message>
    <message>
        <source>Revoir la salle à un moment passé : carte, listes et main courante à cette heure ; rien ne peut être inscrit pendant la relecture.</source>
        <translation>Review the room at a past moment: map, lists and log at that time; nothing can be written during replay.</translation>
    </message>
    <message>
        <source>Retour au direct : la situation actuelle est affichée.</source>
        <translation>Back to live: the current situation is shown.</translation>
    </message>
    <message>
        <source>RELECTURE — %1</source>
        <translation>REPLAY — %1</translation>
    </message>
    <message>
        <source>lecture ×%1</source>
        <translation>playing ×%1</translation>
    </message>
    <message>
        <source>en pause</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>rien ne peut être inscrit — Ctrl+R : revenir au direct</source>
        <translation>nothing can be written — Ctrl+R: back to live</translation>
    </message>
    <message>
        <source>RELECTURE %1 — %2</source>
        <translation>REPLAY %1 — %2</translation>
    </message>
</context>
<context>
    <name>vigie::ui::ReportDialog</name>
    <message>
        <source>Retour d&apos;expérience (RETEX)</source>
        <translation>After-action report (RETEX)</translation>
    </message>
    <message>
        <source>Point de situation</source>
        <translation>Situation report</translation>
    </message>
    <message>
        <source>EXERCICE — le rapport portera la mention sur chaque page</source>
        <translation>EXERCISE — the report will carry the notice on every page</translation>
    </message>
    <message>
        <source>Toute la salle, du premier au dernier événement</source>
        <translation>The whole room, from the first to the last event</translation>
    </message>
    <message>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Au</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Situation à</source>
        <translation>Situation at</translation>
    </message>
    <message>
        <source>Par défaut, l&apos;heure du dernier événement de la main courante.</source>
        <translation>By default, the time of the last event in the log.</translation>
    </message>
    <message>
        <source>RETEX - %1.pdf</source>
        <translation>After-action report - %1.pdf</translation>
    </message>
    <message>
        <source>Point de situation - %1.pdf</source>
        <translation>Situation report - %1.pdf</translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Fichier PDF</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <source>Établir le rapport</source>
        <translation>Produce the report</translation>
    </message>
    <message>
        <source>Enregistrer le rapport</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Rapport non établi</source>
        <translation>Report not produced</translation>
    </message>
    <message>
        <source>Le rapport %1 n&apos;a pas été écrit : %2</source>
        <translation>The report %1 was not written: %2</translation>
    </message>
    <message>
        <source>Rapport établi</source>
        <translation>Report produced</translation>
    </message>
    <message>
        <source>%1 (%2 pages)</source>
        <translation>%1 (%2 pages)</translation>
    </message>
</context>
<context>
    <name>vigie::ui::ReportJob</name>
    <message>
        <source>annulé</source>
        <translation>cancelled</translation>
    </message>
</context>
<context>
    <name>vigie::ui::TimelineBar</name>
    <message>
        <source>Au début de la salle (Ctrl+Origine)</source>
        <translation>To the start of the room (Ctrl+Home)</translation>
    </message>
    <message>
        <source>Lire ou mettre en pause (Espace)</source>
        <translation>Play or pause (Space)</translation>
    </message>
    <message>
        <source>Vitesse de lecture : secondes de la salle par seconde</source>
        <translation>Playback speed: room seconds per second</translation>
    </message>
    <message>
        <source>Revenir au direct</source>
        <translation>Back to live</translation>
    </message>
    <message>
        <source>La situation actuelle, et les actions d&apos;écriture de nouveau permises (Ctrl+R)</source>
        <translation>The current situation, with writing allowed again (Ctrl+R)</translation>
    </message>
    <message>
        <source>Relecture : lire ou mettre en pause</source>
        <translation>Replay: play or pause</translation>
    </message>
    <message>
        <source>Relecture : 10 s en arrière</source>
        <translation>Replay: 10 s back</translation>
    </message>
    <message>
        <source>Relecture : 10 s en avant</source>
        <translation>Replay: 10 s forward</translation>
    </message>
    <message>
        <source>Relecture : 5 min en arrière</source>
        <translation>Replay: 5 min back</translation>
    </message>
    <message>
        <source>Relecture : 5 min en avant</source>
        <translation>Replay: 5 min forward</translation>
    </message>
    <message>
        <source>Relecture : au début</source>
        <translation>Replay: to the start</translation>
    </message>
    <message>
        <source>Relecture : à la fin</source>
        <translation>Replay: to the end</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Lecture</source>
        <translation>Play</translation>
    </message>
</context>
</TS>
