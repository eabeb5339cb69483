<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../bureau_app/bar_chart.py" line="27"/>
        <source>Graphique des voix par liste</source>
        <translation>Chart of votes per list</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bar_chart.py" line="40"/>
        <source>%1 : %2 voix (%3 %)</source>
        <translation>%1: %2 votes (%3%)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bar_chart.py" line="46"/>
        <source>aucun siège</source>
        <translation>no seat</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bar_chart.py" line="46"/>
        <source>1 siège</source>
        <translation>1 seat</translation>
    </message>
    <message>
        <location filename="../../bureau_app/bar_chart.py" line="46"/>
        <source>%1 sièges</source>
        <translation>%1 seats</translation>
    </message>
</context>
<context>
    <name>BureauWindow</name>
    <message>
        <location filename="../../bureau_app/shell.py" line="46"/>
        <location filename="../../bureau_app/shell.py" line="49"/>
        <source>Bureau de vote électronique</source>
        <translation>Electronic polling committee</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="47"/>
        <source>Fenêtre principale du bureau de vote</source>
        <translation>Main window of the polling committee</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="50"/>
        <source>Nom du bureau</source>
        <translation>Committee name</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="55"/>
        <location filename="../../bureau_app/shell.py" line="233"/>
        <source>&amp;Journal</source>
        <translation>&amp;Log</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="56"/>
        <source>Ouvrir le journal</source>
        <translation>Open the log</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="57"/>
        <location filename="../../bureau_app/shell.py" line="234"/>
        <source>&amp;Résultats</source>
        <translation>&amp;Results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="58"/>
        <source>Ouvrir les résultats</source>
        <translation>Open the results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="59"/>
        <location filename="../../bureau_app/shell.py" line="235"/>
        <source>Mode e&amp;xpert</source>
        <translation>E&amp;xpert mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="60"/>
        <source>Ouvrir le mode expert</source>
        <translation>Open expert mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="70"/>
        <source>Contenu de l&apos;étape choisie</source>
        <translation>Content of the chosen step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="93"/>
        <source>Barre d&apos;état</source>
        <translation>Status bar</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="120"/>
        <source>Opération en cours</source>
        <translation>Operation in progress</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="122"/>
        <source>Une opération est en cours. Attendez qu&apos;elle se termine avant de fermer l&apos;application.</source>
        <translation>An operation is in progress. Wait until it ends before closing the application.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="128"/>
        <source>Fermeture refusée</source>
        <translation>Closing refused</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="130"/>
        <source>J&apos;ai compris</source>
        <translation>Understood</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="204"/>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="207"/>
        <source>A&amp;grandir le texte</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="213"/>
        <source>&amp;Réduire le texte</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="218"/>
        <source>Taille de texte &amp;normale</source>
        <translation>&amp;Normal text size</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="221"/>
        <source>&amp;Contraste élevé</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="230"/>
        <source>Mode &amp;projection</source>
        <translation>&amp;Projection mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="232"/>
        <source>A&amp;ller à</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="237"/>
        <source>Liste des é&amp;tapes</source>
        <translation>S&amp;teps list</translation>
    </message>
    <message>
        <location filename="../../bureau_app/shell.py" line="241"/>
        <source>Lancer la &amp;prochaine action</source>
        <translation>Start the &amp;next action</translation>
    </message>
