<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
<context>
    <name>vigie::allocation</name>
    <message>
        <source>incident %1 (%2) lies %3 km from the nearest unit of the fleet, beyond %4 km: outside its area, no unit proposed</source>
        <translation>l’intervention %1 (%2) est à %3 km du moyen le plus proche, au-delà de %4 km : hors du secteur des moyens, aucun moyen proposé</translation>
    </message>
    <message>
        <source>incident %1 (%2): the %3 unit(s) engaged fill its needs, none proposed</source>
        <translation>intervention %1 (%2) : les %3 moyen(s) engagé(s) couvrent ses besoins, aucun autre proposé</translation>
    </message>
    <message>
        <source>unit %1 was turned down for incident %2 (%3): not proposed for it again until the incident changes</source>
        <translation>%1 a été refusé pour l’intervention %2 (%3) : il n’y sera pas reproposé tant que l’intervention n’a pas évolué</translation>
    </message>
    <message>
        <source>%1 × %2 (%3, priority %4)</source>
        <translation>%1 × %2 (%3, priorité %4)</translation>
    </message>
    <message>
        <source>unit %1 (%2) is available but has no known position: not proposed; send a unit.position entry</source>
        <translation>le moyen %1 (%2) est disponible mais sans position connue : il n’est pas proposé ; envoyer une entrée unit.position</translation>
    </message>
    <message>
        <source>incident %1 (%2) has no position: no unit can be proposed</source>
        <translation>l’intervention %1 (%2) n’a pas de position : aucun moyen ne peut être proposé</translation>
    </message>
    <message>
        <source>no open incident with a position: nothing to suggest</source>
        <translation>aucune intervention en cours n’a de position : rien à proposer</translation>
    </message>
    <message>
        <source>no available unit with a position: every need below is unfilled</source>
        <translation>aucun moyen disponible n’a de position : aucun des besoins ci-dessous n’est pourvu</translation>
    </message>
    <message>
        <source> (for the positions listed below)</source>
        <translation> (pour les positions listées ci-dessous)</translation>
    </message>
    <message>
        <source>incident %1 (%2) needs %3: %4 missing; %5 available unit(s) match %6, all proposed elsewhere or unreachable</source>
        <translation>l’intervention %1 (%2) demande %3 : il en manque %4 ; %5 moyen(s) disponible(s) correspondent à %6, tous proposés ailleurs ou hors d’atteinte</translation>
    </message>
    <message>
        <source>entry %1 is a %2, not a suggestion</source>
        <translation>l’entrée %1 est de nature « %2 », pas une proposition</translation>
    </message>
</context>
<context>
    <name>vigie::routing</name>
    <message>
        <source>%1 %2 at (%3, %4) is %5 m from the nearest road (limit %6 m): straight-line estimate</source>
        <translation>%1 %2 en (%3, %4) est à %5 m de la route la plus proche (limite %6 m) : estimation en ligne droite</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>moyen</translation>
    </message>
    <message>
        <source>incident</source>
        <translation>intervention</translation>
    </message>
    <message>
        <source>sector</source>
        <translation>secteur</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>origine</translation>
    </message>
    <message>
        <source>target</source>
        <translation>destination</translation>
    </message>
