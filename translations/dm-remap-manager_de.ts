<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DeviceModel</name>
    <message>
        <source>This disk is not present.</source>
        <translation>Diese Festplatte ist nicht vorhanden.</translation>
    </message>
    <message>
        <source>Pair “%1”</source>
        <translation>Paar „%1“</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>Main: %1</source>
        <translation>Haupt: %1</translation>
    </message>
    <message>
        <source>Spare: %1</source>
        <translation>Ersatz: %1</translation>
    </message>
    <message>
        <source>%1, health: %2</source>
        <translation>%1, Zustand: %2</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>%1
Health: %2. %3</source>
        <translation>%1
Zustand: %2. %3</translation>
    </message>
</context>
<context>
    <name>DiskHistoryPage</name>
    <message>
        <source>Chart of the disk&apos;s error counts</source>
        <translation>Diagramm der Fehlerzähler der Festplatte</translation>
    </message>
    <message>
        <source>Chart of the disk&apos;s temperature and spare</source>
        <translation>Diagramm der Temperatur und Reserve der Festplatte</translation>
    </message>
    <message>
        <source>Sectors replaced</source>
        <translation>Ersetzte Sektoren</translation>
    </message>
    <message>
        <source>Unreadable sectors</source>
        <translation>Unlesbare Sektoren</translation>
    </message>
    <message>
        <source>Found by the disk&apos;s own scan</source>
        <translation>Von der eigenen Prüfung der Festplatte gefunden</translation>
    </message>
    <message>
        <source>Cable errors (CRC)</source>
        <translation>Kabelfehler (CRC)</translation>
    </message>
    <message>
        <source>Uncorrected errors (NVMe)</source>
        <translation>Nicht korrigierte Fehler (NVMe)</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Temperatur (°C)</translation>
    </message>
    <message>
        <source>Spare left (%)</source>
        <translation>Verbleibende Reserve (%)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <source>Spare (%)</source>
        <translation>Reserve (%)</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Verlauf wird gelesen …</translation>
    </message>
    <message>
        <source>No SMART readings were kept in this time.</source>
        <translation>Aus dieser Zeit sind keine SMART-Werte gespeichert.</translation>
    </message>
    <message>
        <source>The disk reported none of the values charted here in this time.</source>
        <translation>Die Festplatte hat in dieser Zeit keinen der hier gezeigten Werte gemeldet.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The disk helper service did not answer in time. It may be busy or may have stopped.</source>
        <translation>Der Festplattendienst hat nicht rechtzeitig geantwortet. Er ist vielleicht ausgelastet oder wurde beendet.</translation>
    </message>
    <message>
        <source>The disk helper service (dm-remap-helper) is not running, so disks cannot be shown or changed.</source>
        <translation>Der Festplattendienst (dm-remap-helper) läuft nicht, daher können Festplatten weder angezeigt noch verändert werden.</translation>
    </message>
    <message>
        <source>Permission was refused. You need to enter an administrator password when asked to do this.</source>
        <translation>Die Berechtigung wurde verweigert. Dafür müssen Sie auf Nachfrage ein Administratorpasswort eingeben.</translation>
    </message>
    <message>
        <source>The helper did not accept the request: %1</source>
        <translation>Der Dienst hat die Anfrage nicht angenommen: %1</translation>
    </message>
    <message>
        <source>The installed disk helper is a different version and does not understand this request.</source>
        <translation>Der installierte Festplattendienst hat eine andere Version und versteht diese Anfrage nicht.</translation>
    </message>
    <message>
        <source>The request took too long and was given up.</source>
        <translation>Die Anfrage hat zu lange gedauert und wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The disk is in use (mounted, swap, or part of another device). Stop using it first.</source>
        <translation>Die Festplatte wird benutzt (eingehängt, als Auslagerungsspeicher oder als Teil eines anderen Geräts). Beenden Sie diese Nutzung zuerst.</translation>
    </message>
    <message>
        <source>The main disk and the spare must be two different disks.</source>
        <translation>Hauptplatte und Ersatzplatte müssen zwei verschiedene Festplatten sein.</translation>
    </message>
    <message>
        <source>The spare disk is too small.</source>
        <translation>Die Ersatzplatte ist zu klein.</translation>
    </message>
    <message>
        <source>A pair with this name already exists. Choose another name.</source>
        <translation>Ein Paar mit diesem Namen gibt es schon. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>No more pairs can be created on this computer.</source>
        <translation>Auf diesem Rechner können keine weiteren Paare angelegt werden.</translation>
    </message>
    <message>
        <source>The disk changed while the request was running. Nothing was done; please try again.</source>
        <translation>Die Festplatte hat sich während der Anfrage verändert. Es wurde nichts getan; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The disk or pair is no longer there.</source>
        <translation>Die Festplatte oder das Paar ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>The device is busy, for example still mounted. Unmount it and try again.</source>
        <translation>Das Gerät ist belegt, zum Beispiel noch eingehängt. Hängen Sie es aus und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This disk does not support that.</source>
        <translation>Diese Festplatte unterstützt das nicht.</translation>
    </message>
    <message>
        <source>(Details: %1)</source>
        <translation>(Einzelheiten: %1)</translation>
    </message>
    <message>
        <source>The disk helper reported an error (%1).</source>
        <translation>Der Festplattendienst meldet einen Fehler (%1).</translation>
    </message>
    <message>
        <source>The disk helper reported an error: %1</source>
        <translation>Der Festplattendienst meldet einen Fehler: %1</translation>
    </message>
    <message>
        <source>This session may not read the state of the disks. Without a password that is allowed only in the active session at this computer, and reading never asks for a password. An administrator can allow your account (polkit action org.dmremap.read).</source>
        <translation>Diese Sitzung darf den Zustand der Festplatten nicht lesen. Ohne Passwort ist das nur in der aktiven Sitzung an diesem Computer erlaubt, und zum Lesen wird nie ein Passwort erfragt. Ein Administrator kann Ihr Konto freigeben (polkit-Aktion org.dmremap.read).</translation>
    </message>
    <message>
        <source>The disk helper service (dm-remap-helper) is installed but could not be started, so disks cannot be shown or changed. An administrator can see why with “journalctl -u dm-remap-helper”.</source>
        <translation>Der Festplattendienst (dm-remap-helper) ist installiert, konnte aber nicht gestartet werden, daher können Festplatten weder angezeigt noch verändert werden. Ein Administrator sieht den Grund mit „journalctl -u dm-remap-helper“.</translation>
    </message>
    <message>
        <source>The disk helper service (dm-remap-helper) is not installed, so disks cannot be shown or changed. Install the package dm-remap-helper, then choose Retry.</source>
        <translation>Der Festplattendienst (dm-remap-helper) ist nicht installiert, daher können Festplatten weder angezeigt noch verändert werden. Installieren Sie das Paket dm-remap-helper und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The new disk is in use (mounted, swap, or part of another device). Stop using it, or choose another disk.</source>
        <translation>Die neue Festplatte wird benutzt (eingehängt, als Auslagerungsspeicher oder als Teil eines anderen Geräts). Beenden Sie diese Nutzung oder wählen Sie eine andere Festplatte.</translation>
    </message>
    <message>
        <source>The new disk is smaller than the pair&apos;s main disk. Choose a disk at least as large.</source>
        <translation>Die neue Festplatte ist kleiner als die Hauptplatte des Paars. Wählen Sie eine mindestens ebenso große Festplatte.</translation>
    </message>
    <message>
        <source>Some blocks of the pair could not be read, so their data cannot be copied. Restore or delete the files stored in them (writing to these blocks moves them to the spare), then try again.</source>
        <translation>Einige Blöcke des Paars konnten nicht gelesen werden, daher können ihre Daten nicht kopiert werden. Stellen Sie die darin gespeicherten Dateien wieder her oder löschen Sie sie (Schreiben in diese Blöcke verlagert sie auf die Ersatzplatte) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The main disk of this pair is already being replaced. Wait until the copy ends, or cancel it first.</source>
        <translation>Die Hauptplatte dieses Paars wird bereits ersetzt. Warten Sie, bis das Kopieren endet, oder brechen Sie es zuerst ab.</translation>
    </message>
    <message>
        <source>The helper was not told that the new disk may be erased, so nothing was done.</source>
        <translation>Dem Hilfsdienst wurde nicht bestätigt, dass die neue Festplatte gelöscht werden darf, daher wurde nichts getan.</translation>
    </message>
    <message>
        <source>The new disk is one of the pair&apos;s own disks. Choose a disk that is not in a pair.</source>
        <translation>Die neue Festplatte gehört selbst zum Paar. Wählen Sie eine Festplatte, die in keinem Paar ist.</translation>
    </message>
    <message>
        <source>The scan cannot start now: the pair&apos;s main disk is being replaced, the pair is being removed, or the disk helper is still starting. Try again later.</source>
        <translation>Die Prüfung kann jetzt nicht beginnen: Die Hauptplatte des Paars wird gerade ersetzt, das Paar wird entfernt, oder der Festplattendienst startet noch. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The pair&apos;s main disk is missing, so it cannot be scanned.</source>
        <translation>Die Hauptplatte des Paars fehlt, daher kann sie nicht geprüft werden.</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>SMART data has not been read yet.</source>
        <translation>Die SMART-Daten wurden noch nicht gelesen.</translation>
    </message>
    <message>
        <source>The disk&apos;s own health check gave no clear answer.</source>
        <translation>Die Selbstprüfung der Festplatte gab keine klare Antwort.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sector(s) have already been replaced by the disk.</source>
        <translation>
            <numerusform>%Ln Sektor wurde von der Festplatte bereits ersetzt.</numerusform>
            <numerusform>%Ln Sektoren wurden von der Festplatte bereits ersetzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The drive has used %1% of its rated life.</source>
        <translation>Das Laufwerk hat %1 % seiner vorgesehenen Lebensdauer verbraucht.</translation>
    </message>
    <message>
        <source>The disk is hot (%1 °C).</source>
        <translation>Die Festplatte ist heiß (%1 °C).</translation>
    </message>
    <message>
        <source>The disk reports no problems.</source>
        <translation>Die Festplatte meldet keine Probleme.</translation>
    </message>
    <message>
        <source>The spare disk is full: new bad blocks can no longer be replaced.</source>
        <translation>Die Ersatzplatte ist voll: neue defekte Blöcke können nicht mehr ersetzt werden.</translation>
    </message>
    <message>
        <source>The list of replaced blocks could not be saved on the spare disk.</source>
        <translation>Die Liste der ersetzten Blöcke konnte nicht auf der Ersatzplatte gespeichert werden.</translation>
    </message>
    <message>
        <source>Writes to the spare disk keep failing: new bad blocks are not replaced until it works again.</source>
        <translation>Schreibzugriffe auf die Ersatzplatte schlagen wiederholt fehl: neue defekte Blöcke werden erst wieder ersetzt, wenn sie funktioniert.</translation>
    </message>
    <message>
        <source>One of the two disks is missing.</source>
        <translation>Eine der beiden Festplatten fehlt.</translation>
    </message>
    <message>
        <source>The spare disk is almost full.</source>
        <translation>Die Ersatzplatte ist fast voll.</translation>
    </message>
    <message>
        <source>The pair&apos;s state is not known.</source>
        <translation>Der Zustand des Paars ist nicht bekannt.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln bad block(s) on the main disk have been moved to the spare.</source>
        <translation>
            <numerusform>%Ln defekter Block der Hauptplatte wurde auf die Ersatzplatte verlagert.</numerusform>
            <numerusform>%Ln defekte Blöcke der Hauptplatte wurden auf die Ersatzplatte verlagert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Main disk: %1</source>
        <translation>Hauptplatte: %1</translation>
    </message>
    <message>
        <source>Spare disk: %1</source>
        <translation>Ersatzplatte: %1</translation>
    </message>
    <message>
        <source>Both disks are working and no block has needed replacing.</source>
        <translation>Beide Festplatten arbeiten, und kein Block musste ersetzt werden.</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Vorsicht</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Schlecht</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fällt aus</translation>
    </message>
    <message>
        <source>Working normally</source>
        <translation>Arbeitet normal</translation>
    </message>
    <message>
        <source>Spare almost full</source>
        <translation>Ersatzplatte fast voll</translation>
    </message>
    <message>
        <source>Spare full</source>
        <translation>Ersatzplatte voll</translation>
    </message>
    <message>
        <source>Cannot save the remap table</source>
        <translation>Umlagerungstabelle kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Spare disk failing</source>
        <translation>Ersatzplatte fehlerhaft</translation>
    </message>
    <message>
        <source>A disk is missing</source>
        <translation>Eine Festplatte fehlt</translation>
    </message>
    <message>
        <source>Hard disk</source>
        <translation>Festplatte</translation>
    </message>
    <message>
        <source>SSD</source>
        <translation>SSD</translation>
    </message>
    <message>
        <source>NVMe SSD</source>
        <translation>NVMe-SSD</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Laufwerk</translation>
    </message>
    <message>
        <source>The disk&apos;s own health check says that it is failing.</source>
        <translation>Die Selbstprüfung der Festplatte meldet, dass sie ausfällt.</translation>
    </message>
    <message>
        <source>Values that predict a failure have reached the limit the maker set.</source>
        <translation>Werte, die einen Ausfall vorhersagen, haben die vom Hersteller gesetzte Grenze erreicht.</translation>
    </message>
    <message>
        <source>SMART attribute %1 is at its failure limit now.</source>
        <translation>Das SMART-Attribut %1 hat jetzt seine Ausfallgrenze erreicht.</translation>
    </message>
    <message>
        <source>The drive&apos;s spare area has fallen below its limit.</source>
        <translation>Der Reservebereich des Laufwerks ist unter seine Grenze gefallen.</translation>
    </message>
    <message>
        <source>The drive reports a temperature outside its limits.</source>
        <translation>Das Laufwerk meldet eine Temperatur außerhalb seiner Grenzen.</translation>
    </message>
    <message>
        <source>The drive reports that its reliability is degraded.</source>
        <translation>Das Laufwerk meldet, dass seine Zuverlässigkeit gesunken ist.</translation>
    </message>
    <message>
        <source>The drive has switched itself to read-only.</source>
        <translation>Das Laufwerk hat sich selbst auf Nur-Lesen umgestellt.</translation>
    </message>
    <message>
        <source>The drive&apos;s backup of its volatile memory failed.</source>
        <translation>Die Sicherung des flüchtigen Speichers des Laufwerks ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The drive raised a critical warning.</source>
        <translation>Das Laufwerk hat eine kritische Warnung ausgegeben.</translation>
    </message>
    <message>
        <source>The drive&apos;s own spare area is down to %1%, below its limit of %2%.</source>
        <translation>Der eigene Reservebereich des Laufwerks ist auf %1 % gesunken, unter seine Grenze von %2 %.</translation>
    </message>
    <message numerus="yes">
        <source>The drive has recorded %Ln error(s) it could not correct.</source>
        <translation>
            <numerusform>Das Laufwerk hat %Ln Fehler verzeichnet, den es nicht korrigieren konnte.</numerusform>
            <numerusform>Das Laufwerk hat %Ln Fehler verzeichnet, die es nicht korrigieren konnte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sector(s) could not be read and wait to be replaced.</source>
        <translation>
            <numerusform>%Ln Sektor konnte nicht gelesen werden und wartet darauf, ersetzt zu werden.</numerusform>
            <numerusform>%Ln Sektoren konnten nicht gelesen werden und warten darauf, ersetzt zu werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The disk&apos;s own scan found %Ln sector(s) it could not read.</source>
        <translation>
            <numerusform>Die eigene Prüfung der Festplatte fand %Ln Sektor, den sie nicht lesen konnte.</numerusform>
            <numerusform>Die eigene Prüfung der Festplatte fand %Ln Sektoren, die sie nicht lesen konnte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The disk could not correct %Ln read error(s).</source>
        <translation>
            <numerusform>Die Festplatte konnte %Ln Lesefehler nicht korrigieren.</numerusform>
            <numerusform>Die Festplatte konnte %Ln Lesefehler nicht korrigieren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some values have reached their failure limit in the past.</source>
        <translation>Einige Werte haben früher schon ihre Ausfallgrenze erreicht.</translation>
    </message>
    <message>
        <source>A self-test of the disk has failed.</source>
        <translation>Ein Selbsttest der Festplatte ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The disk reports a problem that this version does not know.</source>
        <translation>Die Festplatte meldet ein Problem, das diese Version nicht kennt.</translation>
    </message>
    <message>
        <source>The disk is asleep; it was not woken to read its health.</source>
        <translation>Die Festplatte schläft; sie wurde nicht geweckt, um ihren Zustand zu lesen.</translation>
    </message>
    <message>
        <source>This disk does not report its health (it has no SMART).</source>
        <translation>Diese Festplatte meldet ihren Zustand nicht (sie hat kein SMART).</translation>
    </message>
    <message>
        <source>SMART is switched off on this disk.</source>
        <translation>SMART ist auf dieser Festplatte ausgeschaltet.</translation>
    </message>
    <message>
        <source>The disk&apos;s health cannot be read through its connection; a USB disk may need its bridge type chosen.</source>
        <translation>Der Zustand der Festplatte kann über ihren Anschluss nicht gelesen werden; bei einer USB-Festplatte muss eventuell der Typ der Brücke gewählt werden.</translation>
    </message>
    <message>
        <source>The disk could not be opened to read its health.</source>
        <translation>Die Festplatte konnte nicht geöffnet werden, um ihren Zustand zu lesen.</translation>
    </message>
    <message>
        <source>The health of disks cannot be read: smartctl could not be run.</source>
        <translation>Der Zustand von Festplatten kann nicht gelesen werden: smartctl konnte nicht ausgeführt werden.</translation>
    </message>
    <message>
        <source>The disk&apos;s health could not be read: smartctl gave an answer that could not be understood.</source>
        <translation>Der Zustand der Festplatte konnte nicht gelesen werden: smartctl gab eine unverständliche Antwort.</translation>
    </message>
    <message>
        <source>The disk&apos;s health could not be read.</source>
        <translation>Der Zustand der Festplatte konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>mounted on %1</source>
        <translation>eingehängt unter %1</translation>
    </message>
    <message>
        <source>used as swap</source>
        <translation>als Auslagerungsspeicher verwendet</translation>
    </message>
    <message>
        <source>used by %1</source>
        <translation>verwendet von %1</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Benutzung</translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) of this disk failed and were moved to the spare disk of pair “%1”.</source>
        <translation>
            <numerusform>%Ln Block dieser Festplatte ist ausgefallen und wurde auf die Ersatzplatte des Paars „%1“ verlagert.</numerusform>
            <numerusform>%Ln Blöcke dieser Festplatte sind ausgefallen und wurden auf die Ersatzplatte des Paars „%1“ verlagert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) of this disk could not be read; files stored there may be unreadable now.</source>
        <translation>
            <numerusform>%Ln Block dieser Festplatte konnte nicht gelesen werden; dort gespeicherte Dateien sind jetzt möglicherweise unlesbar.</numerusform>
            <numerusform>%Ln Blöcke dieser Festplatte konnten nicht gelesen werden; dort gespeicherte Dateien sind jetzt möglicherweise unlesbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy your files from %1 to another disk now and replace this disk.</source>
        <translation>Kopieren Sie Ihre Dateien jetzt von %1 auf eine andere Festplatte und ersetzen Sie diese Festplatte.</translation>
    </message>
    <message>
        <source>The spare disk stands in for the failed blocks; keep your backup up to date and plan to replace this disk.</source>
        <translation>Die Ersatzplatte springt für die ausgefallenen Blöcke ein; halten Sie Ihre Sicherung aktuell und planen Sie, diese Festplatte zu ersetzen.</translation>
    </message>
    <message>
        <source>Copy your data to another disk now and replace this disk.</source>
        <translation>Kopieren Sie Ihre Daten jetzt auf eine andere Festplatte und ersetzen Sie diese Festplatte.</translation>
    </message>
    <message>
        <source>Give it more air or a cooler place.</source>
        <translation>Sorgen Sie für mehr Luft oder einen kühleren Platz.</translation>
    </message>
    <message>
        <source>Keep your backup up to date and plan to replace this disk.</source>
        <translation>Halten Sie Ihre Sicherung aktuell und planen Sie, diese Festplatte zu ersetzen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) could not be read; files stored there may be unreadable now.</source>
        <translation>
            <numerusform>%Ln Block konnte nicht gelesen werden; dort gespeicherte Dateien sind jetzt möglicherweise unlesbar.</numerusform>
            <numerusform>%Ln Blöcke konnten nicht gelesen werden; dort gespeicherte Dateien sind jetzt möglicherweise unlesbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect the missing disk again.</source>
        <translation>Schließen Sie die fehlende Festplatte wieder an.</translation>
    </message>
    <message>
        <source>Copy your files from %1 to another disk now.</source>
        <translation>Kopieren Sie Ihre Dateien jetzt von %1 auf eine andere Festplatte.</translation>
    </message>
    <message>
        <source>Your data is still readable; keep your backup up to date and plan to replace the failing disk.</source>
        <translation>Ihre Daten sind noch lesbar; halten Sie Ihre Sicherung aktuell und planen Sie, die ausfallende Festplatte zu ersetzen.</translation>
    </message>
    <message>
        <source>SATA</source>
        <translation>SATA</translation>
    </message>
    <message>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <source>NVMe</source>
        <translation>NVMe</translation>
    </message>
    <message>
        <source>SCSI or SAS</source>
        <translation>SCSI oder SAS</translation>
    </message>
    <message>
        <source>a virtual machine&apos;s disk bus</source>
        <translation>den Festplattenbus einer virtuellen Maschine</translation>
    </message>
    <message>
        <source>an unknown connection</source>
        <translation>eine unbekannte Verbindung</translation>
    </message>
    <message>
        <source>Asleep</source>
        <translation>Schläft</translation>
    </message>
    <message>
        <source>The disk is asleep; this is what it reported when it was last awake.</source>
        <translation>Die Festplatte schläft; dies meldete sie, als sie zuletzt wach war.</translation>
    </message>
    <message>
        <source>a memory card slot (SD or eMMC)</source>
        <translation>einen Speicherkartensteckplatz (SD oder eMMC)</translation>
    </message>
    <message>
        <source>FireWire</source>
        <translation>FireWire</translation>
    </message>
    <message>
        <source>a connection of type “%1”</source>
        <translation>eine Verbindung vom Typ „%1“</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Most USB adapters (standard)</source>
        <translation>Die meisten USB-Adapter (Standard)</translation>
    </message>
    <message>
        <source>JMicron USB adapter</source>
        <translation>USB-Adapter von JMicron</translation>
    </message>
    <message>
        <source>Prolific USB adapter</source>
        <translation>USB-Adapter von Prolific</translation>
    </message>
    <message>
        <source>Sunplus USB adapter</source>
        <translation>USB-Adapter von Sunplus</translation>
    </message>
    <message>
        <source>Cypress USB adapter</source>
        <translation>USB-Adapter von Cypress</translation>
    </message>
    <message>
        <source>ASMedia USB adapter for NVMe drives</source>
        <translation>USB-Adapter von ASMedia für NVMe-Laufwerke</translation>
    </message>
    <message>
        <source>JMicron USB adapter for NVMe drives</source>
        <translation>USB-Adapter von JMicron für NVMe-Laufwerke</translation>
    </message>
    <message>
        <source>Realtek USB adapter for NVMe drives</source>
        <translation>USB-Adapter von Realtek für NVMe-Laufwerke</translation>
    </message>
    <message>
        <source>Type “%1”</source>
        <translation>Typ „%1“</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>elevated</source>
        <translation>erhöht</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>sehr hoch</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Not known yet.</source>
        <translation>Noch nicht bekannt.</translation>
    </message>
    <message>
        <source>Full around %1 at the current rate (80% likely between %2 and more than 10 years from now).</source>
        <translation>Beim jetzigen Tempo um den %1 voll (mit 80 % Wahrscheinlichkeit zwischen %2 und mehr als 10 Jahren von heute).</translation>
    </message>
    <message>
        <source>Full around %1 at the current rate (80% likely between %2 and %3).</source>
        <translation>Beim jetzigen Tempo um den %1 voll (mit 80 % Wahrscheinlichkeit zwischen %2 und %3).</translation>
    </message>
    <message>
        <source>No forecast: the disk helper cannot keep a history on this computer.</source>
        <translation>Keine Vorhersage: Der Festplattendienst kann auf diesem Computer keinen Verlauf speichern.</translation>
    </message>
    <message>
        <source>No forecast yet: it needs at least a week of history and three bursts of moved blocks in the last 90 days.</source>
        <translation>Noch keine Vorhersage: Dafür braucht es mindestens eine Woche Verlauf und drei Schübe verlagerter Blöcke in den letzten 90 Tagen.</translation>
    </message>
    <message>
        <source>No forecast: no blocks were moved in the last 90 days.</source>
        <translation>Keine Vorhersage: In den letzten 90 Tagen wurden keine Blöcke verlagert.</translation>
    </message>
    <message>
        <source>No forecast: the spare is full.</source>
        <translation>Keine Vorhersage: Die Ersatzplatte ist voll.</translation>
    </message>
    <message>
        <source>Not within 10 years at the current rate.</source>
        <translation>Beim jetzigen Tempo nicht innerhalb von 10 Jahren voll.</translation>
    </message>
    <message>
        <source>No forecast.</source>
        <translation>Keine Vorhersage.</translation>
    </message>
    <message>
        <source>Failure risk of the main disk: %1 (about %2% likely to fail within a year, %3–%4%).</source>
        <translation>Ausfallrisiko der Hauptplatte: %1 (fällt mit etwa %2 % Wahrscheinlichkeit innerhalb eines Jahres aus, %3–%4 %).</translation>
    </message>
    <message>
        <source>Failure risk of the main disk: %1 (about %2% likely to fail within a year, %3–%4%, by Backblaze&apos;s drive statistics as Scrutiny publishes them).</source>
        <translation>Ausfallrisiko der Hauptplatte: %1 (fällt mit etwa %2 % Wahrscheinlichkeit innerhalb eines Jahres aus, %3–%4 %, nach den Laufwerksstatistiken von Backblaze, wie Scrutiny sie veröffentlicht).</translation>
    </message>
    <message>
        <source>The main disk replaced its first sector less than 60 days ago: until %1 it is much more likely to fail than before.</source>
        <translation>Die Hauptplatte hat vor weniger als 60 Tagen ihren ersten Sektor ersetzt: Bis zum %1 fällt sie viel wahrscheinlicher aus als zuvor.</translation>
    </message>
    <message>
        <source>The main disk replaced its first sector less than 60 days ago: until %1 it is much more likely to fail than before (disks were over 14 times as likely to fail within 60 days of their first reallocation in Google&apos;s study by Pinheiro, Weber and Barroso, FAST 2007).</source>
        <translation>Die Hauptplatte hat vor weniger als 60 Tagen ihren ersten Sektor ersetzt: Bis zum %1 fällt sie viel wahrscheinlicher aus als zuvor (in der Google-Studie von Pinheiro, Weber und Barroso, FAST 2007, fielen Festplatten in den 60 Tagen nach ihrer ersten Sektorersetzung über 14-mal so häufig aus).</translation>
    </message>
