<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="74" />
        <location filename="../../bureau_app/about_dialog.py" line="75" />
        <source>À propos de Bureau</source>
        <translation>About Bureau</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="76" />
        <source>Bureau, version %1</source>
        <translation>Bureau, version %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="80" />
        <source>L'application hors ligne du bureau de vote électronique : scellement, contrôle de l'urne, dépouillement et procès-verbal.</source>
        <translation>The offline application of the electronic polling committee: sealing, ballot box checks, count and official report.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="86" />
        <source>Empreinte &amp;logicielle de cette installation (SHA-256) :</source>
        <translation>Software &amp;fingerprint of this installation (SHA-256):</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="87" />
        <source>Empreinte logicielle de cette installation</source>
        <translation>Software fingerprint of this installation</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="88" />
        <source>Calcul en cours…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="93" />
        <source>Empreinte enregistrée dans le &amp;scellement :</source>
        <translation>Fingerprint recorded in the &amp;seal:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="94" />
        <source>Empreinte enregistrée dans le scellement</source>
        <translation>Fingerprint recorded in the seal</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="98" />
        <source>Comparaison des empreintes</source>
        <translation>Fingerprint comparison</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="104" />
        <source>Ce bureau n'est pas encore scellé : aucune empreinte à comparer.</source>
        <translation>This committee is not sealed yet: no fingerprint to compare.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="108" />
        <source>Comparaison : calcul en cours…</source>
        <translation>Comparison: computing…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="112" />
        <source>Logiciel libre sous licence GNU AGPL version 3 ou ultérieure. Aucune connexion réseau : l'application n'utilise pas le réseau ; les échanges avec la plateforme se font par fichiers signés.</source>
        <translation>Free software under the GNU AGPL, version 3 or later. No network connection: the application does not use the network; exchanges with the platform are signed files.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="120" />
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="121" />
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="149" />
        <source>paquet autonome</source>
        <translation>standalone bundle</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="149" />
        <source>installation source</source>
        <translation>source installation</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="152" />
        <source>%1, %2 fichiers pris en compte.</source>
        <translation>%1, %2 files taken into account.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="159" />
        <source>Comparaison : identique. Le logiciel est celui qui a été scellé.</source>
        <translation>Comparison: identical. This software is the one that was sealed.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="164" />
        <source>Comparaison : DIFFÉRENTE. Ce logiciel n'est pas celui qui a été scellé : le dépouillement sera refusé. Prévenez l'expert.</source>
        <translation>Comparison: DIFFERENT. This software is not the one that was sealed: the count will be refused. Tell the expert.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="172" />
        <source>Impossible de calculer l'empreinte.</source>
        <translation>The fingerprint could not be computed.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/about_dialog.py" line="175" />
        <source>Comparaison impossible.</source>
        <translation>No comparison possible.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../bureau_app/bar_chart.py" line="27" />
        <source>Graphique des voix par liste</source>
        <translation>Chart of votes per list</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bar_chart.py" line="40" />
        <source>%1 : %2 voix (%3 %)</source>
        <translation>%1: %2 votes (%3%)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bar_chart.py" line="40" />
        <source>%1 : 1 voix (%3 %)</source>
        <translation>%1: 1 vote (%3%)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bar_chart.py" line="49" />
        <source>aucun siège</source>
        <translation>no seat</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bar_chart.py" line="49" />
        <source>1 siège</source>
        <translation>1 seat</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bar_chart.py" line="49" />
        <source>%1 sièges</source>
        <translation>%1 seats</translation>
    </message>
</context>
<context>
    <name>BundleChoice</name>
    <message>
        <location filename="../../bureau_app/bundle_choice.py" line="40" />
        <source>Le fichier « %1 » n'est pas une définition d'élection lisible (%2). Vérifiez que vous avez choisi le fichier remis par l'organisateur, sur la clé USB, ou demandez-lui de le renvoyer ; rien n'a été importé.</source>
        <translation>The file “%1” is not a readable election definition (%2). Check that you chose the file the organiser handed over, on the USB stick, or ask them to send it again; nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bundle_choice.py" line="52" />
        <source>Le fichier « %1 » n'est pas une définition d'élection. Choisissez le fichier de définition remis par l'organisateur ; rien n'a été importé.</source>
        <translation>The file “%1” is not an election definition. Choose the definition file the organiser handed over; nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bundle_choice.py" line="69" />
        <source>Quel bureau ?</source>
        <translation>Which committee?</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bundle_choice.py" line="70" />
        <source>Cette définition décrit plusieurs bureaux. Choisissez celui de cette séance :</source>
        <translation>This definition describes several committees. Choose the one of this session:</translation>
    </message>
</context>
<context>
    <name>BureauWindow</name>
    <message>
        <location filename="../../bureau_app/shell.py" line="65" />
        <location filename="../../bureau_app/shell.py" line="68" />
        <source>Bureau de vote électronique</source>
        <translation>Electronic polling committee</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="66" />
        <source>Fenêtre principale du bureau de vote</source>
        <translation>Main window of the polling committee</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="69" />
        <source>Nom du bureau</source>
        <translation>Committee name</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="80" />
        <location filename="../../bureau_app/shell.py" line="505" />
        <source>&amp;Journal</source>
        <translation>&amp;Log</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="81" />
        <source>Ouvrir le journal</source>
        <translation>Open the log</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="82" />
        <location filename="../../bureau_app/shell.py" line="506" />
        <source>&amp;Résultats</source>
        <translation>&amp;Results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="83" />
        <source>Ouvrir les résultats</source>
        <translation>Open the results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="84" />
        <location filename="../../bureau_app/shell.py" line="517" />
        <source>Mode e&amp;xpert</source>
        <translation>E&amp;xpert mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="85" />
        <source>Ouvrir le mode expert</source>
        <translation>Open expert mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="101" />
        <source>Vérification indépendante</source>
        <translation>Independent verification</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="104" />
        <source>Aucune élection ouverte.</source>
        <translation>No election open.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="105" />
        <source>Élection en cours de vérification</source>
        <translation>Election being verified</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="109" />
        <source>Retour à la cérémonie</source>
        <translation>Back to the ceremony</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="110" />
        <source>Revenir aux étapes de la cérémonie</source>
        <translation>Back to the ceremony's steps</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="122" />
        <source>Contenu de l'étape choisie</source>
        <translation>Content of the chosen step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="169" />
        <source>Barre d'état</source>
        <translation>Status bar</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="222" />
        <source>Bureau — vérification par un expert</source>
        <translation>Bureau — expert verification</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="255" />
        <source>Voir les résultats</source>
        <translation>See the results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="260" />
        <source>Relire le procès-verbal</source>
        <translation>Read the official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="261" />
        <source>Relire le procès-verbal, page par page, avant de le signer</source>
        <translation>Read the official report, page by page, before signing it</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="266" />
        <source>Documents et empreintes de fin de cérémonie</source>
        <translation>End-of-ceremony documents and fingerprints</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="267" />
        <source>Voir où sont les documents de la cérémonie et leurs empreintes</source>
        <translation>See where the ceremony's documents are and their fingerprints</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="270" />
        <source>Aide de cette étape (F1)</source>
        <translation>Help on this step (F1)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="270" />
        <source>Aide de cette étape</source>
        <translation>Help on this step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="313" />
        <source>Opération en cours</source>
        <translation>Operation in progress</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="315" />
        <source>Une opération est en cours. Attendez qu'elle se termine avant de fermer l'application.</source>
        <translation>An operation is in progress. Wait until it ends before closing the application.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="321" />
        <source>Fermeture refusée</source>
        <translation>Closing refused</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="323" />
        <source>J'ai compris</source>
        <translation>Understood</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="359" />
        <source>Élection vérifiée :
%1</source>
        <translation>Election verified:
%1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="450" />
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="452" />
        <source>&amp;Nouvelle cérémonie…</source>
        <translation>&amp;New ceremony…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="453" />
        <source>&amp;Ouvrir une cérémonie…</source>
        <translation>&amp;Open a ceremony…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="454" />
        <source>&amp;Entraînement…</source>
        <translation>&amp;Training…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="455" />
        <source>&amp;Vérification par un expert…</source>
        <translation>Expert &amp;verification…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="461" />
        <source>Re&amp;compter à partir d'une archive…</source>
        <translation>Re&amp;count from an archive…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="465" />
        <source>&amp;Relire le procès-verbal</source>
        <translation>&amp;Read the official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="468" />
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="471" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="472" />
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="475" />
        <source>A&amp;grandir le texte</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="481" />
        <source>&amp;Réduire le texte</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="486" />
        <source>Taille de texte &amp;normale</source>
        <translation>&amp;Normal text size</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="489" />
        <source>&amp;Contraste élevé</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="498" />
        <source>Mode &amp;projection</source>
        <translation>&amp;Projection mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="500" />
        <source>A&amp;ller à</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="503" />
        <source>Étape en &amp;cours</source>
        <translation>&amp;Current step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="508" />
        <source>&amp;Procès-verbal</source>
        <translation>&amp;Official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="512" />
        <source>&amp;Fin de la cérémonie</source>
        <translation>&amp;End of the ceremony</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="520" />
        <source>Liste des é&amp;tapes</source>
        <translation>S&amp;teps list</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="525" />
        <source>Lancer la &amp;prochaine action</source>
        <translation>Start the &amp;next action</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="530" />
        <source>&amp;Cartes</source>
        <translation>&amp;Cards</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="532" />
        <source>&amp;Voir ce que contient une carte…</source>
        <translation>&amp;See what a card holds…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="533" />
        <source>Vérifier &amp;ma carte…</source>
        <translation>C&amp;heck my card…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="534" />
        <source>&amp;Débloquer une carte…</source>
        <translation>&amp;Unblock a card…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="535" />
        <source>E&amp;ffacer une carte…</source>
        <translation>&amp;Wipe a card…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="546" />
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="548" />
        <source>&amp;Aide de cette étape</source>
        <translation>&amp;Help on this step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="551" />
        <source>À &amp;propos de Bureau</source>
        <translation>&amp;About Bureau</translation>
    </message>
    <message>
        <location filename="../../bureau_app/window.py" line="71" />
        <source>Bureau de vote électronique — ENTRAÎNEMENT</source>
        <translation>Electronic polling committee — TRAINING</translation>
    </message>
    <message>
        <location filename="../../bureau_app/window.py" line="93" />
        <location filename="../../bureau_app/window.py" line="107" />
        <source>Cérémonie déjà ouverte</source>
        <translation>Ceremony already open</translation>
    </message>
    <message>
        <location filename="../../bureau_app/window.py" line="94" />
        <source>Cette cérémonie est déjà ouverte dans une autre fenêtre de Bureau. Une cérémonie ne s'ouvre qu'une fois à la fois, pour que deux fenêtres n'écrivent jamais dans le même registre.

Revenez à l'autre fenêtre (elle est peut-être réduite ou derrière celle-ci), ou fermez-la avant de rouvrir la cérémonie.</source>
        <translation>This ceremony is already open in another Bureau window. A ceremony is open in one window at a time, so that two windows never write to the same record.

Go back to the other window (it may be minimised or behind this one), or close it before opening the ceremony again.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/window.py" line="105" />
        <source>Dossier : %1</source>
        <translation>Folder: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/window.py" line="123" />
        <source>Entraînement</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../bureau_app/window.py" line="124" />
        <source>La cérémonie d'entraînement est celle de cette fenêtre : elle est déjà ouverte ici.</source>
        <translation>The training ceremony is the one in this window: it is already open here.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/window.py" line="139" />
        <source>Dossier de la nouvelle cérémonie (vide)</source>
        <translation>Folder of the new ceremony (empty)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/window.py" line="141" />
        <source>Dossier de la cérémonie à ouvrir</source>
        <translation>Folder of the ceremony to open</translation>
    </message>