</context>
<context>
    <name>vigie::fusion</name>
    <message>
        <source>incident "%1" is joined into "%2": undo that join first, or use "%2"</source>
        <translation>l’intervention « %1 » est réunie dans « %2 » : annuler d’abord cette réunion, ou choisir « %2 »</translation>
    </message>
    <message>
        <source>no incident "%1" in the picture (closed, or never opened)</source>
        <translation>aucune intervention « %1 » dans la situation (close, ou jamais ouverte)</translation>
    </message>
    <message>
        <source>"%1" opened the incident: split the other sources out of it instead</source>
        <translation>« %1 » a ouvert l’intervention : séparer plutôt les autres sources</translation>
    </message>
    <message>
        <source>no report of "%1" was merged into "%2" (sources merged into it: %3)</source>
        <translation>aucun signalement de « %1 » n’a été fusionné dans « %2 » (sources fusionnées : %3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>an incident cannot be joined into itself ("%1")</source>
        <translation>une intervention ne peut pas être réunie dans elle-même (« %1 »)</translation>
    </message>
    <message>
        <source>no join or split is in force: nothing to undo</source>
        <translation>aucune réunion ni séparation en vigueur : rien à annuler</translation>
    </message>
    <message>
        <source>"%1" is not a join or split in force (undone already, about a closed incident, or not a correction); in force: %2</source>
        <translation>« %1 » n’est pas une réunion ou une séparation en vigueur (déjà annulée, sur une intervention close, ou pas une correction) ; en vigueur : %2</translation>
    </message>
</context>
<context>
    <name>vigie::anticipation</name>
    <message>
        <source>&quot;%1&quot; and &quot;%2&quot; at the same time (from %3 to %4, set-up and dispersal included) %5 m apart, less than the %6 m they need between them</source>
        <translation>« %1 » et « %2 » en même temps (du %3 au %4, montage et dispersion compris) à %5 m l’un de l’autre, moins que les %6 m qu’il leur faut</translation>
    </message>
    <message>
        <source>the hospital</source>
        <translation>l’hôpital</translation>
    </message>
    <message>
        <source>the fire station</source>
        <translation>la caserne</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cuts %2 &quot;%3&quot; off the road network from %4 to %5: none of the %6 points %7 m around can be reached any more</source>
        <translation>« %1 » coupe %2 « %3 » du réseau routier du %4 au %5 : plus aucun des %6 points à %7 m autour n’est joignable</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cuts %2 &quot;%3&quot; off %4 of the %5 points %6 m around from %7 to %8</source>
        <translation>« %1 » coupe %2 « %3 » de %4 des %5 points à %6 m autour, du %7 au %8</translation>
    </message>
    <message>
        <source>&quot;%1&quot; lengthens the trips out of %2 &quot;%3&quot; by %4 s (+%5 %) from %6 to %7</source>
        <translation>« %1 » allonge les trajets depuis %2 « %3 » de %4 s (+%5 %) du %6 au %7</translation>
    </message>
    <message>
        <source>&quot;%1&quot; covers no road of the network within %2 m: its place is not on a street, so its effect on the access of fire stations and hospitals is not checked</source>
        <translation>« %1 » ne recouvre aucune voie du réseau à moins de %2 m : son emplacement n&apos;est pas sur une rue, son effet sur l&apos;accès des casernes et des hôpitaux n&apos;est donc pas vérifié</translation>
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
        <source>market</source>
        <translation>marché</translation>
    </message>
    <message>
        <source>demonstration</source>
        <translation>manifestation</translation>
    </message>
    <message>
        <source>roadworks</source>
        <translation>travaux</translation>
    </message>
    <message>
        <source>road closure</source>
        <translation>fermeture de voie</translation>
    </message>
    <message>
        <source>festival</source>
        <translation>festival</translation>
    </message>
    <message>
        <source>ceremony</source>
        <translation>cérémonie</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>History too short: %1 past events with an attendance, at least %2 are needed for %3 coefficients (%4 events minimum, %5 per coefficient). Record more events (event.plan) before relying on a figure.</source>
        <translation>Historique trop court : %1 événements passés avec une affluence, il en faut au moins %2 pour %3 coefficients (%4 événements au minimum, %5 par coefficient). Enregistrez d’autres événements (event.plan) avant de vous fier à un chiffre.</translation>
    </message>
    <message>
        <source>No incident was ever counted at the %1 past events: nothing to learn a rate from (are incidents recorded with a place, near the events' venues?)</source>
        <translation>Aucune intervention comptée aux %1 événements passés : rien pour apprendre un taux (les interventions sont-elles enregistrées avec un lieu, près des sites des événements ?)</translation>
    </message>
    <message>
        <source>The history cannot tell the effects apart (a column of the model is constant or duplicates another): vary the events' types, hours or days.</source>
        <translation>L’historique ne permet pas de distinguer les effets (une colonne du modèle est constante ou en double) : il faut des événements de types, d’heures ou de jours variés.</translation>
    </message>
    <message>
        <source>The negative binomial fit did not converge on this history.</source>
        <translation>L’ajustement binomial négatif ne converge pas sur cet historique.</translation>
    </message>
    <message>
        <source>No past event of type "%1" in the history (seen: %2): no figure can be given for it.</source>
        <translation>Aucun événement passé de type « %1 » dans l’historique (vus : %2) : pas de chiffre possible.</translation>
    </message>
    <message>
        <source>No past event started in the %1 band (%2 h–%3 h): no figure can be given for it.</source>
        <translation>Aucun événement passé n’a commencé dans la tranche %1 (%2 h – %3 h) : pas de chiffre possible.</translation>
    </message>
    <message>
        <source>The model uses a risk class (data.risk) and the event has none.</source>
        <translation>Le modèle utilise une classe de risque (data.risk) et l’événement n’en a pas.</translation>
    </message>
    <message>
        <source>Unknown event type "%1" (expected one of %2)</source>
        <translation>Type d’événement inconnu « %1 » (attendu : %2)</translation>
    </message>
    <message>
        <source>Capacity %1 must be at least 1 incident per pair of officers.</source>
        <translation>La capacité %1 doit être d’au moins 1 intervention par binôme.</translation>
    </message>
    <message>
        <source>No planned event "%1" in the room (event.plan, not cancelled).</source>
        <translation>Aucun événement prévu « %1 » dans la salle (event.plan non annulé).</translation>
    </message>
    <message>
        <source>Event "%1" has no attendance: the model needs one.</source>
        <translation>L’événement « %1 » n’a pas d’affluence : le modèle en a besoin.</translation>
    </message>
    <message>
        <source>No incident with a place in the history: nothing to forecast from.</source>
        <translation>Aucune intervention localisée dans l’historique : rien sur quoi fonder une prévision.</translation>
    </message>
    <message>
        <source>Cell size %1 m is outside 50–10,000 m.</source>
        <translation>La taille de maille %1 m est hors de 50 à 10 000 m.</translation>
    </message>
    <message>
        <source>The incidents spread over %1 cells of %2 m: too wide an area for this cell size; use a larger --cell.</source>
        <translation>Les interventions couvrent %1 mailles de %2 m : zone trop étendue pour cette maille ; prenez une maille plus grande.</translation>
    </message>
    <message>
        <source>Too few incidents for a back-test.</source>
        <translation>Trop peu d’interventions pour un test rétrospectif.</translation>
    </message>
    <message>
        <source>Too many cells for a back-test at %1 m: use a larger --cell.</source>
        <translation>Trop de mailles pour un test rétrospectif à %1 m : prenez une maille plus grande.</translation>
    </message>
    <message>
        <source>The history spans less than %1 test weeks plus four weeks to learn from.</source>
        <translation>L’historique couvre moins de %1 semaines de test plus quatre semaines d’apprentissage.</translation>
    </message>
    <message>
        <source>No incident in any of the %1 test weeks: no PAI can be computed.</source>
        <translation>Aucune intervention dans les %1 semaines de test : pas de PAI calculable.</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1 : ce fichier ne peut pas être lu (« %2 ») ; vérifiez son nom, son dossier et vos droits d’accès</translation>
    </message>
    <message>
        <source>%1 = %2 is not a level of the grid: it takes 0.25, 0.30, 0.35 or 0.40</source>
        <translation>%1 = %2 n’est pas un niveau de la grille : elle prend 0,25, 0,30, 0,35 ou 0,40</translation>
    </message>
    <message>
        <source>P1 = %1 is not a number of people: give the public present at the same time, a whole number from 0 to %2</source>
        <translation>P1 = %1 n’est pas un effectif : indiquez le public présent en même temps, un nombre entier de 0 à %2</translation>
    </message>
    <message>
        <source>P1 = %1 is more people than any event gathers at once (at most %2): check the figure</source>
        <translation>P1 = %1 dépasse ce qu’un événement rassemble à la fois (au plus %2) : vérifiez le chiffre</translation>
    </message>
    <message>
        <source>%1: not a JSON object (%2)</source>
        <translation>%1 : pas un objet JSON (« %2 »)</translation>
    </message>
    <message>
        <source>%1: types.%2: buffer_m and the margins must be &gt;= 0</source>
        <translation>%1 : types.%2 : « buffer_m » et les marges doivent être positifs ou nuls</translation>
    </message>
    <message>
        <source>%1: access: probe_count must be 1 to 360, probe_radius_m &gt; 0, cover_m &gt;= 0</source>
        <translation>%1 : accès : « probe_count » doit aller de 1 à 360, « probe_radius_m » être positif, « cover_m » positif ou nul</translation>
    </message>
    <message>
        <source>%1: not a GeoJSON object (%2)</source>
        <translation>%1 : pas un objet GeoJSON (« %2 »)</translation>
    </message>
    <message>
        <source>%1: features[%2]: %3</source>
        <translation>%1 : features[%2] : %3</translation>
    </message>
    <message>
        <source>not a GeoJSON geometry (%1)</source>
        <translation>pas une géométrie GeoJSON (« %1 »)</translation>
    </message>
    <message>
        <source>coordinate out of range (lon %1, lat %2)</source>
        <translation>coordonnée hors limites (longitude %1, latitude %2)</translation>
    </message>
    <message>
        <source>a LINESTRING needs at least 2 positions</source>
        <translation>une LINESTRING demande au moins 2 positions</translation>
    </message>
    <message>
        <source>a POLYGON needs at least 3 positions</source>
        <translation>un POLYGON demande au moins 3 positions</translation>
    </message>
    <message>
        <source>not a WKT geometry (%1)</source>
        <translation>pas une géométrie WKT (« %1 »)</translation>
    </message>
    <message>
        <source>not a geometry: expected WKT POINT, LINESTRING or POLYGON, or GeoJSON</source>
        <translation>pas une géométrie : attendu un POINT, une LINESTRING ou un POLYGON en WKT, ou du GeoJSON</translation>
    </message>
    <message>
        <source>"%1" is not a whole number from 0 to %2</source>
        <translation>« %1 » n’est pas un nombre entier de 0 à %2</translation>
    </message>
    <message>
        <source>the header must name at least the columns title, start and end (or titre, début, fin)</source>
        <translation>l’en-tête doit nommer au moins les colonnes titre, début et fin (ou title, start, end)</translation>
    </message>
    <message>
        <source>unterminated quote</source>
        <translation>guillemet non refermé</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>"%1" is not a known type of event</source>
        <translation>« %1 » n’est pas un type d’événement connu</translation>
    </message>
    <message>
        <source>"%1" is not a date and time</source>
        <translation>« %1 » n’est pas une date et heure</translation>
    </message>
    <message>
        <source>before the start</source>
        <translation>avant le début</translation>
    </message>
    <message>
        <source>"%1, %2" is not a longitude and latitude</source>
        <translation>« %1, %2 » n’est pas une longitude et une latitude</translation>
    </message>
    <message>
        <source>no place: give lon and lat, a geometry, or a known venue</source>
        <translation>aucun lieu : donnez une longitude et une latitude, une géométrie ou un lieu connu</translation>
    </message>
    <message>
        <source>not an iCalendar file (no VCALENDAR could be read)</source>
        <translation>pas un fichier iCalendar (aucun VCALENDAR lisible)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>missing, invalid, or in an unknown TZID</source>
        <translation>absent, invalide ou dans un fuseau (TZID) inconnu</translation>
    </message>
    <message>
        <source>invalid, or in an unknown TZID</source>
        <translation>invalide ou dans un fuseau (TZID) inconnu</translation>
    </message>
    <message>
        <source>before DTSTART</source>
        <translation>avant DTSTART</translation>
    </message>
    <message>
        <source>coordinate out of range</source>
        <translation>coordonnée hors limites</translation>
    </message>
    <message>
        <source>no place: neither GEO nor a known venue in LOCATION</source>
        <translation>aucun lieu : ni GEO ni lieu connu dans LOCATION</translation>
    </message>
    <message>
        <source>cannot be expanded</source>
        <translation>ne peut pas être déroulée</translation>
    </message>
    <message>
        <source>%1, line 1: expected the columns "Incident Number", "Received DtTm" and "Location"</source>
        <translation>%1, ligne 1 : colonnes « Incident Number », « Received DtTm » et « Location » attendues</translation>
    </message>
    <message>
        <source>%1, line %2: %3 fields, fewer than the header's</source>
        <translation>%1, ligne %2 : %3 champs, moins que l’en-tête</translation>
    </message>
    <message>
        <source>%1, line %2: unreadable time "%3" or location "%4"</source>
        <translation>%1, ligne %2 : heure « %3 » ou lieu « %4 » illisible</translation>
    </message>
</context>
<context>
    <name>vigie::store</name>
    <message>
        <source>%1: reading the quarantine failed: %2</source>
        <translation>%1 : la lecture de la quarantaine s’est arrêtée sur une erreur (SQLite : « %2 ») ; rien n’est affiché plutôt qu’une liste incomplète : vérifiez le fichier de salle avec « vigie-cli verify »</translation>
    </message>
    <message>
        <source>%1: reading the feed bookkeeping failed: %2</source>
        <translation>%1 : la lecture du suivi des flux s’est arrêtée sur une erreur (SQLite : « %2 ») ; vérifiez le fichier de salle avec « vigie-cli verify »</translation>
    </message>
    <message>
        <source>%1: reading the room&apos;s description failed: %2</source>
        <translation>%1 : la lecture de la description de la salle s’est arrêtée sur une erreur (SQLite : « %2 ») ; le fichier de salle est peut-être endommagé : vérifiez-le avec « vigie-cli verify »</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>impossible d’ouvrir %1 (SQLite : « %2 ») : vérifiez que le fichier existe et que ce poste peut le lire et l’écrire</translation>
    </message>
    <message>
        <source>%1: %2 (in: %3)</source>
        <translation>%1 : SQLite a refusé l’opération « %3 » (« %2 ») ; réessayez et, si cela se répète, vérifiez le fichier de salle avec « vigie-cli verify »</translation>
    </message>
    <message>
        <source>%1: cannot prepare statement: %2</source>
        <translation>%1 : SQLite ne peut pas préparer la requête (« %2 ») ; le fichier de salle est peut-être endommagé : vérifiez-le avec « vigie-cli verify »</translation>
    </message>
    <message>
        <source>%1 does not exist; create it with `vigie-cli init %1`</source>
        <translation>%1 n’existe pas (déplacé ou supprimé ?) ; rouvrez le bon fichier de salle, ou créez la salle avec « vigie-cli init %1 »</translation>
    </message>
    <message>
        <source>%1 is not a Vigie room file: %2</source>
        <translation>%1 n’est pas un fichier de salle Vigie : %2</translation>
    </message>
    <message>
        <source>%1 is not a Vigie room file (no schema)</source>
        <translation>%1 n’est pas un fichier de salle Vigie (aucun schéma) ; ouvrez le fichier .vigie de la salle</translation>
    </message>
    <message>
        <source>%1: the room has no id (damaged meta table)</source>
        <translation>%1 : la salle n’a pas d’identifiant (table meta endommagée) ; restaurez le fichier depuis sa sauvegarde</translation>
    </message>
    <message>
        <source>%1: reading the log failed: %2</source>
        <translation>%1 : la lecture du journal a échoué (%2) ; vérifiez le fichier de salle avec « vigie-cli verify »</translation>
    </message>
    <message>
        <source>%1: append failed, nothing was written: %2</source>
        <translation>%1 : l’inscription au journal a échoué, rien n’a été écrit (%2). Réessayez ; si l’échec se répète, vérifiez la place sur le disque et le fichier de salle avec « vigie-cli verify »</translation>
    </message>
    <message>
        <source>%1: feed append failed, nothing was written: %2</source>
        <translation>%1 : l’inscription des messages du flux a échoué, rien n’a été écrit (%2). Réessayez ; si l’échec se répète, vérifiez la place sur le disque et le fichier de salle avec « vigie-cli verify »</translation>
    </message>
    <message>
        <source>cannot write to the quarantine: %1</source>
        <translation>impossible d’écrire dans la quarantaine (%1)</translation>
    </message>
    <message>
        <source>%1: cannot write to the quarantine: %2</source>
        <translation>%1 : impossible d’écrire dans la quarantaine, rien n’y a été écrit (%2) ; réessayez</translation>
    </message>
    <message>
        <source>%1: cannot read snapshots: %2</source>
        <translation>%1 : impossible de lire les instantanés de la situation (%2)</translation>
    </message>
    <message>
        <source>%1: cannot read the schema version: %2</source>
        <translation>%1 : impossible de lire la version du schéma (%2) ; ce fichier n’est peut-être pas un fichier de salle Vigie</translation>
    </message>
    <message>
        <source>%1: room file schema version %2 is newer than this program (%3); update Vigie to open it</source>
        <translation>%1 : ce fichier de salle est au schéma %2, plus récent que ce programme (%3) ; mettez Vigie à jour pour l’ouvrir</translation>
    </message>
    <message>
        <source>migration to schema version %1 failed: %2</source>
        <translation>la mise à niveau du fichier de salle vers le schéma %1 a échoué, elle n’a rien changé : %2</translation>
    </message>
    <message>
        <source>cannot connect to the PostgreSQL server %1: out of memory</source>
        <translation>impossible de se connecter au serveur PostgreSQL %1 : mémoire insuffisante</translation>
    </message>
    <message>
        <source>cannot connect to the PostgreSQL server %1 (%2). Check that the server runs and that this machine may connect to it (host, port, database, user, ~/.pgpass)</source>
        <translation>impossible de se connecter au serveur PostgreSQL %1 (« %2 »). Vérifiez que le serveur fonctionne et que ce poste peut s’y connecter (hôte, port, base, utilisateur, ~/.pgpass)</translation>
    </message>
    <message>
        <source>lost the connection to the PostgreSQL server %1 while %2 (%3). Check that the server runs and is reachable; the next command reconnects</source>
        <translation>liaison perdue avec le serveur PostgreSQL %1 pendant « %2 » (« %3 »). Vérifiez que le serveur fonctionne et qu’il est joignable ; la prochaine commande rétablit la liaison</translation>
    </message>
    <message>
        <source>the PostgreSQL server %1 is unreachable (%2). Check that it runs and that this machine can reach it, then try again</source>
        <translation>le serveur PostgreSQL %1 est injoignable (« %2 »). Vérifiez qu’il fonctionne et que ce poste peut l’atteindre, puis réessayez</translation>
    </message>
    <message>
        <source>%1: %2 failed: %3</source>
        <translation>%1 : échec de « %2 » : « %3 »</translation>
    </message>
    <message>
        <source>%1: room id "%2" is not a UUID</source>
        <translation>%1 : l’identifiant de salle « %2 » n’est pas un UUID</translation>
    </message>
    <message>
        <source>%1 already has a room named "%2"; choose another name or open it</source>
        <translation>%1 a déjà une salle nommée « %2 » ; choisissez un autre nom ou ouvrez-la</translation>
    </message>
    <message>
        <source>%1 has no room named "%2"; create it with `vigie-cli room create postgresql://…?room=%2`</source>
        <translation>%1 n’a pas de salle nommée « %2 » ; créez-la avec « vigie-cli room create postgresql://…?room=%2 »</translation>
    </message>
    <message>
        <source>%1: room "%2" has no secret in room_secrets; restore it from the server's backup</source>
        <translation>%1 : la salle « %2 » n’a pas de secret dans « room_secrets » ; restaurez-le depuis la sauvegarde du serveur</translation>
    </message>
    <message>
        <source>room "%1" is no longer on the server</source>
        <translation>la salle « %1 » n’est plus sur le serveur</translation>
    </message>
    <message>
        <source>%1 failed, nothing was written: %2</source>
        <translation>échec (%1), rien n’a été écrit : %2</translation>
    </message>
    <message>
        <source>locking the room</source>
        <translation>verrouillage de la salle</translation>
    </message>
    <message>
        <source>committing</source>
        <translation>validation</translation>
    </message>
    <message>
        <source>append</source>
        <translation>écriture</translation>
    </message>
    <message>
        <source>feed append</source>
        <translation>écriture d’un flux</translation>
    </message>
    <message>
        <source>%1: vigie_append returned no head</source>
        <translation>%1 : « vigie_append » n’a pas renvoyé de tête de chaîne</translation>
    </message>
    <message>
        <source>. Whether the server committed the batch is unknown: appending the same entries again (with the same ids) stores each of them once</source>
        <translation>. On ne sait pas si le serveur a validé le lot : réécrire les mêmes entrées (mêmes identifiants) ne les enregistre qu’une fois</translation>
    </message>
    <message>
        <source>. Whether the server keeps the batch is unknown: appending the same entries again (with the same ids) stores each of them once</source>
        <translation>. On ne sait pas si le serveur garde le lot : réécrire les mêmes entrées (mêmes identifiants) ne les enregistre qu’une fois</translation>
    </message>
    <message>
        <source>append failed, nothing was written: %1</source>
        <translation>échec de l’écriture, rien n’a été écrit : %1</translation>
    </message>
    <message>
        <source>%1: the append answered %2 entries for %3</source>
        <translation>%1 : l’écriture a rendu %2 entrées pour %3</translation>
    </message>
    <message>
        <source>%1 chained entry %2 (seq %3) with a hash that is not the one of its content: the room's chain on the server needs checking (vigie-cli verify)</source>
        <translation>%1 a chaîné l’entrée %2 (n° %3) avec une empreinte qui n’est pas celle de son contenu : la chaîne de la salle sur le serveur doit être vérifiée (« vigie-cli verify »)</translation>
    </message>
    <message>
        <source>reading the log of room "%1" failed: %2</source>
        <translation>la lecture du journal de la salle « %1 » a échoué : %2</translation>
    </message>
    <message>
        <source>cannot save a snapshot: %1</source>
        <translation>impossible d’enregistrer un instantané : %1</translation>
    </message>
    <message>
        <source>the head moved under its lock</source>
        <translation>la tête de chaîne a bougé malgré son verrou</translation>
    </message>
    <message>
        <source>lost the connection to the PostgreSQL server %1 while waiting for the room's news: %2. The next call reconnects</source>
        <translation>liaison perdue avec le serveur PostgreSQL %1 en attendant les nouvelles de la salle : « %2 ». Le prochain appel rétablit la liaison</translation>
    </message>
    <message>
        <source>%1: waiting for the room's news failed</source>
        <translation>%1 : l’attente des nouvelles de la salle a échoué</translation>
    </message>
    <message>
        <source>%1: the database's schema version %2 is newer than this program (%3); update Vigie to use it</source>
        <translation>%1 : la version %2 du schéma de la base est plus récente que ce programme (%3) ; mettez Vigie à jour pour l’utiliser</translation>
    </message>
    <message>
        <source>migration of %1 to schema version %2 failed: %3</source>
        <translation>la migration de %1 vers la version %2 du schéma a échoué : %3</translation>
    </message>
    <message>
        <source>write postgresql://[user@]HOST[:PORT]/DB?room=NAME</source>
        <translation>écrivez « postgresql://[utilisateur@]HÔTE[:PORT]/BASE?room=NOM »</translation>
    </message>
    <message>
        <source>%1: the room URL carries a password; remove it and put it in ~/.pgpass (or the file PGPASSFILE names, or a service file): credentials never go on a command line</source>
        <translation>%1 : l’adresse de la salle contient un mot de passe ; retirez-le et placez-le dans ~/.pgpass (ou le fichier que nomme PGPASSFILE, ou un fichier de service) : les identifiants ne passent jamais sur une ligne de commande</translation>
    </message>
    <message>
        <source>"%1" is not a PostgreSQL room URL: %2</source>
        <translation>« %1 » n’est pas une adresse de salle PostgreSQL : %2</translation>
    </message>
    <message>
        <source>%1: the room URL names no room; add ?room=NAME (%2)</source>
        <translation>%1 : l’adresse ne nomme aucune salle ; ajoutez « ?room=NOM » (%2)</translation>
    </message>
</context>
<context>
    <name>vigie::room</name>
    <message>
        <source>%1: this console shows the room as it was at %2 (replay); nothing was written. Return to live to write.</source>
        <translation>%1 : cette console montre la salle telle qu’elle était le %2 (relecture) ; rien n’a été écrit. Revenez au direct pour écrire.</translation>
    </message>
    <message>
        <source>%1: this console has no writer; nothing was written</source>
        <translation>%1 : cette console n’a pas d’accès en écriture à la salle ; rien n’a été écrit</translation>
    </message>
    <message>
        <source>%1 is a desk's replica of the shared room on %2: only the desk's link writes to it. Write to the shared room (its postgresql:// URL) or from the desk's console</source>
        <translation>%1 est la copie locale, tenue par un poste, de la salle partagée sur %2 : seul le lien du poste y écrit. Écrivez dans la salle partagée (son adresse postgresql://) ou depuis la console du poste</translation>
    </message>
    <message>
        <source>%1: cannot open the desk's queue: %2</source>
        <translation>%1 : impossible d’ouvrir la file d’attente du poste (%2)</translation>
    </message>
    <message>
        <source>%1: cannot queue the refused input: %2</source>
        <translation>%1 : impossible de mettre en attente les données refusées, rien n’a été écrit (%2) ; réessayez</translation>
    </message>
    <message>
        <source>%1: cannot queue the entries: %2</source>
        <translation>%1 : impossible de mettre les entrées en attente d’envoi, rien n’a été écrit (%2) ; réessayez</translation>
    </message>
    <message>
        <source>%1: cannot read the desk's queue</source>
        <translation>%1 : impossible de lire la file d’attente du poste</translation>
    </message>
    <message>
        <source>%1: cannot read the desk's queue: %2</source>
        <translation>%1 : impossible de lire la file d’attente du poste (%2)</translation>
    </message>
</context>
<context>
    <name>vigie::picture</name>
    <message>
        <source>the log does not verify at seq %1 (%2): no snapshot is written past it; run `vigie-cli verify`</source>
        <translation>le journal ne se vérifie pas à l’entrée n° %1 (%2) : aucun instantané n’est écrit au-delà ; lancez « vigie-cli verify »</translation>
    </message>
</context>
<context>
    <name>vigie::reports</name>
    <message>
        <source>cannot write the PDF %1: %2</source>
        <translation>impossible d’écrire le PDF %1 : %2</translation>
    </message>
    <message>
        <source>the file cannot be opened</source>
        <translation>le fichier ne peut pas être ouvert (ouvert ailleurs, ou droits insuffisants ?) ; choisissez un autre nom ou un autre dossier</translation>
    </message>
    <message>
        <source>its folder does not exist</source>
        <translation>son dossier n’existe pas ; choisissez un dossier existant</translation>
    </message>
    <message>
        <source>cannot finish the PDF %1</source>
        <translation>impossible de terminer le PDF %1 (disque plein ?) ; réessayez, ailleurs au besoin</translation>
    </message>
    <message>
        <source>nothing to write: the report's data was not gathered</source>
        <translation>rien à écrire : les données du rapport n’ont pas été rassemblées</translation>
    </message>
</context>
</TS>