</context>
<context>
    <name>HelperClient</name>
    <message>
        <source>There is no connection to the system message bus, so the disk helper cannot be reached.</source>
        <translation>Es besteht keine Verbindung zum System-Nachrichtenbus, daher ist der Festplattendienst nicht erreichbar.</translation>
    </message>
    <message>
        <source>Connecting to the disk helper…</source>
        <translation>Verbindung zum Festplattendienst wird hergestellt …</translation>
    </message>
    <message>
        <source>Reading disk information</source>
        <translation>Lesen der Festplatteninformationen</translation>
    </message>
    <message>
        <source>Reading SMART data</source>
        <translation>Lesen der SMART-Daten</translation>
    </message>
    <message>
        <source>Reading the pair&apos;s status</source>
        <translation>Lesen des Paarzustands</translation>
    </message>
    <message>
        <source>Reading SMART attributes</source>
        <translation>Lesen der SMART-Attribute</translation>
    </message>
    <message>
        <source>Reading the self-test log</source>
        <translation>Lesen des Selbsttest-Protokolls</translation>
    </message>
    <message>
        <source>Reading SMART data again</source>
        <translation>Erneutes Lesen der SMART-Daten</translation>
    </message>
    <message>
        <source>Starting a self-test</source>
        <translation>Starten eines Selbsttests</translation>
    </message>
    <message>
        <source>Stopping the self-test</source>
        <translation>Anhalten des Selbsttests</translation>
    </message>
    <message>
        <source>Reading the remap map</source>
        <translation>Lesen der Umlagerungskarte</translation>
    </message>
    <message>
        <source>Listing remapped blocks</source>
        <translation>Auflisten der verlagerten Blöcke</translation>
    </message>
    <message>
        <source>Creating the pair</source>
        <translation>Anlegen des Paars</translation>
    </message>
    <message>
        <source>Removing the pair</source>
        <translation>Entfernen des Paars</translation>
    </message>
    <message>
        <source>The disk helper service (dm-remap-helper) stopped, so disks cannot be shown or changed. Choose Retry to start it again.</source>
        <translation>Der Festplattendienst (dm-remap-helper) wurde beendet, daher können Festplatten weder angezeigt noch verändert werden. Wählen Sie „Erneut versuchen“, um ihn wieder zu starten.</translation>
    </message>
    <message>
        <source>Replacing the main disk</source>
        <translation>Ersetzen der Hauptplatte</translation>
    </message>
    <message>
        <source>Cancelling the replacement</source>
        <translation>Abbrechen des Ersetzens</translation>
    </message>
    <message>
        <source>Waking the disk to read its SMART data</source>
        <translation>Wecken der Festplatte zum Lesen ihrer SMART-Daten</translation>
    </message>
    <message>
        <source>Choosing the disk&apos;s USB adapter</source>
        <translation>Wählen des USB-Adapters der Festplatte</translation>
    </message>
    <message>
        <source>Starting the background scan</source>
        <translation>Starten der Hintergrundprüfung</translation>
    </message>
    <message>
        <source>Stopping the background scan</source>
        <translation>Anhalten der Hintergrundprüfung</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Blocks moved to the spare</source>
        <translation>Auf die Ersatzplatte verlagerte Blöcke</translation>
    </message>
    <message>
        <source>Blocks found unreadable</source>
        <translation>Als unlesbar gefundene Blöcke</translation>
    </message>
    <message>
        <source>Forecast: spare full</source>
        <translation>Vorhersage: Ersatzplatte voll</translation>
    </message>
    <message>
        <source>80% interval</source>
        <translation>80-%-Intervall</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>History chart</source>
        <translation>Verlaufsdiagramm</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Verlauf wird gelesen …</translation>
    </message>
    <message>
        <source>No blocks were moved or found unreadable in this time.</source>
        <translation>In diesem Zeitraum wurden keine Blöcke verlagert oder als unlesbar gefunden.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Disk Remap Manager</source>
        <translation>Festplatten-Umlagerung</translation>
    </message>
    <message>
        <source>Disks and pairs</source>
        <translation>Festplatten und Paare</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>&amp;SMART</source>
        <translation>&amp;SMART</translation>
    </message>
    <message>
        <source>Remap &amp;map</source>
        <translation>Umlagerungs&amp;karte</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Retry connecting to the disk helper</source>
        <translation>Erneut mit dem Festplattendienst verbinden</translation>
    </message>
    <message>
        <source>Helper status</source>
        <translation>Zustand des Dienstes</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>&amp;Pair disks…</source>
        <translation>Festplatten &amp;koppeln …</translation>
    </message>
    <message>
        <source>Protect a disk with a spare disk</source>
        <translation>Eine Festplatte mit einer Ersatzplatte schützen</translation>
    </message>
    <message>
        <source>&amp;Remove pair…</source>
        <translation>Paar &amp;entfernen …</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>&amp;Disks</source>
        <translation>&amp;Festplatten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>About Disk Remap Manager</source>
        <translation>Über Festplatten-Umlagerung</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Disk Remap Manager&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Watches your disks and keeps data on ageing disks readable by moving failing blocks to a spare disk.&lt;/p&gt;&lt;p&gt;Helper: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Festplatten-Umlagerung&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Überwacht Ihre Festplatten und hält Daten auf alternden Festplatten lesbar, indem ausfallende Blöcke auf eine Ersatzplatte verlagert werden.&lt;/p&gt;&lt;p&gt;Dienst: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Remove pair</source>
        <translation>Paar entfernen</translation>
    </message>
    <message>
        <source>Remove the pair “%1”?</source>
        <translation>Das Paar „%1“ entfernen?</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Opening “%1”</source>
        <translation>Öffnen von „%1“</translation>
    </message>
    <message>
        <source>There is no disk or pair with that name or device.</source>
        <translation>Es gibt keine Festplatte und kein Paar mit diesem Namen oder Gerät.</translation>
    </message>
    <message>
        <source>The device %1 disappears, so stop using it first (unmount it).</source>
        <translation>Das Gerät %1 verschwindet, beenden Sie also zuerst seine Nutzung (hängen Sie es aus).</translation>
    </message>
    <message>
        <source>No blocks were moved to the spare: the main disk alone holds the pair&apos;s data.</source>
        <translation>Es wurden keine Blöcke auf die Ersatzplatte verlagert: Die Hauptplatte allein enthält die Daten des Paars.</translation>
    </message>
    <message>
        <source>First, the blocks moved to the spare (%1) are written back to the main disk and checked. Only if all of them go back is the pair removed; the main disk then holds all of the pair&apos;s data. If some cannot go back, nothing is removed and you are asked what to do.</source>
        <translation>Zuerst werden die auf die Ersatzplatte verlagerten Blöcke (%1) auf die Hauptplatte zurückgeschrieben und geprüft. Nur wenn alle zurückgehen, wird das Paar entfernt; die Hauptplatte enthält dann alle Daten des Paars. Können einige nicht zurück, wird nichts entfernt, und Sie werden gefragt, was geschehen soll.</translation>
    </message>
    <message>
        <source>Blocks that could not be read on the main disk (%1) were never rewritten: they remain unreadable.</source>
        <translation>Blöcke, die auf der Hauptplatte nicht gelesen werden konnten (%1), wurden nie neu geschrieben: Sie bleiben unlesbar.</translation>
    </message>
    <message>
        <source>Pair not removed</source>
        <translation>Paar nicht entfernt</translation>
    </message>
    <message>
        <source>The pair “%1” was not removed: some moved blocks cannot be written back to the main disk.</source>
        <translation>Das Paar „%1“ wurde nicht entfernt: Einige verlagerte Blöcke können nicht auf die Hauptplatte zurückgeschrieben werden.</translation>
    </message>
    <message>
        <source>&amp;Keep the pair</source>
        <translation>Paar &amp;behalten</translation>
    </message>
    <message>
        <source>Remove &amp;anyway…</source>
        <translation>&amp;Trotzdem entfernen…</translation>
    </message>
    <message>
        <source>Remove pair anyway</source>
        <translation>Paar trotzdem entfernen</translation>
    </message>
    <message>
        <source>Really remove the pair “%1” and lose the newest data of the blocks that cannot go back?</source>
        <translation>Das Paar „%1“ wirklich entfernen und die neuesten Daten der Blöcke verlieren, die nicht zurückgehen?</translation>
    </message>
    <message>
        <source>Their data stays only on the spare: the pair can still be assembled again from the two disks as long as nothing writes to them.</source>
        <translation>Ihre Daten bleiben nur auf der Ersatzplatte: Das Paar kann aus den beiden Platten wieder zusammengesetzt werden, solange nichts auf sie schreibt.</translation>
    </message>
    <message>
        <source>Remove and &amp;lose data</source>
        <translation>Entfernen und Daten &amp;verlieren</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <source>Disk Remap Manager keeps watching your disks</source>
        <translation>Festplatten-Umlagerung überwacht Ihre Festplatten weiter</translation>
    </message>
    <message>
        <source>You will be notified when a disk needs attention. Open Disk Remap Manager from the applications menu to see your disks; to stop watching, choose Quit in its Disks menu.</source>
        <translation>Sie werden benachrichtigt, wenn eine Festplatte Aufmerksamkeit braucht. Öffnen Sie Festplatten-Umlagerung aus dem Anwendungsmenü, um Ihre Festplatten zu sehen; um die Überwachung zu beenden, wählen Sie „Beenden“ im Menü „Festplatten“.</translation>
    </message>
    <message>
        <source>Pairing is not possible now: %1</source>
        <translation>Koppeln ist jetzt nicht möglich: %1</translation>
    </message>
    <message>
        <source>Replace ma&amp;in disk…</source>
        <translation>Hauptplatte e&amp;rsetzen …</translation>
    </message>
    <message>
        <source>Cancel replacemen&amp;t</source>
        <translation>Ersetzen abbre&amp;chen</translation>
    </message>
    <message>
        <source>The newest data of these blocks is only on the spare. Keep the pair and replace the main disk with Replace main disk…: the whole pair, these blocks included, is copied to a new disk, so that nothing is lost. If you remove the pair anyway, the main disk alone holds old or unreadable data in these blocks.</source>
        <translation>Die neuesten Daten dieser Blöcke liegen nur auf der Ersatzplatte. Behalten Sie das Paar und ersetzen Sie die Hauptplatte mit „Hauptplatte ersetzen …“: Das ganze Paar, diese Blöcke eingeschlossen, wird auf eine neue Festplatte kopiert, damit nichts verloren geht. Wenn Sie das Paar trotzdem entfernen, enthält die Hauptplatte allein in diesen Blöcken alte oder unlesbare Daten.</translation>
    </message>
    <message>
        <source>Cancel replacement</source>
        <translation>Ersetzen abbrechen</translation>
    </message>
    <message>
        <source>Stop replacing the main disk of pair “%1”?</source>
        <translation>Das Ersetzen der Hauptplatte des Paars „%1“ abbrechen?</translation>
    </message>
    <message>
        <source>The pair goes on on its own disks, as before. What was copied to %1 so far is erased and the disk is released; to replace the main disk later, the copy starts from the beginning.</source>
        <translation>Das Paar arbeitet wie bisher mit seinen eigenen Platten weiter. Was bisher auf %1 kopiert wurde, wird gelöscht und die Festplatte freigegeben; wenn Sie die Hauptplatte später ersetzen, beginnt das Kopieren von vorn.</translation>
    </message>
    <message>
        <source>&amp;Stop copying</source>
        <translation>Kopieren &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Go on copying</source>
        <translation>&amp;Weiter kopieren</translation>
    </message>
    <message>
        <source>Replace ma&amp;in disk…</source>
        <comment>a button beside three others</comment>
        <translation>Hauptplatte e&amp;rsetzen …</translation>
    </message>
    <message>
        <source>Check this computer again</source>
        <translation>Diesen Computer erneut prüfen</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>Choose a pair to see where its bad blocks are.</source>
        <translation>Wählen Sie ein Paar, um zu sehen, wo seine defekten Blöcke liegen.</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>&amp;Whole disk</source>
        <translation>Ganze &amp;Platte</translation>
    </message>
    <message>
        <source>Shown range</source>
        <translation>Angezeigter Bereich</translation>
    </message>
    <message>
        <source>Show the selected cell in more detail (also: double-click, mouse wheel, +)</source>
        <translation>Die gewählte Zelle genauer zeigen (auch: Doppelklick, Mausrad, +)</translation>
    </message>
    <message>
        <source>Show a larger part of the disk (also: mouse wheel, -)</source>
        <translation>Einen größeren Teil der Festplatte zeigen (auch: Mausrad, -)</translation>
    </message>
    <message>
        <source>Sector on the main disk</source>
        <translation>Sektor auf der Hauptplatte</translation>
    </message>
    <message>
        <source>Moved to spare sector</source>
        <translation>Verlagert auf Ersatzsektor</translation>
    </message>
    <message>
        <source>Remapped blocks in the chosen cell</source>
        <translation>Verlagerte Blöcke in der gewählten Zelle</translation>
    </message>
    <message>
        <source>Click a cell to list the blocks moved from it.</source>
        <translation>Klicken Sie auf eine Zelle, um die daraus verlagerten Blöcke aufzulisten.</translation>
    </message>
    <message>
        <source>No problem</source>
        <translation>Kein Problem</translation>
    </message>
    <message>
        <source>Few blocks moved</source>
        <translation>Wenige Blöcke verlagert</translation>
    </message>
    <message>
        <source>Many blocks moved</source>
        <translation>Viele Blöcke verlagert</translation>
    </message>
    <message>
        <source>Unreadable, waiting</source>
        <translation>Unlesbar, wartend</translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) moved from sectors %1 to %2.</source>
        <translation>
            <numerusform>%Ln Block aus den Sektoren %1 bis %2 verlagert.</numerusform>
            <numerusform>%Ln Blöcke aus den Sektoren %1 bis %2 verlagert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sectors %1 to %2 · %3 per cell</source>
        <translation>Sektoren %1 bis %2 · %3 je Zelle</translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation>Auflisten …</translation>
    </message>
    <message>
        <source>Zoom o&amp;ut</source>
        <translation>Verklei&amp;nern</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%Ln new bad block(s) on the main disk were moved to the spare.</source>
        <translation>
            <numerusform>%Ln neuer defekter Block der Hauptplatte wurde auf die Ersatzplatte verlagert.</numerusform>
            <numerusform>%Ln neue defekte Blöcke der Hauptplatte wurden auf die Ersatzplatte verlagert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In total %Ln block(s) have been moved. Your data is safe, but the main disk is wearing out.</source>
        <translation>
            <numerusform>Insgesamt wurde %Ln Block verlagert. Ihre Daten sind sicher, aber die Hauptplatte nutzt sich ab.</numerusform>
            <numerusform>Insgesamt wurden %Ln Blöcke verlagert. Ihre Daten sind sicher, aber die Hauptplatte nutzt sich ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bad blocks on pair “%1”</source>
        <translation>Defekte Blöcke im Paar „%1“</translation>
    </message>
    <message>
        <source>Pair “%1”: %2.</source>
        <translation>Paar „%1“: %2.</translation>
    </message>
    <message>
        <source>Pair “%1”: %2</source>
        <translation>Paar „%1“: %2</translation>
    </message>
    <message>
        <source>Disk health: %1</source>
        <translation>Festplattenzustand: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Both disks of pair “%1” are gone. Reconnect them; until then its data cannot be used.</source>
        <translation>Beide Platten des Paars „%1“ fehlen. Schließen Sie sie wieder an; bis dahin sind seine Daten nicht nutzbar.</translation>
    </message>
    <message>
        <source>The main disk of pair “%1”%2 is gone. Reconnect it; until then the pair&apos;s data cannot be used.</source>
        <translation>Die Hauptplatte des Paars „%1“%2 fehlt. Schließen Sie sie wieder an; bis dahin sind die Daten des Paars nicht nutzbar.</translation>
    </message>
    <message>
        <source>The spare disk of pair “%1”%2 is gone. Blocks moved to it cannot be read until it is reconnected.</source>
        <translation>Die Ersatzplatte des Paars „%1“%2 fehlt. Dorthin verschobene Blöcke können erst wieder gelesen werden, wenn sie angeschlossen ist.</translation>
    </message>
    <message>
        <source>Disks that need attention</source>
        <translation>Festplatten, die Aufmerksamkeit brauchen</translation>
    </message>
    <message>
        <source>Found at the first start: problems on %1. Open Disk Remap Manager to see them.</source>
        <translation>Beim ersten Start gefunden: Probleme bei %1. Öffnen Sie die Festplatten-Umlagerung, um sie zu sehen.</translation>
    </message>
    <message>
        <source>pair “%1”</source>
        <translation>Paar „%1“</translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) of pair “%1” could not be read; files stored there may be unreadable now. Copy what you still can from %2 to another disk.</source>
        <translation>
            <numerusform>%Ln Block des Paars „%1“ konnte nicht gelesen werden; dort gespeicherte Dateien sind jetzt möglicherweise unlesbar. Kopieren Sie, was noch geht, von %2 auf eine andere Festplatte.</numerusform>
            <numerusform>%Ln Blöcke des Paars „%1“ konnten nicht gelesen werden; dort gespeicherte Dateien sind jetzt möglicherweise unlesbar. Kopieren Sie, was noch geht, von %2 auf eine andere Festplatte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminder: %1</source>
        <translation>Erinnerung: %1</translation>
    </message>
    <message>
        <source>Disk %1: %2</source>
        <translation>Festplatte %1: %2</translation>
    </message>
    <message>
        <source>The spare disk of pair “%1” is almost full (%2 of %3 blocks used). Replace the main disk soon (Replace main disk… on the pair&apos;s overview).</source>
        <translation>Die Ersatzplatte des Paars „%1“ ist fast voll (%2 von %3 Blöcken belegt). Ersetzen Sie bald die Hauptplatte („Hauptplatte ersetzen …“ in der Übersicht des Paars).</translation>
    </message>
    <message>
        <source>The spare disk of pair “%1” is full. New bad blocks can no longer be replaced: replace the main disk now (Replace main disk… on the pair&apos;s overview) and keep your backup up to date.</source>
        <translation>Die Ersatzplatte des Paars „%1“ ist voll. Neue defekte Blöcke können nicht mehr ersetzt werden: Ersetzen Sie jetzt die Hauptplatte („Hauptplatte ersetzen …“ in der Übersicht des Paars) und halten Sie Ihre Sicherung aktuell.</translation>
    </message>
    <message>
        <source>Main disk of pair “%1” replaced</source>
        <translation>Hauptplatte des Paars „%1“ ersetzt</translation>
    </message>
    <message>
        <source>The main disk of pair “%1” was replaced by %2; %3 now uses it alone. The old main disk and the spare are free again.</source>
        <translation>Die Hauptplatte des Paars „%1“ wurde durch %2 ersetzt; %3 verwendet jetzt nur noch diese Festplatte. Die alte Hauptplatte und die Ersatzplatte sind wieder frei.</translation>
    </message>
    <message>
        <source>Replacement of pair “%1” cancelled</source>
        <translation>Ersetzen im Paar „%1“ abgebrochen</translation>
    </message>
    <message>
        <source>Copying pair “%1” to %2 was cancelled. The pair goes on on its old disks.</source>
        <translation>Das Kopieren des Paars „%1“ auf %2 wurde abgebrochen. Das Paar arbeitet mit seinen bisherigen Platten weiter.</translation>
    </message>
    <message>
        <source>Main disk of pair “%1” not replaced</source>
        <translation>Hauptplatte des Paars „%1“ nicht ersetzt</translation>
    </message>
    <message>
        <source>Copying pair “%1” to %2 failed: one of the disks failed during the copy. The pair goes on on its old disks; look at the health of %2 and of the main disk before trying again.</source>
        <translation>Das Kopieren des Paars „%1“ auf %2 ist gescheitert: Eine der Festplatten ist beim Kopieren ausgefallen. Das Paar arbeitet mit seinen bisherigen Platten weiter; prüfen Sie den Zustand von %2 und der Hauptplatte, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>more than 10 years from now</source>
        <translation>mehr als 10 Jahren von heute</translation>
    </message>
    <message>
        <source>Spare of pair “%1” full around %2</source>
        <translation>Ersatzplatte des Paars „%1“ um den %2 voll</translation>
    </message>
    <message>
        <source>At the current rate the spare disk of pair “%1” will be full around %2 (80% likely between %3 and %4). Replace the main disk before then (Replace main disk… on the pair&apos;s overview).</source>
        <translation>Beim jetzigen Tempo ist die Ersatzplatte des Paars „%1“ um den %2 voll (mit 80 % Wahrscheinlichkeit zwischen %3 und %4). Ersetzen Sie die Hauptplatte vorher („Hauptplatte ersetzen …“ in der Übersicht des Paars).</translation>
    </message>
    <message>
        <source>Background scan of pair “%1”: unreadable places found</source>
        <translation>Hintergrundprüfung des Paars „%1“: unlesbare Stellen gefunden</translation>
    </message>
    <message numerus="yes">
        <source>The background scan of pair “%1”, finished on %2, found %Ln unreadable place(s) on the main disk. What was stored there cannot be read now; each of these blocks is moved to the spare disk when it is next written.</source>
        <translation>
            <numerusform>Die Hintergrundprüfung des Paars „%1“, beendet am %2, hat %Ln unlesbare Stelle auf der Hauptplatte gefunden. Was dort gespeichert war, kann jetzt nicht gelesen werden; jeder dieser Blöcke wird auf die Ersatzplatte verlagert, sobald er das nächste Mal beschrieben wird.</numerusform>
            <numerusform>Die Hintergrundprüfung des Paars „%1“, beendet am %2, hat %Ln unlesbare Stellen auf der Hauptplatte gefunden. Was dort gespeichert war, kann jetzt nicht gelesen werden; jeder dieser Blöcke wird auf die Ersatzplatte verlagert, sobald er das nächste Mal beschrieben wird.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>&amp;Remove pair…</source>
        <translation>Paar &amp;entfernen …</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Seriennummer:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Used as:</source>
        <translation>Verwendet als:</translation>
    </message>
    <message>
        <source>SMART verdict:</source>
        <translation>SMART-Urteil:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Powered on:</source>
        <translation>Eingeschaltet:</translation>
    </message>
    <message>
        <source>Sectors replaced by the disk:</source>
        <translation>Von der Festplatte ersetzte Sektoren:</translation>
    </message>
    <message>
        <source>Unreadable sectors:</source>
        <translation>Unlesbare Sektoren:</translation>
    </message>
    <message>
        <source>Spare space used</source>
        <translation>Belegter Ersatzplatz</translation>
    </message>
    <message>
        <source>Spare used:</source>
        <translation>Ersatz belegt:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Blocks moved to the spare:</source>
        <translation>Auf die Ersatzplatte verlagerte Blöcke:</translation>
    </message>
    <message>
        <source>Unreadable blocks waiting:</source>
        <translation>Wartende unlesbare Blöcke:</translation>
    </message>
    <message>
        <source>Read errors:</source>
        <translation>Lesefehler:</translation>
    </message>
    <message>
        <source>Write errors:</source>
        <translation>Schreibfehler:</translation>
    </message>
    <message>
        <source>Use this device:</source>
        <translation>Dieses Gerät verwenden:</translation>
    </message>
    <message>
        <source>Main disk:</source>
        <translation>Hauptplatte:</translation>
    </message>
    <message>
        <source>Spare disk:</source>
        <translation>Ersatzplatte:</translation>
    </message>
    <message>
        <source>Block size:</source>
        <translation>Blockgröße:</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>No device selected</source>
        <translation>Kein Gerät gewählt</translation>
    </message>
    <message>
        <source>Choose a disk or a pair on the left to see its health.</source>
        <translation>Wählen Sie links eine Festplatte oder ein Paar, um den Zustand zu sehen.</translation>
    </message>
    <message>
        <source>Pair “%1”</source>
        <translation>Paar „%1“</translation>
    </message>
    <message>
        <source>%1 of %2 spare blocks used</source>
        <translation>%1 von %2 Ersatzblöcken belegt</translation>
    </message>
    <message>
        <source>%1, connected by %2</source>
        <translation>%1, angeschlossen über %2</translation>
    </message>
    <message>
        <source>Not paired</source>
        <translation>Nicht gepaart</translation>
    </message>
    <message>
        <source>in use: %1</source>
        <translation>in Benutzung: %1</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>no SMART data</source>
        <translation>keine SMART-Daten</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln Stunde</numerusform>
            <numerusform>%Ln Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Don&apos;t show &amp;notifications about this device</source>
        <translation>Für dieses Gerät keine &amp;Benachrichtigungen zeigen</translation>
    </message>
    <message>
        <source>Main disk of pair “%1”</source>
        <translation>Hauptplatte des Paars „%1“</translation>
    </message>
    <message>
        <source>Spare disk of pair “%1”</source>
        <translation>Ersatzplatte des Paars „%1“</translation>
    </message>
    <message>
        <source>Replace ma&amp;in disk…</source>
        <translation>Hauptplatte e&amp;rsetzen …</translation>
    </message>
    <message>
        <source>Start &amp;again</source>
        <translation>Erneut s&amp;tarten</translation>
    </message>
    <message>
        <source>Cancel replacemen&amp;t</source>
        <translation>Ersetzen abbre&amp;chen</translation>
    </message>
    <message>
        <source>Replacement of the main disk</source>
        <translation>Ersetzen der Hauptplatte</translation>
    </message>
    <message>
        <source>Copy progress</source>
        <translation>Kopierfortschritt</translation>
    </message>
    <message>
        <source>Copy the pair to the same new disk again, from the start</source>
        <translation>Das Paar erneut von vorn auf dieselbe neue Festplatte kopieren</translation>
    </message>
    <message>
        <source>Stop copying; the pair goes on on its own disks</source>
        <translation>Kopieren abbrechen; das Paar arbeitet mit seinen eigenen Platten weiter</translation>
    </message>
    <message>
        <source>%1% copied</source>
        <translation>%1 % kopiert</translation>
    </message>
    <message>
        <source>The main disk is being replaced by %1. The pair stays usable meanwhile; when the copy is done, %2 uses the new disk alone and the pair ends.</source>
        <translation>Die Hauptplatte wird durch %1 ersetzt. Das Paar bleibt währenddessen nutzbar; wenn das Kopieren fertig ist, verwendet %2 nur noch die neue Festplatte und das Paar endet.</translation>
    </message>
    <message>
        <source>Copying the pair to %1 was stopped by a restart. Start it again, or cancel it: the pair then goes on on its own disks.</source>
        <translation>Das Kopieren des Paars auf %1 wurde durch einen Neustart unterbrochen. Starten Sie es erneut oder brechen Sie es ab: Das Paar arbeitet dann mit seinen eigenen Platten weiter.</translation>
    </message>
    <message>
        <source>not read: the disk is asleep</source>
        <translation>nicht gelesen: die Festplatte schläft</translation>
    </message>
    <message>
        <source>&amp;Wake and read</source>
        <translation>&amp;Wecken und lesen</translation>
    </message>
    <message>
        <source>Wake the disk up and read its SMART data; it spins up and stays awake for a while</source>
        <translation>Die Festplatte wecken und ihre SMART-Daten lesen; sie läuft an und bleibt eine Weile wach</translation>
    </message>
    <message>
        <source>Spare forecast:</source>
        <translation>Vorhersage Ersatz:</translation>
    </message>
    <message>
        <source>Background scan</source>
        <translation>Hintergrundprüfung</translation>
    </message>
    <message>
        <source>Scan progress</source>
        <translation>Fortschritt der Prüfung</translation>
    </message>
    <message>
        <source>Read failures</source>
        <translation>Fehlgeschlagene Lesevorgänge</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>Fortschritt:</translation>
    </message>
    <message>
        <source>Read failures:</source>
        <translation>Fehlgeschlagenes Lesen:</translation>
    </message>
    <message>
        <source>Last whole pass:</source>
        <translation>Letzter ganzer Durchgang:</translation>
    </message>
    <message>
        <source>Next pass:</source>
        <translation>Nächster Durchgang:</translation>
    </message>