</context>
<context>
    <name>CardPromptDialog</name>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="63"/>
        <source>Carte à insérer</source>
        <translation>Card to insert</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="64"/>
        <source>Demande de carte</source>
        <translation>Card request</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="68"/>
        <source>Dessin d&apos;une carte à puce</source>
        <translation>Picture of a smartcard</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="69"/>
        <source>Insérez la carte %1</source>
        <translation>Insert the card (%1)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="72"/>
        <source>Carte demandée</source>
        <translation>Card requested</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="74"/>
        <source>Titulaire de la carte : %1 (%2)</source>
        <translation>Card holder: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="77"/>
        <source>Titulaire attendu</source>
        <translation>Expected holder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="80"/>
        <source>État du lecteur de carte</source>
        <translation>Card reader status</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="85"/>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="86"/>
        <source>Annuler la demande de carte</source>
        <translation>Cancel the card request</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="114"/>
        <source>En attente de la carte… Placez-la dans le lecteur, puce vers le haut.</source>
        <translation>Waiting for the card… Put it in the reader, chip facing up.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="124"/>
        <source>Cette carte (n° %1) n&apos;est pas celle attendue. Retirez-la, puis insérez la carte %2.</source>
        <translation>This card (no. %1) is not the expected one. Remove it, then insert the card (%2).</translation>
    </message>
    <message>
        <location filename="../../bureau_app/card_prompt.py" line="133"/>
        <source>Carte détectée (n° %1).</source>
        <translation>Card detected (no. %1).</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../bureau_app/checklist_view.py" line="48"/>
        <source>fait</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../bureau_app/checklist_view.py" line="48"/>
        <source>à faire</source>
        <translation>to do</translation>
    </message>
    <message>
        <location filename="../../bureau_app/checklist_view.py" line="49"/>
        <source>vérifié</source>
        <translation>verified</translation>
    </message>
    <message>
        <location filename="../../bureau_app/checklist_view.py" line="49"/>
        <source>échec</source>
        <translation>failed</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="33"/>
        <source>Un problème est survenu</source>
        <translation>A problem occurred</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="34"/>
        <source>Message d&apos;erreur</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="39"/>
        <source>Une erreur inattendue est survenue et l&apos;opération n&apos;a pas été menée à son terme. Rien n&apos;a été enregistré pour cette opération. Notez l&apos;heure, puis appelez l&apos;assistance technique en lui montrant les détails ci-dessous.</source>
        <translation>An unexpected error occurred and the operation was not completed. Nothing was recorded for this operation. Note the time, then call technical support and show them the details below.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="47"/>
        <source>Symbole d&apos;avertissement</source>
        <translation>Warning symbol</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="51"/>
        <source>Ce qui s&apos;est passé et ce qu&apos;il faut faire</source>
        <translation>What happened and what to do</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="58"/>
        <location filename="../../bureau_app/error_dialog.py" line="65"/>
        <source>Détails techniques</source>
        <translation>Technical details</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="59"/>
        <source>Afficher les détails techniques</source>
        <translation>Show the technical details</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="71"/>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../bureau_app/error_dialog.py" line="72"/>
        <source>Fermer le message</source>
        <translation>Close the message</translation>
    </message>
