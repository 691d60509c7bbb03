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
</context>
</TS>