</context>
<context>
    <name>PairRules</name>
    <message>
        <source>In use</source>
        <translation>In Benutzung</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>In Benutzung: %1</translation>
    </message>
    <message>
        <source>Already the main disk of a pair</source>
        <translation>Bereits Hauptplatte eines Paars</translation>
    </message>
    <message>
        <source>Already the spare of a pair</source>
        <translation>Bereits Ersatzplatte eines Paars</translation>
    </message>
    <message>
        <source>This is the main disk</source>
        <translation>Das ist die Hauptplatte</translation>
    </message>
    <message>
        <source>Too small: %1 cannot hold the remap table</source>
        <translation>Zu klein: %1 fasst die Umlagerungstabelle nicht</translation>
    </message>
    <message>
        <source>Its sectors are larger than the chosen block size</source>
        <translation>Ihre Sektoren sind größer als die gewählte Blockgröße</translation>
    </message>
    <message>
        <source>Already the main disk of pair “%1”</source>
        <translation>Bereits Hauptplatte des Paars „%1“</translation>
    </message>
    <message>
        <source>Already the spare of pair “%1”</source>
        <translation>Bereits Ersatzplatte des Paars „%1“</translation>
    </message>
    <message>
        <source>Its health is Bad: blocks moved to a failing spare can be lost.</source>
        <translation>Ihr Zustand ist Schlecht: Blöcke, die auf eine ausfallende Ersatzplatte verschoben werden, können verloren gehen.</translation>
    </message>
    <message>
        <source>Its health is unknown: choose a spare whose health can be read if you can.</source>
        <translation>Ihr Zustand ist unbekannt: Wählen Sie nach Möglichkeit eine Ersatzplatte, deren Zustand sich lesen lässt.</translation>
    </message>
    <message>
        <source>It is a USB disk: while it is unplugged, the moved blocks cannot be read.</source>
        <translation>Sie ist über USB angeschlossen: Solange sie getrennt ist, können die verschobenen Blöcke nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This is the pair&apos;s main disk</source>
        <translation>Das ist die Hauptplatte des Paars</translation>
    </message>
    <message>
        <source>This is the pair&apos;s spare</source>
        <translation>Das ist die Ersatzplatte des Paars</translation>
    </message>
    <message>
        <source>Too small: %1, the pair needs at least %2</source>
        <translation>Zu klein: %1, das Paar braucht mindestens %2</translation>
    </message>
    <message numerus="yes">
        <source>The pair has %Ln unreadable block(s) whose data cannot be copied. Restore or delete the files stored in them first (writing to these blocks moves them to the spare).</source>
        <translation>
            <numerusform>Das Paar hat %Ln unlesbaren Block, dessen Daten nicht kopiert werden können. Stellen Sie die darin gespeicherten Dateien zuerst wieder her oder löschen Sie sie (Schreiben in diesen Block verlagert ihn auf die Ersatzplatte).</numerusform>
            <numerusform>Das Paar hat %Ln unlesbare Blöcke, deren Daten nicht kopiert werden können. Stellen Sie die darin gespeicherten Dateien zuerst wieder her oder löschen Sie sie (Schreiben in diese Blöcke verlagert sie auf die Ersatzplatte).</numerusform>
        </translation>
    </message>
    <message>
        <source>Its health is Bad: your data would move to a failing disk.</source>
        <translation>Ihr Zustand ist Schlecht: Ihre Daten kämen auf eine ausfallende Festplatte.</translation>
    </message>
    <message>
        <source>Its health is Caution: choose a healthy disk if you can.</source>
        <translation>Ihr Zustand ist Vorsicht: Wählen Sie wenn möglich eine gesunde Festplatte.</translation>
    </message>
    <message>
        <source>It is a USB disk: while it is unplugged, your data cannot be read.</source>
        <translation>Sie ist über USB angeschlossen: Solange sie getrennt ist, können Ihre Daten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Its sectors are larger than the main disk&apos;s</source>
        <translation>Ihre Sektoren sind größer als die der Hauptplatte</translation>
    </message>
    <message>
        <source>It has no serial number, so it could not be found again after a restart</source>
        <translation>Sie hat keine Seriennummer und wäre nach einem Neustart nicht wiederzufinden</translation>
    </message>