</context>
<context>
    <name>ExpertView</name>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="52"/>
        <source>Mode expert</source>
        <translation>Expert mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="53"/>
        <source>Mode expert : vérification indépendante</source>
        <translation>Expert mode: independent verification</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="55"/>
        <source>Titre : mode expert</source>
        <translation>Title: expert mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="58"/>
        <source>Ouvrez une élection (fichier .bel ou dossier). Elle est lue sans être modifiée, puis chaque contrôle est affiché avec son résultat.</source>
        <translation>Open an election (.bel file or folder). It is read without being changed, then each check is shown with its result.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="63"/>
        <source>Explication du mode expert</source>
        <translation>About expert mode</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="64"/>
        <source>Ouvrir un &amp;fichier .bel…</source>
        <translation>Open a .bel &amp;file…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="65"/>
        <source>Ouvrir un fichier d&apos;élection .bel</source>
        <translation>Open a .bel election file</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="66"/>
        <source>Ouvrir un &amp;dossier…</source>
        <translation>Open a &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="67"/>
        <source>Ouvrir un dossier d&apos;élection</source>
        <translation>Open an election folder</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="85"/>
        <source>Élection à vérifier</source>
        <translation>Election to verify</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="85"/>
        <source>Élection Belenios (*.bel)</source>
        <translation>Belenios election (*.bel)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="91"/>
        <source>Dossier d&apos;élection à vérifier</source>
        <translation>Election folder to verify</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="98"/>
        <source>Lecture et contrôle de %1…</source>
        <translation>Reading and checking %1…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/expert_view.py" line="105"/>
        <source>Vérification de l&apos;élection</source>
        <translation>Verifying the election</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="51"/>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="52"/>
        <source>Heure (Paris)</source>
        <translation>Time (Paris)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="53"/>
        <source>Étape</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="54"/>
        <source>Personnes</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="55"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="56"/>
        <source>Détails</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="114"/>
        <location filename="../../bureau_app/journal_view.py" line="122"/>
        <source>Journal du bureau</source>
        <translation>Committee log</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="124"/>
        <source>Titre : journal du bureau</source>
        <translation>Title: committee log</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="126"/>
        <source>Rechercher (nom, action, étape…)</source>
        <translation>Search (name, action, step…)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="127"/>
        <source>Rechercher dans le journal</source>
        <translation>Search the log</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="130"/>
        <source>Effacer la recherche</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="133"/>
        <source>Nombre d&apos;entrées affichées</source>
        <translation>Number of entries shown</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="137"/>
        <source>Entrées du journal</source>
        <translation>Log entries</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="157"/>
        <source>Choisissez une entrée pour la lire en entier.</source>
        <translation>Choose an entry to read it in full.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="158"/>
        <source>Entrée choisie, en entier</source>
        <translation>Chosen entry, in full</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="188"/>
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
        <location filename="../../bureau_app/journal_view.py" line="201"/>
        <source>Aucune entrée</source>
        <translation>No entries</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="201"/>
        <source>1 entrée</source>
        <translation>1 entry</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="201"/>
        <source>%1 entrées</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="205"/>
        <source>Aucune entrée trouvée sur %2</source>
        <translation>No entry found out of %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="206"/>
        <source>1 entrée trouvée sur %2</source>
        <translation>1 entry found out of %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/journal_view.py" line="207"/>
        <source>%1 entrées trouvées sur %2</source>
        <translation>%1 entries found out of %2</translation>
    </message>
</context>
<context>
    <name>PhasePage</name>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="35"/>
        <source>Titre de l&apos;étape</source>
        <translation>Step title</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="39"/>
        <source>Symbole de l&apos;état de l&apos;étape</source>
        <translation>Step status symbol</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="41"/>
        <source>État de l&apos;étape</source>
        <translation>Step status</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="46"/>
        <location filename="../../bureau_app/phase_page.py" line="47"/>
        <source>À faire dans cette étape</source>
        <translation>To do in this step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="50"/>
        <location filename="../../bureau_app/phase_page.py" line="51"/>
        <source>Ce qui a été vérifié</source>
        <translation>What has been verified</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="62"/>
        <source>Indication sur la prochaine action</source>
        <translation>About the next action</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="82"/>
        <source>Page de l&apos;étape %1</source>
        <translation>Page of step %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="84"/>
        <source>Étape %1 sur %2 : %3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="88"/>
        <source>État : %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="89"/>
        <source>Aucune tâche pour cette étape.</source>
        <translation>No task in this step.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="90"/>
        <source>Rien n&apos;a encore été vérifié.</source>
        <translation>Nothing has been verified yet.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="93"/>
        <source>Aucune action à faire maintenant</source>
        <translation>No action to take now</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="96"/>
        <source>Cette étape est terminée.</source>
        <translation>This step is finished.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="97"/>
        <source>Rien à faire pour le moment : attendez la suite.</source>
        <translation>Nothing to do for now: wait for what comes next.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="98"/>
        <source>Cette étape viendra plus tard.</source>
        <translation>This step comes later.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="104"/>
        <source>Prochaine action (raccourci : Ctrl+Entrée) :</source>
        <translation>Next action (shortcut: Ctrl+Enter):</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_page.py" line="106"/>
        <source>Prochaine action : %1</source>
        <translation>Next action: %1</translation>
    </message>