</context>
<context>
    <name>CardManageDialog</name>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="129" />
        <source>Voir ce que contient une carte</source>
        <translation>See what a card holds</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="130" />
        <source>Vérifier ma carte</source>
        <translation>Check my card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="131" />
        <source>Débloquer une carte</source>
        <translation>Unblock a card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="132" />
        <source>Effacer une carte</source>
        <translation>Wipe a card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="136" />
        <source>Insérez une carte : elle dit à qui elle appartient et quelle clé elle porte. Aucun code n'est demandé.</source>
        <translation>Insert a card: it tells whose it is and which key it holds. No PIN is asked.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="140" />
        <source>Le membre prouve que sa carte ouvre toujours sa clé pour cette cérémonie : la carte ouvre la clé avec son code, la clé est comparée à la clé publique du bureau, rien n'est affiché. Le contrôle est inscrit au journal.</source>
        <translation>The member proves that their card still opens its key for this ceremony: the card opens the key with its PIN, the key is compared with the committee's public key, nothing is shown. The check is recorded in the journal.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="145" />
        <source>Un code personnel bloqué (trop d'essais faux) est remplacé avec le code administrateur de la carte, puis le titulaire choisit un nouveau code. Le déblocage est inscrit au journal.</source>
        <translation>A blocked personal PIN (too many wrong tries) is replaced using the card's admin PIN, then the holder chooses a new PIN. The unblocking is recorded in the journal.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="152" />
        <source>Si la carte a un code de réinitialisation (enveloppe R), il peut servir à la place du code administrateur.</source>
        <translation>If the card has a resetting code (envelope R), it can be used instead of the admin PIN.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="156" />
        <source>(Le déblocage par code de réinitialisation n'est pas proposé.)</source>
        <translation>(Unblocking with a resetting code is not offered.)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="159" />
        <source>À la seule demande de son titulaire. Effacer la clé d'une carte est DÉFINITIF : l'urne de la cérémonie qui l'a écrite ne pourra plus jamais être ouverte avec cette carte. La carte de la cérémonie de ce bureau ne peut pas être effacée ici : elle est conservée deux ans.</source>
        <translation>Only at its holder's request. Wiping a card's key is FINAL: the ballot box of the ceremony that wrote it can never again be opened with this card. The card of this committee's ceremony cannot be wiped here: it is kept for two years.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="170" />
        <source>Dessin d'une carte à puce</source>
        <translation>Drawing of a smart card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="176" />
        <source>À quoi sert cette action</source>
        <translation>What this action is for</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="182" />
        <source>État du lecteur de carte</source>
        <translation>Card reader status</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="185" />
        <source>Ce que la carte porte</source>
        <translation>What the card holds</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="190" />
        <source>Carte n° :</source>
        <translation>Card no.:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="191" />
        <source>Titulaire :</source>
        <translation>Holder:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="192" />
        <source>Bureau :</source>
        <translation>Committee:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="193" />
        <source>Rôle :</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="194" />
        <source>Clé d'élection (empreinte) :</source>
        <translation>Election key (fingerprint):</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="195" />
        <source>Clé rangée le :</source>
        <translation>Key stored on:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="196" />
        <source>Essais de code restants :</source>
        <translation>PIN tries left:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="209" />
        <source>Membre dont c'est la carte</source>
        <translation>Member whose card this is</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="212" />
        <source>&amp;Membre :</source>
        <translation>&amp;Member:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="225" />
        <source>avec le code &amp;administrateur</source>
        <translation>with the &amp;admin PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="226" />
        <source>Débloquer avec le code administrateur</source>
        <translation>Unblock with the admin PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="227" />
        <source>avec le code de &amp;réinitialisation</source>
        <translation>with the &amp;resetting code</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="229" />
        <source>Débloquer avec le code de réinitialisation (enveloppe R)</source>
        <translation>Unblock with the resetting code (envelope R)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="244" />
        <source>Phrase de confirmation à taper</source>
        <translation>Confirmation sentence to type</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="247" />
        <source>Phrase de confirmation tapée par le titulaire</source>
        <translation>Confirmation sentence typed by the holder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="249" />
        <source>&amp;Phrase de confirmation :</source>
        <translation>Confirmation &amp;sentence:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="259" />
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="265" />
        <source>&amp;Vérifier ma carte</source>
        <translation>C&amp;heck my card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="266" />
        <source>Vérifier que la carte ouvre sa clé (code demandé)</source>
        <translation>Check that the card opens its key (PIN asked)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="269" />
        <source>&amp;Débloquer la carte</source>
        <translation>&amp;Unblock the card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="270" />
        <source>Débloquer la carte avec son code administrateur</source>
        <translation>Unblock the card with its admin PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="273" />
        <source>&amp;Effacer définitivement la clé</source>
        <translation>&amp;Wipe the key for good</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="274" />
        <source>Effacer définitivement la clé de cette carte (code actuel demandé)</source>
        <translation>Wipe this card's key for good (current PIN asked)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="289" />
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="290" />
        <source>Fermer sans rien faire de plus</source>
        <translation>Close without doing anything more</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="323" />
        <source>En attente d'une carte… Placez-la dans le lecteur, puce vers le haut.</source>
        <translation>Waiting for a card… Put it in the reader, chip facing up.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="341" />
        <source>Carte n° %1 : lecture…</source>
        <translation>Card no. %1: reading…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="381" />
        <source>inconnu</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="383" />
        <source>carte neuve, sans titulaire</source>
        <translation>new card, no holder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="393" />
        <source>aucune clé de cérémonie sur cette carte</source>
        <translation>no ceremony key on this card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="407" />
        <source>0 — code personnel bloqué</source>
        <translation>0 — personal PIN blocked</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="413" />
        <source>Carte n° %1 : elle ne porte aucune clé de cérémonie.</source>
        <translation>Card no. %1: it holds no ceremony key.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="417" />
        <source>Carte n° %1 : elle porte une clé de cérémonie.</source>
        <translation>Card no. %1: it holds a ceremony key.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="430" />
        <source>Elle n'est pas enregistrée dans ce bureau : choisissez le membre qui la présente ; le contrôle échouera et sera inscrit au journal.</source>
        <translation>It is not registered in this committee: choose the member presenting it; the check will fail and be recorded in the journal.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="441" />
        <source>Cette carte porte la clé de la cérémonie de ce bureau : elle est conservée deux ans (nouveau décompte possible) et ne peut pas être effacée ici.</source>
        <translation>This card holds the key of this committee's ceremony: it is kept for two years (a recount stays possible) and cannot be wiped here.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="452" />
        <source>Cette carte porte la clé de %1 (bureau %2). Si son titulaire demande vraiment l'effacement, il tape exactement : « %3 »</source>
        <translation>This card holds the key of %1 (committee %2). If its holder really asks for the wipe, they type exactly (in French): “%3”</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="477" />
        <source>présidence du bureau</source>
        <translation>chair of the committee</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="478" />
        <source>secrétariat</source>
        <translation>secretary</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="479" />
        <source>délégué de liste</source>
        <translation>list delegate</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="550" />
        <source>Contrôle en cours : tapez le code de la carte quand il est demandé.</source>
        <translation>Checking: type the card's PIN when it is asked.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="552" />
        <source>Déblocage en cours : code administrateur, puis nouveau code personnel.</source>
        <translation>Unblocking: admin PIN, then a new personal PIN.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="553" />
        <source>Effacement : tapez le code personnel actuel de la carte.</source>
        <translation>Wiping: type the card's current personal PIN.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="558" />
        <source>Votre carte ouvre bien sa clé : elle correspond à la clé publique du bureau. Contrôle inscrit au journal.</source>
        <translation>Your card opens its key: it matches the committee's public key. Check recorded in the journal.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="562" />
        <source>Carte débloquée : le nouveau code personnel est enregistré. Déblocage inscrit au journal.</source>
        <translation>Card unblocked: the new personal PIN is set. Unblocking recorded in the journal.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="566" />
        <source>Clé effacée de cette carte. Effacement inscrit au journal. La carte peut maintenant être préparée pour une autre cérémonie.</source>
        <translation>Key wiped from this card. Wipe recorded in the journal. The card can now be prepared for another ceremony.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="575" />
        <source>Carte n° %1 : opération terminée.</source>
        <translation>Card no. %1: operation finished.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="590" />
        <source>Saisie du code annulée : rien n'a été fait sur la carte.</source>
        <translation>PIN entry cancelled: nothing was done on the card.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="593" />
        <source>ÉCHEC : cette carte n'ouvre pas sa clé pour cette cérémonie. %1</source>
        <translation>FAILED: this card does not open its key for this ceremony. %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="597" />
        <source>Non fait : %1</source>
        <translation>Not done: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="598" />
        <source>Opération non faite.</source>
        <translation>Operation not done.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_manage.py" line="657" />
        <source>Attendez la fin de l'opération sur la carte.</source>
        <translation>Wait for the operation on the card to end.</translation>
    </message>
</context>
<context>
    <name>CardManager</name>
    <message>
        <location filename="../../bureau_app/card_manage_menu.py" line="39" />
        <source>Une étape est en cours : attendez sa fin avant d'utiliser une carte.</source>
        <translation>A step is running: wait for it to end before using a card.</translation>
    </message>
</context>
<context>
    <name>CardPromptDialog</name>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="68" />
        <source>Carte à insérer</source>
        <translation>Card to insert</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="69" />
        <source>Demande de carte</source>
        <translation>Card request</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="73" />
        <source>Dessin d'une carte à puce</source>
        <translation>Picture of a smartcard</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="74" />
        <source>Insérez la carte %1</source>
        <translation>Insert the card (%1)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="77" />
        <source>Carte demandée</source>
        <translation>Card requested</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="79" />
        <source>Titulaire de la carte : %1 (%2)</source>
        <translation>Card holder: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="82" />
        <source>Titulaire attendu</source>
        <translation>Expected holder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="85" />
        <source>État du lecteur de carte</source>
        <translation>Card reader status</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="90" />
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="91" />
        <source>Annuler la demande de carte</source>
        <translation>Cancel the card request</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="123" />
        <source>En attente de la carte… Placez-la dans le lecteur, puce vers le haut.</source>
        <translation>Waiting for the card… Put it in the reader, chip facing up.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="133" />
        <source>Cette carte (n° %1) n'est pas celle attendue. Retirez-la, puis insérez la carte %2.</source>
        <translation>This card (no. %1) is not the expected one. Remove it, then insert the card (%2).</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="142" />
        <source>Carte détectée (n° %1).</source>
        <translation>Card detected (no. %1).</translation>
    </message>
</context>
<context>
    <name>CeremonyAdapter</name>
    <message>
        <location filename="../../bureau_app/adapter.py" line="189" />
        <source>proces-verbal.pdf</source>
        <translation>minutes.pdf</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="269" />
        <source>Création de la clé du bureau et écriture d'une part sur chaque carte…</source>
        <translation>Creating the committee's key and writing a share on each card…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="286" />
        <source>Vote à blanc : bulletins de test chiffrés, vérifiés puis dépouillés avec les cartes présentes…</source>
        <translation>Test vote: test ballots encrypted, verified, then counted with the cards present…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="339" />
        <source>Déchiffrement avec les cartes du quorum…</source>
        <translation>Decrypting with the quorum cards…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="369" />
        <source>Signature des résultats avec les cartes présentes…</source>
        <translation>Signing the results with the cards present…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="392" />
        <source>Déchiffrements partiels faits et vérifiés : étape %1 sur %2</source>
        <translation>Partial decryptions made and verified: step %1 of %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="393" />
        <source>Résultats calculés, scrutin par scrutin : étape %1 sur %2</source>
        <translation>Results computed, contest by contest: step %1 of %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="394" />
        <source>Archive de chaque scrutin écrite : étape %1 sur %2</source>
        <translation>Each contest's archive written: step %1 of %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="398" />
        <source>Dépouillement : étape %1 sur %2</source>
        <translation>Count: step %1 of %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="457" />
        <source>Préparation de l'urne…</source>
        <translation>Preparing the ballot box…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="473" />
        <source>Vérification des bulletins : %1 sur %2</source>
        <translation>Checking ballots: %1 of %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="542" />
        <source>Carte à insérer (%1 sur %2)</source>
        <translation>Card to insert (%1 of %2)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="654" />
        <source>Fait : %1. Écrit dans : %2</source>
        <translation>Done: %1. Written to: %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="657" />
        <source>Fait : %1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="679" />
        <source>Tirage au sort interrompu : rien du tirage n'a été enregistré. Relancez le dépouillement pour le refaire.</source>
        <translation>Drawing of lots interrupted: nothing of the draw was recorded. Start the count again to redo it.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="684" />
        <source>Saisie du code annulée : rien n'a été enregistré. Recommencez l'étape.</source>
        <translation>PIN entry cancelled: nothing was recorded. Start the step again.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="711" />
        <source>Si l'empreinte a été mal saisie, corrigez-la avec « Corriger l'empreinte de la plateforme », puis importez de nouveau la définition. Si elle est juste, n'allez pas plus loin et prévenez l'organisateur.</source>
        <translation>If the fingerprint was mistyped, correct it with “Correct the platform's fingerprint”, then import the definition again. If it is right, go no further and tell the organiser.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="717" />
        <source>Rien n'a été enregistré pour cette étape ; ce qui était fait avant le reste. Recommencez l'étape, avec la même carte ou celle d'un autre membre.</source>
        <translation>Nothing was recorded for this step; what was done before stays done. Start the step again, with the same card or another member's.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/adapter.py" line="609" />
        <location filename="../../bureau_app/adapter.py" line="666" />
        <source>Annulé, rien n'a été enregistré : %1</source>
        <translation>Cancelled, nothing was recorded: %1</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../bureau_app/checklist_view.py" line="96" />
        <source>fait</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../bureau_app/checklist_view.py" line="96" />
        <source>à faire</source>
        <translation>to do</translation>
    </message>
    <message>
        <location filename="../../bureau_app/checklist_view.py" line="97" />
        <source>vérifié</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../bureau_app/checklist_view.py" line="97" />
        <source>échec</source>
        <translation>failed</translation>
    </message>
</context>
<context>
    <name>ContestPanel</name>
    <message>
        <location filename="../../bureau_app/results_view.py" line="47" />
        <source>Résultats : %1</source>
        <translation>Results: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="53" />
        <source>Scrutin</source>
        <translation>Contest</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="55" />
        <source>Inscrits, votants et blancs</source>
        <translation>Registered, voters and blank</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="60" />
        <source>Tableau des voix par liste : %1</source>
        <translation>Votes per list: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="63" />
        <source>Liste</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="63" />
        <source>Voix</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="63" />
        <source>% des exprimés</source>
        <translation>% of valid votes</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="63" />
        <source>Sièges</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="79" />
        <source>Égalités départagées</source>
        <translation>Ties broken</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="99" />
        <source>Inscrits : %1 · Votants : %2 · Blancs : %3 · Exprimés : %4</source>
        <translation>Registered: %1 · Voters: %2 · Blank: %3 · Valid votes: %4</translation>
    </message>
    <message>
        <location filename="../../bureau_app/tie_text.py" line="22" />
        <source>Égalité de moyenne entre %1 pour les %4 derniers sièges : un siège à chaque liste ayant obtenu le plus de suffrages (%5) ; entre %3, à égalité de suffrages, le tirage au sort attribue les autres à %2.</source>
        <translation>Tie on the highest average between %1 for the last %4 seats: one seat to each list with the most votes (%5); between %3, equal in votes, the drawing of lots awards the others to %2.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/tie_text.py" line="32" />
        <source>Égalité de moyenne entre %1 pour le dernier siège ; entre %3, à égalité de suffrages, il est attribué par tirage au sort à %2.</source>
        <translation>Tie on the highest average between %1 for the last seat; between %3, equal in votes, it is awarded by drawing lots to %2.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/tie_text.py" line="38" />
        <source>Égalité de moyenne entre %1 pour les %4 derniers sièges ; entre %3, à égalité de suffrages, ils sont attribués par tirage au sort à %2.</source>
        <translation>Tie on the highest average between %1 for the last %4 seats; between %3, equal in votes, they are awarded by drawing lots to %2.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/tie_text.py" line="46" />
        <source>Égalité de moyenne entre %1 pour le dernier siège : attribué par tirage au sort à %2.</source>
        <translation>Tie on the highest average between %1 for the last seat: awarded by drawing lots to %2.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/tie_text.py" line="51" />
        <source>Égalité de moyenne entre %1 pour le dernier siège : attribué à %2, la liste ayant obtenu le plus de suffrages.</source>
        <translation>Tie on the highest average between %1 for the last seat: awarded to %2, the list with the most votes.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/tie_text.py" line="56" />
        <source>Égalité de moyenne entre %1 pour le dernier siège : attribué à %2, la liste ayant présenté le plus de candidats.</source>
        <translation>Tie on the highest average between %1 for the last seat: awarded to %2, the list with the most candidates.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/tie_text.py" line="64" />
        <source>Égalité de moyenne entre %1 pour les %3 derniers sièges : attribués par tirage au sort à %2.</source>
        <translation>Tie on the highest average between %1 for the last %3 seats: awarded by drawing lots to %2.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/tie_text.py" line="69" />
        <source>Égalité de moyenne entre %1 pour les %3 derniers sièges : attribués à %2, les listes ayant obtenu le plus de suffrages.</source>
        <translation>Tie on the highest average between %1 for the last %3 seats: awarded to %2, the lists with the most votes.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/tie_text.py" line="74" />
        <source>Égalité de moyenne entre %1 pour les %3 derniers sièges : attribués à %2, les listes ayant présenté le plus de candidats.</source>
        <translation>Tie on the highest average between %1 for the last %3 seats: awarded to %2, the lists with the most candidates.</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="178" />
        <location filename="../../bureau_app/step_dialogs.py" line="179" />
        <source>Décision du bureau pendant le vote</source>
        <translation>The committee's decision during the vote</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="180" />
        <source>Que décide le bureau ?</source>
        <translation>What does the committee decide?</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="184" />
        <source>La décision est signée par la carte du président ou du secrétaire, puis écrite sur le support amovible pour la plateforme de vote. Elle figure au journal et au procès-verbal.</source>
        <translation>The decision is signed with the president's or the secretary's card, then written to removable media for the voting platform. It appears in the log and in the official report.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="190" />
        <source>Décision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="195" />
        <source>&amp;Suspendre le vote</source>
        <translation>&amp;Suspend the vote</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="196" />
        <source>&amp;Reprendre le vote</source>
        <translation>&amp;Resume the vote</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="197" />
        <source>Arrê&amp;ter le vote (définitivement)</source>
        <translation>S&amp;top the vote (for good)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="204" />
        <source>Impossible maintenant : voyez les décisions déjà prises au journal.</source>
        <translation>Not possible now: see the decisions already taken in the journal.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="211" />
        <source>Motif de la décision (obligatoire)</source>
        <translation>Reason for the decision (required)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="212" />
        <source>&amp;Motif (obligatoire), tel qu'il figurera au journal :</source>
        <translation>Reaso&amp;n (required), as it will appear in the log:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="217" />
        <source>Référence de l'autorisation du directeur général (obligatoire)</source>
        <translation>Reference of the director general's authorisation (required)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="220" />
        <source>Référence de l'&amp;autorisation du directeur général (obligatoire) :</source>
        <translation>Reference of the director general's &amp;authorisation (required):</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="224" />
        <source>Carte qui signe la décision</source>
        <translation>Card signing the decision</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="227" />
        <source>&amp;Carte qui signe :</source>
        <translation>Signing car&amp;d:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="229" />
        <source>Si&amp;gner la décision</source>
        <translation>Si&amp;gn the decision</translation>
    </message>
</context>
<context>
    <name>EndSummary</name>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="51" />
        <location filename="../../bureau_app/summary_view.py" line="54" />
        <source>Fin de la cérémonie</source>
        <translation>End of the ceremony</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="56" />
        <source>Titre : fin de la cérémonie</source>
        <translation>Title: end of the ceremony</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="57" />
        <source>L'archive de la cérémonie n'est pas encore écrite.</source>
        <translation>The ceremony archive is not written yet.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="59" />
        <source>Où sont les documents</source>
        <translation>Where the documents are</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="63" />
        <source>Documents de la cérémonie et leurs empreintes</source>
        <translation>The ceremony's documents and their fingerprints</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="65" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="65" />
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="65" />
        <source>Empreinte SHA-256</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="76" />
        <source>Il reste à faire, en public : imprimer la liste de remise des clés, puis chaque titulaire glisse sa carte dans un pli et écrit son code, seul, dans un autre pli ; les plis sont scellés séparément et remis à l'administration, qui les conserve deux ans avec l'archive (arrêté, art. 23).</source>
        <translation>Still to do, in public: print the key hand-over list; then each holder puts their card in one envelope and writes their PIN, alone, in another; the envelopes are sealed separately and handed to the administration, which keeps them two years with the archive (arrêté, art. 23).</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="83" />
        <source>Ce qui reste à faire</source>
        <translation>What remains to be done</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="84" />
        <location filename="../../bureau_app/summary_view.py" line="85" />
        <source>Ouvrir le dossier de l'archive</source>
        <translation>Open the archive folder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="86" />
        <source>Imprimer le procès-verbal signé…</source>
        <translation>Print the signed official report…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="87" />
        <source>Imprimer le procès-verbal signé</source>
        <translation>Print the signed official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="88" />
        <source>Imprimer la liste de remise des clés…</source>
        <translation>Print the key hand-over list…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="90" />
        <source>Imprimer la liste de remise des clés et les étiquettes</source>
        <translation>Print the key hand-over list and the labels</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="121" />
        <source>(dossier non mémorisé)</source>
        <translation>(folder not remembered)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="126" />
        <source>La cérémonie est terminée. L'archive (%1 fichiers, dont le journal) est dans : %2</source>
        <translation>The ceremony is over. The archive (%1 files, the journal included) is in: %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="135" />
        <source>Procès-verbal signé</source>
        <translation>Signed official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="136" />
        <source>Liste de remise des clés</source>
        <translation>Key hand-over list</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="137" />
        <source>Résultats signés (pour la publication)</source>
        <translation>Signed results (for publication)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/summary_view.py" line="138" />
        <source>Index de l'archive</source>
        <translation>Archive index</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="37" />
        <source>Un problème est survenu</source>
        <translation>A problem occurred</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="38" />
        <source>Message d'erreur</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="43" />
        <source>Une erreur inattendue est survenue et l'opération n'a pas été menée à son terme. Rien n'a été enregistré pour cette opération. Notez l'heure, puis appelez l'assistance technique en lui montrant les détails ci-dessous.</source>
        <translation>An unexpected error occurred and the operation was not completed. Nothing was recorded for this operation. Note the time, then call technical support and show them the details below.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="51" />
        <source>Symbole d'avertissement</source>
        <translation>Warning symbol</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="55" />
        <source>Ce qui s'est passé et ce qu'il faut faire</source>
        <translation>What happened and what to do</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="63" />
        <source>Ce que vous pouvez faire maintenant</source>
        <translation>What you can do now</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="70" />
        <location filename="../../bureau_app/error_dialog.py" line="77" />
        <source>Détails techniques</source>
        <translation>Technical details</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="71" />
        <source>Afficher les détails techniques</source>
        <translation>Show the technical details</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="83" />
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="84" />
        <source>Fermer le message</source>
        <translation>Close the message</translation>
    </message>
</context>
<context>
    <name>ExpertDialog</name>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="133" />
        <location filename="../../bureau_app/step_dialogs.py" line="141" />
        <source>Conclusions de l'expert</source>
        <translation>Expert's conclusions</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="134" />
        <source>Saisie des conclusions de l'expert</source>
        <translation>Entering the expert's conclusions</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="136" />
        <source>Nom de l'expert</source>
        <translation>Expert's name</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="137" />
        <source>&amp;Nom de l'expert :</source>
        <translation>Expert's &amp;name:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="142" />
        <source>&amp;Conclusions, telles que lues au bureau :</source>
        <translation>&amp;Conclusions, as read to the committee:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="145" />
        <source>L'expert constate que le système n'a fait l'objet d'&amp;aucune altération</source>
        <translation>The expert finds that the system has undergone &amp;no alteration</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="154" />
        <source>&amp;Consigner</source>
        <translation>&amp;Record</translation>
    </message>
</context>
<context>
    <name>ExpertView</name>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="73" />
        <source>Mode expert</source>
        <translation>Expert mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="74" />
        <source>Mode expert : vérification indépendante</source>
        <translation>Expert mode: independent verification</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="77" />
        <source>Titre : mode expert</source>
        <translation>Title: expert mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="80" />
        <source>Ouvrez une élection (fichier .bel ou dossier). Elle est lue sans être modifiée, puis chaque contrôle est affiché avec son résultat.</source>
        <translation>Open an election (.bel file or folder). It is read without being changed, then each check is shown with its result.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="85" />
        <source>Explication du mode expert</source>
        <translation>About expert mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="86" />
        <source>Ouvrir un fichier .&amp;bel…</source>
        <translation>Open a .&amp;bel file…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="87" />
        <source>Ouvrir un fichier d'élection .bel</source>
        <translation>Open a .bel election file</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="88" />
        <source>Ouvrir un &amp;dossier…</source>
        <translation>Open a fol&amp;der…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="89" />
        <source>Ouvrir un dossier d'élection</source>
        <translation>Open an election folder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="92" />
        <source>&amp;Imprimer le rapport…</source>
        <translation>Pri&amp;nt the report…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="93" />
        <source>Imprimer le rapport de vérification</source>
        <translation>Print the verification report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="94" />
        <source>Ex&amp;porter le rapport…</source>
        <translation>Ex&amp;port the report…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="96" />
        <source>Exporter le rapport de vérification (PDF, texte ou JSON)</source>
        <translation>Export the verification report (PDF, text or JSON)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="124" />
        <source>Élection à vérifier</source>
        <translation>Election to verify</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="124" />
        <source>Élection Belenios (*.bel)</source>
        <translation>Belenios election (*.bel)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="130" />
        <source>Dossier d'élection à vérifier</source>
        <translation>Election folder to verify</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="141" />
        <source>Lecture et contrôle de %1…</source>
        <translation>Reading and checking %1…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="157" />
        <source>Vérification de l'élection</source>
        <translation>Verifying the election</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="202" />
        <source>Rapport de vérification</source>
        <translation>Verification report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="210" />
        <source>Exporter le rapport de vérification</source>
        <translation>Export the verification report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="214" />
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="215" />
        <source>Texte (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="216" />
        <source>JSON pour les outils (*.json)</source>
        <translation>JSON for tools (*.json)</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="64" />
        <location filename="../../bureau_app/step_dialogs.py" line="109" />
        <source>Empreinte de la clé de la plateforme</source>
        <translation>Fingerprint of the platform key</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="65" />
        <source>Confirmation de l'empreinte de la plateforme</source>
        <translation>Confirming the platform fingerprint</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="66" />
        <source>Saisissez l'empreinte lue par l'organisateur</source>
        <translation>Type the fingerprint read out by the organiser</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="71" />
        <source>Cette empreinte identifie la plateforme de vote. L'organisateur vous la communique par un autre moyen (courrier, lecture à voix haute) : saisissez-la groupe par groupe ; elle doit être identique, caractère par caractère. Sinon, n'allez pas plus loin.</source>
        <translation>This fingerprint identifies the voting platform. The organiser gives it to you by another channel (letter, reading it out loud): type it group by group; it must be identical, character for character. Otherwise, go no further.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="84" />
        <source>Lue par l'organisateur (entraînement) :
%1</source>
        <translation>Read out by the organiser (training):
%1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="92" />
        <source>Empreinte lue par l'organisateur</source>
        <translation>Fingerprint read out by the organiser</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="98" />
        <source>Empreinte saisie la dernière fois (refusée à l'import si elle est fausse) :
%1</source>
        <translation>Fingerprint entered last time (refused at the import if it is wrong):
%1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="110" />
        <source>&amp;Empreinte (64 caractères, par groupes de quatre) :</source>
        <translation>&amp;Fingerprint (64 characters, in groups of four):</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="114" />
        <source>&amp;Confirmer : les empreintes sont identiques</source>
        <translation>&amp;Confirm: the fingerprints are identical</translation>
    </message>
</context>
<context>
    <name>FingerprintField</name>
    <message>
        <location filename="../../bureau_app/fingerprint_field.py" line="68" />
        <source>Caractère « %1 » impossible : une empreinte n'a que les chiffres 0 à 9 et les lettres a à f.</source>
        <translation>Character “%1” not possible: a fingerprint only has the digits 0 to 9 and the letters a to f.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/fingerprint_field.py" line="76" />
        <source>Trop long : %1 caractères pour %2 attendus.</source>
        <translation>Too long: %1 characters, %2 expected.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/fingerprint_field.py" line="85" />
        <source>Différente : le caractère n° %1 (groupe %2) ne correspond pas. Vérifiez la saisie avec l'organisateur.</source>
        <translation>Different: character no. %1 (group %2) does not match. Check the entry with the organiser.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/fingerprint_field.py" line="95" />
        <source>Incomplète : %1 caractères sur %2. Continuez la saisie.</source>
        <translation>Incomplete: %1 characters of %2. Keep typing.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/fingerprint_field.py" line="102" />
        <source>Identique, caractère par caractère, à l'empreinte attendue.</source>
        <translation>Identical, character for character, to the expected fingerprint.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/fingerprint_field.py" line="105" />
        <source>Complète : %1 caractères. Relisez-la groupe par groupe avec l'organisateur.</source>
        <translation>Complete: %1 characters. Read it back group by group with the organiser.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/fingerprint_field.py" line="131" />
        <source>Résultat de la comparaison</source>
        <translation>Result of the comparison</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../bureau_app/help.py" line="65" />
        <source>À quoi sert cette étape</source>
        <translation>What this step is for</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="66" />
        <source>Qui agit</source>
        <translation>Who acts</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="67" />
        <source>Déroulement</source>
        <translation>How it goes</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="68" />
        <source>Ce que prévoit le texte</source>
        <translation>What the regulation requires</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="88" />
        <source>Date :</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="89" />
        <source>Heure de début :</source>
        <translation>Start time:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="90" />
        <source>À apporter</source>
        <translation>To bring</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="91" />
        <source>Qui agit :</source>
        <translation>Who acts:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="92" />
        <source>Signatures des membres présents :</source>
        <translation>Signatures of the members present:</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../bureau_app/help.py" line="129" />
        <source>Aide</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="130" />
        <source>Aide du bureau de vote</source>
        <translation>Polling committee help</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="132" />
        <source>Texte de l'aide</source>
        <translation>Help text</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="134" />
        <source>Cette &amp;étape</source>
        <translation>This &amp;step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="135" />
        <source>Aide de l'étape en cours</source>
        <translation>Help on the current step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="136" />
        <source>&amp;Toutes les étapes</source>
        <translation>&amp;All steps</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="137" />
        <source>Aide de toutes les étapes</source>
        <translation>Help on every step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="138" />
        <source>Liste de la séance de &amp;scellement</source>
        <translation>&amp;Sealing session checklist</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="139" />
        <source>Liste à cocher de la séance de scellement</source>
        <translation>Checklist of the sealing session</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="140" />
        <source>Liste de la séance de &amp;dépouillement</source>
        <translation>&amp;Count session checklist</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="141" />
        <source>Liste à cocher de la séance de dépouillement</source>
        <translation>Checklist of the count session</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="142" />
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="143" />
        <source>Imprimer le texte affiché</source>
        <translation>Print the text shown</translation>
    </message>
    <message>
        <location filename="../../bureau_app/help.py" line="185" />
        <source>Aide : toutes les étapes</source>
        <translation>Help: every step</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="52" />
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="53" />
        <source>Heure (Paris)</source>
        <translation>Time (Paris)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="54" />
        <source>Étape</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="55" />
        <source>Personnes</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="56" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="57" />
        <source>Détails</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="115" />
        <location filename="../../bureau_app/journal_view.py" line="123" />
        <source>Journal du bureau</source>
        <translation>Committee log</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="125" />
        <source>Titre : journal du bureau</source>
        <translation>Title: committee log</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="127" />
        <source>Rechercher (nom, action, étape…)</source>
        <translation>Search (name, action, step…)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="128" />
        <source>Rechercher dans le journal</source>
        <translation>Search the log</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="131" />
        <source>Effacer la recherche</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="134" />
        <source>Nombre d'entrées affichées</source>
        <translation>Number of entries shown</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="138" />
        <source>Entrées du journal</source>
        <translation>Log entries</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="161" />
        <source>Choisissez une entrée pour la lire en entier.</source>
        <translation>Choose an entry to read it in full.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="162" />
        <source>Entrée choisie, en entier</source>
        <translation>Chosen entry, in full</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="221" />
        <source>N° %1 · %2 · %3
Personnes : %4
Action : %5
Détails : %6</source>
        <translation>No. %1 · %2 · %3
People: %4
Action: %5
Details: %6</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="234" />
        <source>Aucune entrée</source>
        <translation>No entries</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="234" />
        <source>1 entrée</source>
        <translation>1 entry</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="234" />
        <source>%1 entrées</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="238" />
        <source>Aucune entrée trouvée sur %2</source>
        <translation>No entry found out of %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="239" />
        <source>1 entrée trouvée sur %2</source>
        <translation>1 entry found out of %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="240" />
        <source>%1 entrées trouvées sur %2</source>
        <translation>%1 entries found out of %2</translation>
    </message>
</context>
<context>
    <name>MovementDialog</name>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="429" />
        <source>Arrivée ou départ d'un membre</source>
        <translation>A member arrives or leaves</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="430" />
        <location filename="../../bureau_app/rollcall_dialogs.py" line="433" />
        <source>Arrivée ou départ d'un membre pendant la %1</source>
        <translation>A member arrives or leaves during the %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="438" />
        <source>Consignez l'arrivée d'un membre avant qu'il ne présente sa carte, et le départ d'un membre quand il quitte la salle : le procès-verbal les reprend avec leur heure.</source>
        <translation>Record a member's arrival before they present their card, and a member's departure when they leave the room: the official record (procès-verbal) gives both with their time.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="442" />
        <source>Explication</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="447" />
        <source>Arrivée</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="448" />
        <source>Départ</source>
        <translation>Departure</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="449" />
        <source>Arrivée ou départ</source>
        <translation>Arrival or departure</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="450" />
        <source>&amp;Mouvement :</source>
        <translation>&amp;Movement:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="453" />
        <source>Membre qui arrive ou qui part</source>
        <translation>Member arriving or leaving</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="454" />
        <source>M&amp;embre :</source>
        <translation>M&amp;ember:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="457" />
        <source>Heure de l'arrivée ou du départ (heure de Paris)</source>
        <translation>Time of the arrival or departure (Paris time)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="458" />
        <source>&amp;Heure (heure de Paris) :</source>
        <translation>&amp;Time (Paris time):</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="464" />
        <source>Ce qui empêche de consigner</source>
        <translation>What prevents recording</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="466" />
        <source>&amp;Consigner</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="483" />
        <source>Tous les membres sont déjà présents : personne ne peut arriver.</source>
        <translation>Every member is already present: nobody can arrive.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="485" />
        <source>Aucun membre présent ne peut partir.</source>
        <translation>No member present can leave.</translation>
    </message>
</context>
<context>
    <name>PhasePage</name>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="43" />
        <source>Titre de l'étape</source>
        <translation>Step title</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="47" />
        <source>Symbole de l'état de l'étape</source>
        <translation>Step status symbol</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="49" />
        <source>État de l'étape</source>
        <translation>Step status</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="54" />
        <location filename="../../bureau_app/phase_page.py" line="55" />
        <source>À faire dans cette étape</source>
        <translation>To do in this step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="58" />
        <location filename="../../bureau_app/phase_page.py" line="59" />
        <source>Ce qui a été vérifié</source>
        <translation>What has been verified</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="71" />
        <source>Indication sur la prochaine action</source>
        <translation>About the next action</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="74" />
        <source>Autres actions possibles maintenant :</source>
        <translation>Other actions possible now:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="117" />
        <source>Page de l'étape %1</source>
        <translation>Page of step %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="119" />
        <source>Étape %1 sur %2 : %3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="123" />
        <source>État : %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="124" />
        <source>Aucune tâche pour cette étape.</source>
        <translation>No task in this step.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="125" />
        <source>Rien n'a encore été vérifié.</source>
        <translation>Nothing has been verified yet.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="128" />
        <source>Aucune action à faire maintenant</source>
        <translation>No action to take now</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="131" />
        <source>Cette étape est terminée.</source>
        <translation>This step is finished.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="132" />
        <source>Rien à faire pour le moment : attendez la suite.</source>
        <translation>Nothing to do for now: wait for what comes next.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="133" />
        <source>Cette étape viendra plus tard.</source>
        <translation>This step comes later.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="140" />
        <source>Prochaine action (raccourci : Ctrl+Entrée) :</source>
        <translation>Next action (shortcut: Ctrl+Enter):</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="142" />
        <source>Prochaine action : %1</source>
        <translation>Next action: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="156" />
        <source>Action possible : %1</source>
        <translation>Possible action: %1</translation>
    </message>
</context>
<context>
    <name>PhasePanel</name>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="21" />
        <source>à faire</source>
        <translation>to do</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="22" />
        <source>en cours</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="23" />
        <source>fait</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="45" />
        <source>Étapes du bureau</source>
        <translation>Committee steps</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="47" />
        <source>Liste des étapes, chacune marquée à faire, en cours ou fait</source>
        <translation>List of steps, each marked to do, in progress or done</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="68" />
        <source>Étape %1 : %2, %3</source>
        <translation>Step %1: %2, %3</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="75" />
        <source>Préparation</source>
        <translation>Preparation</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="76" />
        <source>Cérémonie des clés</source>
        <translation>Key ceremony</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="77" />
        <source>Vote à blanc</source>
        <translation>Test vote</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="78" />
        <source>Scellement</source>
        <translation>Sealing</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="79" />
        <source>Vote ouvert</source>
        <translation>Voting open</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="80" />
        <source>Clôture et contrôle de l'urne</source>
        <translation>Closing and urn check</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="81" />
        <source>Conclusions de l'expert</source>
        <translation>Expert's conclusions</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="84" />
        <source>Archivage et remise des clés</source>
        <translation>Archiving and key hand-over</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="82" />
        <source>Dépouillement</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="83" />
        <source>Procès-verbal</source>
        <translation>Official report</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="61" />
        <source>Code de la carte</source>
        <translation>Card PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="62" />
        <source>Saisie du code de la carte</source>
        <translation>Card PIN entry</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="151" />
        <source>%1, tapez le code de votre carte</source>
        <translation>%1, type your card's PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="67" />
        <source>Qui doit taper son code</source>
        <translation>Who must type their PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="70" />
        <source>Pourquoi ce code est demandé</source>
        <translation>Why this PIN is asked for</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="73" />
        <source>Le code ne s'affiche pas. Vérifiez que personne ne voit le clavier.</source>
        <translation>The PIN is not shown. Make sure nobody can see the keyboard.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="76" />
        <source>Conseil de confidentialité</source>
        <translation>Privacy advice</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="79" />
        <source>Code de la carte (masqué)</source>
        <translation>Card PIN (hidden)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="81" />
        <source>&amp;Code :</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="81" />
        <source>&amp;Nouveau code :</source>
        <translation>&amp;New PIN:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="83" />
        <source>Code</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="86" />
        <source>Nouveau code, une seconde fois (masqué)</source>
        <translation>New PIN, a second time (hidden)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="88" />
        <source>&amp;Retapez le nouveau code :</source>
        <translation>&amp;Type the new PIN again:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="90" />
        <source>Confirmation du code</source>
        <translation>PIN confirmation</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="96" />
        <source>Essais restants</source>
        <translation>Tries remaining</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="101" />
        <source>Problème avec le code choisi</source>
        <translation>Problem with the chosen PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="109" />
        <source>&amp;Valider</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="110" />
        <source>Valider le code</source>
        <translation>Confirm the PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="114" />
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="115" />
        <source>Annuler la saisie du code</source>
        <translation>Cancel the PIN entry</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="148" />
        <source>%1, choisissez le code de votre carte</source>
        <translation>%1, choose your card's PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="149" />
        <source>Choisissez le code de la carte</source>
        <translation>Choose the card's PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="152" />
        <source>Tapez le code de la carte</source>
        <translation>Type the card's PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="159" />
        <source>Au moins %1 caractères. Les codes d'usine (123456…) sont refusés. Retenez ce code : personne d'autre ne le connaîtra.</source>
        <translation>At least %1 characters. Factory PINs (123456…) are refused. Remember this PIN: nobody else will know it.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="167" />
        <source>La carte est bloquée : plus aucun essai possible. Prévenez les membres du bureau : l'étape peut se faire avec une autre carte.</source>
        <translation>The card is blocked: no tries left. Tell the committee members: the step can be done with another card.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="171" />
        <source>Attention : dernier essai. Un code faux de plus bloque la carte.</source>
        <translation>Warning: last try. One more wrong PIN blocks the card.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="172" />
        <source>Il reste %1 essais avant le blocage de la carte.</source>
        <translation>%1 tries left before the card is blocked.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="186" />
        <source>Les deux codes tapés sont différents.</source>
        <translation>The two PINs typed are different.</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <location filename="../../bureau_app/platform_sources.py" line="123" />
        <source>Définition de l'élection</source>
        <translation>Election definition</translation>
    </message>
    <message>
        <location filename="../../bureau_app/platform_sources.py" line="124" />
        <location filename="../../bureau_app/platform_sources.py" line="145" />
        <location filename="../../bureau_app/platform_sources.py" line="152" />
        <source>Paquet (*.zip)</source>
        <translation>Bundle (*.zip)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/platform_sources.py" line="145" />
        <source>État du vote</source>
        <translation>Vote status</translation>
    </message>
    <message>
        <location filename="../../bureau_app/platform_sources.py" line="152" />
        <source>Urne close</source>
        <translation>Closed ballot box</translation>
    </message>
    <message>
        <location filename="../../bureau_app/platform_sources.py" line="159" />
        <source>Dossier où écrire le scellement (clé USB)</source>
        <translation>Folder to write the seal to (USB stick)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/platform_sources.py" line="164" />
        <source>Dossier où écrire la décision (clé USB)</source>
        <translation>Folder to write the decision to (USB stick)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/platform_sources.py" line="173" />
        <source>Dossier de l'archive de la cérémonie</source>
        <translation>Folder for the ceremony archive</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../bureau_app/printing.py" line="29" />
        <source>ENTRAÎNEMENT — sans valeur légale</source>
        <translation>TRAINING — no legal value</translation>
    </message>
    <message>
        <location filename="../../bureau_app/printing.py" line="46" />
        <source>Imprimer : %1</source>
        <translation>Print: %1</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="27" />
        <source>Temps restant : estimation en cours…</source>
        <translation>Time remaining: estimating…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="29" />
        <source>Presque terminé…</source>
        <translation>Almost done…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="31" />
        <source>Temps restant : moins d'une minute</source>
        <translation>Time remaining: less than a minute</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="35" />
        <source>Temps restant : environ 1 minute</source>
        <translation>Time remaining: about 1 minute</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="36" />
        <source>Temps restant : environ %1 minutes</source>
        <translation>Time remaining: about %1 minutes</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="41" />
        <source>Temps restant : environ %1 h %2 min</source>
        <translation>Time remaining: about %1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="59" />
        <source>Opération en cours</source>
        <translation>Operation in progress</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="60" />
        <source>Démarrage…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="62" />
        <source>Étape de l'opération</source>
        <translation>Operation step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="65" />
        <source>Avancement</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="67" />
        <source>Temps restant estimé</source>
        <translation>Estimated time remaining</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="69" />
        <source>Vous pouvez annuler sans risque.</source>
        <translation>You can cancel safely.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="71" />
        <source>Cette opération ne peut pas être interrompue. Merci de patienter.</source>
        <translation>This operation cannot be interrupted. Please wait.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="74" />
        <source>Peut-on annuler ?</source>
        <translation>Can it be cancelled?</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="86" />
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="87" />
        <source>Annuler l'opération</source>
        <translation>Cancel the operation</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="114" />
        <source>Annulation demandée : arrêt au prochain point sûr…</source>
        <translation>Cancel requested: stopping at the next safe point…</translation>
    </message>
</context>
<context>
    <name>ProjectionWindow</name>
    <message>
        <location filename="../../bureau_app/projection.py" line="36" />
        <source>Projection des résultats</source>
        <translation>Results projection</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="37" />
        <source>Projection des résultats en grands caractères</source>
        <translation>Results projection in large print</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="49" />
        <source>Scrutin projeté</source>
        <translation>Contest shown</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="50" />
        <source>Inscrits, votants et blancs</source>
        <translation>Registered, voters and blank</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="51" />
        <source>Égalités départagées</source>
        <translation>Ties broken</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="57" />
        <source>Aide à la navigation</source>
        <translation>Navigation help</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="60" />
        <source>ENTRAÎNEMENT — sans valeur légale</source>
        <translation>TRAINING — no legal value</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="67" />
        <source>Avertissement : entraînement</source>
        <translation>Warning: training</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="73" />
        <source>◀ Précédent</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="73" />
        <source>Scrutin précédent</source>
        <translation>Previous contest</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="76" />
        <source>Suivant ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="76" />
        <source>Scrutin suivant</source>
        <translation>Next contest</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="79" />
        <source>Plein écran</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="80" />
        <source>Passer du plein écran à une fenêtre, ou l'inverse</source>
        <translation>Switch between full screen and a window</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="84" />
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="84" />
        <source>Fermer la projection</source>
        <translation>Close the projection</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="223" />
        <source>Aucun résultat à projeter</source>
        <translation>No results to show</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="227" />
        <source>Échap : fermer</source>
        <translation>Esc: close</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="238" />
        <source>Inscrits %1 · Votants %2 · Blancs %3</source>
        <translation>Registered %1 · Voters %2 · Blank %3</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="251" />
        <source>Scrutin %1 sur %2 · Page suivante / précédente : changer · F11 : plein écran · Échap : fermer</source>
        <translation>Contest %1 of %2 · Page Down / Page Up: change · F11: full screen · Esc: close</translation>
    </message>
</context>
<context>
    <name>PvPreview</name>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="56" />
        <source>Aperçu du procès-verbal</source>
        <translation>Official report preview</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="57" />
        <source>Procès-verbal</source>
        <translation>Official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="59" />
        <source>Titre : procès-verbal</source>
        <translation>Title: official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="60" />
        <source>Aucun procès-verbal pour le moment.</source>
        <translation>No official report yet.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="62" />
        <source>État de l'aperçu</source>
        <translation>Preview status</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="63" />
        <source>Ex&amp;porter le PDF…</source>
        <translation>Ex&amp;port the PDF…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="64" />
        <source>Exporter le procès-verbal en PDF</source>
        <translation>Export the official report as PDF</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="67" />
        <source>&amp;Imprimer…</source>
        <translation>Pri&amp;nt…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="68" />
        <source>Imprimer le procès-verbal</source>
        <translation>Print the official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="71" />
        <source>Retour à l'étape en cours</source>
        <translation>Back to the current step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="72" />
        <source>Revenir à l'étape en cours</source>
        <translation>Back to the current step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="84" />
        <source>Pages du procès-verbal</source>
        <translation>Pages of the official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="100" />
        <source>Préparation de l'aperçu de %1…</source>
        <translation>Preparing the preview of %1…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="127" />
        <source>Page %1 sur %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="153" />
        <source>1 page</source>
        <translation>1 page</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="153" />
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="157" />
        <source>Relisez chaque page avant de signer.</source>
        <translation>Read every page before signing.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="160" />
        <source>Signé par %1 membres sur %2 : les autres relisent avant de signer.</source>
        <translation>Signed by %1 members of %2: the others read it before signing.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="166" />
        <source>Signé par 1 membre sur %1 : les autres relisent avant de signer.</source>
        <translation>Signed by 1 member of %1: the others read it before signing.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="170" />
        <source>Signé par tous les membres requis. Ce document ne change plus.</source>
        <translation>Signed by every required member. This document no longer changes.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="171" />
        <source>%1 : %2. %3</source>
        <translation>%1: %2. %3</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="184" />
        <source>%1 envoyé à l'imprimante (%2 pages).</source>
        <translation>%1 sent to the printer (%2 pages).</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="211" />
        <source>Aperçu indisponible. Le document peut quand même être exporté.</source>
        <translation>Preview unavailable. The document can still be exported.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="220" />
        <source>Exporter le procès-verbal</source>
        <translation>Export the official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="222" />
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="232" />
        <source>Procès-verbal exporté : %1</source>
        <translation>Official report exported: %1</translation>
    </message>
</context>
<context>
    <name>QtLotsAsker</name>
    <message>
        <location filename="../../bureau_app/lots_bridge.py" line="88" />
        <source>Tirage au sort : %1</source>
        <translation>Drawing of lots: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/lots_bridge.py" line="92" />
        <source>Chaque membre présent tape une valeur que personne ne voit. Retenez-la : vous la retaperez à l'identique, en public, quand toutes les valeurs auront été données. Ensemble, elles désignent le sort.</source>
        <translation>Each member present types a value nobody sees. Remember it: you will type it again exactly, in public, once every value has been given. Together they decide the draw.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/lots_bridge.py" line="98" />
        <source>Retapez exactement la valeur cachée que vous avez choisie : elle s'affiche, pour que chacun puisse la noter.</source>
        <translation>Type again exactly the hidden value you chose: it is shown, so that everyone can note it.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/lots_bridge.py" line="106" />
        <source>Valeur pour le tirage au sort</source>
        <translation>Value for the drawing of lots</translation>
    </message>
</context>
<context>
    <name>Quorum</name>
    <message>
        <location filename="../../bureau_app/quorum.py" line="146" />
        <source>un</source>
        <translation>one</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="147" />
        <source>deux</source>
        <translation>two</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="148" />
        <source>trois</source>
        <translation>three</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="149" />
        <source>quatre</source>
        <translation>four</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="150" />
        <source>cinq</source>
        <translation>five</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="151" />
        <source>six</source>
        <translation>six</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="152" />
        <source>sept</source>
        <translation>seven</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="153" />
        <source>huit</source>
        <translation>eight</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="154" />
        <source>neuf</source>
        <translation>nine</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="155" />
        <source>dix</source>
        <translation>ten</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="168" />
        <source>%1 ou %2</source>
        <translation>%1 or %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="180" />
        <location filename="../../bureau_app/quorum.py" line="186" />
        <source>la carte de %1</source>
        <translation>the card of %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="188" />
        <source>la carte de la présidence ou du secrétariat</source>
        <translation>the card of the president or of the secretary</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="194" />
        <source>la carte de la déléguée de liste : %2</source>
        <translation>the card of the list delegate: %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="195" />
        <source>la carte du délégué de liste : %2</source>
        <translation>the card of the list delegate: %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="198" />
        <source>la carte de la délégation de liste : %2</source>
        <translation>the card of the list delegate: %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="203" />
        <source>les cartes des %1 délégués de liste : %2</source>
        <translation>the cards of the %1 list delegates: %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="208" />
        <source>un délégué de liste parmi %2 : %3</source>
        <translation>one list delegate of %2: %3</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum.py" line="210" />
        <source>%1 délégués de liste parmi %2 : %3</source>
        <translation>%1 list delegates of %2: %3</translation>
    </message>
</context>
<context>
    <name>QuorumPromptDialog</name>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="102" />
        <source>Demande des cartes du quorum</source>
        <translation>Request for the quorum's cards</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="106" />
        <source>Dessin d'une carte à puce</source>
        <translation>Drawing of a smart card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="110" />
        <source>Cartes demandées</source>
        <translation>Cards requested</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="114" />
        <source>Qui peut présenter sa carte</source>
        <translation>Who may present their card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="116" />
        <source>Membres et cartes déjà prises en compte</source>
        <translation>Members and cards already taken</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="126" />
        <source>État du lecteur de carte</source>
        <translation>Card reader status</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="134" />
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="135" />
        <source>Annuler la demande de cartes</source>
        <translation>Cancel the request for cards</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="163" />
        <source>En attente d'une carte… Placez-la dans le lecteur, puce vers le haut.</source>
        <translation>Waiting for a card… Put it in the reader, chip facing up.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="166" />
        <source>Avec les membres présents à la séance, cette étape ne peut pas se faire. Annulez, puis consignez l'arrivée du membre attendu (« Arrivée ou départ d'un membre ») avant de recommencer l'étape.</source>
        <translation>With the members present at the session, this step cannot be done. Cancel, then record the expected member's arrival ("A member arrives or leaves") before starting the step again.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="196" />
        <source>Présentez une carte : un membre qui n'a pas encore signé</source>
        <translation>Present a card: a member who has not signed yet</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="200" />
        <source>Les cartes de tous les membres, dans l'ordre de votre choix</source>
        <translation>Every member's card, in any order</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="203" />
        <source>Les cartes du quorum, parmi les membres présents</source>
        <translation>The quorum's cards, from the members present</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="206" />
        <source>Encore nécessaire :</source>
        <translation>Still needed:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="208" />
        <source>Le quorum est atteint.</source>
        <translation>The quorum is reached.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="212" />
        <source>Pas à la séance (leur carte ne sert pas) : %1.</source>
        <translation>Not at the session (their card cannot be used): %1.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="219" />
        <source>déjà fait</source>
        <translation>already done</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="222" />
        <source>carte et code vérifiés</source>
        <translation>card and PIN checked</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="225" />
        <source>code en cours de saisie</source>
        <translation>PIN being typed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="231" />
        <source>carte bloquée</source>
        <translation>card blocked</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="234" />
        <source>peut présenter sa carte</source>
        <translation>may present their card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="237" />
        <source>pas nécessaire</source>
        <translation>not needed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="239" />
        <location filename="../../bureau_app/quorum_prompt.py" line="245" />
        <source>%1 : %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="281" />
        <source>Un instant : le code de la carte de %1 est en cours de saisie.</source>
        <translation>One moment: the PIN of %1's card is being typed.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="291" />
        <source>La présence de %1 n'est pas consignée à cette séance (%2) : sa carte ne peut pas servir. Retirez-la. Si ce membre vient d'arriver, consignez d'abord son arrivée (« Arrivée ou départ d'un membre »).</source>
        <translation>%1 is not recorded present at this session (%2): their card cannot be used. Remove it. If this member has just arrived, first record the arrival ("A member arrives or leaves").</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="305" />
        <source>Cette carte (n° %1) n'est pas une carte de ce bureau pour cette étape. Retirez-la.</source>
        <translation>This card (no. %1) is not a card of this committee for this step. Remove it.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="315" />
        <source>La carte de %1 est déjà prise en compte.</source>
        <translation>The card of %1 is already taken.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="322" />
        <source>La carte de %1 n'est pas nécessaire : ce rôle est déjà représenté. Retirez-la.</source>
        <translation>The card of %1 is not needed: this role is already present. Remove it.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="350" />
        <source>La carte de %1 ne peut pas être lue : %2</source>
        <translation>The card of %1 cannot be read: %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="361" />
        <source>Carte de %1 détectée (n° %2). Saisissez le code de cette carte.</source>
        <translation>Card of %1 detected (no. %2). Type this card's PIN.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="394" />
        <source>Toutes les cartes nécessaires sont là. L'étape commence.</source>
        <translation>All the cards needed are here. The step starts.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="400" />
        <source>Carte de %1 : code correct, carte prise en compte. Laissez-la dans son lecteur jusqu'à la fin de l'étape ; carte suivante dans un autre lecteur.</source>
        <translation>Card of %1: PIN correct, card taken. Leave it in its reader until the end of the step; next card in another reader.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="404" />
        <source>Carte de %1 : code correct, carte prise en compte. Carte suivante.</source>
        <translation>Card of %1: PIN correct, card taken. Next card.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="424" />
        <source>Code incorrect pour la carte de %1 : il reste un seul essai avant blocage. %2</source>
        <translation>Wrong PIN for the card of %1: only one try left before the card is blocked. %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="427" />
        <source>Code incorrect pour la carte de %1. %2</source>
        <translation>Wrong PIN for the card of %1. %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="430" />
        <source>Code incorrect pour la carte de %1 : il reste %3 essais avant blocage. %2</source>
        <translation>Wrong PIN for the card of %1: %3 tries left before the card is blocked. %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="439" />
        <source>Saisie du code annulée pour la carte de %1. Les cartes déjà prises en compte le restent. %2</source>
        <translation>PIN entry cancelled for the card of %1. The cards already taken stay taken. %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="450" />
        <source>La carte de %1 est bloquée (trop de codes faux). %2</source>
        <translation>The card of %1 is blocked (too many wrong PINs). %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="454" />
        <source>Carte de %1 : %2 %3</source>
        <translation>Card of %1: %2 %3</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="459" />
        <source>Carte de %1 : erreur imprévue (%2). %3</source>
        <translation>Card of %1: unexpected error (%2). %3</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="471" />
        <source>Le quorum ne peut plus être atteint avec les cartes restantes : annulez et appelez l'organisateur.</source>
        <translation>The quorum can no longer be reached with the remaining cards: cancel and call the organiser.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="495" />
        <source>&amp;Ressaisir le code de %1</source>
        <translation>&amp;Retype the PIN of %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="509" />
        <source>Ressaisissez le code.</source>
        <translation>Type the PIN again.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="511" />
        <source>Ressaisissez le code, ou un autre membre présente sa carte : %1.</source>
        <translation>Type the PIN again, or another member presents their card: %1.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/quorum_prompt.py" line="520" />
        <source>Terminez ou annulez d'abord la saisie du code en cours.</source>
        <translation>First finish or cancel the PIN being typed.</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <location filename="../../bureau_app/records.py" line="25" />
        <source>Empreinte de la plateforme confirmée</source>
        <translation>Platform fingerprint confirmed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="26" />
        <source>Définition de l'élection importée</source>
        <translation>Election definition imported</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="27" />
        <source>Carte d'un membre enregistrée</source>
        <translation>A member's card registered</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="28" />
        <source>Clés du bureau créées</source>
        <translation>Committee keys created</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="29" />
        <source>Vote à blanc conforme</source>
        <translation>Test vote as expected</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="30" />
        <source>Scellement signé</source>
        <translation>Seal signed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="31" />
        <source>Scellement remis à la plateforme</source>
        <translation>Seal handed to the platform</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="32" />
        <source>État du vote importé</source>
        <translation>Vote status imported</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="33" />
        <source>Décision du bureau exportée</source>
        <translation>Committee decision exported</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="34" />
        <source>Urne importée et vérifiée</source>
        <translation>Ballot box imported and checked</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="35" />
        <source>Conclusions de l'expert consignées</source>
        <translation>Expert's conclusions recorded</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="36" />
        <source>Dépouillement fait</source>
        <translation>Count done</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="37" />
        <source>Procès-verbal établi</source>
        <translation>Minutes drawn up</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="38" />
        <source>Procès-verbal signé</source>
        <translation>Minutes signed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="39" />
        <source>Résultats signés exportés</source>
        <translation>Signed results exported</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="40" />
        <source>Archive de la cérémonie écrite</source>
        <translation>Ceremony archive written</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="41" />
        <source>Nouveau décompte identique</source>
        <translation>Recount identical</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="42" />
        <source>Nouveau décompte commencé</source>
        <translation>Recount started</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="43" />
        <source>Événement d'une carte</source>
        <translation>Card event</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="44" />
        <source>Carte vérifiée</source>
        <translation>Card checked</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="45" />
        <source>Carte effacée</source>
        <translation>Card wiped</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="46" />
        <source>Carte débloquée</source>
        <translation>Card unblocked</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="47" />
        <source>Code de réinitialisation d'une carte défini</source>
        <translation>Card resetting code set</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="50" />
        <source>Tirage au sort : valeurs engagées</source>
        <translation>Drawing of lots: values committed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="51" />
        <source>Tirage au sort : valeurs révélées</source>
        <translation>Drawing of lots: values revealed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="52" />
        <source>Tirage au sort physique consigné</source>
        <translation>Physical drawing of lots recorded</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="53" />
        <source>Séance de scellement ouverte</source>
        <translation>Sealing session opened</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="54" />
        <source>Séance de scellement close</source>
        <translation>Sealing session closed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="55" />
        <source>Séance de dépouillement ouverte</source>
        <translation>Counting session opened</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="56" />
        <source>Séance de dépouillement close</source>
        <translation>Counting session closed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="57" />
        <source>Arrivée ou départ pendant une séance</source>
        <translation>Arrival or departure during a session</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="58" />
        <source>Mesures prises après une intervention</source>
        <translation>Measures taken after an intervention</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="81" />
        <source>suspension du vote</source>
        <translation>vote suspended</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="82" />
        <source>reprise du vote</source>
        <translation>vote resumed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="83" />
        <source>arrêt du vote</source>
        <translation>vote stopped</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="101" />
        <source>%1 · motif : %2</source>
        <translation>%1 · reason: %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="112" />
        <source>%1 : %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="118" />
        <source>%1 bulletin vérifié</source>
        <translation>%1 ballot checked</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="119" />
        <source>%1 bulletins vérifiés</source>
        <translation>%1 ballots checked</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="126" />
        <location filename="../../bureau_app/records.py" line="153" />
        <source>%1 émargement</source>
        <translation>%1 signature in the register</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="127" />
        <location filename="../../bureau_app/records.py" line="154" />
        <source>%1 émargements</source>
        <translation>%1 signatures in the register</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="135" />
        <source>%1 intervention signalée</source>
        <translation>%1 intervention reported</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="136" />
        <source>%1 interventions signalées</source>
        <translation>%1 interventions reported</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="147" />
        <source>n° %1 · %2</source>
        <translation>no. %1 · %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="163" />
        <source>Clé publique du bureau : %1</source>
        <translation>Committee public key: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="169" />
        <source>%1 scrutin conforme</source>
        <translation>%1 contest as expected</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="170" />
        <source>%1 scrutins conformes</source>
        <translation>%1 contests as expected</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="175" />
        <source>%1 fichier écrit</source>
        <translation>%1 file written</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="176" />
        <source>%1 fichiers écrits</source>
        <translation>%1 files written</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="181" />
        <source>%1 scrutin dépouillé</source>
        <translation>%1 contest counted</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="182" />
        <source>%1 scrutins dépouillés</source>
        <translation>%1 contests counted</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="185" />
        <source>Document à signer : %1</source>
        <translation>Document to sign: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/records.py" line="187" />
        <source>Paquet n° %1</source>
        <translation>Bundle no. %1</translation>
    </message>
</context>
<context>
    <name>RecountDialog</name>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="103" />
        <source>Nouveau décompte à partir d'une archive</source>
        <translation>Recount from an archive</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="104" />
        <source>Nouveau décompte à partir de l'archive de la cérémonie</source>
        <translation>Recount from the ceremony archive</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="108" />
        <source>Nouveau décompte à partir de l'archive</source>
        <translation>Recount from the archive</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="113" />
        <source>Les clés et les fichiers sont conservés deux ans pour permettre une nouvelle exécution du décompte des votes (art. 23 de l'arrêté). Sur n'importe quel ordinateur : l'archive de la cérémonie est d'abord vérifiée en entier, puis un quorum légal de membres présente ses cartes — pas forcément les mêmes qu'au dépouillement. Le résultat est comparé aux résultats archivés et un rapport signé est écrit à côté de l'archive, qui n'est jamais modifiée.</source>
        <translation>Keys and files are kept two years so that the counting of the votes can be run again (art. 23 of the arrêté). On any computer: the ceremony archive is first verified in full, then a legal quorum of members presents their cards — not necessarily those of the count. The result is compared with the archived results and a signed report is written beside the archive, which is never modified.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="122" />
        <source>À quoi sert ce nouveau décompte</source>
        <translation>What this recount is for</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="129" />
        <location filename="../../bureau_app/recount_view.py" line="222" />
        <source>Dossier de l'archive de la cérémonie</source>
        <translation>Folder of the ceremony archive</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="130" />
        <source>le dossier qui contient archive.json</source>
        <translation>the folder that holds archive.json</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="133" />
        <source>Nouveau dossier de travail du décompte (nouveau ou vide)</source>
        <translation>New working folder of the recount (new or empty)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="136" />
        <location filename="../../bureau_app/recount_view.py" line="239" />
        <source>Dossier des cartes d'entraînement</source>
        <translation>Folder of the training cards</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="137" />
        <source>&amp;Archive de la cérémonie :</source>
        <translation>Ceremony &amp;archive:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="139" />
        <source>&amp;Nouveau dossier de travail :</source>
        <translation>&amp;New working folder:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="141" />
        <source>Cartes d'&amp;entraînement :</source>
        <translation>&amp;Training cards:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="143" />
        <source>&amp;Choisir…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="144" />
        <source>Choisir le dossier de l'archive</source>
        <translation>Choose the archive folder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="145" />
        <source>C&amp;hoisir ou créer…</source>
        <translation>C&amp;hoose or create…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="147" />
        <source>Choisir ou créer le nouveau dossier de travail</source>
        <translation>Choose or create the new working folder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="149" />
        <source>Choi&amp;sir…</source>
        <translation>Choo&amp;se…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="150" />
        <source>Choisir le dossier des cartes d'entraînement</source>
        <translation>Choose the training cards folder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="173" />
        <source>État du nouveau décompte</source>
        <translation>Recount status</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="174" />
        <source>&amp;Vérifier l'archive et recompter</source>
        <translation>&amp;Verify the archive and recount</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="176" />
        <source>Vérifier l'archive, demander les cartes du quorum et recompter</source>
        <translation>Verify the archive, ask for the quorum's cards and recount</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="180" />
        <source>&amp;Fermer</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="181" />
        <source>Fermer l'écran du nouveau décompte</source>
        <translation>Close the recount screen</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="231" />
        <source>Nouveau dossier de travail (nouveau ou vide)</source>
        <translation>New working folder (new or empty)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="268" />
        <source>Archive de la cérémonie du bureau « %1 » (%2 membres). %3</source>
        <translation>Ceremony archive of the committee “%1” (%2 members). %3</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="271" />
        <source>Cartes d'entraînement : sans valeur légale.</source>
        <translation>Training cards: no legal value.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="285" />
        <source>Choisissez d'abord le dossier de l'archive.</source>
        <translation>First choose the archive folder.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="290" />
        <source>Le dossier de travail doit être nouveau ou vide : choisissez-en un autre (il sera créé s'il n'existe pas).</source>
        <translation>The working folder must be new or empty: choose another one (it is created if it does not exist).</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="298" />
        <source>Choisissez le dossier des cartes d'entraînement.</source>
        <translation>Choose the training cards folder.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="303" />
        <source>Vérification complète de l'archive avant le décompte…</source>
        <translation>Full verification of the archive before the recount…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="326" />
        <source>Vérification de l'archive</source>
        <translation>Verifying the archive</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="339" />
        <source>Vérification annulée : rien n'a été écrit. Vous pouvez recommencer.</source>
        <translation>Verification cancelled: nothing was written. You may start again.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="357" />
        <source>Archive vérifiée : intègre et complète. Les membres présentent leurs cartes.</source>
        <translation>Archive verified: intact and complete. The members present their cards.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="362" />
        <source>Nouveau décompte : cartes du quorum</source>
        <translation>Recount: the quorum's cards</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="380" />
        <source>Cartes non présentées : aucun décompte n'a été fait.</source>
        <translation>Cards not presented: no recount was made.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="395" />
        <source>Nouvelle vérification de l'archive, puis décompte avec les cartes…</source>
        <translation>Verifying the archive again, then counting with the cards…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="419" />
        <source>Nouveau décompte</source>
        <translation>Recount</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="429" />
        <source>Nouveau décompte terminé.</source>
        <translation>Recount finished.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="432" />
        <source>Identiques aux résultats archivés.</source>
        <translation>Identical to the archived results.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="434" />
        <source>DIFFÉRENTS des résultats archivés.</source>
        <translation>DIFFERENT from the archived results.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="446" />
        <source>Nouveau décompte non fait : %1</source>
        <translation>Recount not made: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="459" />
        <source>Une opération est en cours : attendez sa fin.</source>
        <translation>An operation is running: wait for it to end.</translation>
    </message>
</context>
<context>
    <name>RecountResult</name>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="45" />
        <source>Résultat du nouveau décompte</source>
        <translation>Recount result</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="48" />
        <source>Conclusion du nouveau décompte</source>
        <translation>Recount conclusion</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="51" />
        <source>Voix archivées et voix recomptées, liste par liste</source>
        <translation>Archived and recounted votes, list by list</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="54" />
        <source>Liste</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="55" />
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="56" />
        <location filename="../../bureau_app/recount_result.py" line="194" />
        <source>Nouveau décompte</source>
        <translation>Recount</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="57" />
        <source>Égal</source>
        <translation>Equal</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="71" />
        <source>Cartes utilisées et rapport signé</source>
        <translation>Cards used and signed report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="76" />
        <source>Empreintes SHA-256 du rapport</source>
        <translation>SHA-256 fingerprints of the report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="77" />
        <source>&amp;Ouvrir le rapport (PDF)</source>
        <translation>&amp;Open the report (PDF)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="78" />
        <source>Ouvrir le rapport du nouveau décompte</source>
        <translation>Open the recount report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="79" />
        <source>&amp;Imprimer le rapport…</source>
        <translation>&amp;Print the report…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="80" />
        <source>Imprimer le rapport du nouveau décompte</source>
        <translation>Print the recount report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="81" />
        <source>Ouvrir le &amp;dossier du rapport</source>
        <translation>Open the report &amp;folder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="82" />
        <source>Ouvrir le dossier du rapport signé</source>
        <translation>Open the folder of the signed report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="106" />
        <source>Identiques aux résultats archivés : le nouveau décompte donne les mêmes voix.</source>
        <translation>Identical to the archived results: the recount gives the same votes.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="113" />
        <source>DIFFÉRENTS des résultats archivés : %1</source>
        <translation>DIFFERENT from the archived results: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="135" />
        <source>Votes blancs</source>
        <translation>Blank votes</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="141" />
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="141" />
        <source>NON</source>
        <translation>NO</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="156" />
        <source>Cartes utilisées : %1.
Rapport signé par ces cartes, écrit dans : %2
Paquet signé (bureau verify le vérifie seul) : %3
Annexe au procès-verbal : %4</source>
        <translation>Cards used: %1.
Report signed by these cards, written in: %2
Signed bundle (bureau verify checks it on its own): %3
Annex to the official report: %4</translation>
    </message>
    <message>
        <location filename="../../bureau_app/recount_result.py" line="174" />
        <source>SHA-256 de %1 : %2</source>
        <translation>SHA-256 of %1: %2</translation>
    </message>
</context>
<context>
    <name>RecountWindow</name>
    <message>
        <location filename="../../bureau_app/recount_view.py" line="492" />
        <source>Une opération est en cours : attendez sa fin.</source>
        <translation>An operation is running: wait for it to end.</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../bureau_app/results_view.py" line="157" />
        <source>Résultats des scrutins</source>
        <translation>Contest results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="161" />
        <source>Résultats</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="163" />
        <source>Titre : résultats</source>
        <translation>Title: results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="165" />
        <source>Aller au scrutin</source>
        <translation>Go to contest</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="168" />
        <source>Aller au &amp;scrutin :</source>
        <translation>Go to &amp;contest:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="170" />
        <source>Scrutin</source>
        <translation>Contest</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="177" />
        <source>&amp;Projeter (F5)</source>
        <translation>&amp;Project (F5)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="179" />
        <source>Projeter les résultats en plein écran, sur le second écran s'il y en a un</source>
        <translation>Project the results full screen, on the second screen when there is one</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="182" />
        <source>Continuer : retour à l'étape en cours</source>
        <translation>Continue: back to the current step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="183" />
        <source>Revenir à l'étape en cours</source>
        <translation>Back to the current step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="190" />
        <source>Projection : F5 l'ouvre en plein écran (sur le second écran s'il y en a un), Page suivante / précédente change de scrutin, F11 sort du plein écran ou y revient, Échap ferme.</source>
        <translation>Projection: F5 opens it full screen (on the second screen when there is one), Page Down / Page Up changes contest, F11 leaves or returns to full screen, Esc closes.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="196" />
        <source>Touches de la projection</source>
        <translation>Projection keys</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="198" />
        <source>Aucun résultat</source>
        <translation>No result</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="210" />
        <source>Résultats de chaque scrutin</source>
        <translation>Results of each contest</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="197" />
        <source>Aucun résultat pour le moment.</source>
        <translation>No results yet.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../bureau_app/roles.py" line="43" />
        <source>présidente</source>
        <translation>chair</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="43" />
        <source>président</source>
        <translation>chair</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="44" />
        <source>présidence du bureau</source>
        <translation>chair of the committee</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="47" />
        <source>secrétaire</source>
        <translation>secretary</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="53" />
        <source>déléguée de liste</source>
        <translation>list delegate</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="54" />
        <source>délégué de liste</source>
        <translation>list delegate</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="55" />
        <source>délégation d'une liste</source>
        <translation>list delegate</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="56" />
        <source>liste</source>
        <translation>list</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="59" />
        <source>déléguée de la %1</source>
        <translation>delegate of the %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="60" />
        <source>délégué de la %1</source>
        <translation>delegate of the %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="61" />
        <source>représentant la %1</source>
        <translation>representing the %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="64" />
        <source>déléguée de la liste %1</source>
        <translation>delegate of the list %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="65" />
        <source>délégué de la liste %1</source>
        <translation>delegate of the list %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="66" />
        <source>représentant la liste %1</source>
        <translation>representing the list %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/roles.py" line="78" />
        <source>de %1</source>
        <translation>of %1</translation>
    </message>
</context>
<context>
    <name>RollCall</name>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="53" />
        <source>séance de scellement</source>
        <translation>sealing session</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="54" />
        <source>séance de dépouillement</source>
        <translation>counting session</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="62" />
        <source>%1 h %2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="70" />
        <source>%1 à %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="133" />
        <source>départ consigné à %1</source>
        <translation>departure recorded at %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="136" />
        <source>remplacement par %1</source>
        <translation>replaced by %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="140" />
        <source>absence consignée à l'appel</source>
        <translation>absence recorded at the roll-call</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="189" />
        <source>Ouvrir la %1 par l'appel des membres et son heure</source>
        <translation>Open the %1 with the roll-call of the members and its time</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="198" />
        <source>Lever la %1 : son heure de clôture</source>
        <translation>Close the %1: its closing time</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="214" />
        <source>%1 ouverte le %2</source>
        <translation>%1 opened on %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="223" />
        <source>Présents : %1</source>
        <translation>Present: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="223" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="227" />
        <source>Absents à l'appel : %1</source>
        <translation>Absent at the roll-call: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="232" />
        <source>%1 remplacée par %2</source>
        <translation>%1 replaced by %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="234" />
        <source>%1 remplacé par %2</source>
        <translation>%1 replaced by %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="243" />
        <source>Arrivée de %1 à %2</source>
        <translation>%1 arrived at %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="252" />
        <source>Départ de %1 à %2</source>
        <translation>%1 left at %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_model.py" line="259" />
        <source>Séance levée le %1</source>
        <translation>Session closed on %1</translation>
    </message>
</context>
<context>
    <name>RollCallDialogs</name>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="107" />
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="108" />
        <source>Annuler, rien n'est consigné</source>
        <translation>Cancel, nothing is recorded</translation>
    </message>
</context>
<context>
    <name>RollCallFlow</name>
    <message>
        <location filename="../../bureau_app/rollcall_flow.py" line="66" />
        <source>&amp;Arrivée ou départ d'un membre…</source>
        <translation>A member &amp;arrives or leaves…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_flow.py" line="69" />
        <source>&amp;Séance</source>
        <translation>&amp;Session</translation>
    </message>
</context>
<context>
    <name>SessionCloseDialog</name>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="359" />
        <source>Lever la %1</source>
        <translation>Close the %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="360" />
        <location filename="../../bureau_app/rollcall_dialogs.py" line="362" />
        <source>Clôture de la %1</source>
        <translation>Closing of the %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="366" />
        <source>Le procès-verbal reprend l'appel, les arrivées et départs et l'heure de clôture. Une arrivée ou un départ oublié se consigne d'abord, avec « Arrivée ou départ d'un membre ».</source>
        <translation>The official record (procès-verbal) gives the roll-call, the arrivals and departures and the closing time. An arrival or departure not yet recorded is recorded first, with "A member arrives or leaves".</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="370" />
        <source>Explication de la clôture</source>
        <translation>About the closing</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="375" />
        <source>L'appel de la séance tel qu'il est consigné</source>
        <translation>The session's roll-call as recorded</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="380" />
        <source>Heure de clôture de la séance (heure de Paris)</source>
        <translation>Closing time of the session (Paris time)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="381" />
        <source>&amp;Heure de clôture (heure de Paris) :</source>
        <translation>Closing &amp;time (Paris time):</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="388" />
        <source>Au plus tôt le %1 (dernier acte consigné de la séance).</source>
        <translation>At the earliest %1 (the session's last recorded act).</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="391" />
        <source>Heure de clôture la plus tôt possible</source>
        <translation>Earliest possible closing time</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="394" />
        <source>&amp;Lever la séance</source>
        <translation>&amp;Close the session</translation>
    </message>
</context>
<context>
    <name>SessionOpenDialog</name>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="151" />
        <source>Appel des membres — %1</source>
        <translation>Roll-call of the members — %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="152" />
        <source>Appel des membres à l'ouverture de la %1</source>
        <translation>Roll-call of the members opening the %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="154" />
        <source>Ouverture de la %1 : appel des membres</source>
        <translation>Opening of the %1: roll-call of the members</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="158" />
        <source>Pour chaque membre du bureau, indiquez s'il est présent, absent ou remplacé. La présidence absente est assurée par le secrétaire (art. 5) ; un délégué absent peut être remplacé par le délégué suppléant que son organisation syndicale a désigné (art. 9) : saisissez son nom. Seuls les membres présents présentent leur carte pendant la séance.</source>
        <translation>For each member of the bureau, say whether they are present, absent or replaced. An absent president is replaced by the secretary (art. 5); an absent delegate may be replaced by the substitute delegate their union named (art. 9): type the substitute's name. Only the members present present their card during the session.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="164" />
        <source>Explication de l'appel</source>
        <translation>About the roll-call</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="172" />
        <source>Lieu :</source>
        <translation>Place:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="172" />
        <source>Lieu de la séance</source>
        <translation>Place of the session</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="174" />
        <source>Heure d'ouverture de la séance (heure de Paris)</source>
        <translation>Opening time of the session (Paris time)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="175" />
        <source>&amp;Heure d'ouverture (heure de Paris) :</source>
        <translation>Opening &amp;time (Paris time):</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="181" />
        <source>&lt;b&gt;Membre&lt;/b&gt;</source>
        <translation>&lt;b&gt;Member&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="182" />
        <source>&lt;b&gt;À l'appel&lt;/b&gt;</source>
        <translation>&lt;b&gt;At the roll-call&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="183" />
        <source>&lt;b&gt;Délégué suppléant (nom)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Substitute delegate (name)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="193" />
        <source>Présente</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="193" />
        <source>Présent</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="194" />
        <source>Absente</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="194" />
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="197" />
        <source>Remplacée par le secrétaire</source>
        <translation>Replaced by the secretary</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="199" />
        <source>Remplacé par le secrétaire</source>
        <translation>Replaced by the secretary</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="204" />
        <source>Remplacée par un suppléant</source>
        <translation>Replaced by a substitute</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="206" />
        <source>Remplacé par un suppléant</source>
        <translation>Replaced by a substitute</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="209" />
        <source>Présence de %1</source>
        <translation>Presence of %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="218" />
        <source>Nom du délégué suppléant</source>
        <translation>Name of the substitute delegate</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="220" />
        <source>Nom du délégué suppléant remplaçant %1</source>
        <translation>Name of the substitute delegate replacing %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="235" />
        <source>Listes sans délégué au bureau : %1.</source>
        <translation>Lists without a delegate at the bureau: %1.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="236" />
        <source>Listes sans délégué au bureau</source>
        <translation>Lists without a delegate at the bureau</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="239" />
        <source>Résumé de l'appel</source>
        <translation>Roll-call summary</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="240" />
        <source>Ce qui empêche de consigner l'appel</source>
        <translation>What prevents recording the roll-call</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="244" />
        <source>&amp;Consigner l'appel</source>
        <translation>&amp;Record the roll-call</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="286" />
        <source>%1 est remplacée par le secrétaire : le secrétaire doit être présent.</source>
        <translation>%1 is replaced by the secretary: the secretary must be present.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="289" />
        <source>%1 est remplacé par le secrétaire : le secrétaire doit être présent.</source>
        <translation>%1 is replaced by the secretary: the secretary must be present.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="296" />
        <source>Saisissez le nom du délégué suppléant de %1.</source>
        <translation>Type the name of %1's substitute delegate.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="300" />
        <source>Présents : %1 ; absents : %2 ; remplacés : %3.</source>
        <translation>Present: %1; absent: %2; replaced: %3.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="311" />
        <source>Avec les membres présents, le quorum n'est pas atteint (il manque : %1) : les cartes ne pourront servir qu'après l'arrivée d'autres membres.</source>
        <translation>With the members present, the quorum is not reached (missing: %1): the cards can be used only after other members arrive.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="320" />
        <source>La création des clés et le vote à blanc demandent la carte de chaque membre : l'arrivée des autres se consignera avant ces étapes.</source>
        <translation>Creating the keys and the test vote take every member's card: the others' arrival must be recorded before those steps.</translation>
    </message>
</context>
<context>
    <name>StepDialogs</name>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="40" />
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../bureau_app/step_dialogs.py" line="41" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <location filename="../../bureau_app/steps.py" line="116" />
        <source>Confirmer l'empreinte de la plateforme</source>
        <translation>Confirm the platform fingerprint</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="121" />
        <location filename="../../bureau_app/steps.py" line="298" />
        <source>Importer la définition de l'élection</source>
        <translation>Import the election definition</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="127" />
        <location filename="../../bureau_app/steps.py" line="331" />
        <source>Enregistrer la carte de %1</source>
        <translation>Register the card of %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="140" />
        <source>Créer les clés du bureau (les %1 cartes)</source>
        <translation>Create the committee keys (all %1 cards)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="145" />
        <source>Faire le vote à blanc</source>
        <translation>Run the test vote</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="153" />
        <location filename="../../bureau_app/steps.py" line="490" />
        <source>Remettre le scellement à la plateforme</source>
        <translation>Hand the seal to the platform</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="156" />
        <source>Importer l'état du vote</source>
        <translation>Import the vote status</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="158" />
        <source>Importer et vérifier l'urne</source>
        <translation>Import and check the ballot box</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="161" />
        <location filename="../../bureau_app/steps.py" line="587" />
        <source>Consigner les conclusions de l'expert</source>
        <translation>Record the expert's conclusions</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="165" />
        <source>Ouvrir l'urne et dépouiller (cartes du quorum)</source>
        <translation>Open the ballot box and count (quorum cards)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="169" />
        <location filename="../../bureau_app/steps.py" line="623" />
        <source>Établir le procès-verbal</source>
        <translation>Draw up the minutes</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="179" />
        <source>Faire signer le procès-verbal par chaque membre présent</source>
        <translation>Have each member present sign the official record (procès-verbal)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="181" />
        <source>Signer et exporter les résultats</source>
        <translation>Sign and export the results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="183" />
        <location filename="../../bureau_app/steps.py" line="650" />
        <source>Écrire l'archive de la cérémonie</source>
        <translation>Write the ceremony archive</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="192" />
        <source>Ouvrir la séance de scellement : appel des membres</source>
        <translation>Open the sealing session: roll-call of the members</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="195" />
        <source>Ouvrir la séance de dépouillement : appel des membres</source>
        <translation>Open the counting session: roll-call of the members</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="198" />
        <source>Lever la séance de scellement</source>
        <translation>Close the sealing session</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="199" />
        <source>Lever la séance de dépouillement</source>
        <translation>Close the counting session</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="218" />
        <source>Arrivée ou départ d'un membre</source>
        <translation>A member arrives or leaves</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="257" />
        <source>Faire signer aussi un autre membre présent</source>
        <translation>Have another member present sign too</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="265" />
        <source>Décider : suspendre, reprendre ou arrêter le vote</source>
        <translation>Decide: suspend, resume or stop the vote</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="272" />
        <source>vote suspendu</source>
        <translation>vote suspended</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="273" />
        <source>vote repris</source>
        <translation>vote resumed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="274" />
        <source>vote arrêté</source>
        <translation>vote stopped</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="292" />
        <source>Confirmer l'empreinte de la clé de la plateforme (lue par l'organisateur)</source>
        <translation>Confirm the fingerprint of the platform key (read out by the organiser)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="315" />
        <source>Signature de la plateforme sur la définition : valide</source>
        <translation>Platform signature on the definition: valid</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="318" />
        <source>Bureau : %1, %2 scrutin(s), %3 membres</source>
        <translation>Committee: %1, %2 contest(s), %3 members</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="337" />
        <source> (carte d'entraînement)</source>
        <translation> (training card)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="341" />
        <source>Carte de %1 : n° %2%3</source>
        <translation>Card of %1: no. %2%3</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="352" />
        <source>Enregistrer la carte de chaque membre du bureau</source>
        <translation>Register the card of each committee member</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="412" />
        <source>Signatures des membres présents au dépouillement : %1</source>
        <translation>Signatures of the members present at the count: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="365" />
        <source>Cartes à insérer, l'une après l'autre : %1</source>
        <translation>Cards to insert, one after the other: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="432" />
        <source>Créer la clé du bureau, partagée entre les cartes</source>
        <translation>Create the committee key, shared between the cards</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="438" />
        <source>Clé publique du bureau : %1…</source>
        <translation>Committee public key: %1…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="441" />
        <source>%1 scrutin(s) préparé(s) avec cette clé</source>
        <translation>%1 contest(s) prepared with this key</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="455" />
        <source>Dépouiller l'urne de test avec au moins deux quorums différents, chaque carte vérifiée</source>
        <translation>Count the test ballot box with at least two different quorums, every card checked</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="605" />
        <source>Cartes à insérer : %1</source>
        <translation>Cards to insert: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="453" />
        <source>Chiffrer des bulletins de test connus</source>
        <translation>Encrypt known test ballots</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="463" />
        <source>Comparer au résultat attendu, puis remettre les compteurs à zéro</source>
        <translation>Compare with the expected result, then reset the counters</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="474" />
        <source>Résultat du vote à blanc conforme pour %1 scrutin(s)</source>
        <translation>Test vote result as expected for %1 contest(s)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="654" />
        <source>Établir la liste de remise des clés (cartes et codes sous plis scellés séparés)</source>
        <translation>Draw up the key hand-over list (cards and PINs in separate sealed envelopes)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="150" />
        <source>Signer le scellement avec une carte du quorum</source>
        <translation>Sign the seal with a quorum card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="173" />
        <source>Signer le procès-verbal avec une carte du quorum</source>
        <translation>Sign the official report with a quorum card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="240" />
        <source>Corriger l'empreinte de la plateforme</source>
        <translation>Correct the platform's fingerprint</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="307" />
        <source>Empreinte de la plateforme : %1</source>
        <translation>Platform fingerprint: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="373" />
        <source>Signé par %1</source>
        <translation>Signed by %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="483" />
        <source>Signatures du scellement : %1</source>
        <translation>Seal signatures: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="498" />
        <source>Signatures du scellement : %1 sur %2 nécessaires</source>
        <translation>Seal signatures: %1 of the %2 needed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="507" />
        <source>Quorum de signatures vérifié avant export</source>
        <translation>Quorum of signatures checked before export</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="514" />
        <source>Importer l'état du vote à l'ouverture (urne vide)</source>
        <translation>Import the vote status at opening (empty ballot box)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="518" />
        <source>Suivre la participation et les interventions</source>
        <translation>Follow turnout and interventions</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="521" />
        <source>Importer l'état du vote à la clôture</source>
        <translation>Import the vote status at closing</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="527" />
        <source>clos</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="529" />
        <source>ouvert</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="534" />
        <source>État n° %1 (vote %2) : %3 émargement(s), %4 intervention(s)</source>
        <translation>Status no. %1 (vote %2): %3 signature(s) in the register, %4 intervention(s)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="549" />
        <source>Décision n° %1 signée et exportée : %2 (motif : %3)</source>
        <translation>Decision no. %1 signed and exported: %2 (reason: %3)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="561" />
        <source>Importer l'urne close, signée par la plateforme</source>
        <translation>Import the closed ballot box, signed by the platform</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="562" />
        <source>Vérifier chaque bulletin et le scellement</source>
        <translation>Check every ballot and the seal</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="576" />
        <source>%1 : %2 bulletin(s) vérifié(s), %3 émargement(s)</source>
        <translation>%1: %2 ballot(s) checked, %3 signature(s) in the register</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="594" />
        <source>%1 : « %2 »</source>
        <translation>%1: “%2”</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="606" />
        <source>Déchiffrer le résultat (jamais bulletin par bulletin)</source>
        <translation>Decrypt the result (never ballot by ballot)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="607" />
        <source>Calculer la répartition des sièges</source>
        <translation>Compute the seat allocation</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="612" />
        <source>Déchiffrements partiels vérifiés</source>
        <translation>Partial decryptions checked</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="615" />
        <source>Résultats calculés pour %1 scrutin(s)</source>
        <translation>Results computed for %1 contest(s)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="627" />
        <source>Signatures du procès-verbal : %1</source>
        <translation>Official report signatures: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="634" />
        <source>Exporter les résultats signés</source>
        <translation>Export the signed results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="641" />
        <source>%1 signature(s) du procès-verbal vérifiée(s)</source>
        <translation>%1 signature(s) of the minutes checked</translation>
    </message>
    <message>
        <location filename="../../bureau_app/steps.py" line="666" />
        <source>Archive écrite : %1 fichier(s)</source>
        <translation>Archive written: %1 file(s)</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <location filename="../../bureau_app/rollcall_dialogs.py" line="70" />
        <source>dd/MM/yyyy' à 'HH' h 'mm</source>
        <translation>dd/MM/yyyy' at 'HH:mm</translation>
    </message>
</context>
<context>
    <name>TrainingBanner</name>
    <message>
        <location filename="../../bureau_app/banner.py" line="23" />
        <source>ENTRAÎNEMENT — sans valeur légale</source>
        <translation>TRAINING — no legal value</translation>
    </message>
    <message>
        <location filename="../../bureau_app/banner.py" line="24" />
        <source>Avertissement : cérémonie d'entraînement</source>
        <translation>Warning: training ceremony</translation>
    </message>
    <message>
        <location filename="../../bureau_app/banner.py" line="27" />
        <source>Cartes d'entraînement et plateforme simulée : rien de ce qui est fait ici n'a de valeur légale.</source>
        <translation>Training cards and simulated platform: nothing done here has any legal value.</translation>
    </message>
</context>
<context>
    <name>TrainingReader</name>
    <message>
        <location filename="../../bureau_app/card_sources.py" line="70" />
        <source>Carte d'entraînement de %1</source>
        <translation>Training card of %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_sources.py" line="75" />
        <source>Carte d'entraînement neuve, prévue pour %1</source>
        <translation>New training card, meant for %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_sources.py" line="99" />
        <source>Lecteur de cartes d'entraînement</source>
        <translation>Training card reader</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_sources.py" line="100" />
        <source>Carte d'en&amp;traînement :</source>
        <translation>&amp;Training card:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_sources.py" line="102" />
        <source>Carte d'entraînement à insérer</source>
        <translation>Training card to insert</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_sources.py" line="109" />
        <source>&amp;Insérer cette carte</source>
        <translation>&amp;Insert this card</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_sources.py" line="110" />
        <source>Insérer la carte d'entraînement choisie</source>
        <translation>Insert the chosen training card</translation>
    </message>
</context>
<context>
    <name>VerificationReportView</name>
    <message>
        <location filename="../../bureau_app/report_view.py" line="37" />
        <source>Rapport de vérification</source>
        <translation>Verification report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="40" />
        <source>Ce qui a été vérifié</source>
        <translation>What has been verified</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="44" />
        <source>Symbole du verdict</source>
        <translation>Verdict symbol</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="46" />
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="52" />
        <source>N'afficher que les &amp;échecs</source>
        <translation>Show only fai&amp;lures</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="53" />
        <source>N'afficher que les contrôles en échec</source>
        <translation>Show only the failed checks</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="57" />
        <source>Contrôles, dans l'ordre</source>
        <translation>Checks, in order</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="59" />
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="59" />
        <source>Contrôle</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="59" />
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="73" />
        <source>Contrôle choisi, en entier</source>
        <translation>Chosen check, in full</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="88" />
        <source>Vérification de %1</source>
        <translation>Verification of %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="91" />
        <source>Toutes les vérifications ont réussi.</source>
        <translation>All checks passed.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="93" />
        <source>Aucune vérification n'a pu être faite.</source>
        <translation>No check could be made.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="96" />
        <source>1 vérification en échec : voir la ligne marquée ÉCHEC.</source>
        <translation>1 check failed: see the line marked FAILED.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="101" />
        <source>%1 vérifications en échec : voir les lignes marquées ÉCHEC.</source>
        <translation>%1 checks failed: see the lines marked FAILED.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="111" />
        <source>RÉUSSI</source>
        <translation>PASSED</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="112" />
        <source>ÉCHEC</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="113" />
        <source>sans objet</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="114" />
        <source>non exécutée</source>
        <translation>not run</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../bureau_app/welcome.py" line="53" />
        <source>Pas de cérémonie dans ce dossier</source>
        <translation>No ceremony in this folder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="54" />
        <source>Le dossier « %1 » ne contient pas de cérémonie de Bureau. Choisissez le dossier où la cérémonie a été commencée, ou « Nouvelle cérémonie » pour en commencer une.</source>
        <translation>The folder “%1” holds no Bureau ceremony. Choose the folder where the ceremony was started, or “New ceremony” to start one.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="70" />
        <source>Une cérémonie est déjà dans ce dossier</source>
        <translation>A ceremony is already in this folder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="71" />
        <source>Le dossier « %1 » contient déjà une cérémonie. Pour la poursuivre, choisissez « Ouvrir une cérémonie » ; pour en commencer une autre, choisissez un dossier vide.</source>
        <translation>The folder “%1” already holds a ceremony. To go on with it, choose “Open a ceremony”; to start another one, choose an empty folder.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="96" />
        <location filename="../../bureau_app/welcome.py" line="98" />
        <source>Bureau de vote électronique</source>
        <translation>Electronic polling committee</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="97" />
        <source>Accueil : que voulez-vous faire ?</source>
        <translation>Welcome: what do you want to do?</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="100" />
        <source>Que voulez-vous faire ?</source>
        <translation>What do you want to do?</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="110" />
        <source>&amp;Reprendre la cérémonie de cet ordinateur</source>
        <translation>&amp;Resume this computer's ceremony</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="111" />
        <source>Dossier : %1</source>
        <translation>Folder: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="115" />
        <source>&amp;Nouvelle cérémonie</source>
        <translation>&amp;New ceremony</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="116" />
        <source>Un bureau réel : cartes des membres, fichiers remis par la plateforme.</source>
        <translation>A real committee: the members' cards, files handed over by the platform.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="120" />
        <source>&amp;Ouvrir une cérémonie…</source>
        <translation>&amp;Open a ceremony…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="121" />
        <source>Choisir le dossier d'une cérémonie commencée (par exemple, une copie).</source>
        <translation>Choose the folder of a ceremony already started (for instance, a copy).</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="125" />
        <source>&amp;Entraînement</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="127" />
        <source>Plateforme simulée et cartes d'entraînement : pour apprendre, sans valeur légale.</source>
        <translation>Simulated platform and training cards: to learn, no legal value.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="133" />
        <source>Re&amp;compter à partir d'une archive</source>
        <translation>Re&amp;count from an archive</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="135" />
        <source>Nouveau décompte des votes (art. 23) : l'archive de la cérémonie et les cartes des membres, sur n'importe quel ordinateur.</source>
        <translation>A new count of the votes (art. 23): the ceremony archive and the members' cards, on any computer.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="141" />
        <source>&amp;Vérification par un expert</source>
        <translation>Expert &amp;verification</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="143" />
        <source>Vérifier une archive de cérémonie ou une élection Belenios, sans rien modifier.</source>
        <translation>Verify a ceremony archive or a Belenios election, changing nothing.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="165" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="180" />
        <source>Dossier de la nouvelle cérémonie (vide)</source>
        <translation>Folder of the new ceremony (empty)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/welcome.py" line="182" />
        <source>Dossier de la cérémonie à ouvrir</source>
        <translation>Folder of the ceremony to open</translation>
    </message>
</context>
</TS>