</context>
<context>
    <name>PairWizard</name>
    <message>
        <source>Pair two disks</source>
        <translation>Zwei Festplatten koppeln</translation>
    </message>
    <message>
        <source>Choose the main disk</source>
        <translation>Hauptplatte wählen</translation>
    </message>
    <message>
        <source>The main disk keeps your data. Choose the disk that is ageing or that you want to protect.</source>
        <translation>Die Hauptplatte behält Ihre Daten. Wählen Sie die Festplatte, die altert oder die Sie schützen möchten.</translation>
    </message>
    <message>
        <source>Main disk</source>
        <translation>Hauptplatte</translation>
    </message>
    <message>
        <source>Choose the spare disk</source>
        <translation>Ersatzplatte wählen</translation>
    </message>
    <message>
        <source>The spare receives the blocks that fail on the main disk. Everything on it will be erased.</source>
        <translation>Die Ersatzplatte nimmt die Blöcke auf, die auf der Hauptplatte ausfallen. Alles darauf wird gelöscht.</translation>
    </message>
    <message>
        <source>Spare disk</source>
        <translation>Ersatzplatte</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The pair appears as a new disk under /dev/mapper with this name.</source>
        <translation>Das Paar erscheint unter diesem Namen als neue Festplatte in /dev/mapper.</translation>
    </message>
    <message>
        <source>Pair name</source>
        <translation>Name des Paars</translation>
    </message>
    <message>
        <source>Letters, digits, dot, dash and underscore; starts with a letter or digit.</source>
        <translation>Buchstaben, Ziffern, Punkt, Bindestrich und Unterstrich; beginnt mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Blockgröße</translation>
    </message>
    <message>
        <source>The unit moved to the spare when a sector fails. 4 KiB suits almost every disk.</source>
        <translation>Die Einheit, die bei einem Sektorfehler verlagert wird. 4 KiB passt für fast jede Festplatte.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Confirm erasing the spare disk</source>
        <translation>Löschen der Ersatzplatte bestätigen</translation>
    </message>
    <message>
        <source>&amp;Create pair</source>
        <translation>Paar &amp;anlegen</translation>
    </message>
    <message>
        <source>Creating the pair</source>
        <translation>Anlegen des Paars</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message numerus="yes">
        <source>room for %Ln bad block(s)</source>
        <translation>
            <numerusform>Platz für %Ln defekten Block</numerusform>
            <numerusform>Platz für %Ln defekte Blöcke</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1 (empfohlen)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Main disk (keeps its data): &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Spare disk: &lt;b&gt;%2&lt;/b&gt;, room for %3 bad blocks&lt;/p&gt;&lt;p&gt;New device: &lt;b&gt;/dev/mapper/%4&lt;/b&gt;, block size %5&lt;/p&gt;</source>
        <translation>&lt;p&gt;Hauptplatte (behält ihre Daten): &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Ersatzplatte: &lt;b&gt;%2&lt;/b&gt;, Platz für %3 defekte Blöcke&lt;/p&gt;&lt;p&gt;Neues Gerät: &lt;b&gt;/dev/mapper/%4&lt;/b&gt;, Blockgröße %5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Everything on %1 will be erased.&lt;/b&gt; Files, partitions and file systems on the spare disk will be lost and cannot be recovered.</source>
        <translation>&lt;b&gt;Alles auf %1 wird gelöscht.&lt;/b&gt; Dateien, Partitionen und Dateisysteme auf der Ersatzplatte gehen verloren und können nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>I understand that all data on %1 will be &amp;erased</source>
        <translation>Mir ist klar, dass alle Daten auf %1 &amp;gelöscht werden</translation>
    </message>
    <message>
        <source>Creating the pair… If a password dialog appears, enter an administrator password.</source>
        <translation>Das Paar wird angelegt … Wenn ein Passwortdialog erscheint, geben Sie ein Administratorpasswort ein.</translation>
    </message>
    <message>
        <source>When a block of the main disk fails, the pair moves it to the spare disk. Data that can still be read moves with it; data in a block that can no longer be read is lost, so keep a backup. Disks that cannot be chosen show why.</source>
        <translation>Wenn ein Block der Hauptplatte ausfällt, verlagert das Paar ihn auf die Ersatzplatte. Noch lesbare Daten werden mitgenommen; Daten in einem Block, der nicht mehr gelesen werden kann, sind verloren, halten Sie also eine Sicherung bereit. Festplatten, die nicht gewählt werden können, zeigen den Grund an.</translation>
    </message>
    <message>
        <source>Check your choice. An administrator password may be asked for.</source>
        <translation>Prüfen Sie Ihre Auswahl. Eventuell wird ein Administratorpasswort abgefragt.</translation>
    </message>
    <message>
        <source>The pair “%1” is ready. The data of %3 is now reached through %2: from now on use %2 wherever you used %3. Do not use %3 directly any more: what is written there bypasses the pair.</source>
        <translation>Das Paar „%1“ ist bereit. Die Daten von %3 sind jetzt über %2 erreichbar: Verwenden Sie ab jetzt %2 überall dort, wo Sie %3 verwendet haben. Verwenden Sie %3 nicht mehr direkt: Was dort geschrieben wird, umgeht das Paar.</translation>
    </message>
    <message>
        <source>The pair could not be created. %1