</context>
<context>
    <name>PhasePanel</name>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="21"/>
        <source>à faire</source>
        <translation>to do</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="22"/>
        <source>en cours</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="23"/>
        <source>fait</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="45"/>
        <source>Étapes du bureau</source>
        <translation>Committee steps</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="47"/>
        <source>Liste des étapes, chacune marquée à faire, en cours ou fait</source>
        <translation>List of steps, each marked to do, in progress or done</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_panel.py" line="68"/>
        <source>Étape %1 : %2, %3</source>
        <translation>Step %1: %2, %3</translation>
    </message>
</context>
<context>
    <name>Phases</name>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="62"/>
        <source>Préparation</source>
        <translation>Preparation</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="63"/>
        <source>Cérémonie des clés</source>
        <translation>Key ceremony</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="64"/>
        <source>Vote à blanc</source>
        <translation>Test vote</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="65"/>
        <source>Scellement</source>
        <translation>Sealing</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="66"/>
        <source>Vote ouvert</source>
        <translation>Voting open</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="67"/>
        <source>Clôture et contrôle de l&apos;urne</source>
        <translation>Closing and urn check</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="68"/>
        <source>Conclusions de l&apos;expert</source>
        <translation>Expert&apos;s conclusions</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="71"/>
        <source>Archivage et remise des clés</source>
        <translation>Archiving and key hand-over</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="69"/>
        <source>Dépouillement</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../bureau_app/phase_model.py" line="70"/>
        <source>Procès-verbal</source>
        <translation>Official report</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="51"/>
        <source>Code de la carte</source>
        <translation>Card PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="52"/>
        <source>Saisie du code de la carte</source>
        <translation>Card PIN entry</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="137"/>
        <source>%1, tapez le code de votre carte</source>
        <translation>%1, type your card&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="57"/>
        <source>Qui doit taper son code</source>
        <translation>Who must type their PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="60"/>
        <source>Pourquoi ce code est demandé</source>
        <translation>Why this PIN is asked for</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="63"/>
        <source>Le code ne s&apos;affiche pas. Vérifiez que personne ne voit le clavier.</source>
        <translation>The PIN is not shown. Make sure nobody can see the keyboard.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="66"/>
        <source>Conseil de confidentialité</source>
        <translation>Privacy advice</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="69"/>
        <source>Code de la carte (masqué)</source>
        <translation>Card PIN (hidden)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="71"/>
        <source>&amp;Code :</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="71"/>
        <source>&amp;Nouveau code :</source>
        <translation>&amp;New PIN:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="73"/>
        <source>Code</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="76"/>
        <source>Nouveau code, une seconde fois (masqué)</source>
        <translation>New PIN, a second time (hidden)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="78"/>
        <source>&amp;Retapez le nouveau code :</source>
        <translation>&amp;Type the new PIN again:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="80"/>
        <source>Confirmation du code</source>
        <translation>PIN confirmation</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="86"/>
        <source>Essais restants</source>
        <translation>Tries remaining</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="91"/>
        <source>Problème avec le code choisi</source>
        <translation>Problem with the chosen PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="99"/>
        <source>&amp;Valider</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="100"/>
        <source>Valider le code</source>
        <translation>Confirm the PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="104"/>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="105"/>
        <source>Annuler la saisie du code</source>
        <translation>Cancel the PIN entry</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="134"/>
        <source>%1, choisissez le code de votre carte</source>
        <translation>%1, choose your card&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="135"/>
        <source>Choisissez le code de la carte</source>
        <translation>Choose the card&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="138"/>
        <source>Tapez le code de la carte</source>
        <translation>Type the card&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="145"/>
        <source>Au moins %1 caractères. Les codes d&apos;usine (123456…) sont refusés. Retenez ce code : personne d&apos;autre ne le connaîtra.</source>
        <translation>At least %1 characters. Factory PINs (123456…) are refused. Remember this PIN: nobody else will know it.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="153"/>
        <source>La carte est bloquée : plus aucun essai possible. Prévenez les membres du bureau : l&apos;étape peut se faire avec une autre carte.</source>
        <translation>The card is blocked: no tries left. Tell the committee members: the step can be done with another card.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="157"/>
        <source>Attention : dernier essai. Un code faux de plus bloque la carte.</source>
        <translation>Warning: last try. One more wrong PIN blocks the card.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="158"/>
        <source>Il reste %1 essais avant le blocage de la carte.</source>
        <translation>%1 tries left before the card is blocked.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pin_dialog.py" line="172"/>
        <source>Les deux codes tapés sont différents.</source>
        <translation>The two PINs typed are different.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="26"/>
        <source>Temps restant : estimation en cours…</source>
        <translation>Time remaining: estimating…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="28"/>
        <source>Presque terminé…</source>
        <translation>Almost done…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="30"/>
        <source>Temps restant : moins d&apos;une minute</source>
        <translation>Time remaining: less than a minute</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="34"/>
        <source>Temps restant : environ 1 minute</source>
        <translation>Time remaining: about 1 minute</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="35"/>
        <source>Temps restant : environ %1 minutes</source>
        <translation>Time remaining: about %1 minutes</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="40"/>
        <source>Temps restant : environ %1 h %2 min</source>
        <translation>Time remaining: about %1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="58"/>
        <source>Opération en cours</source>
        <translation>Operation in progress</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="59"/>
        <source>Démarrage…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="61"/>
        <source>Étape de l&apos;opération</source>
        <translation>Operation step</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="64"/>
        <source>Avancement</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="66"/>
        <source>Temps restant estimé</source>
        <translation>Estimated time remaining</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="68"/>
        <source>Vous pouvez annuler sans risque.</source>
        <translation>You can cancel safely.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="70"/>
        <source>Cette opération ne peut pas être interrompue. Merci de patienter.</source>
        <translation>This operation cannot be interrupted. Please wait.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="73"/>
        <source>Peut-on annuler ?</source>
        <translation>Can it be cancelled?</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="85"/>
        <source>&amp;Annuler</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="86"/>
        <source>Annuler l&apos;opération</source>
        <translation>Cancel the operation</translation>
    </message>
    <message>
        <location filename="../../bureau_app/progress_dialog.py" line="108"/>
        <source>Annulation demandée : arrêt au prochain point sûr…</source>
        <translation>Cancel requested: stopping at the next safe point…</translation>
    </message>
