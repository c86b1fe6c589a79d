<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Health</name>
    <message numerus="yes">
        <source>%Ln sector(s) have already been replaced by the disk.</source>
        <translation>
            <numerusform>%Ln sector has already been replaced by the disk.</numerusform>
            <numerusform>%Ln sectors have already been replaced by the disk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln bad block(s) on the main disk have been moved to the spare.</source>
        <translation>
            <numerusform>%Ln bad block on the main disk has been moved to the spare.</numerusform>
            <numerusform>%Ln bad blocks on the main disk have been moved to the spare.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The drive has recorded %Ln error(s) it could not correct.</source>
        <translation>
            <numerusform>The drive has recorded %Ln error it could not correct.</numerusform>
            <numerusform>The drive has recorded %Ln errors it could not correct.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sector(s) could not be read and wait to be replaced.</source>
        <translation>
            <numerusform>%Ln sector could not be read and waits to be replaced.</numerusform>
            <numerusform>%Ln sectors could not be read and wait to be replaced.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The disk&apos;s own scan found %Ln sector(s) it could not read.</source>
        <translation>
            <numerusform>The disk&apos;s own scan found %Ln sector it could not read.</numerusform>
            <numerusform>The disk&apos;s own scan found %Ln sectors it could not read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The disk could not correct %Ln read error(s).</source>
        <translation>
            <numerusform>The disk could not correct %Ln read error.</numerusform>
            <numerusform>The disk could not correct %Ln read errors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) of this disk failed and were moved to the spare disk of pair “%1”.</source>
        <translation>
            <numerusform>%Ln block of this disk failed and was moved to the spare disk of pair “%1”.</numerusform>
            <numerusform>%Ln blocks of this disk failed and were moved to the spare disk of pair “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) of this disk could not be read; files stored there may be unreadable now.</source>
        <translation>
            <numerusform>%Ln block of this disk could not be read; files stored there may be unreadable now.</numerusform>
            <numerusform>%Ln blocks of this disk could not be read; files stored there may be unreadable now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) could not be read; files stored there may be unreadable now.</source>
        <translation>
            <numerusform>%Ln block could not be read; files stored there may be unreadable now.</numerusform>
            <numerusform>%Ln blocks could not be read; files stored there may be unreadable now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message numerus="yes">
        <source>%Ln block(s) moved from sectors %1 to %2.</source>
        <translation>
            <numerusform>%Ln block moved from sectors %1 to %2.</numerusform>
            <numerusform>%Ln blocks moved from sectors %1 to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%Ln new bad block(s) on the main disk were moved to the spare.</source>
        <translation>
            <numerusform>%Ln new bad block on the main disk was moved to the spare.</numerusform>
            <numerusform>%Ln new bad blocks on the main disk were moved to the spare.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In total %Ln block(s) have been moved. Your data is safe, but the main disk is wearing out.</source>
        <translation>
            <numerusform>In total %Ln block has been moved. Your data is safe, but the main disk is wearing out.</numerusform>
            <numerusform>In total %Ln blocks have been moved. Your data is safe, but the main disk is wearing out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) of pair “%1” could not be read; files stored there may be unreadable now. Copy what you still can from %2 to another disk.</source>
        <translation>
            <numerusform>%Ln block of pair “%1” could not be read; files stored there may be unreadable now. Copy what you still can from %2 to another disk.</numerusform>
            <numerusform>%Ln blocks of pair “%1” could not be read; files stored there may be unreadable now. Copy what you still can from %2 to another disk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The background scan of pair “%1”, finished on %2, found %Ln unreadable place(s) on the main disk. What was stored there cannot be read now; each of these blocks is moved to the spare disk when it is next written.</source>
        <translation>
            <numerusform>The background scan of pair “%1”, finished on %2, found %Ln unreadable place on the main disk. What was stored there cannot be read now; each of these blocks is moved to the spare disk when it is next written.</numerusform>
            <numerusform>The background scan of pair “%1”, finished on %2, found %Ln unreadable places on the main disk. What was stored there cannot be read now; each of these blocks is moved to the spare disk when it is next written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln hour</numerusform>
            <numerusform>%Ln hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairRules</name>
    <message numerus="yes">
        <source>The pair has %Ln unreadable block(s) whose data cannot be copied. Restore or delete the files stored in them first (writing to these blocks moves them to the spare).</source>
        <translation>
            <numerusform>The pair has %Ln unreadable block whose data cannot be copied. Restore or delete the files stored in it first (writing to this block moves it to the spare).</numerusform>
            <numerusform>The pair has %Ln unreadable blocks whose data cannot be copied. Restore or delete the files stored in them first (writing to these blocks moves them to the spare).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairWizard</name>
    <message numerus="yes">
        <source>room for %Ln bad block(s)</source>
        <translation>
            <numerusform>room for %Ln bad block</numerusform>
            <numerusform>room for %Ln bad blocks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemapMapWidget</name>
    <message numerus="yes">
        <source>%Ln block(s) moved to the spare</source>
        <translation>
            <numerusform>%Ln block moved to the spare</numerusform>
            <numerusform>%Ln blocks moved to the spare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unreadable block(s) waiting</source>
        <translation>
            <numerusform>%Ln unreadable block waiting</numerusform>
            <numerusform>%Ln unreadable blocks waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanView</name>
    <message numerus="yes">
        <source>%Ln read(s) of this pass found unreadable blocks. They are listed as unreadable now and are moved to the spare when next written.</source>
        <translation>
            <numerusform>%Ln read of this pass found unreadable blocks. They are listed as unreadable now and are moved to the spare when next written.</numerusform>
            <numerusform>%Ln reads of this pass found unreadable blocks. They are listed as unreadable now and are moved to the spare when next written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln read(s) of the last pass found unreadable blocks. They were listed as unreadable and are moved to the spare when next written.</source>
        <translation>
            <numerusform>%Ln read of the last pass found unreadable blocks. They were listed as unreadable and are moved to the spare when next written.</numerusform>
            <numerusform>%Ln reads of the last pass found unreadable blocks. They were listed as unreadable and are moved to the spare when next written.</numerusform>
        </translation>
    </message>
</context>
</TS>