The main disk was not changed; the spare disk may already have been erased. Go back to change your choice, or cancel.</source>
        <translation>Das Paar konnte nicht angelegt werden. %1

Die Hauptplatte wurde nicht verändert; die Ersatzplatte wurde möglicherweise schon gelöscht. Gehen Sie zurück, um Ihre Auswahl zu ändern, oder brechen Sie ab.</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Block si&amp;ze:</source>
        <translation>Block&amp;größe:</translation>
    </message>
    <message>
        <source>serial %1</source>
        <translation>Seriennummer %1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>A spare of a few GiB is plenty: each GiB holds about 260,000 bad blocks of 4 KiB.</source>
        <translation>Eine Ersatzplatte von einigen GiB reicht völlig: Jedes GiB fasst etwa 260.000 defekte Blöcke zu 4 KiB.</translation>
    </message>
</context>
<context>
    <name>RemapMapWidget</name>
    <message>
        <source>Remap map</source>
        <translation>Umlagerungskarte</translation>
    </message>
    <message>
        <source>Sectors %1 to %2</source>
        <translation>Sektoren %1 bis %2</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Zählen …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) moved to the spare</source>
        <translation>
            <numerusform>%Ln Block auf die Ersatzplatte verlagert</numerusform>
            <numerusform>%Ln Blöcke auf die Ersatzplatte verlagert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unreadable block(s) waiting</source>
        <translation>
            <numerusform>%Ln unlesbarer Block wartet</numerusform>
            <numerusform>%Ln unlesbare Blöcke warten</numerusform>
        </translation>
    </message>
    <message>
        <source>The main disk from start to end. Red cells hold blocks moved to the spare, darker red the more there are; dark orange cells hold blocks that could not be read. Arrow keys move, Enter lists the blocks of a cell, plus and minus zoom.</source>
        <translation>Die Hauptplatte vom Anfang bis zum Ende. Rote Zellen enthalten Blöcke, die auf die Ersatzplatte verschoben wurden, je mehr, desto dunkler; dunkelorange Zellen enthalten Blöcke, die nicht gelesen werden konnten. Pfeiltasten bewegen, Eingabe listet die Blöcke einer Zelle, Plus und Minus zoomen.</translation>
    </message>