</context>
<context>
    <name>ProjectionWindow</name>
    <message>
        <location filename="../../bureau_app/projection.py" line="27"/>
        <source>Projection des résultats</source>
        <translation>Results projection</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="28"/>
        <source>Projection des résultats en grands caractères</source>
        <translation>Results projection in large print</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="40"/>
        <source>Scrutin projeté</source>
        <translation>Contest shown</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="41"/>
        <source>Inscrits, votants et blancs</source>
        <translation>Registered, voters and blank</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="47"/>
        <source>Aide à la navigation</source>
        <translation>Navigation help</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="106"/>
        <source>Aucun résultat à projeter</source>
        <translation>No results to show</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="109"/>
        <source>Échap : fermer</source>
        <translation>Esc: close</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="116"/>
        <source>Inscrits %1 · Votants %2 · Blancs %3</source>
        <translation>Registered %1 · Voters %2 · Blank %3</translation>
    </message>
    <message>
        <location filename="../../bureau_app/projection.py" line="126"/>
        <source>Scrutin %1 sur %2 · Page suivante / précédente : changer · Échap : fermer</source>
        <translation>Contest %1 of %2 · Page Down / Page Up: change · Esc: close</translation>
    </message>
</context>
<context>
    <name>PvPreview</name>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="43"/>
        <source>Aperçu du procès-verbal</source>
        <translation>Official report preview</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="44"/>
        <source>Procès-verbal</source>
        <translation>Official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="46"/>
        <source>Titre : procès-verbal</source>
        <translation>Title: official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="47"/>
        <source>Aucun procès-verbal pour le moment.</source>
        <translation>No official report yet.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="49"/>
        <source>État de l&apos;aperçu</source>
        <translation>Preview status</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="50"/>
        <source>E&amp;xporter le PDF…</source>
        <translation>E&amp;xport the PDF…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="51"/>
        <source>Exporter le procès-verbal en PDF</source>
        <translation>Export the official report as PDF</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="63"/>
        <source>Pages du procès-verbal</source>
        <translation>Pages of the official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="73"/>
        <source>Préparation de l&apos;aperçu de %1…</source>
        <translation>Preparing the preview of %1…</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="99"/>
        <source>Page %1 sur %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="103"/>
        <source>%1 : 1 page. Relisez-la avant de signer.</source>
        <translation>%1: 1 page. Read it before signing.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="105"/>
        <source>%1 : %2 pages. Relisez-les avant de signer.</source>
        <translation>%1: %2 pages. Read them before signing.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="112"/>
        <source>Aperçu indisponible. Le document peut quand même être exporté.</source>
        <translation>Preview unavailable. The document can still be exported.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="121"/>
        <source>Exporter le procès-verbal</source>
        <translation>Export the official report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="123"/>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../bureau_app/pv_preview.py" line="133"/>
        <source>Procès-verbal exporté : %1</source>
        <translation>Official report exported: %1</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../bureau_app/results_view.py" line="29"/>
        <source>Résultats des scrutins</source>
        <translation>Contest results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="32"/>
        <source>Résultats</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="34"/>
        <source>Titre : résultats</source>
        <translation>Title: results</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="36"/>
        <source>Choix du scrutin</source>
        <translation>Contest choice</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="37"/>
        <source>&amp;Scrutin :</source>
        <translation>&amp;Contest:</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="39"/>
        <source>Scrutin</source>
        <translation>Contest</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="45"/>
        <source>Inscrits, votants et blancs</source>
        <translation>Registered, voters and blank</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="48"/>
        <source>Tableau des voix par liste</source>
        <translation>Table of votes per list</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="50"/>
        <source>Liste</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="50"/>
        <source>Voix</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="50"/>
        <source>% des exprimés</source>
        <translation>% of valid votes</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="50"/>
        <source>Sièges</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="90"/>
        <source>Aucun résultat pour le moment.</source>
        <translation>No results yet.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/results_view.py" line="96"/>
        <source>Inscrits : %1 · Votants : %2 · Blancs : %3 · Exprimés : %4</source>
        <translation>Registered: %1 · Voters: %2 · Blank: %3 · Valid votes: %4</translation>
    </message>
