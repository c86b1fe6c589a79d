<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DeviceModel</name>
    <message>
        <source>This disk is not present.</source>
        <translation>Ce disque n’est pas présent.</translation>
    </message>
    <message>
        <source>Pair “%1”</source>
        <translation>Paire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (absent)</translation>
    </message>
    <message>
        <source>Main: %1</source>
        <translation>Principal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Spare: %1</source>
        <translation>Secours&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1, health: %2</source>
        <translation>%1, santé&#xa0;: %2</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>%1
Health: %2. %3</source>
        <translation>%1
État de santé&#xa0;: %2. %3</translation>
    </message>
</context>
<context>
    <name>DiskHistoryPage</name>
    <message>
        <source>Chart of the disk&apos;s error counts</source>
        <translation>Graphique des compteurs d’erreurs du disque</translation>
    </message>
    <message>
        <source>Chart of the disk&apos;s temperature and spare</source>
        <translation>Graphique de la température et de la réserve du disque</translation>
    </message>
    <message>
        <source>Sectors replaced</source>
        <translation>Secteurs remplacés</translation>
    </message>
    <message>
        <source>Unreadable sectors</source>
        <translation>Secteurs illisibles</translation>
    </message>
    <message>
        <source>Found by the disk&apos;s own scan</source>
        <translation>Trouvés par l’analyse propre du disque</translation>
    </message>
    <message>
        <source>Cable errors (CRC)</source>
        <translation>Erreurs de câble (CRC)</translation>
    </message>
    <message>
        <source>Uncorrected errors (NVMe)</source>
        <translation>Erreurs non corrigées (NVMe)</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Température (°C)</translation>
    </message>
    <message>
        <source>Spare left (%)</source>
        <translation>Réserve restante (&#xa0;%)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <source>Spare (%)</source>
        <translation>Réserve (&#xa0;%)</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>L’historique n’a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Lecture de l’historique…</translation>
    </message>
    <message>
        <source>No SMART readings were kept in this time.</source>
        <translation>Aucune lecture SMART n’a été conservée pour cette période.</translation>
    </message>
    <message>
        <source>The disk reported none of the values charted here in this time.</source>
        <translation>Le disque n’a signalé aucune des valeurs présentées ici pendant cette période.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The disk helper service did not answer in time. It may be busy or may have stopped.</source>
        <translation>Le service des disques n’a pas répondu à temps. Il est peut-être occupé ou arrêté.</translation>
    </message>
    <message>
        <source>The disk helper service (dm-remap-helper) is not running, so disks cannot be shown or changed.</source>
        <translation>Le service des disques (dm-remap-helper) n’est pas lancé&#xa0;: les disques ne peuvent être ni affichés ni modifiés.</translation>
    </message>
    <message>
        <source>Permission was refused. You need to enter an administrator password when asked to do this.</source>
        <translation>Autorisation refusée. Pour cela, saisissez un mot de passe administrateur quand il vous est demandé.</translation>
    </message>
    <message>
        <source>The helper did not accept the request: %1</source>
        <translation>Le service n’a pas accepté la demande&#xa0;: %1</translation>
    </message>
    <message>
        <source>The installed disk helper is a different version and does not understand this request.</source>
        <translation>Le service des disques installé est d’une autre version et ne comprend pas cette demande.</translation>
    </message>
    <message>
        <source>The request took too long and was given up.</source>
        <translation>La demande a pris trop de temps et a été abandonnée.</translation>
    </message>
    <message>
        <source>The disk is in use (mounted, swap, or part of another device). Stop using it first.</source>
        <translation>Le disque est utilisé (monté, en swap ou membre d’un autre périphérique). Cessez d’abord de l’utiliser.</translation>
    </message>
    <message>
        <source>The main disk and the spare must be two different disks.</source>
        <translation>Le disque principal et le disque de secours doivent être deux disques différents.</translation>
    </message>
    <message>
        <source>The spare disk is too small.</source>
        <translation>Le disque de secours est trop petit.</translation>
    </message>
    <message>
        <source>A pair with this name already exists. Choose another name.</source>
        <translation>Une paire porte déjà ce nom. Choisissez-en un autre.</translation>
    </message>
    <message>
        <source>No more pairs can be created on this computer.</source>
        <translation>Aucune autre paire ne peut être créée sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The disk changed while the request was running. Nothing was done; please try again.</source>
        <translation>Le disque a changé pendant la demande. Rien n’a été fait&#xa0;; veuillez réessayer.</translation>
    </message>
    <message>
        <source>The disk or pair is no longer there.</source>
        <translation>Le disque ou la paire n’existe plus.</translation>
    </message>
    <message>
        <source>The device is busy, for example still mounted. Unmount it and try again.</source>
        <translation>Le périphérique est occupé, par exemple encore monté. Démontez-le puis réessayez.</translation>
    </message>
    <message>
        <source>This disk does not support that.</source>
        <translation>Ce disque ne le permet pas.</translation>
    </message>
    <message>
        <source>(Details: %1)</source>
        <translation>(Détails&#xa0;: %1)</translation>
    </message>
    <message>
        <source>The disk helper reported an error (%1).</source>
        <translation>Le service des disques signale une erreur (%1).</translation>
    </message>
    <message>
        <source>The disk helper reported an error: %1</source>
        <translation>Le service des disques signale une erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>This session may not read the state of the disks. Without a password that is allowed only in the active session at this computer, and reading never asks for a password. An administrator can allow your account (polkit action org.dmremap.read).</source>
        <translation>Cette session n’a pas le droit de lire l’état des disques. Sans mot de passe, seule la session active devant cet ordinateur le peut, et la lecture ne demande jamais de mot de passe. Un administrateur peut autoriser votre compte (action polkit org.dmremap.read).</translation>
    </message>
    <message>
        <source>The disk helper service (dm-remap-helper) is installed but could not be started, so disks cannot be shown or changed. An administrator can see why with “journalctl -u dm-remap-helper”.</source>
        <translation>Le service des disques (dm-remap-helper) est installé mais n’a pas pu démarrer&#xa0;: les disques ne peuvent être ni affichés ni modifiés. Un administrateur peut en voir la raison avec «&#xa0;journalctl -u dm-remap-helper&#xa0;».</translation>
    </message>
    <message>
        <source>The disk helper service (dm-remap-helper) is not installed, so disks cannot be shown or changed. Install the package dm-remap-helper, then choose Retry.</source>
        <translation>Le service des disques (dm-remap-helper) n’est pas installé&#xa0;: les disques ne peuvent être ni affichés ni modifiés. Installez le paquet dm-remap-helper, puis choisissez «&#xa0;Réessayer&#xa0;».</translation>
    </message>
    <message>
        <source>The new disk is in use (mounted, swap, or part of another device). Stop using it, or choose another disk.</source>
        <translation>Le nouveau disque est utilisé (monté, en swap ou membre d’un autre périphérique). Cessez de l’utiliser ou choisissez un autre disque.</translation>
    </message>
    <message>
        <source>The new disk is smaller than the pair&apos;s main disk. Choose a disk at least as large.</source>
        <translation>Le nouveau disque est plus petit que le disque principal de la paire. Choisissez un disque au moins aussi grand.</translation>
    </message>
    <message>
        <source>Some blocks of the pair could not be read, so their data cannot be copied. Restore or delete the files stored in them (writing to these blocks moves them to the spare), then try again.</source>
        <translation>Certains blocs de la paire n’ont pas pu être lus, leurs données ne peuvent donc pas être copiées. Restaurez ou supprimez les fichiers qu’ils contiennent (écrire dans ces blocs les déplace sur le disque de secours), puis réessayez.</translation>
    </message>
    <message>
        <source>The main disk of this pair is already being replaced. Wait until the copy ends, or cancel it first.</source>
        <translation>Le disque principal de cette paire est déjà en cours de remplacement. Attendez la fin de la copie ou annulez-la d’abord.</translation>
    </message>
    <message>
        <source>The helper was not told that the new disk may be erased, so nothing was done.</source>
        <translation>Le service n’a pas reçu l’accord d’effacer le nouveau disque, rien n’a donc été fait.</translation>
    </message>
    <message>
        <source>The new disk is one of the pair&apos;s own disks. Choose a disk that is not in a pair.</source>
        <translation>Le nouveau disque fait partie de la paire elle-même. Choisissez un disque qui n’est dans aucune paire.</translation>
    </message>
    <message>
        <source>The scan cannot start now: the pair&apos;s main disk is being replaced, the pair is being removed, or the disk helper is still starting. Try again later.</source>
        <translation>La vérification ne peut pas commencer maintenant&#xa0;: le disque principal de la paire est en cours de remplacement, la paire est en cours de suppression, ou le service des disques démarre encore. Réessayez plus tard.</translation>
    </message>
    <message>
        <source>The pair&apos;s main disk is missing, so it cannot be scanned.</source>
        <translation>Le disque principal de la paire est absent&#xa0;; il ne peut donc pas être vérifié.</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>SMART data has not been read yet.</source>
        <translation>Les données SMART n’ont pas encore été lues.</translation>
    </message>
    <message>
        <source>The disk&apos;s own health check gave no clear answer.</source>
        <translation>L’autodiagnostic du disque n’a pas donné de réponse claire.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sector(s) have already been replaced by the disk.</source>
        <translation>
            <numerusform>%Ln secteur a déjà été remplacé par le disque.</numerusform>
            <numerusform>%Ln secteurs ont déjà été remplacés par le disque.</numerusform>
        </translation>
    </message>
    <message>
        <source>The drive has used %1% of its rated life.</source>
        <translation>Le disque a consommé %1 % de sa durée de vie prévue.</translation>
    </message>
    <message>
        <source>The disk is hot (%1 °C).</source>
        <translation>Le disque est chaud (%1 °C).</translation>
    </message>
    <message>
        <source>The disk reports no problems.</source>
        <translation>Le disque ne signale aucun problème.</translation>
    </message>
    <message>
        <source>The spare disk is full: new bad blocks can no longer be replaced.</source>
        <translation>Le disque de secours est plein&#xa0;: les nouveaux blocs défectueux ne peuvent plus être remplacés.</translation>
    </message>
    <message>
        <source>The list of replaced blocks could not be saved on the spare disk.</source>
        <translation>La liste des blocs remplacés n’a pas pu être enregistrée sur le disque de secours.</translation>
    </message>
    <message>
        <source>Writes to the spare disk keep failing: new bad blocks are not replaced until it works again.</source>
        <translation>Les écritures sur le disque de secours échouent sans cesse&#xa0;: les nouveaux blocs défectueux ne sont plus remplacés tant qu’il ne fonctionne pas à nouveau.</translation>
    </message>
    <message>
        <source>One of the two disks is missing.</source>
        <translation>L’un des deux disques est absent.</translation>
    </message>
    <message>
        <source>The spare disk is almost full.</source>
        <translation>Le disque de secours est presque plein.</translation>
    </message>
    <message>
        <source>The pair&apos;s state is not known.</source>
        <translation>L’état de la paire est inconnu.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln bad block(s) on the main disk have been moved to the spare.</source>
        <translation>
            <numerusform>%Ln bloc défectueux du disque principal a été déplacé vers le disque de secours.</numerusform>
            <numerusform>%Ln blocs défectueux du disque principal ont été déplacés vers le disque de secours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Main disk: %1</source>
        <translation>Disque principal&#xa0;: %1</translation>
    </message>
    <message>
        <source>Spare disk: %1</source>
        <translation>Disque de secours&#xa0;: %1</translation>
    </message>
    <message>
        <source>Both disks are working and no block has needed replacing.</source>
        <translation>Les deux disques fonctionnent et aucun bloc n’a dû être remplacé.</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Mauvais</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Défaillant</translation>
    </message>
    <message>
        <source>Working normally</source>
        <translation>Fonctionne normalement</translation>
    </message>
    <message>
        <source>Spare almost full</source>
        <translation>Secours presque plein</translation>
    </message>
    <message>
        <source>Spare full</source>
        <translation>Secours plein</translation>
    </message>
    <message>
        <source>Cannot save the remap table</source>
        <translation>Impossible d’enregistrer la table de réaffectation</translation>
    </message>
    <message>
        <source>Spare disk failing</source>
        <translation>Disque de secours défaillant</translation>
    </message>
    <message>
        <source>A disk is missing</source>
        <translation>Un disque est absent</translation>
    </message>
    <message>
        <source>Hard disk</source>
        <translation>Disque dur</translation>
    </message>
    <message>
        <source>SSD</source>
        <translation>SSD</translation>
    </message>
    <message>
        <source>NVMe SSD</source>
        <translation>SSD NVMe</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disque</translation>
    </message>
    <message>
        <source>The disk&apos;s own health check says that it is failing.</source>
        <translation>L’autodiagnostic du disque indique qu’il est en train de lâcher.</translation>
    </message>
    <message>
        <source>Values that predict a failure have reached the limit the maker set.</source>
        <translation>Des valeurs qui annoncent une panne ont atteint la limite fixée par le fabricant.</translation>
    </message>
    <message>
        <source>SMART attribute %1 is at its failure limit now.</source>
        <translation>L’attribut SMART %1 a atteint sa limite de panne.</translation>
    </message>
    <message>
        <source>The drive&apos;s spare area has fallen below its limit.</source>
        <translation>La zone de réserve du lecteur est passée sous sa limite.</translation>
    </message>
    <message>
        <source>The drive reports a temperature outside its limits.</source>
        <translation>Le lecteur signale une température hors de ses limites.</translation>
    </message>
    <message>
        <source>The drive reports that its reliability is degraded.</source>
        <translation>Le lecteur signale que sa fiabilité est dégradée.</translation>
    </message>
    <message>
        <source>The drive has switched itself to read-only.</source>
        <translation>Le lecteur s’est mis lui-même en lecture seule.</translation>
    </message>
    <message>
        <source>The drive&apos;s backup of its volatile memory failed.</source>
        <translation>La sauvegarde de la mémoire volatile du lecteur a échoué.</translation>
    </message>
    <message>
        <source>The drive raised a critical warning.</source>
        <translation>Le lecteur a émis un avertissement critique.</translation>
    </message>
    <message>
        <source>The drive&apos;s own spare area is down to %1%, below its limit of %2%.</source>
        <translation>La zone de réserve propre du lecteur est tombée à %1&#xa0;%, sous sa limite de %2&#xa0;%.</translation>
    </message>
    <message numerus="yes">
        <source>The drive has recorded %Ln error(s) it could not correct.</source>
        <translation>
            <numerusform>Le lecteur a enregistré %Ln erreur qu’il n’a pas pu corriger.</numerusform>
            <numerusform>Le lecteur a enregistré %Ln erreurs qu’il n’a pas pu corriger.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sector(s) could not be read and wait to be replaced.</source>
        <translation>
            <numerusform>%Ln secteur n’a pas pu être lu et attend d’être remplacé.</numerusform>
            <numerusform>%Ln secteurs n’ont pas pu être lus et attendent d’être remplacés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The disk&apos;s own scan found %Ln sector(s) it could not read.</source>
        <translation>
            <numerusform>L’analyse propre du disque a trouvé %Ln secteur illisible.</numerusform>
            <numerusform>L’analyse propre du disque a trouvé %Ln secteurs illisibles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The disk could not correct %Ln read error(s).</source>
        <translation>
            <numerusform>Le disque n’a pas pu corriger %Ln erreur de lecture.</numerusform>
            <numerusform>Le disque n’a pas pu corriger %Ln erreurs de lecture.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some values have reached their failure limit in the past.</source>
        <translation>Certaines valeurs ont déjà atteint leur limite de panne par le passé.</translation>
    </message>
    <message>
        <source>A self-test of the disk has failed.</source>
        <translation>Un autodiagnostic du disque a échoué.</translation>
    </message>
    <message>
        <source>The disk reports a problem that this version does not know.</source>
        <translation>Le disque signale un problème que cette version ne connaît pas.</translation>
    </message>
    <message>
        <source>The disk is asleep; it was not woken to read its health.</source>
        <translation>Le disque est en veille&#xa0;; il n’a pas été réveillé pour lire son état.</translation>
    </message>
    <message>
        <source>This disk does not report its health (it has no SMART).</source>
        <translation>Ce disque ne donne pas son état (il n’a pas de SMART).</translation>
    </message>
    <message>
        <source>SMART is switched off on this disk.</source>
        <translation>SMART est désactivé sur ce disque.</translation>
    </message>
    <message>
        <source>The disk&apos;s health cannot be read through its connection; a USB disk may need its bridge type chosen.</source>
        <translation>L’état du disque ne peut pas être lu par sa connexion&#xa0;; pour un disque USB, il faut peut-être préciser le modèle de son adaptateur.</translation>
    </message>
    <message>
        <source>The disk could not be opened to read its health.</source>
        <translation>Le disque n’a pas pu être ouvert pour lire son état.</translation>
    </message>
    <message>
        <source>The health of disks cannot be read: smartctl could not be run.</source>
        <translation>L’état des disques ne peut pas être lu&#xa0;: smartctl n’a pas pu être lancé.</translation>
    </message>
    <message>
        <source>The disk&apos;s health could not be read: smartctl gave an answer that could not be understood.</source>
        <translation>L’état du disque n’a pas pu être lu&#xa0;: smartctl a donné une réponse incompréhensible.</translation>
    </message>
    <message>
        <source>The disk&apos;s health could not be read.</source>
        <translation>L’état du disque n’a pas pu être lu.</translation>
    </message>
    <message>
        <source>mounted on %1</source>
        <translation>monté sur %1</translation>
    </message>
    <message>
        <source>used as swap</source>
        <translation>utilisé comme espace d’échange</translation>
    </message>
    <message>
        <source>used by %1</source>
        <translation>utilisé par %1</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>utilisé</translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) of this disk failed and were moved to the spare disk of pair “%1”.</source>
        <translation>
            <numerusform>%Ln bloc de ce disque a lâché et a été déplacé sur le disque de réserve de la paire «&#xa0;%1&#xa0;».</numerusform>
            <numerusform>%Ln blocs de ce disque ont lâché et ont été déplacés sur le disque de réserve de la paire «&#xa0;%1&#xa0;».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) of this disk could not be read; files stored there may be unreadable now.</source>
        <translation>
            <numerusform>%Ln bloc de ce disque n’a pas pu être lu&#xa0;; des fichiers qui s’y trouvent sont peut-être illisibles maintenant.</numerusform>
            <numerusform>%Ln blocs de ce disque n’ont pas pu être lus&#xa0;; des fichiers qui s’y trouvent sont peut-être illisibles maintenant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy your files from %1 to another disk now and replace this disk.</source>
        <translation>Copiez maintenant vos fichiers de %1 vers un autre disque et remplacez ce disque.</translation>
    </message>
    <message>
        <source>The spare disk stands in for the failed blocks; keep your backup up to date and plan to replace this disk.</source>
        <translation>Le disque de réserve remplace les blocs défaillants&#xa0;; gardez votre sauvegarde à jour et prévoyez de remplacer ce disque.</translation>
    </message>
    <message>
        <source>Copy your data to another disk now and replace this disk.</source>
        <translation>Copiez maintenant vos données vers un autre disque et remplacez ce disque.</translation>
    </message>
    <message>
        <source>Give it more air or a cooler place.</source>
        <translation>Donnez-lui plus d’air ou un endroit plus frais.</translation>
    </message>
    <message>
        <source>Keep your backup up to date and plan to replace this disk.</source>
        <translation>Gardez votre sauvegarde à jour et prévoyez de remplacer ce disque.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) could not be read; files stored there may be unreadable now.</source>
        <translation>
            <numerusform>%Ln bloc n’a pas pu être lu&#xa0;; des fichiers qui s’y trouvent sont peut-être illisibles maintenant.</numerusform>
            <numerusform>%Ln blocs n’ont pas pu être lus&#xa0;; des fichiers qui s’y trouvent sont peut-être illisibles maintenant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect the missing disk again.</source>
        <translation>Reconnectez le disque manquant.</translation>
    </message>
    <message>
        <source>Copy your files from %1 to another disk now.</source>
        <translation>Copiez maintenant vos fichiers de %1 vers un autre disque.</translation>
    </message>
    <message>
        <source>Your data is still readable; keep your backup up to date and plan to replace the failing disk.</source>
        <translation>Vos données sont encore lisibles&#xa0;; gardez votre sauvegarde à jour et prévoyez de remplacer le disque défaillant.</translation>
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
        <translation>SCSI ou SAS</translation>
    </message>
    <message>
        <source>a virtual machine&apos;s disk bus</source>
        <translation>le bus de disques d’une machine virtuelle</translation>
    </message>
    <message>
        <source>an unknown connection</source>
        <translation>une connexion inconnue</translation>
    </message>
    <message>
        <source>Asleep</source>
        <translation>En veille</translation>
    </message>
    <message>
        <source>The disk is asleep; this is what it reported when it was last awake.</source>
        <translation>Le disque est en veille&#xa0;; voici ce qu’il indiquait quand il était éveillé pour la dernière fois.</translation>
    </message>
    <message>
        <source>a memory card slot (SD or eMMC)</source>
        <translation>un lecteur de cartes mémoire (SD ou eMMC)</translation>
    </message>
    <message>
        <source>FireWire</source>
        <translation>FireWire</translation>
    </message>
    <message>
        <source>a connection of type “%1”</source>
        <translation>une connexion de type «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Most USB adapters (standard)</source>
        <translation>La plupart des adaptateurs USB (standard)</translation>
    </message>
    <message>
        <source>JMicron USB adapter</source>
        <translation>Adaptateur USB JMicron</translation>
    </message>
    <message>
        <source>Prolific USB adapter</source>
        <translation>Adaptateur USB Prolific</translation>
    </message>
    <message>
        <source>Sunplus USB adapter</source>
        <translation>Adaptateur USB Sunplus</translation>
    </message>
    <message>
        <source>Cypress USB adapter</source>
        <translation>Adaptateur USB Cypress</translation>
    </message>
    <message>
        <source>ASMedia USB adapter for NVMe drives</source>
        <translation>Adaptateur USB ASMedia pour SSD NVMe</translation>
    </message>
    <message>
        <source>JMicron USB adapter for NVMe drives</source>
        <translation>Adaptateur USB JMicron pour SSD NVMe</translation>
    </message>
    <message>
        <source>Realtek USB adapter for NVMe drives</source>
        <translation>Adaptateur USB Realtek pour SSD NVMe</translation>
    </message>
    <message>
        <source>Type “%1”</source>
        <translation>Type «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>low</source>
        <translation>faible</translation>
    </message>
    <message>
        <source>elevated</source>
        <translation>accru</translation>
    </message>
    <message>
        <source>high</source>
        <translation>élevé</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>très élevé</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Not known yet.</source>
        <translation>Pas encore connue.</translation>
    </message>
    <message>
        <source>Full around %1 at the current rate (80% likely between %2 and more than 10 years from now).</source>
        <translation>Plein vers le %1 au rythme actuel (à 80&#xa0;% entre le %2 et plus de 10 ans à partir d’aujourd’hui).</translation>
    </message>
    <message>
        <source>Full around %1 at the current rate (80% likely between %2 and %3).</source>
        <translation>Plein vers le %1 au rythme actuel (à 80&#xa0;% entre le %2 et le %3).</translation>
    </message>
    <message>
        <source>No forecast: the disk helper cannot keep a history on this computer.</source>
        <translation>Pas de prévision&#xa0;: le service des disques ne peut pas tenir d’historique sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No forecast yet: it needs at least a week of history and three bursts of moved blocks in the last 90 days.</source>
        <translation>Pas encore de prévision&#xa0;: il faut au moins une semaine d’historique et trois vagues de blocs déplacés au cours des 90 derniers jours.</translation>
    </message>
    <message>
        <source>No forecast: no blocks were moved in the last 90 days.</source>
        <translation>Pas de prévision&#xa0;: aucun bloc n’a été déplacé au cours des 90 derniers jours.</translation>
    </message>
    <message>
        <source>No forecast: the spare is full.</source>
        <translation>Pas de prévision&#xa0;: le disque de secours est plein.</translation>
    </message>
    <message>
        <source>Not within 10 years at the current rate.</source>
        <translation>Pas plein d’ici 10 ans au rythme actuel.</translation>
    </message>
    <message>
        <source>No forecast.</source>
        <translation>Pas de prévision.</translation>
    </message>
    <message>
        <source>Failure risk of the main disk: %1 (about %2% likely to fail within a year, %3–%4%).</source>
        <translation>Risque de panne du disque principal&#xa0;: %1 (environ %2&#xa0;% de risque de panne dans l’année, %3–%4&#xa0;%).</translation>
    </message>
    <message>
        <source>Failure risk of the main disk: %1 (about %2% likely to fail within a year, %3–%4%, by Backblaze&apos;s drive statistics as Scrutiny publishes them).</source>
        <translation>Risque de panne du disque principal&#xa0;: %1 (environ %2&#xa0;% de risque de panne dans l’année, %3–%4&#xa0;%, d’après les statistiques de disques de Backblaze publiées par Scrutiny).</translation>
    </message>
    <message>
        <source>The main disk replaced its first sector less than 60 days ago: until %1 it is much more likely to fail than before.</source>
        <translation>Le disque principal a remplacé son premier secteur il y a moins de 60&#xa0;jours&#xa0;: jusqu’au %1, il risque beaucoup plus de tomber en panne qu’avant.</translation>
    </message>
    <message>
        <source>The main disk replaced its first sector less than 60 days ago: until %1 it is much more likely to fail than before (disks were over 14 times as likely to fail within 60 days of their first reallocation in Google&apos;s study by Pinheiro, Weber and Barroso, FAST 2007).</source>
        <translation>Le disque principal a remplacé son premier secteur il y a moins de 60&#xa0;jours&#xa0;: jusqu’au %1, il risque beaucoup plus de tomber en panne qu’avant (dans l’étude de Google de Pinheiro, Weber et Barroso, FAST 2007, les disques tombaient en panne plus de 14&#xa0;fois plus souvent dans les 60&#xa0;jours suivant leur premier remplacement de secteur).</translation>
    </message>
</context>
<context>
    <name>HelperClient</name>
    <message>
        <source>There is no connection to the system message bus, so the disk helper cannot be reached.</source>
        <translation>Pas de connexion au bus de messages système&#xa0;: le service des disques est injoignable.</translation>
    </message>
    <message>
        <source>Connecting to the disk helper…</source>
        <translation>Connexion au service des disques…</translation>
    </message>
    <message>
        <source>Reading disk information</source>
        <translation>La lecture des informations du disque</translation>
    </message>
    <message>
        <source>Reading SMART data</source>
        <translation>La lecture des données SMART</translation>
    </message>
    <message>
        <source>Reading the pair&apos;s status</source>
        <translation>La lecture de l’état de la paire</translation>
    </message>
    <message>
        <source>Reading SMART attributes</source>
        <translation>La lecture des attributs SMART</translation>
    </message>
    <message>
        <source>Reading the self-test log</source>
        <translation>La lecture du journal d’autotests</translation>
    </message>
    <message>
        <source>Reading SMART data again</source>
        <translation>La relecture des données SMART</translation>
    </message>
    <message>
        <source>Starting a self-test</source>
        <translation>Le lancement d’un autotest</translation>
    </message>
    <message>
        <source>Stopping the self-test</source>
        <translation>L’arrêt de l’autotest</translation>
    </message>
    <message>
        <source>Reading the remap map</source>
        <translation>La lecture de la carte de réaffectation</translation>
    </message>
    <message>
        <source>Listing remapped blocks</source>
        <translation>La liste des blocs réaffectés</translation>
    </message>
    <message>
        <source>Creating the pair</source>
        <translation>La création de la paire</translation>
    </message>
    <message>
        <source>Removing the pair</source>
        <translation>La suppression de la paire</translation>
    </message>
    <message>
        <source>The disk helper service (dm-remap-helper) stopped, so disks cannot be shown or changed. Choose Retry to start it again.</source>
        <translation>Le service des disques (dm-remap-helper) s’est arrêté&#xa0;: les disques ne peuvent être ni affichés ni modifiés. Choisissez «&#xa0;Réessayer&#xa0;» pour le relancer.</translation>
    </message>
    <message>
        <source>Replacing the main disk</source>
        <translation>Le remplacement du disque principal</translation>
    </message>
    <message>
        <source>Cancelling the replacement</source>
        <translation>L’annulation du remplacement</translation>
    </message>
    <message>
        <source>Waking the disk to read its SMART data</source>
        <translation>Le réveil du disque pour lire ses données SMART</translation>
    </message>
    <message>
        <source>Choosing the disk&apos;s USB adapter</source>
        <translation>Le choix de l’adaptateur USB du disque</translation>
    </message>
    <message>
        <source>Starting the background scan</source>
        <translation>Démarrage de la vérification en arrière-plan</translation>
    </message>
    <message>
        <source>Stopping the background scan</source>
        <translation>Arrêt de la vérification en arrière-plan</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Blocks moved to the spare</source>
        <translation>Blocs déplacés sur le secours</translation>
    </message>
    <message>
        <source>Blocks found unreadable</source>
        <translation>Blocs trouvés illisibles</translation>
    </message>
    <message>
        <source>Forecast: spare full</source>
        <translation>Prévision&#xa0;: secours plein</translation>
    </message>
    <message>
        <source>80% interval</source>
        <translation>Intervalle à 80&#xa0;%</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blocs</translation>
    </message>
    <message>
        <source>History chart</source>
        <translation>Graphique de l’historique</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>L’historique n’a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Lecture de l’historique…</translation>
    </message>
    <message>
        <source>No blocks were moved or found unreadable in this time.</source>
        <translation>Aucun bloc n’a été déplacé ni trouvé illisible pendant cette période.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Dernière année</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Disk Remap Manager</source>
        <translation>Gestionnaire de réaffectation des disques</translation>
    </message>
    <message>
        <source>Disks and pairs</source>
        <translation>Disques et paires</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <source>&amp;SMART</source>
        <translation>&amp;SMART</translation>
    </message>
    <message>
        <source>Remap &amp;map</source>
        <translation>&amp;Carte de réaffectation</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Retry connecting to the disk helper</source>
        <translation>Réessayer de joindre le service des disques</translation>
    </message>
    <message>
        <source>Helper status</source>
        <translation>État du service</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>&amp;Pair disks…</source>
        <translation>&amp;Associer des disques…</translation>
    </message>
    <message>
        <source>Protect a disk with a spare disk</source>
        <translation>Protéger un disque avec un disque de secours</translation>
    </message>
    <message>
        <source>&amp;Remove pair…</source>
        <translation>Supprimer la &amp;paire…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Re&amp;charger</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;À propos</translation>
    </message>
    <message>
        <source>&amp;Disks</source>
        <translation>&amp;Disques</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>About Disk Remap Manager</source>
        <translation>À propos du gestionnaire de réaffectation des disques</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Disk Remap Manager&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Watches your disks and keeps data on ageing disks readable by moving failing blocks to a spare disk.&lt;/p&gt;&lt;p&gt;Helper: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Gestionnaire de réaffectation des disques&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Surveille vos disques et garde lisibles les données des disques vieillissants en déplaçant les blocs défaillants vers un disque de secours.&lt;/p&gt;&lt;p&gt;Service&#xa0;: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 a échoué.</translation>
    </message>
    <message>
        <source>Remove pair</source>
        <translation>Supprimer la paire</translation>
    </message>
    <message>
        <source>Remove the pair “%1”?</source>
        <translation>Supprimer la paire «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Opening “%1”</source>
        <translation>L’ouverture de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>There is no disk or pair with that name or device.</source>
        <translation>Aucun disque ni aucune paire ne porte ce nom ou ne correspond à ce périphérique.</translation>
    </message>
    <message>
        <source>The device %1 disappears, so stop using it first (unmount it).</source>
        <translation>Le périphérique %1 va disparaître&#xa0;: cessez d’abord de l’utiliser (démontez-le).</translation>
    </message>
    <message>
        <source>No blocks were moved to the spare: the main disk alone holds the pair&apos;s data.</source>
        <translation>Aucun bloc n’a été déplacé vers le disque de secours&#xa0;: le disque principal contient à lui seul les données de la paire.</translation>
    </message>
    <message>
        <source>First, the blocks moved to the spare (%1) are written back to the main disk and checked. Only if all of them go back is the pair removed; the main disk then holds all of the pair&apos;s data. If some cannot go back, nothing is removed and you are asked what to do.</source>
        <translation>D’abord, les blocs déplacés vers le disque de secours (%1) sont réécrits sur le disque principal et vérifiés. La paire n’est supprimée que s’ils sont tous revenus&#xa0;; le disque principal contient alors toutes les données de la paire. Si certains ne peuvent pas revenir, rien n’est supprimé et l’on vous demande que faire.</translation>
    </message>
    <message>
        <source>Blocks that could not be read on the main disk (%1) were never rewritten: they remain unreadable.</source>
        <translation>Les blocs illisibles sur le disque principal (%1) n’ont jamais été réécrits&#xa0;: ils restent illisibles.</translation>
    </message>
    <message>
        <source>Pair not removed</source>
        <translation>Paire non supprimée</translation>
    </message>
    <message>
        <source>The pair “%1” was not removed: some moved blocks cannot be written back to the main disk.</source>
        <translation>La paire «&#xa0;%1&#xa0;» n’a pas été supprimée&#xa0;: certains blocs déplacés ne peuvent pas être réécrits sur le disque principal.</translation>
    </message>
    <message>
        <source>&amp;Keep the pair</source>
        <translation>&amp;Garder la paire</translation>
    </message>
    <message>
        <source>Remove &amp;anyway…</source>
        <translation>Supprimer &amp;quand même…</translation>
    </message>
    <message>
        <source>Remove pair anyway</source>
        <translation>Supprimer quand même la paire</translation>
    </message>
    <message>
        <source>Really remove the pair “%1” and lose the newest data of the blocks that cannot go back?</source>
        <translation>Vraiment supprimer la paire «&#xa0;%1&#xa0;» et perdre les données les plus récentes des blocs qui ne peuvent pas revenir&#xa0;?</translation>
    </message>
    <message>
        <source>Their data stays only on the spare: the pair can still be assembled again from the two disks as long as nothing writes to them.</source>
        <translation>Leurs données restent seulement sur le disque de secours&#xa0;: la paire peut encore être réassemblée à partir des deux disques tant que rien n’y écrit.</translation>
    </message>
    <message>
        <source>Remove and &amp;lose data</source>
        <translation>Supprimer et &amp;perdre les données</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Disk Remap Manager keeps watching your disks</source>
        <translation>Le gestionnaire de réaffectation des disques continue de surveiller vos disques</translation>
    </message>
    <message>
        <source>You will be notified when a disk needs attention. Open Disk Remap Manager from the applications menu to see your disks; to stop watching, choose Quit in its Disks menu.</source>
        <translation>Vous serez prévenu quand un disque demande votre attention. Ouvrez le gestionnaire de réaffectation des disques depuis le menu des applications pour voir vos disques ; pour arrêter la surveillance, choisissez «&#xa0;Quitter&#xa0;» dans son menu «&#xa0;Disques&#xa0;».</translation>
    </message>
    <message>
        <source>Pairing is not possible now: %1</source>
        <translation>Impossible de créer une paire pour l’instant&#xa0;: %1</translation>
    </message>
    <message>
        <source>Replace ma&amp;in disk…</source>
        <translation>R&amp;emplacer le disque principal…</translation>
    </message>
    <message>
        <source>Cancel replacemen&amp;t</source>
        <translation>Ann&amp;uler le remplacement</translation>
    </message>
    <message>
        <source>The newest data of these blocks is only on the spare. Keep the pair and replace the main disk with Replace main disk…: the whole pair, these blocks included, is copied to a new disk, so that nothing is lost. If you remove the pair anyway, the main disk alone holds old or unreadable data in these blocks.</source>
        <translation>Les données les plus récentes de ces blocs ne sont que sur le disque de secours. Gardez la paire et remplacez le disque principal avec «&#xa0;Remplacer le disque principal…&#xa0;»&#xa0;: toute la paire, ces blocs compris, est copiée sur un nouveau disque, pour ne rien perdre. Si vous supprimez quand même la paire, le disque principal seul contient des données anciennes ou illisibles dans ces blocs.</translation>
    </message>
    <message>
        <source>Cancel replacement</source>
        <translation>Annuler le remplacement</translation>
    </message>
    <message>
        <source>Stop replacing the main disk of pair “%1”?</source>
        <translation>Arrêter le remplacement du disque principal de la paire «&#xa0;%1&#xa0;»&#xa0;?</translation>
    </message>
    <message>
        <source>The pair goes on on its own disks, as before. What was copied to %1 so far is erased and the disk is released; to replace the main disk later, the copy starts from the beginning.</source>
        <translation>La paire continue sur ses propres disques, comme avant. Ce qui a déjà été copié sur %1 est effacé et le disque est libéré&#xa0;; pour remplacer le disque principal plus tard, la copie reprendra depuis le début.</translation>
    </message>
    <message>
        <source>&amp;Stop copying</source>
        <translation>&amp;Arrêter la copie</translation>
    </message>
    <message>
        <source>&amp;Go on copying</source>
        <translation>&amp;Continuer la copie</translation>
    </message>
    <message>
        <source>Replace ma&amp;in disk…</source>
        <comment>a button beside three others</comment>
        <translation>R&amp;emplacer le disque…</translation>
    </message>
    <message>
        <source>Check this computer again</source>
        <translation>Vérifier à nouveau cet ordinateur</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>&amp;Réessayer</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>Choose a pair to see where its bad blocks are.</source>
        <translation>Choisissez une paire pour voir où se trouvent ses blocs défectueux.</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>A&amp;grandir</translation>
    </message>
    <message>
        <source>&amp;Whole disk</source>
        <translation>Disque &amp;entier</translation>
    </message>
    <message>
        <source>Shown range</source>
        <translation>Plage affichée</translation>
    </message>
    <message>
        <source>Show the selected cell in more detail (also: double-click, mouse wheel, +)</source>
        <translation>Afficher la case choisie plus en détail (aussi&#xa0;: double-clic, molette, +)</translation>
    </message>
    <message>
        <source>Show a larger part of the disk (also: mouse wheel, -)</source>
        <translation>Afficher une plus grande partie du disque (aussi&#xa0;: molette, -)</translation>
    </message>
    <message>
        <source>Sector on the main disk</source>
        <translation>Secteur du disque principal</translation>
    </message>
    <message>
        <source>Moved to spare sector</source>
        <translation>Déplacé vers le secteur de secours</translation>
    </message>
    <message>
        <source>Remapped blocks in the chosen cell</source>
        <translation>Blocs réaffectés de la case choisie</translation>
    </message>
    <message>
        <source>Click a cell to list the blocks moved from it.</source>
        <translation>Cliquez sur une case pour lister les blocs qui en ont été déplacés.</translation>
    </message>
    <message>
        <source>No problem</source>
        <translation>Aucun problème</translation>
    </message>
    <message>
        <source>Few blocks moved</source>
        <translation>Quelques blocs déplacés</translation>
    </message>
    <message>
        <source>Many blocks moved</source>
        <translation>Beaucoup de blocs déplacés</translation>
    </message>
    <message>
        <source>Unreadable, waiting</source>
        <translation>Illisible, en attente</translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) moved from sectors %1 to %2.</source>
        <translation>
            <numerusform>%Ln bloc déplacé depuis les secteurs %1 à %2.</numerusform>
            <numerusform>%Ln blocs déplacés depuis les secteurs %1 à %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sectors %1 to %2 · %3 per cell</source>
        <translation>Secteurs %1 à %2 · %3 par case</translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation>Liste en cours…</translation>
    </message>
    <message>
        <source>Zoom o&amp;ut</source>
        <translation>Réd&amp;uire</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%Ln new bad block(s) on the main disk were moved to the spare.</source>
        <translation>
            <numerusform>%Ln nouveau bloc défectueux du disque principal a été déplacé vers le disque de secours.</numerusform>
            <numerusform>%Ln nouveaux blocs défectueux du disque principal ont été déplacés vers le disque de secours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In total %Ln block(s) have been moved. Your data is safe, but the main disk is wearing out.</source>
        <translation>
            <numerusform>Au total, %Ln bloc a été déplacé. Vos données sont en sécurité, mais le disque principal s’use.</numerusform>
            <numerusform>Au total, %Ln blocs ont été déplacés. Vos données sont en sécurité, mais le disque principal s’use.</numerusform>
        </translation>
    </message>
    <message>
        <source>Bad blocks on pair “%1”</source>
        <translation>Blocs défectueux sur la paire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Pair “%1”: %2.</source>
        <translation>Paire «&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Pair “%1”: %2</source>
        <translation>Paire «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Disk health: %1</source>
        <translation>Santé des disques&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Both disks of pair “%1” are gone. Reconnect them; until then its data cannot be used.</source>
        <translation>Les deux disques de la paire «&#xa0;%1&#xa0;» ont disparu. Rebranchez-les&#xa0;; d’ici là, ses données sont inutilisables.</translation>
    </message>
    <message>
        <source>The main disk of pair “%1”%2 is gone. Reconnect it; until then the pair&apos;s data cannot be used.</source>
        <translation>Le disque principal de la paire «&#xa0;%1&#xa0;»%2 a disparu. Rebranchez-le&#xa0;; d’ici là, les données de la paire sont inutilisables.</translation>
    </message>
    <message>
        <source>The spare disk of pair “%1”%2 is gone. Blocks moved to it cannot be read until it is reconnected.</source>
        <translation>Le disque de secours de la paire «&#xa0;%1&#xa0;»%2 a disparu. Les blocs déplacés vers lui ne peuvent pas être lus tant qu’il n’est pas rebranché.</translation>
    </message>
    <message>
        <source>Disks that need attention</source>
        <translation>Disques qui demandent votre attention</translation>
    </message>
    <message>
        <source>Found at the first start: problems on %1. Open Disk Remap Manager to see them.</source>
        <translation>Trouvé au premier démarrage&#xa0;: des problèmes sur %1. Ouvrez le Gestionnaire de réaffectation des disques pour les voir.</translation>
    </message>
    <message>
        <source>pair “%1”</source>
        <translation>paire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) of pair “%1” could not be read; files stored there may be unreadable now. Copy what you still can from %2 to another disk.</source>
        <translation>
            <numerusform>%Ln bloc de la paire «&#xa0;%1&#xa0;» n’a pas pu être lu&#xa0;; des fichiers qui s’y trouvent sont peut-être illisibles maintenant. Copiez ce qui peut encore l’être de %2 vers un autre disque.</numerusform>
            <numerusform>%Ln blocs de la paire «&#xa0;%1&#xa0;» n’ont pas pu être lus&#xa0;; des fichiers qui s’y trouvent sont peut-être illisibles maintenant. Copiez ce qui peut encore l’être de %2 vers un autre disque.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminder: %1</source>
        <translation>Rappel&#xa0;: %1</translation>
    </message>
    <message>
        <source>Disk %1: %2</source>
        <translation>Disque %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The spare disk of pair “%1” is almost full (%2 of %3 blocks used). Replace the main disk soon (Replace main disk… on the pair&apos;s overview).</source>
        <translation>Le disque de secours de la paire «&#xa0;%1&#xa0;» est presque plein (%2 blocs utilisés sur %3). Remplacez bientôt le disque principal («&#xa0;Remplacer le disque principal…&#xa0;» dans l’aperçu de la paire).</translation>
    </message>
    <message>
        <source>The spare disk of pair “%1” is full. New bad blocks can no longer be replaced: replace the main disk now (Replace main disk… on the pair&apos;s overview) and keep your backup up to date.</source>
        <translation>Le disque de secours de la paire «&#xa0;%1&#xa0;» est plein. Les nouveaux blocs défectueux ne peuvent plus être remplacés&#xa0;: remplacez le disque principal dès maintenant («&#xa0;Remplacer le disque principal…&#xa0;» dans l’aperçu de la paire) et gardez votre sauvegarde à jour.</translation>
    </message>
    <message>
        <source>Main disk of pair “%1” replaced</source>
        <translation>Disque principal de la paire «&#xa0;%1&#xa0;» remplacé</translation>
    </message>
    <message>
        <source>The main disk of pair “%1” was replaced by %2; %3 now uses it alone. The old main disk and the spare are free again.</source>
        <translation>Le disque principal de la paire «&#xa0;%1&#xa0;» a été remplacé par %2&#xa0;; %3 l’utilise désormais seul. L’ancien disque principal et le disque de secours sont de nouveau libres.</translation>
    </message>
    <message>
        <source>Replacement of pair “%1” cancelled</source>
        <translation>Remplacement de la paire «&#xa0;%1&#xa0;» annulé</translation>
    </message>
    <message>
        <source>Copying pair “%1” to %2 was cancelled. The pair goes on on its old disks.</source>
        <translation>La copie de la paire «&#xa0;%1&#xa0;» sur %2 a été annulée. La paire continue sur ses anciens disques.</translation>
    </message>
    <message>
        <source>Main disk of pair “%1” not replaced</source>
        <translation>Disque principal de la paire «&#xa0;%1&#xa0;» non remplacé</translation>
    </message>
    <message>
        <source>Copying pair “%1” to %2 failed: one of the disks failed during the copy. The pair goes on on its old disks; look at the health of %2 and of the main disk before trying again.</source>
        <translation>La copie de la paire «&#xa0;%1&#xa0;» sur %2 a échoué&#xa0;: l’un des disques a défailli pendant la copie. La paire continue sur ses anciens disques&#xa0;; vérifiez la santé de %2 et du disque principal avant de réessayer.</translation>
    </message>
    <message>
        <source>more than 10 years from now</source>
        <translation>plus de 10 ans à partir d’aujourd’hui</translation>
    </message>
    <message>
        <source>Spare of pair “%1” full around %2</source>
        <translation>Secours de la paire «&#xa0;%1&#xa0;» plein vers le %2</translation>
    </message>
    <message>
        <source>At the current rate the spare disk of pair “%1” will be full around %2 (80% likely between %3 and %4). Replace the main disk before then (Replace main disk… on the pair&apos;s overview).</source>
        <translation>Au rythme actuel, le disque de secours de la paire «&#xa0;%1&#xa0;» sera plein vers le %2 (à 80&#xa0;% entre le %3 et le %4). Remplacez le disque principal avant («&#xa0;Remplacer le disque principal…&#xa0;» dans l’aperçu de la paire).</translation>
    </message>
    <message>
        <source>Background scan of pair “%1”: unreadable places found</source>
        <translation>Vérification de la paire «&#xa0;%1&#xa0;»&#xa0;: endroits illisibles trouvés</translation>
    </message>
    <message numerus="yes">
        <source>The background scan of pair “%1”, finished on %2, found %Ln unreadable place(s) on the main disk. What was stored there cannot be read now; each of these blocks is moved to the spare disk when it is next written.</source>
        <translation>
            <numerusform>La vérification en arrière-plan de la paire «&#xa0;%1&#xa0;», terminée le %2, a trouvé %Ln endroit illisible sur le disque principal. Ce qui y était stocké ne peut plus être lu&#xa0;; chacun de ces blocs est déplacé vers le disque de secours à sa prochaine écriture.</numerusform>
            <numerusform>La vérification en arrière-plan de la paire «&#xa0;%1&#xa0;», terminée le %2, a trouvé %Ln endroits illisibles sur le disque principal. Ce qui y était stocké ne peut plus être lu&#xa0;; chacun de ces blocs est déplacé vers le disque de secours à sa prochaine écriture.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>&amp;Remove pair…</source>
        <translation>Supprimer la &amp;paire…</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Numéro de série&#xa0;:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>Used as:</source>
        <translation>Utilisé comme&#xa0;:</translation>
    </message>
    <message>
        <source>SMART verdict:</source>
        <translation>Verdict SMART&#xa0;:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Température&#xa0;:</translation>
    </message>
    <message>
        <source>Powered on:</source>
        <translation>Sous tension&#xa0;:</translation>
    </message>
    <message>
        <source>Sectors replaced by the disk:</source>
        <translation>Secteurs remplacés par le disque&#xa0;:</translation>
    </message>
    <message>
        <source>Unreadable sectors:</source>
        <translation>Secteurs illisibles&#xa0;:</translation>
    </message>
    <message>
        <source>Spare space used</source>
        <translation>Espace de secours utilisé</translation>
    </message>
    <message>
        <source>Spare used:</source>
        <translation>Secours utilisé&#xa0;:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État&#xa0;:</translation>
    </message>
    <message>
        <source>Blocks moved to the spare:</source>
        <translation>Blocs déplacés vers le secours&#xa0;:</translation>
    </message>
    <message>
        <source>Unreadable blocks waiting:</source>
        <translation>Blocs illisibles en attente&#xa0;:</translation>
    </message>
    <message>
        <source>Read errors:</source>
        <translation>Erreurs de lecture&#xa0;:</translation>
    </message>
    <message>
        <source>Write errors:</source>
        <translation>Erreurs d’écriture&#xa0;:</translation>
    </message>
    <message>
        <source>Use this device:</source>
        <translation>Utiliser ce périphérique&#xa0;:</translation>
    </message>
    <message>
        <source>Main disk:</source>
        <translation>Disque principal&#xa0;:</translation>
    </message>
    <message>
        <source>Spare disk:</source>
        <translation>Disque de secours&#xa0;:</translation>
    </message>
    <message>
        <source>Block size:</source>
        <translation>Taille de bloc&#xa0;:</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (absent)</translation>
    </message>
    <message>
        <source>No device selected</source>
        <translation>Aucun périphérique choisi</translation>
    </message>
    <message>
        <source>Choose a disk or a pair on the left to see its health.</source>
        <translation>Choisissez un disque ou une paire à gauche pour voir sa santé.</translation>
    </message>
    <message>
        <source>Pair “%1”</source>
        <translation>Paire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>%1 of %2 spare blocks used</source>
        <translation>%1 blocs de secours utilisés sur %2</translation>
    </message>
    <message>
        <source>%1, connected by %2</source>
        <translation>%1, connecté par %2</translation>
    </message>
    <message>
        <source>Not paired</source>
        <translation>Non associé</translation>
    </message>
    <message>
        <source>in use: %1</source>
        <translation>utilisé&#xa0;: %1</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>no SMART data</source>
        <translation>pas de données SMART</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln heure</numerusform>
            <numerusform>%Ln heures</numerusform>
        </translation>
    </message>
    <message>
        <source>Don&apos;t show &amp;notifications about this device</source>
        <translation>Ne pas afficher de &amp;notifications pour cet appareil</translation>
    </message>
    <message>
        <source>Main disk of pair “%1”</source>
        <translation>Disque principal de la paire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Spare disk of pair “%1”</source>
        <translation>Disque de secours de la paire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Replace ma&amp;in disk…</source>
        <translation>R&amp;emplacer le disque principal…</translation>
    </message>
    <message>
        <source>Start &amp;again</source>
        <translation>Reco&amp;mmencer</translation>
    </message>
    <message>
        <source>Cancel replacemen&amp;t</source>
        <translation>Ann&amp;uler le remplacement</translation>
    </message>
    <message>
        <source>Replacement of the main disk</source>
        <translation>Remplacement du disque principal</translation>
    </message>
    <message>
        <source>Copy progress</source>
        <translation>Progression de la copie</translation>
    </message>
    <message>
        <source>Copy the pair to the same new disk again, from the start</source>
        <translation>Copier de nouveau la paire sur le même nouveau disque, depuis le début</translation>
    </message>
    <message>
        <source>Stop copying; the pair goes on on its own disks</source>
        <translation>Arrêter la copie&#xa0;; la paire continue sur ses propres disques</translation>
    </message>
    <message>
        <source>%1% copied</source>
        <translation>%1&#xa0;% copiés</translation>
    </message>
    <message>
        <source>The main disk is being replaced by %1. The pair stays usable meanwhile; when the copy is done, %2 uses the new disk alone and the pair ends.</source>
        <translation>Le disque principal est en cours de remplacement par %1. La paire reste utilisable pendant ce temps&#xa0;; une fois la copie terminée, %2 utilise seul le nouveau disque et la paire prend fin.</translation>
    </message>
    <message>
        <source>Copying the pair to %1 was stopped by a restart. Start it again, or cancel it: the pair then goes on on its own disks.</source>
        <translation>La copie de la paire sur %1 a été interrompue par un redémarrage. Recommencez-la ou annulez-la&#xa0;: la paire continue alors sur ses propres disques.</translation>
    </message>
    <message>
        <source>not read: the disk is asleep</source>
        <translation>non lu&#xa0;: le disque est en veille</translation>
    </message>
    <message>
        <source>&amp;Wake and read</source>
        <translation>Ré&amp;veiller et lire</translation>
    </message>
    <message>
        <source>Wake the disk up and read its SMART data; it spins up and stays awake for a while</source>
        <translation>Réveiller le disque et lire ses données SMART&#xa0;; il démarre et reste éveillé un moment</translation>
    </message>
    <message>
        <source>Spare forecast:</source>
        <translation>Prévision du secours&#xa0;:</translation>
    </message>
    <message>
        <source>Background scan</source>
        <translation>Vérification en arrière-plan</translation>
    </message>
    <message>
        <source>Scan progress</source>
        <translation>Avancement de la vérification</translation>
    </message>
    <message>
        <source>Read failures</source>
        <translation>Lectures échouées</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>Avancement&#xa0;:</translation>
    </message>
    <message>
        <source>Read failures:</source>
        <translation>Lectures échouées&#xa0;:</translation>
    </message>
    <message>
        <source>Last whole pass:</source>
        <translation>Dernier passage complet&#xa0;:</translation>
    </message>
    <message>
        <source>Next pass:</source>
        <translation>Prochain passage&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PairRules</name>
    <message>
        <source>In use</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>Utilisé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Already the main disk of a pair</source>
        <translation>Déjà disque principal d’une paire</translation>
    </message>
    <message>
        <source>Already the spare of a pair</source>
        <translation>Déjà disque de secours d’une paire</translation>
    </message>
    <message>
        <source>This is the main disk</source>
        <translation>C’est le disque principal</translation>
    </message>
    <message>
        <source>Too small: %1 cannot hold the remap table</source>
        <translation>Trop petit&#xa0;: %1 ne peut pas contenir la table de réaffectation</translation>
    </message>
    <message>
        <source>Its sectors are larger than the chosen block size</source>
        <translation>Ses secteurs sont plus grands que la taille de bloc choisie</translation>
    </message>
    <message>
        <source>Already the main disk of pair “%1”</source>
        <translation>Déjà disque principal de la paire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Already the spare of pair “%1”</source>
        <translation>Déjà disque de secours de la paire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Its health is Bad: blocks moved to a failing spare can be lost.</source>
        <translation>Sa santé est Mauvaise&#xa0;: les blocs déplacés sur un disque de secours défaillant peuvent être perdus.</translation>
    </message>
    <message>
        <source>Its health is unknown: choose a spare whose health can be read if you can.</source>
        <translation>Sa santé est inconnue&#xa0;: si possible, choisissez un disque de secours dont la santé peut être lue.</translation>
    </message>
    <message>
        <source>It is a USB disk: while it is unplugged, the moved blocks cannot be read.</source>
        <translation>C’est un disque USB&#xa0;: tant qu’il est débranché, les blocs déplacés ne peuvent pas être lus.</translation>
    </message>
    <message>
        <source>This is the pair&apos;s main disk</source>
        <translation>C’est le disque principal de la paire</translation>
    </message>
    <message>
        <source>This is the pair&apos;s spare</source>
        <translation>C’est le disque de secours de la paire</translation>
    </message>
    <message>
        <source>Too small: %1, the pair needs at least %2</source>
        <translation>Trop petit&#xa0;: %1, la paire demande au moins %2</translation>
    </message>
    <message numerus="yes">
        <source>The pair has %Ln unreadable block(s) whose data cannot be copied. Restore or delete the files stored in them first (writing to these blocks moves them to the spare).</source>
        <translation>
            <numerusform>La paire a %Ln bloc illisible dont les données ne peuvent pas être copiées. Restaurez ou supprimez d’abord les fichiers qu’il contient (écrire dans ce bloc le déplace sur le disque de secours).</numerusform>
            <numerusform>La paire a %Ln blocs illisibles dont les données ne peuvent pas être copiées. Restaurez ou supprimez d’abord les fichiers qu’ils contiennent (écrire dans ces blocs les déplace sur le disque de secours).</numerusform>
        </translation>
    </message>
    <message>
        <source>Its health is Bad: your data would move to a failing disk.</source>
        <translation>Sa santé est Mauvaise&#xa0;: vos données iraient sur un disque défaillant.</translation>
    </message>
    <message>
        <source>Its health is Caution: choose a healthy disk if you can.</source>
        <translation>Sa santé est Attention&#xa0;: choisissez si possible un disque en bonne santé.</translation>
    </message>
    <message>
        <source>It is a USB disk: while it is unplugged, your data cannot be read.</source>
        <translation>C’est un disque USB&#xa0;: tant qu’il est débranché, vos données ne peuvent pas être lues.</translation>
    </message>
    <message>
        <source>Its sectors are larger than the main disk&apos;s</source>
        <translation>Ses secteurs sont plus grands que ceux du disque principal</translation>
    </message>
    <message>
        <source>It has no serial number, so it could not be found again after a restart</source>
        <translation>Il n’a pas de numéro de série et ne pourrait pas être retrouvé après un redémarrage</translation>
    </message>
</context>
<context>
    <name>PairWizard</name>
    <message>
        <source>Pair two disks</source>
        <translation>Associer deux disques</translation>
    </message>
    <message>
        <source>Choose the main disk</source>
        <translation>Choisir le disque principal</translation>
    </message>
    <message>
        <source>The main disk keeps your data. Choose the disk that is ageing or that you want to protect.</source>
        <translation>Le disque principal garde vos données. Choisissez le disque qui vieillit ou que vous voulez protéger.</translation>
    </message>
    <message>
        <source>Main disk</source>
        <translation>Disque principal</translation>
    </message>
    <message>
        <source>Choose the spare disk</source>
        <translation>Choisir le disque de secours</translation>
    </message>
    <message>
        <source>The spare receives the blocks that fail on the main disk. Everything on it will be erased.</source>
        <translation>Le disque de secours reçoit les blocs défaillants du disque principal. Tout son contenu sera effacé.</translation>
    </message>
    <message>
        <source>Spare disk</source>
        <translation>Disque de secours</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>The pair appears as a new disk under /dev/mapper with this name.</source>
        <translation>La paire apparaît comme un nouveau disque sous /dev/mapper avec ce nom.</translation>
    </message>
    <message>
        <source>Pair name</source>
        <translation>Nom de la paire</translation>
    </message>
    <message>
        <source>Letters, digits, dot, dash and underscore; starts with a letter or digit.</source>
        <translation>Lettres, chiffres, point, tiret et tiret bas&#xa0;; commence par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Taille de bloc</translation>
    </message>
    <message>
        <source>The unit moved to the spare when a sector fails. 4 KiB suits almost every disk.</source>
        <translation>L’unité déplacée vers le secours quand un secteur lâche. 4 Kio convient à presque tous les disques.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Confirm erasing the spare disk</source>
        <translation>Confirmer l’effacement du disque de secours</translation>
    </message>
    <message>
        <source>&amp;Create pair</source>
        <translation>&amp;Créer la paire</translation>
    </message>
    <message>
        <source>Creating the pair</source>
        <translation>La création de la paire</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message numerus="yes">
        <source>room for %Ln bad block(s)</source>
        <translation>
            <numerusform>place pour %Ln bloc défectueux</numerusform>
            <numerusform>place pour %Ln blocs défectueux</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (recommended)</source>
        <translation>%1 (recommandé)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Main disk (keeps its data): &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Spare disk: &lt;b&gt;%2&lt;/b&gt;, room for %3 bad blocks&lt;/p&gt;&lt;p&gt;New device: &lt;b&gt;/dev/mapper/%4&lt;/b&gt;, block size %5&lt;/p&gt;</source>
        <translation>&lt;p&gt;Disque principal (garde ses données)&#xa0;: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Disque de secours&#xa0;: &lt;b&gt;%2&lt;/b&gt;, place pour %3 blocs défectueux&lt;/p&gt;&lt;p&gt;Nouveau périphérique&#xa0;: &lt;b&gt;/dev/mapper/%4&lt;/b&gt;, taille de bloc %5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Everything on %1 will be erased.&lt;/b&gt; Files, partitions and file systems on the spare disk will be lost and cannot be recovered.</source>
        <translation>&lt;b&gt;Tout le contenu de %1 sera effacé.&lt;/b&gt; Les fichiers, partitions et systèmes de fichiers du disque de secours seront perdus sans possibilité de récupération.</translation>
    </message>
    <message>
        <source>I understand that all data on %1 will be &amp;erased</source>
        <translation>J’ai compris que toutes les données de %1 seront &amp;effacées</translation>
    </message>
    <message>
        <source>Creating the pair… If a password dialog appears, enter an administrator password.</source>
        <translation>Création de la paire… Si une fenêtre de mot de passe apparaît, saisissez un mot de passe administrateur.</translation>
    </message>
    <message>
        <source>When a block of the main disk fails, the pair moves it to the spare disk. Data that can still be read moves with it; data in a block that can no longer be read is lost, so keep a backup. Disks that cannot be chosen show why.</source>
        <translation>Quand un bloc du disque principal lâche, la paire le déplace sur le disque de réserve. Les données encore lisibles sont déplacées avec lui&#xa0;; les données d’un bloc qui ne peut plus être lu sont perdues, gardez donc une sauvegarde. Les disques qui ne peuvent pas être choisis indiquent pourquoi.</translation>
    </message>
    <message>
        <source>Check your choice. An administrator password may be asked for.</source>
        <translation>Vérifiez votre choix. Un mot de passe d’administrateur peut être demandé.</translation>
    </message>
    <message>
        <source>The pair “%1” is ready. The data of %3 is now reached through %2: from now on use %2 wherever you used %3. Do not use %3 directly any more: what is written there bypasses the pair.</source>
        <translation>La paire «&#xa0;%1&#xa0;» est prête. Les données de %3 sont désormais accessibles par %2&#xa0;: utilisez dorénavant %2 partout où vous utilisiez %3. N’utilisez plus %3 directement&#xa0;: ce qui y est écrit contourne la paire.</translation>
    </message>
    <message>
        <source>The pair could not be created. %1

The main disk was not changed; the spare disk may already have been erased. Go back to change your choice, or cancel.</source>
        <translation>La paire n’a pas pu être créée. %1

Le disque principal n’a pas été modifié&#xa0;; le disque de réserve a peut-être déjà été effacé. Revenez en arrière pour changer votre choix, ou annulez.</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Block si&amp;ze:</source>
        <translation>Taille de &amp;bloc&#xa0;:</translation>
    </message>
    <message>
        <source>serial %1</source>
        <translation>n° de série %1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>Santé&#xa0;: %1</translation>
    </message>
    <message>
        <source>A spare of a few GiB is plenty: each GiB holds about 260,000 bad blocks of 4 KiB.</source>
        <translation>Un disque de réserve de quelques Gio suffit largement&#xa0;: chaque Gio contient environ 260&#x202f;000 blocs défectueux de 4&#xa0;Kio.</translation>
    </message>
</context>
<context>
    <name>RemapMapWidget</name>
    <message>
        <source>Remap map</source>
        <translation>Carte de réaffectation</translation>
    </message>
    <message>
        <source>Sectors %1 to %2</source>
        <translation>Secteurs %1 à %2</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) moved to the spare</source>
        <translation>
            <numerusform>%Ln bloc déplacé vers le secours</numerusform>
            <numerusform>%Ln blocs déplacés vers le secours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unreadable block(s) waiting</source>
        <translation>
            <numerusform>%Ln bloc illisible en attente</numerusform>
            <numerusform>%Ln blocs illisibles en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>The main disk from start to end. Red cells hold blocks moved to the spare, darker red the more there are; dark orange cells hold blocks that could not be read. Arrow keys move, Enter lists the blocks of a cell, plus and minus zoom.</source>
        <translation>Le disque principal du début à la fin. Les cellules rouges contiennent des blocs déplacés vers le disque de secours, d’autant plus foncées qu’ils sont nombreux&#xa0;; les cellules orange foncé contiennent des blocs illisibles. Les flèches déplacent, Entrée liste les blocs d’une cellule, plus et moins zooment.</translation>
    </message>
</context>
<context>
    <name>ReplaceCandidateModel</name>
    <message>
        <source>Health: %1</source>
        <translation>Santé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>&amp;Replace main disk</source>
        <translation>&amp;Remplacer le disque principal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Replace the main disk of pair “%1”</source>
        <translation>Remplacer le disque principal de la paire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Choose the disk that takes the place of the main disk. Everything on it will be erased. It must be free and at least as large as the pair&apos;s device (%1). Disks that cannot be chosen show why.</source>
        <translation>Choisissez le disque qui prend la place du disque principal. Tout son contenu sera effacé. Il doit être libre et au moins aussi grand que le périphérique de la paire (%1). Les disques qui ne peuvent pas être choisis indiquent pourquoi.</translation>
    </message>
    <message>
        <source>New disk</source>
        <translation>Nouveau disque</translation>
    </message>
    <message>
        <source>Confirm erasing the new disk</source>
        <translation>Confirmer l’effacement du nouveau disque</translation>
    </message>
    <message>
        <source>&lt;b&gt;Everything on %1 will be erased.&lt;/b&gt; Files, partitions and file systems on that disk will be lost and cannot be recovered.</source>
        <translation>&lt;b&gt;Tout le contenu de %1 sera effacé.&lt;/b&gt; Les fichiers, partitions et systèmes de fichiers de ce disque seront perdus sans possibilité de récupération.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The whole device %1 is copied to the new disk. The pair stays usable meanwhile: the copy runs in the background and this window shows its progress.&lt;/p&gt;&lt;p&gt;When the copy is done, %1 keeps its name and uses the new disk alone. The pair “%2” ends: its old main disk (%3) and its spare (%4) are released and their signatures erased, so that neither the old copy nor the old pair is found again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Tout le périphérique %1 est copié sur le nouveau disque. La paire reste utilisable pendant ce temps&#xa0;: la copie se fait en arrière-plan et cette fenêtre en montre la progression.&lt;/p&gt;&lt;p&gt;Une fois la copie terminée, %1 garde son nom et utilise seul le nouveau disque. La paire «&#xa0;%2&#xa0;» prend fin&#xa0;: son ancien disque principal (%3) et son disque de secours (%4) sont libérés et leurs signatures effacées, afin que ni l’ancienne copie ni l’ancienne paire ne soient retrouvées.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>I understand that all data on %1 will be &amp;erased</source>
        <translation>J’ai compris que toutes les données de %1 seront &amp;effacées</translation>
    </message>
</context>
<context>
    <name>ScanView</name>
    <message>
        <source>Waiting to go on</source>
        <translation>En attente de reprise</translation>
    </message>
    <message>
        <source>Not scanning now</source>
        <translation>Aucune vérification en cours</translation>
    </message>
    <message>
        <source>Reading the main disk</source>
        <translation>Lecture du disque principal</translation>
    </message>
    <message>
        <source>Paused while the pair is in use</source>
        <translation>En pause tant que la paire est utilisée</translation>
    </message>
    <message>
        <source>Paused while the main disk sleeps</source>
        <translation>En pause tant que le disque principal dort</translation>
    </message>
    <message>
        <source>Stopped until you start it again</source>
        <translation>Arrêtée jusqu’à ce que vous la relanciez</translation>
    </message>
    <message>
        <source>Unknown (“%1”)</source>
        <translation>Inconnu («&#xa0;%1&#xa0;»)</translation>
    </message>
    <message>
        <source>%1% read</source>
        <translation>%1&#xa0;% lus</translation>
    </message>
    <message numerus="yes">
        <source>%Ln read(s) of this pass found unreadable blocks. They are listed as unreadable now and are moved to the spare when next written.</source>
        <translation>
            <numerusform>%Ln lecture de ce passage a trouvé des blocs illisibles. Ils sont désormais listés comme illisibles et seront déplacés vers le secours à leur prochaine écriture.</numerusform>
            <numerusform>%Ln lectures de ce passage ont trouvé des blocs illisibles. Ils sont désormais listés comme illisibles et seront déplacés vers le secours à leur prochaine écriture.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln read(s) of the last pass found unreadable blocks. They were listed as unreadable and are moved to the spare when next written.</source>
        <translation>
            <numerusform>%Ln lecture du dernier passage a trouvé des blocs illisibles. Ils ont été listés comme illisibles et seront déplacés vers le secours à leur prochaine écriture.</numerusform>
            <numerusform>%Ln lectures du dernier passage ont trouvé des blocs illisibles. Ils ont été listés comme illisibles et seront déplacés vers le secours à leur prochaine écriture.</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Sto&amp;p scan</source>
        <translation>Arrê&amp;ter la vérification</translation>
    </message>
    <message>
        <source>Stop the background scan where it is; it waits until you start it again, also across restarts</source>
        <translation>Arrêter la vérification là où elle en est&#xa0;; elle attend que vous la relanciez, même après un redémarrage</translation>
    </message>
    <message>
        <source>&amp;Go on</source>
        <translation>Con&amp;tinuer</translation>
    </message>
    <message>
        <source>Go on with the scan from where it stopped</source>
        <translation>Reprendre la vérification là où elle s’est arrêtée</translation>
    </message>
    <message>
        <source>Scan no&amp;w</source>
        <translation>Vérifier &amp;maintenant</translation>
    </message>
    <message>
        <source>Read the whole main disk now, slowly and in the background, to find unreadable places before your files do</source>
        <translation>Lire maintenant tout le disque principal, lentement et en arrière-plan, pour trouver les endroits illisibles avant vos fichiers</translation>
    </message>
</context>
<context>
    <name>SelfTestModel</name>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>At power-on hour</source>
        <translation>À l’heure de fonctionnement</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restant</translation>
    </message>
    <message>
        <source>First bad sector</source>
        <translation>Premier secteur défectueux</translation>
    </message>
    <message>
        <source>Short test</source>
        <translation>Test court</translation>
    </message>
    <message>
        <source>Extended test</source>
        <translation>Test long</translation>
    </message>
    <message>
        <source>Transport test</source>
        <translation>Test de transport</translation>
    </message>
    <message>
        <source>Selective test</source>
        <translation>Test sélectif</translation>
    </message>
    <message>
        <source>Offline scan</source>
        <translation>Analyse hors ligne</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Failed: a sector could not be read</source>
        <translation>Échec&#xa0;: un secteur n’a pas pu être lu</translation>
    </message>
    <message>
        <source>Failed: electrical fault</source>
        <translation>Échec&#xa0;: défaut électrique</translation>
    </message>
    <message>
        <source>Failed: the heads could not be positioned</source>
        <translation>Échec&#xa0;: les têtes n’ont pas pu être positionnées</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Stopped before the end</source>
        <translation>Arrêté avant la fin</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
</context>
<context>
    <name>SmartAttributeModel</name>
    <message>
        <source>Rate of errors while reading. Its meaning differs between makers.</source>
        <translation>Taux d’erreurs de lecture. Sa signification varie selon les fabricants.</translation>
    </message>
    <message>
        <source>Time the platters need to spin up.</source>
        <translation>Temps de démarrage des plateaux.</translation>
    </message>
    <message>
        <source>How often the disk has been started.</source>
        <translation>Nombre de démarrages du disque.</translation>
    </message>
    <message>
        <source>Sectors the disk has replaced with its own spares. Any rise means the surface is wearing.</source>
        <translation>Secteurs que le disque a remplacés par ses propres réserves. Toute hausse signifie que la surface s’use.</translation>
    </message>
    <message>
        <source>Errors while positioning the heads.</source>
        <translation>Erreurs de positionnement des têtes.</translation>
    </message>
    <message>
        <source>Hours the disk has been switched on.</source>
        <translation>Heures pendant lesquelles le disque a été allumé.</translation>
    </message>
    <message>
        <source>Retries needed to spin up. A rise points to a mechanical problem.</source>
        <translation>Tentatives nécessaires au démarrage. Une hausse indique un problème mécanique.</translation>
    </message>
    <message>
        <source>How often the disk has been switched on and off.</source>
        <translation>Nombre d’allumages et d’extinctions du disque.</translation>
    </message>
    <message>
        <source>Wear of the flash cells (SSD).</source>
        <translation>Usure des cellules flash (SSD).</translation>
    </message>
    <message>
        <source>Transfers that fell back to a slower speed.</source>
        <translation>Transferts repassés à une vitesse plus lente.</translation>
    </message>
    <message>
        <source>Data corrupted between the disk&apos;s cache and the host.</source>
        <translation>Données corrompues entre le cache du disque et l’ordinateur.</translation>
    </message>
    <message>
        <source>Errors the disk could not correct. Any value above zero is a bad sign.</source>
        <translation>Erreurs que le disque n’a pas pu corriger. Toute valeur supérieure à zéro est mauvais signe.</translation>
    </message>
    <message>
        <source>Commands that timed out inside the disk.</source>
        <translation>Commandes expirées à l’intérieur du disque.</translation>
    </message>
    <message>
        <source>Temperature of the disk.</source>
        <translation>Température du disque.</translation>
    </message>
    <message>
        <source>Emergency head retracts after a power loss.</source>
        <translation>Rétractations d’urgence des têtes après une coupure de courant.</translation>
    </message>
    <message>
        <source>Head load and unload cycles.</source>
        <translation>Cycles de chargement et de déchargement des têtes.</translation>
    </message>
    <message>
        <source>How often the disk has tried to replace a sector.</source>
        <translation>Nombre de tentatives de remplacement de secteur par le disque.</translation>
    </message>
    <message>
        <source>Sectors that could not be read and wait to be replaced.</source>
        <translation>Secteurs illisibles en attente de remplacement.</translation>
    </message>
    <message>
        <source>Sectors found unreadable by the disk&apos;s own scan.</source>
        <translation>Secteurs trouvés illisibles par l’analyse du disque lui-même.</translation>
    </message>
    <message>
        <source>Transfer errors on the cable. Usually a loose or bad cable, not the disk.</source>
        <translation>Erreurs de transfert sur le câble. En général un câble mal branché ou abîmé, pas le disque.</translation>
    </message>
    <message>
        <source>Remaining life of an SSD.</source>
        <translation>Durée de vie restante d’un SSD.</translation>
    </message>
    <message>
        <source>Wear indicator of the flash cells.</source>
        <translation>Indicateur d’usure des cellules flash.</translation>
    </message>
    <message>
        <source>Total data written.</source>
        <translation>Total des données écrites.</translation>
    </message>
    <message>
        <source>Total data read.</source>
        <translation>Total des données lues.</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Défaillant</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
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
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Worst</source>
        <translation>Pire</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Raw value</source>
        <translation>Valeur brute</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Signification</translation>
    </message>
</context>
<context>
    <name>SmartPage</name>
    <message>
        <source>Read &amp;again</source>
        <translation>Re&amp;lire</translation>
    </message>
    <message>
        <source>Run &amp;extended test</source>
        <translation>Lancer le test l&amp;ong</translation>
    </message>
    <message>
        <source>NVMe health</source>
        <translation>Santé NVMe</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attributs</translation>
    </message>
    <message>
        <source>SMART summary</source>
        <translation>Résumé SMART</translation>
    </message>
    <message>
        <source>A quick check of the disk&apos;s electronics and a sample of its surface (about 2 minutes)</source>
        <translation>Une vérification rapide de l’électronique du disque et d’un échantillon de sa surface (environ 2 minutes)</translation>
    </message>
    <message>
        <source>Reads the whole surface; can take hours. The disk stays usable meanwhile.</source>
        <translation>Lit toute la surface&#xa0;; peut prendre des heures. Le disque reste utilisable pendant ce temps.</translation>
    </message>
    <message>
        <source>Self-test progress</source>
        <translation>Progression de l’autotest</translation>
    </message>
    <message>
        <source>Self-test running: %p%</source>
        <translation>Autotest en cours&#xa0;: %p %</translation>
    </message>
    <message>
        <source>SMART attributes</source>
        <translation>Attributs SMART</translation>
    </message>
    <message>
        <source>Self-test log</source>
        <translation>Journal d’autotests</translation>
    </message>
    <message>
        <source>Self-tests</source>
        <translation>Autotests</translation>
    </message>
    <message>
        <source>Choose a disk to see its SMART data.</source>
        <translation>Choisissez un disque pour voir ses données SMART.</translation>
    </message>
    <message>
        <source>Reading SMART data of %1…</source>
        <translation>Lecture des données SMART de %1…</translation>
    </message>
    <message>
        <source>%1 gives no SMART data. %2</source>
        <translation>%1 ne fournit pas de données SMART. %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: the disk&apos;s own verdict is &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&#xa0;: le verdict du disque lui-même est &lt;b&gt;%2&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Read at %1.</source>
        <translation>Lu le %1.</translation>
    </message>
    <message>
        <source>Critical warning: %1
Media errors: %2
Life used: %3%
Spare area left: %4% (warning below %5%)</source>
        <translation>Avertissement critique&#xa0;: %1
Erreurs de support&#xa0;: %2
Durée de vie consommée&#xa0;: %3 %
Réserve restante&#xa0;: %4 % (alerte en dessous de %5 %)</translation>
    </message>
    <message>
        <source>yes (code 0x%1)</source>
        <translation>oui (code 0x%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Run short &amp;test</source>
        <translation>Lancer le test cour&amp;t</translation>
    </message>
    <message>
        <source>Sto&amp;p test</source>
        <translation>Arrêt&amp;er le test</translation>
    </message>
    <message>
        <source>&amp;Wake and read</source>
        <translation>Ré&amp;veiller et lire</translation>
    </message>
    <message>
        <source>&amp;USB adapter:</source>
        <translation>Adaptateur &amp;USB&#xa0;:</translation>
    </message>
    <message>
        <source>Ask the disk for its SMART data now; a sleeping disk is left asleep</source>
        <translation>Demander maintenant ses données SMART au disque&#xa0;; un disque en veille n’est pas réveillé</translation>
    </message>
    <message>
        <source>Wake the disk up and read its SMART data; it spins up and stays awake for a while</source>
        <translation>Réveiller le disque et lire ses données SMART&#xa0;; il démarre et reste éveillé un moment</translation>
    </message>
    <message>
        <source>The adapter between the disk and USB. Choose another one if the disk&apos;s health cannot be read; the data is read again at once.</source>
        <translation>L’adaptateur entre le disque et l’USB. Choisissez-en un autre si l’état du disque ne peut pas être lu&#xa0;; les données sont relues aussitôt.</translation>
    </message>
    <message>
        <source>%1 is asleep, so its SMART data was not read: reading it would wake the disk. Choose Wake and read to read it now.</source>
        <translation>%1 est en veille, ses données SMART n’ont donc pas été lues&#xa0;: les lire réveillerait le disque. Choisissez Réveiller et lire pour les lire maintenant.</translation>
    </message>
    <message>
        <source>The disk is asleep now; this is what it reported when it was last awake.</source>
        <translation>Le disque est en veille&#xa0;; voici ce qu’il indiquait quand il était éveillé pour la dernière fois.</translation>
    </message>
</context>
<context>
    <name>SystemCheck</name>
    <message>
        <source>This kernel has no device-mapper; dm-remap cannot pair disks here.</source>
        <translation>Ce noyau n’a pas de device-mapper&#xa0;; dm-remap ne peut pas associer de disques ici.</translation>
    </message>
    <message>
        <source>Secure Boot refuses the dm-remap module, signed by DKMS&apos;s own key, until that key is enrolled: run “mokutil --import /var/lib/dkms/mok.pub”, restart and confirm the key, then choose Retry.</source>
        <translation>Secure Boot refuse le module dm-remap, signé par la clé propre de DKMS, tant que cette clé n’est pas enregistrée&#xa0;: enregistrez-la avec «&#xa0;mokutil --import /var/lib/dkms/mok.pub&#xa0;», redémarrez et confirmez la clé, puis choisissez Réessayer.</translation>
    </message>
    <message>
        <source>The dm-remap kernel module is not installed for this kernel: install the package dm-remap-dkms (and this kernel&apos;s linux-headers package so DKMS can build it), then choose Retry.</source>
        <translation>Le module noyau dm-remap n’est pas installé pour ce noyau&#xa0;: installez le paquet dm-remap-dkms (et le paquet linux-headers de ce noyau, pour que DKMS puisse le compiler), puis choisissez Réessayer.</translation>
    </message>
    <message>
        <source>The dm-remap kernel module is not installed for kernel %1: install the package dm-remap-dkms (and linux-headers-%1 so DKMS can build it), then choose Retry.</source>
        <translation>Le module noyau dm-remap n’est pas installé pour le noyau %1&#xa0;: installez le paquet dm-remap-dkms (et linux-headers-%1, pour que DKMS puisse le compiler), puis choisissez Réessayer.</translation>
    </message>
    <message>
        <source>Install the package smartmontools to read disk health, then choose Retry.</source>
        <translation>Installez le paquet smartmontools pour lire l’état des disques, puis choisissez Réessayer.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Disk health: %1</source>
        <translation>Santé des disques&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Open Disk Remap Manager</source>
        <translation>&amp;Ouvrir le gestionnaire de réaffectation des disques</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Paires</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Disk health: %1 (%2)</source>
        <translation>Santé des disques&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Disks needing attention</source>
        <translation>Disques demandant votre attention</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Shows the health of your disks and manages dm-remap pairs.</source>
        <translation>Affiche la santé de vos disques et gère les paires dm-remap.</translation>
    </message>
    <message>
        <source>Open the window on this disk or pair: a pair&apos;s name, a device such as /dev/sda or /dev/mapper/&lt;pair&gt;, or a link to one.</source>
        <translation>Ouvrir la fenêtre sur ce disque ou cette paire&#xa0;: le nom d’une paire, un périphérique comme /dev/sda ou /dev/mapper/&lt;paire&gt;, ou un lien vers l’un d’eux.</translation>
    </message>
    <message>
        <source>disk-or-pair</source>
        <translation>disque-ou-paire</translation>
    </message>
    <message>
        <source>Open the window on this page: overview, smart or map.</source>
        <translation>Ouvrir la fenêtre sur cette page&#xa0;: overview (vue d’ensemble), smart ou map (carte de réaffectation).</translation>
    </message>
    <message>
        <source>page</source>
        <translation>page</translation>
    </message>
    <message>
        <source>Unknown page “%1”: use overview, smart or map.</source>
        <translation>Page «&#xa0;%1&#xa0;» inconnue&#xa0;: indiquez overview, smart ou map.</translation>
    </message>
    <message>
        <source>Another dm-remap-manager is running but does not answer; starting anyway.</source>
        <translation>Un autre dm-remap-manager est lancé mais ne répond pas&#xa0;; démarrage quand même.</translation>
    </message>
    <message>
        <source>Start in the background, without the window: watch the disks (in the system tray where there is one) and notify.</source>
        <translation>Démarrer en arrière-plan, sans la fenêtre&#xa0;: surveiller les disques (dans la zone de notification s’il y en a une) et prévenir.</translation>
    </message>
    <message>
        <source>Open the window on the wizard that protects a disk with a spare disk.</source>
        <translation>Ouvrir la fenêtre sur l’assistant qui protège un disque par un disque de secours.</translation>
    </message>
</context>
</TS>