</context>
<context>
    <name>ReplaceCandidateModel</name>
    <message>
        <source>Health: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Anschluss</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>&amp;Replace main disk</source>
        <translation>&amp;Hauptplatte ersetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Replace the main disk of pair “%1”</source>
        <translation>Hauptplatte des Paars „%1“ ersetzen</translation>
    </message>
    <message>
        <source>Choose the disk that takes the place of the main disk. Everything on it will be erased. It must be free and at least as large as the pair&apos;s device (%1). Disks that cannot be chosen show why.</source>
        <translation>Wählen Sie die Festplatte, die an die Stelle der Hauptplatte tritt. Alles auf ihr wird gelöscht. Sie muss frei und mindestens so groß wie das Gerät des Paars sein (%1). Festplatten, die nicht gewählt werden können, zeigen den Grund.</translation>
    </message>
    <message>
        <source>New disk</source>
        <translation>Neue Festplatte</translation>
    </message>
    <message>
        <source>Confirm erasing the new disk</source>
        <translation>Löschen der neuen Festplatte bestätigen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Everything on %1 will be erased.&lt;/b&gt; Files, partitions and file systems on that disk will be lost and cannot be recovered.</source>
        <translation>&lt;b&gt;Alles auf %1 wird gelöscht.&lt;/b&gt; Dateien, Partitionen und Dateisysteme auf dieser Festplatte gehen verloren und können nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The whole device %1 is copied to the new disk. The pair stays usable meanwhile: the copy runs in the background and this window shows its progress.&lt;/p&gt;&lt;p&gt;When the copy is done, %1 keeps its name and uses the new disk alone. The pair “%2” ends: its old main disk (%3) and its spare (%4) are released and their signatures erased, so that neither the old copy nor the old pair is found again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das ganze Gerät %1 wird auf die neue Festplatte kopiert. Das Paar bleibt währenddessen nutzbar: Das Kopieren läuft im Hintergrund, und dieses Fenster zeigt den Fortschritt.&lt;/p&gt;&lt;p&gt;Wenn das Kopieren fertig ist, behält %1 seinen Namen und verwendet nur noch die neue Festplatte. Das Paar „%2“ endet: Seine alte Hauptplatte (%3) und seine Ersatzplatte (%4) werden freigegeben und ihre Signaturen gelöscht, sodass weder die alte Kopie noch das alte Paar wiedergefunden wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>I understand that all data on %1 will be &amp;erased</source>
        <translation>Mir ist klar, dass alle Daten auf %1 &amp;gelöscht werden</translation>
    </message>