</context>
<context>
    <name>VerificationReportView</name>
    <message>
        <location filename="../../bureau_app/report_view.py" line="36"/>
        <source>Rapport de vérification</source>
        <translation>Verification report</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="39"/>
        <source>Ce qui a été vérifié</source>
        <translation>What has been verified</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="43"/>
        <source>Symbole du verdict</source>
        <translation>Verdict symbol</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="45"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="51"/>
        <source>N&apos;afficher que les &amp;échecs</source>
        <translation>Show only &amp;failures</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="52"/>
        <source>N&apos;afficher que les contrôles en échec</source>
        <translation>Show only the failed checks</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="56"/>
        <source>Contrôles, dans l&apos;ordre</source>
        <translation>Checks, in order</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="58"/>
        <source>Résultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="58"/>
        <source>Contrôle</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="58"/>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="77"/>
        <source>Vérification de %1</source>
        <translation>Verification of %1</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="80"/>
        <source>Toutes les vérifications ont réussi.</source>
        <translation>All checks passed.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="82"/>
        <source>Aucune vérification n&apos;a pu être faite.</source>
        <translation>No check could be made.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="85"/>
        <source>1 vérification en échec : voir la ligne marquée ÉCHEC.</source>
        <translation>1 check failed: see the line marked FAILED.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="90"/>
        <source>%1 vérifications en échec : voir les lignes marquées ÉCHEC.</source>
        <translation>%1 checks failed: see the lines marked FAILED.</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="100"/>
        <source>RÉUSSI</source>
        <translation>PASSED</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="101"/>
        <source>ÉCHEC</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <location filename="../../bureau_app/report_view.py" line="102"/>
        <source>sans objet</source>
        <translation>not applicable</translation>
    </message>
</context>
</TS>