</context>
<context>
    <name>ScanView</name>
    <message>
        <source>Waiting to go on</source>
        <translation>Wartet auf Fortsetzung</translation>
    </message>
    <message>
        <source>Not scanning now</source>
        <translation>Prüft gerade nicht</translation>
    </message>
    <message>
        <source>Reading the main disk</source>
        <translation>Liest die Hauptplatte</translation>
    </message>
    <message>
        <source>Paused while the pair is in use</source>
        <translation>Unterbrochen, solange das Paar benutzt wird</translation>
    </message>
    <message>
        <source>Paused while the main disk sleeps</source>
        <translation>Unterbrochen, solange die Hauptplatte schläft</translation>
    </message>
    <message>
        <source>Stopped until you start it again</source>
        <translation>Angehalten, bis Sie sie wieder starten</translation>
    </message>
    <message>
        <source>Unknown (“%1”)</source>
        <translation>Unbekannt („%1“)</translation>
    </message>
    <message>
        <source>%1% read</source>
        <translation>%1 % gelesen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln read(s) of this pass found unreadable blocks. They are listed as unreadable now and are moved to the spare when next written.</source>
        <translation>
            <numerusform>%Ln Lesevorgang dieses Durchgangs hat unlesbare Blöcke gefunden. Sie sind jetzt als unlesbar vermerkt und werden beim nächsten Schreiben auf die Ersatzplatte verlagert.</numerusform>
            <numerusform>%Ln Lesevorgänge dieses Durchgangs haben unlesbare Blöcke gefunden. Sie sind jetzt als unlesbar vermerkt und werden beim nächsten Schreiben auf die Ersatzplatte verlagert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln read(s) of the last pass found unreadable blocks. They were listed as unreadable and are moved to the spare when next written.</source>
        <translation>
            <numerusform>%Ln Lesevorgang des letzten Durchgangs hat unlesbare Blöcke gefunden. Sie wurden als unlesbar vermerkt und werden beim nächsten Schreiben auf die Ersatzplatte verlagert.</numerusform>
            <numerusform>%Ln Lesevorgänge des letzten Durchgangs haben unlesbare Blöcke gefunden. Sie wurden als unlesbar vermerkt und werden beim nächsten Schreiben auf die Ersatzplatte verlagert.</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Sto&amp;p scan</source>
        <translation>Prüfung st&amp;oppen</translation>
    </message>
    <message>
        <source>Stop the background scan where it is; it waits until you start it again, also across restarts</source>
        <translation>Die Hintergrundprüfung an dieser Stelle anhalten; sie wartet, bis Sie sie wieder starten, auch über Neustarts hinweg</translation>
    </message>
    <message>
        <source>&amp;Go on</source>
        <translation>Fortset&amp;zen</translation>
    </message>
    <message>
        <source>Go on with the scan from where it stopped</source>
        <translation>Die Prüfung dort fortsetzen, wo sie angehalten wurde</translation>
    </message>
    <message>
        <source>Scan no&amp;w</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>Read the whole main disk now, slowly and in the background, to find unreadable places before your files do</source>
        <translation>Die ganze Hauptplatte jetzt langsam im Hintergrund lesen, um unlesbare Stellen zu finden, bevor Ihre Dateien darauf stoßen</translation>
    </message>
</context>
<context>
    <name>SelfTestModel</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>At power-on hour</source>
        <translation>Bei Betriebsstunde</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>First bad sector</source>
        <translation>Erster defekter Sektor</translation>
    </message>
    <message>
        <source>Short test</source>
        <translation>Kurztest</translation>
    </message>
    <message>
        <source>Extended test</source>
        <translation>Langtest</translation>
    </message>
    <message>
        <source>Transport test</source>
        <translation>Transporttest</translation>
    </message>
    <message>
        <source>Selective test</source>
        <translation>Teiltest</translation>
    </message>
    <message>
        <source>Offline scan</source>
        <translation>Offline-Prüfung</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed: a sector could not be read</source>
        <translation>Fehlgeschlagen: ein Sektor war nicht lesbar</translation>
    </message>
    <message>
        <source>Failed: electrical fault</source>
        <translation>Fehlgeschlagen: elektrischer Fehler</translation>
    </message>
    <message>
        <source>Failed: the heads could not be positioned</source>
        <translation>Fehlgeschlagen: die Köpfe ließen sich nicht positionieren</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stopped before the end</source>
        <translation>Vor dem Ende abgebrochen</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
</context>
<context>
    <name>SmartAttributeModel</name>
    <message>
        <source>Rate of errors while reading. Its meaning differs between makers.</source>
        <translation>Fehlerrate beim Lesen. Die Bedeutung unterscheidet sich je nach Hersteller.</translation>
    </message>
    <message>
        <source>Time the platters need to spin up.</source>
        <translation>Zeit, die die Scheiben zum Anlaufen brauchen.</translation>
    </message>
    <message>
        <source>How often the disk has been started.</source>
        <translation>Wie oft die Festplatte angelaufen ist.</translation>
    </message>
    <message>
        <source>Sectors the disk has replaced with its own spares. Any rise means the surface is wearing.</source>
        <translation>Sektoren, die die Festplatte durch eigene Reserven ersetzt hat. Jeder Anstieg bedeutet, dass die Oberfläche verschleißt.</translation>
    </message>
    <message>
        <source>Errors while positioning the heads.</source>
        <translation>Fehler beim Positionieren der Köpfe.</translation>
    </message>
    <message>
        <source>Hours the disk has been switched on.</source>
        <translation>Stunden, die die Festplatte eingeschaltet war.</translation>
    </message>
    <message>
        <source>Retries needed to spin up. A rise points to a mechanical problem.</source>
        <translation>Wiederholungen beim Anlaufen. Ein Anstieg deutet auf ein mechanisches Problem.</translation>
    </message>
    <message>
        <source>How often the disk has been switched on and off.</source>
        <translation>Wie oft die Festplatte ein- und ausgeschaltet wurde.</translation>
    </message>
    <message>
        <source>Wear of the flash cells (SSD).</source>
        <translation>Abnutzung der Flash-Zellen (SSD).</translation>
    </message>
    <message>
        <source>Transfers that fell back to a slower speed.</source>
        <translation>Übertragungen, die auf eine langsamere Geschwindigkeit zurückfielen.</translation>
    </message>
    <message>
        <source>Data corrupted between the disk&apos;s cache and the host.</source>
        <translation>Daten, die zwischen dem Cache der Festplatte und dem Rechner verfälscht wurden.</translation>
    </message>
    <message>
        <source>Errors the disk could not correct. Any value above zero is a bad sign.</source>
        <translation>Fehler, die die Festplatte nicht korrigieren konnte. Jeder Wert über null ist ein schlechtes Zeichen.</translation>
    </message>
    <message>
        <source>Commands that timed out inside the disk.</source>
        <translation>Befehle, die in der Festplatte eine Zeitüberschreitung hatten.</translation>
    </message>
    <message>
        <source>Temperature of the disk.</source>
        <translation>Temperatur der Festplatte.</translation>
    </message>
    <message>
        <source>Emergency head retracts after a power loss.</source>
        <translation>Notparken der Köpfe nach einem Stromausfall.</translation>
    </message>
    <message>
        <source>Head load and unload cycles.</source>
        <translation>Lade- und Entladezyklen der Köpfe.</translation>
    </message>
    <message>
        <source>How often the disk has tried to replace a sector.</source>
        <translation>Wie oft die Festplatte versucht hat, einen Sektor zu ersetzen.</translation>
    </message>
    <message>
        <source>Sectors that could not be read and wait to be replaced.</source>
        <translation>Sektoren, die nicht gelesen werden konnten und auf ihren Ersatz warten.</translation>
    </message>
    <message>
        <source>Sectors found unreadable by the disk&apos;s own scan.</source>
        <translation>Sektoren, die die Festplatte bei der eigenen Prüfung unlesbar fand.</translation>
    </message>
    <message>
        <source>Transfer errors on the cable. Usually a loose or bad cable, not the disk.</source>
        <translation>Übertragungsfehler auf dem Kabel. Meist ein lockeres oder schlechtes Kabel, nicht die Festplatte.</translation>
    </message>
    <message>
        <source>Remaining life of an SSD.</source>
        <translation>Verbleibende Lebensdauer einer SSD.</translation>
    </message>
    <message>
        <source>Wear indicator of the flash cells.</source>
        <translation>Verschleißanzeige der Flash-Zellen.</translation>
    </message>
    <message>
        <source>Total data written.</source>
        <translation>Insgesamt geschriebene Daten.</translation>
    </message>
    <message>
        <source>Total data read.</source>
        <translation>Insgesamt gelesene Daten.</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fällt aus</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Worst</source>
        <translation>Schlechtester</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Raw value</source>
        <translation>Rohwert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Bedeutung</translation>
    </message>
</context>
<context>
    <name>SmartPage</name>
    <message>
        <source>Read &amp;again</source>
        <translation>Erneut &amp;lesen</translation>
    </message>
    <message>
        <source>Run &amp;extended test</source>
        <translation>Lan&amp;gtest starten</translation>
    </message>
    <message>
        <source>NVMe health</source>
        <translation>NVMe-Zustand</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>SMART summary</source>
        <translation>SMART-Zusammenfassung</translation>
    </message>
    <message>
        <source>A quick check of the disk&apos;s electronics and a sample of its surface (about 2 minutes)</source>
        <translation>Eine schnelle Prüfung der Elektronik und einer Stichprobe der Oberfläche (etwa 2 Minuten)</translation>
    </message>
    <message>
        <source>Reads the whole surface; can take hours. The disk stays usable meanwhile.</source>
        <translation>Liest die ganze Oberfläche; kann Stunden dauern. Die Festplatte bleibt währenddessen nutzbar.</translation>
    </message>
    <message>
        <source>Self-test progress</source>
        <translation>Fortschritt des Selbsttests</translation>
    </message>
    <message>
        <source>Self-test running: %p%</source>
        <translation>Selbsttest läuft: %p %</translation>
    </message>
    <message>
        <source>SMART attributes</source>
        <translation>SMART-Attribute</translation>
    </message>
    <message>
        <source>Self-test log</source>
        <translation>Selbsttest-Protokoll</translation>
    </message>
    <message>
        <source>Self-tests</source>
        <translation>Selbsttests</translation>
    </message>
    <message>
        <source>Choose a disk to see its SMART data.</source>
        <translation>Wählen Sie eine Festplatte, um ihre SMART-Daten zu sehen.</translation>
    </message>
    <message>
        <source>Reading SMART data of %1…</source>
        <translation>SMART-Daten von %1 werden gelesen …</translation>
    </message>
    <message>
        <source>%1 gives no SMART data. %2</source>
        <translation>%1 liefert keine SMART-Daten. %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: the disk&apos;s own verdict is &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: Das eigene Urteil der Festplatte lautet &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Read at %1.</source>
        <translation>Gelesen am %1.</translation>
    </message>
    <message>
        <source>Critical warning: %1
Media errors: %2
Life used: %3%
Spare area left: %4% (warning below %5%)</source>
        <translation>Kritische Warnung: %1
Medienfehler: %2
Verbrauchte Lebensdauer: %3 %
Verbleibender Reservebereich: %4 % (Warnung unter %5 %)</translation>
    </message>
    <message>
        <source>yes (code 0x%1)</source>
        <translation>ja (Code 0x%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Run short &amp;test</source>
        <translation>Kurz&amp;test starten</translation>
    </message>
    <message>
        <source>Sto&amp;p test</source>
        <translation>Test a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Wake and read</source>
        <translation>&amp;Wecken und lesen</translation>
    </message>
    <message>
        <source>&amp;USB adapter:</source>
        <translation>&amp;USB-Adapter:</translation>
    </message>
    <message>
        <source>Ask the disk for its SMART data now; a sleeping disk is left asleep</source>
        <translation>Die SMART-Daten jetzt von der Festplatte abfragen; eine schlafende Festplatte wird nicht geweckt</translation>
    </message>
    <message>
        <source>Wake the disk up and read its SMART data; it spins up and stays awake for a while</source>
        <translation>Die Festplatte wecken und ihre SMART-Daten lesen; sie läuft an und bleibt eine Weile wach</translation>
    </message>
    <message>
        <source>The adapter between the disk and USB. Choose another one if the disk&apos;s health cannot be read; the data is read again at once.</source>
        <translation>Der Adapter zwischen Festplatte und USB. Wählen Sie einen anderen, wenn der Zustand der Festplatte nicht gelesen werden kann; die Daten werden sofort erneut gelesen.</translation>
    </message>
    <message>
        <source>%1 is asleep, so its SMART data was not read: reading it would wake the disk. Choose Wake and read to read it now.</source>
        <translation>%1 schläft, daher wurden ihre SMART-Daten nicht gelesen: Das Lesen würde die Festplatte wecken. Wählen Sie „Wecken und lesen“, um sie jetzt zu lesen.</translation>
    </message>
    <message>
        <source>The disk is asleep now; this is what it reported when it was last awake.</source>
        <translation>Die Festplatte schläft jetzt; dies meldete sie, als sie zuletzt wach war.</translation>
    </message>
</context>
<context>
    <name>SystemCheck</name>
    <message>
        <source>This kernel has no device-mapper; dm-remap cannot pair disks here.</source>
        <translation>Dieser Kernel hat keinen Device-Mapper; dm-remap kann hier keine Festplatten koppeln.</translation>
    </message>
    <message>
        <source>Secure Boot refuses the dm-remap module, signed by DKMS&apos;s own key, until that key is enrolled: run “mokutil --import /var/lib/dkms/mok.pub”, restart and confirm the key, then choose Retry.</source>
        <translation>Secure Boot weist das Modul dm-remap ab, das mit dem eigenen Schlüssel von DKMS signiert ist, bis dieser Schlüssel angemeldet ist: Melden Sie ihn mit „mokutil --import /var/lib/dkms/mok.pub“ an, starten Sie neu, bestätigen Sie den Schlüssel und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The dm-remap kernel module is not installed for this kernel: install the package dm-remap-dkms (and this kernel&apos;s linux-headers package so DKMS can build it), then choose Retry.</source>
        <translation>Das Kernelmodul dm-remap ist für diesen Kernel nicht installiert: Installieren Sie das Paket dm-remap-dkms (und das Paket linux-headers dieses Kernels, damit DKMS das Modul bauen kann) und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The dm-remap kernel module is not installed for kernel %1: install the package dm-remap-dkms (and linux-headers-%1 so DKMS can build it), then choose Retry.</source>
        <translation>Das Kernelmodul dm-remap ist für den Kernel %1 nicht installiert: Installieren Sie das Paket dm-remap-dkms (und linux-headers-%1, damit DKMS das Modul bauen kann) und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>Install the package smartmontools to read disk health, then choose Retry.</source>
        <translation>Installieren Sie das Paket smartmontools, um den Zustand der Festplatten zu lesen, und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Disk health: %1</source>
        <translation>Festplattenzustand: %1</translation>
    </message>
    <message>
        <source>&amp;Open Disk Remap Manager</source>
        <translation>Festplatten-Umlagerung ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Disk health: %1 (%2)</source>
        <translation>Festplattenzustand: %1 (%2)</translation>
    </message>
    <message>
        <source>Disks needing attention</source>
        <translation>Festplatten, die Aufmerksamkeit brauchen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Shows the health of your disks and manages dm-remap pairs.</source>
        <translation>Zeigt den Zustand Ihrer Festplatten und verwaltet dm-remap-Paare.</translation>
    </message>
    <message>
        <source>Open the window on this disk or pair: a pair&apos;s name, a device such as /dev/sda or /dev/mapper/&lt;pair&gt;, or a link to one.</source>
        <translation>Das Fenster mit dieser Festplatte oder diesem Paar öffnen: der Name eines Paars, ein Gerät wie /dev/sda oder /dev/mapper/&lt;Paar&gt; oder ein Link darauf.</translation>
    </message>
    <message>
        <source>disk-or-pair</source>
        <translation>festplatte-oder-paar</translation>
    </message>
    <message>
        <source>Open the window on this page: overview, smart or map.</source>
        <translation>Das Fenster auf dieser Seite öffnen: overview (Übersicht), smart oder map (Umlagerungskarte).</translation>
    </message>
    <message>
        <source>page</source>
        <translation>seite</translation>
    </message>
    <message>
        <source>Unknown page “%1”: use overview, smart or map.</source>
        <translation>Unbekannte Seite „%1“: overview, smart oder map angeben.</translation>
    </message>
    <message>
        <source>Another dm-remap-manager is running but does not answer; starting anyway.</source>
        <translation>Ein anderer dm-remap-manager läuft, antwortet aber nicht; dieser startet trotzdem.</translation>
    </message>
    <message>
        <source>Start in the background, without the window: watch the disks (in the system tray where there is one) and notify.</source>
        <translation>Im Hintergrund ohne Fenster starten: die Festplatten überwachen (im Systemabschnitt der Kontrollleiste, wo es einen gibt) und benachrichtigen.</translation>
    </message>
    <message>
        <source>Open the window on the wizard that protects a disk with a spare disk.</source>
        <translation>Das Fenster mit dem Assistenten öffnen, der eine Festplatte mit einer Ersatzplatte schützt.</translation>
    </message>
</context>
</TS>
